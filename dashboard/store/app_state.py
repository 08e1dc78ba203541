"""The store inside the app: one engine per process, saved trips and corrections in the tables.

    from dashboard.store.app_state import store_banner, with_stored_trips

    tables = with_stored_trips(tables)   # in app.py, before the sidebar filters
    store_banner()                       # says so when saving is off (read-only)

What a visitor sees of the store:
- the trip of a `?trip=<saved id>` link, and the trips this visitor saved in this session
  (never anybody else's: saved trips are not listed, the link is the key);
- every trip of the articles folder with its stored corrections applied.
When the database cannot be reached, is locked or read-only, the app keeps working on the
articles folder and the session's uploads, and a banner says saving is off.
"""

from __future__ import annotations

import logging
import time
import warnings
from dataclasses import dataclass, replace

import streamlit as st
from sqlalchemy import Engine

from dashboard.filters import TRIP_PARAM
from dashboard.models import ArticleError, Trip
from dashboard.store.engine import StoreError, open_engine
from dashboard.store.ids import looks_like_saved_id
from dashboard.store.merged_corrections import merged_with_corrections
from dashboard.store.repository import StoredTrip, Subject, TripStore, content_hash
from dashboard.store.settings import SettingsError, database_url, describe_url
from dashboard.tables import TripTables, build_tables
from dashboard.uploads import UPLOADS_KEY

SAVED_KEY = "saved_trip_ids"
"""Session-state key: ids of the trips this visitor saved (listed for them only)."""
LINKED_KEY = "_linked_trip_ids"
"""Session-state key: saved trips this visitor opened by link (kept when the page changes
and the address loses its query)."""
_PROBLEM_KEY = "_store_problem"
_WRITE_PROBLEM_KEY = "_store_write_problem"
RETRY_SECONDS = 30
_log = logging.getLogger(__name__)
PAGE_PATHS = ("add", "correct", "data", "source", "topics", "records", "overview")


@dataclass(frozen=True)
class StoreStatus:
    """The store of this process, or why there is none (then the app is read-only)."""

    store: TripStore | None
    where: str
    problem: str | None = None


@st.cache_resource(show_spinner=False)
def _open_store(url: str) -> TripStore:
    # Raising keeps a failure out of the cache: the next run tries again.
    return TripStore(open_engine(url))


def store_engine(url: str) -> Engine:
    """The process's engine for `url` (made and migrated once). Raises StoreError."""
    return _open_store(url).engine


_last_failure: dict[str, float] = {}


def store_status() -> StoreStatus:
    """The process-wide store (engine made and migrated once, `st.cache_resource`).

    After a failure, connecting is retried at most every RETRY_SECONDS, so a database that
    is down does not slow every rerun."""
    from dashboard.loading import streamlit_secrets

    try:
        url = database_url(secrets=streamlit_secrets())
    except SettingsError as problem:
        return StoreStatus(None, "", str(problem))
    where = describe_url(url)
    failed_at = _last_failure.get(url)
    if failed_at is not None and time.monotonic() - failed_at < RETRY_SECONDS:
        return StoreStatus(None, where, st.session_state.get(_PROBLEM_KEY)
                           or "the database cannot be reached")
    try:
        store = _open_store(url)
    except StoreError as problem:
        _last_failure[url] = time.monotonic()
        _log.warning("store unavailable: %s", problem)
        st.session_state[_PROBLEM_KEY] = problem.reason
        return StoreStatus(None, where, problem.reason)
    _last_failure.pop(url, None)
    return StoreStatus(store, where)


def note_store_problem(problem: StoreError | None) -> None:
    """A write failed (read-only, locked, gone): the banner says so for this session; None
    (a write that worked) clears it."""
    if problem is None:
        st.session_state.pop(_WRITE_PROBLEM_KEY, None)
    else:
        _log.warning("store write failed: %s", problem)
        st.session_state[_WRITE_PROBLEM_KEY] = problem.reason


def store_banner() -> None:
    """A banner when saving is off, saying why; nothing when the store works."""
    status = store_status()
    problem = status.problem or st.session_state.get(_WRITE_PROBLEM_KEY)
    if problem:
        st.warning(
            f"Read-only: saving and corrections are off ({problem}). Everything else works; "
            "saved-trip links open again when the database is back.",
            icon=":material/cloud_off:")


