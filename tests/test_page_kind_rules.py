"""Pages that are not one plain article: a newsletter with several items, a blog post, a
programme of engagements. Each test is a short text of our own wording with its right
reading."""

from __future__ import annotations

import warnings

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip
from dashboard.models import ArticleError


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def stops(trip) -> list[tuple[str, str | None]]:
    return [(s.country_code, s.city) for s in trip.stops]


# ---------------------------------------------------------------- a newsletter's sections

NEWSLETTER = ("Title: The Morning Note - 9 May 2019\nDate: 2019-05-09\n\nTHE MORNING NOTE\n"
              "Thursday, 9 May 2019\n\nHello. A chancellor in the desert, and rain at last.\n\n"
              "--- TOP STORY ---\nTHE DESERT ROUTE\n\nChancellor Maria Lind flew to Amman "
              "yesterday for talks with Prime Minister Sami Haddad, then went on to Cairo.\n\n"
              "--- ALSO TODAY ---\n* Rain is forecast for the weekend.\n")


def test_a_newsletters_top_story_label_after_its_greeting_opens_the_story():
    trip = trip_of(NEWSLETTER)
    assert stops(trip) == [("JO", "Amman"), ("EG", "Cairo")]
    assert [leader.name for leader in trip.stops[0].leaders] == ["Sami Haddad"]


def test_a_top_stories_list_after_an_article_stays_a_trailer():
    text = ("Date: 2019-05-09\n\nChancellor Maria Lind flew to Amman on Wednesday for talks "
            "on water and trade with Jordanian officials, her first visit to the region "
            "since taking office, and will go on to Cairo on Friday.\n\nTop stories\n\n"
            "- Prime Minister Ali Demir arrives in Tokyo\n")
    assert [code for code, _city in stops(trip_of(text))] == ["JO", "EG"]


def test_a_page_with_no_trip_before_or_after_its_label_still_has_none():
    text = ("Date: 2019-05-09\n\nHello. Rain at last.\n\n--- TOP STORY ---\n"
            "Markets rose on Wednesday as oil prices fell.\n")
    with pytest.raises(ArticleError, match="no visited place"):
        trip_of(text)


# ---------------------------------------------------------------- a list of engagements

ENGAGEMENTS = ("Title: The King in Canada: the list of engagements\nDate: 2009-05-20\n\n"
               "Below is the Palace's list of engagements as carried out.\n\nOTTAWA\n\n"
               "Monday 11 May\n- Arrival at the airport. Received by the Governor General, "
               "Ms Ana Lopes.\n- The King and the Queen stay at Rideau Hall.\n\nHALIFAX\n\n"
               "Wednesday 13 May\n- Received by the Premier of Nova Scotia, Mr Tom Reed.\n"
               "- A walk along the harbour.\n\nThursday 14 May\n- A visit to a school.\n"
               "- Departure from Halifax.\n")


def test_a_city_heading_above_day_headings_is_a_stop_for_those_days():
    trip = trip_of(ENGAGEMENTS)
    assert stops(trip) == [("CA", "Ottawa"), ("CA", "Halifax")]
    assert [(str(s.start), str(s.end)) for s in trip.stops] == [
        ("2009-05-11", "2009-05-11"), ("2009-05-13", "2009-05-14")]
    assert [[leader.name for leader in s.leaders] for s in trip.stops] == [
        ["Ana Lopes"], ["Tom Reed"]]


def test_a_city_heading_above_prose_is_no_stop():
    text = ("Date: 2009-05-20\n\nThe minister flew to Ottawa on Monday for talks.\n\nHALIFAX\n\n"
            "The port's new terminal opened on Tuesday, officials said.\n")
    assert stops(trip_of(text)) == [("CA", "Ottawa")]


# ---------------------------------------------------------------- a sovereign by title alone

def test_a_sovereign_the_text_calls_by_title_alone_is_the_sovereign_of_the_day():
    text = ("Date: 2011-10-20\n\nThe Queen and the Duke fly to Ottawa today. The Queen opens "
            "the new wing of the national gallery on Friday. The Queen will return to London "
            "on Sunday.\n")
    trip = trip_of(text)
    assert trip.traveler == "Elizabeth II"
    assert stops(trip) == [("CA", "Ottawa")]  # London is the Queen's home
    text = ("Date: 2015-09-20\n\nThe Pope flew to Havana on Saturday. The Pope meets President "
            "Raul Castro on Sunday. The Pope will go on to Washington on Tuesday.\n")
    assert trip_of(text).traveler == "Francis"


