"""A live blog's stamped title naming a day ("07:50  RECAP - Monday") dates the entry below
it (issue 9, round 11). Our own wording, not the fixtures'."""

from __future__ import annotations

import warnings
from datetime import date

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip
from dashboard.extraction.dates import DateMention
from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.sentences import Sentence
from dashboard.extraction.titled_stamps import titled_stamp_day

BLOG = ("Title: LIVE: Chancellor in the Balkans, day three\nDate: 2024-10-16\n\n"
        "LIVE  |  Updated 18:10\n\n"
        "18:10\nThe Chancellor landed in Tirana this evening, where Prime Minister Edi Rama "
        "met her at the airport.\n\n"
        "11:45\nAt a news conference the Chancellor repeated her support for enlargement.\n\n"
        "08:20  RECAP - what happened yesterday (Tuesday)\n"
        "- In the afternoon she flew to Podgorica, where Prime Minister Milojko Spajic "
        "received her.\n\n"
        "08:05  RECAP - Monday\n"
        "A first day in Serbia: talks in Belgrade with President Aleksandar Vucic and a "
        "visit to a lithium project.\n\n"
        "08:00\nGood morning and welcome to our coverage of the third day of the trip.\n")


def stops_of(text: str) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("blog.txt", text))
    return {s.city: (s.start, s.end) for s in trip.stops}


def test_a_recap_entry_reports_the_day_its_title_names():
    stops = stops_of(BLOG)
    assert stops["Belgrade"][0] == date(2024, 10, 14)
    assert stops["Podgorica"][0] == date(2024, 10, 15)
    assert stops["Tirana"][0] == date(2024, 10, 16)


def _fact(text: str, day: date | None) -> SentenceFacts:
    fact = SentenceFacts(Sentence(0, text, 0, len(text), 0))
    if day is not None:
        at = text.index("Monday")
        fact.dates = [DateMention("Monday", at, at + 6, day, day, True)]
    return fact


def test_only_a_short_stamped_title_naming_one_day_dates_an_entry():
    monday = date(2024, 10, 14)
    assert [d.first for d in titled_stamp_day(_fact("08:05  RECAP - Monday", monday))] == [
        monday]
    assert [d.first for d in titled_stamp_day(_fact("8.05am | Monday's highlights",
                                                    monday))] == [monday]
    # a stamped first sentence of an entry, a title without a stamp, a title with no day
    assert titled_stamp_day(_fact("08:05 We set off for the airport on Monday.", monday)) == []
    assert titled_stamp_day(_fact("RECAP - Monday", monday)) == []
    assert titled_stamp_day(_fact("08:05  RECAP - the story so far", None)) == []
