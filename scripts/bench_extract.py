"""Time the extractor: model load, the seed after load, throughput, memory.

    python scripts/bench_extract.py [ARTICLE] [--runs N] [--articles DIR] [--count N]

Prints, on this machine:
- imports, and loading the spaCy model once per process (`TRIP_SPACY_MODEL`; goal < 2 s);
- the first extraction (gazetteer and taxonomy build), then the median of N extractions of
  the seed with everything loaded (goal < 100 ms), in wall time and in CPU time (the CPU
  figure moves less when other programs share the machine);
- the same seed read back from the store's extraction cache (a temporary SQLite file), what
  a restarted server pays per article it has read before;
- articles per second over `--count` extractions (default 100), cycling through the
  articles of `--articles` (default ../shared/articles when present, else tests/fixtures);
- the process's resident memory with the model loaded (peak RSS).
- the extraction of a 1 MB article (the upload limit: one short sentence about trade,
  repeated), goal under 10 s: extraction is linear in the length of the text (issue 12).
Exit status 1 when the seed's median or the 1 MB article is over its goal. Timings live
here, not in tests.
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BUDGET_MS = 100.0
LOAD_GOAL_S = 2.0


def _rss_mb() -> float:
    """Current resident memory of this process (Linux /proc), else the peak."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
LARGE_BYTES = 1_000_000
LARGE_BUDGET_S = 10.0
LARGE_HEAD = ("Title: Trade trip\nDate: 2022-10-04\n\n"
              "Secretary of State Antony Blinken will travel to Colombia on Monday.\n")
LARGE_SENTENCE = "They discussed trade and investment. "


def _cached_read_ms(article: object, runs: int) -> float:
    """Median time to look the article up in a fresh store's extraction cache and rebuild
    its trip (after one extraction has filled it)."""
    import tempfile

    from dashboard.store import open_engine
    from dashboard.store.extraction_cache import ExtractionCache, extract_articles
    from dashboard.store.settings import sqlite_url

    with tempfile.TemporaryDirectory(prefix="bench-cache-") as tmp:
        engine = open_engine(sqlite_url(Path(tmp) / "cache.sqlite3"))
        cache = ExtractionCache(engine)
        extract_articles([article], cache)  # type: ignore[list-item]
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            extract_articles([article], cache)  # type: ignore[list-item]
            timings.append((time.perf_counter() - start) * 1000)
        engine.dispose()
    return statistics.median(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?",
                        default=str(ROOT / "seeds" / "000_2088198bdb06ddc9.txt"))
    parser.add_argument("--runs", type=int, default=21)
    shared = ROOT.parent / "shared" / "articles"
    parser.add_argument("--articles", default=str(shared if shared.is_dir()
                                                  else ROOT / "tests" / "fixtures" / "trips"))
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")

    t0 = time.perf_counter()
    from dashboard.articles import read_article
    from dashboard.extraction import extract_trip
    from dashboard.extraction.nlp import load_pipeline, model_name
    from dashboard.models import ArticleError
    t1 = time.perf_counter()
    rss_before = _rss_mb()
    load_pipeline()
    t2 = time.perf_counter()
    rss_model = _rss_mb()
    article = read_article(args.article)
    extract_trip(article)  # first use builds the gazetteer and reads the taxonomy
    t3 = time.perf_counter()
    timings, cpu_timings = [], []
    for _ in range(args.runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        trip = extract_trip(article)
        timings.append((time.perf_counter() - start) * 1000)
        cpu_timings.append((time.process_time() - start_cpu) * 1000)
    median = statistics.median(timings)
    cached_ms = _cached_read_ms(article, args.runs)

    paths = sorted(p for p in Path(args.articles).glob("*.txt"))
    articles = [read_article(p) for p in paths]
    done = chars = 0
    start = time.perf_counter()
    for n in range(args.count if articles else 0):
        item = articles[n % len(articles)]
        with contextlib.suppress(ArticleError):  # (an article with no trip still counts)
            extract_trip(item)
        done += 1
        chars += len(item.text)
    elapsed = time.perf_counter() - start

    print(f"model: {model_name()}")
    print(f"imports: {(t1 - t0) * 1000:.0f} ms; model load (once per process): "
          f"{t2 - t1:.2f} s (goal {LOAD_GOAL_S:.0f} s: "
          f"{'OK' if t2 - t1 < LOAD_GOAL_S else 'OVER'})")
    print(f"first extraction incl. gazetteer build: {(t3 - t2) * 1000:.0f} ms")
    print(f"seed {Path(args.article).name} ({len(article.text)} chars, {len(trip.stops)} "
          f"stops), median of {args.runs} runs: {median:.1f} ms (min {min(timings):.1f}, "
          f"max {max(timings):.1f}); goal {BUDGET_MS:.0f} ms: "
          f"{'OK' if median < BUDGET_MS else 'OVER'}; CPU time median "
          f"{statistics.median(cpu_timings):.1f} ms")
    print(f"seed from the extraction cache (SQLite, a restart's cost per article read before), "
          f"median of {args.runs}: {cached_ms:.1f} ms")
    if done:
        print(f"throughput: {done} articles ({len(articles)} distinct from {args.articles}, "
              f"{chars / done / 1000:.1f} k chars each on average) in {elapsed:.1f} s = "
              f"{done / elapsed:.1f} articles/s")
    print(f"memory: {rss_before:.0f} MB before the model, {rss_model:.0f} MB with it loaded, "
          f"{_rss_mb():.0f} MB after the runs")

    from dashboard.articles import read_article_text
    repeats = (LARGE_BYTES - len(LARGE_HEAD)) // len(LARGE_SENTENCE)
    large = read_article_text("large.txt", LARGE_HEAD + LARGE_SENTENCE * repeats)
    start_cpu, start_wall = time.process_time(), time.perf_counter()
    extract_trip(large)
    cpu, wall = time.process_time() - start_cpu, time.perf_counter() - start_wall
    print(f"1 MB article ({len(large.text):,} chars, {repeats:,} sentences): {wall:.1f} s "
          f"({cpu:.1f} s CPU); budget {LARGE_BUDGET_S:.0f} s: "
          f"{'OK' if wall < LARGE_BUDGET_S else 'OVER BUDGET'}")
    return 0 if median < BUDGET_MS and wall < LARGE_BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