def saved_ids() -> list[str]:
    """The trips this visitor saved in this session."""
    return list(st.session_state.get(SAVED_KEY, []))


def remember_saved(trip_id: str) -> None:
    ids = st.session_state.setdefault(SAVED_KEY, [])
    if trip_id not in ids:
        ids.append(trip_id)


# --- building the tables ---------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=256)
def _saved_tables(url: str, trip_id: str, version: int) -> tuple[TripTables, StoredTrip] | None:
    # Keyed on the version: a new correction (by anyone, on any replica) rebuilds it.
    del version
    stored = _open_store(url).load(trip_id)
    if stored is None:
        return None
    tables = build_tables([stored.trip])
    return replace(tables, stored={trip_id: stored.trip}), stored


@st.cache_data(show_spinner=False, max_entries=64)
def _extracted(name: str, text: str) -> Trip | None:
    from dashboard.articles import read_article_text
    from dashboard.extraction import extract_trip

    with warnings.catch_warnings():  # reported when the folder was read
        warnings.simplefilter("ignore")
        try:
            return extract_trip(read_article_text(name, text))
        except ArticleError:
            return None


@st.cache_data(show_spinner=False, max_entries=256)
def _folder_tables(url: str, trip_id: str, name: str, text: str, version: int
                   ) -> tuple[TripTables, StoredTrip] | None:
    del version
    extracted = _extracted(name, text)
    if extracted is None:
        return None
    extracted = extracted.model_copy(update={"id": trip_id})
    stored = _open_store(url).load_folder(extracted)
    if stored is None:
        return None
    tables = build_tables([stored.trip])
    return replace(tables, stored={trip_id: stored.trip}), stored


def _replace_trip(tables: TripTables, trip_id: str, new: TripTables) -> TripTables:
    """`tables` with one trip's rows replaced by `new`'s (its place in the order kept)."""
    import pandas as pd

    merged = {}
    for name in ("trips", "itinerary", "events", "topics", "sentences", "mentions", "sources",
                 "conflicts"):
        old = getattr(tables, name)
        keep = old[old["trip_id"] != trip_id]
        add = getattr(new, name)
        if name == "trips":
            position = old.index[old["trip_id"] == trip_id]
            at = int(position[0]) if len(position) else len(old)
            merged[name] = pd.concat([old.iloc[:at], add, old.iloc[at + 1:]],
                                     ignore_index=True)
        else:
            merged[name] = pd.concat([keep, add], ignore_index=True) if not add.empty else keep
    return replace(tables, **merged, texts={**tables.texts, **new.texts},
                   stored={**tables.stored, **new.stored})


def url_trip_id() -> str | None:
    value = st.query_params.get(TRIP_PARAM)
    return value if isinstance(value, str) and looks_like_saved_id(value.strip()) else None


def with_stored_trips(tables: TripTables) -> TripTables:
    """The tables with this visitor's saved trips (session + link) and every stored
    correction of the folder's trips applied. On a database fault: `tables` unchanged."""
    status = store_status()
    if status.store is None:
        return tables
    from dashboard.loading import streamlit_secrets

    url = database_url(secrets=streamlit_secrets())
    store = status.store
    linked = st.session_state.setdefault(LINKED_KEY, [])
    from_url = url_trip_id()
    wanted = list(dict.fromkeys([*saved_ids(), *linked, *([from_url] if from_url else [])]))
    try:
        versions = store.versions([Subject.saved(t) for t in wanted])
        paths = dict(zip(tables.trips["trip_id"], tables.trips["source_path"], strict=True))
        # Folder trips only: a session upload of the same text is the visitor's own copy.
        uploads = {t.id for t in st.session_state.get(UPLOADS_KEY, [])}
        hashes = {trip_id: content_hash(text) for trip_id, text in tables.texts.items()
                  if trip_id not in tables.stored and trip_id not in uploads}
        corrected = store.versions([Subject.folder(h, "") for h in hashes.values()])
    except StoreError as problem:
        note_store_problem(problem)
        return tables
    for trip_id in wanted:
        if trip_id not in versions:
            continue
        found = _saved_tables(url, trip_id, versions[trip_id])
        if found is not None:
            tables = _replace_trip(tables, trip_id, found[0])
            if trip_id == from_url and trip_id not in linked:
                linked.append(trip_id)
    # An article of a trip told by several is corrected inside that trip (merged again),
    # so the trip keeps its other sources (dashboard.store.merged_corrections).
    paths.update(zip(tables.sources["source_id"], tables.sources["path"], strict=True))
    owner = dict(zip(tables.sources["source_id"], tables.sources["trip_id"], strict=True))
    n_sources = dict(zip(tables.trips["trip_id"], tables.trips["n_sources"], strict=True))
    in_merged: dict[str, dict[str, Trip]] = {}
    for trip_id, text_hash in hashes.items():
        if text_hash not in corrected:
            continue
        found = _folder_tables(url, trip_id, str(paths.get(trip_id) or trip_id),
                               tables.texts[trip_id], corrected[text_hash])
        if found is not None and n_sources.get(owner.get(trip_id, trip_id), 1) > 1:
            in_merged.setdefault(owner[trip_id], {})[trip_id] = found[1].trip
        elif found is not None:
            tables = _replace_trip(tables, trip_id, found[0])
    for trip_id, fixed in in_merged.items():
        rebuilt = merged_with_corrections(tables, trip_id, fixed, _extracted)
        if rebuilt is not None:
            tables = _replace_trip(tables, trip_id, rebuilt)
    return tables


