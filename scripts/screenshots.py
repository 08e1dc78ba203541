"""Write a screenshot of every dashboard page into docs/screenshots/ (`make screenshots`).

Starts the app the same way the browser tests do (dashboard/devtools/serve.py), finds the
pages from the app's own navigation, and saves each page at 1400x900 plus the overview at
390x844 (a phone). Uses Debian's Chromium; set CHROMIUM_PATH to use another one.

    python scripts/screenshots.py [--articles DIR] [--out DIR] [--query "country=CL"]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

# Run as a plain script from a checkout too, where the package may not be installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Page, sync_playwright

from dashboard.devtools.serve import (
    CHROMIUM_ARGS,
    REPO_ROOT,
    SEEDS_DIR,
    chromium_path,
    missing_chromium_message,
    running_dashboard,
)

DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
NAV_LINKS = '[data-testid="stSidebarNavLink"], [data-testid="stTopNavLink"]'
WAIT_MS = 60_000


def wait_until_idle(page: Page) -> None:
    """Wait for Streamlit's script run to end and for charts to have had a frame to draw."""
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            return app !== null && app.getAttribute('data-test-script-state') === 'notRunning'
                && app.getAttribute('data-test-connection-state') === 'CONNECTED';
        }""",
        timeout=WAIT_MS,
    )
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=WAIT_MS)
    for chart in page.locator('[data-testid="stPlotlyChart"] .main-svg').all():
        chart.wait_for(state="attached", timeout=WAIT_MS)
    # deck.gl and plotly draw on the next animation frames after the DOM is in place.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.wait_for_timeout(500)


def page_slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") or "page"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=SEEDS_DIR,
                        help="articles folder the app reads (default: seeds/)")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs" / "screenshots",
                        help="where to write the PNG files (default: docs/screenshots/)")
    parser.add_argument("--query", default="",
                        help="URL query for every page, e.g. 'country=CL' (default: none)")
    args = parser.parse_args(argv)
    executable = chromium_path()
    if not Path(executable).exists():
        print(missing_chromium_message(executable), file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    query = f"?{args.query.lstrip('?')}" if args.query else ""
    written: list[Path] = []
    with running_dashboard(args.articles) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=DESKTOP)
            page.goto(server.url + "/" + query, wait_until="domcontentloaded")
            wait_until_idle(page)
            links = page.locator(NAV_LINKS)
            pages = [(links.nth(i).inner_text().strip(), links.nth(i).get_attribute("href"))
                     for i in range(links.count())]
            if not pages:  # a single-page app has no navigation
                pages = [("overview", server.url + "/")]
            for label, href in pages:
                url = (href or server.url + "/").split("?")[0] + query
                page.goto(url, wait_until="domcontentloaded")
                wait_until_idle(page)
                target = args.out / f"{page_slug(label)}.png"
                page.screenshot(path=target, full_page=True)
                written.append(target)
            phone = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                     has_touch=True)
            phone.goto(server.url + "/" + query, wait_until="domcontentloaded")
            wait_until_idle(phone)
            target = args.out / f"{page_slug(pages[0][0])}-phone.png"
            phone.screenshot(path=target, full_page=True)
            written.append(target)
        finally:
            browser.close()
    for path in written:
        print(path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
