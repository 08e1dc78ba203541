"""Trips -> tables: the flat, typed DataFrames that filters and views work on.

One loader call (`load_tables`) reads every article of a folder, extracts each one once,
groups the articles about one trip and merges them (`dashboard.merging`), and returns the
tables; the app caches that call keyed on the files' contents.

A trip may be told by several articles (sources). `sources` has one row per article; rows
read from an article's text (events, topic tags, sentences, mentions) carry its `source_id`,
and `texts` is keyed by source id. A trip of one article has one source whose id is the
trip id. Itinerary rows carry `sources` (ids of the articles that report the stop),
`n_sources` and `conflicts` (what the sources disagree on, in words); `conflicts` lists them
with both values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.models import Article, ArticleError, Trip
from dashboard.provenance import corrected_fields
from dashboard.source_info import article_source

if TYPE_CHECKING:
    from dashboard.merging.model import MergedTrip
    from dashboard.store.extraction_cache import ExtractionCache

ARTICLE_SUFFIXES = (".txt", ".md")

TRIP_COLUMNS = ["trip_id", "title", "traveler", "published", "source_path", "n_stops",
                "first_day", "last_day", "outlet", "url", "n_sources"]
ITINERARY_COLUMNS = [
    "trip_id", "stop_id", "stop_index", "traveler", "country_code", "country", "city",
    "city_inferred", "lat", "lon", "start", "end", "dates_inferred", "leaders", "topics",
    "key_sentence", "key_start", "key_end", "corrected", "extracted", "key_source", "stop_key",
    "sources", "n_sources", "conflicts", "source_keys",
]
EVENT_COLUMNS = ["trip_id", "stop_id", "stop_index", "kind", "label", "date", "sentence",
                 "start", "end", "source_id"]
TOPIC_COLUMNS = ["trip_id", "stop_id", "stop_index", "scope", "topic", "label", "phrase",
                 "sentence", "start", "end", "source_id"]
SENTENCE_COLUMNS = ["trip_id", "sentence_id", "start", "end", "text", "source_id"]
MENTION_COLUMNS = ["trip_id", "stop_id", "stop_index", "kind", "value", "text", "start", "end",
                   "source_id"]
SOURCE_COLUMNS = ["trip_id", "source_id", "title", "path", "published", "traveler", "n_stops",
                  "grouping"]
CONFLICT_COLUMNS = ["trip_id", "stop_id", "stop_index", "stop_key", "field", "message",
                    "resolved_by", "values"]


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
    """source id -> the article's text (all offsets point into it)."""
    errors: list[str] = field(default_factory=list)
    stored: dict[str, Trip] = field(default_factory=dict)
    """Trips shown as kept in the store (saved or corrected), by id: exports use these
    instead of extracting the text again, so corrections reach every file."""
    sources: pd.DataFrame = field(default_factory=lambda: _frame([], SOURCE_COLUMNS))
    """One row per article of each trip (SOURCE_COLUMNS)."""
    conflicts: pd.DataFrame = field(default_factory=lambda: _frame([], CONFLICT_COLUMNS))
    """What the sources of a stop disagree on (CONFLICT_COLUMNS); `values` lists what each
    source says: {value (ISO days or a city), source (id), stated, sentence}."""
    notes: list[str] = field(default_factory=list)
    """How articles were grouped into trips (ambiguous matches, trips.toml problems)."""


def _frame(rows: list[dict], columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns))


