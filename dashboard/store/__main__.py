"""Command line for the store: save articles, show, correct and restore saved trips.

    python -m dashboard.store save FILE [--published YYYY-MM-DD]
    python -m dashboard.store show ID
    python -m dashboard.store correct ID --stop N [--start D] [--end D] [--city NAME]
                                          [--country CC] [--lat X --lon Y] [--leader NAME ...]
    python -m dashboard.store history ID
    python -m dashboard.store restore ID REVISION
    python -m dashboard.store reset ID
    python -m dashboard.store join FILE FILE [FILE ...] [--note TEXT]
    python -m dashboard.store split FILE [FILE ...] [--note TEXT]
    python -m dashboard.store groupings [--all]
    python -m dashboard.store undo N

Each takes `--db URL` (default: the app's setting, see `dashboard.store.settings`). `show`
prints the trip in the `python -m dashboard.extract` JSON shape, each stop with the
provenance of every field (corrected ones with the extracted value kept). `join` and
`split` keep a reader's grouping of the articles folder's trips (the articles are named by
the SHA-256 of their text, as the app does; see `dashboard.merging.decisions`); `groupings`
lists those in force (`--all`: undone ones too), `undo N` takes one back.

Exit status: 0 done, 1 it could not be done (unreadable article, unknown trip, database
unreachable, someone else's save in between), 2 bad arguments or refused values.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Sequence

from dashboard.date_range import iso_day_argument

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A bad argument, explained in words; exit status 2."""


