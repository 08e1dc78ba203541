"""The store against real databases: every test runs on SQLite and on PostgreSQL.

PostgreSQL is a real server started from Debian's package for the session (store_fixtures).
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from store_fixtures import db_url, postgres  # noqa: F401 - fixtures

from dashboard.extraction import extract_trip_from_file
from dashboard.models import Trip
from dashboard.store import (
    ConflictError,
    InvalidEdit,
    NotFound,
    StoreReadOnly,
    StoreUnavailable,
    Subject,
    TripStore,
    content_hash,
    open_engine,
)
from dashboard.store.corrections import StopEdit
from dashboard.store.engine import alembic_config
from dashboard.store.ids import SECRET_ALPHABET, SECRET_LENGTH, looks_like_saved_id
from dashboard.store.schema import Base
from dashboard.store.settings import sqlite_url

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_2088198bdb06ddc9.txt"


@pytest.fixture(scope="module")
def seed_trip() -> Trip:
    return extract_trip_from_file(SEED)


@pytest.fixture
def store(db_url: str):  # noqa: F811 - the fixture above
    engine = open_engine(db_url)
    yield TripStore(engine)
    engine.dispose()


def _moved_date(edits: list[StopEdit], stop: int, day: dt.date) -> list[StopEdit]:
    changed = list(edits)
    changed[stop] = changed[stop].model_copy(update={"start": day, "end": day})
    return changed


def test_migrations_build_the_schema_the_models_describe(store: TripStore) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    tables = set(inspect(store.engine).get_table_names())
    assert {"articles", "trips", "revisions", "folder_corrections",
            "alembic_version"} <= tables
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == \
            ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert compare_metadata(context, Base.metadata) == []
    # Running the migrations again (a restart, a second replica) changes nothing.
    open_engine(store.engine.url.render_as_string(hide_password=False)).dispose()


def test_a_saved_trip_loads_back_whole(store: TripStore, seed_trip: Trip) -> None:
    trip_id = store.save(seed_trip)
    stored = store.load(trip_id)
    assert stored is not None
    assert stored.version == 0 and stored.corrected_at is None
    assert stored.trip == stored.extracted
    assert stored.trip.model_dump(exclude={"id"}) == seed_trip.model_dump(exclude={"id"})
    assert stored.trip.id == trip_id
    assert stored.extractor_version and stored.extractor_version.startswith("0.")


def test_saved_ids_are_readable_and_unguessable(store: TripStore, seed_trip: Trip) -> None:
    first, second = store.save(seed_trip), store.save(seed_trip)
    assert first != second
    for trip_id in (first, second):
        assert trip_id.startswith(seed_trip.id + "-")
        secret = trip_id.rsplit("-", 1)[1]
        assert len(secret) == SECRET_LENGTH and set(secret) <= set(SECRET_ALPHABET)
        assert looks_like_saved_id(trip_id)
    assert SECRET_LENGTH * 5 >= 64  # 32 symbols = 5 bits each


@pytest.mark.parametrize("hostile", [
    "x' OR '1'='1", "blinken-2022-10-latin-america", "'; DROP TABLE trips; --",
    "a" * 10_000, "../../etc/passwd", "<script>alert(1)</script>", "\x00", "",
    "blinken-2022-10-latin-america-" + "z" * SECRET_LENGTH,
])
def test_a_hostile_or_unknown_id_finds_nothing(store: TripStore, seed_trip: Trip,
                                               hostile: str) -> None:
    store.save(seed_trip)
    assert store.load(hostile) is None
    assert store.count_trips() == 1
    with pytest.raises(NotFound):
        store.history(Subject.saved(hostile))


def test_article_text_reaches_the_database_as_data(store: TripStore, seed_trip: Trip) -> None:
    hostile = seed_trip.model_copy(deep=True)
    hostile.article.text += "\n\nRobert'); DROP TABLE trips; -- said it was \"fine\"."
    hostile.article.title = "Title'; DELETE FROM articles; --"
    trip_id = store.save(hostile)
    stored = store.load(trip_id)
    assert stored is not None
    assert stored.trip.article.text == hostile.article.text
    assert stored.trip.article.title == hostile.article.title
    assert "trips" in inspect(store.engine).get_table_names()


def test_a_correction_keeps_the_extracted_value(store: TripStore, seed_trip: Trip) -> None:
    trip_id = store.save(seed_trip)
    stored = store.load(trip_id)
    assert stored is not None
    number = store.correct(Subject.saved(trip_id),
                           _moved_date(stored.edits, 1, dt.date(2022, 10, 6)), 0)
    assert number == 1
    again = store.load(trip_id)
    assert again is not None and again.version == 1
    chile = again.trip.stops[1]
    assert chile.start == chile.end == dt.date(2022, 10, 6)
    assert chile.corrections["start"].extracted == "2022-10-05"
    assert again.extracted.stops[1].start == dt.date(2022, 10, 5)
    assert again.trip.stops[0].corrections == {}


def test_the_second_of_two_saves_from_one_version_is_refused(store: TripStore,
                                                             seed_trip: Trip) -> None:
    trip_id = store.save(seed_trip)
    stored = store.load(trip_id)
    assert stored is not None
    subject = Subject.saved(trip_id)
    store.correct(subject, _moved_date(stored.edits, 1, dt.date(2022, 10, 6)), 0)
    with pytest.raises(ConflictError) as refused:
        store.correct(subject, _moved_date(stored.edits, 2, dt.date(2022, 10, 8)), 0)
    assert refused.value.current_version == 1
    assert "changed by someone else" in str(refused.value)
    assert [r.number for r in store.history(subject)] == [1]
    current = store.load(trip_id)
    assert current is not None and current.trip.stops[2].start == dt.date(2022, 10, 6)


def test_concurrent_saves_of_one_trip_lose_nothing(db_url: str, seed_trip: Trip) -> None:  # noqa: F811
    """Six writers, each with its own engine (as separate replicas would be), correct one
    stop each at the same moment; a writer refused with a conflict reloads and tries again.
    In the end every writer's correction is in the current trip and in its own revision."""
    setup = open_engine(db_url)
    trip_id = TripStore(setup).save(seed_trip)
    days = [dt.date(2022, 10, 10 + n) for n in range(6)]
    start = threading.Barrier(len(days))
    conflicts: list[int] = []
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        engine = open_engine(db_url)
        store = TripStore(engine)
        try:
            for attempt in range(50):
                stored = store.load(trip_id)
                assert stored is not None
                edits = list(stored.edits)
                # writers 0-2 move stops 0-2's start, writers 3-5 their end
                stop, field = n % 3, "start" if n < 3 else "end"
                edits[stop] = edits[stop].model_copy(update={field: days[n]})
                if field == "start" and edits[stop].end and edits[stop].end < days[n]:
                    edits[stop] = edits[stop].model_copy(update={"end": None})
                if attempt == 0:
                    start.wait()  # all six have read revision 0: now they all save at once
                try:
                    store.correct(Subject.saved(trip_id), edits, stored.version,
                                  note=f"writer {n}")
                    return
                except ConflictError:
                    conflicts.append(n)
            raise AssertionError(f"writer {n} never got its turn")
        except BaseException as exc:
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(len(days))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    store = TripStore(setup)
    history = store.history(Subject.saved(trip_id))
    assert sorted(r.number for r in history) == list(range(1, len(days) + 1))
    assert sorted(r.note for r in history) == sorted(f"writer {n}" for n in range(len(days)))
    final = store.load(trip_id)
    assert final is not None
    for n, day in enumerate(days):
        stop, field = n % 3, "start" if n < 3 else "end"
        value = getattr(final.trip.stops[stop], field)
        # a later writer on the same stop may have cleared an end before its new start, but
        # never silently replaced another writer's value with an older one
        assert value == day or (field == "end" and value is None), (n, value)
    assert len(conflicts) >= len(days) - 1  # they really did collide, and were told
    setup.dispose()


