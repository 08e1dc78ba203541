"""Trips -> tables: the flat, typed DataFrames that filters and views work on.

One loader call (`load_tables`) reads every article of a folder, extracts each one once and
returns the tables; the app caches that call keyed on the files' contents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.models import ArticleError, Trip

ARTICLE_SUFFIXES = (".txt", ".md")

TRIP_COLUMNS = ["trip_id", "title", "traveler", "published", "source_path", "n_stops",
                "first_day", "last_day"]
ITINERARY_COLUMNS = [
    "trip_id", "stop_id", "stop_index", "traveler", "country_code", "country", "city",
    "city_inferred", "lat", "lon", "start", "end", "dates_inferred", "leaders", "topics",
    "key_sentence", "key_start", "key_end",
]
EVENT_COLUMNS = ["trip_id", "stop_id", "stop_index", "kind", "label", "date", "sentence",
                 "start", "end"]
TOPIC_COLUMNS = ["trip_id", "stop_id", "stop_index", "scope", "topic", "label", "phrase",
                 "sentence", "start", "end"]
SENTENCE_COLUMNS = ["trip_id", "sentence_id", "start", "end", "text"]
MENTION_COLUMNS = ["trip_id", "stop_id", "stop_index", "kind", "value", "text", "start", "end"]


def stop_id(trip_id: str, index: int | None) -> str | None:
    return None if index is None else f"{trip_id}/{index}"


def _day(value: object) -> pd.Timestamp:
    return pd.Timestamp(value) if value is not None else pd.NaT


@dataclass
class TripTables:
    """Every table of a set of trips, plus the trips themselves for source text."""

    trips: pd.DataFrame
    itinerary: pd.DataFrame
    events: pd.DataFrame
    topics: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    texts: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _frame(rows: list[dict], columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns))


def build_tables(trips: Iterable[Trip], errors: Sequence[str] = ()) -> TripTables:
    """Flatten trips into tables. Dates become day Timestamps (NaT where unknown)."""
    trip_rows: list[dict] = []
    stop_rows: list[dict] = []
    event_rows: list[dict] = []
    topic_rows: list[dict] = []
    sentence_rows: list[dict] = []
    mention_rows: list[dict] = []
    texts: dict[str, str] = {}
    for trip in trips:
        texts[trip.id] = trip.article.text
        days = [d for s in trip.stops for d in (s.start, s.end) if d is not None]
        trip_rows.append({
            "trip_id": trip.id, "title": trip.title, "traveler": trip.traveler,
            "published": _day(trip.published), "source_path": trip.article.path,
            "n_stops": len(trip.stops), "first_day": _day(min(days) if days else None),
            "last_day": _day(max(days) if days else None),
        })
        for stop in trip.stops:
            key = stop.evidence[0] if stop.evidence else None
            stop_rows.append({
                "trip_id": trip.id, "stop_id": stop_id(trip.id, stop.index),
                "stop_index": stop.index, "traveler": trip.traveler,
                "country_code": stop.country_code, "country": stop.country, "city": stop.city,
                "city_inferred": stop.city_inferred, "lat": stop.lat, "lon": stop.lon,
                "start": _day(stop.start), "end": _day(stop.end),
                "dates_inferred": stop.dates_inferred,
                "leaders": [leader.name for leader in stop.leaders],
                "topics": list(dict.fromkeys(t.slug for t in stop.topics)),
                "key_sentence": key.sentence if key else None,
                "key_start": key.start if key else None, "key_end": key.end if key else None,
            })
            for tag in stop.topics:
                topic_rows.append({
                    "trip_id": trip.id, "stop_id": stop_id(trip.id, stop.index),
                    "stop_index": stop.index, "scope": "stop", "topic": tag.slug,
                    "label": tag.label, "phrase": tag.phrase, "sentence": tag.evidence.sentence,
                    "start": tag.evidence.start, "end": tag.evidence.end,
                })
        for tag in trip.topics:
            topic_rows.append({
                "trip_id": trip.id, "stop_id": None, "stop_index": None, "scope": "trip",
                "topic": tag.slug, "label": tag.label, "phrase": tag.phrase,
                "sentence": tag.evidence.sentence, "start": tag.evidence.start,
                "end": tag.evidence.end,
            })
        for event in trip.events:
            event_rows.append({
                "trip_id": trip.id, "stop_id": stop_id(trip.id, event.stop_index),
                "stop_index": event.stop_index, "kind": event.kind, "label": event.label,
                "date": _day(event.date), "sentence": event.evidence.sentence,
                "start": event.evidence.start, "end": event.evidence.end,
            })
        for n, sentence in enumerate(trip.sentences):
            sentence_rows.append({
                "trip_id": trip.id, "sentence_id": n, "start": sentence.start,
                "end": sentence.end, "text": sentence.sentence,
            })
        for mention in trip.mentions:
            mention_rows.append({
                "trip_id": trip.id, "stop_id": stop_id(trip.id, mention.stop_index),
                "stop_index": mention.stop_index, "kind": mention.kind, "value": mention.value,
                "text": mention.text, "start": mention.start, "end": mention.end,
            })
    tables = TripTables(
        trips=_frame(trip_rows, TRIP_COLUMNS),
        itinerary=_frame(stop_rows, ITINERARY_COLUMNS),
        events=_frame(event_rows, EVENT_COLUMNS),
        topics=_frame(topic_rows, TOPIC_COLUMNS),
        sentences=_frame(sentence_rows, SENTENCE_COLUMNS),
        mentions=_frame(mention_rows, MENTION_COLUMNS),
        texts=texts,
        errors=list(errors),
    )
    _normalise_dtypes(tables)
    return tables


def _normalise_dtypes(tables: TripTables) -> None:
    """Empty frames must still have the right dtypes, so filters never special-case them."""
    for frame, date_cols in (
        (tables.trips, ["published", "first_day", "last_day"]),
        (tables.itinerary, ["start", "end"]),
        (tables.events, ["date"]),
    ):
        for col in date_cols:
            frame[col] = pd.to_datetime(frame[col])
    for frame in (tables.itinerary, tables.events, tables.topics, tables.mentions):
        frame["stop_index"] = frame["stop_index"].astype("Int64")
    for col in ("lat", "lon"):
        tables.itinerary[col] = tables.itinerary[col].astype("float64")
    for col in ("city_inferred", "dates_inferred"):
        tables.itinerary[col] = tables.itinerary[col].astype("bool")


def article_paths(folder: str | Path) -> list[Path]:
    """The article files of a folder, in name order (truth files and READMEs excluded)."""
    root = Path(folder)
    return sorted(
        p for p in root.iterdir()
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
        and p.name.lower() != "readme.md"
    )


def load_trips(paths: Iterable[str | Path]) -> tuple[list[Trip], list[str]]:
    """Extract every article; a file that fails becomes a message, the others still load.
    Without the language model nothing can be read: one message says which setting and
    package (see `extraction.nlp`)."""
    from dashboard.extraction import extract_trip_from_file
    from dashboard.extraction.nlp import ModelUnavailable

    trips: list[Trip] = []
    errors: list[str] = []
    for path in paths:
        try:
            trips.append(extract_trip_from_file(path))
        except ArticleError as exc:
            errors.append(str(exc))
        except ModelUnavailable as exc:
            errors.append(str(exc))
            break
    _deduplicate_ids(trips)
    return trips, errors


def unique_trip_id(trip_id: str, taken: set[str]) -> str:
    """`trip_id`, or `trip_id-2`, `-3`, ... when a trip with that id is already loaded."""
    if trip_id not in taken:
        return trip_id
    n = 2
    while f"{trip_id}-{n}" in taken:
        n += 1
    return f"{trip_id}-{n}"


def _deduplicate_ids(trips: list[Trip]) -> None:
    taken: set[str] = set()
    for trip in trips:
        trip.id = unique_trip_id(trip.id, taken)
        taken.add(trip.id)


def load_tables(folder: str | Path) -> TripTables:
    """The one loader call: every article in `folder` -> tables."""
    trips, errors = load_trips(article_paths(folder))
    return build_tables(trips, errors)
