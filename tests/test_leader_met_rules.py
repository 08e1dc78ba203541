"""Leaders met at each stop: kinds of fault found on set17 and set18 (round 10), one test
each, in our own wording.

Each kind is about how English news says a meeting, not about the words of one sentence:
who is met (an untitled host who receives or greets "him"; a host who holds a summit with,
or spends two days with, the traveller; time spent with a leader, "after an hour with X";
the traveller and a titled person doing something together; being "in Amman with King X");
who is not (a style such as "His Majesty"; "no plans to meet"; a place after someone else's
meeting); how the person is named (a given name that is also a town; "the head of the X
Commission, Y"; long offices such as "President of the Council of State X"; a body's office
named after a country); and where the meeting is (a place describing a noun, "the Pyongyang
talks"; one family name at two stops; a programme's place line and its day heading of two
places; a second person met in the same clause; a stop's city by the last word of its name;
the office of a body of a stop's place, "Shanghai Party Secretary X").
"""

from __future__ import annotations

import warnings
from dataclasses import replace

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def leaders(trip) -> list[tuple[str, list[str]]]:
    return [(s.country_code, [leader.name for leader in s.leaders]) for s in trip.stops]


@pytest.mark.parametrize(("country", "city", "code", "name"), [
    ("Russia", "Moscow", "RU", "Vladimir Sokolov"),
    ("Italy", "Rome", "IT", "Florence Rossi"),
])
def test_a_given_name_that_is_also_a_town_does_not_hide_the_person_met(country, city, code,
                                                                      name):
    trip = trip_of(
        "Title: Minister ends tour\nDate: 2019-02-02\n\n"
        f"Foreign Minister Anna Berg has visited {country} and Uganda this week. In {city} on "
        f"Tuesday she held talks with {name} at the ministry, where the two discussed "
        "trade. She then travelled to Kampala for talks with President Yoweri Museveni.\n")
    assert leaders(trip) == [(code, [name]), ("UG", ["Yoweri Museveni"])]


@pytest.mark.parametrize("verb", ["received him in his tent", "greeted him warmly",
                                  "welcomed him at the palace"])
def test_an_untitled_host_who_receives_the_traveller_is_met(verb):
    trip = trip_of(
        "Title: President ends Gulf tour\nDate: 2004-03-12\n\n"
        "President Carlos Mendes flew home on Thursday after a tour of Oman and Qatar. In "
        "Muscat he held talks with Foreign Minister Yusuf Alawi. The tour ended on Wednesday in "
        f"Doha, where Hamad bin Khalifa Al Thani {verb}.\n")
    assert leaders(trip) == [("OM", ["Yusuf Alawi"]),
                             ("QA", ["Hamad bin Khalifa Al Thani"])]


@pytest.mark.parametrize("other", ["President Li Wen", "leader Li Wen"])
def test_someone_elses_meeting_in_a_place_is_no_stop(other):
    trip = trip_of(
        "Title: Chancellor in Kyiv\nDate: 2023-03-21\n\n"
        "KYIV, March 21, 2023 - German Chancellor Hans Vogel arrived in Kyiv on Tuesday on a "
        f"surprise visit, just as Chinese {other} held talks with Vladimir Putin in Moscow. "
        "Vogel met President Volodymyr Zelensky in the afternoon.\n")
    assert leaders(trip) == [("UA", ["Volodymyr Zelensky"])]


@pytest.mark.parametrize("event", ["the Kampala talks", "the Kampala accord"])
def test_a_place_describing_a_noun_does_not_place_the_meeting(event):
    trip = trip_of(
        "Title: Minister's travel\nDate: 2001-05-04\n\n"
        "Foreign Minister Anna Berg will depart on Sunday for Uganda. She arrives in Kampala "
        "on Monday and will hold talks with President Joseph Okello.\n\n"
        "On Wednesday the minister will travel to Nairobi. There she will call on President "
        "Daniel Kiprop and hold a meeting with Foreign Minister Ann Wanjiku to review the "
        f"results of {event}.\n")
    assert leaders(trip) == [("UG", ["Joseph Okello"]),
                             ("KE", ["Daniel Kiprop", "Ann Wanjiku"])]


