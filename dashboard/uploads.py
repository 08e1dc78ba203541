"""Articles a visitor adds in the app: checked, decoded, extracted, and merged into the tables.

Uploads live only in the visitor's session (never written to disk, never in `seeds/`), so one
visitor's article is never shown to another.
"""

from __future__ import annotations

import warnings
from dataclasses import replace
from datetime import date

import pandas as pd

from dashboard.articles import read_article_text
from dashboard.decoding import decode_text, encoding_name
from dashboard.extraction import extract_trip
from dashboard.extraction.nlp import ModelUnavailable
from dashboard.models import ArticleError, Trip
from dashboard.tables import TripTables, build_tables, normalise_text_columns

UPLOADS_KEY = "uploaded_trips"
"""Session-state key of the visitor's uploaded trips (a list of `Trip`)."""
MAX_UPLOAD_BYTES = 1_000_000
UPLOAD_SUFFIXES = (".txt", ".md")
MAX_PASTE_CHARS = 1_000_000
"""Characters the paste box takes (the browser refuses more before anything is sent: a 50 MB
paste used to close the connection without a word)."""
MAX_UPLOADS_PER_SESSION = 20
"""Articles one browser session may add: each keeps its text and tables in server memory
(about 4.7 MB per 100 KB article), so a session cannot grow without limit."""
MAX_SESSION_TEXT_BYTES = 5_000_000
"""Total size of the article text one session may add (UTF-8 bytes)."""


def decode_upload(name: str, data: bytes) -> tuple[str, str]:
    """Bytes of an uploaded file -> (text, encoding name for the reader, e.g. "UTF-8",
    "Windows-1252"), with the same decoder as files on disk (`dashboard.decoding`).
    Raises ArticleError naming the file for empty, oversized or binary input."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ArticleError(
            f"{name}: {len(data) / 1e6:.1f} MB is over the {MAX_UPLOAD_BYTES / 1e6:.0f} MB "
            "limit for an article"
        )
    text, encoding = decode_text(name, data)
    return text, encoding_name(encoding)


def check_upload_name(name: str) -> None:
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        raise ArticleError(f"{name}: only .txt and .md articles can be added")


def check_session_room(uploads: list[Trip], name: str, text: str) -> None:
    """Raise ArticleError (naming the article and the limit) when the session already holds
    MAX_UPLOADS_PER_SESSION articles or `text` would take it over MAX_SESSION_TEXT_BYTES."""
    if len(uploads) >= MAX_UPLOADS_PER_SESSION:
        raise ArticleError(
            f"{name}: not added; this session already holds {len(uploads)} articles, the most "
            f"one session can add ({MAX_UPLOADS_PER_SESSION}). Remove one below to add another.")
    held = sum(len(t.article.text.encode("utf-8")) for t in uploads)
    size = len(text.encode("utf-8"))
    if held + size > MAX_SESSION_TEXT_BYTES:
        raise ArticleError(
            f"{name}: not added; with it this session would hold {(held + size) / 1e6:.1f} MB "
            f"of articles, over the {MAX_SESSION_TEXT_BYTES / 1e6:.0f} MB one session can "
            "add. Remove an article below to make room.")


def extract_upload(name: str, text: str, published: date | None = None) -> Trip:
    """Extract a pasted or uploaded article; the same rules and provenance as files on disk."""
    if len(text.encode("utf-8")) > MAX_UPLOAD_BYTES:
        raise ArticleError(f"{name}: the text is over the {MAX_UPLOAD_BYTES / 1e6:.0f} MB limit")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = read_article_text(name, text, published)
    try:
        trip = extract_trip(article)
    except ModelUnavailable as exc:
        raise ArticleError(f"{name}: {exc}") from exc
    # what the reader noticed (a refused publication date) is shown with the trip's own
    # warnings; the missing date is already one of those
    noticed = [str(w.message) for w in caught if "no publication date" not in str(w.message)]
    trip.warnings = [*noticed, *trip.warnings]
    return trip


EXTRACTION_BUDGET_S = 30.0
"""Seconds an uploaded article may take to read (in a worker process, see dashboard.worker);
a 1 MB article takes about 6 s of CPU."""


def extract_upload_isolated(name: str, text: str, published: date | None = None,
                            budget_s: float | None = None) -> Trip:
    """`extract_upload` in a worker process with a time budget (default
    EXTRACTION_BUDGET_S), so one article can never hold the server; raises ArticleError
    naming the article when it runs past the budget."""
    from dashboard.worker import WorkerFailed, WorkerTimeout, run_with_budget

    budget_s = EXTRACTION_BUDGET_S if budget_s is None else budget_s

    try:
        return run_with_budget(extract_upload, (name, text, published), budget_s)
    except WorkerTimeout:
        raise ArticleError(
            f"{name}: reading it took longer than {budget_s:g} seconds and was stopped. Try "
            "a shorter text: only the part about the trip.") from None
    except WorkerFailed as exc:
        raise ArticleError(f"{name}: reading it failed ({exc})") from None


def merge_uploads(base: TripTables, uploads: list[Trip]) -> TripTables:
    """The base tables with the uploaded trips appended (base rows first, order kept)."""
    if not uploads:
        return base
    extra = build_tables(uploads)
    if base.trips.empty:
        return replace(extra, errors=base.errors)
    merged = {
        name: pd.concat([getattr(base, name), getattr(extra, name)], ignore_index=True)
        if not getattr(extra, name).empty else getattr(base, name)
        for name in ("trips", "itinerary", "events", "topics", "sentences", "mentions",
                     "sources", "conflicts")
    }
    return normalise_text_columns(
        replace(base, **merged, texts={**base.texts, **extra.texts},
                stored={**base.stored, **extra.stored}))
