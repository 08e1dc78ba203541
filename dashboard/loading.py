"""Where the articles are, and the cached calls that turn them into tables.

The articles are extracted once per process and per content of the articles folder: the
cache key is the folder and each article's name, size and modification time, so editing or
adding an article reads it again and a filter change never does. Grouping them into trips
(with the visitor's uploads and the readers' joins and splits) is a second cached step on
top, keyed also on the uploads and the decisions, so a join or an upload regroups the trips
without extracting anything again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from dashboard.extraction.nlp import ModelUnavailable, load_pipeline
from dashboard.merging.decisions import GroupingDecision
from dashboard.merging.trips_file import TRIPS_FILE_NAME, TripsPlan, read_trips_file
from dashboard.models import Trip
from dashboard.store.engine import StoreError
from dashboard.store.extraction_cache import ExtractionCache
from dashboard.tables import TripTables, article_paths, build_tables, load_trips

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
def _cached_articles(folder: str, fingerprint: str, _cache: ExtractionCache | None
                     ) -> tuple[list[Trip], list[str], TripsPlan]:
    # `fingerprint` (a digest of `folder_fingerprint`: one string is hashed at once, a tuple
    # of 500 entries item by item on every rerun) is only part of the cache key; the loader
    # lists the folder itself. The extraction cache is not (leading underscore): with or
    # without it the trips are equal.
    del fingerprint
    paths = article_paths(folder)
    trips, errors = load_trips(paths, deduplicate=False, cache=_cache)
    return trips, errors, read_trips_file(folder, [p.name for p in paths])


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


def _upload_key(trip: Trip) -> tuple[str, str]:
    from dashboard.merging.decisions import article_key

    return trip.id, article_key(trip)


def _decision_key(decision: GroupingDecision) -> tuple:
    return decision.action, decision.articles, decision.id


@st.cache_data(show_spinner="Grouping the articles into trips…", max_entries=8)
def _cached_tables(folder: str, fingerprint: str, uploads_key: tuple,
                   decisions_key: tuple, _uploads: Sequence[Trip],
                   _decisions: Sequence[GroupingDecision],
                   _cache: ExtractionCache | None = None) -> TripTables:
    # The underscored arguments are not hashed: `uploads_key` and `decisions_key` stand for
    # them (ids and text hashes, decision numbers). Few entries: each holds every trip's
    # tables, and one missing costs a regroup (about 45 ms for 20 articles), not extraction.
    del uploads_key, decisions_key
    from dashboard.merging import DEFAULT_SLACK_DAYS, merge_articles

    articles, errors, plan = ([], [], TripsPlan()) if not fingerprint \
        else _cached_articles(folder, fingerprint, _cache)
    merged = merge_articles([*articles, *_uploads], plan=plan, decisions=_decisions,
                            slack_days=DEFAULT_SLACK_DAYS)
    return build_tables(merged, errors, plan.problems)


def grouped_tables(folder: str, fingerprint: str, uploads: Sequence[Trip] = (),
                   decisions: Sequence[GroupingDecision] = (),
                   cache: ExtractionCache | None = None) -> TripTables:
    """The tables of the folder's articles (`fingerprint`: a digest of `folder_fingerprint`;
    empty: no folder articles) and the session's `uploads`, grouped into trips with a reader's
    `decisions` applied; cached on all of them. With `cache` (the store's extraction cache),
    articles extracted before, in this process or another, are read back, not extracted."""
    return _cached_tables(folder, fingerprint, tuple(_upload_key(t) for t in uploads),
                          tuple(_decision_key(d) for d in decisions), list(uploads),
                          list(decisions), cache)


def load_folder(folder: Path, uploads: Sequence[Trip] = (),
                decisions: Sequence[GroupingDecision] = ()) -> TripTables:
    """The tables of every article in `folder` and of the visitor's `uploads`, grouped into
    trips (an upload about a folder trip joins it) with a reader's joins and splits
    (`decisions`, oldest first) applied. A missing or unreadable folder gives the uploads'
    tables with `errors` saying why, so the app can show the message and keep running."""
    problem: str | None = None
    fingerprint: Fingerprint = ()
    if not folder.is_dir():
        problem = (f"Articles folder not found: {folder}. Set {ARTICLES_DIR_ENV} or "
                   f"`{ARTICLES_DIR_SECRET}` in .streamlit/secrets.toml to a folder of "
                   ".txt/.md files.")
    else:
        try:
            fingerprint = folder_fingerprint(folder)
        except OSError as exc:
            problem = f"Cannot read the articles folder {folder}: {exc}"
        else:
            if not fingerprint:
                problem = f"No .txt or .md articles in {folder}."
    if problem is None:
        try:
            language_model()
        except ModelUnavailable as exc:
            return build_tables([], errors=[str(exc)])
    digest = hashlib.blake2b(repr(fingerprint).encode(), digest_size=20).hexdigest() \
        if fingerprint else ""
    tables = grouped_tables(str(folder.resolve()) if problem is None else str(folder),
                            digest, uploads, decisions,
                            cache=extraction_cache() if problem is None else None)
    return replace(tables, errors=[problem, *tables.errors]) if problem else tables
