"""Named days and weekends as dates (issue 9): "On New Year's Day", "Anzac Day", "this
weekend", "spend the weekend in X". Sentences in our own wording with their right values."""

from __future__ import annotations

import warnings
from datetime import date, timedelta

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip
from dashboard.extraction.dates import find_dates


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def days_in(text: str, anchor: date) -> list[tuple[date, date]]:
    return [(d.first, d.last) for d in find_dates(text, anchor=anchor, year_anchor=anchor)]


@pytest.mark.parametrize("text, anchor, day", [
    ("On New Year's Day the envoy flies to Cairo.", date(2023, 12, 29), date(2024, 1, 1)),
    ("She will lay a wreath on Anzac Day in Gallipoli.", date(2019, 4, 20), date(2019, 4, 25)),
    ("He spent Christmas Day with troops in Estonia.", date(2018, 12, 27), date(2018, 12, 25)),
    # Easter moves: the library's calendar knows the year's Easter Monday
    ("Talks resume on Easter Monday in Vienna.", date(2022, 4, 12), date(2022, 4, 18)),
    ("Talks resume on Easter Monday in Vienna.", date(2024, 3, 25), date(2024, 4, 1)),
])
def test_a_shared_holiday_name_is_its_day_in_the_nearest_year(text, anchor, day):
    assert days_in(text, anchor) == [(day, day)]


@pytest.mark.parametrize("text", [
    "Celebrations on Independence Day drew crowds.",  # a different day in every country
    "Thanksgiving Day parades were cancelled.",  # November in one country, October in another
])
def test_a_holiday_name_that_means_different_days_stays_unread(text):
    assert days_in(text, date(2023, 7, 1)) == []


def test_a_holiday_without_any_year_to_go_on_stays_unread():
    assert [d.first for d in find_dates("On Boxing Day he left.")] == []


@pytest.mark.parametrize("text, anchor, first", [
    ("The ministers meet in Munich this weekend.", date(2025, 2, 10), date(2025, 2, 15)),
    ("She will go there next weekend.", date(2025, 2, 10), date(2025, 2, 15)),
    ("He met the rebels last weekend.", date(2025, 2, 12), date(2025, 2, 8)),
    ("They spent the weekend in Rome.", date(2025, 2, 12), date(2025, 2, 8)),
])
def test_a_weekend_is_its_saturday_and_sunday(text, anchor, first):
    assert days_in(text, anchor) == [(first, first + timedelta(days=1))]


def test_a_holiday_dates_the_stop_it_is_attached_to():
    trip = trip_of("Title: Minister to tour the Gulf\nDate: 2023-12-28\n\n"
                   "The Foreign Minister will be in Muscat from December 30 to 31. "
                   "On New Year's Day, she will travel to Manama for talks with the Crown "
                   "Prince of Bahrain.")
    assert [(s.country_code, s.start) for s in trip.stops] == [("OM", date(2023, 12, 30)),
                                                               ("BH", date(2024, 1, 1))]


def test_a_weekend_in_a_preview_counts_from_the_day_the_text_has_reached():
    trip = trip_of("Title: The Pope's journey\nDate: 2025-03-03\n\n"
                   "Pope Leo will visit Portugal from March 20 to 24. On March 20 he will meet "
                   "the President in Lisbon. The following day he will fly to Porto. He will "
                   "then spend the weekend in Coimbra, before flying home on Monday.")
    coimbra = next(s for s in trip.stops if s.city == "Coimbra")
    assert coimbra.start == date(2025, 3, 22)
