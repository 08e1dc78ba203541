"""Time what the dashboard does per process and per rerun, on a folder of articles, and
hold its pages against a bare Streamlit page measured in the same run.

    python scripts/bench_app.py [FOLDER] [--runs N] [--only functions,pages,scale,sessions]
                                [--rounds 5] [--trips 500] [--sessions 20]

functions: reading and extracting every article (per process, cached by the app); applying
  a filter and building the map and timeline (per rerun).
pages (needs Chromium): the Overview of the seed and `scripts/bench_bare_app.py` (the same
  widgets, a pydeck map, a plotly chart), alternating for --rounds rounds, each a fresh
  browser: server CPU and wall time of a page load and of a filter change (a country picked
  in the sidebar), and the bytes the server sends over the websocket for each. Goals (issue
  12): load + filter change <= 1.3x the bare page; <= 150 KB per rerun.
scale: the app run by AppTest at 1 trip and at --trips trips (copies of seeds/ and
  tests/fixtures/trips, each with its own last line, so every file is a text of its own),
  each in a fresh process with a store of its own: the cold start (first run: extraction,
  record read, cross-check) the first time ever (empty extraction cache: every article goes
  through the language model) and again after a restart (every text in the store's
  extraction cache), and a warm rerun. Goals: warm rerun at 500 trips <= 5x the rerun at 1
  trip; cold start at 500 trips <= 20 s with the extraction cache filled.
sessions (needs Chromium): server memory after --sessions visitors have each loaded the
  Overview (all kept open). Goal: <= 400 MB.
The official record is used when one is configured (TRIP_RECORDS_DIR, or see
dashboard/records/settings.py); without it the cross-check is not measured, and the output
says so.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import median_and_worst_ms  # noqa: E402  (scripts/, first on sys.path)


def bench_functions(args: argparse.Namespace) -> None:

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
    warm, _ = median_and_worst_ms(lambda: load_tables(args.folder), max(3, args.runs // 4))
    print(f"tables, rebuild (what the cache saves on every rerun): {warm:.1f} ms")

    first = tables.itinerary["country_code"].iloc[0] if len(tables.itinerary) else "CO"
    selection = Selection(countries=(first,))
    median, worst = median_and_worst_ms(lambda: apply_selection(tables, selection), args.runs)
    print(f"filter by country {first}: median {median:.2f} ms (max {worst:.2f})")
    colors = stop_colors(tables.itinerary)

    def figures() -> None:
        view = apply_selection(tables, Selection())
        build_deck(view.itinerary, colors)
        build_timeline(view.itinerary, view.events, colors=colors)

    median, worst = median_and_worst_ms(figures, args.runs)
    print(f"filter + map + timeline figures: median {median:.1f} ms (max {worst:.1f})")


# --- pages in a browser, against the bare page ---------------------------------------------

BARE_APP = ROOT / "scripts" / "bench_bare_app.py"
GOAL_RATIO = 1.3
GOAL_RERUN_BYTES = 150_000
GOAL_SCALE_RATIO = 5.0
GOAL_COLD_S = 20.0
GOAL_MEMORY_MB = 400.0
# Other programs share the machine: a page may take minutes to draw while they run.
PAGE_TIMEOUT_MS = 300_000


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class WebsocketBytes:
    """Bytes the server sent over the page's websockets (Playwright frames)."""

    def __init__(self, page: Any) -> None:
        self.total = 0
        page.on("websocket", self._watch)

    def _watch(self, socket: Any) -> None:
        def count(payload: str | bytes) -> None:
            self.total += len(payload.encode() if isinstance(payload, str) else payload)

        socket.on("framereceived", count)


