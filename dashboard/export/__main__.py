"""Command line: export the itinerary of a folder of articles, filtered, in one format.

    python -m dashboard.export FORMAT [--country CC ...] [--topic SLUG ...] [--trip ID]
                               [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                               [--out PATH] [--articles DIR] [ARTICLE ...]

FORMAT is csv (for spreadsheets: UTF-8 BOM, formula-like cells made inert), csv-plain
(for scripts: values as extracted), geojson, ics, json or html. The file goes to standard
output unless --out names a file (or a folder, which gets a name from the trip). Notes (an
empty selection, stops a format cannot hold, articles that could not be read) go to standard
error.

Exit status: 0 written, 1 nothing could be read or written, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from dashboard.date_range import iso_day_argument

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_ARTICLES = Path("seeds")
_REPO_ARTICLES = Path(__file__).resolve().parents[2] / "seeds"
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


class UsageError(Exception):
    """A bad argument, explained in words; exits with status 2 and no traceback."""


def build_parser() -> argparse.ArgumentParser:
    from dashboard.export import FORMATS

    parser = argparse.ArgumentParser(
        prog="python -m dashboard.export",
        description="Export the itinerary extracted from news articles, following the same "
                    "filters as the dashboard.",
        epilog="Formats: " + "; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()),
    )
    parser.add_argument("format", metavar="FORMAT", choices=list(FORMATS),
                        help="one of: " + ", ".join(FORMATS))
    parser.add_argument("articles", metavar="ARTICLE", nargs="*", type=Path,
                        help="article files to read (default: every article in --articles)")
    parser.add_argument("--articles", dest="folder", metavar="DIR", type=Path, default=None,
                        help="folder of articles (default: seeds/)")
    parser.add_argument("--country", metavar="CC", action="append", default=[],
                        help="keep stops in this country (ISO 3166 alpha-2); repeatable")
    parser.add_argument("--topic", metavar="SLUG", action="append", default=[],
                        help="keep stops that carry this topic; repeatable")
    parser.add_argument("--trip", metavar="ID", default=None, help="keep one trip by its id")
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", type=iso_day_argument,
                        help="keep stops on or after this day")
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", type=iso_day_argument,
                        help="keep stops on or before this day")
    parser.add_argument("--title", default=None, help="title of the report or calendar")
    parser.add_argument("--out", metavar="PATH", type=Path, default=None,
                        help="write here instead of standard output (a folder gets a "
                             "file named after the trip)")
    return parser


def _article_paths(files: Sequence[Path], folder: Path | None) -> list[Path]:
    from dashboard.tables import article_paths

    if files:
        if folder is not None:
            raise UsageError("give either ARTICLE files or --articles DIR, not both")
        missing = [str(p) for p in files if not p.is_file()]
        if missing:
            raise UsageError("no such article file: " + ", ".join(missing))
        return list(files)
    if folder is None:
        folder = DEFAULT_ARTICLES if DEFAULT_ARTICLES.is_dir() else _REPO_ARTICLES
    if not folder.is_dir():
        raise UsageError(f"no such articles folder: {folder}")
    paths = article_paths(folder)
    if not paths:
        raise UsageError(f"no articles (.txt or .md files) in {folder}")
    return paths


def _country_codes(values: Sequence[str]) -> tuple[str, ...]:
    import pycountry

    codes: list[str] = []
    for value in values:
        code = value.strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise UsageError(f"'{value}' is not a country code; use two letters such as CL "
                             "(ISO 3166-1 alpha-2)")
        if pycountry.countries.get(alpha_2=code) is None:
            raise UsageError(f"unknown country code '{value}' (ISO 3166-1 alpha-2, e.g. CL)")
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def _topics(values: Sequence[str], known: dict[str, str]) -> tuple[str, ...]:
    slugs: list[str] = []
    for value in values:
        slug = value.strip().lower()
        if not _SLUG.match(slug) or slug not in known:
            listed = ", ".join(known) or "none"
            raise UsageError(f"unknown topic '{value}'; topics in these articles: {listed}")
        if slug not in slugs:
            slugs.append(slug)
    return tuple(slugs)


def _write(data: bytes, out: Path | None, file_name: str) -> Path | None:
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return None
    target = out / file_name if out.is_dir() else out
    target.write_bytes(data)
    return target


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_intermixed_args(argv)
    except SystemExit as exit_:  # argparse has printed usage and the problem
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE

    from dashboard.export import render_export
    from dashboard.filters import Selection, apply_selection, available_topics
    from dashboard.tables import build_tables, load_merged

    try:
        countries = _country_codes(args.country)
        if args.date_from and args.date_to and args.date_from > args.date_to:
            raise UsageError(f"--from {args.date_from} is after --to {args.date_to}")
        if args.out is not None and not args.out.is_dir() and not args.out.parent.is_dir():
            raise UsageError(f"cannot write {args.out}: folder {args.out.parent} does not exist")
        paths = _article_paths(args.articles, args.folder)
        with warnings.catch_warnings(record=True) as caught:  # shown as plain notes below
            warnings.simplefilter("always")
            # Articles about one trip are merged, as in the app (trips.toml beside them).
            trips, errors, grouping = load_merged(paths, paths[0].parent)
        for message in dict.fromkeys(str(w.message) for w in caught):
            print(f"note: {message}", file=sys.stderr)
        for error in errors:
            print(f"warning: {error}", file=sys.stderr)
        for problem in grouping:
            print(f"warning: {problem}", file=sys.stderr)
        if not trips:
            print("error: no trip could be read from the articles", file=sys.stderr)
            return EXIT_FAILED
        tables = build_tables(trips, errors)
        topics = _topics(args.topic, available_topics(tables))
        trip_ids = set(tables.trips["trip_id"])
        if args.trip is not None and args.trip not in trip_ids:
            raise UsageError(f"unknown trip '{args.trip}'; trips: {', '.join(sorted(trip_ids))}")
    except UsageError as problem:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: error: {problem}", file=sys.stderr)
        return EXIT_USAGE

    selection = Selection(trip_ids=(args.trip,) if args.trip else (), countries=countries,
                          topics=topics, date_from=args.date_from, date_to=args.date_to)
    view = apply_selection(tables, selection)
    export = render_export(args.format, view, trips=trips, selection=selection,
                           title=args.title)
    try:
        target = _write(export.data, args.out, export.file_name)
    except OSError as problem:
        print(f"error: cannot write {args.out}: {problem.strerror or problem}", file=sys.stderr)
        return EXIT_FAILED
    for note in export.notes:
        print(f"note: {note}", file=sys.stderr)
    if target is not None:
        print(f"wrote {target} ({len(export.data):,} bytes, {len(view.itinerary)} stops)",
              file=sys.stderr)
    return EXIT_OK


def main() -> None:
    try:
        sys.exit(run())
    except BrokenPipeError:  # `... | head` closed the pipe: not an error worth a traceback
        sys.stderr.close()
        sys.exit(EXIT_OK)


if __name__ == "__main__":
    main()
