"""Time what a reader's join or split, an upload joining a folder trip, and a rerun cost.

    python scripts/bench_grouping.py [FOLDER ...] [--runs N]

The articles are extracted once (what the app caches per process). Then, per run:
- regroup: grouping and merging every article and building the tables
  (`merge_articles` + `build_tables`): what a join, a split or an upload costs once (the app
  caches the result on the uploads and decisions, so a rerun does not pay it again);
- upload, before: an upload appended as a trip of its own (`merge_uploads`, the old way);
- decisions query: reading the decisions in force from a SQLite store holding 50 of them
  (`active_decisions`, one query per rerun);
- rerun: a cache hit of the app's grouped tables (`loading.grouped_tables`, same keys).
Default folders: seeds/ and ../shared/articles (when present).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import median_and_worst_ms  # noqa: E402  (scripts/, first on sys.path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    folders = args.folders or [p for p in (ROOT / "seeds", ROOT.parent / "shared" / "articles")
                               if p.is_dir()]

    from dashboard.merging import merge_articles
    from dashboard.merging.decisions import GroupingDecision, article_key
    from dashboard.store import TripStore, open_engine
    from dashboard.store.groupings import active_decisions, add_decision
    from dashboard.store.settings import sqlite_url
    from dashboard.tables import article_paths, build_tables, load_trips
    from dashboard.uploads import merge_uploads

    paths = [p for folder in folders for p in article_paths(folder)]
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trips, _ = load_trips(paths, deduplicate=False)
    extract_s = time.perf_counter() - start
    print(f"{len(trips)} articles from {', '.join(str(f) for f in folders)}; "
          f"extracted once in {extract_s:.1f} s (cached per process by the app)")

    *folder_trips, upload = trips
    base = build_tables(merge_articles(folder_trips))
    print(f"regroup (merge + tables):      {median_and_worst_ms(lambda: build_tables(merge_articles(trips)), args.runs)[0]:7.1f} ms")  # noqa: E501
    split = [GroupingDecision("split", (article_key(trips[0]),))]
    print(f"regroup with a split:          {median_and_worst_ms(lambda: build_tables(merge_articles(trips, decisions=split)), args.runs)[0]:7.1f} ms")  # noqa: E501
    print(f"upload, before (appended):     {median_and_worst_ms(lambda: merge_uploads(base, [upload]), args.runs)[0]:7.1f} ms")  # noqa: E501

    with tempfile.TemporaryDirectory() as folder:
        engine = open_engine(sqlite_url(Path(folder) / "trips.sqlite3"))
        store = TripStore(engine)
        for n in range(50):
            key = f"{n:064x}"
            add_decision(store, GroupingDecision("split", (key,), (f"a{n}.txt",)))
        print(f"decisions query (50 in force): {median_and_worst_ms(lambda: active_decisions(store), args.runs)[0]:7.1f} ms")  # noqa: E501
        engine.dispose()

    import dashboard.loading as loading

    loading._cached_articles.clear()
    original = loading._cached_articles
    def folder_articles(folder, fingerprint, _cache=None):
        return folder_trips, [], loading.TripsPlan()

    loading._cached_articles = folder_articles  # type: ignore[assignment]
    try:
        key = "bench-folder-digest"
        loading.grouped_tables("bench", key, [upload], [])  # fill the cache
        print(f"rerun (cache hit):             {median_and_worst_ms(lambda: loading.grouped_tables('bench', key, [upload], []), args.runs)[0]:7.1f} ms")  # noqa: E501
    finally:
        loading._cached_articles = original  # type: ignore[assignment]


if __name__ == "__main__":
    main()
