"""Where the store lives: the database URL from the environment, secrets.toml or the default.

Order: `$TRIP_DATABASE_URL`, else `database_url` in .streamlit/secrets.toml, else a SQLite
file at `$TRIP_DATABASE_PATH` (or `database_path` in secrets.toml), else `var/trips.sqlite3`
in the repository (git-ignored). A PostgreSQL URL reads
`postgresql+psycopg://user:password@host:5432/dbname` (psycopg 3); a bare `postgresql://`
or `postgres://` is taken to mean the same driver.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.engine import URL, make_url

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATABASE_PATH = REPO_ROOT / "var" / "trips.sqlite3"
DATABASE_URL_ENV = "TRIP_DATABASE_URL"
DATABASE_URL_SECRET = "database_url"
DATABASE_PATH_ENV = "TRIP_DATABASE_PATH"
DATABASE_PATH_SECRET = "database_path"


class SettingsError(ValueError):
    """A database setting that cannot be used; the message says which and why."""


def sqlite_url(path: str | Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return str(URL.create("sqlite", database=str(Path(path).expanduser().resolve())))


def database_url(environ: Mapping[str, str] | None = None,
                 secrets: Mapping[str, object] | None = None) -> str:
    """The database URL to use (see the module docstring for the order of settings).

    Raises SettingsError for a URL SQLAlchemy cannot parse or a database it does not serve
    here (only SQLite and PostgreSQL are supported)."""
    environ = os.environ if environ is None else environ
    secrets = secrets or {}
    raw = environ.get(DATABASE_URL_ENV) or secrets.get(DATABASE_URL_SECRET)
    if not raw:
        path = environ.get(DATABASE_PATH_ENV) or secrets.get(DATABASE_PATH_SECRET)
        return sqlite_url(str(path) if path else DEFAULT_DATABASE_PATH)
    return normalise_url(str(raw))


def normalise_url(raw: str) -> str:
    """A user's database URL checked and with the psycopg 3 driver for PostgreSQL."""
    try:
        url = make_url(raw.strip())
    except Exception as exc:  # sqlalchemy.exc.ArgumentError and friends
        raise SettingsError(f"{DATABASE_URL_ENV} is not a database URL ({exc})") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    elif backend != "sqlite":
        raise SettingsError(
            f"{DATABASE_URL_ENV}: unsupported database '{backend}'; use sqlite:///PATH or "
            "postgresql+psycopg://user:password@host/dbname")
    return url.render_as_string(hide_password=False)


def describe_url(url: str) -> str:
    """The URL with its password hidden, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "(unparseable database URL)"
