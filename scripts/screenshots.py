"""Write a screenshot of every dashboard page into docs/screenshots/ (`make screenshots`).

Starts the app the same way the browser tests do (dashboard/devtools/serve.py), finds the
pages from the app's own navigation, and saves each page at 1400x900 plus the overview at
390x844 (a phone). Uses Debian's Chromium; set CHROMIUM_PATH to use another one.

    python scripts/screenshots.py [--articles DIR] [--out DIR] [--query "country=CL"]
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

# Run as a plain script from a checkout too, where the package may not be installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image
from playwright.sync_api import Page, sync_playwright

from dashboard.devtools.browser import PAGE_STATE_SCRIPT, wait_for_drawn, wait_for_run
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
MAIN = '[data-testid="stMain"]'
DECK_CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'
MIN_MAP_COLOURS = 20
WAIT_MS = 60_000


def map_looks_drawn(page: Page) -> bool:
    """deck.gl draws on a canvas after the DOM settles: wait for more than a blank canvas."""
    canvases = page.locator(f"{MAIN} {DECK_CANVAS}")
    for index in range(canvases.count()):
        image = Image.open(io.BytesIO(canvases.nth(index).screenshot())).convert("RGB")
        if len(image.getcolors(maxcolors=image.width * image.height) or []) <= MIN_MAP_COLOURS:
            return False
    return True


def open_and_wait(page: Page, url: str) -> None:
    """Load `url`, wait for the script run, the lazy elements and the map's first frames."""
    page.goto(url, wait_until="domcontentloaded")
    wait_for_run(page, after=0, timeout_ms=WAIT_MS)
    wait_for_drawn(page, timeout_ms=WAIT_MS)
    deadline = time.monotonic() + WAIT_MS / 1000
    while not map_looks_drawn(page) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    # Looking at the map scrolled it into view; the picture starts at the top of the page.
    page.evaluate(f"""() => {{
        document.querySelector('{MAIN}')?.scrollTo(0, 0);
        window.scrollTo(0, 0);
    }}""")


def full_length_screenshot(page: Page, target: Path) -> Path:
    """Streamlit scrolls inside its main area, so a "full page" screenshot needs a viewport
    as tall as the content."""
    size = page.viewport_size or DESKTOP
    height = int(page.evaluate(f"document.querySelector('{MAIN}').scrollHeight"))
    page.set_viewport_size({"width": size["width"], "height": max(height, size["height"])})
    wait_for_drawn(page, timeout_ms=WAIT_MS)
    page.screenshot(path=target)
    page.set_viewport_size(size)
    return target


def page_slug(href: str | None, label: str) -> str:
    """'/data' -> 'data'; the default page ('/') is named after its label."""
    path = urlsplit(href or "/").path.strip("/")
    return re.sub(r"[^a-z0-9]+", "-", (path or label).lower()).strip("-") or "page"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=SEEDS_DIR,
                        help="articles folder the app reads (default: seeds/)")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs" / "screenshots",
                        help="where to write the PNG files (default: docs/screenshots/)")
    parser.add_argument("--full", action="store_true",
                        help="also write <page>-full.png with the whole page length")
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
            page.add_init_script(PAGE_STATE_SCRIPT)
            open_and_wait(page, server.url + "/" + query)
            links = page.locator(NAV_LINKS)
            pages = [(links.nth(i).get_attribute("href"),
                      links.nth(i).inner_text().strip().splitlines()[-1])
                     for i in range(links.count())]
            if not pages:  # a single-page app has no navigation
                pages = [("/", "overview")]
            for href, label in pages:
                url = server.url + urlsplit(href or "/").path + query
                open_and_wait(page, url)
                target = args.out / f"{page_slug(href, label)}.png"
                page.screenshot(path=target)
                written.append(target)
                if args.full:
                    full = args.out / f"{target.stem}-full.png"
                    written.append(full_length_screenshot(page, full))
            phone = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                     has_touch=True)
            phone.add_init_script(PAGE_STATE_SCRIPT)
            open_and_wait(phone, server.url + "/" + query)
            target = args.out / f"{page_slug(*pages[0])}-phone.png"
            phone.screenshot(path=target)
            written.append(target)
        finally:
            browser.close()
    for path in written:
        print(path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
