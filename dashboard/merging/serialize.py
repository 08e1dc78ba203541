"""Merged trip -> JSON: the extractor's trip shape plus `sources` per stop and per fact,
and `conflicts`. Field names are a contract (the CLI's --merge output, the JSON export)."""

from __future__ import annotations

from typing import Any

from dashboard.extraction.serialize import trip_to_json
from dashboard.merging.model import Conflict, Fact, MergedTrip, Support


def _support(s: Support) -> dict[str, Any]:
    return {"source": s.source, "value": s.value, "stated": s.stated,
            "evidence": [e.model_dump() for e in s.evidence]}


def _fact(f: Fact | None) -> dict[str, Any] | None:
    if f is None:
        return None
    return {"value": f.value, "sources": [_support(s) for s in f.sources]}


def conflict_to_json(c: Conflict) -> dict[str, Any]:
    return {"stop_index": c.stop_index, "stop_key": c.stop_key, "field": c.field,
            "message": c.message, "resolved_by": c.resolved_by,
            "values": [_support(v) for v in c.values]}


def merged_trip_to_json(trip: MergedTrip) -> dict[str, Any]:
    """The merged trip as a JSON-ready dict: `trip_to_json`'s keys, with the merged stops and
    the top-level fields of the article the trip is named after, plus
    - `sources`: the articles [{id, path, title, published, traveler}];
    - per stop `key`, `sources` (ids), `facts` {dates, city, leaders[], topics[]} each with
      its `sources` [{source, value, stated, evidence}], `conflicts` and `notes`;
    - `events`, `mentions` and `trip_topic_details` of every article, each with its `source`
      (offsets point into that article) and `stop_index` of the merged stop;
    - `conflicts` of the whole trip, `notes` on how it was grouped.
    For a trip of one article, removing these additions gives `trip_to_json(article)`."""
    ids = [s.id for s in trip.sources]
    lead = trip.articles[ids.index(trip.id)] if trip.id in ids else trip.articles[0]
    shell = lead.model_copy(update={
        "id": trip.id, "traveler": trip.traveler, "stops": [s.stop for s in trip.stops],
        "article": lead.article.model_copy(update={"title": trip.title}),
        "events": [], "mentions": [], "topics": [], "warnings": [],
    })
    data = trip_to_json(shell)
    merged_index = {member: m.stop.index for m in trip.stops for member in m.members}

    def mapped(source_id: str, index: int | None) -> int | None:
        return None if index is None else merged_index.get((source_id, index))

    data["events"], data["mentions"], data["trip_topic_details"] = [], [], []
    for ref, article in zip(trip.sources, trip.articles, strict=True):
        own = trip_to_json(article)
        for event in own["events"]:
            data["events"].append({**event, "stop_index": mapped(ref.id, event["stop_index"]),
                                   "source": ref.id})
        for mention in own["mentions"]:
            data["mentions"].append({**mention,
                                     "stop_index": mapped(ref.id, mention["stop_index"]),
                                     "source": ref.id})
        for tag in own["trip_topic_details"]:
            data["trip_topic_details"].append({**tag, "source": ref.id})
    data["trip_topics"] = list(dict.fromkeys(t.slug for a in trip.articles for t in a.topics))
    stop_slugs = [t.slug for s in trip.stops for t in s.stop.topics]
    data["topics"] = list(dict.fromkeys(data["trip_topics"] + stop_slugs))
    data["warnings"] = list(dict.fromkeys(w for a in trip.articles for w in a.warnings))
    data["notes"] = list(trip.notes)
    data["sources"] = [
        {"id": ref.id, "path": ref.path, "title": ref.title,
         "published": ref.published.isoformat() if ref.published else None,
         "traveler": ref.traveler}
        for ref in trip.sources
    ]
    for stop_json, merged in zip(data["stops"], trip.stops, strict=True):
        stop_json["key"] = merged.key
        stop_json["sources"] = merged.sources
        stop_json["facts"] = {
            "dates": _fact(merged.dates),
            "city": _fact(merged.city),
            "leaders": [_fact(f) for f in merged.leaders],
            "topics": [_fact(f) for f in merged.topics],
        }
        stop_json["conflicts"] = [conflict_to_json(c) for c in merged.conflicts]
        stop_json["notes"] = list(merged.notes)
    data["conflicts"] = [conflict_to_json(c) for c in trip.conflicts]
    return data
