"""Days counted inside a stated range, and day-of-month ordinals told alone (issue 9): "will
visit X from 7 to 10 October ... On the 8th ... The last day ..."; sentences of our own
wording with their right values."""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip
from dashboard.extraction.dates import find_dates


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


@pytest.mark.parametrize("sentence, day", [
    ("On the 14th the Chancellor opens the trade fair.", 14),
    ("On the 3rd the delegation tours the port.", 3),
])
def test_an_ordinal_day_before_the_subject_is_a_date(sentence, day):
    found = [d.first for d in find_dates(sentence, anchor=date(2024, 5, 1)) if d.first]
    assert found == [date(2024, 5, day)]


def test_the_ordinal_of_a_named_thing_is_no_date():
    # "the 14th the" is a day; "the 14th century" is not
    assert not [d for d in find_dates("a church of the 14th century",
                                      anchor=date(2024, 5, 1)) if d.first]


BRIEFING = (
    "Title: Spokesman's briefing on the Chancellor's visit to Brazil\n"
    "Date: 2024-05-10\n\n"
    "The Chancellor will pay an official visit to Brazil from 13 to 16 May.\n\n"
    "On the 14th the Chancellor holds talks with President Luiz Inacio Lula da Silva in "
    "Brasilia.\n\n"
    "{last}, the Chancellor flies to Manaus, where she visits a research station, and "
    "returns to Berlin the same evening.\n")


@pytest.mark.parametrize("last", ["The last day", "On the final day", "On the closing day"])
def test_the_last_day_of_a_stated_range_is_its_end(last):
    stops = {s.city: (s.start, s.end) for s in trip_of(BRIEFING.format(last=last)).stops}
    assert stops["Manaus"] == (date(2024, 5, 16), date(2024, 5, 16))


def test_a_counted_day_of_the_range_is_that_day():
    text = BRIEFING.format(last="On the third day").replace("On the 14th", "On the second day")
    # (Brasília opens the range, so its start is the range's first day by convention)
    stops = {s.city: s.start for s in trip_of(text).stops}
    assert stops["Manaus"] == date(2024, 5, 15)


def test_a_day_of_another_span_is_not_counted_from_the_range():
    # "the second day of the summit" counts the summit's days, not the visit's
    text = BRIEFING.format(last="On the second day of the summit")
    stops = {s.city: s.start for s in trip_of(text).stops}
    assert stops["Manaus"] != date(2024, 5, 14)
