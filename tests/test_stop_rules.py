"""Which places are stops, and in what order: rules over the parse and the gazetteer.

Each test is a short text of our own wording of one grammatical kind, with its right
reading (see `dashboard/extraction/stop_grammar.py`, `cities.py`, `places.py`).
"""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip, stop_grammar
from dashboard.extraction.nlp import parse_lines


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def countries(trip) -> list[str]:
    return [s.country_code for s in trip.stops]


def cities(trip) -> list[tuple[str, str | None]]:
    return [(s.country_code, None if s.city_inferred else s.city) for s in trip.stops]


def span_of(text: str):
    return parse_lines(text, 0, spans=[(0, len(text))]).span(0, len(text))


# ---------------------------------------------------------------- asked, not told

def test_a_place_only_asked_about_in_a_question_is_not_a_stop():
    trip = trip_of(
        "Date: 2024-03-04\n\nThe Secretary will travel to Ghana and Senegal this week. "
        "In Accra he will meet President Akufo-Addo.\n\n"
        "QUESTION: Will the Secretary also stop in Nigeria on the way back?\n")
    assert countries(trip) == ["GH", "SN"]


def test_a_place_in_an_indirect_whether_clause_is_not_a_stop():
    trip = trip_of(
        "Date: 2024-03-04\n\nThe Secretary-General will travel to Kenya on Monday. "
        "Asked whether he might also go to Uganda or Rwanda during the trip, the spokesman "
        "declined to comment.\n")
    assert countries(trip) == ["KE"]


def test_a_bullet_that_text_extraction_left_as_a_question_mark_is_no_question():
    text = "Ministers to travel to Laos in May . ?"
    assert stop_grammar.asked(span_of(text), text.index("Laos")) is False
    text = "Are ministers going to travel to Laos in May?"
    assert stop_grammar.asked(span_of(text), text.index("Laos")) is True


# ---------------------------------------------------------------- the trip as subject

def test_the_trip_opening_somewhere_makes_it_the_first_stop():
    trip = trip_of(
        "Date: 2023-06-10\n\nThe chancellor returned to Berlin on Friday from a three-nation "
        "tour of South America.\n\n"
        "In Chile she met President Gabriel Boric in Santiago.\n\n"
        "The tour had begun in Buenos Aires, where she held talks with President "
        "Alberto Fernandez.\n")
    assert countries(trip)[:2] == ["AR", "CL"]


def test_the_final_leg_taking_the_traveller_somewhere_is_a_stop():
    text = "The last leg of the tour took her to Lusaka, where she met the president."
    found = stop_grammar.trip_destinations(span_of(text))
    assert [(text[d.start:d.end], d.last) for d in found] == [("Lusaka", True)]


# ---------------------------------------------------------------- an event named after its city

def test_an_event_named_after_its_city_is_where_the_traveller_goes():
    trip = trip_of(
        "Date: 2025-05-26\n\nThe defence minister flew to Tokyo on Monday for talks with his "
        "Japanese counterpart. He will then speak at the Singapore Defence Forum, where "
        "ministers from twenty countries are expected.\n")
    assert cities(trip) == [("JP", "Tokyo"), ("SG", "Singapore")]


# ---------------------------------------------------------------- earlier years

def test_a_clause_dated_to_an_earlier_year_is_another_trip():
    trip = trip_of(
        "Date: 2025-09-01\n\nThe foreign minister is in Hanoi this week for talks on trade. "
        "Her predecessor went to Laos, Cambodia and Thailand in 2022, while in 2023 the prime "
        "minister travelled to Indonesia.\n")
    assert countries(trip) == ["VN"]


def test_a_when_clause_under_an_earlier_year_is_another_trip():
    trip = trip_of(
        "Date: 2025-04-02\n\nThe president arrived in Madrid on Tuesday for a state visit. "
        "He recalled the king's own visit to Mexico in 2019, when the king addressed the "
        "congress in Mexico City and travelled to Oaxaca.\n")
    assert countries(trip) == ["ES"]


# ---------------------------------------------------------------- first in history, not first stop

