"""Stops the text tells in ways news often uses, and places it names that are no stop.

Each test is a short text of our own wording of one grammatical kind, with its right
reading (see `dashboard/extraction/destination_grammar.py`, `setting_grammar.py`,
`others_travel.py`).
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


def countries(trip) -> list[str]:
    return [s.country_code for s in trip.stops]


def cities(trip) -> list[str | None]:
    return [s.city for s in trip.stops]


# ---------------------------------------------------------------- "in X, where they spent ..."

def test_a_place_where_the_delegation_spent_days_is_a_stop():
    trip = trip_of("Date: 2023-05-12\n\nSANTIAGO - Foreign Minister Lena Holm closed her "
                   "Andean tour here today.\n\nMost of the contracts were signed in Lima, where "
                   "the delegation spent Monday to Wednesday.\n")
    assert countries(trip) == ["PE", "CL"]
    lima = trip.stops[0]
    assert (lima.city, lima.start, lima.end) == ("Lima", date(2023, 5, 8), date(2023, 5, 10))


def test_the_travellers_trade_mission_as_the_subject_of_a_travel_verb_goes_there():
    trip = trip_of("Date: 2023-05-12\n\nPremier Jan Visser arrived in Hanoi on Monday with a "
                   "trade mission of forty companies.\n\n"
                   "On Wednesday the mission moved to Da Nang for a port visit.\n")
    assert cities(trip) == ["Hanoi", "Da Nang"]


# ---------------------------------------------------------------- a date before the place

def test_a_second_place_after_its_date_in_a_shortened_clause_is_a_stop():
    # "and on Tuesday in Lome": the verb "was" is left out, the parse hangs the place
    # from the date
    trip = trip_of("Date: 2022-03-05\n\nOn Monday Chancellor Petra Lang was in Accra with "
                   "President Mahama, and on Tuesday in Lome, where she told President Gnassingbe "
                   "that aid would rise.\n")
    assert countries(trip) == ["GH", "TG"]
    assert [s.start for s in trip.stops] == [date(2022, 2, 28), date(2022, 3, 1)]


def test_an_arrival_with_its_date_before_the_place_is_a_stop():
    trip = trip_of("Date: 2022-03-05\n\nThe Secretary General arrived on Friday in Dushanbe, "
                   "the last leg of a tour of Central Asia.\n")
    assert cities(trip) == ["Dushanbe"]


# ---------------------------------------------------------------- "his first stop was X"

def test_a_stop_named_as_such_in_the_past_tense_is_a_stop_in_its_place():
    trip = trip_of("Date: 2021-09-14\n\nPrime Minister Ana Costa is back in Lisbon after a "
                   "weekend in southern Africa. On Sunday she was in Gaborone, meeting "
                   "President Masisi.\n\nHer first stop, on Saturday, was Windhoek, where "
                   "President Geingob received her at State House.\n")
    assert countries(trip) == ["NA", "BW"]
    assert trip.stops[0].city == "Windhoek"


def test_the_next_leg_named_in_the_present_tense_is_a_stop():
    trip = trip_of("Date: 2021-09-14\n\nForeign Minister Ivo Novak held talks in Tbilisi on "
                   "Monday. The next leg is Yerevan, on Tuesday.\n")
    assert cities(trip) == ["Tbilisi", "Yerevan"]


# ---------------------------------------------------------------- the wire story's lead

def test_a_wire_leads_action_on_a_weekday_is_at_the_dateline_place():
    # the AP's style dates a lead by its weekday where others say "today"; a country named
    # as a modifier ("a former U.S. envoy", "Kenya's growth") names no other setting
    trip = trip_of("Date: 2019-02-14\n\nNAIROBI, Kenya (AP) - Anna Berg, a former U.S. trade "
                   "envoy who took over the Fund last month, toured a solar plant on Thursday "
                   "and said Kenya's growth was strong.\n\nThe tour began on Tuesday in Uganda, "
                   "where she met President Museveni in Kampala.\n")
    assert countries(trip) == ["UG", "KE"]
    assert trip.stops[1].start == date(2019, 2, 14)


def test_a_wire_leads_statement_on_a_weekday_places_no_one():
    trip = trip_of("Date: 2019-02-14\n\nGENEVA (Reuters) - Anna Berg said on Thursday that "
                   "the Fund would lend more.\n\nBerg will travel to Ghana next week.\n")
    assert countries(trip) == ["GH"]


# ---------------------------------------------------------------- someone else reports

def test_a_place_fronted_before_someone_elses_report_is_no_stop():
    trip = trip_of("Date: 2020-06-02\n\nForeign Minister Sara Lind arrived in Kyiv on Monday "
                   "for talks on the grain deal.\n\nIn Berlin, Defence Minister Jan Olsen "
                   "said air patrols would be doubled until the ceasefire holds.\n")
    assert countries(trip) == ["UA"]


def test_a_place_fronted_before_a_host_speaking_to_the_traveller_is_a_stop():
    trip = trip_of("Date: 2020-06-02\n\nForeign Minister Sara Lind arrived in Kyiv on Monday "
                   "for talks on the grain deal.\n\nIn Warsaw on Tuesday, President Duda told "
                   "her that the border would stay open.\n")
    assert countries(trip) == ["UA", "PL"]


# ---------------------------------------------------------------- "from X, where he ..."

def test_the_place_a_traveller_flies_in_from_where_he_held_talks_is_the_stop_before():
    trip = trip_of("Date: 2017-03-10\n\nJAKARTA: King Salman arrives here today for a "
                   "nine-day visit. The King flies in from Kuala Lumpur, where he held talks "
                   "with Prime Minister Najib Razak on Thursday.\n")
    assert cities(trip) == ["Kuala Lumpur", "Jakarta"]


def test_the_place_a_delegation_flies_in_from_after_a_night_there_is_no_stop():
    trip = trip_of("Date: 2017-03-10\n\nPresident Ana Ruiz arrived in Lima today. The "
                   "delegation flew in from Madrid, where it had spent the night.\n")
    assert cities(trip) == ["Lima"]


# ---------------------------------------------------------------- called off

def test_a_stop_removed_or_dropped_from_the_programme_is_no_stop():
    trip = trip_of("Date: 2013-04-02\n\nThe Prime Minister will visit Vietnam from Monday to "
                   "Wednesday, with talks in Hanoi on Monday.\n\nA planned stop in Hue has been "
                   "removed from the programme. A side trip to Laos was dropped on security "
                   "advice.\n")
    assert cities(trip) == ["Hanoi"]


# ---------------------------------------------------------------- a town that names a body

def test_a_town_that_names_a_body_meeting_in_another_place_is_no_stop():
    trip = trip_of("Date: 2024-06-02\n\nForeign Minister Sara Lind arrived in Kyiv on "
                   "Monday.\n\nThe two ministers will meet again at the Shanghai Cooperation "
                   "Organisation summit to be held in Astana next month.\n")
    assert "CN" not in countries(trip)


def test_a_town_that_names_a_body_meeting_there_stays_a_stop():
    trip = trip_of("Date: 2024-04-02\n\nPrime Minister Anna Berg will travel to China on "
                   "Thursday to speak at the Boao Forum for Asia.\n")
    assert countries(trip) == ["CN"]


# ---------------------------------------------------------------- a thing's history

def test_a_place_and_date_where_an_agreement_was_signed_are_no_stop_and_no_day():
    trip = trip_of("Date: 2016-09-12\n\nEU envoy Carla Rossi will travel to Colombia from "
                   "September 14 to 16 to back the peace framework for the country, signed in "
                   "Havana on June 23 by both sides. She will meet President Santos in "
                   "Bogota.\n")
    assert countries(trip) == ["CO"]
    assert (trip.stops[0].start, trip.stops[0].end) == (date(2016, 9, 14), date(2016, 9, 16))



# ---------------------------------------------------------------- page furniture

def test_a_press_releases_contacts_block_names_no_stop():
    trip = trip_of("Date: 2021-04-06\n\nGENEVA, April 6, 2021 - Director-General Ana Silva "
                   "will travel to Ghana and Senegal from April 8 to 10.\n\nPress contacts:\n"
                   "In Nairobi: Jo Mwangi, +254 20 000 0000\nIn Accra: the country office\n")
    assert countries(trip) == ["GH", "SN"]


def test_a_contact_line_starts_the_pages_trailer():
    from dashboard.extraction.sentences import split_sentences
    text = "She will visit Peru.\n\nMedia inquiries: Minister's office\nLima: +51 1 000\n"
    clutter = [s.text for s in split_sentences(text, 0, None) if s.clutter]
    assert clutter == ["Media inquiries: Minister's office", "Lima: +51 1 000"]


# ---------------------------------------------------------------- "City's X airport"

def test_the_airport_of_a_city_named_in_the_possessive_is_that_citys():
    # Itami is a town of its own; "Osaka's Itami airport" is Osaka's airport
    trip = trip_of("Date: 2020-02-03\n\nOSAKA, Feb. 3 - Prime Minister Ana Costa held talks "
                   "with Japanese leaders today.\n\nCosta arrived at Osaka's Itami airport "
                   "aboard a government plane shortly before 9 a.m. this morning and was "
                   "greeted by officials.\n")
    assert cities(trip) == ["Osaka"]


# ---------------------------------------------------------------- a name shortened

def test_a_city_called_by_the_first_words_of_its_name_is_that_city():
    # "Santa Cruz" is Santa Cruz de la Sierra in a story on Bolivia, not a smaller
    # Santa Cruz of the Philippines
    trip = trip_of("Title: Chinese premier lands in Santa Cruz for lithium talks\n"
                   "Date: 2019-05-06\n\nPremier Li Wei will meet Bolivia's President in Santa "
                   "Cruz on Tuesday to sign a lithium agreement.\n")
    assert [(s.country_code, s.city) for s in trip.stops] == [("BO", "Santa Cruz de la Sierra")]


# ---------------------------------------------------------------- other trips, other people

def test_a_visit_prepared_for_the_end_of_the_year_is_another_trip():
    trip = trip_of("Date: 2018-08-28\n\nPrime Minister Ana Costa arrived in Lima today for "
                   "talks with President Vizcarra. Officials say she is planning a visit to "
                   "Cuba before the end of the year.\n")
    assert countries(trip) == ["PE"]


def test_a_place_where_the_country_will_be_represented_by_someone_else_is_no_stop():
    trip = trip_of("Date: 2019-01-20\n\nPresident Ana Costa held talks in Moscow on Tuesday. "
                   "She will skip the summit; Ghana will be represented at Addis Ababa by "
                   "Foreign Minister Kwame Osei.\n")
    assert countries(trip) == ["RU"]


# ---------------------------------------------------------------- "left here for Y"

def test_the_place_the_traveller_left_here_for_comes_after_the_datelines_place():
    trip = trip_of("Date: 2005-05-02\n\nMONTERREY, May 2 (Xinhua) -- Chinese Premier Li Wei "
                   "left here this afternoon for Canada, concluding a six-day official visit to "
                   "Mexico.\n\nLi, who arrived in Mexico City on April 27, held talks with "
                   "President Vicente Fox there.\n\nIn Monterrey, Li addressed business "
                   "leaders.\n\nDuring his visit to Canada, Li will hold talks with Prime "
                   "Minister Paul Martin.\n")
    assert countries(trip) == ["MX", "MX", "CA"]
    assert cities(trip)[:2] == ["Mexico City", "Monterrey"]


def test_a_country_ending_a_numbered_headline_is_not_the_office_on_the_next_line():
    # a briefing's item: "1. Prime Minister heads to Chile" above "Prime Minister X will ..."
    trip = trip_of("Title: Morning briefing\nDate: 2022-04-14\n\nGood morning.\n\n"
                   "1. Prime Minister heads to Chile\n"
                   "Prime Minister Ana Soto will arrive in Santiago on Friday for a two-day "
                   "visit.\n\n2. Floods\nHeavy rain has killed 20 people, officials said.\n")
    assert cities(trip) == ["Santiago"]


# ------------------------------------ a small town where an event the traveller attends is

def test_a_small_town_where_an_attended_event_is_held_is_a_stop():
    # "will attend the X Summit in <town>, <region>": the town is where the traveller goes,
    # though nothing sends anyone "to" it and no country follows it
    text = ("Title: Novak to Italy\nDate: 2019-05-06\n\n"
            "Prime Minister Hana Novak arrived in Rome on Monday for talks with Prime "
            "Minister Paolo Conti of Italy. On Thursday she will attend the Mediterranean "
            "Forum in Cefalu, Sicily, before flying home.")
    trip = trip_of(text)
    assert [s.city for s in trip.stops] == ["Rome", "Cefalù"]
    assert trip.stops[1].start == date(2019, 5, 9)


def test_a_small_town_someone_leaves_for_is_a_stop():
    # "leaves for <town>": a verb of setting out with "for" names where the traveller goes
    text = ("Title: Kumar in Italy\nDate: 2019-05-06\n\n"
            "Foreign Minister Ravi Kumar held talks in Rome with Prime Minister Paolo Conti "
            "of Italy on Monday. Kumar leaves for Cefalu tomorrow.")
    trip = trip_of(text)
    assert [s.city for s in trip.stops] == ["Rome", "Cefalù"]
    assert trip.stops[1].start == date(2019, 5, 7)


# ----------------------------------- a chronology's entry: "* DATE - In <place>, <clause>"

def test_a_chronology_entry_opening_with_its_date_label_sets_the_place_of_its_clause():
    # a factbox dates each entry with a label in capitals, then opens the clause with the
    # place (with an apposition between): the label is no subject and no clause of its own
    text = ("Title: Factbox: Novak's tour\nDate: 2019-06-06\n\n"
            "* JUNE 6 - President Hana Novak arrives in Lima for talks with President Luis "
            "Prado.\n\n"
            "* JUNE 8 - In Arequipa, the white city that calls itself the country's second "
            "capital, Novak opens a heritage centre with the regional governor.\n")
    trip = trip_of(text)
    assert [s.city for s in trip.stops] == ["Lima", "Arequipa"]
    assert trip.stops[1].start == date(2019, 6, 8)
