"""Trip -> plain JSON-ready dict (the CLI's output and the JSON export's trip record)."""

from __future__ import annotations

from datetime import date
from typing import Any

from dashboard.models import Evidence, Trip
from dashboard.provenance import stop_provenance


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _evidence(items: list[Evidence]) -> list[dict[str, Any]]:
    return [{"sentence": e.sentence, "start": e.start, "end": e.end} for e in items]


def trip_to_json(trip: Trip) -> dict[str, Any]:
    """A trip as a JSON-ready dict; field names are a contract other tools rely on."""
    stop_slugs = [t.slug for s in trip.stops for t in s.topics]
    all_topics = list(dict.fromkeys([t.slug for t in trip.topics] + stop_slugs))
    return {
        "id": trip.id,
        "title": trip.title,
        "published": _day(trip.published),
        "published_basis": trip.article.published_basis,
        "source": trip.article.source,
        "path": trip.article.path,
        "traveler": trip.traveler,
        "traveler_evidence": _evidence([trip.traveler_evidence]) if trip.traveler_evidence
        else [],
        "topics": all_topics,
        "trip_topics": list(dict.fromkeys(t.slug for t in trip.topics)),
        "stops": [
            {
                "index": stop.index,
                "country_code": stop.country_code,
                "country": stop.country,
                "city": stop.city,
                "city_inferred": stop.city_inferred,
                "city_basis": stop.city_basis,
                "lat": stop.lat,
                "lon": stop.lon,
                "start": _day(stop.start),
                "end": _day(stop.end),
                "dates_inferred": stop.dates_inferred,
                "leaders": [leader.name for leader in stop.leaders],
                "leader_details": [
                    {"name": leader.name, "title": leader.title,
                     "evidence": _evidence([leader.evidence])}
                    for leader in stop.leaders
                ],
                "topics": list(dict.fromkeys(t.slug for t in stop.topics)),
                "topic_details": [
                    {"slug": t.slug, "label": t.label, "phrase": t.phrase,
                     "evidence": _evidence([t.evidence])}
                    for t in stop.topics
                ],
                "evidence": _evidence(stop.evidence),
                "city_evidence": _evidence(stop.city_evidence),
                "date_evidence": _evidence(stop.date_evidence),
                # stated | inferred | corrected (with the extracted value) per field
                "provenance": stop_provenance(stop),
            }
            for stop in trip.stops
        ],
        "events": [
            {"kind": e.kind, "label": e.label, "date": _day(e.date),
             "stop_index": e.stop_index, "evidence": _evidence([e.evidence])}
            for e in trip.events
        ],
        "trip_topic_details": [
            {"slug": t.slug, "label": t.label, "phrase": t.phrase,
             "evidence": _evidence([t.evidence])}
            for t in trip.topics
        ],
        "mentions": [m.model_dump() for m in trip.mentions],
        "warnings": list(trip.warnings),
    }


def trip_record(trip: Trip) -> dict[str, Any]:
    """The whole Trip as plain JSON, every field kept, without the article's text (the
    caller has it): what the extraction cache stores. `trip_from_record` is its inverse:
    `trip_from_record(trip_record(t), t.article.text) == t`."""
    return trip.model_dump(mode="json", exclude={"article": {"text"}})


def trip_from_record(data: dict[str, Any], text: str) -> Trip:
    """The Trip `trip_record` wrote, over the article `text`. Raises pydantic's
    ValidationError when `data` is not such a record."""
    return Trip.model_validate({**data, "article": {**data["article"], "text": text}})
