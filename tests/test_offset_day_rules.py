"""Two small kinds of our own wording: a traveller "due" or "expected" in a place is going
there (`destination_grammar.expected_there`), and a clause a stated number of days from the
sentence's day dates its place by that count (`grammar.day_offset`,
`date_targets.offset_days`).
"""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip, grammar
from dashboard.extraction.nlp import parse_lines

HEAD = "Date: 2024-04-18\n\nHungarian Foreign Minister Peter Varga "


def stops_of(text: str) -> list[tuple]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("article.txt", text))
    return [(s.city, s.start) for s in trip.stops]


@pytest.mark.parametrize("words", ["is due in", "is expected in"])
def test_a_traveller_due_or_expected_somewhere_goes_there(words: str) -> None:
    assert stops_of(HEAD + f"held talks in Sarajevo on Wednesday. He {words} Podgorica "
                    "on Friday.\n") == [("Sarajevo", date(2024, 4, 17)),
                                        ("Podgorica", date(2024, 4, 19))]


@pytest.mark.parametrize("sentence", [
    "He is due back in Budapest on Friday.",            # going home
    "A gas deal is expected in Podgorica on Friday.",   # a thing, not a traveller
])
def test_going_home_or_a_thing_expected_is_no_stop(sentence: str) -> None:
    assert [city for city, _ in stops_of(HEAD + f"held talks in Sarajevo on Wednesday. "
                                         f"{sentence}\n")] == ["Sarajevo"]


@pytest.mark.parametrize(("clause", "expected"), [
    ("a day after meeting President Aleksandar Vucic in Belgrade",
     [("Belgrade", date(2024, 4, 16)), ("Sarajevo", date(2024, 4, 17))]),
    ("two days after visiting Belgrade",
     [("Belgrade", date(2024, 4, 15)), ("Sarajevo", date(2024, 4, 17))]),
    ("a day before travelling to Podgorica",
     [("Sarajevo", date(2024, 4, 17)), ("Podgorica", date(2024, 4, 18))]),
    # (no count: the earlier stop keeps no day rather than a guessed one)
    ("after visiting Belgrade", [("Belgrade", None), ("Sarajevo", date(2024, 4, 17))]),
])
def test_a_counted_clause_dates_its_place(clause: str, expected: list[tuple]) -> None:
    assert stops_of(HEAD + f"arrived in Sarajevo on Wednesday, {clause}.\n") == expected


def test_day_offset_reads_the_parse() -> None:
    text = "He arrived in Sarajevo on Wednesday, two days after visiting Belgrade."
    span = parse_lines(text).span(0, len(text))
    assert grammar.day_offset(span, text.index("Belgrade")) == ("after", 2)
    assert grammar.day_offset(span, text.index("Sarajevo")) is None
