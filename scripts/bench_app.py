"""Time what the dashboard does per process and per rerun, on a folder of articles.

    python scripts/bench_app.py [FOLDER] [--runs N]

Per process (cached by the app): reading and extracting every article into the tables.
Per rerun (not cached, by design): applying a filter selection, and building the map and
timeline figures of the result. A rerun must stay well under the ~100 ms a click can take
before it feels slow; the numbers here say whether it does.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _median_ms(work: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "seeds"))
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")

    from dashboard.filters import Selection, apply_selection
    from dashboard.tables import load_tables
    from dashboard.views.colors import stop_colors
    from dashboard.views.route_map import build_deck
    from dashboard.views.timeline import build_timeline

    start = time.perf_counter()
    tables = load_tables(args.folder)
    cold = (time.perf_counter() - start) * 1000
    print(f"folder: {args.folder} ({len(tables.trips)} trips, {len(tables.itinerary)} stops)")
    print(f"tables, first build (gazetteer load included): {cold:.0f} ms")
    warm, _ = _median_ms(lambda: load_tables(args.folder), max(3, args.runs // 4))
    print(f"tables, rebuild (what the cache saves on every rerun): {warm:.1f} ms")

    first = tables.itinerary["country_code"].iloc[0] if len(tables.itinerary) else "CO"
    selection = Selection(countries=(first,))
    median, worst = _median_ms(lambda: apply_selection(tables, selection), args.runs)
    print(f"filter by country {first}: median {median:.2f} ms (max {worst:.2f})")
    colors = stop_colors(tables.itinerary)

    def figures() -> None:
        view = apply_selection(tables, Selection())
        build_deck(view.itinerary, colors)
        build_timeline(view.itinerary, view.events, colors=colors)

    median, worst = _median_ms(figures, args.runs)
    print(f"filter + map + timeline figures: median {median:.1f} ms (max {worst:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
