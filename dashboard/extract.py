"""Command line: extract trips from article files and print them as JSON.

    python -m dashboard.extract FILE [FILE ...] [--published YYYY-MM-DD]

Prints {"trips": [...]} with one trip per readable file, in the order given. A file that
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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
            print(f"warning: {warning.message}", file=sys.stderr)
        trips.append(trip_to_json(trip))
    json.dump({"trips": trips}, sys.stdout, ensure_ascii=False, indent=args.indent)
    sys.stdout.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