def test_one_family_name_of_two_leaders_at_two_stops_places_neither():
    trip = trip_of(
        "Title: Secretary's travel\nDate: 2001-05-04\n\n"
        "The Secretary will depart on Sunday for North Korea. She arrives in Pyongyang on "
        "Monday. She expects to meet with Chairman Park Sung Ho, and she will hold talks "
        "with Foreign Minister Ri Chol Nam.\n\n"
        "On Wednesday the Secretary will travel to Seoul, where she will call on President "
        "Park Min-jae.\n")
    assert leaders(trip) == [("KP", ["Park Sung Ho", "Ri Chol Nam"]),
                             ("KR", ["Park Min-jae"])]


@pytest.mark.parametrize("style", ["His Majesty", "Her Majesty", "His Holiness"])
def test_a_style_standing_for_a_person_is_no_name(style):
    trip = trip_of(
        "Title: Statement before departure\nDate: 2016-04-02\n\n"
        "I am leaving today on a State Visit to the Kingdom of Norway. This evening I will "
        f"arrive in Oslo. I will hold discussions with {style} and with Prime Minister Erna "
        "Lund on our bilateral relations.\n")
    assert leaders(trip) == [("NO", ["Erna Lund"])]


@pytest.mark.parametrize("words", [
    "there were no plans for the prime minister to meet",
    "the minister has no plans to meet",
    "she has no intention to meet with",
])
def test_a_meeting_with_no_plans_is_not_met(words):
    trip = trip_of(
        "Title: Minister in Cyprus\nDate: 2024-12-10\n\n"
        "On Tuesday Prime Minister Anna Berg held talks in Nicosia with President Nikos "
        f"Andreou. Officials said {words} Turkish Cypriot leader Ahmet Kaya.\n")
    assert leaders(trip) == [("CY", ["Nikos Andreou"])]


@pytest.mark.parametrize("place", ["Addis Ababa.", "Addis Ababa, Ethiopia."])
def test_leaders_met_under_a_programme_place_line_are_met_there(place):
    trip = trip_of(
        "Title: President to visit Ethiopia and Kenya\nDate: 2010-02-01\n\n"
        "From February 2 to 5, President Ivan Petrov will attend the African Union summit "
        "in Addis Ababa and make an official visit to Kenya.\n\n"
        "Programme of the trip:\n\n"
        "February 2, Tuesday\n"
        f"{place} Opening of the summit. Bilateral meetings with President of Ghana Kofi "
        "Mensah and Prime Minister of India Raj Malhotra.\n\n"
        "February 4, Thursday\n"
        "Nairobi. Talks with President Daniel Kiprop.\n")
    assert leaders(trip) == [("ET", ["Kofi Mensah", "Raj Malhotra"]),
                             ("KE", ["Daniel Kiprop"])]


@pytest.mark.parametrize("office", ["the head of the National Water Authority",
                                    "the chairman of the Central Election Board",
                                    "the director of the national archives"])
def test_an_office_in_lower_case_then_the_name_after_a_comma_is_met(office):
    trip = trip_of(
        "Title: Envoy in Accra\nDate: 2020-01-28\n\n"
        "The envoy, Maria Lopes, arrived in Accra on Monday. On Tuesday she met Foreign "
        f"Minister Kwame Boateng and {office}, Ama Owusu.\n")
    assert leaders(trip) == [("GH", ["Kwame Boateng", "Ama Owusu"])]


