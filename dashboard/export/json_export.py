"""The selection as JSON in the same shape the extract command prints: {"trips": [...]}.

The view tables say what passes the filters; the trips themselves carry the full detail
(evidence sentences, offsets, mentions). Each trip in view is copied with only the stops,
events, agenda topics and mentions that the view kept, so the JSON follows the filters
exactly as the pages do. Stops keep their original index: ids stay stable across filters.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from dashboard.export.common import EMPTY_NOTE, is_missing
from dashboard.extraction.serialize import trip_to_json
from dashboard.models import ArticleError, Trip
from dashboard.tables import TripTables


def _index(value: object) -> int | None:
    return None if is_missing(value) else int(value)  # type: ignore[call-overload]


def filtered_trip(trip: Trip, view: TripTables) -> Trip | None:
    """A copy of `trip` narrowed to what `view` kept, or None when none of it is in view."""
    kept_stops = {int(i) for t, i in zip(view.itinerary["trip_id"], view.itinerary["stop_index"],
                                         strict=True) if t == trip.id}
    if not kept_stops:
        return None
    events = {(_index(i), int(s)) for t, i, s in zip(
        view.events["trip_id"], view.events["stop_index"], view.events["start"], strict=True)
        if t == trip.id}
    agenda = {(slug, int(s)) for t, scope, slug, s in zip(
        view.topics["trip_id"], view.topics["scope"], view.topics["topic"],
        view.topics["start"], strict=True) if t == trip.id and scope == "trip"}
    mentions = {(_index(i), kind, int(s)) for t, i, kind, s in zip(
        view.mentions["trip_id"], view.mentions["stop_index"], view.mentions["kind"],
        view.mentions["start"], strict=True) if t == trip.id}
    copy = trip.model_copy(deep=True)
    copy.stops = [s for s in copy.stops if s.index in kept_stops]
    copy.events = [e for e in copy.events if (e.stop_index, e.evidence.start) in events]
    copy.topics = [t for t in copy.topics if (t.slug, t.evidence.start) in agenda]
    copy.mentions = [m for m in copy.mentions if (m.stop_index, m.kind, m.start) in mentions]
    return copy


def export_document(trips: Iterable[Trip], view: TripTables) -> dict[str, Any]:
    """{"trips": [...]} for the trips of `view`, each narrowed to the selection."""
    narrowed = [t for t in (filtered_trip(trip, view) for trip in trips) if t is not None]
    document: dict[str, Any] = {"trips": [trip_to_json(t) for t in narrowed]}
    if not narrowed:
        document["note"] = EMPTY_NOTE
    return document


def to_json(trips: Iterable[Trip], view: TripTables) -> str:
    return json.dumps(export_document(trips, view), ensure_ascii=False, indent=2) + "\n"


def trips_from_texts(view: TripTables) -> list[Trip]:
    """The trips of `view` extracted again from the article texts the tables keep.

    For callers that hold only the tables (the app caches tables, not trips). Extraction is
    deterministic, so the result matches what built the tables; each trip gets the id the
    tables gave it (ids de-duplicated across a folder stay the same).
    """
    import warnings

    from dashboard.articles import read_article_text
    from dashboard.extraction import extract_trip

    paths = dict(zip(view.trips["trip_id"], view.trips["source_path"], strict=True))
    trips: list[Trip] = []
    for trip_id, text in view.texts.items():
        if trip_id in view.stored:  # saved or corrected: the store's trip, as shown
            trips.append(view.stored[trip_id])
            continue
        name = str(paths.get(trip_id) or trip_id)
        with warnings.catch_warnings():  # already reported when the tables were built
            warnings.simplefilter("ignore")
            try:
                trip = extract_trip(read_article_text(name, text))
            except ArticleError:
                continue  # it was readable when the tables were built; nothing to add
        trip.id = trip_id
        trips.append(trip)
    return trips