class Failed(Exception):
    """The command could not be done; exit status 1."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.store",
        description="Save trips read from articles, correct their stops, and share them by id.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", default=None,
                        help="database URL (default: $TRIP_DATABASE_URL, `database_url` in "
                             ".streamlit/secrets.toml, else var/trips.sqlite3)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    save = commands.add_parser("save", parents=[common], help="extract an article and save it")
    save.add_argument("file", metavar="FILE", help="article file (.txt or .md)")
    save.add_argument("--published", type=iso_day_argument, metavar="YYYY-MM-DD",
                      help="publication date when the article states none")

    show = commands.add_parser("show", parents=[common], help="print a saved trip as JSON")
    show.add_argument("trip_id", metavar="ID")

    correct = commands.add_parser("correct", parents=[common],
                                  help="correct one stop (a new revision)")
    correct.add_argument("trip_id", metavar="ID")
    correct.add_argument("--stop", type=int, required=True, metavar="N",
                         help="stop number, from 1 in travel order")
    correct.add_argument("--start", type=iso_day_argument, metavar="YYYY-MM-DD")
    correct.add_argument("--end", type=iso_day_argument, metavar="YYYY-MM-DD")
    correct.add_argument("--city", metavar="NAME",
                         help="city (coordinates from the gazetteer unless --lat/--lon)")
    correct.add_argument("--country", metavar="CC", help="ISO 3166-1 alpha-2 code, e.g. CL")
    correct.add_argument("--lat", type=float, metavar="DEGREES")
    correct.add_argument("--lon", type=float, metavar="DEGREES")
    correct.add_argument("--leader", action="append", metavar="NAME",
                         help="a leader met there; repeat for several (replaces the list)")
    correct.add_argument("--no-leaders", action="store_true", help="met no leader there")
    correct.add_argument("--note", default=None, help="why (kept in the history)")

    history = commands.add_parser("history", parents=[common], help="list a trip's revisions")
    history.add_argument("trip_id", metavar="ID")

    restore = commands.add_parser("restore", parents=[common],
                                  help="make an earlier revision the current one")
    restore.add_argument("trip_id", metavar="ID")
    restore.add_argument("revision", type=int, metavar="REVISION")

    reset = commands.add_parser("reset", parents=[common],
                                help="undo every correction (history kept)")
    reset.add_argument("trip_id", metavar="ID")

    join = commands.add_parser("join", parents=[common],
                               help="make one trip of these articles (and of their trips)")
    join.add_argument("files", nargs="+", metavar="FILE", help="two or more article files")
    join.add_argument("--note", default=None, help="why (shown with the decision)")
    split = commands.add_parser("split", parents=[common],
                                help="make each of these articles a trip of its own")
    split.add_argument("files", nargs="+", metavar="FILE", help="article files")
    split.add_argument("--note", default=None, help="why (shown with the decision)")
    groupings = commands.add_parser("groupings", parents=[common],
                                    help="list the joins and splits in force")
    groupings.add_argument("--all", action="store_true", help="undone ones too")
    undo = commands.add_parser("undo", parents=[common], help="undo join or split number N")
    undo.add_argument("number", type=int, metavar="N")
    return parser


def _store(url: str | None):  # type: ignore[no-untyped-def]
    from dashboard.store import SettingsError, TripStore, database_url, open_engine
    from dashboard.store.settings import normalise_url

    try:
        resolved = normalise_url(url) if url else database_url()
    except SettingsError as problem:
        raise UsageError(str(problem)) from None
    return TripStore(open_engine(resolved))


def _load(store, trip_id: str):  # type: ignore[no-untyped-def]
    stored = store.load(trip_id)
    if stored is None:
        raise Failed(f"no saved trip '{trip_id[:60]}'")
    return stored


def _save(args: argparse.Namespace) -> int:
    from dashboard.extraction import extract_trip_from_file
    from dashboard.models import ArticleError

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            trip = extract_trip_from_file(args.file, args.published)
    except ArticleError as problem:
        raise Failed(str(problem)) from None
    for message in dict.fromkeys(str(w.message) for w in caught):
        print(f"note: {message}", file=sys.stderr)
    store = _store(args.db)
    trip_id = store.save(trip, name=args.file)
    print(trip_id)
    print(f"?trip={trip_id}")
    print(f"saved {trip.title!r}: {len(trip.stops)} stop(s)", file=sys.stderr)
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    from dashboard.extraction.serialize import trip_to_json

    stored = _load(_store(args.db), args.trip_id)
    document = trip_to_json(stored.trip)
    document["revision"] = stored.version
    document["extractor_version"] = stored.extractor_version
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _correct(args: argparse.Namespace) -> int:
    from dashboard.store import Subject
    from dashboard.store.corrections import locate

    if args.leader and args.no_leaders:
        raise UsageError("give --leader or --no-leaders, not both")
    if (args.lat is None) != (args.lon is None):
        raise UsageError("give both --lat and --lon")
    changes: dict[str, object] = {}
    for name in ("start", "end", "city", "lat", "lon"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.country is not None:
        changes["country_code"] = args.country.strip().upper()
    if args.leader:
        changes["leaders"] = [name.strip() for name in args.leader if name.strip()]
    if args.no_leaders:
        changes["leaders"] = []
    if not changes:
        raise UsageError("nothing to correct: give --start, --end, --city, --country, "
                         "--lat/--lon or --leader")
    store = _store(args.db)
    stored = _load(store, args.trip_id)
    if not 1 <= args.stop <= len(stored.edits):
        raise UsageError(f"--stop {args.stop}: this trip has stops 1 to {len(stored.edits)}")
    edits = list(stored.edits)
    before = edits[args.stop - 1]
    if len(str(changes.get("country_code", "XX"))) != 2:
        raise UsageError(f"--country {args.country}: use a two-letter ISO code such as CL")
    edits[args.stop - 1] = locate(before.model_copy(update=changes), before)
    number = store.correct(Subject.saved(stored.subject.key), edits, stored.version,
                           note=args.note)
    print(f"revision {number}")
    return EXIT_OK


def _history(args: argparse.Namespace) -> int:
    from dashboard.store import Subject

    store = _store(args.db)
    stored = _load(store, args.trip_id)
    revisions = store.history(Subject.saved(stored.subject.key))
    if not revisions:
        print("no corrections: the trip is as extracted")
    for revision in revisions:
        current = " (current)" if revision.number == stored.version else ""
        note = f" - {revision.note}" if revision.note else ""
        print(f"{revision.number}\t{revision.created_at.isoformat(timespec='seconds')}\t"
              f"{revision.action}{current}{note}")
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from dashboard.store import Subject

    store = _store(args.db)
    stored = _load(store, args.trip_id)
    number = store.restore(Subject.saved(stored.subject.key), args.revision, stored.version)
    print(f"revision {number} (restored {args.revision})")
    return EXIT_OK


def _reset(args: argparse.Namespace) -> int:
    from dashboard.store import Subject

    store = _store(args.db)
    stored = _load(store, args.trip_id)
    number = store.reset(Subject.saved(stored.subject.key), stored.extracted, stored.version)
    print(f"revision {number} (reset to extracted)")
    return EXIT_OK


def _grouping(args: argparse.Namespace) -> int:
    from pathlib import Path

    from dashboard.articles import read_article
    from dashboard.merging.decisions import GroupingDecision
    from dashboard.models import ArticleError
    from dashboard.store import content_hash
    from dashboard.store.groupings import add_decision

    keys: dict[str, str] = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # only the text matters here
            for file in args.files:
                keys.setdefault(content_hash(read_article(file).text), Path(file).name)
    except ArticleError as problem:
        raise Failed(str(problem)) from None
    if args.command == "join" and len(keys) < 2:
        raise UsageError("join needs two or more different articles")
    decision = GroupingDecision(args.command, tuple(keys), tuple(keys.values()), note=args.note)
    number = add_decision(_store(args.db), decision)
    print(f"{number}\t{decision.describe()}")
    return EXIT_OK


def _groupings(args: argparse.Namespace) -> int:
    from dashboard.store.groupings import decision_history

    shown = [h for h in decision_history(_store(args.db)) if args.all or h.undone_at is None]
    if not shown:
        print("no joins or splits: the articles are grouped automatically (and by trips.toml)")
    for item in reversed(shown):  # oldest first: the order they apply in
        undone = f"\t(undone {item.undone_at.isoformat(timespec='seconds')})" \
            if item.undone_at else ""
        note = f" - {item.decision.note}" if item.decision.note else ""
        print(f"{item.decision.id}\t{item.created_at.isoformat(timespec='seconds')}\t"
              f"{item.decision.describe()}{note}{undone}")
    return EXIT_OK


def _undo(args: argparse.Namespace) -> int:
    from dashboard.store.groupings import undo_decision

    decision = undo_decision(_store(args.db), args.number)
    print(f"undone {args.number}\t{decision.describe()}")
    return EXIT_OK


COMMANDS = {"save": _save, "show": _show, "correct": _correct, "history": _history,
            "restore": _restore, "reset": _reset, "join": _grouping, "split": _grouping,
            "groupings": _groupings, "undo": _undo}


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse printed usage and the problem
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE

    from dashboard.store import InvalidEdit, NotFound, StoreError

    try:
        return COMMANDS[args.command](args)
    except (UsageError, InvalidEdit) as problem:
        print(f"{parser.prog} {args.command}: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except (Failed, NotFound, StoreError) as problem:
        print(f"{parser.prog} {args.command}: error: {problem}", file=sys.stderr)
        return EXIT_FAILED


def main() -> None:
    try:
        sys.exit(run())
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)


if __name__ == "__main__":
    main()
