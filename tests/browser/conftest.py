"""Real-browser fixtures: one dashboard server and one headless Chromium per test session.

The server is started the way a user starts it (`streamlit run dashboard/app.py`, see
dashboard/devtools/serve.py); each test gets a fresh browser context (no shared cookies,
storage or URL) with watchers for page errors, console errors and dialogs.
"""

from __future__ import annotations

import io
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import sync_playwright  # a test dependency: '.[test]'

from dashboard.devtools.browser import (
    PAGE_STATE_SCRIPT,
    QUIET_MS,
    WAIT_MS,
    wait_for_drawn,
    wait_for_run,
)
from dashboard.devtools.browser import messages_in as _messages_in
from dashboard.devtools.browser import runs_finished as _runs_finished
from dashboard.devtools.serve import (
    CHROMIUM_ARGS,
    SEEDS_DIR,
    DashboardStartError,
    RunningDashboard,
    chromium_path,
    missing_chromium_message,
    start_dashboard,
)

DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
# WAIT_MS (dashboard/devtools/browser.py) is generous for a 2-core machine shared with other
# work; every wait ends on an event, so a passing run never waits that long.


T = TypeVar("T")

SIDEBAR = '[data-testid="stSidebar"]'
MAIN = '[data-testid="stMain"]'
DECK_CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'
PLOTLY = '[data-testid="stPlotlyChart"] .js-plotly-plot'
NAV_LINK = '[data-testid="stSidebarNavLink"]'
# Stop cards are st.html blocks: `<div class="stop-card" data-stop-id=...>` (views/cards.py).
CARD = f"{MAIN} .stop-card"

# Console errors that are not the app's fault: (text it contains, regex its URL matches, why).
# Keep them precise: a loose pattern here would hide a real error.
BENIGN_CONSOLE_ERRORS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "status of 404",
        re.compile(r"^http://127\.0\.0\.1:\d+/[a-z0-9_-]+/_stcore/(health|host-config)$"),
        # Opened directly at a page URL (/data), Streamlit's frontend first probes its server
        # endpoints under that path, gets 404, then uses the root: streamlit/streamlit#7074
        # (open, confirmed). The app has no say in it; the root probes must still succeed.
        "Streamlit probes /<page>/_stcore/* before / (streamlit/streamlit#7074)",
    ),
)


def eventually(read: Callable[[], T], done: Callable[[T], bool],
               timeout_s: float = WAIT_MS / 1000) -> T:
    """Read something the browser draws asynchronously (a canvas, a chart) until `done` holds
    or the time is up, and return the last reading; the caller asserts on it, so a failure
    shows what was really there."""
    deadline = time.monotonic() + timeout_s
    value = read()
    while not done(value) and time.monotonic() < deadline:
        time.sleep(0.1)
        value = read()
    return value


def css_rgb(color: str) -> tuple[int, int, int]:
    """'rgb(0, 114, 178)' or 'rgba(0, 114, 178, 1)' -> (0, 114, 178)."""
    inside = color[color.index("(") + 1: color.index(")")]
    red, green, blue = (int(float(part)) for part in inside.split(",")[:3])
    return red, green, blue


# Pixels this close (Euclidean, RGB) to a stop colour count as that stop. The Okabe-Ito
# colours are at least ~67 apart; a stop's 92% opacity over white moves it ~25.
COLOUR_TOLERANCE = 32


def pixels_near(image: Image.Image, color: tuple[int, int, int],
                tolerance: int = COLOUR_TOLERANCE) -> list[tuple[int, int]]:
    """(x, y) of every pixel of `image` within `tolerance` of `color`."""
    pixels = np.asarray(image.convert("RGB"), dtype=np.int32)
    distance2 = ((pixels - np.array(color, dtype=np.int32)) ** 2).sum(axis=-1)
    ys, xs = np.nonzero(distance2 <= tolerance ** 2)
    return list(zip(xs.tolist(), ys.tolist(), strict=True))