def test_the_first_visit_by_an_office_holder_is_not_the_first_stop():
    trip = trip_of(
        "Date: 2024-02-01\n\nThe president will travel to Chile and Argentina this month.\n\n"
        "In Santiago he will meet the president. He will then visit Peru, the first visit "
        "by a sitting head of state to the country.\n")
    assert countries(trip)[:2] == ["CL", "PE"]


def test_the_first_visit_since_a_date_is_not_the_first_stop():
    text = "It is her first visit to Ghana since she took office."
    found = grammar_destinations(text)
    assert [(text[d.start:d.end], d.first) for d in found] == [("Ghana", False)]


def grammar_destinations(text: str):
    from dashboard.extraction import destination_grammar
    return destination_grammar.destinations(span_of(text))


# ---------------------------------------------------------------- a city named after its country

def test_a_small_city_named_after_its_country_is_a_stop_of_its_own():
    trip = trip_of(
        "Date: 2024-06-20\n\nThe prime minister spent Thursday in Rome, where he met the "
        "Italian president, and then crossed into Vatican City for an audience with the "
        "pope.\n")
    assert cities(trip) == [("IT", "Rome"), ("VA", "Vatican City")]


# ---------------------------------------------------------------- a name two countries share

def test_congo_next_to_a_congolese_leader_is_the_democratic_republic():
    trip = trip_of(
        "Date: 2023-03-10\n\nSpecial Envoy Mark Hollis held talks with officials in Congo on "
        "Wednesday, two days after Congolese President Felix Tshisekedi called for "
        "sanctions. He arrives in Uganda on Friday.\n")
    assert countries(trip) == ["CD", "UG"]


def test_congo_with_its_capital_brazzaville_named_is_the_republic():
    trip = trip_of(
        "Date: 2023-03-10\n\nThe minister held talks in the Republic of Congo on Wednesday "
        "and flew on to Gabon. Officials in Congo said the visit to Brazzaville was the "
        "first in a decade.\n")
    assert countries(trip) == ["CG", "GA"]


def test_congo_alone_is_the_more_populous_country():
    trip = trip_of("Date: 2023-03-10\n\nThe minister will travel to Congo next week.\n")
    assert countries(trip) == ["CD"]


# ---------------------------------------------------------------- a city that says who someone is

def test_a_city_that_only_places_a_quoted_expert_is_not_the_stops_city():
    trip = trip_of(
        "Date: 2024-05-06\n\nForeign Minister Anna Berg will visit Kenya on Thursday for talks "
        "on trade. \"Kenya wants investment, not loans,\" said Peter Otieno, who teaches "
        "economics at a university in Mombasa.\n")
    assert cities(trip) == [("KE", None)]


def test_a_city_of_an_analysts_institution_is_not_the_stops_city():
    trip = trip_of(
        "Date: 2024-05-06\n\nForeign Minister Anna Berg will visit Brazil on Thursday for "
        "talks on trade. \"Brazil matters,\" said Lucia Prado, an analyst at a Sao Paulo "
        "think tank.\n")
    assert cities(trip) == [("BR", None)]


# ---------------------------------------------------------------- weeks apart: another trip

def test_a_trip_weeks_before_the_story_is_another_trip():
    trip = trip_of(
        "Date: 2024-10-09\n\nThe foreign minister arrived in Nairobi on Wednesday. The visit "
        "comes three weeks after she flew to Addis Ababa for talks on the Horn of Africa.\n")
    assert countries(trip) == ["KE"]


def test_a_leg_a_day_after_another_is_still_this_trip():
    text = "She flew to Accra a day after she travelled to Lome."
    assert stop_grammar.weeks_apart(span_of(text), text.index("Lome")) is False
    text = "She flew to Accra a month after she travelled to Lome."
    assert stop_grammar.weeks_apart(span_of(text), text.index("Lome")) is True


# ---------------------------------------------------------------- leaving one place for the next

def test_leaving_one_stop_later_in_the_day_for_another_city():
    trip = trip_of(
        "Date: 2024-04-17\n\nVILNIUS (AP) - The German foreign minister arrived in Vilnius on "
        "Wednesday for talks with her Lithuanian counterpart. She leaves Vilnius later "
        "Wednesday for Riga, where she will meet Latvia's president on Thursday.\n")
    assert cities(trip) == [("LT", "Vilnius"), ("LV", "Riga")]


