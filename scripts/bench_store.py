"""Time the store: open (connect + migrate), save, load, correct, the per-rerun version check.

    python scripts/bench_store.py [--db URL] [--runs N] [--postgres]

Default: a SQLite file in a temporary folder. `--db` names another database (the tables are
added to it); `--postgres` starts a throwaway PostgreSQL server from Debian's package, as the
tests do (tests/postgres_server.py). Prints the median and the slowest of N runs, in ms.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import median_and_worst_ms  # noqa: E402  (scripts/, first on sys.path)

sys.path.insert(0, str(ROOT / "tests"))




def bench(url: str, runs: int) -> None:
    from dashboard.extraction import extract_trip_from_file
    from dashboard.store import Subject, TripStore, open_engine

    trip = extract_trip_from_file(ROOT / "seeds" / "000_2088198bdb06ddc9.txt")
    start = time.perf_counter()
    store = TripStore(open_engine(url))
    print(f"  open (connect + migrations):      {(time.perf_counter() - start) * 1000:8.1f} ms")
    ids: list[str] = []
    median, worst = median_and_worst_ms(lambda: ids.append(store.save(trip)), runs)
    print(f"  save an article and its trip:     {median:8.1f} ms median, {worst:.1f} max")
    median, worst = median_and_worst_ms(lambda: store.load(ids[0]), runs)
    print(f"  load a saved trip:                {median:8.1f} ms median, {worst:.1f} max")
    stored = store.load(ids[0])
    assert stored is not None
    version = [stored.version]

    def correct() -> None:
        edits = list(stored.edits)
        edits[1] = edits[1].model_copy(update={"leaders": [f"Leader {version[0]}"]})
        version[0] = store.correct(Subject.saved(ids[0]), edits, version[0])

    median, worst = median_and_worst_ms(correct, runs)
    print(f"  save a correction (a revision):   {median:8.1f} ms median, {worst:.1f} max")
    median, worst = median_and_worst_ms(lambda: store.load(ids[0]), runs)
    print(f"  load it with {runs} revisions:       {median:8.1f} ms median, {worst:.1f} max")
    subjects = [Subject.saved(i) for i in ids[:20]] + [Subject.folder("0" * 64, "x")]
    median, worst = median_and_worst_ms(lambda: store.versions(subjects), runs)
    print(f"  version check per rerun (21 ids): {median:8.1f} ms median, {worst:.1f} max")
    store.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    if args.postgres:
        from postgres_server import start_postgres

        server = start_postgres()
        try:
            print("PostgreSQL (throwaway server)")
            bench(server.create_database("bench"), args.runs)
        finally:
            server.stop()
        return
    if args.db:
        print(args.db)
        bench(args.db, args.runs)
        return
    from dashboard.store.settings import sqlite_url

    with tempfile.TemporaryDirectory() as folder:
        print("SQLite (temporary file)")
        bench(sqlite_url(Path(folder) / "bench.sqlite3"), args.runs)


if __name__ == "__main__":
    main()