@pytest.mark.parametrize("opening", ["HANOI, May 4 Kyodo - ", ""])
def test_a_host_who_holds_a_summit_with_the_traveller_is_met(opening):
    trip = trip_of(
        "Title: Summit in Hanoi\nDate: 2002-05-04\n\n"
        f"{opening}Vietnamese leader Tran Van Long admitted Saturday that the border talks "
        "had stalled, as he held the first summit between the two countries with Prime "
        "Minister Kenji Mori.\n\n"
        "Mori arrived in Hanoi on Friday for a two-day visit.\n")
    assert leaders(trip) == [("VN", ["Tran Van Long"])]


@pytest.mark.parametrize("time_with", [
    "told reporters after an hour with Prime Minister Razak Hamid on Friday",
    "spent the day at the palace with Prime Minister Razak Hamid",
    "spent two hours with Prime Minister Razak Hamid",
])
def test_time_spent_with_a_leader_is_a_meeting(time_with):
    trip = trip_of(
        "Title: Trade mission ends\nDate: 1996-01-20\n\n"
        "KUALA LUMPUR - Prime Minister Paul Girard closed his trade mission here today. "
        f"Girard {time_with}.\n")
    assert leaders(trip) == [("MY", ["Razak Hamid"])]


@pytest.mark.parametrize("guest", ["his guest", "him"])
def test_a_host_who_spends_time_with_the_traveller_is_met(guest):
    trip = trip_of(
        "Title: President's tour ends\nDate: 1996-10-27\n\n"
        "President Jean Morel flew home last night at the end of a tour of Syria and Jordan. "
        "The tour had begun last Saturday in Damascus, where President Karim Haddad spent "
        f"two days with {guest} discussing the border. On Thursday Mr Morel was in Amman.\n")
    assert dict(leaders(trip))["SY"] == ["Karim Haddad"]


def test_the_office_of_a_body_named_after_a_country_names_no_person():
    trip = trip_of(
        "Title: Fund chief in Nigeria\nDate: 2011-12-20\n\n"
        "Managing Director Anne Girard arrived in Abuja on Monday for talks with President "
        "Musa Bello.\n\n"
        "The President of the Nigeria Labour Congress, Comrade Ade Okon, said yesterday that "
        "workers would resist the plan.\n")
    assert "Labour" not in (trip.traveler or "")
    assert leaders(trip) == [("NG", ["Musa Bello"])]


@pytest.mark.parametrize(("short", "stops", "expected"), [
    ("Delhi", ["Mumbai", "New Delhi", "Ranchi"], 1),
    ("Delhi", ["New Delhi", "Mumbai"], 0),
    ("Delhi", ["Mumbai", "Kolkata"], None),  # (two stops of India, neither Delhi's)
])
def test_a_stops_city_named_by_its_last_word_is_that_stop(short, stops, expected):
    from dashboard.extraction.facts import StopDraft
    from dashboard.extraction.itinerary import stop_for_place
    from dashboard.extraction.places import find_places

    def city(name: str):
        # (the stop keeps the name as written: "New Delhi")
        return replace(next(m.place for m in find_places(name) if m.kind == "city"),
                       name=name)
    drafts = [StopDraft("IN", city(name)) for name in stops]
    assert stop_for_place(city(short), drafts) == expected


@pytest.mark.parametrize("office", ["Chengdu Party Secretary", "Chengdu Municipal Governor",
                                    "Chengdu City Mayor"])
def test_the_office_of_a_body_of_a_stop_place_is_met_there(office):
    trip = trip_of(
        "Title: Prime minister in China\nDate: 2013-04-08\n\n"
        "Prime Minister Anna Berg arrived in Beijing on Monday for talks with Premier Wang "
        "Lei. On Tuesday she flew to Chengdu.\n\n"
        f"1930 Dinner hosted by {office} Zhou Ming\n")
    assert sorted((s.city, [x.name for x in s.leaders]) for s in trip.stops) == [
        ("Beijing", ["Wang Lei"]), ("Chengdu", ["Zhou Ming"])]


