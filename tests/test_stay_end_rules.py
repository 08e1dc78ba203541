"""Stay ends by kind (issue 9, round 11; conventions of ../shared/articles): a stay length
that a participle clause or "at the start of" ties to the day told ("..., opening a
three-day visit"), and a stop whose told days reach the day the next stop begins. Our own
wording, not the fixtures'."""

from __future__ import annotations

import warnings
from datetime import date

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip
from dashboard.extraction.stay_ends import opens_the_stay


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def days_of(text: str) -> dict:
    return {s.city or s.country: (s.start, s.end) for s in trip_of(text).stops}


def test_a_participle_clause_opens_a_stay_however_long_the_clause_before():
    text = ("Title: Chancellor in Vienna\nDate: 2023-03-06\n\n"
            "VIENNA, March 6 (AFP) - German Chancellor Olaf Scholz landed in Vienna on Monday "
            "and was welcomed at the airport by his Austrian counterpart Karl Nehammer, "
            "beginning a three-day official visit focused on energy and migration.\n\n"
            "The two leaders are expected to sign an energy agreement.")
    assert days_of(text)["Vienna"] == (date(2023, 3, 6), date(2023, 3, 8))


def test_at_the_start_of_a_stay_opens_it_on_the_day_told():
    text = ("Title: Premier visits Canberra\nDate: 2019-09-16\n\n"
            "The Premier of Fiji arrived in Canberra on Monday at the start of a two-day "
            "visit to Australia, and met the Australian Prime Minister Scott Morrison.")
    assert days_of(text)["Canberra"] == (date(2019, 9, 16), date(2019, 9, 17))


def test_the_clause_must_follow_a_comma_and_stay_in_the_sentence():
    assert opens_the_stay(" and was greeted by the mayor, opening a two-day ")
    assert opens_the_stay(" at the start of a four-day ")
    assert not opens_the_stay(" and was greeted by the mayor opening a two-day ")
    assert not opens_the_stay(" in talks; officials said the summit, opening a two-day ")


def test_told_days_that_reach_the_next_stop_end_the_stop_on_that_day():
    # the last Hanoi day ("this morning") names no place: it is the paragraph's, and the
    # day the next stop begins, so the traveller moved on that day
    text = ("Title: Remarks by the Minister in Bangkok\nDate: 2014-11-07\n\n"
            "November 7, 2014\n\nPress Availability with the Minister in Bangkok, Thailand\n\n"
            "We landed in Jakarta on Monday and I met President Joko Widodo on Tuesday. "
            "Tuesday evening we flew to Hanoi. Yesterday I met Prime Minister Nguyen Tan Dung. "
            "This morning I spoke to students at the national university before flying here. "
            "Here in Bangkok I met the Foreign Minister this evening.")
    days = days_of(text)
    assert days["Hanoi"] == (date(2014, 11, 4), date(2014, 11, 7))
    assert days["Bangkok"][0] == date(2014, 11, 7)


def test_told_days_ending_the_day_before_the_next_stop_leave_the_night_open():
    text = ("Title: President to visit France and Serbia\nDate: 2024-04-29\n\n"
            "The President will arrive in Paris on May 5. On May 6, the President will hold "
            "talks with President Macron. The President will then arrive in Belgrade on the "
            "evening of May 7 for a state visit to Serbia.")
    assert days_of(text)["Paris"] == (date(2024, 5, 5), None)


def test_a_day_trip_is_that_one_day():
    text = ("Title: FACTBOX - The Prime Minister's European tour\nDate: 2011-04-08\n\n"
            "Key dates of the tour:\n\n"
            "* APRIL 2 (Saturday) - The Prime Minister lands in Paris for talks with "
            "President Nicolas Sarkozy.\n"
            "* APRIL 4 - Day trip to Brussels for talks with the European Commission.\n"
            "* APRIL 7 - In Berlin, the Prime Minister meets Chancellor Angela Merkel.\n")
    assert days_of(text)["Brussels"] == (date(2011, 4, 4), date(2011, 4, 4))
