"""Leaders met at each stop: kinds of fault found on set19 and set20 (round 11), one test
each, in our own wording.

Each kind is about how English news and state-visit reports name the people met, not about
the words of one sentence: an office "of" a place below a country, with its holder after a
comma or in brackets and a form of address ("the Lord Mayor of Lyon, Monsieur X", "the
Minister President of Saxony (Mr X)"), where the place is never the person; a meal given for
the traveller by someone ("Lunch given by ...", "X hosted a banquet in her honour"); a second
person met in a clause that leaves out its verb ("met X in Paris on Monday and Y in Berlin
on Tuesday"); leaders the traveller arrives with ("arrived in Kyiv with President A and
Chancellor B"), who travel with them, whatever their country, and are not met; and a country
named only inside an office ("met former President of the United States X"), which is not
where the meeting is.
"""

from __future__ import annotations

import warnings

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def leaders(trip) -> list[tuple[str, list[str]]]:
    return [(s.city, [leader.name for leader in s.leaders]) for s in trip.stops]


@pytest.mark.parametrize("holder", ["(Mr Bodo Lindner)", "(Herr Bodo Lindner)",
                                    ", Herr Bodo Lindner,"])
def test_the_place_of_an_office_is_not_the_person_met(holder):
    trip = trip_of(
        "Title: President ends German tour\nDate: 2019-05-10\n\n"
        "French President Jean Dupont toured Germany this week. On Thursday he was received "
        f"by the Minister President of Bavaria {holder} in Munich.\n")
    assert leaders(trip) == [("Munich", ["Bodo Lindner"])]


@pytest.mark.parametrize(("office", "name"), [
    ("the Lord Mayor of Lyon, Monsieur Gérard Colomb", "Gérard Colomb"),
    ("the Archbishop of Lyon, Monsignor Paul Barbier", "Paul Barbier"),
    ("the Mayor of the City of Lyon (Mr Gérard Colomb)", "Gérard Colomb"),
])
def test_an_office_of_a_stop_place_with_its_holder_after_it_is_met(office, name):
    trip = trip_of(
        "Title: King visits France\nDate: 2016-04-20\n\n"
        "King Philippe of Belgium arrived in Lyon on Tuesday for a two-day visit. "
        f"He was welcomed at the town hall by {office}.\n")
    assert leaders(trip) == [("Lyon", [name])]


def test_a_meal_given_by_a_host_is_a_meeting_not_the_traveller():
    trip = trip_of(
        "Title: State Visit to Germany\nDate: 2015-06-20\n\n"
        "The Queen will pay a State Visit to Germany next week.\n\n"
        "THURSDAY 25th JUNE - MUNICH (BAVARIA)\n\n"
        "The Queen flies to Munich.\n"
        "Luncheon given by the Minister-President of Bavaria, Herr Karl Brandt.\n")
    assert leaders(trip) == [("Munich", ["Karl Brandt"])]
    assert trip.traveler != "Karl Brandt"


@pytest.mark.parametrize("verb", ["met", "met with"])
def test_a_second_person_met_in_a_clause_without_its_verb(verb):
    trip = trip_of(
        "Title: Minister tours Asia\nDate: 2023-03-10\n\n"
        f"Foreign Minister Anna Berg toured Asia this week. She {verb} Fumio Kishida in Tokyo "
        "on Monday and Yoon Suk Yeol in Seoul on Wednesday.\n")
    assert leaders(trip) == [("Tokyo", ["Fumio Kishida"]), ("Seoul", ["Yoon Suk Yeol"])]


def test_a_portfolio_list_after_an_office_is_not_a_name():
    trip = trip_of(
        "Title: Minister visits Chile\nDate: 2024-02-20\n\n"
        "Foreign Minister Anna Berg will visit Santiago on February 23, where she will hold "
        "talks with Mr. Alberto van Klaveren, Minister of Foreign Affairs, International "
        "Trade and Cooperation.\n")
    assert leaders(trip) == [("Santiago", ["Alberto van Klaveren"])]


def test_leaders_the_traveller_arrives_with_travel_with_them_and_are_not_met():
    trip = trip_of(
        "Title: Three leaders in Lithuania\nDate: 2023-06-16\n\n"
        "Spanish Prime Minister Luis Ortega has arrived in Vilnius with Polish President Jan "
        "Nowak and Dutch Prime Minister Pieter Visser, the first joint visit by the three "
        "leaders. Late in the morning they were driven to Kaunas. Ortega, Nowak and Visser "
        "stopped at a war memorial there. They then returned to Vilnius for talks with "
        "President Gitanas Nauseda.\n")
    assert leaders(trip) == [("Vilnius", ["Gitanas Nauseda"]), ("Kaunas", [])]


@pytest.mark.parametrize("office", ["former President of Brazil",
                                    "former President of the Federative Republic of Brazil"])
def test_a_country_inside_an_office_is_not_where_the_meeting_is(office):
    # (the narrative's stop is: "There he met ..." after arriving in the second city)
    trip = trip_of(
        "Title: Petrov back from Brazil\nDate: 2019-06-06\n\n"
        "Russian President Ivan Petrov has returned to Moscow from a visit to Brazil. On Monday "
        "he held talks in Brasilia with President Ana Souza. The next day the Russian leader "
        f"arrived in Rio de Janeiro. There he met with {office} Carlos Lima.\n")
    assert leaders(trip) == [("Brasília", ["Ana Souza"]), ("Rio de Janeiro", ["Carlos Lima"])]


@pytest.mark.parametrize(("host", "meal"), [
    ("President Nguyen Van Minh", "hosted a banquet in her honour"),
    ("Nguyen Van Minh", "hosted a banquet in her honour"),
    ("President Nguyen Van Minh", "gave a dinner for her"),
    ("President Nguyen Van Minh", "hosts a state banquet"),
    ("President Nguyen Van Minh", "hosted a dinner for his party's leaders"),
])
def test_a_host_who_gives_a_meal_for_the_traveller_is_met(host, meal):
    trip = trip_of(
        "Title: Rojas in Vietnam\nDate: 2019-06-10\n\n"
        "Chilean President Ana Rojas arrived in Hanoi on Saturday for a state visit. That "
        f"evening {host} {meal}.\n")
    met = [] if "party's" in meal else ["Nguyen Van Minh"]
    assert leaders(trip) == [("Hanoi", met)]
