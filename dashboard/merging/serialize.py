"""Merged trip -> JSON: the extractor's trip shape plus `sources` per stop and per fact,
and `conflicts`. Field names are a contract (the CLI's --merge output, the JSON export)."""

from __future__ import annotations

from typing import Any

from dashboard.extraction.serialize import trip_to_json
from dashboard.merging.model import Conflict, Fact, MergedTrip, Support
from dashboard.models import Trip


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


def merged_trip_to_json(trip: MergedTrip, article_json: bool = False) -> dict[str, Any]:
    """The merged trip as a JSON-ready dict: `trip_to_json`'s keys for the merged stops, and
    - `sources`: the articles [{id, path, title, published, traveler}];
    - per stop `key`, `sources` (ids), `facts` {dates, city, leaders[], topics[]} each with
      its `sources` [{source, value, stated, evidence}], `conflicts` and `notes`;
    - `conflicts` of the whole trip, `notes` on how it was grouped.
    With `article_json`, each source also carries its own extraction (`article`)."""
    lead = trip.articles[[s.id for s in trip.sources].index(trip.id)] \
        if trip.id in [s.id for s in trip.sources] else trip.articles[0]
    shell = Trip(id=trip.id, article=lead.article.model_copy(update={"title": trip.title}),
                 traveler=trip.traveler, traveler_evidence=lead.traveler_evidence,
                 stops=[s.stop for s in trip.stops])
    data = trip_to_json(shell)
    # Events, agenda and highlights belong to each article's text: kept per source.
    for key in ("events", "mentions", "trip_topic_details"):
        data.pop(key, None)
    data["trip_topics"] = list(dict.fromkeys(t.slug for a in trip.articles for t in a.topics))
    data["topics"] = list(dict.fromkeys(data["trip_topics"] + data["topics"]))
    data["warnings"] = [w for a in trip.articles for w in a.warnings]
    data["notes"] = list(trip.notes)
    data["sources"] = []
    for ref, article in zip(trip.sources, trip.articles, strict=True):
        entry: dict[str, Any] = {"id": ref.id, "path": ref.path, "title": ref.title,
                                 "published": ref.published.isoformat() if ref.published
                                 else None, "traveler": ref.traveler}
        if article_json:
            entry["article"] = trip_to_json(article)
        data["sources"].append(entry)
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
