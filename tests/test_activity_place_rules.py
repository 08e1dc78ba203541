"""Places where the traveller does something in person, of our own wording: "told reporters
in Canberra", "said on Thursday in Nairobi", "toured a car factory near Munich", "spent
Monday in Doha and Tuesday in Kuwait City" (`activity_grammar.activity_destinations`); the
day of such a statement is that stop's day (`date_targets.spoken_there`); someone else
speaking somewhere is no stop (`others_travel.spoken_by_someone_else`); GeoNames' "Cebu
City" is found as "Cebu" (`places`).
"""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import activity_grammar, extract_trip
from dashboard.extraction.nlp import parse_lines

HEAD = "Date: 2019-05-10\n\nCanadian Foreign Minister Claire Dubois "


def stops_of(body: str) -> list[tuple]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("article.txt", HEAD + body + "\n"))
    return [(s.country_code, s.city, s.start) for s in trip.stops]


@pytest.mark.parametrize(("body", "expected"), [
    ("told reporters in Canberra on Tuesday that the deal was close.",
     [("AU", "Canberra", date(2019, 5, 7))]),
    ("said on Thursday in Nairobi that talks had gone well.",
     [("KE", "Nairobi", date(2019, 5, 9))]),
    ("toured a car factory near Munich on Tuesday.", [("DE", "Munich", date(2019, 5, 7))]),
    ("spent Monday in Doha and Tuesday in Kuwait City.",
     [("QA", "Doha", date(2019, 5, 6)), ("KW", "Kuwait City", date(2019, 5, 7))]),
    ("arrived in Manila on Monday. Speaking in Cebu on Tuesday, she praised the relief "
     "effort.", [("PH", "Manila", date(2019, 5, 6)), ("PH", "Cebu", date(2019, 5, 7))]),
])
def test_a_place_where_the_traveller_does_something_is_a_stop(body: str,
                                                              expected: list) -> None:
    assert stops_of(body) == expected


@pytest.mark.parametrize("aside", [
    # another named person speaking somewhere
    "Chinese foreign ministry spokesperson Li Na told a regular briefing in Beijing that "
    "the visit was welcome.",
    # a thing, not a person, does it
    "Airbus said it would open a second assembly line in Tianjin.",
    # a statement on one day about travel on another
    "She said on Tuesday that Ottawa would send an envoy to Beijing.",
])
def test_someone_or_something_else_in_a_place_is_no_stop(aside: str) -> None:
    assert [city for _, city, _ in stops_of(f"arrived in Tokyo on Monday. {aside}")] == \
        ["Tokyo"]


def test_a_statement_about_a_later_flight_keeps_its_day_off_the_stop() -> None:
    # (the place is the flight's, not the statement's: Friday is Osaka's, Tuesday no one's)
    assert stops_of("arrived in Tokyo on Monday. She said on Tuesday that she will fly to "
                    "Osaka on Friday.") == [("JP", "Tokyo", date(2019, 5, 6)),
                                            ("JP", "Osaka", date(2019, 5, 10))]


@pytest.mark.parametrize(("sentence", "places"), [
    ("She told reporters in Canberra on Tuesday that the deal was close.", ["Canberra"]),
    ("He spent Monday in Doha and Tuesday in Kuwait City.", ["Doha", "City"]),
    ("The speech was watched in Canberra by millions.", []),       # passive: not the doer
    ("Airbus said it would open a second line in Tianjin.", []),   # "open": companies do
    ("It was said in Canberra that the deal was close.", []),      # no person speaks
    ("She spoke by video link to a meeting in Geneva.", []),       # remote
    ("She spoke in Ottawa last year about the treaty.", []),       # another trip
])
def test_activity_destinations_read_the_parse(sentence: str, places: list[str]) -> None:
    span = parse_lines(sentence).span(0, len(sentence))
    assert [sentence[d.start:d.end] for d in activity_grammar.activity_destinations(span)] \
        == places