def test_leaving_for_home_at_the_end_of_the_visit_is_no_stop():
    text = "The president left Nairobi for Paris at the end of a three-day visit."
    assert stop_grammar.departure_destinations(span_of(text)) == []
    text = "The president left Nairobi for Kampala on Friday."
    assert [text[d.start:d.end] for d in stop_grammar.departure_destinations(
        span_of(text))] == ["Kampala"]


# ---------------------------------------------------------------- an earlier leg told afterwards

def test_an_earlier_leg_in_a_having_clause_comes_first_and_the_narrative_stays_on_the_main():
    trip = trip_of(
        "Date: 2013-10-10\n\nThe Secretary flew into the capital, Jakarta, on Tuesday "
        "evening, having attended a trade forum in the Malaysian city of Ipoh earlier that "
        "day.\n\nOn Wednesday she met President Susilo Bambang Yudhoyono.\n")
    assert cities(trip) == [("MY", "Ipoh"), ("ID", "Jakarta")]
    assert [leader.name for leader in trip.stops[1].leaders] == ["Susilo Bambang Yudhoyono"]


# ---------------------------------------------------------------- the trip that takes or includes

def test_a_trip_that_will_take_the_traveller_on_names_more_stops():
    trip = trip_of(
        "Date: 2022-03-06\n\nThe chancellor arrived in Lisbon on Sunday at the start of a "
        "four-day tour of Europe that will also take her to Madrid and Rome.\n")
    assert countries(trip) == ["PT", "ES", "IT"]


def test_a_tour_that_includes_places_lists_them():
    text = "It is a week-long tour that also includes Chile and Peru."
    found = stop_grammar.trip_destinations(span_of(text))
    assert [text[d.start:d.end] for d in found] == ["Chile", "Peru"]


# ---------------------------------------------------------------- "last Friday" is this week

def test_a_stop_reached_last_friday_is_this_trip_but_last_month_is_not():
    text = "He reached Perth last Friday for the summit."
    assert [text[d.start:d.end] for d in grammar_destinations(text)] == ["Perth"]
    text = "He reached Perth last month for the summit."
    assert grammar_destinations(text) == []


def test_the_place_of_an_occasion_of_an_earlier_year_is_no_stop():
    trip = trip_of("Date: 2025-03-02\n\nThe President of Chile will visit Kenya and "
                   "Tanzania next week. The trip recalls the spirit of the 1966 Tricontinental "
                   "Conference in Valparaiso.\n")
    assert [s.country_code for s in trip.stops] == ["KE", "TZ"]


def test_a_town_naming_a_palace_is_the_venue_and_the_place_after_it_the_city():
    # (the sentence of the kind that failed: the palace of Queluz stands in Sintra)
    trip = trip_of("Date: 2025-06-24\n\nPresident Ana Lopes of Chile landed in Lisbon on "
                   "Friday for a visit to Portugal. On Monday, she took part in a ceremony "
                   "at the Queluz National Palace, in Sintra.\n")
    assert [s.city for s in trip.stops] == ["Lisbon", "Sintra"]


def test_a_place_the_traveller_goes_to_with_a_host_named_with_particles_is_a_stop():
    # the traveller goes by a middle name; the host's name has particles
    trip = trip_of("Date: 2025-06-24\n\nPresident Luis Tomás Ferreira Gomes of Brazil "
                   "landed in Lisbon on Friday. On Monday, Tomás and President Marcelo da "
                   "Costa e Silva attended the Camões Prize ceremony in Porto.\n")
    assert [s.city for s in trip.stops] == ["Lisbon", "Porto"]


def test_a_town_named_in_a_sight_the_traveller_tours_is_a_stop():
    # (a town before "Castle", "Palace" is otherwise a venue inside the stop)
    trip = trip_of("Date: 2025-06-23\n\nThe Prime Minister of India arrived in Accra, Ghana, "
                   "on Sunday. On Tuesday, she will travel to the coast to tour the Elmina "
                   "Castle.\n")
    assert [(s.country_code, s.city) for s in trip.stops] == [("GH", "Accra"), ("GH", "Elmina")]


