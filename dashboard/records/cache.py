"""The app's cached read of the official record, keyed on the folder and its files' state.

`st.cache_data` hashes the arguments, so passing the files' (name, mtime, size) signature
re-reads the record exactly when a file changes (after `download`, or an edit).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.records.reader import Records, read_records, record_files
from dashboard.records.trip_checks import RecordChecks, check_all_trips, empty_checks
from dashboard.tables import TripTables


def folder_signature(folder: str | Path) -> tuple[tuple[str, int, int], ...]:
    """(path, mtime_ns, size) of every XML file under `folder`; empty when unreadable."""
    files, _ = record_files(folder)
    signature = []
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        signature.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(signature)


@st.cache_data(show_spinner="Reading the official travel record…", max_entries=4)
def _read_cached(folder: str, signature: tuple[tuple[str, int, int], ...]) -> Records:
    del signature  # part of the cache key only
    return read_records(folder)


def load_records(folder: str | Path) -> Records:
    """The record in `folder`, read once per change of its files."""
    return _read_cached(str(folder), folder_signature(folder))


@st.cache_data(show_spinner="Placing the record's visits on the map…", max_entries=4)
def _views_cached(folder: str, signature: tuple[tuple[str, int, int], ...]) -> pd.DataFrame:
    from dashboard.views.record_views import prepare_record_views

    return prepare_record_views(_read_cached(folder, signature).frame)


def load_record_views(folder: str | Path) -> Records:
    """The record in `folder` with journeys and places (`prepare_record_views`), computed
    once per change of its files and shared by every visitor: the Official record page
    only filters it."""
    signature = folder_signature(folder)
    records = _read_cached(str(folder), signature)
    if records.frame.empty:
        return records
    return Records(_views_cached(str(folder), signature), records.warnings)


@st.cache_data(show_spinner=False, max_entries=8)
def _checks_cached(tables_key: str, folder: str,
                   signature: tuple[tuple[str, int, int], ...],
                   _tables: TripTables) -> RecordChecks:
    # `_tables` is not hashed: `tables_key` stands for it. The record is read (or taken from
    # its own cache) only here, when the checks are computed: a rerun that finds the checks
    # does not copy the whole record out of the cache for nothing.
    del tables_key
    records = _read_cached(folder, signature)
    if records.frame.empty:
        return empty_checks(f"No readable travel records in {folder}.")
    return check_all_trips(_tables, records.frame)


def tables_key(tables: TripTables) -> str:
    """What identifies a set of tables: a digest of each article's id and text, and of which
    trip each article is in (a reader's join or split regroups the same texts). One string,
    which the cache hashes at once, where a tuple per article was hashed item by item on
    every rerun."""
    digest = hashlib.blake2b(digest_size=20)
    for source_id, text in sorted(tables.texts.items()):
        digest.update(source_id.encode() + b"\0" + str(len(text)).encode() + b"\0")
        digest.update(text.encode())
    for source_id, trip_id in sorted(zip(tables.sources["source_id"], tables.sources["trip_id"],
                                         strict=True)):
        digest.update(b"\1" + str(source_id).encode() + b"\0" + str(trip_id).encode())
    return digest.hexdigest()


def load_trip_checks(tables: TripTables, folder: str | Path | None) -> RecordChecks:
    """The cross-check of every trip against the record in `folder`; computed once per set of
    articles and record files. No folder, or an unreadable one, gives empty checks with a note."""
    if folder is None:
        return empty_checks("No official travel record is configured.")
    return _checks_cached(tables_key(tables), str(folder), folder_signature(folder), tables)
