"""Two coordinated verbs, the second a move: "met X on Monday and travelled to Y on
Wednesday". What the first verb holds (the person met, its day) comes before the move, at
the stop the narrative was at; the destination and its own day are the later verb's
(`grammar.later_move`, used by `leader_places.moves_on_by_conjunct` and
`date_targets.before_the_move`). Texts of our own wording.
"""

from __future__ import annotations

import warnings
from datetime import date

from dashboard.articles import find_text_date, read_article_text
from dashboard.extraction import extract_trip, grammar
from dashboard.extraction.nlp import parse_lines


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def stops(trip) -> list[tuple]:
    return [(s.country_code, s.city, s.start, [leader.name for leader in s.leaders])
            for s in trip.stops]


def test_the_person_and_day_of_the_first_verb_belong_to_the_stop_before_the_move():
    trip = trip_of(
        "Date: 2016-06-18\n\nSwedish Prime Minister Karin Lindqvist flew to Tokyo on Sunday "
        "at the start of a week-long Asian tour. She met Prime Minister Shinzo Abe on Monday "
        "and travelled to Seoul on Wednesday for talks with President Park Geun-hye. The tour "
        "ends in Beijing on Friday.\n")
    assert stops(trip) == [
        ("JP", "Tokyo", date(2016, 6, 12), ["Shinzo Abe"]),
        ("KR", "Seoul", date(2016, 6, 15), ["Park Geun-hye"]),
        ("CN", "Beijing", date(2016, 6, 17), []),
    ]
    assert trip.stops[0].end >= date(2016, 6, 13)  # Monday's meeting was in Tokyo


def test_a_leader_met_before_heading_on_is_met_where_the_traveller_was():
    trip = trip_of(
        "Date: 2015-05-07\n\nU.S. Secretary of State John Kerry arrived in Abuja on Tuesday. "
        "Kerry met President Muhammadu Buhari and later headed to Nairobi, where he met "
        "President Uhuru Kenyatta on Wednesday.\n")
    assert [(s.country_code, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("NG", ["Muhammadu Buhari"]), ("KE", ["Uhuru Kenyatta"])]


def test_a_fronted_day_covers_both_verbs():
    # (a guard: "On Thursday" opens the sentence, so the move is that day too)
    trip = trip_of(
        "Date: 2016-03-21\n\nPresident Lindqvist arrives in Lima on Wednesday. On Thursday "
        "she will visit a museum in Lima and then fly to Cusco.\n")
    assert [(s.city, s.start) for s in trip.stops] == [
        ("Lima", date(2016, 3, 23)), ("Cusco", date(2016, 3, 24))]


def test_a_move_with_no_day_of_its_own_is_the_same_day():
    # (a guard: nothing dates the move, so it happens the day the first verb gives)
    trip = trip_of(
        "Date: 2007-10-05\n\nPresident Lindqvist crossed the border on the morning of "
        "2 October and travelled by road to Kaunas, where she was welcomed by the mayor.\n")
    assert [(s.city, s.start) for s in trip.stops][-1] == ("Kaunas", date(2007, 10, 2))


def test_later_move_reads_the_parse():
    text = "She met Prime Minister Shinzo Abe on Monday and travelled to Seoul on Wednesday."
    span = parse_lines(text).span(0, len(text))
    assert grammar.later_move(span, text.index("Abe"), text.index("Seoul")) == \
        text.index("travelled")
    assert grammar.later_move(span, text.index("Monday"), text.index("Seoul")) is not None
    assert grammar.later_move(span, text.index("Wednesday"), text.index("Seoul")) is None
    other = "She met the mayor and visited a school in Seoul."  # no move: both in Seoul
    span = parse_lines(other).span(0, len(other))
    assert grammar.later_move(span, other.index("mayor"), other.index("Seoul")) is None


def test_a_numbered_issue_line_dates_the_page():
    found, basis = find_text_date("THE WEEK IN WORLD POLITICS\nNewsletter No. 212 - 14 June "
                                  "2016\n\nIn this issue: trade talks.\n")
    assert found == date(2016, 6, 14), basis
    # (a sentence with a full stop is still no date line)
    assert find_text_date("He said so. On 14 June 2016 the talks ended in Geneva.\n")[0] is None