def test_an_area_named_like_a_town_elsewhere_is_no_town():
    # "Central" is a town in the US: "the Central Region" is an area of Ghana
    trip = trip_of("Date: 2025-06-23\n\nThe Vice President of the United States arrived in "
                   "Accra, Ghana, on Sunday. On Tuesday, she will travel to the Central Region "
                   "to meet traditional chiefs.\n")
    assert [s.country_code for s in trip.stops] == ["GH"]


def test_a_place_fronted_as_the_setting_of_the_travellers_clause_is_a_stop():
    trip = trip_of("Date: 2025-03-02\n\nPrime Minister Anna Berg will visit Japan and Korea "
                   "next week. She will begin in Osaka with a business forum. In Seoul, Berg "
                   "will call on President Lee Jae-myung.\n")
    assert [s.city for s in trip.stops] == ["Osaka", "Seoul"]


def test_a_fronted_place_of_someone_elses_clause_or_a_report_is_no_stop():
    # an office ("the Special Envoy") is often someone else; a report says nothing of
    # being there
    trip = trip_of("Date: 2025-03-02\n\nPrime Minister Anna Berg will visit Japan next week. "
                   "In Yemen, the Special Envoy continues to engage the parties. In Moscow, "
                   "Putin said he was ready for a ceasefire.\n")
    assert [s.country_code for s in trip.stops] == ["JP"]


SAVANNAH = ("Date: 2024-06-12\n\nPresident Ama Mensah has today arrived in Washington DC "
            "for a state visit at the invitation of President Joe Biden. She will hold talks "
            "at the White House on Thursday.\n\n"
            "The President travelled to the US capital from Savannah, Georgia, where she "
            "concluded a two-day programme yesterday.\n\n"
            "In Savannah, where she landed on Monday, President Mensah delivered an address "
            "at the port.\n")


def test_a_state_after_a_us_city_is_the_state_not_the_country_of_that_name():
    assert [s.country_code for s in trip_of(SAVANNAH).stops] == ["US", "US"]


def test_a_country_the_text_sends_the_traveller_to_is_no_home_for_its_other_places():
    # "the White House" and "the US capital" made the US look like home; "arrived in
    # Washington" says it is visited, so Savannah (only "In Savannah, ... delivered") counts
    assert [s.city for s in trip_of(SAVANNAH).stops] == ["Savannah", "Washington"]


def test_a_date_in_a_where_clause_is_the_days_of_the_place_it_describes():
    savannah = trip_of(SAVANNAH).stops[0]
    assert (savannah.start, savannah.end) == (date(2024, 6, 10), date(2024, 6, 11))


WIRE = ("Date: 2024-06-04\n\nDAKAR, June 4 (Reuters) - Ghana's President Kofi Mensah held talks "
        "with Senegal's President Amadou Ba in Dakar on Tuesday, then flew on to Banjul to "
        "meet Gambia's President Adama Barrow later on Tuesday.\n\n"
        "In Banjul, Barrow received Mensah at State House.\n\n"
        "Mensah has travelled widely since taking office, visiting Togo, Benin and Nigeria.\n")


def test_a_lead_that_orders_its_places_itself_keeps_that_order():
    # "in Dakar on Tuesday, then flew on to Banjul": told in order, not an overview whose
    # places yield to the ones told in detail later
    assert [s.city for s in trip_of(WIRE).stops][:2] == ["Dakar", "Banjul"]


def test_then_flew_on_after_a_met_leader_is_the_travellers_own_leg():
    banjul = trip_of(WIRE).stops[1]
    assert (banjul.start, [leader.name for leader in banjul.leaders]) == (
        date(2024, 6, 4), ["Adama Barrow"])


def test_places_of_travels_since_some_earlier_time_are_no_stops():
    assert [s.country_code for s in trip_of(WIRE).stops] == ["SN", "GM"]


