"""A trip told by several articles, through AppTest: the selector, cards, Source switching,
Data's sources and conflicts. The folder holds the seed and two made-up reports of its Chile
stop that disagree on the day (tests/fixtures/merging), so it runs everywhere; the seed with
the State Department statement runs where ../shared is present."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest
from merging_fixtures import shared_statement
from streamlit.testing.v1 import AppTest

import dashboard.loading as loading

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "dashboard" / "app.py"
SEED = REPO / "seeds" / "000_2088198bdb06ddc9.txt"
CHILE = sorted((REPO / "tests" / "fixtures" / "merging").glob("chile_*.txt"))
STATEMENT = shared_statement()


def _folder(tmp_path: Path, *files: Path) -> Path:
    for path in files:
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


@pytest.fixture
def merged_app(tmp_path, monkeypatch) -> AppTest:
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(_folder(tmp_path, SEED, *CHILE)))
    return AppTest.from_file(str(APP), default_timeout=120).run()


def _state(at: AppTest):
    return at.session_state["_trip_view_state"]


def _cards(at: AppTest) -> list[str]:
    return [e.proto.body for e in at.get("html") if 'class="stop-card"' in e.proto.body]


def test_one_trip_in_the_selector_with_its_number_of_sources(merged_app):
    at = merged_app
    assert not at.exception
    (trip,) = _state(at).tables.trips.to_dict("records")
    selector = at.sidebar.selectbox(key="filter_trip")
    assert selector.options == ["All trips (1)", f"{trip['title']} (3 sources)"]


def test_cards_show_the_sources_and_the_conflict(merged_app):
    at = merged_app
    cards = _cards(at)
    assert len(cards) == 3
    chile = next(c for c in cards if "Chile" in c)
    assert 'data-sources="3"' in chile and "3 sources" in chile
    assert 'class="stop-conflict"' in chile and "Sources disagree on the dates" in chile
    assert "5 Oct 2022" in chile and "6 Oct 2022" in chile
    assert all('class="stop-conflict"' not in c for c in cards if "Chile" not in c)
    # Colombia and Peru are told by the seed alone: no "sources" line there.
    assert sum('class="stop-sources"' in c for c in cards) == 1


def test_the_source_page_switches_between_the_trips_articles(merged_app):
    at = merged_app
    at.switch_page("app_pages/source.py").run()
    assert not at.exception
    picker = at.radio(key="source_page_article")
    assert len(picker.options) == 3
    sources = _state(at).tables.sources
    shown = []
    for source_id in sources["source_id"]:
        picker.set_value(source_id).run()
        assert not at.exception
        bodies = " ".join(e.proto.body for e in at.get("html"))
        title = sources.set_index("source_id").loc[source_id, "title"]
        assert html.escape(title) in bodies, title
        shown.append(bodies)
        picker = at.radio(key="source_page_article")
    assert "Antonia Urrejola" in shown[[*sources["path"]].index(
        next(p for p in sources["path"] if p.endswith("chile_thursday.txt")))]
    assert len(set(shown)) == 3


def test_the_data_page_has_sources_and_lists_the_conflict(merged_app):
    at = merged_app
    at.switch_page("app_pages/data.py").run()
    assert not at.exception
    itinerary = at.dataframe[0].value
    chile = itinerary[itinerary["country"] == "Chile"].iloc[0]
    assert sorted(chile["sources"]) == sorted(p.name for p in (SEED, *CHILE))
    assert len(chile["conflicts"]) == 1
    assert any("Conflicts (1 open)" in h.value for h in at.subheader)
    conflicts = at.dataframe[1].value
    assert set(conflicts["field"]) == {"dates"} and set(conflicts["status"]) == {"open"}
    said = dict(zip(conflicts["source"], conflicts["value"], strict=True))
    assert said["chile_wednesday.txt"] == "Wed 5 Oct 2022"
    assert said["chile_thursday.txt"] == "Thu 6 Oct 2022"
    assert said[SEED.name] == "Wed 5 Oct 2022"
    sentence = dict(zip(conflicts["source"], conflicts["sentence"], strict=True))
    assert "on Thursday" in sentence["chile_thursday.txt"]


@pytest.mark.skipif(not STATEMENT.is_file(), reason=f"../shared is absent ({STATEMENT})")
def test_seed_and_statement_are_one_trip_of_three_stops_each_with_two_sources(tmp_path,
                                                                              monkeypatch):
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(_folder(tmp_path, SEED, STATEMENT)))
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    assert not at.exception
    itinerary = _state(at).tables.itinerary
    assert list(itinerary["country"]) == ["Colombia", "Chile", "Peru"]
    assert list(itinerary["n_sources"]) == [2, 2, 2]
    assert all(not c for c in itinerary["conflicts"])
    assert all("2 sources" in c for c in _cards(at))


def test_a_bad_trips_file_is_named_and_the_rest_still_works(tmp_path, monkeypatch):
    folder = _folder(tmp_path, SEED, *CHILE)
    (folder / "trips.toml").write_text('[[join]]\narticles = ["chile_thursday.txt", "nope.txt"]\n'
                                       '[[split]]\narticles = ["chile_thursday.txt"]\n',
                                       encoding="utf-8")
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(folder))
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    assert not at.exception
    notes = " ".join(i.value for i in at.info).replace("\\", "")
    assert "nope.txt" in notes and "join #1 ignored" in notes
    # The valid split still applies: Thursday's report is a trip of its own.
    assert len(_state(at).tables.trips) == 2
    assert len(_cards(at)) == 4  # all trips: 3 stops of the seed's trip + 1
