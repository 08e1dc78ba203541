"""A reader's corrections of a trip's stops: the edit, its checks, and applying it.

Plain functions and pydantic models, no database and no Streamlit, so the Correct page, the
command line and the store all apply a correction the same way.

A revision holds the whole corrected stop list (`StopEdit` per stop, in travel order). Each
edit names the extracted stop it started from (`origin`, the stop's index in the extracted
trip), or None for a stop the reader added; an extracted stop no edit names was deleted.
`apply_corrections` compares every editable field with the extracted stop it came from and
marks the fields that differ as *corrected*, keeping the extracted value beside the new one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from dashboard.models import Evidence, FieldCorrection, Leader, Stop, TopicTag, Trip
from dashboard.provenance import PROVENANCE_FIELDS, corrected_fields, stop_provenance

__all__ = ["EDITABLE_FIELDS", "PROVENANCE_FIELDS", "CellProblem", "CorrectionSet", "StopEdit",
           "apply_corrections", "check_edits", "corrected_fields", "edits_from_trip", "locate",
           "stop_provenance"]

EDITABLE_FIELDS = ("country_code", "city", "lat", "lon", "start", "end", "leaders", "topics")
"""Stop fields a reader can correct, named as in the extract JSON."""
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2100, 12, 31)


class StopEdit(BaseModel):
    """One stop as a reader left it; every field is the value to show."""

    model_config = ConfigDict(extra="forbid")

    origin: int | None = Field(default=None, ge=0,
                               description="index of the extracted stop; None: added")
    country_code: str = Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2")
    city: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    start: date | None = None
    end: date | None = None
    leaders: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list, description="topic slugs")


class CorrectionSet(BaseModel):
    """What a revision stores: the corrected stops (JSON in the revisions table)."""

    model_config = ConfigDict(extra="forbid")

    stops: list[StopEdit]


@dataclass(frozen=True)
class CellProblem:
    """Why one value of an edit is refused: row (0-based, in the edit), column, reason."""

    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"Stop {self.row + 1}, {self.column}: {self.reason}"


def _key(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    return value


def edits_from_trip(trip: Trip) -> list[StopEdit]:
    """The extracted trip's stops as edits that change nothing (origin = stop index): the
    first correction starts from these; later ones from the latest revision's edits."""
    return [
        StopEdit(
            origin=stop.index, country_code=stop.country_code, city=stop.city, lat=stop.lat,
            lon=stop.lon, start=stop.start, end=stop.end,
            leaders=[leader.name for leader in stop.leaders],
            topics=list(dict.fromkeys(t.slug for t in stop.topics)),
        )
        for stop in trip.stops
    ]


def _extracted_values(stop: Stop | None) -> dict[str, Any]:
    if stop is None:
        return {"country_code": None, "country": None, "city": None, "lat": None, "lon": None,
                "start": None, "end": None, "leaders": [], "topics": []}
    return {
        "country_code": stop.country_code, "country": stop.country, "city": stop.city,
        "lat": stop.lat, "lon": stop.lon, "start": stop.start, "end": stop.end,
        "leaders": [leader.name for leader in stop.leaders],
        "topics": list(dict.fromkeys(t.slug for t in stop.topics)),
    }


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [str(v) for v in value]
    return value


def _placeholder_evidence(stop: Stop | None) -> Evidence:
    # A leader or topic a reader adds was read in no sentence; it points at the stop's key
    # sentence (what made it a stop) so every fact still links into the text somewhere.
    if stop is not None and stop.evidence:
        return stop.evidence[0]
    return Evidence(sentence="", start=0, end=0)


def apply_corrections(trip: Trip, edits: Sequence[StopEdit],
                      corrected_at: dt.datetime) -> Trip:
    """The trip as corrected: `trip` (the extracted one) with its stops replaced by `edits`.

    Returns a new Trip (the input is not changed). Each stop's fields that differ from the
    extracted stop named by `origin` are set and recorded in `Stop.corrections` with the
    extracted value and `corrected_at`; an added stop has every field corrected (extracted
    None). Stops are renumbered in the order of `edits`; events and mentions follow their
    stop's new number, those of a deleted stop lose it (events) or are dropped (mentions).
    Country names come from the gazetteer; topic labels from the topic taxonomy.
    """
    from dashboard.extraction.places import country_name

    corrected = trip.model_copy(deep=True)
    originals = {stop.index: stop for stop in trip.stops}
    labels = topic_labels()
    new_index: dict[int, int] = {}
    stops: list[Stop] = []
    for n, edit in enumerate(edits):
        base = originals.get(edit.origin) if edit.origin is not None else None
        if base is not None and base.index not in new_index:
            new_index[base.index] = n
            stop = base.model_copy(deep=True)
        else:
            base = None
            stop = Stop(index=n, country_code=edit.country_code.upper(),
                        country=country_name(edit.country_code.upper()))
        extracted = _extracted_values(base)
        stop.index = n
        stop.corrections = {}
        wanted = _wanted_values(edit, country_name)
        for name, value in wanted.items():
            if _key(value) == _key(extracted[name]) and base is not None:
                continue
            stop.corrections[name] = FieldCorrection(corrected_at=corrected_at,
                                                     extracted=_json_value(extracted[name]))
        _set_fields(stop, wanted, base, labels)
        stops.append(stop)
    corrected.stops = stops
    for event in corrected.events:
        event.stop_index = new_index.get(event.stop_index) if event.stop_index is not None \
            else None
    corrected.mentions = [
        m.model_copy(update={"stop_index": new_index[m.stop_index]})
        if m.stop_index is not None else m
        for m in corrected.mentions if m.stop_index is None or m.stop_index in new_index
    ]
    return corrected