def test_a_sovereign_by_title_is_called_by_the_regnal_name_too():
    # ("Charles and Queen Camilla flew": the regnal name alone is the traveller as well)
    text = ("Date: 2023-11-03\n\nThe King has left Ghana at the end of a four-day state "
            "visit, in which he spoke of abuses under British rule.\n\nCharles and Queen "
            "Camilla flew out of Kumasi on Friday afternoon.\n\n"
            "The royal couple arrived in Accra late on Monday. The following day President "
            "Kofi Mensah welcomed them with a ceremony at the Jubilee House, and that evening "
            "the King told a state banquet that trade would grow.\n\nOn Thursday "
            "the royal couple flew to Kumasi, where the King met veterans.\n")
    trip = trip_of(text)
    assert trip.traveler == "Charles III"
    assert stops(trip) == [("GH", "Accra"), ("GH", "Kumasi")]
    assert [[leader.name for leader in s.leaders] for s in trip.stops] == [["Kofi Mensah"], []]


# ---------------------------------------------------------------- a verb the tagger misreads

def test_heads_for_a_place_is_travel_even_where_the_tagger_reads_a_noun():
    trip = trip_of("Date: 2007-12-15\n\nPresident Ana Costa heads for Madrid this weekend.\n")
    assert stops(trip) == [("ES", "Madrid")]
    trip = trip_of("Date: 2007-12-15\n\nAfter five days in Paris, President Ana Costa packs up "
                   "this weekend and heads for Madrid, where the king will receive her.\n")
    assert stops(trip) == [("FR", "Paris"), ("ES", "Madrid")]


# ---------------------------------------------------------------- an itinerary's items

def test_an_itinerary_item_headed_by_its_city_and_days_is_a_stop():
    text = ("Date: 2019-04-22\n\nFACTBOX - The chancellor's visit to India\n\nBERLIN, April 22 - "
            "Chancellor Ana Costa leaves for India on Tuesday. Key facts about the trip:\n\n"
            "ITINERARY\n-- NEW DELHI, Tuesday-Wednesday: talks with Prime Minister Ravi Rao.\n"
            "-- MUMBAI, Thursday: Costa and Rao are to be joined by President Sami Haddad of "
            "Lebanon and President Omar Diallo of Senegal at a trade forum.\n")
    trip = trip_of(text)
    assert stops(trip) == [("IN", "New Delhi"), ("IN", "Mumbai")]
    assert [(str(s.start), str(s.end)) for s in trip.stops] == [
        ("2019-04-23", "2019-04-24"), ("2019-04-25", "2019-04-25")]


ROYAL_TOUR = ("Date: 2019-10-03\n\nThe Prince flew home last night. He did not go back to "
              "Lesotho, where his charity works.\n\nKENYA - NAIROBI\n\nMonday 23 September\n"
              "- A visit to a school.\n\nTuesday 24 September\n- Talks with President Tom Reed."
              "\n\nRWANDA\n- A visit to a national park.\n\nUGANDA\n- Kampala: meeting with "
              "President Ali Musa.\n\nKENYA - MOMBASA\n\nTuesday 1 October\n- A walk in the "
              "port.\n\nWednesday 2 October\n- Farewell call on the governor.\n")


def test_country_and_city_headings_of_a_programme_are_its_stops_in_order():
    trip = trip_of(ROYAL_TOUR)
    assert [code for code, _city in stops(trip)] == ["KE", "RW", "UG", "KE"]
    assert [s.city for s in trip.stops if not s.city_inferred] == ["Nairobi", "Kampala",
                                                                  "Mombasa"]
    # (a section without a day heading has no day: the day before it is over)
    assert [str(s.start) for s in trip.stops] == ["2019-09-23", "None", "None", "2019-10-01"]


def test_a_topic_heading_above_bullets_on_a_page_with_no_programme_is_no_stop():
    text = ("Date: 2019-10-03\n\nPresident Ana Costa flew to Lima on Monday.\n\nUKRAINE\n"
            "- Shelling went on near the front.\n\nGAZA\n- Talks on a truce resumed.\n")
    assert stops(trip_of(text)) == [("PE", "Lima")]


def test_a_return_the_text_denies_makes_no_home():
    from dashboard.extraction.home_country import NOT_BEFORE
    assert NOT_BEFORE.search("the Duke did not go ")
    assert not NOT_BEFORE.search("the Duke will go ")


# ---------------------------------------------------------------- a programme's own country

