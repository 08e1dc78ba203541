"""The whole app through Streamlit's AppTest: every page, the filters in the URL, bad links,
the empty result, the trip selector and the cache. Runs the real extractor on the seed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import dashboard.loading as loading
from tests.shared_data import SHARED_ARTICLES

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "dashboard" / "app.py"
SEEDS = REPO / "seeds"
# The pages that draw the current selection of trips (the records page has its own chooser).
VIEW_PAGES = ["app_pages/overview.py", "app_pages/topics.py", "app_pages/source.py",
              "app_pages/data.py"]
PAGES = [*VIEW_PAGES, "app_pages/records.py"]
SEED_TRIP = "blinken-2022-10-latin-america"


@pytest.fixture(autouse=True)
def seed_folder(monkeypatch):
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(SEEDS))


def app(query: dict[str, str | list[str]] | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    for name, value in (query or {}).items():
        at.query_params[name] = value
    return at.run()


def view(at: AppTest):
    """The ViewState app.py handed to the page in the last run."""
    return at.session_state["_trip_view_state"]


def card_countries(at: AppTest) -> list[str]:
    """The country codes of the stop cards drawn on the overview page."""
    cards = [e.proto.body for e in at.get("html") if 'class="stop-card"' in e.proto.body]
    stop_ids = [body.split('data-stop-id="', 1)[1].split('"', 1)[0] for body in cards]
    itinerary = view(at).tables.itinerary.set_index("stop_id")
    return [itinerary.loc[sid, "country_code"] for sid in stop_ids]


def url(at: AppTest, name: str) -> list[str]:
    """A query parameter of the app's URL after the run, as a list of values."""
    value = at.query_params.get(name, [])
    return [value] if isinstance(value, str) else list(value)


def warnings(at: AppTest) -> str:
    """The warnings shown, as read (without the Markdown escapes)."""
    return " ".join(w.value.replace("\\", "") for w in at.warning)


def test_default_view_shows_the_three_stops_of_the_seed():
    at = app()
    assert not at.exception
    assert card_countries(at) == ["CO", "CL", "PE"]
    assert not at.warning
    assert at.header[0].value == "Blinken discusses drug trafficking in Colombia"
    assert dict(at.query_params) == {}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(page):
    at = app()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert len(view(at).view.itinerary) == 3


def test_country_from_the_url_and_it_survives_a_page_switch():
    at = app({"country": "CL"})
    assert not at.exception and not at.warning
    assert card_countries(at) == ["CL"]
    assert at.session_state["filter_country"] == ["CL"]
    for page in VIEW_PAGES[1:]:
        at.switch_page(page).run()
        assert not at.exception
        assert url(at, "country") == ["CL"]
        assert view(at).view.itinerary["country_code"].tolist() == ["CL"]
    at.switch_page("app_pages/overview.py").run()
    assert card_countries(at) == ["CL"]


@pytest.mark.parametrize("topics, countries", [
    (["land-reform"], ["CO"]),                 # raised in Colombia only
    (["migration"], ["CO"]),                   # on the agenda too, but raised in Colombia
    (["climate-change"], ["CO", "CL", "PE"]),  # stated for the whole tour only
    # Both raised in Colombia only: Peru's "son of peasant farmers" is biography, not agenda.
    (["land-reform", "rural-development"], ["CO"]),
    (["land-reform", "climate-change"], ["CO", "CL", "PE"]),  # any of them: stop or tour
])
def test_topic_from_the_url(topics, countries):
    at = app({"topic": topics})
    assert not at.exception and not at.warning
    assert card_countries(at) == countries
    assert url(at, "topic") == topics


def test_country_and_topic_together_and_a_date_range():
    at = app({"country": ["CO", "PE"], "topic": "climate-change"})
    assert card_countries(at) == ["CO", "PE"]
    at = app({"country": ["CO", "PE"], "topic": "land-reform"})  # raised in Colombia only
    assert card_countries(at) == ["CO"]
    at = app({"from": "2022-10-05", "to": "2022-10-05"})
    assert card_countries(at) == ["CL"]
    assert url(at, "from") == ["2022-10-05"]


