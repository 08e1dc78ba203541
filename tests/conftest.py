"""Shared test setup: no test writes to the repository's var/ database."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _store_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # The app (AppTest, the browser tests' server) saves trips to the default SQLite store;
    # point it at a folder of this session, unless a test run names a database itself.
    if os.environ.get("TRIP_DATABASE_URL") or os.environ.get("TRIP_DATABASE_PATH"):
        yield
        return
    os.environ["TRIP_DATABASE_PATH"] = str(tmp_path_factory.mktemp("store") / "trips.sqlite3")
    yield
    os.environ.pop("TRIP_DATABASE_PATH", None)
