"""The Data page's tables: the trip tables with readable columns, internal ones left out.

Offsets, ids and indexes stay in the loader's tables (exports and links use them); a reader
sees stop numbers from 1, stop labels, topic labels and trip titles.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.records.crosscheck import format_span
from dashboard.views.topic_matrix import WHOLE_TRIP

ITINERARY_VIEW_COLUMNS = [
    "trip",
    "stop",
    "country",
    "country_code",
    "city",
    "city_inferred",
    "start",
    "end",
    "dates_inferred",
    "leaders",
    "topics",
    "key_sentence",
    "sources",
    "conflicts",
    "lat",
    "lon",
]
EVENT_VIEW_COLUMNS = ["trip", "stop", "date", "kind", "label", "sentence"]
TOPIC_VIEW_COLUMNS = ["trip", "stop", "topic", "label", "phrase", "sentence"]


def _trip_titles(frame: pd.DataFrame, trip_titles: Mapping[str, str]) -> pd.Series:
    return frame["trip_id"].map(lambda t: trip_titles.get(t, t)).astype("object")


def _in_trip_order(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Sort by `by` within each trip, trips kept in the order they come (the loader's order,
    not alphabetical by id)."""
    order = {trip_id: n for n, trip_id in enumerate(dict.fromkeys(frame["trip_id"]))}
    return (
        frame.assign(_trip=frame["trip_id"].map(order))
        .sort_values(["_trip", *by], kind="stable", na_position="last")
        .drop(columns="_trip")
    )


def itinerary_table(
    itinerary: pd.DataFrame,
    trip_titles: Mapping[str, str] | None = None,
    topic_labels: Mapping[str, str] | None = None,
    record_checks: pd.DataFrame | None = None,
    source_names: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One row per stop in travel order: stop number from 1, topics as labels, `sources`
    the articles that report the stop (by `source_names`, e.g. file names) and `conflicts`
    what they disagree on; with `record_checks` (records.crosscheck shape) the official
    record's status, dates and note."""
    trip_titles = trip_titles or {}
    topic_labels = topic_labels or {}
    source_names = source_names or {}
    rows = _in_trip_order(itinerary, ["stop_index"])
    if "sources" not in rows.columns:  # tables of an older shape: one source, no conflict
        rows = rows.assign(sources=[[t] for t in rows["trip_id"]],
                           conflicts=[[] for _ in range(len(rows))])
    table = rows.assign(
        trip=_trip_titles(rows, trip_titles),
        stop=rows["stop_index"].astype("Int64") + 1,
        topics=[[topic_labels.get(t, t) for t in slugs] for slugs in rows["topics"]],
        leaders=[list(names) for names in rows["leaders"]],
        sources=[[source_names.get(s, s) for s in ids] for ids in rows["sources"]],
        conflicts=[list(c) for c in rows["conflicts"]],
    )
    columns = list(ITINERARY_VIEW_COLUMNS)
    if record_checks is not None and not record_checks.empty:
        checks = record_checks.set_index("stop_id")
        table = table.assign(
            record_status=table["stop_id"].map(checks["status"]),
            record_dates=table["stop_id"].map(
                {
                    sid: format_span(row["record_start"], row["record_end"])
                    if pd.notna(row["record_start"])
                    else None
                    for sid, row in checks.iterrows()
                }
            ),
            record_note=table["stop_id"].map(checks["note"]),
        )
        columns += ["record_status", "record_dates", "record_note"]
    return table[columns].reset_index(drop=True)


def conflicts_table(conflicts: pd.DataFrame, itinerary: pd.DataFrame,
                    trip_titles: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per conflict: trip, stop ("3 Chile"), what is disputed, the values with their
    sources and sentences, and whether a reader settled it."""
    trip_titles = trip_titles or {}
    columns = ["trip", "stop", "field", "message", "values", "resolved_by"]
    if conflicts.empty:
        return pd.DataFrame(columns=columns)
    rows = _in_trip_order(conflicts, ["stop_index"])
    table = rows.assign(trip=_trip_titles(rows, trip_titles), stop=_place(rows, itinerary),
                        values=[list(v) for v in rows["values"]])
    return table[columns].reset_index(drop=True)


def _place(frame: pd.DataFrame, itinerary: pd.DataFrame) -> list[str]:
    # The trip has its own column here, so stop labels need no trip prefix.
    names = {
        stop_id: f"{int(index) + 1} {country}"
        for stop_id, index, country in zip(
            itinerary["stop_id"], itinerary["stop_index"], itinerary["country"], strict=True
        )
    }
    return [
        WHOLE_TRIP if pd.isna(stop_id) else names.get(stop_id, str(stop_id))
        for stop_id in frame["stop_id"]
    ]


def events_table(
    events: pd.DataFrame,
    itinerary: pd.DataFrame,
    trip_titles: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One row per event, by trip, date and text order; `stop` is "1 Colombia" or whole trip."""
    trip_titles = trip_titles or {}
    rows = _in_trip_order(events, ["date", "start"])
    table = rows.assign(trip=_trip_titles(rows, trip_titles), stop=_place(rows, itinerary))
    return table[EVENT_VIEW_COLUMNS].reset_index(drop=True)


def topics_table(
    topics: pd.DataFrame,
    itinerary: pd.DataFrame,
    trip_titles: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One row per topic tag, stops in travel order then the trip agenda, text order within."""
    trip_titles = trip_titles or {}
    rows = _in_trip_order(topics, ["stop_index", "start"])
    table = rows.assign(trip=_trip_titles(rows, trip_titles), stop=_place(rows, itinerary))
    return table[TOPIC_VIEW_COLUMNS].reset_index(drop=True)
