"""The dates this dashboard handles: what pandas can hold in its nanosecond timestamps.

pandas' `datetime64[ns]` covers 1677-09-21 to 2262-04-11; the record tables, the filters and
the cross-check all use it, so a date outside that span ("Date: 2300-10-04" in an upload, a
record visit starting 3000-01-01) crashed every page with `OutOfBoundsDatetime`. Such dates
are refused where they enter (the article reader, the extractor, the record reader), with a
message naming the date, and treated as unknown.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dashboard.models import Trip

FIRST_DAY = date(1678, 1, 1)
LAST_DAY = date(2261, 12, 31)
SPAN = f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"


def in_range(day: date) -> bool:
    """True when `day` (a date or Timestamp) lies within FIRST_DAY..LAST_DAY."""
    return FIRST_DAY <= (day.date() if hasattr(day, "date") and callable(day.date)
                         else day) <= LAST_DAY


def out_of_range_note(what: str, day: object) -> str:
    """The message for a refused date, e.g. "start date 3000-01-01 is outside ..."."""
    return f"{what} {day} is outside the dates this dashboard handles ({SPAN}); left unknown"


def drop_out_of_range_dates(trip: Trip) -> Trip:
    """The extractor's side: stop and event dates outside what the tables can hold become
    unknown, each with a warning on the trip naming the stop or event (in place; returns
    `trip`)."""
    for stop in trip.stops:
        for field in ("start", "end"):
            day = getattr(stop, field)
            if day is not None and not in_range(day):
                trip.warnings.append(f"{trip.article.path}: {stop.country}: "
                                     f"{out_of_range_note(field + ' date', day)}")
                setattr(stop, field, None)
    for event in trip.events:
        if event.date is not None and not in_range(event.date):
            trip.warnings.append(f"{trip.article.path}: {event.label}: "
                                 f"{out_of_range_note('date', event.date)}")
            event.date = None
    return trip


def iso_day_argument(value: str) -> date:
    """An argparse `type` for a YYYY-MM-DD day, shared by the command lines; a bad value is
    an ArgumentTypeError saying how to write it (exit status 2, no traceback)."""
    import argparse

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a date; write it as YYYY-MM-DD") from None
