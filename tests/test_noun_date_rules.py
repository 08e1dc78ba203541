"""A date that names a thing by "of" ("the accord of 14 February") is no day of the trip;
"on the morning of 3 May" and "the visit of 4 May" still are (issue 9, round 11). Our own
wording, not the fixtures'."""

from __future__ import annotations

import warnings
from datetime import date

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip

STATEMENT = ("Title: Joint statement on the visit of the Chancellor to Spain\nDate: 2023-05-05\n\n"
             "At the invitation of Prime Minister Pedro Sanchez, Austrian Chancellor Karl Nehammer "
             "visited Madrid from 3 to 5 May 2023.\n\n"
             "Recalling the fisheries accord of 14 February in Madrid, the two leaders "
             "reviewed its implementation.\n\n"
             "On 5 May the two leaders signed a declaration on energy.")


def days_of(text: str) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("statement.txt", text))
    return {s.city: (s.start, s.end) for s in trip.stops}


def test_a_thing_dated_by_of_gives_no_day_of_the_stop():
    assert days_of(STATEMENT)["Madrid"] == (date(2023, 5, 3), date(2023, 5, 5))


def test_a_part_of_the_day_by_of_is_the_trips_day():
    text = ("Title: Chancellor in Madrid\nDate: 2023-05-02\n\n"
            "Austrian Chancellor Karl Nehammer will arrive in Madrid on the evening of 3 May for "
            "talks with Prime Minister Pedro Sanchez.")
    assert days_of(text)["Madrid"][0] == date(2023, 5, 3)
