"""Wall-clock timing shared by the benchmark scripts (`make bench`)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_and_worst_ms(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Run `work` `runs` times; the median and the slowest run, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)
