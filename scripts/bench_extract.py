"""Time extracting the seed article, after imports and the one-off gazetteer build.

    python scripts/bench_extract.py [ARTICLE] [--runs N]

Prints the one-off start-up cost (imports, first extraction: gazetteer and taxonomy load)
and the median of N further extractions, which must stay under 50 ms; then the time to extract
a 1 MB article (the upload limit: one short sentence about trade, repeated), which must stay
under 10 s: extraction is linear in the length of the text (issue 12, item 1).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BUDGET_MS = 50.0
LARGE_BYTES = 1_000_000
LARGE_BUDGET_S = 10.0
LARGE_HEAD = ("Title: Trade trip\nDate: 2022-10-04\n\n"
              "Secretary of State Antony Blinken will travel to Colombia on Monday.\n")
LARGE_SENTENCE = "They discussed trade and investment. "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?",
                        default=str(ROOT / "seeds" / "000_2088198bdb06ddc9.txt"))
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")

    t0 = time.perf_counter()
    from dashboard.articles import read_article
    from dashboard.extraction import extract_trip
    t1 = time.perf_counter()
    article = read_article(args.article)
    extract_trip(article)  # first use builds the gazetteer and reads the taxonomy
    t2 = time.perf_counter()
    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        trip = extract_trip(article)
        timings.append((time.perf_counter() - start) * 1000)
    median = statistics.median(timings)
    print(f"article: {args.article} ({len(article.text)} chars, {len(trip.stops)} stops)")
    print(f"imports: {(t1 - t0) * 1000:.0f} ms; first extraction incl. gazetteer build: "
          f"{(t2 - t1) * 1000:.0f} ms")
    print(f"extraction, median of {args.runs} runs: {median:.1f} ms "
          f"(min {min(timings):.1f}, max {max(timings):.1f}); budget {BUDGET_MS:.0f} ms: "
          f"{'OK' if median < BUDGET_MS else 'OVER BUDGET'}")

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
