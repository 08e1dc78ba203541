"""The store's engine: connect, bring the schema up to date with Alembic, classify faults.

`open_engine(url)` is what the app (once per process, `st.cache_resource`) and the command
line call. Migrations run programmatically (`alembic.command.upgrade` with a Config built
here, the scripts shipped in `dashboard/store/migrations/`), so there is no alembic.ini and
the working directory does not matter.
"""

from __future__ import annotations

import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from dashboard.store.settings import describe_url

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HEAD = "head"
SQLITE_BUSY_SECONDS = 5
PG_CONNECT_SECONDS = 5
# Any constant: replicas starting together take this lock so one of them migrates at a time.
_MIGRATION_LOCK_KEY = 7_241_977_310
_MIGRATING = threading.Lock()


class StoreError(Exception):
    """The store cannot do what was asked; the message is for people (no SQL, no trace).

    `reason` is the same in a few words without the database's address, for visitors of a
    public app (the full message goes to the server log)."""

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message


class StoreUnavailable(StoreError):
    """The database cannot be reached, is locked, or refuses writes (read-only)."""


class StoreReadOnly(StoreUnavailable):
    """The database can be read but not written (a read-only file or server)."""


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        # WAL lets readers go on while one writer saves; a read-only file cannot switch.
        cursor.execute("PRAGMA journal_mode=WAL")
    except Exception:  # a read-only database: reads still work
        pass
    finally:
        cursor.close()


def create_store_engine(url: str) -> Engine:
    """An engine for `url` (SQLite: the folder is created; PostgreSQL via psycopg 3)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            try:
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreUnavailable(
                    f"cannot create the folder for the database {database}: "
                    f"{exc.strerror or exc}") from None
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True,
                         connect_args={"connect_timeout": PG_CONNECT_SECONDS})


def alembic_config() -> Config:
    """Alembic's configuration, built in code: where the migration scripts are."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def migrate(engine: Engine, revision: str = HEAD) -> None:
    """Upgrade the schema to `revision` (all migrations by default). Safe to run from
    several processes at once: PostgreSQL serialises them with an advisory lock, SQLite
    with its write lock."""
    config = alembic_config()
    # Alembic keeps the running migration in module globals: one migration per process.
    with _MIGRATING, engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": _MIGRATION_LOCK_KEY})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def explain(exc: BaseException, url: str | None = None) -> StoreError:
    """A database exception as a StoreError whose message a reader can act on."""
    where = f" ({describe_url(url)})" if url else ""
    message = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200]
    lowered = message.lower()
    if "readonly" in lowered or "read-only" in lowered or "read only" in lowered:
        return StoreReadOnly(f"the database is read-only{where}: saving is off",
                             "the database is read-only")
    if "locked" in lowered or "busy" in lowered:
        return StoreUnavailable(f"the database is locked by another program{where}",
                                "the database is locked")
    invalidated = isinstance(exc, DBAPIError) and exc.connection_invalidated
    if invalidated or "connect" in lowered or "unable to open" in lowered:
        return StoreUnavailable(f"the database cannot be reached{where}: {message}",
                                "the database cannot be reached")
    return StoreUnavailable(f"the database failed{where}: {message}", "the database failed")


def open_engine(url: str) -> Engine:
    """Connect to `url` and upgrade its schema. Raises StoreUnavailable (reason in words)
    when the database cannot be reached or migrated; a database that is already up to date
    but read-only opens fine (writes then raise StoreReadOnly)."""
    try:
        engine = create_store_engine(url)
        migrate(engine)
    except StoreError:
        raise
    except Exception as exc:  # DBAPI errors, OS errors, Alembic's CommandError
        raise explain(exc, url) from None
    return engine