@pytest.mark.parametrize(("office", "title"), [
    ("President of the Council of State", "President"),
    ("Chairman of the Council of Ministers", "Chairman"),
    ("Head of Government", "Head of Government"),
    ("Minister of Foreign Affairs, European Union and Cooperation",
     "Minister of Foreign Affairs, European Union and Cooperation"),
])
def test_a_long_office_before_the_name_names_the_person(office, title):
    trip = trip_of(
        "Title: Minister to visit Cuba\nDate: 2008-11-20\n\n"
        "Foreign Minister Anna Berg will travel to Havana on November 27. "
        f"She will hold talks with {office} Pablo Ruiz Ortega.\n")
    stop = trip.stops[0]
    assert [(x.name, x.title) for x in stop.leaders] == [("Pablo Ruiz Ortega", title)]


@pytest.mark.parametrize("company", ["Mr Morel was in Amman with King Talal",
                                     "he was in Amman with King Talal"])
def test_being_in_a_place_with_a_leader_is_meeting_them_there(company):
    trip = trip_of(
        "Title: President's tour ends\nDate: 1996-10-27\n\n"
        "President Jean Morel flew home last night at the end of a tour of Syria and Jordan. "
        "The tour had begun last Saturday in Damascus, where he held talks with President "
        f"Karim Haddad. On Thursday {company}, and on Friday he flew home.\n")
    assert dict(leaders(trip)) == {"SY": ["Karim Haddad"], "JO": ["King Talal"]}


@pytest.mark.parametrize("venue", ["at the White House", "at the presidential palace"])
def test_a_second_person_met_in_the_same_clause_is_met_at_the_same_stop(venue):
    trip = trip_of(
        "Title: Premier ends visit\nDate: 1999-04-14\n\n"
        "Premier Li Wen, who arrived in Los Angeles on April 6, spent three days in "
        f"Washington from April 7 to 9, where he held talks with President Tom Hale {venue} "
        "and met Vice President Amy Ross and congressional leaders.\n")
    assert leaders(trip) == [("US", []), ("US", ["Tom Hale", "Amy Ross"])]


@pytest.mark.parametrize("verb", ["talked trade as much as security",
                                  "signed a nuclear cooperation pact"])
def test_the_traveller_and_a_titled_host_doing_something_together_meet(verb):
    trip = trip_of(
        "Title: Trade mission\nDate: 1996-01-20\n\n"
        "Prime Minister Paul Girard led a trade mission to India and Pakistan this month. In "
        f"New Delhi on Jan. 9, Girard and Prime Minister P.K. Raman Rao {verb}.\n")
    assert leaders(trip)[0] == ("IN", ["P.K. Raman Rao"])


def test_the_traveller_and_a_companion_holding_talks_with_a_host_do_not_meet_each_other():
    trip = trip_of(
        "Title: Trade mission\nDate: 1996-01-20\n\n"
        "Prime Minister Paul Girard led a trade mission to India this month. In New Delhi on "
        "Jan. 9, Girard and Trade Minister Tom Hale held talks with Prime Minister Anil Rao.\n")
    assert leaders(trip) == [("IN", ["Anil Rao"])]


