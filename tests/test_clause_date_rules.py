"""Dates and stop order read from the clause a date or place hangs from, in texts of our
own wording: a fronted "After talks in X on Monday, ..." phrase (an event noun, not only a
verb, after "after"/"before": `grammar.governing_clause`), ...
"""

from __future__ import annotations

import warnings
from datetime import date

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip, grammar
from dashboard.extraction.nlp import parse_lines


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def starts(trip) -> list[tuple]:
    return [(s.country_code, s.city, s.start) for s in trip.stops]


def clause_at(sentence: str, word: str) -> str:
    span = parse_lines(sentence).span(0, len(sentence))
    return grammar.governing_clause(span, sentence.index(word))


def test_a_fronted_after_phrase_keeps_its_own_day_and_place():
    trip = trip_of(
        "Date: 2024-03-13\n\nAfter talks in Cairo on Monday, Turkish Foreign Minister Ahmet "
        "Demir travelled to Amman, where he met King Abdullah II on Tuesday.\n")
    assert starts(trip) == [("EG", "Cairo", date(2024, 3, 11)),
                            ("JO", "Amman", date(2024, 3, 12))]


def test_an_after_phrase_with_a_meeting_noun_dates_its_city():
    trip = trip_of(
        "Date: 2022-10-07\n\nFollowing a stop in Vienna, Chilean Foreign Minister Rosa Pinto "
        "flew to Prague on Thursday. After a meeting in Prague on Thursday with President "
        "Milos Zeman, she travelled on to Warsaw on Friday.\n")
    assert [(s.country_code, s.start) for s in trip.stops][-2:] == [
        ("CZ", date(2022, 10, 6)), ("PL", date(2022, 10, 7))]


def test_the_event_noun_of_after_holds_its_places_not_a_clause_on_it():
    sentence = ("Bhutto, who arrived in the capital Monday evening, told reporters after the "
                "meeting that the United States should return the money.")
    assert clause_at(sentence, "United States") == ""
    assert clause_at(sentence, "Monday") == ""
    assert clause_at("After talks in Cairo on Monday, he travelled to Amman.", "Cairo") == \
        "after"
    assert clause_at("After talks in Cairo on Monday, he travelled to Amman.", "Monday") == \
        "after"
    assert clause_at("After talks in Cairo on Monday, he travelled to Amman.", "Amman") == ""
