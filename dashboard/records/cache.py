"""The app's cached read of the official record, keyed on the folder and its files' state.

`st.cache_data` hashes the arguments, so passing the files' (name, mtime, size) signature
re-reads the record exactly when a file changes (after `download`, or an edit).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.records.reader import Records, read_records, record_files


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
