"""Articles a visitor adds in the app: checked, decoded, extracted, and merged into the tables.

Uploads live only in the visitor's session (never written to disk, never in `seeds/`), so one
visitor's article is never shown to another.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import charset_normalizer
import pandas as pd

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip
from dashboard.extraction.nlp import ModelUnavailable
from dashboard.models import ArticleError, Trip
from dashboard.tables import TripTables, build_tables

UPLOADS_KEY = "uploaded_trips"
"""Session-state key of the visitor's uploaded trips (a list of `Trip`)."""
MAX_UPLOAD_BYTES = 1_000_000
UPLOAD_SUFFIXES = (".txt", ".md")
# A decoded article with more than this share of control characters is not prose.
MAX_CONTROL_SHARE = 0.01


def decode_upload(name: str, data: bytes) -> tuple[str, str]:
    """Bytes of an uploaded file -> (text, encoding). UTF-8 first; other encodings
    (UTF-16 with a BOM, Windows-1252, Latin-1, ...) are detected by charset-normalizer.
    Raises ArticleError naming the file for empty, oversized or binary input."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ArticleError(
            f"{name}: {len(data) / 1e6:.1f} MB is over the {MAX_UPLOAD_BYTES / 1e6:.0f} MB "
            "limit for an article"
        )
    if not data.strip():
        raise ArticleError(f"{name}: the file is empty")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise ArticleError(
                f"{name}: not a text file (no text encoding fits its bytes)"
            ) from None
        text, encoding = str(best), best.encoding
    if "\x00" in text or _control_share(text) > MAX_CONTROL_SHARE:
        raise ArticleError(f"{name}: not a text file (it contains binary data)")
    return text, encoding


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)


def check_upload_name(name: str) -> None:
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        raise ArticleError(f"{name}: only .txt and .md articles can be added")


def extract_upload(name: str, text: str, published: date | None = None) -> Trip:
    """Extract a pasted or uploaded article; the same rules and provenance as files on disk."""
    if len(text.encode("utf-8")) > MAX_UPLOAD_BYTES:
        raise ArticleError(f"{name}: the text is over the {MAX_UPLOAD_BYTES / 1e6:.0f} MB limit")
    try:
        return extract_trip(read_article_text(name, text, published))
    except ModelUnavailable as exc:
        raise ArticleError(f"{name}: {exc}") from exc


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
        for name in ("trips", "itinerary", "events", "topics", "sentences", "mentions")
    }
    return replace(base, **merged, texts={**base.texts, **extra.texts})