def test_history_restore_and_reset(store: TripStore, seed_trip: Trip) -> None:
    trip_id = store.save(seed_trip)
    subject = Subject.saved(trip_id)
    stored = store.load(trip_id)
    assert stored is not None
    store.correct(subject, _moved_date(stored.edits, 1, dt.date(2022, 10, 6)), 0)
    second = list(stored.edits)
    second[0] = second[0].model_copy(update={"city": "Cartagena", "lat": None, "lon": None})
    from dashboard.store.corrections import locate
    second[0] = locate(second[0], stored.edits[0])
    store.correct(subject, second, 1)
    assert store.load(trip_id).trip.stops[0].city == "Cartagena"  # type: ignore[union-attr]
    assert store.reset(subject, stored.extracted, 2) == 3
    reset = store.load(trip_id)
    assert reset is not None and all(not s.corrections for s in reset.trip.stops)
    assert store.restore(subject, 1, 3) == 4
    restored = store.load(trip_id)
    assert restored is not None
    assert restored.trip.stops[1].start == dt.date(2022, 10, 6)
    assert restored.trip.stops[0].city == "Bogotá"
    history = store.history(subject)
    assert [(r.number, r.action) for r in history] == [
        (4, "restore"), (3, "reset"), (2, "correct"), (1, "correct")]
    with pytest.raises(NotFound):
        store.restore(subject, 99, 4)


