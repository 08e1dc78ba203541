"""Helpers every export shares: the stops in travel order, ISO days, readable names.

Every export takes the *view* (tables already filtered by the selection), so a download or
a command-line export always follows the filters the same way the pages do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.tables import TripTables

# The pages' wording of days and places, re-exported so every export says it the same way.
from dashboard.views.route_map import format_days as format_days
from dashboard.views.route_map import place_name as place_name

if TYPE_CHECKING:
    from dashboard.filters import Selection

APP_NAME = "trip-timeline-dashboard"
EMPTY_NOTE = "No stops match the current selection; this export is empty."
LIST_SEPARATOR = "; "


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT and pandas' NA (cells of a DataFrame)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and other containers are never "missing"
        return False


def as_day(value: object) -> date | None:
    """A table cell (Timestamp, NaT, None) -> a date, or None when unknown."""
    if is_missing(value):
        return None
    return pd.Timestamp(value).date()


def iso_day(value: object) -> str | None:
    day = as_day(value)
    return day.isoformat() if day else None


def text_or_none(value: object) -> str | None:
    return None if is_missing(value) or value == "" else str(value)


def ordered_stops(view: TripTables) -> pd.DataFrame:
    """The itinerary in travel order: trips in the order they were loaded, stops by index."""
    itinerary = view.itinerary
    if itinerary.empty:
        return itinerary
    trip_order = {trip_id: n for n, trip_id in enumerate(view.trips["trip_id"])}
    ranked = itinerary.assign(
        _trip_rank=itinerary["trip_id"].map(lambda t: trip_order.get(t, len(trip_order))),
    )
    return (ranked.sort_values(["_trip_rank", "trip_id", "stop_index"], kind="stable")
            .drop(columns="_trip_rank").reset_index(drop=True))


def topic_labels(view: TripTables) -> dict[str, str]:
    """Topic slug -> human label, from the topic rows (falls back to the slug in words)."""
    labels: dict[str, str] = {}
    for slug, label in zip(view.topics["topic"], view.topics["label"], strict=True):
        if isinstance(label, str) and label:
            labels.setdefault(str(slug), label)
    return labels


def label_topics(slugs: list[str], labels: Mapping[str, str]) -> list[str]:
    return [labels.get(slug, slug.replace("-", " ").capitalize()) for slug in slugs]


def trip_titles(view: TripTables) -> dict[str, str]:
    return {str(t): str(title) if text_or_none(title) else str(t)
            for t, title in zip(view.trips["trip_id"], view.trips["title"], strict=True)}


def travelers(view: TripTables) -> dict[str, str | None]:
    return {str(t): text_or_none(who)
            for t, who in zip(view.trips["trip_id"], view.trips["traveler"], strict=True)}


def selection_summary(selection: Selection | None,
                      topic_names: Mapping[str, str] | None = None) -> str:
    """The filters in words, for file headers and notes: 'countries CL, PE; topic Migration'."""
    if selection is None:
        return "all stops"
    names = topic_names or {}
    parts: list[str] = []
    if selection.trip_ids:
        parts.append("trip " + ", ".join(selection.trip_ids))
    if selection.countries:
        noun = "country" if len(selection.countries) == 1 else "countries"
        parts.append(f"{noun} " + ", ".join(selection.countries))
    if selection.topics:
        noun = "topic" if len(selection.topics) == 1 else "topics"
        parts.append(f"{noun} " + ", ".join(names.get(t, t) for t in selection.topics))
    if selection.date_from or selection.date_to:
        since = selection.date_from.isoformat() if selection.date_from else "…"
        until = selection.date_to.isoformat() if selection.date_to else "…"
        parts.append(f"dates {since} to {until}")
    return "; ".join(parts) if parts else "all stops"


def file_stem(view: TripTables, selection: Selection | None = None) -> str:
    """A download name that says what is in the file: the trip id when one trip is in view
    ("trip-blinken-2022-10"), else "trips"; then the filters of `selection`, so a filtered
    view is never named like the whole trip: "trip-blinken-2022-10_cl-pe_migration_
    2022-10-05-to-2022-10-06" (ISO codes and topic slugs; counts past four of them).
    No filters: "trip-<id>", or "trips-all"."""
    trip_ids = view.itinerary["trip_id"].unique()
    base = f"trip-{trip_ids[0]}" if len(trip_ids) == 1 else "trips"
    parts: list[str] = []
    if selection is not None:
        if selection.countries:
            parts.append("-".join(c.lower() for c in selection.countries)
                         if len(selection.countries) <= 4
                         else f"{len(selection.countries)}-countries")
        if selection.topics:
            parts.append("-".join(selection.topics) if len(selection.topics) <= 4
                         else f"{len(selection.topics)}-topics")
        if selection.date_from or selection.date_to:
            since = selection.date_from.isoformat() if selection.date_from else "start"
            until = selection.date_to.isoformat() if selection.date_to else "end"
            parts.append(f"{since}-to-{until}")
    if not parts:
        return base if len(trip_ids) == 1 else "trips-all"
    stem = "_".join([base, *parts])
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", stem)[:150]