def subject_of(tables: TripTables, trip_id: str) -> Subject | None:
    """What a correction of `trip_id` is stored against: the saved trip, the folder article
    (by text hash), or None for a session-only upload (save it first)."""
    if looks_like_saved_id(trip_id) and trip_id in tables.stored:
        return Subject.saved(trip_id)
    if any(t.id == trip_id for t in st.session_state.get(UPLOADS_KEY, [])):
        return None
    text = tables.texts.get(trip_id)
    if text is None:
        return None
    paths = dict(zip(tables.trips["trip_id"], tables.trips["source_path"], strict=True))
    from pathlib import Path

    return Subject.folder(content_hash(text), Path(str(paths.get(trip_id) or trip_id)).name)


def extracted_trip(tables: TripTables, trip_id: str, subject: Subject) -> Trip | None:
    """The extracted (uncorrected) trip behind `trip_id`."""
    if subject.kind == "saved":
        status = store_status()
        stored = status.store.load(trip_id) if status.store else None
        return stored.extracted if stored else None
    paths = dict(zip(tables.trips["trip_id"], tables.trips["source_path"], strict=True))
    found = _extracted(str(paths.get(trip_id) or trip_id), tables.texts[trip_id])
    return found.model_copy(update={"id": trip_id}) if found else None


# --- saving a visitor's upload ------------------------------------------------------------


def save_trip(trip: Trip) -> str:
    """Save `trip` (an extracted upload) and make it this visitor's saved trip, chosen in the
    Trip filter through the URL; returns its id. Raises StoreError (noted for the banner)."""
    status = store_status()
    if status.store is None:
        raise StoreError(status.problem or "the database is unavailable")
    try:
        new_id = status.store.save(trip)
    except StoreError as problem:
        note_store_problem(problem)
        raise
    note_store_problem(None)
    remember_saved(new_id)
    st.query_params[TRIP_PARAM] = new_id  # the sidebar follows a changed URL
    return new_id


def save_upload(trip_id: str) -> str | None:
    """Save the session upload `trip_id` (it leaves the session list: it is a saved trip
    now). Returns the new id, or None with an error shown."""
    uploads: list[Trip] = st.session_state.get(UPLOADS_KEY, [])
    trip = next((t for t in uploads if t.id == trip_id), None)
    if trip is None:
        st.error("That article is no longer in this session; add it again.")
        return None
    try:
        new_id = save_trip(trip)
    except StoreError as problem:
        st.error(f"Not saved: {problem.reason}")
        return None
    uploads.remove(trip)
    return new_id


def share_url(trip_id: str) -> str:
    """The address that opens a saved trip: this app's address with `?trip=<id>`."""
    from dashboard.export.links import view_url

    base = (st.context.url or "").rstrip("/")
    for page in PAGE_PATHS:  # a shared link opens the Overview, not the page it was made on
        if base.endswith("/" + page):
            base = base[: -len(page)]
            break
    return view_url(base, {TRIP_PARAM: trip_id})
