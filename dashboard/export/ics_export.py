"""The itinerary as an iCalendar file (RFC 5545) that calendar programs import.

One all-day VEVENT per dated stop: DTSTART;VALUE=DATE is the first day and DTEND the day
after the last (DTEND is exclusive for all-day events). Events are TRANSPARENT, so a trip
someone else makes never shows the importer as busy. UIDs are stable (trip id + stop
number), so importing an updated export replaces the events instead of duplicating them.

A stop with no date cannot be placed in a calendar: it is left out and named in the
calendar's description and in X-TRIP-UNDATED-STOP properties. RFC 5545 requires at least
one component, so a calendar with no event carries its note in a VJOURNAL, which calendar
programs do not show as an appointment.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar

from dashboard import __version__
from dashboard.export.common import (
    APP_NAME,
    EMPTY_NOTE,
    LIST_SEPARATOR,
    as_day,
    is_missing,
    label_topics,
    ordered_stops,
    place_name,
    text_or_none,
    topic_labels,
    trip_titles,
)
from dashboard.provenance import correction_note
from dashboard.tables import TripTables

UID_DOMAIN = "trip-timeline-dashboard.invalid"  # RFC 2606: reserved, never a real host
PRODID = f"-//{APP_NAME}//Trip itinerary export {__version__}//EN"


def stop_uid(trip_id: str, stop_index: int) -> str:
    return f"{trip_id}.stop-{stop_index + 1}@{UID_DOMAIN}"


def stop_days(stop: Mapping[str, Any]) -> tuple[date, date] | None:
    """First and last day of a stop; one known day stands for both; None when undated."""
    first, last = as_day(stop["start"]), as_day(stop["end"])
    first = first or last
    last = last or first
    if first is None or last is None:
        return None
    return (first, last) if first <= last else (last, first)


def undated_stops(view: TripTables) -> list[str]:
    """'Chile (trip blinken-2022, stop 2)' for each stop that has no date at all."""
    return [f"{place_name(s)} (trip {s['trip_id']}, stop {int(s['stop_index']) + 1})"
            for s in ordered_stops(view).to_dict("records") if stop_days(s) is None]


def _events_by_stop(view: TripTables) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for row in view.events.to_dict("records"):
        if is_missing(row["stop_id"]):
            continue
        day = as_day(row["date"])
        found.setdefault(row["stop_id"], []).append(
            f"{row['label']} ({day.isoformat()})" if day else str(row["label"]))
    return found


def _description(stop: Mapping[str, Any], title: str, labels: Mapping[str, str],
                 events: list[str]) -> str:
    trip = title if title == stop["trip_id"] else f"{title} ({stop['trip_id']})"
    lines = [f"Trip: {trip}, stop {int(stop['stop_index']) + 1}"]
    if stop["leaders"]:
        lines.append("Leaders met: " + LIST_SEPARATOR.join(stop["leaders"]))
    if stop["topics"]:
        lines.append("Topics: " + LIST_SEPARATOR.join(label_topics(list(stop["topics"]),
                                                                   labels)))
    if events:
        lines.append("Events: " + LIST_SEPARATOR.join(events))
    if stop["city_inferred"] and text_or_none(stop["city"]):
        lines.append(f"The city ({stop['city']}) is inferred, not named in the article.")
    if stop["dates_inferred"]:
        lines.append("The dates are inferred from the article, not stated outright.")
    if correction_note(stop):
        lines.append(correction_note(stop) + ".")
    sources = list(stop.get("sources") or [])
    if len(sources) > 1:
        lines.append(f"Reported by {len(sources)} articles: " + LIST_SEPARATOR.join(sources))
    for conflict in stop.get("conflicts") or []:
        lines.append(f"Conflict: {conflict}")
    sentence = text_or_none(stop["key_sentence"])
    if sentence:
        lines.append(f"Source: “{sentence}”")
    return "\n".join(lines)


def _event(stop: Mapping[str, Any], days: tuple[date, date], title: str,
           labels: Mapping[str, str], events: list[str], stamp: datetime) -> icalendar.Event:
    traveler = text_or_none(stop["traveler"]) or "Trip stop"
    event = icalendar.Event()
    event.add("uid", stop_uid(str(stop["trip_id"]), int(stop["stop_index"])))
    event.add("dtstamp", stamp)
    event.add("dtstart", days[0])
    event.add("dtend", days[1] + timedelta(days=1))
    event.add("summary", f"{traveler} in {place_name(stop)}")
    event.add("location", place_name(stop))
    if not (is_missing(stop["lat"]) or is_missing(stop["lon"])):
        event.add("geo", (float(stop["lat"]), float(stop["lon"])))
    event.add("description", _description(stop, title, labels, events))
    if stop["topics"]:
        event.add("categories", label_topics(list(stop["topics"]), labels))
    event.add("transp", "TRANSPARENT")
    return event


def build_calendar(view: TripTables, *, calendar_name: str | None = None,
                   now: datetime | None = None) -> icalendar.Calendar:
    """The VCALENDAR of `view`: one VEVENT per dated stop, in travel order."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    labels = topic_labels(view)
    titles = trip_titles(view)
    events_at = _events_by_stop(view)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = calendar_name or (next(iter(titles.values())) if len(titles) == 1 else "Trips")
    calendar.add("x-wr-calname", name)

    n_events = 0
    for stop in ordered_stops(view).to_dict("records"):
        days = stop_days(stop)
        if days is None:
            continue
        calendar.add_component(_event(stop, days, titles.get(stop["trip_id"], stop["trip_id"]),
                                      labels, events_at.get(stop["stop_id"], []), stamp))
        n_events += 1

    skipped = undated_stops(view)
    notes = [f"Itinerary exported by {APP_NAME}."]
    if skipped:
        notes.append("Stops without a date are not in this calendar: "
                     + LIST_SEPARATOR.join(skipped) + ".")
        for stop_name in skipped:
            calendar.add("x-trip-undated-stop", stop_name)
    if n_events == 0:
        note = EMPTY_NOTE if view.itinerary.empty else "No stop in this selection has a date."
        notes.append(note)
        journal = icalendar.Journal()
        journal.add("uid", f"empty-export@{UID_DOMAIN}")
        journal.add("dtstamp", stamp)
        journal.add("summary", "Empty itinerary export")
        journal.add("description", note)
        calendar.add_component(journal)
    calendar.add("x-wr-caldesc", " ".join(notes))
    return calendar


def to_ics(view: TripTables, *, calendar_name: str | None = None,
           now: datetime | None = None) -> str:
    """The view as iCalendar text (CRLF line endings, folded lines, as RFC 5545 wants)."""
    return build_calendar(view, calendar_name=calendar_name, now=now).to_ical().decode("utf-8")