# A stop is a filled disc of 9 px radius (views/route_map.py); route legs (4 px) and direction
# chevrons in the same colour never fill a square this big.
DISC_SQUARE = 9
DISC_FILL = 0.7


def find_disc(image: Image.Image, color: tuple[int, int, int],
              square: int = DISC_SQUARE, fill: float = DISC_FILL) -> tuple[int, int] | None:
    """The centre (x, y) of a square of `square` px at least `fill` covered by `color`: where
    a stop's dot is drawn. None when there is no such place."""
    pixels = np.asarray(image.convert("RGB"), dtype=np.int32)
    close = ((pixels - np.array(color, dtype=np.int32)) ** 2).sum(axis=-1) <= COLOUR_TOLERANCE**2
    # Sum over every square at once with an integral image.
    integral = np.pad(close.astype(np.int32).cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    sums = (integral[square:, square:] - integral[:-square, square:]
            - integral[square:, :-square] + integral[:-square, :-square])
    if sums.size == 0 or sums.max() < fill * square * square:
        return None
    y, x = np.unravel_index(int(sums.argmax()), sums.shape)
    return int(x) + square // 2, int(y) + square // 2


def _on_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


@dataclass
class PageProblems:
    """Everything a page must never do, collected while the test runs."""

    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"page errors: {self.page_errors}\nconsole errors: {self.console_errors}\n"
                f"dialogs: {self.dialogs}")