IDLE_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app !== null && app.getAttribute('data-test-script-state') === 'notRunning'
        && app.getAttribute('data-test-connection-state') === 'CONNECTED'
        && !document.querySelector('[data-testid="stStatusWidget"]');
}"""


def _wait_for_rerun(page: Any, before: int, received: WebsocketBytes, sent: int) -> None:
    """Wait for the rerun a widget change started, then for the page to be drawn.

    A run that starts and ends between two renders never shows its "running" state, so the
    run counter of `wait_for_run` can miss it (the bare page, and now the dashboard, rerun in
    well under 0.1 s): the server's answer arriving (more websocket bytes) with the app idle
    counts as well; `wait_for_drawn` then waits for the page to be quiet."""
    from dashboard.devtools.browser import runs_finished, wait_for_drawn

    deadline = time.monotonic() + PAGE_TIMEOUT_MS / 1000
    while runs_finished(page) <= before and not (received.total > sent
                                                 and page.evaluate(IDLE_JS)):
        if time.monotonic() > deadline:
            raise TimeoutError(f"no rerun within {PAGE_TIMEOUT_MS / 1000:.0f} s")
        page.wait_for_timeout(50)
    wait_for_drawn(page, timeout_ms=PAGE_TIMEOUT_MS)


def _measure_page(browser: Any, url: str, pid: int) -> dict[str, float]:
    from dashboard.devtools.browser import (
        PAGE_STATE_SCRIPT,
        runs_finished,
        wait_for_drawn,
        wait_for_run,
    )

    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.add_init_script(PAGE_STATE_SCRIPT)
    received = WebsocketBytes(page)
    cpu, wall = cpu_seconds(pid), time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    wait_for_run(page, after=0, timeout_ms=PAGE_TIMEOUT_MS)
    wait_for_drawn(page, timeout_ms=PAGE_TIMEOUT_MS)
    load = {"load_cpu": cpu_seconds(pid) - cpu, "load_wall": time.perf_counter() - wall,
            "load_bytes": received.total}
    country = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has=page.get_by_text("Country", exact=True)).locator("input")
    country.click()
    before, sent = runs_finished(page), received.total
    cpu, wall = cpu_seconds(pid), time.perf_counter()
    # one country: Streamlit lists "Select all" first, which would change nothing
    page.get_by_role("option").filter(has_not_text="Select all").first.click()
    _wait_for_rerun(page, before, received, sent)
    load.update(filter_cpu=cpu_seconds(pid) - cpu, filter_wall=time.perf_counter() - wall,
                filter_bytes=received.total - sent)
    context.close()
    return load


def bench_pages(args: argparse.Namespace) -> None:
    from playwright.sync_api import sync_playwright

    from dashboard.devtools.serve import CHROMIUM_ARGS, SEEDS_DIR, chromium_path, start_dashboard

    if not Path(chromium_path()).exists():
        print(f"pages: skipped, no Chromium at {chromium_path()} (set CHROMIUM_PATH)")
        return
    apps = {"dashboard": start_dashboard(SEEDS_DIR), "bare": start_dashboard(
        SEEDS_DIR, app_script=BARE_APP)}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in apps}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(),
                                                 args=CHROMIUM_ARGS)
            for app in apps.values():  # warm-up: first imports, caches, page assets
                _measure_page(browser, app.url + "/", app.process.pid)
            for _ in range(args.rounds):
                for name, app in apps.items():
                    results[name].append(_measure_page(browser, app.url + "/",
                                                       app.process.pid))
            browser.close()
    finally:
        for app in apps.values():
            app.stop()
    median = {name: {key: statistics.median(r[key] for r in rows) for key in rows[0]}
              for name, rows in results.items()}
    print(f"pages: seed Overview vs bare page, median of {args.rounds} alternating rounds")
    for key, unit in (("load_cpu", "s CPU"), ("filter_cpu", "s CPU"), ("load_wall", "s"),
                      ("filter_wall", "s"), ("load_bytes", "bytes"), ("filter_bytes", "bytes")):
        ours, bare = median["dashboard"][key], median["bare"][key]
        print(f"  {key:13} dashboard {ours:12,.3f} {unit:6} bare {bare:12,.3f}  "
              f"ratio {ours / bare if bare else float('nan'):.2f}x")
    both = {name: m["load_cpu"] + m["filter_cpu"] for name, m in median.items()}
    ratio = both["dashboard"] / both["bare"]
    print(f"  load + filter change, server CPU: {ratio:.2f}x the bare page "
          f"(goal <= {GOAL_RATIO}x: {'met' if ratio <= GOAL_RATIO else 'NOT met'})")
    wall = {name: m["load_wall"] + m["filter_wall"] for name, m in median.items()}
    print(f"  load + filter change, wall time: {wall['dashboard'] / wall['bare']:.2f}x")
    rerun = median["dashboard"]["filter_bytes"]
    print(f"  websocket bytes of a filter-change rerun: {rerun / 1000:.0f} KB "
          f"(goal <= {GOAL_RERUN_BYTES // 1000} KB: "
          f"{'met' if rerun <= GOAL_RERUN_BYTES else 'NOT met'}); of a page load "
          f"{median['dashboard']['load_bytes'] / 1000:.0f} KB")


# --- growth with the number of trips (AppTest) ----------------------------------------------

def make_trip_folder(count: int, folder: Path) -> Path:
    """`count` articles (copies of seeds/ and tests/fixtures/trips, in turn) in `folder`.

    Each copy ends with its own lowercase line ("(bench copy 17)", which names no one and
    nowhere), so every file has its own text: the extraction cache and the loader cannot
    share one extraction between copies, and a cold start extracts all `count` of them."""
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "fixtures" / "trips").glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        source = sources[n % len(sources)]
        text = source.read_text(encoding="utf-8").rstrip("\n") + f"\n\n(bench copy {n})\n"
        (folder / f"{n:04d}_{source.name}").write_text(text, encoding="utf-8")
    return folder


def _apptest_child(folder: str, reruns: int) -> int:
    """In a fresh process: the first run of the app (cold) and warm reruns, as JSON."""
    import json

    os.environ["TRIP_ARTICLES_DIR"] = folder
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=1800)
    start = time.perf_counter()
    app.run()
    cold = time.perf_counter() - start
    warm = []
    for _ in range(reruns):
        start = time.perf_counter()
        app.run()
        warm.append(time.perf_counter() - start)
    errors = [str(e.value) for e in app.exception]
    print(json.dumps({"cold": cold, "warm": statistics.median(warm), "errors": errors}))
    return 0


def _apptest(folder: Path, reruns: int, database: Path) -> dict[str, Any]:
    """A fresh process runs the app on `folder` with its store (and extraction cache) in
    `database`."""
    import json
    import subprocess

    env = {**os.environ, "TRIP_DATABASE_PATH": str(database)}
    env.pop("TRIP_DATABASE_URL", None)
    done = subprocess.run([sys.executable, __file__, "--apptest-child", str(folder),
                           "--runs", str(reruns)], capture_output=True, text=True, check=True,
                          env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cached_count(database: Path) -> int:
    from dashboard.store import open_engine
    from dashboard.store.extraction_cache import ExtractionCache
    from dashboard.store.settings import sqlite_url

    engine = open_engine(sqlite_url(database))
    try:
        return ExtractionCache(engine).count()
    finally:
        engine.dispose()


def bench_scale(args: argparse.Namespace) -> None:
    import tempfile

    from dashboard.records.settings import records_dir

    where = records_dir()
    print("scale: official record " + (f"at {where}" if where else
                                       "not configured: the cross-check is not measured"))
    with tempfile.TemporaryDirectory(prefix="bench-trips-") as tmp:
        one_db, many_db = Path(tmp) / "one.sqlite3", Path(tmp) / "many.sqlite3"
        one_folder = make_trip_folder(1, Path(tmp) / "one")
        _apptest(one_folder, 1, one_db)  # fills the cache: the 1-trip figures are warm
        one = _apptest(one_folder, 5, one_db)
        many_folder = make_trip_folder(args.trips, Path(tmp) / "many")
        first = _apptest(many_folder, 1, many_db)  # a first start ever: empty cache
        cached = _cached_count(many_db)
        many = _apptest(many_folder, 3, many_db)  # a restart: every text in the cache
    for name, result in (("1 trip", one), (f"{args.trips} trips", many)):
        print(f"  {name:10} cold start {result['cold']:6.1f} s, warm rerun "
              f"{result['warm']:6.2f} s (extraction cache warm)"
              + (f", ERRORS {result['errors']}" if result["errors"] else ""))
    ratio = many["warm"] / one["warm"]
    print(f"  warm rerun at {args.trips} trips: {ratio:.1f}x the rerun at 1 trip "
          f"(goal <= {GOAL_SCALE_RATIO:.0f}x: {'met' if ratio <= GOAL_SCALE_RATIO else 'NOT met'})")
    print(f"  cold start at {args.trips} trips, first ever (empty extraction cache, every "
          f"article extracted): {first['cold']:.1f} s; {cached} texts cached"
          + (f", ERRORS {first['errors']}" if first["errors"] else ""))
    print(f"  cold start at {args.trips} trips, restart (extraction cache warm): "
          f"{many['cold']:.1f} s (goal <= {GOAL_COLD_S:.0f} s: "
          f"{'met' if many['cold'] <= GOAL_COLD_S else 'NOT met'})")


# --- memory over many sessions ---------------------------------------------------------------

def bench_sessions(args: argparse.Namespace) -> None:
    from playwright.sync_api import sync_playwright

    from dashboard.devtools.browser import PAGE_STATE_SCRIPT, wait_for_drawn, wait_for_run
    from dashboard.devtools.serve import CHROMIUM_ARGS, SEEDS_DIR, chromium_path, start_dashboard

    if not Path(chromium_path()).exists():
        print(f"sessions: skipped, no Chromium at {chromium_path()} (set CHROMIUM_PATH)")
        return
    app = start_dashboard(SEEDS_DIR)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(),
                                                 args=CHROMIUM_ARGS)
            pages = []
            after_first = 0.0
            for n in range(args.sessions):
                page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
                page.add_init_script(PAGE_STATE_SCRIPT)
                page.goto(app.url + "/", wait_until="domcontentloaded")
                wait_for_run(page, after=0, timeout_ms=PAGE_TIMEOUT_MS)
                wait_for_drawn(page, timeout_ms=PAGE_TIMEOUT_MS)
                pages.append(page)
                if n == 0:
                    after_first = rss_mb(app.process.pid)
            total = rss_mb(app.process.pid)
            browser.close()
    finally:
        app.stop()
    print(f"sessions: server memory {after_first:.0f} MB after 1 session, {total:.0f} MB after "
          f"{args.sessions} (goal <= {GOAL_MEMORY_MB:.0f} MB: "
          f"{'met' if total <= GOAL_MEMORY_MB else 'NOT met'})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "seeds"))
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--only", default="functions,pages,scale,sessions")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--trips", type=int, default=500)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--apptest-child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    if args.apptest_child:
        return _apptest_child(args.apptest_child, args.runs)
    sections = {"functions": bench_functions, "pages": bench_pages, "scale": bench_scale,
                "sessions": bench_sessions}
    for name in args.only.split(","):
        sections[name.strip()](args)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
