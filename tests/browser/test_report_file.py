"""The standalone HTML report in a real browser: opened from disk, it makes no network request,
draws the map and the timeline, runs none of the article's text and passes axe-core."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.export.report import build_report
from tests.export_fixtures import HOSTILE, export_tables


@pytest.fixture(scope="module")
def report() -> str:
    return build_report(export_tables())


@pytest.mark.browser
def test_report_opens_from_disk_offline_and_draws_map_and_timeline(
        browser, report: str, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(report, encoding="utf-8")

    requests: list[str] = []
    dialogs: list[str] = []
    problems: list[str] = []
    # The session's browser (tests/browser/conftest.py): a second sync Playwright in the same
    # process would fail, and it skips or fails (on CI) the same way when Chromium is missing.
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        page = context.new_page()
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
        context.close()

    assert dialogs == []
    assert problems == []
    offline = [url for url in requests if not url.startswith(("file:", "data:", "blob:"))]
    assert offline == [], f"the report made network requests: {offline}"
    assert requests and requests[0] == path.as_uri()
