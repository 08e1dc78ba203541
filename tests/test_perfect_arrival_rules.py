"""An arrival in the present perfect with no day ("X has arrived in Y") is on the page's
day (issue 9, round 11). Our own wording, not the fixtures'."""

from __future__ import annotations

import warnings
from datetime import date

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip


def days_of(text: str) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("news.txt", text))
    return {s.city: (s.start, s.end) for s in trip.stops}


def test_a_fresh_arrival_is_on_the_pages_day():
    text = ("Title: Sanchez in Warsaw\nDate: 2024-02-08\n\n"
            "Spanish Prime Minister Pedro Sanchez has landed in Warsaw for talks with "
            "Polish Prime Minister Donald Tusk on migration and farm subsidies.\n\n"
            "The two leaders are expected to hold a joint news conference.")
    assert days_of(text)["Warsaw"][0] == date(2024, 2, 8)


def test_a_stated_day_wins_over_the_pages():
    text = ("Title: Sanchez in Warsaw\nDate: 2024-02-08\n\n"
            "Spanish Prime Minister Pedro Sanchez has arrived in Warsaw, where he will meet "
            "Polish Prime Minister Donald Tusk on Friday.")
    assert days_of(text)["Warsaw"][0] == date(2024, 2, 9)
