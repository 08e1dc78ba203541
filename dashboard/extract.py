"""Command line: extract trips from article files and print them as JSON.

    python -m dashboard.extract FILE [FILE ...] [--published YYYY-MM-DD]
                                [--merge [--slack-days N] [--trips-file trips.toml]]

Prints {"trips": [...]} with one trip per readable file, in the order given. With --merge,
articles about the same trip are grouped and merged (dashboard.merging): one entry per
trip, in the same shape plus `sources` per stop and per fact, and `conflicts`. A file that
cannot be read or yields no trip is reported on stderr (naming the file); the others still
print, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Sequence
from datetime import date

from dashboard.articles import EncodingNote
from dashboard.extraction import extract_trip_from_file, trip_to_json
from dashboard.extraction.nlp import ModelUnavailable
from dashboard.models import ArticleError


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.extract",
        description="Extract diplomatic-trip itineraries from article files as JSON.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="article text files")
    parser.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD", default=None,
                        help="publication date to use when an article states none")
    parser.add_argument("--indent", type=int, default=2, help="JSON indent (default 2)")
    parser.add_argument("--merge", action="store_true",
                        help="group articles about the same trip and merge their stops")
    parser.add_argument("--slack-days", type=int, default=None, metavar="N",
                        help="with --merge: days that may separate two articles of one trip "
                             "(default 3)")
    parser.add_argument("--trips-file", default=None, metavar="TOML",
                        help="with --merge: a trips.toml naming trips (join/split); default: "
                             "the trips.toml beside the first file, if any")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.merge and (args.slack_days is not None or args.trips_file):
        parser.error("--slack-days and --trips-file need --merge")
    if args.slack_days is not None and args.slack_days < 0:
        parser.error("--slack-days must be 0 or more")
    trips = []
    failed = False
    for path in args.files:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                trip = extract_trip_from_file(path, args.published)
            except ArticleError as exc:
                print(f"error: {exc}", file=sys.stderr)
                failed = True
                continue
            except ModelUnavailable as exc:  # no file can be read: say so once
                print(f"error: {exc}", file=sys.stderr)
                return 2
            except Exception as exc:  # a bug must not hide the other files' results
                print(f"error: {path}: extraction failed ({type(exc).__name__}: {exc})",
                      file=sys.stderr)
                failed = True
                continue
        for warning in caught:
            kind = "note" if issubclass(warning.category, EncodingNote) else "warning"
            print(f"{kind}: {warning.message}", file=sys.stderr)
        trips.append(trip)
    output = _merged(trips, args) if args.merge else [trip_to_json(trip) for trip in trips]
    json.dump({"trips": output}, sys.stdout, ensure_ascii=False, indent=args.indent)
    sys.stdout.write("\n")
    return 1 if failed else 0


def _merged(trips: list, args: argparse.Namespace) -> list[dict]:
    from pathlib import Path

    from dashboard.merging import DEFAULT_SLACK_DAYS, merge_articles, read_trips_file
    from dashboard.merging.serialize import merged_trip_to_json

    names = [Path(t.article.path).name for t in trips]
    if args.trips_file and not Path(args.trips_file).is_file():
        print(f"warning: {args.trips_file}: no such file; articles are grouped automatically",
              file=sys.stderr)
    plan = read_trips_file(args.trips_file or Path(args.files[0]).parent, names)
    for problem in plan.problems:
        print(f"warning: {problem}", file=sys.stderr)
    slack = DEFAULT_SLACK_DAYS if args.slack_days is None else args.slack_days
    return [merged_trip_to_json(t) for t in merge_articles(trips, slack_days=slack, plan=plan)]


if __name__ == "__main__":
    sys.exit(main())
