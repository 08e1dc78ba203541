"""The selection as GeoJSON (RFC 7946): a Point per stop and each trip's route.

Positions are [longitude, latitude] in WGS 84 with no "crs" member, as RFC 7946 requires.
A stop with no coordinates keeps its Feature with a null geometry (allowed by §3.2), so
no stop silently disappears. A route leg that crosses the antimeridian is cut in two
(§3.1.9), which makes that route a MultiLineString instead of a LineString.
"""

from __future__ import annotations

from typing import Any

import geojson

from dashboard.export.common import (
    APP_NAME,
    EMPTY_NOTE,
    is_missing,
    iso_day,
    label_topics,
    ordered_stops,
    text_or_none,
    topic_labels,
    trip_titles,
)
from dashboard.geo import split_at_antimeridian
from dashboard.tables import TripTables


class InvalidGeoJSON(ValueError):
    """The export would not be valid GeoJSON: a defect, never silently written."""


def _stop_feature(stop: dict[str, Any], labels: dict[str, str]) -> geojson.Feature:
    has_position = not (is_missing(stop["lat"]) or is_missing(stop["lon"]))
    geometry = (geojson.Point((float(stop["lon"]), float(stop["lat"])))
                if has_position else None)
    slugs = list(stop["topics"])
    return geojson.Feature(
        id=stop["stop_id"],
        geometry=geometry,
        properties={
            "kind": "stop",
            "trip_id": stop["trip_id"],
            "stop_id": stop["stop_id"],
            "stop_number": int(stop["stop_index"]) + 1,
            "traveler": text_or_none(stop["traveler"]),
            "country_code": stop["country_code"],
            "country": stop["country"],
            "city": text_or_none(stop["city"]),
            "city_inferred": bool(stop["city_inferred"]),
            "start": iso_day(stop["start"]),
            "end": iso_day(stop["end"]),
            "dates_inferred": bool(stop["dates_inferred"]),
            "leaders": list(stop["leaders"]),
            "topics": slugs,
            "topic_labels": label_topics(slugs, labels),
            "key_sentence": text_or_none(stop["key_sentence"]),
            # fields a reader corrected, and the values the extractor had read
            "corrected": list(stop.get("corrected") or []),
            "extracted": dict(stop.get("extracted") or {}),
            # The articles reporting the stop and what they disagree on (merged trips).
            "sources": [str(s) for s in stop.get("sources") or []],
            "conflicts": [str(c) for c in stop.get("conflicts") or []],
        },
    )


def _route_feature(trip_id: str, title: str, stops: list[dict[str, Any]]) -> geojson.Feature | None:
    placed = [s for s in stops if not (is_missing(s["lat"]) or is_missing(s["lon"]))]
    positions = [(float(s["lon"]), float(s["lat"])) for s in placed]
    if len(positions) < 2:
        return None  # a route needs two places
    parts = split_at_antimeridian(positions)
    geometry = (geojson.LineString(parts[0]) if len(parts) == 1
                else geojson.MultiLineString(parts))
    days = [d for s in stops for d in (iso_day(s["start"]), iso_day(s["end"])) if d]
    return geojson.Feature(
        id=f"{trip_id}/route",
        geometry=geometry,
        properties={
            "kind": "route",
            "trip_id": trip_id,
            "title": title,
            "traveler": text_or_none(stops[0]["traveler"]),
            "stop_ids": [s["stop_id"] for s in placed],
            "start": min(days) if days else None,
            "end": max(days) if days else None,
        },
    )


def feature_collection(view: TripTables) -> geojson.FeatureCollection:
    """Stops (Points) and routes (LineStrings), trip by trip in travel order."""
    labels = topic_labels(view)
    titles = trip_titles(view)
    stops = ordered_stops(view).to_dict("records")
    features: list[geojson.Feature] = []
    for trip_id in dict.fromkeys(s["trip_id"] for s in stops):
        trip_stops = [s for s in stops if s["trip_id"] == trip_id]
        features.extend(_stop_feature(s, labels) for s in trip_stops)
        route = _route_feature(trip_id, titles.get(trip_id, trip_id), trip_stops)
        if route is not None:
            features.append(route)
    members: dict[str, Any] = {"generator": APP_NAME}
    if not features:
        members["note"] = EMPTY_NOTE
    collection = geojson.FeatureCollection(features, **members)
    if not collection.is_valid:
        raise InvalidGeoJSON("; ".join(map(str, collection.errors())))
    return collection


def to_geojson(view: TripTables) -> str:
    """The view as GeoJSON text (UTF-8, not ASCII-escaped so names stay readable)."""
    return geojson.dumps(feature_collection(view), ensure_ascii=False, indent=1)
