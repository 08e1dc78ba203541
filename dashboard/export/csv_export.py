"""The itinerary as CSV: one row per stop, in travel order, for spreadsheets and scripts.

Dates are ISO days (empty when unknown); leaders, topics, sources (the ids of the articles
that report the stop) and conflicts (what they disagree on) are readable lists joined with
"; " so a cell reads like prose and still splits cleanly. An empty selection gives the
header row alone (a CSV file cannot carry a note without breaking parsers; the command line
and the app say it instead).
"""

from __future__ import annotations

import pandas as pd

from dashboard.export.common import (
    LIST_SEPARATOR,
    iso_day,
    label_topics,
    ordered_stops,
    text_or_none,
    topic_labels,
)
from dashboard.tables import TripTables

CSV_COLUMNS = [
    "trip_id", "stop_number", "stop_id", "traveler", "country_code", "country", "city",
    "city_inferred", "lat", "lon", "start", "end", "dates_inferred", "leaders", "topics",
    "topic_slugs", "key_sentence", "sources", "conflicts",
]


def itinerary_frame(view: TripTables) -> pd.DataFrame:
    """The CSV's table: one row per stop, columns `CSV_COLUMNS`."""
    labels = topic_labels(view)
    rows = []
    for stop in ordered_stops(view).to_dict("records"):
        slugs = list(stop["topics"])
        rows.append({
            "trip_id": stop["trip_id"],
            "stop_number": int(stop["stop_index"]) + 1,
            "stop_id": stop["stop_id"],
            "traveler": text_or_none(stop["traveler"]),
            "country_code": stop["country_code"],
            "country": stop["country"],
            "city": text_or_none(stop["city"]),
            "city_inferred": bool(stop["city_inferred"]),
            "lat": stop["lat"],
            "lon": stop["lon"],
            "start": iso_day(stop["start"]),
            "end": iso_day(stop["end"]),
            "dates_inferred": bool(stop["dates_inferred"]),
            "leaders": LIST_SEPARATOR.join(stop["leaders"]),
            "topics": LIST_SEPARATOR.join(label_topics(slugs, labels)),
            "topic_slugs": LIST_SEPARATOR.join(slugs),
            "key_sentence": text_or_none(stop["key_sentence"]),
            # The articles that report the stop (source ids, as in the JSON export), and what
            # they disagree on: a conflict is data, never a reason to fail the export.
            "sources": LIST_SEPARATOR.join(_list(stop.get("sources"))),
            "conflicts": LIST_SEPARATOR.join(_list(stop.get("conflicts"))),
        })
    return pd.DataFrame(rows, columns=CSV_COLUMNS)


def _list(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def to_csv(view: TripTables) -> str:
    """The itinerary of `view` as CSV text (UTF-8, header row first)."""
    return itinerary_frame(view).to_csv(index=False, lineterminator="\n")
