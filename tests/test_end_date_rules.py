"""End dates by kind (issue 9; the convention of ../shared/articles): one stated activity
day is the stop's start and end; an arrival alone leaves the end open. Our own wording."""

from __future__ import annotations

import warnings
from datetime import date

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


SIDE_TRIP = ("Title: The Commissioner travels to Jordan and Iraq\nDate: 2025-05-02\n\n"
             "The European Commissioner will travel to Jordan and Iraq from 5 to 9 May.\n\n"
             "On Monday, the Commissioner will be in Amman for talks with the government. "
             "She will also travel to Aqaba to visit the port.\n\n"
             "On Wednesday and Thursday, the Commissioner will be in Iraq.")


def test_a_side_trip_of_a_dated_paragraph_is_that_one_day():
    stops = {s.city: (s.start, s.end) for s in trip_of(SIDE_TRIP).stops}
    assert stops["Aqaba"] == (date(2025, 5, 5), date(2025, 5, 5))


def test_an_arrival_before_a_gap_keeps_its_end_open():
    # the day she arrives is stated, when she leaves is not (the next stop is days later)
    trip = trip_of(SIDE_TRIP.replace(" She will also travel to Aqaba to visit the port.", "")
                   .replace("On Monday, the Commissioner will be in Amman for talks with the "
                            "government.", "On Monday, the Commissioner will arrive in "
                            "Amman."))
    amman = next(s for s in trip.stops if s.city == "Amman")
    assert (amman.start, amman.end) == (date(2025, 5, 5), None)
