"""AppTest runs of the Topics, Source and Data pages against a hand-built view.

Each run sets up the page contract (`dashboard.session.set_current_view`) the way app.py
does, then executes the page file, so the pages are tested without the extractor.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "dashboard" / "app_pages"

SCRIPT = """
import runpy, sys
sys.path.insert(0, {tests!r})
from view_fixtures import sample_tables, sample_trip
from dashboard.filters import Selection, apply_selection
from dashboard.session import ViewState, set_current_view
from dashboard.tables import build_tables
from dashboard.views.colors import stop_colors
from dashboard.filters import available_countries, available_topics

trips = [sample_trip(t) for t in {trips!r}]
if {untagged!r}:  # a trip with no topic at all
    for trip in trips:
        trip.topics.clear()
        for stop in trip.stops:
            stop.topics.clear()
        trip.mentions = [m for m in trip.mentions if m.kind != "topic"]
tables = build_tables(trips)
selection = Selection(countries={countries!r}, topics={topics!r})
view = apply_selection(tables, selection)
set_current_view(ViewState(
    tables=tables, view=view, selection=selection, colors=stop_colors(tables.itinerary),
    country_names=available_countries(tables), topic_labels=available_topics(tables),
    trip_titles=dict(zip(tables.trips["trip_id"], tables.trips["title"])),
))
runpy.run_path({page!r}, run_name="__main__")
"""


def page_app(
    page: str, trips=("blinken-2022-10",), countries=(), topics=(), untagged=False
) -> AppTest:
    script = SCRIPT.format(
        tests=str(ROOT / "tests"),
        trips=tuple(trips),
        countries=tuple(countries),
        topics=tuple(topics),
        untagged=untagged,
        page=str(PAGES / page),
    )
    at = AppTest.from_string(script, default_timeout=30)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def assert_in_page_links_resolve(body: str) -> None:
    """Every in-page link (#...) has its target element on the page, exactly once."""
    targets = set(re.findall(r'href="#([^"]+)"', body))
    assert targets, "the page has in-page links"
    ids = re.findall(r'\sid="([^"]+)"', body)
    for target in targets:
        assert ids.count(target) == 1, f"#{target} has {ids.count(target)} targets"


def html_bodies(at: AppTest) -> str:
    return "\n".join(str(element.proto.body) for element in at.get("html"))


@pytest.mark.parametrize("page", ["topics.py", "source.py", "data.py"])
def test_page_runs(page):
    at = page_app(page)
    assert at.header[0].value in {"Topics", "Source", "Data"}


@pytest.mark.parametrize("page", ["topics.py", "source.py", "data.py"])
def test_empty_selection_says_so_with_a_way_back(page):
    at = page_app(page, countries=("FR",))  # no stop in France
    assert any("No stop matches" in info.value for info in at.info)
    assert any(button.label == "Clear filters" for button in at.button)
    assert not at.get("plotly_chart") and not at.dataframe and not at.get("html")


def test_topics_page_heatmap_counts_and_sentences_for_the_chosen_topic():
    at = page_app("topics.py")
    assert len(at.get("plotly_chart")) == 1
    assert at.selectbox[0].value == "migration"  # most raised first
    body = html_bodies(at)
    assert "They discussed drug trafficking and" in body
    assert "1 Colombia" in body and "whole trip" in body
    at.selectbox[0].select("democracy").run()
    body = html_bodies(at)
    assert "Pedro Castillo about" in body and "drug trafficking" not in body
    counts = at.dataframe[0].value
    assert counts.set_index("topic").loc["migration", "sentences"] == 3


def test_topics_page_follows_the_filters():
    at = page_app("topics.py", countries=("PE",))
    # Peru's topic, plus the whole-trip agenda (the trip is still in view); not Colombia's
    assert sorted(at.selectbox[0].options) == ["Climate change", "Democracy", "Migration"]
    heat = at.get("plotly_chart")[0].proto.spec
    assert "3 Peru" in heat and "1 Colombia" not in heat


def test_topics_page_without_any_topic_says_so_and_draws_no_chart():
    at = page_app("topics.py", untagged=True)
    assert any("No topic is tagged" in info.value for info in at.info)
    assert not at.get("plotly_chart") and not at.selectbox


def test_data_page_says_when_a_table_is_empty():
    at = page_app("data.py", countries=("PE",))  # the only event is in Colombia
    assert any("No dated or named events" in info.value for info in at.info)
    assert len(at.dataframe) == 2  # itinerary and topics still shown


def test_source_page_marks_the_text_links_rows_and_stays_inert():
    at = page_app("source.py")
    body = html_bodies(at)
    assert "<script" not in body.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert 'href="#stop-blinken-2022-10-1"' in body
    assert 'id="stop-blinken-2022-10-1"' in body
    assert 'href="https://example.org/blinken"' in body  # the header's source link
    assert {cb.label for cb in at.checkbox} >= {"country", "city", "date", "leader", "topic"}


def test_source_page_kind_checkboxes_turn_highlights_off():
    at = page_app("source.py")
    assert "hl hl-date" in html_bodies(at)
    next(cb for cb in at.checkbox if cb.label == "date").uncheck().run()
    assert not at.exception
    body = html_bodies(at)
    assert 'class="hl hl-date"' not in body and 'class="hl hl-leader"' in body


def test_source_page_hides_marks_of_filtered_out_stops():
    at = page_app("source.py", countries=("CL",))
    body = html_bodies(at)
    assert "Gabriel Boric" in body
    assert 'href="#stop-blinken-2022-10-0"' not in body
    assert 'id="stop-blinken-2022-10-0"' not in body
    assert 'href="#trip-blinken-2022-10"' in body  # trip-level facts stay
    assert any("hidden by the filters" in c.value for c in at.markdown)


def test_source_page_picks_one_of_several_trips():
    at = page_app("source.py", trips=("trip-a", "trip-b"))
    assert at.selectbox[0].options == ["Blinken tours <Latin> America"] * 2
    assert 'id="stop-trip-a-0"' in html_bodies(at)
    at.selectbox[0].set_value("trip-b").run()
    body = html_bodies(at)
    assert 'id="stop-trip-b-0"' in body and 'id="stop-trip-a-0"' not in body


def test_data_page_tables_follow_the_filters_and_hide_internal_columns():
    at = page_app("data.py", countries=("CL", "PE"))
    itinerary = at.dataframe[0].value
    assert itinerary["country"].tolist() == ["Chile", "Peru"]
    assert itinerary["stop"].tolist() == [2, 3]
    for internal in ("trip_id", "stop_id", "stop_index", "key_start", "key_end"):
        assert internal not in itinerary.columns
    assert any(sub.value == "Download" for sub in at.subheader)


# --- the same pages inside the real app (app.py, sidebar filters, extractor) ------------

APP = ROOT / "dashboard" / "app.py"
HOSTILE_ARTICLE = """Title: <script>alert('title')</script> Blinken visits Chile
Date: 2022-10-05
Source: javascript:alert('source')

Secretary of State Antony Blinken traveled to Santiago, Chile on Wednesday, where he met \
Chilean President Gabriel Boric to discuss migration and climate change.

A protester's sign read <script>alert(1)</script> and " onload="alert(2)" <img src=x \
onerror=alert(3)>.

On Thursday, Blinken traveled to Lima, Peru, where he met Peruvian President Pedro Castillo \
to discuss democracy.
"""


def _extractor_ready() -> bool:
    import dashboard.extraction as extraction

    return hasattr(extraction, "extract_trip_from_file")


needs_extractor = pytest.mark.skipif(
    not _extractor_ready(), reason="the extractor (extract_trip_from_file) has not landed yet"
)


def app_on(page: str, query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    for name, value in (query or {}).items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    at.switch_page(f"app_pages/{page}").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@needs_extractor
@pytest.mark.parametrize("page", ["topics.py", "source.py", "data.py"])
def test_app_page_runs_on_the_seed(page):
    at = app_on(page)
    assert at.header[0].value in {"Topics", "Source", "Data"}
    if page == "topics.py":
        assert len(at.get("plotly_chart")) == 1
    if page == "source.py":
        body = html_bodies(at)
        assert "<mark" in body
        assert_in_page_links_resolve(body)
    if page == "data.py":
        assert len(at.dataframe[0].value) == 3  # the seed's three stops


@needs_extractor
def test_app_country_filter_from_the_url_reaches_source_and_data():
    at = app_on("source.py", {"country": "CL"})
    body = html_bodies(at)
    rows = re.findall(r'<li class="hl-stop" id="(stop-[^"]+)"', body)
    assert len(rows) == 1  # only Chile's row
    targets = set(re.findall(r'href="#(stop-[^"]+)"', body))
    assert targets <= set(rows), "no mark links to a stop filtered out"
    assert_in_page_links_resolve(body)
    at.switch_page("app_pages/data.py").run()
    assert at.dataframe[0].value["country_code"].tolist() == ["CL"]


@needs_extractor
def test_app_article_text_that_looks_like_html_is_inert(tmp_path, monkeypatch):
    (tmp_path / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    monkeypatch.setenv("TRIP_ARTICLES_DIR", str(tmp_path))
    at = app_on("source.py")
    body = html_bodies(at)
    assert "<mark" in body, "the article was extracted and highlighted"
    assert "<script" not in body.lower()
    assert "<img" not in body.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in body  # the title
    assert not re.search(r"<[^>]*\son\w+\s*=", body), "no element carries an event handler"
    assert 'href="javascript' not in body.lower()
    for page in ("topics.py", "data.py"):
        at.switch_page(f"app_pages/{page}").run()
        assert not at.exception, [e.value for e in at.exception]
        assert "<script" not in html_bodies(at).lower()