def build_tables(trips: Iterable[Trip | MergedTrip], errors: Sequence[str] = (),
                 notes: Sequence[str] = ()) -> TripTables:
    """Flatten trips into tables. Dates become day Timestamps (NaT where unknown).

    A plain `Trip` is a trip of one source; a `MergedTrip` brings its sources, per-stop
    provenance and conflicts."""
    from dashboard.merging import single_source
    from dashboard.merging.model import MergedTrip
    from dashboard.merging.stops import key_evidence

    trip_rows: list[dict] = []
    stop_rows: list[dict] = []
    event_rows: list[dict] = []
    topic_rows: list[dict] = []
    sentence_rows: list[dict] = []
    mention_rows: list[dict] = []
    source_rows: list[dict] = []
    conflict_rows: list[dict] = []
    texts: dict[str, str] = {}
    all_notes = list(notes)
    for item in trips:
        trip = item if isinstance(item, MergedTrip) else single_source(item)
        all_notes.extend(f"{trip.title}: {note}" for note in trip.notes)
        lead = next((a for a in trip.articles if a.id == trip.id), trip.articles[0])
        source = article_source(lead.article)
        days = [d for s in trip.stops for d in (s.stop.start, s.stop.end) if d is not None]
        trip_rows.append({
            "trip_id": trip.id, "title": trip.title, "traveler": trip.traveler,
            "published": _day(lead.published), "source_path": lead.article.path,
            "outlet": source.outlet, "url": source.url,
            "n_stops": len(trip.stops), "first_day": _day(min(days) if days else None),
            "last_day": _day(max(days) if days else None), "n_sources": len(trip.sources),
        })
        # (source id, the stop's index in that article) -> index of the merged stop
        merged_index = {member: m.stop.index for m in trip.stops for member in m.members}

        def mapped(source_id: str, index: int | None,
                   merged_index: dict[tuple[str, int], int] = merged_index) -> int | None:
            return None if index is None else merged_index.get((source_id, index))

        for merged in trip.stops:
            stop = merged.stop
            key = stop.evidence[0] if stop.evidence else None
            sid = stop_id(trip.id, stop.index)
            source_keys = []
            for source_id, index in merged.members:
                article = trip.article(source_id)
                own = key_evidence(article.stops[index], article)
                if own is not None:
                    source_keys.append((source_id, own.start, own.end))
            stop_rows.append({
                "trip_id": trip.id, "stop_id": sid,
                "stop_index": stop.index, "traveler": trip.traveler,
                "country_code": stop.country_code, "country": stop.country, "city": stop.city,
                "city_inferred": stop.city_inferred, "lat": stop.lat, "lon": stop.lon,
                "start": _day(stop.start), "end": _day(stop.end),
                "dates_inferred": stop.dates_inferred,
                "leaders": [leader.name for leader in stop.leaders],
                "topics": list(dict.fromkeys(t.slug for t in stop.topics)),
                "key_sentence": key.sentence if key else None,
                "key_start": key.start if key else None, "key_end": key.end if key else None,
                # fields a reader corrected (dashboard.provenance), and what was extracted
                "corrected": corrected_fields(stop),
                "extracted": {name: fix.extracted for name, fix in stop.corrections.items()},
                "key_source": merged.key_source or merged.members[0][0], "stop_key": merged.key,
                "sources": merged.sources, "n_sources": len(merged.sources),
                "conflicts": [c.message for c in merged.open_conflicts],
                "source_keys": source_keys,
            })
            for conflict in merged.conflicts:
                conflict_rows.append({
                    "trip_id": trip.id, "stop_id": sid, "stop_index": stop.index,
                    "stop_key": merged.key, "field": conflict.field,
                    "message": conflict.message, "resolved_by": conflict.resolved_by,
                    "values": [
                        {"value": v.value, "source": v.source, "stated": v.stated,
                         "sentence": " … ".join(e.sentence for e in v.evidence)}
                        for v in conflict.values
                    ],
                })
        for ref, article in zip(trip.sources, trip.articles, strict=True):
            source_id = ref.id
            texts[source_id] = article.article.text
            source_rows.append({
                "trip_id": trip.id, "source_id": source_id, "title": article.title,
                "path": article.article.path, "published": _day(article.published),
                "traveler": article.traveler, "n_stops": len(article.stops),
                "grouping": ref.grouping,
            })
            for own in article.stops:
                index = mapped(source_id, own.index)
                for tag in own.topics:
                    topic_rows.append({
                        "trip_id": trip.id, "stop_id": stop_id(trip.id, index),
                        "stop_index": index, "scope": "stop", "topic": tag.slug,
                        "label": tag.label, "phrase": tag.phrase,
                        "sentence": tag.evidence.sentence, "start": tag.evidence.start,
                        "end": tag.evidence.end, "source_id": source_id,
                    })
            for tag in article.topics:
                topic_rows.append({
                    "trip_id": trip.id, "stop_id": None, "stop_index": None, "scope": "trip",
                    "topic": tag.slug, "label": tag.label, "phrase": tag.phrase,
                    "sentence": tag.evidence.sentence, "start": tag.evidence.start,
                    "end": tag.evidence.end, "source_id": source_id,
                })
            for event in article.events:
                index = mapped(source_id, event.stop_index)
                event_rows.append({
                    "trip_id": trip.id, "stop_id": stop_id(trip.id, index),
                    "stop_index": index, "kind": event.kind, "label": event.label,
                    "date": _day(event.date), "sentence": event.evidence.sentence,
                    "start": event.evidence.start, "end": event.evidence.end,
                    "source_id": source_id,
                })
            for n, sentence in enumerate(article.sentences):
                sentence_rows.append({
                    "trip_id": trip.id, "sentence_id": n, "start": sentence.start,
                    "end": sentence.end, "text": sentence.sentence, "source_id": source_id,
                })
            for mention in article.mentions:
                index = mapped(source_id, mention.stop_index)
                mention_rows.append({
                    "trip_id": trip.id, "stop_id": stop_id(trip.id, index),
                    "stop_index": index, "kind": mention.kind, "value": mention.value,
                    "text": mention.text, "start": mention.start, "end": mention.end,
                    "source_id": source_id,
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
        sources=_frame(source_rows, SOURCE_COLUMNS),
        conflicts=_frame(conflict_rows, CONFLICT_COLUMNS),
        notes=all_notes,
    )
    _normalise_dtypes(tables)
    return tables


def cell_text(value: object) -> str | None:
    """A cell of a text column as text, or None when it is missing (None, NaN, pd.NA): a
    missing value is never handed on as a float ("'float' object has no attribute 'strip'")."""
    return value if isinstance(value, str) else None


def _frames(tables: TripTables) -> tuple[pd.DataFrame, ...]:
    return (tables.trips, tables.itinerary, tables.events, tables.topics, tables.sentences,
            tables.mentions)


def normalise_text_columns(tables: TripTables) -> TripTables:
    """Text columns hold str or None, never NaN (in place; returns `tables`).

    pandas 3 stores text as its `str` dtype, where a missing value is NaN, a float: a trip
    with no traveller next to one with a traveller gave every page an AttributeError.
    Columns of text become object columns with None for missing values, also after tables
    are concatenated (uploads)."""
    for frame in _frames(tables):
        for col in frame.columns:
            if isinstance(frame[col].dtype, pd.StringDtype) or frame[col].dtype == object:
                column = frame[col].astype(object)
                frame[col] = column.where(column.map(_is_present), None)
    return tables


def _is_present(value: object) -> bool:
    return not (value is None or (isinstance(value, float) and value != value)
                or value is pd.NA)


def _normalise_dtypes(tables: TripTables) -> None:
    """Empty frames must still have the right dtypes, so filters never special-case them."""
    for frame, date_cols in (
        (tables.trips, ["published", "first_day", "last_day"]),
        (tables.itinerary, ["start", "end"]),
        (tables.events, ["date"]),
        (tables.sources, ["published"]),
    ):
        for col in date_cols:
            frame[col] = pd.to_datetime(frame[col])
    for frame in (tables.itinerary, tables.events, tables.topics, tables.mentions,
                  tables.conflicts):
        frame["stop_index"] = frame["stop_index"].astype("Int64")
    for frame, cols in ((tables.trips, ["n_sources"]), (tables.itinerary, ["n_sources"]),
                        (tables.sources, ["n_stops"])):
        for col in cols:
            frame[col] = frame[col].astype("int64")
    for col in ("lat", "lon"):
        tables.itinerary[col] = tables.itinerary[col].astype("float64")
    for col in ("city_inferred", "dates_inferred"):
        tables.itinerary[col] = tables.itinerary[col].astype("bool")
    normalise_text_columns(tables)


def article_paths(folder: str | Path) -> list[Path]:
    """The article files of a folder, in name order (truth files and READMEs excluded)."""
    root = Path(folder)
    return sorted(
        p for p in root.iterdir()
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
        and p.name.lower() != "readme.md"
    )


def load_trips(paths: Iterable[str | Path], deduplicate: bool = True,
               cache: ExtractionCache | None = None) -> tuple[list[Trip], list[str]]:
    """Extract every article; a file that fails becomes a message, the others still load.
    With `deduplicate`, repeated trip ids get '-2', '-3' in the order read (merging numbers
    them itself, in an order that does not depend on the reading order). With `cache` (the
    store's extraction cache), texts extracted before are not extracted again. Without the
    language model nothing can be read: one message says which setting and package (see
    `extraction.nlp`)."""
    from dashboard.articles import read_article
    from dashboard.extraction.nlp import ModelUnavailable
    from dashboard.store.extraction_cache import extract_articles

    # per path: its article, or the message saying why it cannot be read
    read: list[Article | str] = []
    for path in paths:
        try:
            read.append(read_article(path))
        except ArticleError as exc:
            read.append(str(exc))
    articles = [item for item in read if not isinstance(item, str)]
    try:
        extracted = iter(extract_articles(articles, cache))
    except ModelUnavailable as exc:
        return [], [item for item in read if isinstance(item, str)] + [str(exc)]
    trips: list[Trip] = []
    errors: list[str] = []
    for item in read:
        result = item if isinstance(item, str) else next(extracted)
        if isinstance(result, Trip):
            trips.append(result)
        else:
            errors.append(str(result))
    if deduplicate:
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


def load_merged(paths: Sequence[Path], folder: str | Path | None = None,
                slack_days: int | None = None, cache: ExtractionCache | None = None
                ) -> tuple[list[MergedTrip], list[str], list[str]]:
    """Extract `paths` (through `cache` when given), group and merge them into trips (with
    the trips.toml of `folder`, if any): (trips, errors naming unreadable files, notes on
    the grouping)."""
    from dashboard.merging import DEFAULT_SLACK_DAYS, merge_articles, read_trips_file

    trips, errors = load_trips(paths, deduplicate=False, cache=cache)
    plan = read_trips_file(folder, [p.name for p in paths]) if folder is not None else None
    merged = merge_articles(trips, plan=plan, slack_days=DEFAULT_SLACK_DAYS
                            if slack_days is None else slack_days)
    return merged, errors, list(plan.problems) if plan else []


def load_tables(folder: str | Path, cache: ExtractionCache | None = None) -> TripTables:
    """The one loader call: every article in `folder` -> merged trips -> tables. With
    `cache` (`dashboard.store.extraction_cache`), articles read before are not extracted."""
    merged, errors, notes = load_merged(article_paths(folder), folder, cache=cache)
    return build_tables(merged, errors, notes)
