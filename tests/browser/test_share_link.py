"""The share link in a real browser, with the app served under a path prefix as behind a
reverse proxy (`--server.baseUrlPath`): the link is the address the visitor sees."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import MAIN, WAIT_MS

from dashboard.devtools.serve import free_loopback_port

pytestmark = pytest.mark.browser

APP = Path(__file__).with_name("share_link_app.py")
REPO = Path(__file__).resolve().parents[2]
PREFIX = "news/trips"
CODE = f'{MAIN} [data-testid="stCode"] code'


@pytest.fixture(scope="module")
def prefixed_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The share-link app served on loopback under /news/trips/; yields its base URL."""
    port = free_loopback_port()
    base = f"http://127.0.0.1:{port}/{PREFIX}"
    log = tmp_path_factory.mktemp("share") / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--server.baseUrlPath", PREFIX, "--server.fileWatcherType", "none",
             "--browser.gatherUsageStats", "false"],
            cwd=REPO, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"share-link app did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def shown_link(page, url: str, heading: str) -> str:
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_role("heading", name=heading).wait_for(timeout=WAIT_MS)
    code = page.locator(CODE).first
    code.wait_for(timeout=WAIT_MS)
    return code.inner_text().strip()


def test_share_link_is_the_address_behind_a_path_prefix(browser, prefixed_app: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        link = shown_link(page, f"{prefixed_app}/second?country=CL&country=PE",
                          "Second page")
        assert link == f"{prefixed_app}/second?country=CL&country=PE"

        # A colleague opens the link: same page, same filters, same link.
        colleague = browser.new_context().new_page()
        assert shown_link(colleague, link, "Second page") == link
        colleague.context.close()

        # The first page lives at the prefix itself, and its link opens it again.
        first = shown_link(page, f"{prefixed_app}/?country=CL", "First page")
        assert first == f"{prefixed_app}?country=CL"
        assert shown_link(page, first, "First page") == first
    finally:
        context.close()
