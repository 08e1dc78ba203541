"""Hand-built trips for the export tests: offsets are found in the text, never typed in.

Two trips: Blinken's Latin America tour (from view_fixtures, three dated stops) and a
Pacific trip whose route crosses the antimeridian, with an undated stop that has no
coordinates and article text that looks like HTML and script.
"""

from __future__ import annotations

from datetime import date

from view_fixtures import evidence, mention, sample_trip

from dashboard.models import Article, Event, Leader, Stop, TopicTag, Trip
from dashboard.tables import TripTables, build_tables

HOSTILE = '<script>alert(1)</script> and " onload=alert(2) x="'

PACIFIC_TEXT = (
    "Title: Kishida <b>crosses</b> the Pacific\n"
    "Date: 2023-05-03\n"
    "\n"
    "Prime Minister Fumio Kishida hosted President Joe Biden in Tokyo on May 1. "
    f"Biden told reporters {HOSTILE} about trade.\n"
    "\n"
    "On May 2 and 3, Kishida met Governor Josh Green in Honolulu to discuss climate change.\n"
    "\n"
    "He will later travel to Canada.\n"
)


def pacific_trip(trip_id: str = "kishida-2023-05", text: str = PACIFIC_TEXT) -> Trip:
    s_jp = "Prime Minister Fumio Kishida hosted President Joe Biden in Tokyo on May 1."
    s_jp2 = f"Biden told reporters {HOSTILE} about trade."
    s_us = "On May 2 and 3, Kishida met Governor Josh Green in Honolulu to discuss climate change."
    s_ca = "He will later travel to Canada."
    e = {s: evidence(text, s) for s in (s_jp, s_jp2, s_us, s_ca)}
    stops = [
        # The key sentence (first evidence) is the hostile one, so it reaches every export.
        Stop(index=0, country_code="JP", country="Japan", city="Tokyo", lat=35.68, lon=139.69,
             start=date(2023, 5, 1), end=date(2023, 5, 1),
             leaders=[Leader(name="Joe Biden", title="President", evidence=e[s_jp])],
             topics=[TopicTag(slug="trade", label="Trade", phrase="trade", evidence=e[s_jp2])],
             evidence=[e[s_jp2], e[s_jp]]),
        Stop(index=1, country_code="US", country="United States", city="Honolulu",
             lat=21.31, lon=-157.86, start=date(2023, 5, 2), end=date(2023, 5, 3),
             leaders=[Leader(name="Josh Green", title="Governor", evidence=e[s_us])],
             topics=[TopicTag(slug="climate-change", label="Climate change",
                              phrase="climate change", evidence=e[s_us])],
             evidence=[e[s_us]]),
        Stop(index=2, country_code="CA", country="Canada", evidence=[e[s_ca]]),
    ]
    return Trip(
        id=trip_id,
        article=Article(path=f"/tmp/{trip_id}.txt", title="Kishida <b>crosses</b> the Pacific",
                        published=date(2023, 5, 3), text=text,
                        body_start=text.index("Prime Minister")),
        traveler="Fumio Kishida",
        stops=stops,
        events=[Event(kind="meeting", label="Meeting with Josh Green", date=date(2023, 5, 2),
                      stop_index=1, evidence=e[s_us])],
        mentions=[mention(text, "city", "Tokyo", "Tokyo", 0),
                  mention(text, "city", "Honolulu", "Honolulu", 1),
                  mention(text, "place", "CA", "Canada", 2)],
        sentences=list(e.values()),
    )


def export_trips() -> list[Trip]:
    return [sample_trip(), pacific_trip()]


def export_tables() -> TripTables:
    return build_tables(export_trips())
