"""Command line for the official travel record.

    python -m dashboard.records check FILE [FILE ...] --records DIR [--published YYYY-MM-DD]
    python -m dashboard.records download [--dest DIR]
    python -m dashboard.records summary --records DIR [--who SLUG] [--json]

`check` groups its files into trips as the app does (`dashboard.merging`: same traveller,
dates within a few days, the trips.toml beside the first file) and checks each merged trip:
the seed and a report of one of its stops are checked as one trip.

Errors go to stderr as one clear message, never a traceback, with exit status 2.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import warnings
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pandas as pd

from dashboard.records.crosscheck import check_stops_for, format_span, trip_days
from dashboard.records.download import DownloadError, download_records
from dashboard.records.journeys import journey_table, records_in_range, traveler_summary
from dashboard.records.reader import RecordFileError, read_records
from dashboard.records.settings import CACHE_DIR, ENV_VAR, find_records_dir
from dashboard.records.traveler import match_traveler

EXIT_ERROR = 2


class CommandError(Exception):
    """A problem to report to the user in one line."""


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from exc


def _iso(value: object) -> str | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date().isoformat()


def _text(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def _load(records_arg: str | None, verbose: bool) -> tuple[pd.DataFrame, list[str]]:
    """The record's visits, and the record files that could not be read whole (each printed
    as an error: the command still runs on what was read, and exits non-zero)."""
    location = find_records_dir(records_arg)
    if location is None:
        raise CommandError(
            f"no official record found: pass --records DIR, set {ENV_VAR}, or run "
            f"`python -m dashboard.records download` (saves to {CACHE_DIR})")
    if not location.path.exists():
        raise CommandError(f"records folder {location.description} does not exist")
    frame, notes = read_records(location.path)
    if frame.empty:
        detail = f": {notes[0]}" if notes else ""
        raise CommandError(f"no visits could be read from {location.path}{detail}")
    faults = [message for message in notes if isinstance(message, RecordFileError)]
    for message in faults:
        print(f"error: records: {message}", file=sys.stderr)
    notes = [message for message in notes if not isinstance(message, RecordFileError)]
    if notes:
        if verbose:
            for message in notes:
                print(f"records: {message}", file=sys.stderr)
        else:
            print(f"records: {len(notes)} note(s) while reading {location.path} "
                  "(--verbose lists them)", file=sys.stderr)
    return frame, faults


def _stop_json(row: pd.Series, city: object) -> dict[str, object]:
    record = None
    if not pd.isna(row["record_id"]):
        record = {"start": _iso(row["record_start"]), "end": _iso(row["record_end"]),
                  "locale": _text(row["record_locale"]), "id": _text(row["record_id"])}
    return {
        "stop_index": None if pd.isna(row["stop_index"]) else int(row["stop_index"]),
        "country_code": _text(row["country_code"]), "country": _text(row["country"]),
        "city": _text(city), "start": _iso(row["start"]), "end": _iso(row["end"]),
        "status": str(row["status"]), "note": _text(row["note"]), "record": record,
    }


def _extract(path: str, published: date | None):  # type: ignore[no-untyped-def]
    try:
        from dashboard.extraction import extract_trip_from_file
    except ImportError as exc:
        raise CommandError("the article extractor (dashboard.extraction."
                           "extract_trip_from_file) is not available in this version") from exc
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        trip = extract_trip_from_file(path, published=published)
    for warning in caught:
        print(f"note: {warning.message}", file=sys.stderr)
    return trip


def _check_trip(merged, records: pd.DataFrame, published: date | None,  # type: ignore[no-untyped-def]
                files: dict[str, str]) -> dict[str, object]:
    """One merged trip (`dashboard.merging.MergedTrip`) against the record."""
    from dashboard.tables import build_tables

    itinerary = build_tables([merged]).itinerary
    when = min((s.published for s in merged.sources if s.published), default=None) \
        or published
    match = match_traveler(merged.traveler, records, trip_days(itinerary, when))
    checked = check_stops_for(itinerary, records, match, when)
    cities = dict(zip(itinerary["stop_id"], itinerary["city"], strict=True))
    sources = dict(zip(itinerary["stop_id"], itinerary["sources"], strict=True))
    paths = [files.get(s.id, s.path) for s in merged.sources]
    stops = []
    for _, row in checked.iterrows():
        stop = _stop_json(row, cities.get(row["stop_id"]))
        stop["sources"] = [files.get(s, s) for s in sources.get(row["stop_id"], [])]
        stops.append(stop)
    return {
        "file": paths[0], "files": paths, "trip_id": merged.id, "traveler": merged.traveler,
        "record_traveler": ({"who": match.who, "name": match.name, "role": match.role}
                            if match.who else None),
        "traveler_note": match.note,
        "stops": stops,
    }


def cmd_check(args: argparse.Namespace) -> int:
    from dashboard.merging import merge_articles, read_trips_file

    missing = [f for f in args.files if not Path(f).is_file()]
    if len(missing) == len(args.files):
        raise CommandError("no such file: " + ", ".join(missing))
    records, faults = _load(args.records, args.verbose)
    trips, errors = [], []
    for path in args.files:
        if path in missing:
            errors.append(f"{path}: no such file")
            continue
        try:
            trips.append(_extract(path, args.published))
        except CommandError:
            raise
        except Exception as exc:  # one bad article must not stop the others
            errors.append(f"{path}: could not extract a trip ({exc})")
    plan = read_trips_file(Path(args.files[0]).parent, [Path(t.article.path).name for t in trips])
    for problem in plan.problems:
        print(f"note: {problem}", file=sys.stderr)
    checked = []
    for merged in merge_articles(trips, plan=plan):
        # source ids are numbered by the merge; the output names each source by its file
        files = {ref.id: ref.path for ref in merged.sources}
        checked.append(_check_trip(merged, records, args.published, files))
    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    json.dump({"trips": checked, "errors": errors}, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return EXIT_ERROR if errors or faults else 0


def cmd_download(args: argparse.Namespace) -> int:
    dest = Path(args.dest) if args.dest else CACHE_DIR
    written = download_records(dest, timeout=args.timeout)
    print(f"saved {len(written)} file(s) to {dest}")
    print(f"the app finds them there; or set {ENV_VAR}={dest}")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    records, faults = _load(args.records, args.verbose)
    return _summarise(args, records) or (EXIT_ERROR if faults else 0)


def _summarise(args: argparse.Namespace, records: pd.DataFrame) -> int:
    if args.who:
        if not (records["who"] == args.who).any():
            known = sorted(records["who"].dropna().unique())
            surnames = {str(w).split("-")[0]: str(w) for w in known}
            close = [w for w in known if w.startswith(args.who)] or [
                surnames[s] for s in difflib.get_close_matches(args.who.split("-")[0], surnames)
            ] or difflib.get_close_matches(args.who, known, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise CommandError(f"no traveller {args.who!r} in the record{hint}")
        journeys = journey_table(records_in_range(records, args.who), args.gap_days)
        if args.json:
            out = journeys.assign(start=journeys["start"].map(_iso), end=journeys["end"].map(_iso))
            print(out.to_json(orient="records", force_ascii=False, indent=2))
            return 0
        print(f"{journeys['name'].iloc[0]} ({args.who}): {journeys['n_visits'].sum()} visits "
              f"in {len(journeys)} journeys")
        for _, row in journeys.iterrows():
            print(f"  {row['journey_id']:<20} {format_span(row['start'], row['end']):<26} "
                  f"{', '.join(row['countries'])}")
        return 0
    table = traveler_summary(records, args.gap_days)
    if args.json:
        out = table.assign(first=table["first"].map(_iso), last=table["last"].map(_iso))
        print(out.to_json(orient="records", force_ascii=False, indent=2))
        return 0
    print(f"{len(records)} visits by {len(table)} travellers "
          f"({(records['role'] == 'secretary').sum()} secretary, "
          f"{(records['role'] == 'president').sum()} president)")
    for _, row in table.iterrows():
        print(f"  {row['who']:<28} {row['role']:<9} {row['visits']:>4} visits "
              f"{row['journeys']:>3} journeys  {_iso(row['first']) or 'undated'} to "
              f"{_iso(row['last']) or 'undated'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.records",
        description="The official travel record of U.S. Secretaries of State and Presidents "
                    "(Office of the Historian): check trips against it, download it, summarise it.")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check articles' stops against the record (JSON); "
                                              "articles about one trip are checked as one")
    check.add_argument("files", nargs="+", metavar="FILE", help="article .txt or .md files")
    check.add_argument("--records", metavar="DIR",
                       help=f"records folder (default: ${ENV_VAR}, then the download cache)")
    check.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                       help="publication date, for articles that do not state one")
    check.add_argument("--verbose", action="store_true", help="list notes from reading the record")
    check.set_defaults(handler=cmd_check)

    download = commands.add_parser("download", help="download the record from GitHub")
    download.add_argument("--dest", metavar="DIR", help=f"folder to save to (default {CACHE_DIR})")
    download.add_argument("--timeout", type=float, default=20.0, help="seconds per request")
    download.set_defaults(handler=cmd_download)

    summary = commands.add_parser("summary", help="travellers, or one traveller's journeys")
    summary.add_argument("--records", metavar="DIR",
                         help=f"records folder (default: ${ENV_VAR}, then the download cache)")
    summary.add_argument("--who", metavar="SLUG", help="one traveller, e.g. blinken-antony-j")
    summary.add_argument("--gap-days", type=int, default=3,
                         help="days between visits that still count as one journey (default 3)")
    summary.add_argument("--json", action="store_true", help="print JSON instead of text")
    summary.add_argument("--verbose", action="store_true", help="list notes from reading")
    summary.set_defaults(handler=cmd_summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except (CommandError, DownloadError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader of our output went away (`| head`); that is not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0


if __name__ == "__main__":
    sys.exit(main())
