"""The selection as JSON in the shape `python -m dashboard.extract --merge` prints.

{"trips": [...]}: one entry per trip in view, each with its `sources` (articles), per stop and
per fact the sources that state it, and `conflicts`. The view tables say what passes the
filters; the trips carry the full detail (evidence sentences, offsets, mentions). Each trip
is narrowed to the stops, events, agenda topics, mentions and conflicts the view kept, so
the JSON follows the filters exactly as the pages do. Stops keep their index: ids stay
stable across filters. A conflict is exported as data, never an error.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from dashboard.export.common import EMPTY_NOTE, is_missing
from dashboard.merging import MergedTrip, merge_trip
from dashboard.merging.grouping import article_order
from dashboard.merging.pipeline import source_ref
from dashboard.merging.serialize import merged_trip_to_json
from dashboard.models import ArticleError, Trip
from dashboard.tables import TripTables


def _index(value: object) -> int | None:
    return None if is_missing(value) else int(value)  # type: ignore[call-overload]


def merged_trips_of(trips: Iterable[Trip | MergedTrip], view: TripTables) -> list[MergedTrip]:
    """The merged trips of `view`, in its trip order. Merged trips are used as they are;
    article trips (one per source, ids = source ids) are merged again as the tables say."""
    merged: dict[str, MergedTrip] = {}
    articles: dict[str, Trip] = {}
    for trip in trips:
        if isinstance(trip, MergedTrip):
            merged[trip.id] = trip
        else:
            articles[trip.id] = trip
    result: list[MergedTrip] = []
    titles = dict(zip(view.trips["trip_id"], view.trips["title"], strict=True))
    for trip_id in view.trips["trip_id"]:
        if trip_id in merged:
            result.append(merged[trip_id])
            continue
        source_ids = view.sources.loc[view.sources["trip_id"] == trip_id, "source_id"].tolist()
        members = [articles[s] for s in source_ids if s in articles] or (
            [articles[trip_id]] if trip_id in articles else [])
        if not members:
            continue
        members.sort(key=article_order)
        title = titles.get(trip_id)
        result.append(merge_trip(members, [source_ref(t) for t in members], trip_id=trip_id,
                                 title=title if isinstance(title, str) and len(members) > 1
                                 else None))
    return result


def narrowed_json(trip: MergedTrip, view: TripTables) -> dict[str, Any] | None:
    """`merged_trip_to_json(trip)` narrowed to what `view` kept, or None when none of it is."""
    kept_stops = {int(i) for t, i in zip(view.itinerary["trip_id"], view.itinerary["stop_index"],
                                         strict=True) if t == trip.id}
    if not kept_stops:
        return None
    data = merged_trip_to_json(trip)

    def rows(frame, *cols):
        mine = frame[frame["trip_id"] == trip.id]
        return {tuple(_index(v) if c in ("stop_index", "start") else v for c, v in
                      zip(cols, values, strict=True))
                for values in zip(*(mine[c] for c in cols), strict=True)}

    events = rows(view.events, "source_id", "stop_index", "start")
    mentions = rows(view.mentions, "source_id", "stop_index", "kind", "start")
    agenda = rows(view.topics[view.topics["scope"] == "trip"], "source_id", "topic", "start")
    data["stops"] = [s for s in data["stops"] if s["index"] in kept_stops]
    data["events"] = [e for e in data["events"] if (
        e["source"], e["stop_index"], e["evidence"][0]["start"]) in events]
    data["mentions"] = [m for m in data["mentions"] if (
        m["source"], m["stop_index"], m["kind"], m["start"]) in mentions]
    data["trip_topic_details"] = [t for t in data["trip_topic_details"] if (
        t["source"], t["slug"], t["evidence"][0]["start"]) in agenda]
    data["trip_topics"] = list(dict.fromkeys(t["slug"] for t in data["trip_topic_details"]))
    stop_slugs = [slug for s in data["stops"] for slug in s["topics"]]
    data["topics"] = list(dict.fromkeys(data["trip_topics"] + stop_slugs))
    data["conflicts"] = [c for c in data["conflicts"] if c["stop_index"] in kept_stops]
    return data


def export_document(trips: Iterable[Trip | MergedTrip], view: TripTables) -> dict[str, Any]:
    """{"trips": [...]} for the trips of `view`, each narrowed to the selection."""
    narrowed = [d for d in (narrowed_json(t, view) for t in merged_trips_of(trips, view))
                if d is not None]
    document: dict[str, Any] = {"trips": narrowed}
    if not narrowed:
        document["note"] = EMPTY_NOTE
    return document


def to_json(trips: Iterable[Trip | MergedTrip], view: TripTables) -> str:
    return json.dumps(export_document(trips, view), ensure_ascii=False, indent=2) + "\n"


def trips_from_texts(view: TripTables) -> list[Trip]:
    """The articles of `view` extracted again from the texts the tables keep (one `Trip` per
    source; `merged_trips_of` merges them as the tables did).

    For callers that hold only the tables (the app caches tables, not trips). Extraction is
    deterministic, so the result matches what built the tables; each article gets the source
    id the tables gave it.
    """
    import warnings

    from dashboard.articles import read_article_text
    from dashboard.extraction import extract_trip

    paths = dict(zip(view.trips["trip_id"], view.trips["source_path"], strict=True))
    paths.update(zip(view.sources["source_id"], view.sources["path"], strict=True))
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
