"""Fixtures for store tests: one database URL per backend, SQLite and a real PostgreSQL.

Import them into a test module (`from store_fixtures import db_url, postgres  # noqa`).
`db_url` is parametrised: every test that takes it runs against a fresh SQLite file and a
fresh database on a throwaway PostgreSQL server (one server per test session, see
`postgres_server.py`). Where PostgreSQL's binaries are missing those runs are skipped with
a message, except on CI (CI=true), where they fail.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from postgres_server import PostgresServer, PostgresUnavailable, start_postgres

from dashboard.store.settings import sqlite_url

_names = itertools.count(1)


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    try:
        server = start_postgres()
    except PostgresUnavailable as missing:
        if on_ci():
            pytest.fail(f"CI=true but PostgreSQL is missing: {missing}")
        pytest.skip(str(missing))
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty database: a SQLite file, or a new database on the test server."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "trips.sqlite3")
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database(f"trips_test_{os.getpid()}_{next(_names)}")
