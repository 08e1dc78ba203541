"""The extraction cache in the store: a cached extraction is the fresh one, on SQLite and on
a real PostgreSQL (store_fixtures); stale versions are never read; a database that cannot
be read or written only means the articles are extracted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from shared_data import SEED, SHARED_ARTICLES
from sqlalchemy import text
from store_fixtures import db_url, postgres  # noqa: F401 - fixtures

import dashboard.extraction as extraction
from dashboard.articles import read_article, read_article_text
from dashboard.extraction import extract_trip
from dashboard.models import ArticleError, Trip
from dashboard.store import open_engine
from dashboard.store.engine import alembic_config, create_store_engine
from dashboard.store.extraction_cache import (
    ExtractionCache,
    extract_articles,
    extractor_version,
)
from dashboard.store.settings import sqlite_url
from dashboard.tables import load_tables

NO_TRIP = "Title: Notes\nDate: 2022-10-04\n\nThey discussed trade and investment.\n"


class CountingExtractor:
    """`extract_trip` that counts its calls (the real extractor runs)."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, article):  # type: ignore[no-untyped-def]
        self.calls += 1
        return extract_trip(article)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> CountingExtractor:
    counter = CountingExtractor()
    monkeypatch.setattr(extraction, "extract_trip", counter)
    return counter


@pytest.fixture
def cache(db_url: str):  # noqa: F811 - the fixture above
    engine = open_engine(db_url)
    yield ExtractionCache(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def seed_fresh() -> Trip:
    return extract_trip(read_article(SEED))


def test_the_migration_is_revision_0002_after_0001() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config()).get_revision("0002")
    assert script.down_revision == "0001"
    assert "extraction_cache" in Path(script.path).read_text()


def test_the_version_names_rules_code_model_and_spacy() -> None:
    version = extractor_version()
    assert version.startswith("rules")
    assert "en_core_web_sm" in version or "_" in version  # the model's lang_name
    assert " spacy 3." in version


def test_a_cached_seed_is_the_fresh_extraction(cache: ExtractionCache, seed_fresh: Trip,
                                               counting: CountingExtractor) -> None:
    article = read_article(SEED)
    [first] = extract_articles([article], cache)
    assert counting.calls == 1 and first == seed_fresh
    assert cache.count() == 1
    [again] = extract_articles([read_article(SEED)], cache)
    assert counting.calls == 1, "the second start must not extract again"
    assert again == seed_fresh
    assert again is not first


def test_the_same_text_under_another_name_gets_that_name(cache: ExtractionCache,
                                                         tmp_path: Path,
                                                         counting: CountingExtractor) -> None:
    undated = "Secretary Blinken will travel to Bogota, Colombia on Monday.\n"
    first = tmp_path / "a.txt"
    first.write_text(undated, encoding="utf-8")
    other = tmp_path / "renamed.txt"
    shutil.copy(first, other)
    with pytest.warns(UserWarning):
        extract_articles([read_article(first)], cache)
    with pytest.warns(UserWarning):
        [cached] = extract_articles([read_article(other)], cache)
    assert counting.calls == 1
    with pytest.warns(UserWarning):
        fresh = extract_trip(read_article(other))
    assert cached == fresh
    assert cached.article.path == str(other)
    assert cached.warnings and all(str(first) not in w for w in cached.warnings)


def test_an_article_with_no_trip_is_cached_with_its_message(cache: ExtractionCache,
                                                            counting: CountingExtractor
                                                            ) -> None:
    [first] = extract_articles([read_article_text("notes.txt", NO_TRIP)], cache)
    assert isinstance(first, ArticleError)
    [again] = extract_articles([read_article_text("other.txt", NO_TRIP)], cache)
    assert counting.calls == 1
    assert isinstance(again, ArticleError)
    assert str(again) == str(first).replace("notes.txt", "other.txt")
    assert str(again).startswith("other.txt: no visited place found")


def test_a_text_repeated_in_one_call_is_extracted_once(cache: ExtractionCache,
                                                       seed_fresh: Trip,
                                                       counting: CountingExtractor) -> None:
    results = extract_articles([read_article(SEED)] * 3, cache)
    assert counting.calls == 1
    assert results == [seed_fresh] * 3


def test_entries_of_another_extractor_version_are_ignored_and_replaced(
        cache: ExtractionCache, seed_fresh: Trip, counting: CountingExtractor) -> None:
    old = ExtractionCache(cache.engine, version="rules0 an older extractor")
    wrong = seed_fresh.model_copy(update={"id": "stale-trip"})
    extract_articles([read_article(SEED)], old)
    # the old extractor's entry, doctored: were it read, the id would show it
    from dashboard.store.extraction_cache import result_record

    old.store({next(iter(old.lookup_all())): result_record(wrong, seed_fresh.article)})
    assert counting.calls == 1
    [trip] = extract_articles([read_article(SEED)], cache)
    assert counting.calls == 2, "an entry of another version must not be read"
    assert trip == seed_fresh
    assert old.count() == 0 and cache.count() == 1


