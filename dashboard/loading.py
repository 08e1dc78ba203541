"""Where the articles are, and the cached call that turns them into tables.

The tables are built once per process and per content of the articles folder: the cache key
is the folder and each article's name, size and modification time, so editing or adding an
article rebuilds them and a filter change never does.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from dashboard.extraction.nlp import ModelUnavailable, load_pipeline
from dashboard.merging.trips_file import TRIPS_FILE_NAME
from dashboard.store.engine import StoreError
from dashboard.store.extraction_cache import ExtractionCache
from dashboard.tables import TripTables, article_paths, build_tables, load_tables

if TYPE_CHECKING:
    from spacy.language import Language

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLES_DIR = REPO_ROOT / "seeds"
ARTICLES_DIR_ENV = "TRIP_ARTICLES_DIR"
ARTICLES_DIR_SECRET = "articles_dir"

Fingerprint = tuple[tuple[str, int, int], ...]


def articles_dir(environ: Mapping[str, str] | None = None,
                 secrets: Mapping[str, object] | None = None) -> Path:
    """The articles folder: $TRIP_ARTICLES_DIR, else `articles_dir` in .streamlit/secrets.toml,
    else the project's `seeds/`. A relative path is taken from the working directory."""
    environ = os.environ if environ is None else environ
    value = environ.get(ARTICLES_DIR_ENV) or (secrets or {}).get(ARTICLES_DIR_SECRET)
    return Path(str(value)).expanduser() if value else DEFAULT_ARTICLES_DIR


def streamlit_secrets() -> Mapping[str, object]:
    """st.secrets, or nothing when no secrets.toml exists (reading it would raise)."""
    try:
        return dict(st.secrets)
    except Exception:  # a missing or broken secrets.toml must not stop the dashboard
        return {}


def folder_fingerprint(folder: Path) -> Fingerprint:
    """(name, size, mtime) of every article and of trips.toml: cheap to compute, changes when
    one of them does."""
    entries = []
    for path in article_paths(folder):
        stat = path.stat()
        entries.append((path.name, stat.st_size, stat.st_mtime_ns))
    grouping = folder / TRIPS_FILE_NAME  # editing trips.toml regroups the trips
    if grouping.is_file():
        stat = grouping.stat()
        entries.append((grouping.name, stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


@st.cache_resource(show_spinner="Loading the language model…")
def language_model() -> Language:
    """The spaCy pipeline, once per server process (`extraction.nlp.load_pipeline`)."""
    return load_pipeline()


@st.cache_data(show_spinner="Reading the articles…", max_entries=16)
def _cached_tables(folder: str, fingerprint: str,
                   _cache: ExtractionCache | None) -> TripTables:
    # `fingerprint` (a digest of `folder_fingerprint`: one string is hashed at once, a tuple
    # of 500 entries item by item on every rerun) is only part of the cache key; the loader
    # lists the folder itself. The extraction cache is not (leading underscore): with or
    # without it the tables are equal.
    del fingerprint
    return load_tables(folder, cache=_cache)


@st.cache_resource(show_spinner=False)
def _extraction_cache(url: str) -> ExtractionCache:
    from dashboard.store.app_state import store_engine

    return ExtractionCache(store_engine(url))


def extraction_cache() -> ExtractionCache | None:
    """The store's extraction cache (once per process and database), or None when the
    store cannot be opened: then the articles are extracted (`store_status` says why)."""
    from dashboard.store.app_state import store_status
    from dashboard.store.settings import SettingsError, database_url

    if store_status().store is None:
        return None
    try:
        return _extraction_cache(database_url(secrets=streamlit_secrets()))
    except (SettingsError, StoreError):
        return None


def load_folder(folder: Path) -> TripTables:
    """The tables of every article in `folder`; a missing or unreadable folder gives empty
    tables whose `errors` say why, so the app can show the message and keep running."""
    if not folder.is_dir():
        return build_tables([], errors=[
            f"Articles folder not found: {folder}. Set {ARTICLES_DIR_ENV} or "
            f"`{ARTICLES_DIR_SECRET}` in .streamlit/secrets.toml to a folder of .txt/.md files."
        ])
    try:
        fingerprint = folder_fingerprint(folder)
    except OSError as exc:
        return build_tables([], errors=[f"Cannot read the articles folder {folder}: {exc}"])
    if not fingerprint:
        return build_tables([], errors=[f"No .txt or .md articles in {folder}."])
    try:
        language_model()
    except ModelUnavailable as exc:
        return build_tables([], errors=[str(exc)])
    digest = hashlib.blake2b(repr(fingerprint).encode(), digest_size=20).hexdigest()
    return _cached_tables(str(folder.resolve()), digest, extraction_cache())
