"""Real-browser fixtures: one dashboard server and one headless Chromium per test session.

The server is started the way a user starts it (`streamlit run dashboard/app.py`, see
dashboard/devtools/serve.py); each test gets a fresh browser context (no shared cookies,
storage or URL) with watchers for page errors, console errors and dialogs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard.devtools.serve import (
    CHROMIUM_ARGS,
    SEEDS_DIR,
    DashboardStartError,
    RunningDashboard,
    chromium_path,
    missing_chromium_message,
    start_dashboard,
)

playwright_sync = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is missing: pip install -e '.[test]'"
)

DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
# Generous for a 2-core machine shared with other work; every wait below ends on an event,
# so a passing run never waits this long.
WAIT_MS = 30_000

# Counts finished script runs: Streamlit flips `data-test-script-state` on its root element
# to "notRunning" at the end of every run, so a rerun is over when the counter moves on.
RUN_COUNTER_SCRIPT = """
(() => {
  window.__stRunsFinished = 0;
  new MutationObserver((records) => {
    for (const record of records) {
      const state = record.target.getAttribute('data-test-script-state');
      if (state === 'notRunning' && record.oldValue !== 'notRunning') {
        window.__stRunsFinished += 1;
      }
    }
  }).observe(document, {
    subtree: true, attributes: true, attributeOldValue: true,
    attributeFilter: ['data-test-script-state'],
  });
})();
"""

# Console errors that are not the app's fault, each with the reason. Keep it precise: a
# pattern here hides a real error if it is too broad.
BENIGN_CONSOLE_ERRORS: tuple[str, ...] = ()


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
        page.add_init_script(RUN_COUNTER_SCRIPT)
        page.on("pageerror", lambda error: self.problems.page_errors.append(str(error)))
        page.on("console", self._on_console)
        page.on("dialog", self._on_dialog)
        page.set_default_timeout(WAIT_MS)

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        text = message.text
        if not any(benign in text for benign in BENIGN_CONSOLE_ERRORS):
            self.problems.console_errors.append(f"{text} @ {message.location}")

    def _on_dialog(self, dialog) -> None:
        self.problems.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    # --- navigation and waiting -------------------------------------------------------------

    def runs_finished(self) -> int:
        return int(self.page.evaluate("window.__stRunsFinished || 0"))

    def wait_for_run(self, after: int) -> None:
        """Wait until a script run that finished after `after` runs, and the app is idle."""
        self.page.wait_for_function(
            """(after) => {
                const app = document.querySelector('[data-testid="stApp"]');
                return window.__stRunsFinished > after && app !== null
                    && app.getAttribute('data-test-script-state') === 'notRunning'
                    && app.getAttribute('data-test-connection-state') === 'CONNECTED';
            }""",
            arg=after,
            timeout=WAIT_MS,
        )
        self.page.locator('[data-testid="stStatusWidget"]').wait_for(
            state="hidden", timeout=WAIT_MS
        )

    def open(self, path_and_query: str = "/") -> None:
        """Load a URL of the app and wait until its first script run is over."""
        self.page.goto(self.base_url + path_and_query, wait_until="domcontentloaded")
        self.wait_for_run(after=0)

    def act(self, action) -> None:
        """Do something that reruns the script (click, type + Enter...) and wait for the rerun."""
        before = self.runs_finished()
        action()
        self.wait_for_run(after=before)

    # --- reading the page -----------------------------------------------------------------

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.page.url).query, keep_blank_values=True)

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


@pytest.fixture(scope="session")
def dashboard(articles_dir: Path) -> Iterator[RunningDashboard]:
    try:
        server = start_dashboard(articles_dir)
    except DashboardStartError as error:
        pytest.fail(str(error), pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_path()
    if not Path(executable).exists():
        message = missing_chromium_message(executable)
        if _on_ci():
            pytest.fail(message + " (on CI the browser tests must run, not skip)", pytrace=False)
        pytest.skip(message)
    with playwright_sync.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _new_app_page(browser, dashboard: RunningDashboard, viewport: dict[str, int]):
    context = browser.new_context(viewport=viewport)
    return context, StreamlitPage(context.new_page(), dashboard.url)


@pytest.fixture
def app(browser, dashboard: RunningDashboard) -> Iterator[StreamlitPage]:
    """The dashboard in a fresh desktop-sized browser context."""
    context, page = _new_app_page(browser, dashboard, DESKTOP)
    try:
        yield page
        # Whatever a test checked, a dialog (an injected alert) is never acceptable.
        assert not page.problems.dialogs, f"Dialogs fired: {page.problems.dialogs}"
    finally:
        context.close()


@pytest.fixture
def new_app_page(browser, dashboard: RunningDashboard):
    """Factory for extra pages, each in its own fresh context (a colleague opening a link)."""
    contexts = []

    def make(viewport: dict[str, int] = DESKTOP) -> StreamlitPage:
        context, page = _new_app_page(browser, dashboard, viewport)
        contexts.append(context)
        return page

    try:
        yield make
    finally:
        for context in contexts:
            context.close()