def test_a_record_that_does_not_fit_is_extracted_again(cache: ExtractionCache,
                                                       counting: CountingExtractor) -> None:
    article = read_article(SEED)
    extract_articles([article], cache)
    [text_hash] = cache.lookup_all()
    cache.store({text_hash: {"trip": {"not": "a trip"}}})
    [trip] = extract_articles([article], cache)
    assert counting.calls == 2 and isinstance(trip, Trip)


def test_a_published_date_given_for_an_undated_text_is_not_mixed_up(
        cache: ExtractionCache, counting: CountingExtractor) -> None:
    import datetime as dt

    undated = "Secretary Blinken will travel to Bogota, Colombia on Monday.\n"
    with pytest.warns(UserWarning):
        plain = extract_articles([read_article_text("a.txt", undated)], cache)[0]
    dated_article = read_article_text("a.txt", undated, published=dt.date(2022, 10, 1))
    [dated] = extract_articles([dated_article], cache)
    assert counting.calls == 2
    assert dated == extract_trip(dated_article) and dated != plain


def test_tables_from_the_cache_equal_fresh_tables(cache: ExtractionCache,
                                                  counting: CountingExtractor) -> None:
    import pandas as pd

    folder = SEED.parent
    fresh = load_tables(folder)
    calls = counting.calls
    load_tables(folder, cache=cache)
    assert counting.calls == 2 * calls
    warm = load_tables(folder, cache=cache)
    assert counting.calls == 2 * calls, "a warm start extracts nothing"
    for name in ("trips", "itinerary", "events", "topics", "sentences", "mentions",
                 "sources", "conflicts"):
        pd.testing.assert_frame_equal(getattr(warm, name), getattr(fresh, name))
    assert warm.texts == fresh.texts and warm.errors == fresh.errors


def test_a_read_only_store_still_extracts(tmp_path: Path, seed_fresh: Trip,
                                          counting: CountingExtractor) -> None:
    path = tmp_path / "trips.sqlite3"
    engine = open_engine(sqlite_url(path))
    with engine.connect() as connection:  # a read-only file cannot switch journal modes
        connection.execute(text("PRAGMA journal_mode=DELETE"))
    engine.dispose()
    read_only = open_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    cache = ExtractionCache(read_only)
    assert extract_articles([read_article(SEED)], cache) == [seed_fresh]
    assert extract_articles([read_article(SEED)], cache) == [seed_fresh]
    assert counting.calls == 2 and cache.count() == 0
    read_only.dispose()


def test_an_unreachable_store_still_extracts(seed_fresh: Trip,
                                             counting: CountingExtractor) -> None:
    engine = create_store_engine("postgresql+psycopg://nobody@127.0.0.1:1/trips")
    assert extract_articles([read_article(SEED)], ExtractionCache(engine)) == [seed_fresh]
    assert counting.calls == 1


@pytest.mark.skipif(not SHARED_ARTICLES.is_dir(),
                    reason=f"{SHARED_ARTICLES} not found (the team's development articles)")
def test_every_shared_article_comes_back_from_the_cache_unchanged(
        cache: ExtractionCache, counting: CountingExtractor) -> None:
    import warnings

    paths = sorted(SHARED_ARTICLES.glob("*.txt"))
    assert paths
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = [read_article(p) for p in paths]
        first = extract_articles(articles, cache)
        again = extract_articles([read_article(p) for p in paths], cache)
    assert counting.calls == len(paths)
    for path, fresh, cached in zip(paths, first, again, strict=True):
        if isinstance(fresh, Trip):
            assert cached == fresh, path.name
        else:
            assert str(cached) == str(fresh), path.name


def test_a_restarted_app_reads_its_folder_from_the_cache(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         counting: CountingExtractor) -> None:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    app = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (folder / "notes.txt").write_text(NO_TRIP, encoding="utf-8")
    monkeypatch.setenv("TRIP_ARTICLES_DIR", str(folder))
    monkeypatch.setenv("TRIP_DATABASE_PATH", str(tmp_path / "var" / "trips.sqlite3"))
    monkeypatch.delenv("TRIP_DATABASE_URL", raising=False)
    st.cache_data.clear()
    first = AppTest.from_file(app, default_timeout=90).run()
    assert not first.exception and counting.calls == 2
    st.cache_data.clear()  # a new server process: only the database is left
    again = AppTest.from_file(app, default_timeout=90).run()
    assert not again.exception
    assert counting.calls == 2, "a restart must not run the extractor again"
    for at in (first, again):
        tables = at.session_state["_trip_view_state"].tables
        assert len(tables.itinerary) == 3
        assert [e.split(": ", 1)[1][:22] for e in tables.errors] == ["no visited place found"]
        assert tables.errors[0].startswith(str(folder / "notes.txt"))