HOST_PROGRAMME = ("Title: State Visit to the United Kingdom: outline programme\n"
                  "Date: 2014-04-07\n\n"
                  "Office of the President | President of Ireland\n"
                  "STATE VISIT TO THE UNITED KINGDOM\nPresident Ana Costa\n\n"
                  "TUESDAY 8 APRIL 2014\n\nMorning      Arrival in Windsor.\n"
                  "Afternoon    Travel to London.\nEvening      Return to Windsor.\n\n"
                  "WEDNESDAY 9 APRIL 2014\n\nMorning      Travel to London.\n")


def test_a_programme_in_the_named_country_takes_that_countrys_namesake_town():
    # Windsor, Ontario is the bigger town; the page names only the United Kingdom
    trip = trip_of(HOST_PROGRAMME)
    assert {code for code, _city in stops(trip)} == {"GB"}
    assert ("GB", "Windsor") in stops(trip)


def test_the_travellers_title_of_a_country_makes_it_home_and_a_return_to_a_stop_does_not():
    from dashboard.extraction.facts import TripState
    from dashboard.extraction.home_country import home_country
    from dashboard.extraction.trip import STEPS
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        state = TripState(read_article_text("a.txt", HOST_PROGRAMME),
                          read_article_text("a.txt", HOST_PROGRAMME).text)
        for step in STEPS:
            step(state)
            if step.__name__ == "choose_traveller":
                break
    assert home_country(state.traveller, state.active, state.text,
                        state.article.body_start) == ("IE", True)


# ---------------------------------------------------------------- a roundup by person

ROUNDUP = ("Date: 2022-04-12\n\nDIPLOMACY ROUNDUP\n\nANA COSTA: FROM LIMA TO QUITO\n\n"
           "Chancellor Ana Costa flew to Quito yesterday for talks with President Luis Vega.\n\n"
           "The Quito trip followed a visit to Peru on Saturday, when Costa was in Lima.\n\n"
           "MARIA SILVA: A TRAIN TO CUSCO\n\nThe Commission president was in Peru on Friday, "
           "travelling by train to Cusco. Her envoy would return to Lima in May.\n")


def test_a_roundups_section_on_another_person_tells_their_travel_not_the_travellers():
    trip = trip_of(ROUNDUP)
    assert [(s.city, str(s.start)) for s in trip.stops] == [("Lima", "2022-04-09"),
                                                            ("Quito", "2022-04-11")]


# ---------------------------------------------------------------- a parliament's record

def test_a_ministers_statement_in_a_parliament_record_is_the_members_trip():
    text = ("Title: Peru (Foreign Secretary's visit) - statement\nDate: 2012-01-10\n\nPeru\n\n"
            "12.31 pm\n\nThe Secretary of State for Foreign Affairs (Ms Ana Costa): With "
            "permission, Mr Speaker, I should like to make a statement on my visit to Peru.\n\n"
            "On Thursday 5 January I travelled to Lima, where I held talks with President Luis "
            "Vega. The following day, in Cusco, I met Daw Rosa Mar Diaz at her home.\n\n"
            "Mr Tom Reed (Leeds North) (Lab): I thank the Foreign Secretary.\n")
    trip = trip_of(text)
    assert trip.traveler == "Ana Costa"
    assert [(s.city, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("Lima", ["Luis Vega"]), ("Cusco", ["Rosa Mar Diaz"])]


# ---------------------------------------------------------------- a travel diary

DIARY = ("Title: Official visit to Peru\nDate: 2024-02-23\n\nTravel diary\n\n"
         "Day 1 - Wednesday 21 February - Lima\n\nThe Prime Minister landed in Lima for the first "
         "visit of a Greek Prime Minister to Peru in fifteen years.\n\nTalks with Prime Minister "
         "Luis Vega at the Palace, first in a restricted format and then with the delegations."
         "\n\nIn the evening, the Prime Minister delivered the address at the forum.\n\n"
         "Day 2 - Thursday 22 February - Cusco\n\nFlight to Cusco. The Prime Minister addressed a "
         "business forum.\n\nDeparture for Athens.\n")


def test_a_host_met_with_the_travellers_office_is_not_the_traveller():
    trip = trip_of(DIARY)
    assert trip.traveler != "Luis Vega"
    assert [leader.name for leader in trip.stops[0].leaders] == ["Luis Vega"]


def test_a_programmes_closing_departure_to_a_new_place_is_the_way_home():
    assert stops(trip_of(DIARY)) == [("PE", "Lima"), ("PE", "Cusco")]


def test_the_office_of_a_country_someone_meets_is_not_the_travellers():
    text = ("Date: 2023-06-09\n\nCommission President Ana Costa will travel to Brazil on 12 "
            "June. In Brasilia she will meet the President of Brazil.\n")
    assert [code for code, _city in stops(trip_of(text))] == ["BR"]