ROYAL = ("Date: 2024-04-12\n\nKing Harald V's state visit to Italy, which was due to begin on "
         "Sunday, has been postponed after strikes.\n\nThe King and the Queen had been due to "
         "arrive in Rome on Sunday, before travelling to Florence on Tuesday. The decision was "
         "taken after Italian President Sergio Mattarella called the King, the palace said.\n\n"
         "The Spanish leg will go ahead. The King will arrive in Madrid on Wednesday, where he "
         "will be welcomed by Prime Minister Pedro Sanchez. On Thursday the King will address "
         "parliament.\n")


def test_the_title_alone_stands_for_the_one_monarch_who_bears_it():
    # "the King" five times is King Harald, not the president quoted once
    assert trip_of(ROYAL).traveler == "King Harald V"


def test_a_postponed_visit_and_a_plan_in_the_past_perfect_are_no_stops():
    assert [s.country_code for s in trip_of(ROYAL).stops] == ["ES"]


def test_a_travel_pools_wheels_down_is_a_landing():
    text = ("Title: Pool report #2\nDate: 2008-02-17\n\n"
            "Wheels down at Lome airport at 10:42 local time. President Dana Ross was greeted "
            "by President Faure Gnassingbe at the foot of the stairs. Motorcade to the palace.\n")
    assert [(s.country_code, s.city) for s in trip_of(text).stops] == [("TG", "Lomé")]


def test_a_factbox_line_of_hours_in_a_place_is_a_stop():
    text = ("Title: Factbox: the president's tour\nDate: 2000-03-26\n\n"
            "* March 20 - Arrives in Dhaka; talks with Prime Minister Sheikh Hasina.\n"
            "* March 25 - Five hours in Kathmandu; meets King Gyanendra.\n\n"
            "President Ben Hart returns home on March 26.\n")
    assert [(s.city, s.start) for s in trip_of(text).stops] == [
        ("Dhaka", date(2000, 3, 20)), ("Kathmandu", date(2000, 3, 25))]


@pytest.mark.parametrize("sentence, expected", [
    ("After stops in Lima and Quito, Prime Minister Ana Soto arrived in Bogota on Saturday.",
     ["Lima", "Quito", "Bogotá"]),
    ("Prime Minister Ana Soto arrived in Bogota on Saturday after a two-day visit to Quito.",
     ["Quito", "Bogotá"]),
    ("Prime Minister Ana Soto arrived in Bogota on Saturday following talks in Quito.",
     ["Quito", "Bogotá"]),
])
def test_places_of_an_after_phrase_of_trips_or_talks_come_first(sentence, expected):
    text = f"Title: PM in Colombia\nDate: 2019-04-14\n\n{sentence}\n"
    assert [s.city for s in trip_of(text).stops] == expected


@pytest.mark.parametrize("verb", ["took in", "included", "was taking in"])
def test_a_tour_that_took_in_places_lists_its_stops(verb):
    text = (f"Title: A whirlwind tour\nDate: 2019-04-14\n\n"
            f"Prime Minister Ana Soto's whirlwind tour {verb} Lima, Quito and Bogota.\n")
    assert [s.city for s in trip_of(text).stops] == ["Lima", "Quito", "Bogotá"]


def test_the_place_a_tour_began_in_is_first_wherever_the_sentence_names_it():
    text = ("Title: Minister arrives\nDate: 2019-05-04\n\n"
            "QUITO, May 4 (Reuters) - Foreign Minister Ana Soto arrived in Quito on Saturday, "
            "the second leg of a tour that began in Peru on Friday.\n")
    assert [s.country_code for s in trip_of(text).stops] == ["PE", "EC"]


@pytest.mark.parametrize("subject", ["She", "Prime Minister Ana Soto"])
def test_a_place_visited_after_meeting_someone_is_the_travellers(subject):
    text = ("Title: PM in Japan\nDate: 2019-05-08\n\n"
            "Prime Minister Ana Soto wrapped up a three-day visit to Japan on Wednesday. "
            f"{subject} met Prime Minister Taro Kono in Tokyo on Monday and visited Kyoto on "
            "Tuesday.\n")
    assert [(s.city, s.start) for s in trip_of(text).stops] == [
        ("Tokyo", date(2019, 5, 6)), ("Kyoto", date(2019, 5, 7))]
