"""AppTest: a reader joins and splits trips (Source page), the choice is kept in the store
(or in the session when the store is read-only, with a message), uploads join folder trips,
and the Source page's article lives in the URL. Every test has its own database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from streamlit.testing.v1 import AppTest

import dashboard.loading as loading
from dashboard.store import open_engine
from dashboard.store.settings import sqlite_url

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "dashboard" / "app.py")
SOURCE = "app_pages/source.py"
ADD = "app_pages/add_article.py"
SEED = REPO / "seeds" / "000_2088198bdb06ddc9.txt"
CHILE = sorted((REPO / "tests" / "fixtures" / "merging").glob("chile_*.txt"))
GROUPING = REPO / "tests" / "fixtures" / "grouping"
TRIP_KEY = "filter_trip"


def _folder(tmp_path: Path, *files: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in files:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def own_store(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "store" / "trips.sqlite3"
    monkeypatch.setenv("TRIP_DATABASE_PATH", str(path))
    monkeypatch.delenv("TRIP_DATABASE_URL", raising=False)
    return path


@pytest.fixture
def merged_folder(tmp_path, monkeypatch, own_store) -> Path:
    folder = _folder(tmp_path, SEED, *CHILE, GROUPING / "blinken_mexico.txt")
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(folder))
    return folder


def _app(params: dict[str, str] | None = None, page: str | None = SOURCE) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _tables(at: AppTest):
    return at.session_state["_trip_view_state"].tables


def _options(at: AppTest) -> list[str]:
    return list(at.sidebar.selectbox(key=TRIP_KEY).options)


def _source_id(at: AppTest, file_name: str) -> str:
    sources = _tables(at).sources
    return str(sources.loc[sources["path"].str.endswith(file_name), "source_id"].iloc[0])


def _url(at: AppTest, name: str) -> list[str]:
    value = at.query_params.get(name, [])
    return [value] if isinstance(value, str) else list(value)


def _messages(at: AppTest) -> str:
    return " ".join(e.value for kind in (at.success, at.warning, at.info, at.error)
                    for e in kind)


def test_split_an_article_out_keep_it_after_a_restart_and_undo(merged_folder) -> None:
    at = _app()
    seed_trip = "blinken-2022-10-latin-america"
    at.sidebar.selectbox(key=TRIP_KEY).select(seed_trip).run()
    assert any(o.endswith("(3 sources)") for o in _options(at))
    thursday = _source_id(at, "chile_thursday.txt")
    at.radio(key="source_page_article").set_value(thursday).run()
    at.button(key="grouping_split").click().run()
    assert not at.exception
    assert "Split **chile\\_thursday\\.txt** out" in _messages(at)
    assert "Saved for every reader" in _messages(at)
    options = _options(at)
    assert any(o.endswith("(2 sources)") for o in options)
    assert "Blinken's Chile stop set for Thursday" in options  # a trip of its own
    # the reader stays on the trip they were reading, now one source fewer
    assert at.sidebar.selectbox(key=TRIP_KEY).value == seed_trip

    # Another session (a restart reads the same database) sees the split too.
    other = _app(page=None)
    assert "Blinken's Chile stop set for Thursday" in _options(other)
    # ... and, on the trip left behind, lists it among the other decisions, with Undo
    other = _app({"trip": seed_trip})
    assert any("Other joins and splits in force (1)" in c.value for c in other.caption)
    assert any(b.key.startswith("grouping_undo_other_") for b in other.button)

    # Undo, from the trip left behind: the three sources are one trip again.
    undo = next(b for b in at.button if b.key.startswith("grouping_undo_"))
    undo.click().run()
    assert not at.exception
    assert "Undone: split out chile\\_thursday\\.txt" in _messages(at)
    assert any(o.endswith("(3 sources)") for o in _options(at))
    assert "Blinken's Chile stop set for Thursday" not in _options(at)
    assert "Blinken's Chile stop set for Thursday" not in _options(_app(page=None))


def test_join_two_trips_into_one(merged_folder) -> None:
    at = _app({"trip": "blinken-2022-10-latin-america"})
    assert len(_options(at)) == 3  # All trips, the seed's trip, Mexico
    picker = at.selectbox(key="grouping_join_pick")
    assert picker.options[0].startswith("Blinken heads to Mexico")  # same traveller first
    picker.select("blinken-2022-10-mexico").run()
    at.button(key="grouping_join").click().run()
    assert not at.exception
    assert "now has 4 sources" in _messages(at)
    options = _options(at)
    assert len(options) == 2 and options[1].endswith("(4 sources)")
    assert at.sidebar.selectbox(key=TRIP_KEY).value == options[1] or \
        _tables(at).trips["n_sources"].tolist() == [4]
    countries = _tables(at).itinerary["country_code"].tolist()
    assert countries == ["CO", "CL", "PE", "MX"]
    # the decision is listed with an Undo button, and undoing it splits them again
    undo = next(b for b in at.button if b.key.startswith("grouping_undo_"))
    undo.click().run()
    assert len(_options(at)) == 3


def test_a_read_only_store_keeps_the_choice_for_the_session_and_says_so(
        tmp_path, monkeypatch, own_store) -> None:
    engine = open_engine(sqlite_url(own_store))  # create and migrate it, then freeze it
    with engine.connect() as connection:
        connection.execute(text("PRAGMA journal_mode=DELETE"))
    engine.dispose()
    monkeypatch.setenv("TRIP_DATABASE_URL", f"sqlite:///file:{own_store}?mode=ro&uri=true")
    folder = _folder(tmp_path, SEED, *CHILE)
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(folder))
    at = _app()
    thursday = _source_id(at, "chile_thursday.txt")
    at.radio(key="source_page_article").set_value(thursday).run()
    at.button(key="grouping_split").click().run()
    assert not at.exception
    said = _messages(at)
    assert "Kept for this browser session only" in said and "read-only" in said
    assert len(_options(at)) == 3  # All trips + two trips in this session
    assert "this session only" in " ".join(m.value for m in at.markdown)
    assert len(_options(_app(page=None))) == 2  # another session: not split
    # undoing a session-only split works without the store
    next(b for b in at.button if b.key.startswith("grouping_undo_")).click().run()
    assert len(_options(at)) == 2


def test_the_article_shown_is_in_the_url(merged_folder) -> None:
    at = _app({"trip": "blinken-2022-10-latin-america"})
    thursday = _source_id(at, "chile_thursday.txt")
    at.radio(key="source_page_article").set_value(thursday).run()
    assert _url(at, "article") == [thursday]
    # the sidebar's "Share this view" link names it on the same run
    assert any(f"article={thursday}" in c.value for c in at.sidebar.code), \
        [c.value for c in at.sidebar.code]
    # a copied link opens the same article
    linked = _app({"trip": "blinken-2022-10-latin-america", "article": thursday})
    assert linked.radio(key="source_page_article").value == thursday
    assert not linked.warning


@pytest.mark.parametrize(("value", "said"), [
    ("no-such-article", "is not one of the articles of the trips in view"),
    ("<script>alert(1)</script>", "is not an article id"),
])
def test_an_unknown_article_in_the_url_is_dropped_with_a_message(merged_folder, value,
                                                                 said) -> None:
    at = _app({"trip": "blinken-2022-10-latin-america", "article": value})
    assert any(said in w.value for w in at.warning)
    shown = at.radio(key="source_page_article").value
    assert _url(at, "article") == [shown]  # the link now names what is shown
    at.run()
    assert not any(said in w.value for w in at.warning)  # said once, not on every run


def test_an_article_of_a_trip_not_in_view_is_dropped(merged_folder) -> None:
    at = _app({"trip": "blinken-2022-10-mexico", "article": "blinken-2022-10-chile"})
    assert any("not one of the articles" in w.value for w in at.warning)
    assert _url(at, "article") == ["blinken-2022-10-mexico"]


# --- uploads ----------------------------------------------------------------------------


def _paste(at: AppTest, path: Path) -> AppTest:
    at.text_area[0].set_value(path.read_text(encoding="utf-8"))
    next(b for b in at.button if b.label == "Add").click()
    return at.run()


@pytest.fixture
def seed_folder(tmp_path, monkeypatch, own_store) -> Path:
    folder = _folder(tmp_path, SEED)
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(folder))
    return folder


def test_an_upload_about_a_folder_trip_joins_it_and_can_be_split_out(seed_folder) -> None:
    at = _paste(_app(page=ADD), CHILE[0])
    assert not at.exception
    said = _messages(at)
    assert "It joined the trip *Blinken discusses drug trafficking in Colombia*" in said
    assert "which now has 2 sources" in said
    assert _options(at) == ["All trips (1)",
                            "Blinken discusses drug trafficking in Colombia (2 sources)"]
    assert at.sidebar.selectbox(key=TRIP_KEY).value == "blinken-2022-10-latin-america"
    # split it out from the list of this session's articles
    next(b for b in at.button if b.key.startswith("split_upload_")).click().run()
    assert not at.exception
    assert "is a trip of its own again" in _messages(at)
    assert len(_options(at)) == 3


def test_an_upload_by_another_traveller_on_the_same_days_stays_apart(seed_folder) -> None:
    at = _paste(_app(page=ADD), GROUPING / "austin_chile.txt")
    assert "It is a trip of its own" in _messages(at)
    assert len(_options(at)) == 3 and not any("sources)" in o for o in _options(at))


def test_an_upload_fitting_two_trips_joins_the_nearest_and_says_so(tmp_path, monkeypatch,
                                                                   own_store) -> None:
    folder = _folder(tmp_path, SEED, GROUPING / "blinken_mexico.txt")
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(folder))
    at = _paste(_app(page=ADD), GROUPING / "blinken_panama.txt")
    said = _messages(at)
    assert "It joined the trip of *Blinken heads to Mexico for security talks*" in said
    assert "one trip of 2 sources now, named *Blinken to stop in Panama*" in said
    assert "also fits another trip" in said and "000\\_2088198bdb06ddc9\\.txt" in said
    assert "nearest in time" in said
    assert sum(o.endswith("(2 sources)") for o in _options(at)) == 1


def test_a_correction_of_one_article_keeps_the_merged_trip_whole(merged_folder,
                                                                 own_store) -> None:
    from dashboard.extraction import extract_trip_from_file
    from dashboard.store import Subject, TripStore, content_hash
    from dashboard.store.corrections import edits_from_trip, locate

    seed = extract_trip_from_file(merged_folder / SEED.name)
    engine = open_engine(sqlite_url(own_store))
    edits = edits_from_trip(seed)
    edits[2] = locate(edits[2].model_copy(update={"city": "Cusco"}), edits[2])
    TripStore(engine).correct(Subject.folder(content_hash(seed.article.text), SEED.name),
                              edits, 0)
    engine.dispose()
    at = _app({"trip": "blinken-2022-10-latin-america"}, page="app_pages/data.py")
    tables = _tables(at)
    trip = tables.trips.set_index("trip_id").loc["blinken-2022-10-latin-america"]
    assert trip["n_sources"] == 3  # the two Chile reports are still part of it
    stops = tables.itinerary[tables.itinerary["trip_id"] == "blinken-2022-10-latin-america"]
    assert stops["city"].tolist() == ["Bogotá", "Santiago", "Cusco"]
    assert stops["n_sources"].tolist() == [1, 3, 1]
    assert stops.iloc[2]["corrected"]  # the reader's value, marked as such
    assert len(tables.conflicts) == 1  # the Chile reports still disagree
    assert "blinken-2022-10-latin-america" in tables.stored  # exports use the corrected one


def test_a_saved_trip_is_not_offered_for_joining_and_says_why(seed_folder) -> None:
    at = _app(page=ADD)
    at.text_area[0].set_value(CHILE[0].read_text(encoding="utf-8"))
    next(b for b in at.button if b.label == "Save and get a link").click()
    at.run()
    saved = at.sidebar.selectbox(key=TRIP_KEY).value
    assert saved not in ("__all__", "blinken-2022-10-latin-america"), saved
    at.switch_page(SOURCE).run()
    assert not at.exception
    assert any("A saved trip stands on its own" in c.value for c in at.caption)
    at.sidebar.selectbox(key=TRIP_KEY).select("blinken-2022-10-latin-america").run()
    # the saved trip is the only other one, and it is not offered
    assert any("No other trip is loaded to join" in c.value for c in at.caption)


def test_hostile_article_titles_stay_text_in_the_controls(tmp_path, monkeypatch,
                                                          own_store) -> None:
    folder = _folder(tmp_path, SEED)
    (folder / "hostile.txt").write_text(
        "Title: <img src=x onerror=alert(1)> **bold** [x](javascript:alert(1))\n"
        "Date: 2022-10-03\n\nWASHINGTON: U.S. Secretary of State Antony Blinken will travel "
        "to Santiago, Chile on Wednesday.\n", encoding="utf-8")
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(folder))
    at = _app({"trip": "blinken-2022-10-latin-america"})
    hostile = _source_id(at, "hostile.txt")
    at.radio(key="source_page_article").set_value(hostile).run()
    assert not at.exception
    label = at.button(key="grouping_split").label
    assert "\\*\\*bold\\*\\*" in label and "\\[x\\]" in label, label
    at.button(key="grouping_split").click().run()
    assert not at.exception
    shown = " ".join(m.value for m in at.markdown)
    assert "hostile\\.txt" in shown and "<img" not in shown
    said = _messages(at)
    assert "split out" in said.lower() and "<img" not in said.replace("\\<img", "")


def test_undo_on_a_read_only_store_says_it_was_not_undone(tmp_path, monkeypatch,
                                                         own_store) -> None:
    from dashboard.merging.decisions import GroupingDecision
    from dashboard.store import TripStore, content_hash
    from dashboard.store.groupings import add_decision

    engine = open_engine(sqlite_url(own_store))
    thursday_text = CHILE[0].read_text(encoding="utf-8")
    add_decision(TripStore(engine), GroupingDecision(
        "split", (content_hash(thursday_text),), (CHILE[0].name,)))
    with engine.connect() as connection:
        connection.execute(text("PRAGMA journal_mode=DELETE"))
    engine.dispose()
    monkeypatch.setenv("TRIP_DATABASE_URL", f"sqlite:///file:{own_store}?mode=ro&uri=true")
    folder = _folder(tmp_path, SEED, *CHILE)
    monkeypatch.setenv(loading.ARTICLES_DIR_ENV, str(folder))
    sources = _tables(_app(page=None)).sources
    split_out = sources.loc[sources["path"].str.endswith(CHILE[0].name), "trip_id"].iloc[0]
    at = _app({"trip": split_out})
    assert len(_options(at)) == 3  # the stored split applies on a read-only store
    next(b for b in at.button if b.key.startswith("grouping_undo_")).click().run()
    assert not at.exception
    assert any("Not undone: the database is read" in e.value for e in at.error), \
        [e.value for e in at.error]
    assert len(_options(at)) == 3  # nothing changed