def test_changing_a_filter_writes_the_url():
    at = app()
    at.multiselect(key="filter_country").select("PE").run()
    assert card_countries(at) == ["PE"]
    assert url(at, "country") == ["PE"]
    at.multiselect(key="filter_country").unselect("PE").run()
    assert "country" not in at.query_params
    assert card_countries(at) == ["CO", "CL", "PE"]


def test_bad_link_values_are_dropped_with_a_notice_and_the_page_works():
    hostile = "<script>alert(1)</script>"
    at = app({"country": ["CL", "XX", hostile, "C" * 10_000],
              "topic": [hostile, "cooking"], "from": "2022-99-01", "trip": "nope"})
    assert not at.exception
    text = warnings(at)
    for words in ("unknown country code", "not a two-letter ISO code", "too long",
                  "not a topic name", "unknown topic", "expected a real date", "unknown trip"):
        assert words in text
    assert "<script>" not in text and "C" * 100 not in text
    # the good value stays, the bad ones are gone from the address bar
    assert card_countries(at) == ["CL"]
    assert url(at, "country") == ["CL"]
    assert "topic" not in at.query_params and "trip" not in at.query_params


def test_empty_result_says_so_with_a_way_back():
    at = app({"country": "CL", "topic": "land-reform"})
    assert not at.exception
    assert card_countries(at) == []
    assert any("No stop matches" in info.value for info in at.info)
    assert not at.get("plotly_chart") and not at.get("deck_gl_json_chart")
    at.button(key="clear_filters_overview").click().run()
    assert card_countries(at) == ["CO", "CL", "PE"]
    assert "country" not in at.query_params and "topic" not in at.query_params


@pytest.mark.parametrize("page", VIEW_PAGES)
def test_empty_result_on_every_page(page):
    at = app({"country": "CL", "topic": "land-reform"})
    at.switch_page(page).run()
    assert not at.exception
    assert any("No stop matches" in info.value for info in at.info)


def test_map_pick_highlights_the_stop():
    at = app()
    at.selectbox(key="selected_stop_id").select(f"{SEED_TRIP}/1").run()
    selected = [e.proto.body for e in at.get("html") if ">selected<" in e.proto.body]
    assert len(selected) == 1 and f'data-stop-id="{SEED_TRIP}/1"' in selected[0]
    assert view(at).selected_stop_id == f"{SEED_TRIP}/1"


@pytest.fixture
def several_trips(tmp_path, monkeypatch):
    if not SHARED_ARTICLES.is_dir():
        pytest.skip(f"shared articles not found at {SHARED_ARTICLES}")
    for path in [*SEEDS.glob("*.txt"), *sorted(SHARED_ARTICLES.glob("*.txt"))[:2]]:
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(tmp_path))
    return tmp_path


def test_all_trips_view_and_trip_selector(several_trips):
    at = app()
    assert not at.exception
    state = view(at)
    trip_ids = state.tables.trips["trip_id"].tolist()
    # The first shared article is the State Department's statement about the seed's tour:
    # merged with the seed into one trip of two sources (dashboard.merging), so two trips.
    assert len(trip_ids) == 2 and SEED_TRIP in trip_ids
    assert state.tables.trips.set_index("trip_id").loc[SEED_TRIP, "n_sources"] == 2
    assert state.all_trips
    assert at.header[0].value == "All trips (2)"
    figure = at.get("plotly_chart")[0].proto.spec
    for trip_id in trip_ids:  # one lane per trip, named by its title
        assert state.trip_titles[trip_id].split()[0] in figure
    at.selectbox(key="filter_trip").select(SEED_TRIP).run()
    assert url(at, "trip") == [SEED_TRIP]
    assert card_countries(at) == ["CO", "CL", "PE"]


