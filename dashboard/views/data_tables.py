"""The Data page's tables: the trip tables with readable columns, internal ones left out.

Offsets, ids and indexes stay in the loader's tables (exports and links use them); a reader
sees stop numbers from 1, stop labels, topic labels and trip titles.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.provenance import row_corrections
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
    "corrected",
    "sources",
    "conflicts",
    "leaders",
    "topics",
    "key_sentence",
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
        # "dates (extracted 2022-10-05 to 2022-10-05)" per field a reader corrected
        corrected=[[f"{word} ({why})" for word, why in row_corrections(row).items()]
                   for row in rows.to_dict("records")],
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


CONFLICT_VIEW_COLUMNS = ["trip", "stop", "field", "value", "source", "sentence", "status"]


def conflicts_table(conflicts: pd.DataFrame, itinerary: pd.DataFrame,
                    trip_titles: Mapping[str, str] | None = None,
                    source_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per value a source gives in a conflict: trip, stop ("2 Chile"), the disputed
    fact, the value in words ("Wed 5 Oct 2022"), the source (by `source_names`), the sentence
    it was read from, and `status` (open, or settled by a reader)."""
    trip_titles = trip_titles or {}
    source_names = source_names or {}
    if conflicts.empty:
        return pd.DataFrame(columns=CONFLICT_VIEW_COLUMNS)
    rows = _in_trip_order(conflicts, ["stop_index"])
    places = _place(rows, itinerary)
    titles = _trip_titles(rows, trip_titles)
    out = []
    for place, title, row in zip(places, titles, rows.to_dict("records"), strict=True):
        settled = row["resolved_by"]
        status = f"settled by {settled}" if isinstance(settled, str) and settled else "open"
        for value in row["values"]:
            out.append({
                "trip": title, "stop": place, "field": row["field"],
                "value": _value_words(row["field"], value["value"]),
                "source": source_names.get(value["source"], value["source"]),
                "sentence": value["sentence"], "status": status,
            })
    return pd.DataFrame(out, columns=CONFLICT_VIEW_COLUMNS)


def _value_words(field: str, value: str) -> str:
    """'2022-10-05/2022-10-06' -> 'Wed 5 – Thu 6 Oct 2022' for dates; other values as given."""
    if field != "dates":
        return value
    from dashboard.merging.stops import parse_span_value
    from dashboard.views.route_map import format_days

    try:
        days = parse_span_value(value)
    except ValueError:
        return value
    if days is None:
        return value
    return format_days(pd.Timestamp(days[0]), pd.Timestamp(days[1]))


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


MISSING = "—"
"""What an unknown value reads as in the Data page's tables (Streamlit would print "None")."""


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NaT:
        return True
    return isinstance(value, float) and value != value  # NaN


def for_display(table: pd.DataFrame, day_columns: tuple[str, ...] = ()) -> pd.DataFrame:
    """`table` as the Data page shows it: the `day_columns` as ISO days with the weekday
    ("2022-10-03 Mon", sortable as text), and every unknown day or text as "—", never
    "None". Numbers and lists (leaders, topics) are left as they are."""
    shown = table.copy()
    for column in day_columns:
        if column in shown:
            shown[column] = [MISSING if _is_missing(day) else f"{pd.Timestamp(day):%Y-%m-%d %a}"
                             for day in shown[column]]
    for column in shown.columns:
        if column in day_columns or shown[column].dtype != object:
            continue
        values = shown[column].tolist()
        if any(isinstance(v, (list, tuple)) for v in values):
            continue
        shown[column] = [MISSING if _is_missing(v) else v for v in values]
    return shown