def test_an_invalid_edit_is_refused_whole(store: TripStore, seed_trip: Trip) -> None:
    trip_id = store.save(seed_trip)
    stored = store.load(trip_id)
    assert stored is not None
    edits = list(stored.edits)
    edits[1] = edits[1].model_copy(update={"start": dt.date(2022, 10, 9),
                                           "end": dt.date(2022, 10, 2)})
    edits[2] = edits[2].model_copy(update={"country_code": "QQ"})
    with pytest.raises(InvalidEdit) as refused:
        store.correct(Subject.saved(trip_id), edits, 0)
    reasons = [(p.row, p.column) for p in refused.value.problems]
    assert reasons == [(1, "end"), (2, "country")]
    assert store.load(trip_id).version == 0  # type: ignore[union-attr]


def test_folder_corrections_follow_the_article_text(store: TripStore, seed_trip: Trip) -> None:
    assert store.load_folder(seed_trip) is None
    subject = Subject.folder(content_hash(seed_trip.article.text), "000_seed.txt")
    from dashboard.store.corrections import edits_from_trip

    store.correct(subject, _moved_date(edits_from_trip(seed_trip), 1, dt.date(2022, 10, 6)), 0)
    # A new extraction of the same text (a restart, a better extractor) gets them back.
    again = extract_trip_from_file(SEED)
    stored = store.load_folder(again)
    assert stored is not None and stored.version == 1
    assert stored.trip.stops[1].start == dt.date(2022, 10, 6)
    assert store.folder_corrections([subject.key, "f" * 64]) == {subject.key}
    # The file's text changes: its corrections are not applied silently but flagged.
    changed = again.model_copy(deep=True)
    changed.article.text += "\nUpdated: a paragraph was added."
    changed.article.path = "000_seed.txt"
    assert store.load_folder(changed) is None
    stale = store.stale_corrections("000_seed.txt", content_hash(changed.article.text))
    assert stale is not None and stale.old_hash == subject.key
    assert stale.edits[1].start == dt.date(2022, 10, 6)
    # A reader reviews them and keeps them for the new text.
    store.carry_over(stale, changed)
    assert store.stale_corrections("000_seed.txt", content_hash(changed.article.text)) is None
    carried = store.load_folder(changed)
    assert carried is not None and carried.trip.stops[1].start == dt.date(2022, 10, 6)


def test_a_read_only_database_reads_and_refuses_writes(tmp_path: Path,
                                                       seed_trip: Trip) -> None:
    path = tmp_path / "trips.sqlite3"
    engine = open_engine(sqlite_url(path))
    trip_id = TripStore(engine).save(seed_trip)
    with engine.connect() as connection:  # a read-only file cannot switch journal modes
        connection.execute(text("PRAGMA journal_mode=DELETE"))
    engine.dispose()
    read_only = open_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    store = TripStore(read_only)
    assert store.load(trip_id) is not None
    with pytest.raises(StoreReadOnly, match="read-only"):
        store.save(seed_trip)
    read_only.dispose()


def test_an_unreachable_server_is_a_plain_message() -> None:
    with pytest.raises(StoreUnavailable, match="cannot be reached") as failed:
        open_engine("postgresql+psycopg://nobody:secret@127.0.0.1:1/trips")
    assert "secret" not in str(failed.value)


def test_settings_choose_the_database() -> None:
    from dashboard.store.settings import (
        DEFAULT_DATABASE_PATH,
        SettingsError,
        database_url,
    )

    assert database_url({}, {}) == sqlite_url(DEFAULT_DATABASE_PATH)
    assert DEFAULT_DATABASE_PATH.parent.name == "var"
    assert database_url({"TRIP_DATABASE_PATH": "/tmp/x.db"}, {}) == "sqlite:////tmp/x.db"
    assert database_url({}, {"database_url": "postgresql://u:p@db/trips"}) == \
        "postgresql+psycopg://u:p@db/trips"
    assert database_url({"TRIP_DATABASE_URL": "postgres://u@h/t"},
                        {"database_url": "sqlite:///ignored.db"}) == "postgresql+psycopg://u@h/t"
    for bad in ("mysql://u@h/t", "not a url"):
        with pytest.raises(SettingsError):
            database_url({"TRIP_DATABASE_URL": bad}, {})