def _wanted_values(edit: StopEdit, country_name: Any) -> dict[str, Any]:
    code = edit.country_code.upper()
    city = edit.city.strip() if isinstance(edit.city, str) and edit.city.strip() else None
    return {
        "country_code": code, "country": country_name(code), "city": city,
        "lat": edit.lat, "lon": edit.lon, "start": edit.start, "end": edit.end,
        "leaders": [name.strip() for name in edit.leaders if name.strip()],
        "topics": list(dict.fromkeys(slug.strip() for slug in edit.topics if slug.strip())),
    }


def _set_fields(stop: Stop, wanted: dict[str, Any], base: Stop | None,
                labels: dict[str, str]) -> None:
    fixed = stop.corrections
    stop.country_code, stop.country = wanted["country_code"], wanted["country"]
    stop.city, stop.lat, stop.lon = wanted["city"], wanted["lat"], wanted["lon"]
    stop.start, stop.end = wanted["start"], wanted["end"]
    if "city" in fixed:
        stop.city_inferred = False
        stop.city_basis = "corrected"
    if "start" in fixed or "end" in fixed:
        stop.dates_inferred = False
    kept_leaders = {leader.name: leader for leader in (base.leaders if base else [])}
    stop.leaders = [kept_leaders.get(name) or Leader(name=name,
                                                     evidence=_placeholder_evidence(base))
                    for name in wanted["leaders"]]
    # A stop keeps one tag per sentence that raises a topic, in reading order: kept topics
    # keep all their tags where they were, added ones follow.
    kept = [tag for tag in (base.topics if base else []) if tag.slug in wanted["topics"]]
    read = {tag.slug for tag in kept}
    stop.topics = kept + [
        TopicTag(slug=slug, label=labels.get(slug, slug.replace("-", " ").capitalize()),
                 phrase="", evidence=_placeholder_evidence(base))
        for slug in wanted["topics"] if slug not in read
    ]


@cache
def topic_labels() -> dict[str, str]:
    """Topic slug -> label from the taxonomy (`data/topics.toml`), read once per process."""
    from dashboard.extraction.topics import load_topics

    return {topic.slug: topic.label for topic in load_topics()}


# --- checking an edit -----------------------------------------------------------------


def country_codes() -> dict[str, str]:
    """ISO alpha-2 code -> country name, every country the gazetteer knows."""
    from dashboard.extraction.places import gazetteer

    return {code: info["name"] for code, info in gazetteer().countries.items()}


def check_edits(edits: Sequence[StopEdit]) -> list[CellProblem]:
    """Every value of an edit that cannot be saved, with the reason (empty: all good).

    Refused: an unknown country code; a city the gazetteer does not know in that country
    with no coordinates typed; only one of latitude/longitude; a day before 1900 or after
    2100; an end before the start. A trip with no stop left is refused too.
    """
    from dashboard.extraction.places import city_in_country

    known = country_codes()
    problems: list[CellProblem] = []
    if not edits:
        problems.append(CellProblem(0, "stops", "a trip needs at least one stop"))
    for row, edit in enumerate(edits):
        code = edit.country_code.upper()
        if code not in known:
            problems.append(CellProblem(row, "country", f"unknown country code '{code}'"))
        if (edit.lat is None) != (edit.lon is None):
            problems.append(CellProblem(row, "coordinates",
                                        "give both latitude and longitude, or neither"))
        city = edit.city.strip() if edit.city else ""
        if city and code in known and edit.lat is None and edit.lon is None \
                and city_in_country(city, code) is None:
            problems.append(CellProblem(
                row, "city", f"'{city}' is not in the gazetteer for {known[code]}; "
                             "type its latitude and longitude"))
        for column, day in (("start", edit.start), ("end", edit.end)):
            if day is not None and not FIRST_DAY <= day <= LAST_DAY:
                problems.append(CellProblem(row, column,
                                            f"{day.isoformat()} is outside 1900-2100"))
        if edit.start and edit.end and edit.end < edit.start:
            problems.append(CellProblem(
                row, "end", f"the end {edit.end.isoformat()} is before the start "
                            f"{edit.start.isoformat()}"))
    return problems


def locate(edit: StopEdit, before: StopEdit | None = None) -> StopEdit:
    """The edit with the gazetteer's coordinates for its city, where the reader typed none.

    With `before` (the same stop before this edit): a city or country changed while the
    coordinates stayed as they were means the old coordinates belong to the old place, so
    they are looked up again. A city the gazetteer does not know keeps what was typed."""
    from dashboard.extraction.places import city_in_country

    code = edit.country_code.upper()
    moved = before is not None and (
        (edit.city or "") != (before.city or "") or code != before.country_code.upper())
    stale = moved and before is not None and (edit.lat, edit.lon) == (before.lat, before.lon)
    if edit.lat is not None and edit.lon is not None and not stale:
        return edit
    place = city_in_country(edit.city, code) if edit.city else None
    if place is None or place.lat is None or place.lon is None:
        return edit.model_copy(update={"lat": None, "lon": None}) if stale else edit
    return edit.model_copy(update={"lat": place.lat, "lon": place.lon})
