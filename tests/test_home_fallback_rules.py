"""Home country and the visitor among hosts, of our own wording. Institutions a text names
("the White House", "the Capitol") vote for a home only as long as the trip still goes
somewhere: when every place the text sends the traveller to, headline included, is in that
country and nothing the text says of the traveller makes it theirs, there is no known home
rather than no trip (`home_country.home_country`). The guest a host welcomes with a
ceremony is the visitor (`traveller_grammar`).
"""

from __future__ import annotations

import warnings
from datetime import date

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def test_a_visitor_among_the_hosts_institutions_keeps_the_trip() -> None:
    trip = trip_of(
        "Title: Lindqvist in Washington as storm hits capital\nDate: 2012-10-30\n\n"
        "Lindqvist in Washington as storm hits capital\n\n"
        "The Prime Minister, Karin Lindqvist, was at her hotel near the White House yesterday "
        "when the storm closed federal offices. On Monday she had met President Barack Obama "
        "at the White House. Her address to Congress at the Capitol has been postponed.\n")
    assert [(s.country_code, s.city, s.start, [x.name for x in s.leaders])
            for s in trip.stops] == [("US", "Washington", date(2012, 10, 29), ["Barack Obama"])]


def test_a_home_the_text_gives_the_traveller_stays_home() -> None:
    # (a guard: "U.S. Secretary" makes the United States the traveller's, so a speech at
    # home is no trip)
    trip = trip_of(
        "Date: 2012-10-30\n\nU.S. Secretary of State Jane Rowe spoke at the White House on "
        "Monday. She flies to Ottawa on Friday.\n")
    assert [s.country_code for s in trip.stops] == ["CA"]


def test_the_guest_a_host_welcomes_with_a_ceremony_is_the_traveller() -> None:
    # (the host speaks most; "welcomed X with a full arrival ceremony" says who visits,
    # even where the guest is named by surname alone)
    trip = trip_of(
        "Title: Trade pact gets a send-off\nDate: 2011-10-14\n\nWASHINGTON - President Barack "
        "Obama said on Thursday the new trade pact would create jobs. Obama welcomed "
        "Lindqvist with a full arrival ceremony on the South Lawn of the White House and held "
        "talks with her in the Oval Office. Obama said the deal was historic. Obama also "
        "praised Congress. Swedish Prime Minister Karin Lindqvist said the pact was a "
        "milestone.\n")
    assert trip.traveler == "Karin Lindqvist"
    assert [(s.country_code, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("US", ["Barack Obama"])]


def test_a_visit_by_an_office_of_a_nationality_gives_the_untitled_traveller_a_home() -> None:
    # (the White House and the Capitol name the host's institutions; "the first visit to
    # Chile by a serving Swedish prime minister" says whose trip it is)
    trip = trip_of(
        "Title: Karin Lindqvist (section: Washington signing and visit to Chile)\n\n"
        "On 13 May 2011 Karin Lindqvist attended the signing at the White House in Washington "
        "and met President Barack Obama. The treaty went to the Capitol the next week.\n\n"
        "The following day Lindqvist flew to Chile, where she was received by President "
        "Pablo Rivas in Santiago. It was the first visit to Chile by a serving Swedish prime "
        "minister.\n")
    assert [s.country_code for s in trip.stops] == ["US", "CL"]


def test_someone_elses_visit_by_an_office_gives_no_home() -> None:
    # (a guard: "Rivas's visit to Sweden, the first by a Chilean president" is Rivas's)
    trip = trip_of(
        "Date: 2011-05-20\n\nKarin Lindqvist flew to Santiago on Monday and met President "
        "Pablo Rivas. Rivas's visit to Sweden last year, the first by a Chilean president, "
        "opened talks.\n")
    assert [s.country_code for s in trip.stops] == ["CL"]
