"""Weekdays of a schedule told forwards (issue 9, second round): in a preview each day named
after another comes after it, and a participle ("hosted by") is not the clause's past tense.
Our own wording."""

from __future__ import annotations

import warnings
from datetime import date

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip
from dashboard.extraction.tense import clause_tense


def starts(text: str) -> list[tuple]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("article.txt", text))
    return [(s.country_code, s.start) for s in trip.stops]


# published on a Thursday; the trip runs from the next Sunday over ten days
SCHEDULE = ("Title: Patriarch sets off on a long trip to South America\nDate: 2025-03-06\n\n"
            "The Patriarch leaves Istanbul on Sunday for a ten-day journey to Brazil, Chile "
            "and Peru.\n\n"
            "He lands in Brasilia on Monday, where he will meet President Lula.\n\n"
            "On Thursday he flies to Santiago, where he will be received by the president.\n\n"
            "The Patriarch moves on to Lima on Sunday and meets the president there.\n")


def test_a_weekday_told_after_a_later_one_is_the_next_weeks():
    assert starts(SCHEDULE) == [("BR", date(2025, 3, 10)), ("CL", date(2025, 3, 13)),
                                ("PE", date(2025, 3, 16))]


def test_a_weekday_that_dates_another_event_does_not_start_the_schedule():
    # "his address on Monday" names a day of an event before the trip, not a stop's day
    text = ("Title: Minister to visit Kenya and Uganda\nDate: 2025-03-05\n\n"
            "Following his address on Monday to the parliament, the minister will travel to "
            "Kenya and Uganda.\n\nHe will arrive in Nairobi on Thursday to meet President Ruto."
            "\n\nOn Saturday he will be in Kampala for talks with the government.\n")
    assert starts(text) == [("KE", date(2025, 3, 6)), ("UG", date(2025, 3, 8))]


def test_a_past_clause_breaks_the_schedule():
    # a wrap-up told backwards keeps its days in the past
    text = ("Date: 2025-03-08\n\nThe minister held talks in Lima on Friday. On Wednesday she "
            "had been in Santiago, where she met the president.\n")
    assert sorted(starts(text), key=lambda s: s[1]) == [("CL", date(2025, 3, 5)),
                                                       ("PE", date(2025, 3, 7))]


def test_a_participle_with_by_is_not_the_past_tense_of_the_clause():
    text = "The minister will give a lecture hosted by the university in Lima on Tuesday."
    assert clause_tense(text, text.index("Tuesday")) is True
    text = "The minister gave a lecture in Lima on Tuesday."
    assert clause_tense(text, text.index("Tuesday")) is False


def _days(text: str) -> list[tuple]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("article.txt", text))
    return [(s.country_code, s.start, s.end) for s in trip.stops]


def test_an_events_days_after_the_schedules_day_in_one_sentence_go_on_with_it():
    # published on a Tuesday: the Friday is three days on, the weekend after it, not the
    # weekend just past; the summit's two days end the last stop
    text = ("Title: Premier heads to Europe\nDate: 2025-06-03\n\n"
            "The premier arrives in Madrid on Wednesday for talks with the Spanish prime "
            "minister. He travels on to Lisbon on Thursday, and flies to Brussels on Friday "
            "ahead of the European summit on Saturday and Sunday.\n")
    assert _days(text)[-1] == ("BE", date(2025, 6, 6), date(2025, 6, 8))


def test_a_span_of_two_weekdays_moves_a_week_on_as_one():
    text = ("Title: Premier heads to Asia\nDate: 2025-06-05\n\n"
            "The premier arrives in Tokyo on Friday. He is in Seoul from Monday to "
            "Wednesday.\n")
    assert _days(text)[-1] == ("KR", date(2025, 6, 9), date(2025, 6, 11))


def test_a_weekday_told_after_the_day_the_trip_ends_is_a_day_of_the_trip():
    # the schedule says the tour ends on Saturday; "on Friday" told after that is the
    # Friday of the tour (the day at Accra), not the Friday a week later
    text = ("Title: Premier tours West Africa\nDate: 2025-03-05\n\n"
            "The premier lands in Abuja on Wednesday for talks with President Tinubu.\n\n"
            "On Thursday she flies to Accra, where she will meet President Mahama, and "
            "the tour ends on Saturday in Dakar.\n\n"
            "Trade unions plan a march in Accra on Friday against the new port deal.\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("article.txt", text))
    accra = trip.stops[1]
    assert (accra.city, accra.start, accra.end) == ("Accra", date(2025, 3, 6),
                                                   date(2025, 3, 7))


def test_a_weekday_with_its_part_of_the_day_goes_on_with_the_schedule():
    # "Sunday night" and "Tuesday morning" in a briefing's present tense, told after
    # Saturday: the coming Sunday and Tuesday, not the ones before the briefing (Wednesday)
    text = ("Title: Background call on the Vice President's trip\nDate: 2025-03-05\n\n"
            "OFFICIAL: The Vice President departs Friday evening. Our first stop is Lisbon, "
            "where we arrive Saturday. Then Sunday night we fly to Madrid. Tuesday morning he "
            "meets King Felipe VI at the palace.\n")
    assert starts(text) == [("PT", date(2025, 3, 8)), ("ES", date(2025, 3, 9))]