class StreamlitPage:
    """A Playwright page on the dashboard, with waits that end on Streamlit's own state."""

    def __init__(self, page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.problems = PageProblems()
        self.requests_in_flight: set[object] = set()
        page.add_init_script(PAGE_STATE_SCRIPT)
        page.on("request", self._request_started)
        page.on("requestfinished", self._request_ended)
        page.on("requestfailed", self._request_ended)
        page.on("pageerror", lambda error: self.problems.page_errors.append(str(error)))
        page.on("console", self._on_console)
        page.on("dialog", self._on_dialog)
        page.set_default_timeout(WAIT_MS)

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        text, url = message.text, str(message.location.get("url", ""))
        if not any(part in text and pattern.match(url)
                   for part, pattern, _why in BENIGN_CONSOLE_ERRORS):
            self.problems.console_errors.append(f"{text} @ {url}")

    def _request_started(self, request) -> None:
        # Only the network: blob:/data: URLs (downloads made in the page) never "finish".
        if request.url.startswith(("http:", "https:")):
            self.requests_in_flight.add(request)

    def _request_ended(self, request) -> None:
        self.requests_in_flight.discard(request)

    def _on_dialog(self, dialog) -> None:
        self.problems.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    # --- navigation and waiting -------------------------------------------------------------

    def runs_finished(self) -> int:
        return _runs_finished(self.page)

    def wait_for_run(self, after: int, messages_after: int | None = None) -> None:
        """Wait until a script run that finished after `after` runs (or, with
        `messages_after`, a server answer after that many messages), and the app is idle."""
        wait_for_run(self.page, after, messages_after=messages_after)
        self.wait_until_drawn()

    def wait_until_drawn(self) -> None:
        """Wait until no element is a loading skeleton, no request is in flight and the DOM
        has been quiet for QUIET_MS."""
        deadline = time.monotonic() + WAIT_MS / 1000
        while True:
            # Lazy-loaded elements (st.html, charts) show a stSkeleton until their code runs.
            wait_for_drawn(self.page, QUIET_MS, WAIT_MS)
            if not self.requests_in_flight:
                return
            if time.monotonic() > deadline:
                hung = sorted(request.url for request in self.requests_in_flight)
                raise AssertionError(f"Requests that never finished: {hung}")
            self.page.wait_for_timeout(50)

    def open(self, path_and_query: str = "/") -> None:
        """Load a URL of the app and wait until its first script run is over."""
        self.requests_in_flight.clear()  # a new document: the old one's requests are moot
        self.page.goto(self.base_url + path_and_query, wait_until="domcontentloaded")
        self.wait_for_run(after=0)

    def act(self, action) -> None:
        """Do something that reruns the script (click, type + Enter...) and wait for the rerun."""
        before, messages = self.runs_finished(), _messages_in(self.page)
        action()
        self.wait_for_run(after=before, messages_after=messages)

    # --- reading the page -----------------------------------------------------------------

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.page.url).query, keep_blank_values=True)

    def sidebar_multiselect(self, label: str):
        """The sidebar multiselect whose label is `label` (e.g. "Country")."""
        return self.page.locator(f'{SIDEBAR} [data-testid="stMultiSelect"]').filter(
            has=self.page.get_by_text(label, exact=True)
        )

    def chosen_in(self, label: str) -> list[str]:
        """The chips (chosen options) of a sidebar multiselect."""
        chips = self.sidebar_multiselect(label).locator("[data-tag]")
        return [text.strip() for text in chips.all_inner_texts()]

    def choose(self, label: str, typed: str) -> None:
        """Type into a sidebar multiselect and press Enter, as a user does; wait for the run."""
        box = self.sidebar_multiselect(label).locator("input")
        box.click()
        box.fill(typed)
        self.act(lambda: box.press("Enter"))
        box.press("Escape")

    def cards(self) -> list[dict[str, Any]]:
        """The stop cards: id, heading ("Stop 2: Chile"), full text, colour, selected."""
        return self.page.evaluate(
            """(selector) => Array.from(document.querySelectorAll(selector)).map(card => ({
                id: card.dataset.stopId,
                heading: (card.querySelector('strong') || card).innerText.trim(),
                text: card.innerText,
                color: getComputedStyle(card).borderLeftColor,
                // views/cards.py marks the picked stop with a "selected" badge.
                selected: Array.from(card.querySelectorAll('span'))
                    .some(span => span.innerText.trim() === 'selected'),
            }))""",
            CARD,
        )

    def timeline(self) -> dict[str, Any]:
        """The stop ids the timeline has bars for (stop_bars), and of those the ones plotly
        actually drew with a visible width (drawn_bars). Bars of other lanes (the official
        record) carry no stop id and are left out of both."""
        chart = self.page.locator(f"{MAIN} {PLOTLY}").first
        chart.wait_for(state="attached")
        return chart.evaluate(
            """(gd) => {
                // The figure batches bars into few traces: one stop id per point.
                const stop_bars = (gd.data || []).filter(t => t.type === 'bar')
                    .flatMap(t => Array.from(t.customdata || [])).filter(id => id);
                // plotly binds each drawn bar (g.point) to its calcdata entry (d3 __data__).
                const drawn_bars = [];
                for (const g of gd.querySelectorAll('.barlayer .trace')) {
                    const trace = g.__data__[0].trace;
                    g.querySelectorAll('.point').forEach((point, n) => {
                        const i = point.__data__ && point.__data__.i !== undefined
                            ? point.__data__.i : n;
                        const id = (trace.customdata || [])[i];
                        const path = point.querySelector('path') || point;
                        if (id && path.getBoundingClientRect().width > 1) drawn_bars.push(id);
                    });
                }
                return {stop_bars, drawn_bars};
            }"""
        )

    def map_image(self) -> Image.Image:
        """A screenshot of the deck.gl canvas of the map."""
        canvas = self.page.locator(f"{MAIN} {DECK_CANVAS}").first
        canvas.wait_for(state="visible")
        return Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")

    def url_notices(self) -> list[str]:
        """The notices about values dropped from the URL ("Ignored unknown country ...").
        The hostile-link test proves this finds them, so its empty result means none."""
        alerts = self.page.locator(f'{MAIN} [data-testid="stAlert"]').filter(
            has_text=re.compile(r"(Ignored|Only the first|Only one) "))
        return alerts.all_inner_texts()

    def exception_boxes(self) -> list[str]:
        return self.page.locator('[data-testid="stException"]').all_inner_texts()

    def assert_clean(self) -> None:
        """No uncaught page error, no console error, no dialog, no Streamlit exception box."""
        boxes = self.exception_boxes()
        assert not boxes, f"Streamlit exception box(es) on {self.page.url}:\n{boxes}"
        assert not (self.problems.page_errors or self.problems.console_errors
                    or self.problems.dialogs), (
            f"Problems on {self.page.url}:\n{self.problems.summary()}"
        )