def test_trip_from_the_url(several_trips):
    at = app({"trip": SEED_TRIP, "country": "PE"})
    assert not at.exception and not at.warning
    assert card_countries(at) == ["PE"]
    at.switch_page("app_pages/data.py").run()
    assert url(at, "trip") == [SEED_TRIP]


def test_tables_are_built_once_per_content(tmp_path, monkeypatch):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(tmp_path))
    calls: list[list] = []
    real = loading.load_trips

    def counting(paths, deduplicate=True, **options):  # (options: the extraction cache)
        calls.append(paths)
        return real(paths, deduplicate, **options)

    monkeypatch.setattr(loading, "load_trips", counting)
    st.cache_data.clear()
    at = app()
    at.multiselect(key="filter_country").select("CL").run()
    at.switch_page("app_pages/data.py").run()
    assert len(calls) == 1
    (tmp_path / "000_2088198bdb06ddc9.txt").write_text(
        (SEEDS / "000_2088198bdb06ddc9.txt").read_text() + "\nOne more line.\n")
    at.run()
    assert len(calls) == 2


def test_missing_articles_folder_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(tmp_path / "nowhere"))
    at = app()
    assert not at.exception
    assert "Articles folder not found" in warnings(at)
    assert any("No trip could be read" in e.value for e in at.error)


def test_an_empty_folder_still_lets_the_visitor_add_an_article(tmp_path, monkeypatch):
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(tmp_path))
    at = app()
    assert "No .txt or .md articles" in warnings(at)
    at.switch_page("app_pages/add_article.py").run()
    assert not at.exception
    assert at.get("file_uploader")


def test_a_date_range_reaching_outside_the_trip_still_works():
    at = app({"from": "2021-01-01", "to": "2022-10-04"})
    assert not at.exception and not at.warning
    assert card_countries(at) == ["CO"]
    # a start before the first day constrains nothing, so the link is tidied to the same view
    assert "from" not in at.query_params and url(at, "to") == ["2022-10-04"]


def test_choosing_another_trip_starts_the_date_range_over(several_trips):
    at = app({"trip": SEED_TRIP, "from": "2022-10-06"})
    assert card_countries(at) == ["PE"]
    other = next(t for t in view(at).tables.trips["trip_id"] if t != SEED_TRIP)
    at.selectbox(key="filter_trip").select(other).run()
    assert not at.exception
    assert "from" not in at.query_params and url(at, "trip") == [other]
    assert len(card_countries(at)) == len(
        view(at).tables.itinerary.query("trip_id == @other"))


def test_stops_without_dates_or_coordinates_are_listed_not_dropped(tmp_path, monkeypatch):
    from tests.view_fixtures import sample_tables

    (tmp_path / "hand-built.txt").write_text("placeholder: the tables below are built by hand")
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(tmp_path))

    def hand_built(folder, fingerprint, uploads=(), decisions=(), **options):
        tables = sample_tables("trip-a")
        tables.itinerary.loc[1, ["start", "end"]] = None   # Chile: no date
        tables.itinerary.loc[2, ["lat", "lon"]] = None     # Peru: no coordinates
        return tables

    monkeypatch.setattr(loading, "grouped_tables", hand_built)
    st.cache_data.clear()
    at = app()
    assert not at.exception
    assert card_countries(at) == ["CO", "CL", "PE"]
    assert any("No date known for" in m.value for m in at.markdown)
    assert any("Santiago, Chile" in m.value for m in at.markdown)
    assert any("Not on the map" in c.value and "Lima" in c.value for c in at.caption)
    st.cache_data.clear()


def test_the_highlighted_stop_is_kept_for_the_other_pages():
    at = app()
    at.selectbox(key="selected_stop_id").select(f"{SEED_TRIP}/2").run()
    at.switch_page("app_pages/source.py").run()
    at.run()  # a second run on the page: the overview's widget is not drawn any more
    assert view(at).selected_stop_id == f"{SEED_TRIP}/2"
    at.switch_page("app_pages/overview.py").run()
    assert at.selectbox(key="selected_stop_id").value == f"{SEED_TRIP}/2"
