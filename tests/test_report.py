"""The standalone HTML report: complete, with inert article text and no network by construction.

The same report opened in a real browser: tests/browser/test_report_file.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from dashboard.export.report import build_report
from dashboard.filters import Selection, apply_selection
from dashboard.tables import TripTables
from tests.export_fixtures import export_tables

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