@pytest.fixture(scope="session")
def articles_dir() -> Path:
    """The folder the dashboard reads; the project's seed articles."""
    return SEEDS_DIR


def serve_for_tests(articles_dir: Path) -> Iterator[RunningDashboard]:
    """A dashboard on `articles_dir` for a fixture (`yield from`): a server that does not
    start fails the test with its log, and the server is always stopped."""
    try:
        server = start_dashboard(articles_dir)
    except DashboardStartError as error:
        pytest.fail(str(error), pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def dashboard(articles_dir: Path) -> Iterator[RunningDashboard]:
    yield from serve_for_tests(articles_dir)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_path()
    if not Path(executable).exists():
        message = missing_chromium_message(executable)
        if _on_ci():
            pytest.fail(message + " (on CI the browser tests must run, not skip)", pytrace=False)
        pytest.skip(message)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    """Keep each phase's report on the test item, so fixtures can tell a failure."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def artifacts_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where evidence of failed tests goes: $BROWSER_TEST_ARTIFACTS, else pytest's temp."""
    return Path(os.environ.get("BROWSER_TEST_ARTIFACTS")
                or tmp_path_factory.getbasetemp() / "browser")


def keep_evidence_of_failure(request: pytest.FixtureRequest, page: StreamlitPage,
                             server: RunningDashboard, folder: Path) -> None:
    """After a failed test: a screenshot of the page and where the server log is, so a CI
    failure can be understood without rerunning it."""
    report = getattr(request.node, "rep_call", None)
    if report is None or not report.failed or page.page.is_closed():
        return
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', request.node.name)}.png"
    page.page.screenshot(path=target, full_page=True)
    print(f"Screenshot of the failed page: {target}\nDashboard log: {server.log_path}")


def _new_app_page(browser, dashboard: RunningDashboard, viewport: dict[str, int],
                  color_scheme: str = "light"):
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme)
    return context, StreamlitPage(context.new_page(), dashboard.url)


@pytest.fixture
def app(browser, dashboard: RunningDashboard, request: pytest.FixtureRequest,
        artifacts_dir: Path) -> Iterator[StreamlitPage]:
    """The dashboard in a fresh desktop-sized browser context."""
    context, page = _new_app_page(browser, dashboard, DESKTOP)
    try:
        yield page
        keep_evidence_of_failure(request, page, dashboard, artifacts_dir)
        # Whatever a test checked, a dialog (an injected alert) is never acceptable.
        assert not page.problems.dialogs, f"Dialogs fired: {page.problems.dialogs}"
    finally:
        context.close()


@pytest.fixture(scope="session")
def overview(browser, dashboard: RunningDashboard) -> Iterator[StreamlitPage]:
    """The overview with no filter, loaded once and shared by the tests that only read it
    (drawing the map and the timeline is the slowest part of a page load). Tests must leave
    it as they found it: no clicks, no filter changes."""
    context, page = _new_app_page(browser, dashboard, DESKTOP)
    try:
        page.open("/")
        yield page
        assert not page.problems.dialogs, f"Dialogs fired: {page.problems.dialogs}"
    finally:
        context.close()


@pytest.fixture
def new_app_page(browser, dashboard: RunningDashboard, request: pytest.FixtureRequest,
                 artifacts_dir: Path):
    """Factory for extra pages, each in its own fresh context (a colleague opening a link)."""
    contexts = []
    pages: list[StreamlitPage] = []

    def make(viewport: dict[str, int] = DESKTOP, color_scheme: str = "light") -> StreamlitPage:
        context, page = _new_app_page(browser, dashboard, viewport, color_scheme)
        contexts.append(context)
        pages.append(page)
        return page

    try:
        yield make
        if pages:
            keep_evidence_of_failure(request, pages[-1], dashboard, artifacts_dir)
    finally:
        for context in contexts:
            context.close()