@pytest.mark.parametrize("places", ["HANOI / DA NANG", "HANOI - DA NANG"])
def test_a_programme_day_naming_two_places_starts_at_the_first(places):
    trip = trip_of(
        "Title: Program - visit to Vietnam\nDate: 2013-04-05\n\n"
        "PROGRAM - VISIT TO VIETNAM\n\n"
        "The Prime Minister will visit Vietnam from Monday 8 April to Wednesday 10 April.\n\n"
        "MONDAY 8 APRIL - HANOI\n"
        "1000 Arrive Hanoi\n"
        "1400 Bilateral meeting with Prime Minister Tran Van Long\n\n"
        f"TUESDAY 9 APRIL - {places}\n"
        "0930 Meeting with Chairman of the NA Standing Committee Le Minh Duc\n"
        "1500 Depart for Da Nang\n"
        "1930 Dinner hosted by Da Nang Party Secretary Pham Van Hoa\n\n"
        "WEDNESDAY 10 APRIL - DA NANG\n"
        "1200 Depart Da Nang for home\n")
    assert [(s.city, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("Hanoi", ["Tran Van Long", "Le Minh Duc"]), ("Da Nang", ["Pham Van Hoa"])]


@pytest.mark.parametrize(("office", "name"), [
    ("Chairman of the National Assembly Standing Committee", "Le Minh Duc"),
    ("Chairman of the Senate Foreign Relations Committee", "Tom Hale"),
])
def test_a_body_holding_another_bodys_word_ends_at_its_last(office, name):
    from dashboard.extraction.people import find_people
    text = f"She met {office} {name} on Monday."
    assert [(p.title, p.name) for p in find_people(text, 0, len(text))] == [
        ("Chairman", name)]


@pytest.mark.parametrize("name", ["João Manuel dos Reis", "Maria Luisa da Silva"])
def test_an_untitled_name_met_goes_on_over_its_particles(name: str) -> None:
    # (the parse may end the name before "dos": the name goes on to its last word all the
    # same; a known limit: "Pedro Miguel dos Santos", where the model takes "Santos" for a
    # place and the name for a description, is still missed)
    trip = trip_of("Date: 2014-07-21\n\nItalian Prime Minister Matteo Renzi arrived in Luanda "
                   f"on Sunday. He sat down with {name}, Angola's president since 1979.\n")
    assert leaders(trip) == [("AO", [name])]


def test_a_town_that_is_someone_s_family_name_places_no_meeting_elsewhere() -> None:
    # ("Lima's party" is the deposed president's, not a meeting in Peru)
    trip = trip_of(
        "Date: 2013-07-31\n\nThe EU's foreign policy chief, Anna Berg, has become the first "
        "outsider to see the deposed president, Rafael Lima, since the army removed him.\n\n"
        "Berg arrived in Cairo on Sunday evening.\n\n"
        "Over two days she met the interim president, Karim Nasser, as well as senior figures "
        "from Lima's party.\n")
    assert leaders(trip)[0][0] == "EG"
    assert "Karim Nasser" in leaders(trip)[0][1]


@pytest.mark.parametrize("tail", ["since last month's failed coup",
                                  "after last year's election"])
def test_a_time_that_dates_a_thing_leaves_the_meeting_on_this_trip(tail: str) -> None:
    trip = trip_of(
        "Date: 1991-09-03\n\nSwedish Prime Minister Karin Lindqvist arrived in Beijing on "
        "Monday from Moscow, where on Sunday she held talks with Soviet President Pavel "
        f"Orlov in the first visit by a Western head of government {tail}.\n")
    assert leaders(trip) == [("RU", ["Pavel Orlov"]), ("CN", [])]


def test_a_host_who_goes_out_to_meet_the_traveller_is_met() -> None:
    # ("Federal" is also a town in Argentina, and the host's errand says the meeting)
    trip = trip_of(
        "Date: 2013-07-03\n\nBolivian President Pablo Rivas landed in Vienna late on Tuesday "
        "night.\n\nThis morning Federal President Anna Gruber drove out to the airport to meet "
        "Rivas, who was clearly angry.\n")
    assert leaders(trip) == [("AT", ["Anna Gruber"])]


def test_a_host_who_hopes_to_meet_the_traveller_some_day_is_not_met() -> None:
    # (a guard: a wish, not an errand)
    trip = trip_of(
        "Date: 2013-07-03\n\nBolivian President Pablo Rivas landed in Vienna late on Tuesday "
        "night. Federal President Anna Gruber said she hoped to meet Rivas next year.\n")
    assert leaders(trip) == [("AT", [])]
