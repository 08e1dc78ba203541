"""A trip <-> the JSON kept in the `trips.extracted` column.

The column holds the trip in the `python -m dashboard.extract` shape
(`dashboard.extraction.serialize.trip_to_json`), plus what that shape leaves out and the app
needs to show the trip again without extracting it: the body's sentences and the article's
header block. The article text itself is in the `articles` table.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dashboard.extraction.serialize import trip_to_json
from dashboard.models import Article, Event, Evidence, Leader, Mention, Stop, TopicTag, Trip

EXTRA_KEYS = ("sentences", "article_header", "body_start")


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _evidence(items: list[dict[str, Any]]) -> list[Evidence]:
    return [Evidence(**item) for item in items]


def _first(items: list[dict[str, Any]]) -> Evidence:
    found = _evidence(items)
    return found[0] if found else Evidence(sentence="", start=0, end=0)


def stored_json(trip: Trip) -> dict[str, Any]:
    """What the store writes for an extracted trip (no corrections: they are revisions)."""
    data = trip_to_json(trip)
    for stop in data["stops"]:
        stop.pop("provenance", None)  # recomputed from revisions when shown
    data["sentences"] = [e.model_dump() for e in trip.sentences]
    data["article_header"] = dict(trip.article.header)
    data["body_start"] = trip.article.body_start
    return data


def extract_shape(data: dict[str, Any]) -> dict[str, Any]:
    """The stored JSON without the store's own keys: the `extract` command's shape."""
    return {k: v for k, v in data.items() if k not in EXTRA_KEYS}


def trip_from_json(data: dict[str, Any], text: str) -> Trip:
    """Rebuild the Trip that `stored_json` wrote, over the article `text`."""
    article = Article(
        path=data.get("path") or data["id"], title=data.get("title"),
        published=_day(data.get("published")), published_basis=data.get("published_basis") or "",
        source=data.get("source"), header=data.get("article_header") or {}, text=text,
        body_start=int(data.get("body_start") or 0),
    )
    stops = [
        Stop(
            index=s["index"], country_code=s["country_code"], country=s["country"],
            city=s.get("city"), city_inferred=bool(s.get("city_inferred")),
            city_basis=s.get("city_basis"), lat=s.get("lat"), lon=s.get("lon"),
            start=_day(s.get("start")), end=_day(s.get("end")),
            dates_inferred=bool(s.get("dates_inferred")),
            leaders=[Leader(name=d["name"], title=d.get("title"), evidence=_first(d["evidence"]))
                     for d in s.get("leader_details", [])],
            topics=[TopicTag(slug=d["slug"], label=d["label"], phrase=d.get("phrase", ""),
                             evidence=_first(d["evidence"]))
                    for d in s.get("topic_details", [])],
            evidence=_evidence(s.get("evidence", [])),
            city_evidence=_evidence(s.get("city_evidence", [])),
            date_evidence=_evidence(s.get("date_evidence", [])),
        )
        for s in data.get("stops", [])
    ]
    traveler_evidence = _evidence(data.get("traveler_evidence") or [])
    return Trip(
        id=data["id"], article=article, traveler=data.get("traveler"),
        traveler_evidence=traveler_evidence[0] if traveler_evidence else None,
        stops=stops,
        events=[Event(kind=e["kind"], label=e["label"], date=_day(e.get("date")),
                      stop_index=e.get("stop_index"), evidence=_first(e["evidence"]))
                for e in data.get("events", [])],
        topics=[TopicTag(slug=d["slug"], label=d["label"], phrase=d.get("phrase", ""),
                         evidence=_first(d["evidence"]))
                for d in data.get("trip_topic_details", [])],
        mentions=[Mention(**m) for m in data.get("mentions", [])],
        sentences=_evidence(data.get("sentences", [])),
        warnings=list(data.get("warnings", [])),
    )
