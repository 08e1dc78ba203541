"""The standalone HTML report: complete, inert article text, and no network in a real browser."""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from export_fixtures import HOSTILE, export_tables

from dashboard.export.report import build_report
from dashboard.filters import Selection, apply_selection
from dashboard.tables import TripTables

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The only scripts a report may hold: plotly's config line, plotly.js itself and one
# Plotly.newPlot call per figure. Anything else would be injected.
PLOTLY_SCRIPT_STARTS = ("window.PlotlyConfig", "/**\n* plotly.js", "window.PLOTLYENV")


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text of every <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> _Elements:
    elements = _Elements()
    elements.feed(html)
    elements.close()
    return elements


@pytest.fixture(scope="module")
def tables() -> TripTables:
    return export_tables()


@pytest.fixture(scope="module")
def report(tables: TripTables) -> str:
    return build_report(tables)


def test_report_has_title_map_timeline_cards_and_sources(report: str) -> None:
    assert "<title>2 trips</title>" in report
    for anchor in ('id="map-figure"', 'id="timeline-figure"', 'id="stops-title"',
                   'id="sources-title"'):
        assert anchor in report
    cards = re.findall(r'<li class="card" id="stop-([^"]+)"', report)
    assert cards == ["blinken-2022-10-0", "blinken-2022-10-1", "blinken-2022-10-2",
                     "kishida-2023-05-0", "kishida-2023-05-1", "kishida-2023-05-2"]
    assert "Not on the map (no coordinates): Canada." in report
    assert "Not on the timeline (no date): Canada." in report
    headings = re.findall(r'<h3 class="trip-heading">([^<]+)</h3>', report)
    assert headings == ["Blinken tours &lt;Latin&gt; America",
                        "Kishida &lt;b&gt;crosses&lt;/b&gt; the Pacific"] * 2  # timelines, cards


def test_article_text_that_looks_like_html_is_escaped(report: str) -> None:
    assert "<script>alert(1)" not in report
    assert '" onload=alert(2)' not in report
    assert "<b>crosses</b>" not in report  # a title with markup stays text too
    assert "&lt;script&gt;alert(1)&lt;/script&gt; and &#34; onload=alert(2) x=&#34;" in report
    elements = parse(report)
    assert [tag for tag, _ in elements.tags if tag == "b"] == []
    for _tag, attributes in elements.tags:
        assert not [name for name in attributes if name.startswith("on")]
    for script in elements.scripts:
        assert script.strip().startswith(PLOTLY_SCRIPT_STARTS), script[:80]


def test_report_makes_no_request_by_construction(report: str) -> None:
    elements = parse(report)
    for tag, attributes in elements.tags:
        assert "src" not in attributes, tag  # everything inline
        if tag == "link":
            pytest.fail(f"a <link> would fetch: {attributes}")
    policy = next(a["content"] for t, a in elements.tags
                  if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert policy and "default-src 'none'" in policy and "connect-src 'none'" in policy


def test_report_follows_the_selection(tables: TripTables) -> None:
    chile = build_report(apply_selection(tables, Selection(countries=("CL",))),
                         selection=Selection(countries=("CL",)))
    assert re.findall(r'<li class="card" id="stop-([^"]+)"', chile) == ["blinken-2022-10-1"]
    assert "Selection: country CL" in chile
    assert "<title>Blinken tours &lt;Latin&gt; America</title>" in chile


def test_report_of_an_empty_selection_is_a_page_with_a_note(tables: TripTables) -> None:
    empty = build_report(apply_selection(tables, Selection(countries=("FR",))))
    assert "No stops match the current selection" in empty
    assert "map-figure" not in empty and "Plotly" not in empty
    assert parse(empty).scripts == []
    assert empty.rstrip().endswith("</html>")


def chromium_or_skip() -> str:
    """The Chromium binary, or a skip (a failure on CI, where the browser tests must run)."""
    if Path(CHROMIUM_PATH).exists() or shutil.which(CHROMIUM_PATH):
        return CHROMIUM_PATH
    message = f"Chromium not found at {CHROMIUM_PATH} (set CHROMIUM_PATH)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.mark.browser
def test_report_opens_from_disk_offline_and_draws_map_and_timeline(
        report: str, tmp_path: Path) -> None:
    executable = chromium_or_skip()
    sync_api = pytest.importorskip("playwright.sync_api")
    path = tmp_path / "report.html"
    path.write_text(report, encoding="utf-8")

    requests: list[str] = []
    dialogs: list[str] = []
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("request", lambda request: requests.append(request.url))
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.on("console", lambda message: problems.append(message.text)
                    if message.type == "error" else None)
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_selector("#map-figure .main-svg", timeout=30_000)
            page.wait_for_selector("#timeline-figure .main-svg", timeout=30_000)

            # Plain cartesian traces only: geo traces make plotly.js fetch a world topology.
            trace_types = page.evaluate(
                "Array.from(document.querySelectorAll('.js-plotly-plot')).flatMap("
                "plot => plot.data.map(t => t.type || 'scatter'))")
            assert set(trace_types) <= {"scatter", "bar"}, trace_types
            # The map: country outlines, the route and five placed stops (Canada has none).
            assert page.locator("#map-figure .scatterlayer .trace").count() >= 4
            assert page.locator("#map-figure .scatterlayer .point").count() >= 5
            # The timelines, one per trip: a bar per dated stop.
            assert page.locator("#report-timeline .js-plotly-plot").count() == 2
            assert page.locator("#report-timeline .barlayer .point").count() == 5
            # Article text is shown as text, and nothing it contains ran.
            assert page.get_by_text(HOSTILE, exact=False).count() >= 2
            assert page.evaluate("document.querySelectorAll('[onload]').length") == 0
            # Readable by everyone: no axe-core accessibility violation.
            axe = pytest.importorskip("axe_playwright_python.sync_playwright")
            violations = axe.Axe().run(page).response["violations"]
            assert [(v["id"], v["help"]) for v in violations] == []
            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        finally:
            browser.close()

    assert dialogs == []
    assert problems == []
    offline = [url for url in requests if not url.startswith(("file:", "data:", "blob:"))]
    assert offline == [], f"the report made network requests: {offline}"
    assert requests and requests[0] == path.as_uri()
