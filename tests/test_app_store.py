"""AppTest: saving an article and sharing it, the Correct page, and the store's faults."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.store import Subject, TripStore, open_engine
from dashboard.store.settings import sqlite_url

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
ADD = "app_pages/add_article.py"
CORRECT = "app_pages/correct.py"
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_2088198bdb06ddc9.txt"
VIEW_KEY = "_trip_view_state"


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A store of this test only (the app opens it through the usual setting)."""
    path = tmp_path / "var" / "trips.sqlite3"
    monkeypatch.setenv("TRIP_DATABASE_PATH", str(path))
    monkeypatch.delenv("TRIP_DATABASE_URL", raising=False)
    return sqlite_url(path)


def _app(trip: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    if trip is not None:
        at.query_params["trip"] = trip
    return at.run()


def _save_seed(at: AppTest) -> str:
    at.switch_page(ADD).run()
    at.text_area[0].set_value(SEED.read_text(encoding="utf-8"))
    next(b for b in at.button if b.label == "Save and get a link").click()
    at.run()
    assert not at.exception
    return at.query_params["trip"][0] if isinstance(at.query_params["trip"], list) \
        else at.query_params["trip"]


def _editor(at: AppTest):  # type: ignore[no-untyped-def]
    editors = [d for d in at.dataframe if d.editing_mode != "read_only"]
    assert len(editors) == 1
    return editors[0]


def _edit(at: AppTest, rows: dict[int, dict[str, object]]) -> None:
    at.session_state[_editor(at).key] = {"edited_rows": rows, "added_rows": [],
                                         "deleted_rows": []}


def _click(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click()
    return at.run()


def test_save_gives_a_link_that_opens_the_trip_for_anyone(database: str) -> None:
    at = _app()
    trip_id = _save_seed(at)
    assert any("Anyone with this link" in s.value and f"?trip={trip_id}" in s.value
               for s in at.success)
    assert trip_id.startswith("blinken-2022-10-latin-america")
    assert at.sidebar.selectbox[0].value == trip_id
    assert "pasted text" not in str(at.session_state["uploaded_trips"])  # left the session
    # Another visitor, on a fresh process view of the store: the link opens it...
    other = _app(trip=trip_id)
    assert not other.exception
    assert other.sidebar.selectbox[0].value == trip_id
    assert not other.warning or all("unknown trip" not in w.value for w in other.warning)
    # ... and without the link the saved trip is not listed.
    stranger = _app()
    assert trip_id not in stranger.sidebar.selectbox[0].options


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>", "x' OR '1'='1", "a" * 5000,
    "blinken-2022-10-latin-america-zzzzzzzzzzzzzz", "../../etc/passwd%00",
])
def test_a_hostile_trip_id_is_a_notice(database: str, hostile: str) -> None:
    at = _app(trip=hostile)
    assert not at.exception
    assert any("Ignored" in w.value for w in at.warning)
    assert "Traceback" not in str(at) and "sqlalchemy" not in str(at).lower()


def test_correct_a_saved_trip_then_everyone_sees_the_corrected_date(database: str) -> None:
    at = _app()
    trip_id = _save_seed(at)
    at.switch_page(CORRECT).run()
    assert not at.exception
    _edit(at, {1: {"start": "2022-10-06", "end": "2022-10-06"}})
    at.run()
    at = _click(at, "Save correction")
    assert not at.exception
    assert any("Saved as revision 1" in s.value for s in at.success)
    # A new visitor with the link: the Overview's cards carry the corrected date and mark.
    other = _app(trip=trip_id)
    view = other.session_state[VIEW_KEY].view
    chile = view.itinerary[view.itinerary["country_code"] == "CL"].iloc[0]
    assert chile["start"] == dt.datetime(2022, 10, 6) and chile["corrected"] == ["start", "end"]
    cards = " ".join(h.proto.body for h in other.get("html"))
    assert "✎ corrected" in cards and "Thu 6 Oct" in cards
    # History: revision 1, and Reset to extracted undoes it.
    other.switch_page(CORRECT).run()
    assert any("Revision 1" in e.label for e in other.expander)
    other = _click(other, "Reset to extracted")
    assert any("Reset to the extracted trip" in s.value for s in other.success)
    store = TripStore(open_engine(database))
    assert store.load(trip_id).version == 2  # type: ignore[union-attr]


