"""The selection a user makes (trip, countries, topics, dates) and how it filters the tables.

Plain functions, no Streamlit: the sidebar turns widgets and URL query values into a
`Selection`, `apply_selection` turns tables into the filtered view every page draws.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd
import pycountry

from dashboard.tables import TripTables

# Query parameter names: the URL is the shareable form of a Selection.
TRIP_PARAM = "trip"
COUNTRY_PARAM = "country"
TOPIC_PARAM = "topic"
FROM_PARAM = "from"
TO_PARAM = "to"
STOP_PARAM = "stop"  # the highlighted stop, e.g. stop=blinken-2022-10-latin-america/1
QUERY_PARAMS = (TRIP_PARAM, COUNTRY_PARAM, TOPIC_PARAM, FROM_PARAM, TO_PARAM, STOP_PARAM)

# Longer values are never legitimate and are not echoed back in full.
MAX_VALUE_LENGTH = 100
MAX_VALUES_PER_PARAM = 50
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_COUNTRY_CODE = re.compile(r"^[A-Za-z]{2}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LOOK_ALIKES = str.maketrans({"<": "‹", ">": "›"})


@dataclass(frozen=True)
class Selection:
    """What the user chose; an empty tuple or None means "no constraint"."""

    trip_ids: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    stop_id: str | None = None
    """The highlighted stop: not a filter (every stop in view stays), but part of the view a
    link reopens."""

    @property
    def is_default(self) -> bool:
        return replace(self, stop_id=None) == Selection()

    def with_trip(self, trip_id: str | None) -> Selection:
        return replace(self, trip_ids=(trip_id,) if trip_id else ())


@dataclass(frozen=True)
class ParsedQuery:
    """A selection read from the URL, and what was dropped on the way (in words)."""

    selection: Selection
    notices: tuple[str, ...] = field(default_factory=tuple)


# --- applying a selection -------------------------------------------------------------


def _stop_carries_topic(itinerary: pd.DataFrame, agenda: Mapping[str, set[str]],
                        topics: Sequence[str]) -> pd.Series:
    """A stop carries a topic raised at that stop. A topic on the agenda of a whole trip but
    raised at none of its stops is carried by every stop of that trip: it belongs to the tour
    and no stop can be singled out."""
    wanted = set(topics)
    raised: dict[str, set[str]] = {}
    for trip_id, stop_topics in zip(itinerary["trip_id"], itinerary["topics"], strict=True):
        raised.setdefault(trip_id, set()).update(stop_topics)
    agenda_only = {trip_id: slugs - raised.get(trip_id, set())
                   for trip_id, slugs in agenda.items()}
    return pd.Series(
        [bool(wanted & set(stop_topics)) or bool(wanted & agenda_only.get(trip_id, set()))
         for trip_id, stop_topics in zip(itinerary["trip_id"], itinerary["topics"],
                                         strict=True)],
        index=itinerary.index, dtype="bool",
    )


def _overlaps(start: pd.Series, end: pd.Series, date_from: date | None,
              date_to: date | None) -> pd.Series:
    """Whole-day overlap with [date_from, date_to]; a stop with no date at all never overlaps
    a date constraint (it cannot be placed in it), a stop with one known day uses that day."""
    start = start.fillna(end)
    end = end.fillna(start)
    keep = pd.Series(True, index=start.index)
    if date_from is not None:
        keep &= end.notna() & (end >= pd.Timestamp(date_from))
    if date_to is not None:
        keep &= start.notna() & (start <= pd.Timestamp(date_to))
    return keep


def stop_mask(tables: TripTables, selection: Selection) -> pd.Series:
    """True for each itinerary row that passes every constraint of the selection."""
    itinerary = tables.itinerary
    keep = pd.Series(True, index=itinerary.index, dtype="bool")
    if selection.trip_ids:
        keep &= itinerary["trip_id"].isin(selection.trip_ids)
    if selection.countries:
        keep &= itinerary["country_code"].isin(selection.countries)
    if selection.topics:
        trip_topics = tables.topics[tables.topics["scope"] == "trip"]
        agenda: dict[str, set[str]] = {}
        for trip_id, slug in zip(trip_topics["trip_id"], trip_topics["topic"], strict=True):
            agenda.setdefault(trip_id, set()).add(slug)
        keep &= _stop_carries_topic(itinerary, agenda, selection.topics)
    if selection.date_from is not None or selection.date_to is not None:
        keep &= _overlaps(itinerary["start"], itinerary["end"], selection.date_from,
                          selection.date_to)
    return keep


def apply_selection(tables: TripTables, selection: Selection) -> TripTables:
    """A filtered copy of `tables`: the stops that pass, and the rows that follow them.

    Events, topic rows and mentions of a kept stop are kept; rows about a whole trip (no
    stop) are kept when the trip still has a stop in view. With a topic filter, topic rows
    and topic mentions are narrowed to the chosen topics, so highlights follow the filter.
    """
    itinerary = tables.itinerary[stop_mask(tables, selection)].reset_index(drop=True)
    stop_ids = set(itinerary["stop_id"])
    trip_ids = set(itinerary["trip_id"])

    def follow(frame: pd.DataFrame) -> pd.DataFrame:
        whole_trip = frame["stop_id"].isna() & frame["trip_id"].isin(trip_ids)
        return frame[frame["stop_id"].isin(stop_ids) | whole_trip]

    events = follow(tables.events)
    if selection.date_from is not None or selection.date_to is not None:
        dated = events["date"].notna()
        in_range = _overlaps(events["date"], events["date"], selection.date_from,
                             selection.date_to)
        events = events[~dated | in_range]
    topics = follow(tables.topics)
    mentions = follow(tables.mentions)
    sources = tables.sources[tables.sources["trip_id"].isin(trip_ids)]
    source_ids = set(sources["source_id"]) | trip_ids
    if selection.topics:
        topics = topics[topics["topic"].isin(selection.topics)]
        is_topic = mentions["kind"] == "topic"
        mentions = mentions[~is_topic | mentions["value"].isin(selection.topics)]
    return TripTables(
        trips=tables.trips[tables.trips["trip_id"].isin(trip_ids)].reset_index(drop=True),
        itinerary=itinerary,
        events=events.reset_index(drop=True),
        topics=topics.reset_index(drop=True),
        sentences=tables.sentences[tables.sentences["trip_id"].isin(trip_ids)]
        .reset_index(drop=True),
        mentions=mentions.reset_index(drop=True),
        texts={k: v for k, v in tables.texts.items() if k in source_ids},
        errors=list(tables.errors),
        stored={k: v for k, v in tables.stored.items() if k in source_ids},
        # A trip's articles and conflicts follow its stops (a conflict names its stop).
        sources=sources.reset_index(drop=True),
        conflicts=tables.conflicts[tables.conflicts["stop_id"].isin(stop_ids)]
        .reset_index(drop=True),
        notes=list(tables.notes),
    )


# --- what can be chosen ----------------------------------------------------------------


def country_name(code: str) -> str:
    """The common English name of an ISO alpha-2 code ("BO" -> "Bolivia"), else the code."""
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def available_countries(tables: TripTables) -> dict[str, str]:
    """ISO code -> name for the countries visited in `tables`, sorted by name."""
    names: dict[str, str] = {}
    for code, name in zip(tables.itinerary["country_code"], tables.itinerary["country"],
                          strict=True):
        names.setdefault(str(code), str(name) if isinstance(name, str) and name else
                         country_name(str(code)))
    return dict(sorted(names.items(), key=lambda item: item[1]))


def available_topics(tables: TripTables) -> dict[str, str]:
    """Topic slug -> label for every topic in `tables` (stop or trip agenda), by label."""
    labels: dict[str, str] = {}
    for slug, label in zip(tables.topics["topic"], tables.topics["label"], strict=True):
        labels.setdefault(str(slug), str(label) if isinstance(label, str) and label else
                          str(slug).replace("-", " "))
    for stop_topics in tables.itinerary["topics"]:
        for slug in stop_topics:
            labels.setdefault(str(slug), str(slug).replace("-", " "))
    return dict(sorted(labels.items(), key=lambda item: item[1].lower()))


def date_bounds(tables: TripTables) -> tuple[date, date] | None:
    """The first and last day of any stop or dated event, or None when nothing is dated."""
    days = pd.concat([tables.itinerary["start"], tables.itinerary["end"],
                      tables.events["date"]]).dropna()
    if days.empty:
        return None
    return days.min().date(), days.max().date()


def stops_in_countries(itinerary: pd.DataFrame, countries: Iterable[str]) -> list[str]:
    """The stop ids of `itinerary` in any of `countries`, in travel order."""
    wanted = set(countries)
    rows = itinerary[itinerary["country_code"].isin(wanted)]
    return rows.sort_values(["trip_id", "stop_index"])["stop_id"].tolist()


# --- reading and writing the URL -------------------------------------------------------


def shown_value(value: str, limit: int = 30) -> str:
    """A URL value made safe to quote in a notice: printable, short, no markup characters."""
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in value)
    # Angle brackets become look-alike guillemets so "<script>" still reads as what it was.
    cleaned = cleaned.translate(_LOOK_ALIKES)
    cleaned = re.sub(r"[`*_\[\]\\$|#&]", "?", cleaned)
    if len(cleaned) > limit:
        cleaned = f"{cleaned[:limit]}… ({len(value):,} characters)"
    return cleaned


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _parse_day(raw: str) -> date | None:
    if not _ISO_DATE.match(raw):
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


def parse_query_values(
    params: Mapping[str, str | Sequence[str]],
    *,
    trip_ids: Iterable[str],
    countries: Iterable[str],
    topics: Iterable[str],
    stop_ids: Iterable[str] | None = None,
) -> ParsedQuery:
    """Check URL query values against what is loaded; keep the good ones, explain the rest.

    `params` maps a parameter name to its value(s) (repeated parameters give a list).
    Country codes are accepted in any case; a value that is malformed, too long, unknown
    or not in any loaded trip is dropped with a notice that quotes it safely.
    """
    known_trips = set(trip_ids)
    known_countries = set(countries)
    known_topics = set(topics)
    notices: list[str] = []

    def values(name: str) -> list[str]:
        raw = _as_list(params.get(name))
        kept: list[str] = []
        for value in raw:
            value = value.strip()
            if not value:
                continue
            if len(value) > MAX_VALUE_LENGTH:
                notices.append(f"Ignored a {name} value that is too long: {shown_value(value)}")
                continue
            if value not in kept:
                kept.append(value)
        if len(kept) > MAX_VALUES_PER_PARAM:
            notices.append(f"Only the first {MAX_VALUES_PER_PARAM} {name} values were used.")
            kept = kept[:MAX_VALUES_PER_PARAM]
        return kept

    chosen_trips: list[str] = []
    trip_values = values(TRIP_PARAM)
    for value in trip_values:
        if value not in known_trips:
            notices.append(f"Ignored unknown trip '{shown_value(value)}'.")
        elif chosen_trips:
            notices.append(f"Only one trip can be chosen; ignored '{shown_value(value)}'.")
        else:
            chosen_trips.append(value)

    chosen_countries: list[str] = []
    for value in values(COUNTRY_PARAM):
        if not _COUNTRY_CODE.match(value):
            notices.append(f"Ignored country '{shown_value(value)}': not a two-letter ISO code.")
            continue
        code = value.upper()
        if pycountry.countries.get(alpha_2=code) is None and code not in known_countries:
            notices.append(f"Ignored unknown country code '{shown_value(value)}'.")
        elif code not in known_countries:
            notices.append(f"Ignored country {code} ({country_name(code)}): "
                           "no loaded trip stops there.")
        elif code not in chosen_countries:
            chosen_countries.append(code)

    chosen_topics: list[str] = []
    for value in values(TOPIC_PARAM):
        slug = value.lower()
        if not _SLUG.match(slug):
            notices.append(f"Ignored topic '{shown_value(value)}': not a topic name.")
        elif slug not in known_topics:
            notices.append(f"Ignored unknown topic '{shown_value(value)}'.")
        elif slug not in chosen_topics:
            chosen_topics.append(slug)

    days: dict[str, date | None] = {}
    for name in (FROM_PARAM, TO_PARAM):
        given = values(name)
        days[name] = None
        if not given:
            continue
        day = _parse_day(given[0])
        if day is None:
            notices.append(f"Ignored {name} date '{shown_value(given[0])}': "
                           "expected a real date as YYYY-MM-DD.")
        else:
            days[name] = day
        if len(given) > 1:
            notices.append(f"Only one {name} date can be given; used the first.")
    date_from, date_to = days[FROM_PARAM], days[TO_PARAM]
    if date_from and date_to and date_from > date_to:
        notices.append(f"Ignored the date range: {date_from} is after {date_to}.")
        date_from = date_to = None

    # The highlighted stop, checked against `stop_ids` (the stops in view); without
    # `stop_ids` the stop is not read.
    chosen_stop: str | None = None
    if stop_ids is not None:
        known_stops = set(stop_ids)
        given = values(STOP_PARAM)
        if given:
            if given[0] in known_stops:
                chosen_stop = given[0]
            else:
                notices.append(f"Ignored stop '{shown_value(given[0])}': not a stop in view.")
            if len(given) > 1:
                notices.append("Only one stop can be highlighted; used the first.")

    selection = Selection(
        trip_ids=tuple(chosen_trips), countries=tuple(chosen_countries),
        topics=tuple(chosen_topics), date_from=date_from, date_to=date_to,
        stop_id=chosen_stop,
    )
    return ParsedQuery(selection=selection, notices=tuple(notices))


def to_query_params(selection: Selection) -> dict[str, list[str]]:
    """The URL form of a selection; constraints that are not set are left out."""
    params: dict[str, list[str]] = {}
    if selection.trip_ids:
        params[TRIP_PARAM] = list(selection.trip_ids)
    if selection.countries:
        params[COUNTRY_PARAM] = list(selection.countries)
    if selection.topics:
        params[TOPIC_PARAM] = list(selection.topics)
    if selection.date_from is not None:
        params[FROM_PARAM] = [selection.date_from.isoformat()]
    if selection.date_to is not None:
        params[TO_PARAM] = [selection.date_to.isoformat()]
    if selection.stop_id:
        params[STOP_PARAM] = [selection.stop_id]
    return params