def test_refused_values_name_the_cell_and_keep_the_edit(database: str) -> None:
    at = _app()
    _save_seed(at)
    at.switch_page(CORRECT).run()
    key = _editor(at).key
    _edit(at, {1: {"start": "2022-10-09", "end": "2022-10-02"},
               2: {"city": "Atlantisville", "lat": None, "lon": None}})
    at.run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error).replace("\\", "")  # Markdown escapes
    assert "Stop 2, end: the end 2022-10-02 is before the start 2022-10-09" in errors
    assert "Stop 3, city: 'Atlantisville' is not in the gazetteer" in errors
    problems = next(d.value for d in at.dataframe
                    if list(d.value.columns) == ["stop", "column", "reason"])
    assert problems.to_dict("records") == [
        {"stop": 2, "column": "end",
         "reason": "the end 2022-10-02 is before the start 2022-10-09"},
        {"stop": 3, "column": "city",
         "reason": "'Atlantisville' is not in the gazetteer for Peru; "
                   "type its latitude and longitude"}]
    at = _click(at, "Save correction")
    assert _editor(at).key == key  # the same editor: the edit is still on screen
    assert at.session_state[key]["edited_rows"]
    assert not any("Saved as revision" in s.value for s in at.success)


def test_the_second_of_two_concurrent_saves_is_refused_with_reload(database: str) -> None:
    at = _app()
    trip_id = _save_seed(at)
    at.switch_page(CORRECT).run()
    key = _editor(at).key
    _edit(at, {2: {"start": "2022-10-07"}})
    at.run()
    # Meanwhile another visitor saves a correction of the same trip.
    store = TripStore(open_engine(database))
    stored = store.load(trip_id)
    assert stored is not None
    edits = list(stored.edits)
    edits[0] = edits[0].model_copy(update={"end": dt.date(2022, 10, 4)})
    store.correct(Subject.saved(trip_id), edits, 0)
    at = _click(at, "Save correction")
    assert any("changed by someone else" in e.value for e in at.error)
    assert _editor(at).key == key and at.session_state[key]["edited_rows"]
    at = _click(at, "Reload the latest version")
    assert not any("changed by someone else" in e.value for e in at.error)
    assert _editor(at).key != key
    assert store.load(trip_id).version == 1  # type: ignore[union-attr]


def test_a_folder_trip_is_corrected_for_every_visitor(database: str) -> None:
    at = _app(trip="blinken-2022-10-latin-america")
    at.switch_page(CORRECT).run()
    assert any("articles folder" in c.value for c in at.caption)
    _edit(at, {0: {"city": "Cartagena", "lat": None, "lon": None}})
    at.run()
    at = _click(at, "Save correction")
    assert any("Saved as revision 1" in s.value for s in at.success)
    other = _app()
    itinerary = other.session_state[VIEW_KEY].tables.itinerary
    colombia = itinerary[itinerary["country_code"] == "CO"].iloc[0]
    assert colombia["city"] == "Cartagena" and "city" in colombia["corrected"]
    assert colombia["extracted"]["city"] == "Bogotá"
    assert colombia["lat"] == pytest.approx(10.4, abs=0.2)


def test_an_unreachable_database_leaves_the_app_read_only(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIP_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/trips")
    at = _app(trip="blinken-2022-10-latin-america-k7f3q9x2mbw4tz")
    assert not at.exception
    assert any("Read-only" in w.value and "cannot be reached" in w.value for w in at.warning)
    assert len(at.session_state[VIEW_KEY].view.itinerary) == 3  # the seed still shows
    at.switch_page(ADD).run()
    at.text_area[0].set_value(SEED.read_text(encoding="utf-8"))
    at = _click(at, "Save and get a link")
    assert not at.exception
    assert any("Not saved" in e.value for e in at.error)
    assert at.session_state["uploaded_trips"]  # nothing lost: it stays in the session


def test_corrections_of_a_changed_article_wait_for_review(
        database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "blinken.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("TRIP_ARTICLES_DIR", str(folder))
    at = _app(trip="blinken-2022-10-latin-america")
    at.switch_page(CORRECT).run()
    _edit(at, {0: {"city": "Cartagena", "lat": None, "lon": None}})
    at.run()
    at = _click(at, "Save correction")
    assert any("Saved as revision 1" in s.value for s in at.success)
    # The newsroom updates the article: the old corrections are not applied silently...
    article.write_text(SEED.read_text(encoding="utf-8") + "\n\nThis story was updated.\n",
                       encoding="utf-8")
    later = _app(trip="blinken-2022-10-latin-america")
    itinerary = later.session_state[VIEW_KEY].tables.itinerary
    assert itinerary.iloc[0]["city"] == "Bogotá" and itinerary.iloc[0]["corrected"] == []
    # ... the Correct page shows them for review, and keeping them applies them again.
    later.switch_page(CORRECT).run()
    review = " ".join(w.value for w in later.warning)
    assert "the article's text has changed" in review
    assert any("Cartagena" in m.value for m in later.markdown)
    later = _click(later, "Keep these corrections for the new text")
    assert any("Corrections kept" in s.value for s in later.success)
    again = _app().session_state[VIEW_KEY].tables.itinerary
    assert again.iloc[0]["city"] == "Cartagena" and "city" in again.iloc[0]["corrected"]
