"""Who the traveller meets, and who the traveller is: kinds found with a battery of short
texts of our own wording (round 12), about how news in general says a meeting, not the
words of any set.

- A host-country outlet tells the visit from the host's side: "President X on Wednesday
  received Finnish President Y at State House, Nairobi" names no travel verb, yet Y is the
  visitor, Nairobi the stop and X the leader met (`traveller_grammar.guest_destinations`,
  `_hosted_here`); "Chinese President X met with Argentine President Y in Beijing": a host
  meeting a guest of another country at home (`traveller_grammar.meetings_somewhere`).
- A meeting told in a clause fronted before the main verb ends with that clause: "After
  meeting X in Nairobi, <traveller> flew to Y" (`meeting_grammar.fronted_clause_end`).
- "Visiting Chinese Foreign Minister X was welcomed ...": the participle describes the
  visitor; X is not someone visited (`meeting_grammar._attributive`).
- "met opposition figures including A and B": the members named are met.
- "Japanese Prime Minister A met with Australian Prime Minister B in Hiroshima": someone
  else's meeting, even at a stop of the trip (`meeting_grammar.others_meetings`).
"""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip, meeting_grammar, traveller_grammar
from dashboard.extraction.nlp import parse_lines


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def stops(trip) -> list[tuple]:
    return [(s.country_code, s.city, s.start, [leader.name for leader in s.leaders])
            for s in trip.stops]


def span_of(text: str):
    return parse_lines(text).span(0, len(text))


# ---------------------------------------------------------------- host-country outlets

@pytest.mark.parametrize("place", ["at State House, Nairobi", "in Nairobi"])
def test_a_host_receiving_a_named_guest_makes_the_guest_the_traveller(place):
    trip = trip_of(
        "Title: President receives Finnish counterpart\nDate: 2024-02-15\n\n"
        f"President Amani Wekesa on Wednesday received Finnish President Eero Laine {place}. "
        "President Wekesa said Kenya and Finland would deepen ties in education. President "
        "Wekesa said the two countries had agreed to work together on forestry.\n")
    assert trip.traveler == "Eero Laine"
    assert stops(trip) == [("KE", "Nairobi", date(2024, 2, 14), ["Amani Wekesa"])]


def test_a_host_hosting_a_guest_at_a_venue_under_a_dateline():
    # (the headline names the host; the venue phrase hangs from the guest in the parse; the
    # dateline gives the city)
    trip = trip_of(
        "Title: President Mugisha hosts Indian Prime Minister\nDate: 2018-07-24\n\n"
        "KIGALI - President Jean Mugisha on Monday hosted Indian Prime Minister Narendra Modi at "
        "Village Urugwiro. The two leaders witnessed the signing of eight agreements.\n")
    assert trip.traveler == "Narendra Modi"
    assert stops(trip) == [("RW", "Kigali", date(2018, 7, 23), ["Jean Mugisha"])]


def test_a_host_meeting_a_foreign_guest_at_home_makes_the_guest_the_traveller():
    trip = trip_of(
        "Title: Chinese president meets Argentine president\nDate: 2024-11-20\n\n"
        "BEIJING, Nov. 20 -- Chinese President Li Wenhua met with Argentine President Tomas "
        "Acosta in Beijing on Wednesday. Li said China is willing to deepen cooperation with "
        "Argentina.\n")
    assert trip.traveler == "Tomas Acosta"
    assert stops(trip) == [("CN", "Beijing", date(2024, 11, 20), ["Li Wenhua"])]


def test_a_host_holding_talks_with_a_foreign_guest_at_home_under_an_agency_dateline():
    # (the parse makes the agency's dateline a second subject: the host is the person)
    trip = trip_of(
        "Title: Chinese president holds talks with Brazilian president\nDate: 2023-04-14\n\n"
        "BEIJING, April 14 (Xinhua) -- Chinese President Li Wenhua held talks with Brazilian "
        "President Luiz Inacio Lula da Silva in Beijing on Friday. Li said China and Brazil "
        "are comprehensive strategic partners.\n")
    assert trip.traveler == "Luiz Inacio Lula da Silva"
    assert stops(trip) == [("CN", "Beijing", date(2023, 4, 14), ["Li Wenhua"])]


def test_the_traveller_meeting_a_host_abroad_stays_the_traveller():
    # (a guard: the subject meets a foreign leader in the leader's country, not at home)
    trip = trip_of(
        "Title: PM meets Japanese counterpart in Tokyo\nDate: 2022-05-24\n\n"
        "Australian Prime Minister Anthony Albanese held talks with Japanese Prime Minister "
        "Fumio Kishida in Tokyo on Tuesday. Albanese said the Quad was united.\n")
    assert trip.traveler == "Anthony Albanese"
    assert stops(trip) == [("JP", "Tokyo", date(2022, 5, 24), ["Fumio Kishida"])]


def test_a_host_who_will_host_someone_later_stays_the_traveller():
    # (a guard: "will host X in Nairobi next month" is another visit, to the host's home)
    trip = trip_of(
        "Title: President to host Finnish leader next month\nDate: 2024-01-10\n\n"
        "President Amani Wekesa flew to Kampala on Tuesday for talks with President Yoweri "
        "Museveni. Wekesa will host Finnish President Eero Laine in Nairobi next month.\n")
    assert trip.traveler == "Amani Wekesa"
    assert [s.country_code for s in trip.stops] == ["UG"]


def test_two_others_meeting_at_a_stop_leave_the_traveller_as_is():
    # (a guard: the host meets a third leader at home; the traveller is still the visitor
    # the story follows, and the third leader is not met by the traveller)
    trip = trip_of(
        "Date: 2023-05-19\n\nUS President Dan Whitfield arrived in Hiroshima on Thursday for "
        "the G7 summit. Japanese Prime Minister Kenji Sato met with Australian Prime "
        "Minister Liam Carter in Hiroshima on Friday. Whitfield held talks with Sato on "
        "Thursday.\n")
    assert trip.traveler == "Dan Whitfield"
    assert [(s.country_code, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("JP", ["Kenji Sato"])]


def test_guest_destinations_reads_the_parse():
    text = "President A Wekesa on Wednesday received Finnish President E Laine in Nairobi."
    assert [place.text for _verb, place in
            traveller_grammar.guest_destinations(span_of(text))] == ["Nairobi"]
    for other in ["President A Wekesa will receive President E Laine in Nairobi.",
                  "President A Wekesa received a letter in Nairobi.",
                  "President A Wekesa was received in Nairobi."]:
        assert traveller_grammar.guest_destinations(span_of(other)) == []


def test_meetings_somewhere_reads_the_parse():
    text = "Chinese President Li Wenhua met with Argentine President Tomas Acosta in Beijing."
    ((subject, met, places),) = traveller_grammar.meetings_somewhere(span_of(text))
    assert text[subject:].startswith("Wenhua")
    assert [text[at:].split()[0] for at in met] == ["Acosta"]
    assert [text[at:].split()[0] for at in places] == ["Beijing."]
    # (not ahead, not without a place)
    assert traveller_grammar.meetings_somewhere(span_of(
        "Li Wenhua will meet Tomas Acosta in Beijing.")) == []
    assert traveller_grammar.meetings_somewhere(span_of(
        "Li Wenhua met Tomas Acosta on Wednesday.")) == []


# ---------------------------------------------------------------- fronted clauses

def test_a_meeting_in_a_fronted_clause_ends_before_the_traveller():
    trip = trip_of(
        "Date: 2015-12-02\n\nAfter meeting Kenyan President Uhuru Kenyatta in Nairobi on "
        "Tuesday, Pope Francis flew to Kampala, where he was welcomed by President Yoweri "
        "Museveni.\n")
    assert trip.traveler == "Pope Francis"
    assert [(s.country_code, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("KE", ["Uhuru Kenyatta"]), ("UG", ["Yoweri Museveni"])]


def test_a_meeting_in_the_main_clause_still_runs_on():
    # (a guard: only a clause before the main verb ends the one met; the main verb's list
    # of people runs on)
    trip = trip_of(
        "Date: 2015-12-02\n\nAfter flying to Nairobi on Tuesday, Pope Francis met President "
        "Uhuru Kenyatta and First Lady Margaret Kenyatta at State House.\n")
    assert trip.traveler == "Pope Francis"
    assert [(s.country_code, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("KE", ["Uhuru Kenyatta", "Margaret Kenyatta"])]


def test_fronted_clause_end_reads_the_parse():
    text = "After meeting President X Kenyatta in Nairobi on Tuesday, Pope Francis flew to Kampala."
    span = span_of(text)
    end = meeting_grammar.fronted_clause_end(span, text.index("President"))
    assert text[:end].endswith("Tuesday")
    assert meeting_grammar.fronted_clause_end(span, text.index("Kampala")) is None
    main = "Pope Francis met President X Kenyatta in Nairobi on Tuesday, then flew to Kampala."
    assert meeting_grammar.fronted_clause_end(span_of(main), main.index("President")) is None


# ---------------------------------------------------------------- who is met

def test_a_visiting_participle_describes_the_visitor():
    trip = trip_of(
        "Date: 2023-06-06\n\nVisiting Chinese Foreign Minister Zhao Ming was welcomed in "
        "Berlin on Tuesday by Foreign Minister Annalena Baerbock.\n")
    assert trip.traveler == "Zhao Ming"
    assert stops(trip) == [("DE", "Berlin", date(2023, 6, 6), ["Annalena Baerbock"])]


def test_visiting_a_person_is_still_meeting_them():
    # (a guard: "is visiting President X" is a visit to the person)
    text = "She is visiting President Uhuru Kenyatta at State House on Wednesday."
    spans = meeting_grammar.met_objects(span_of(text))
    assert any(text[a:b].endswith("Kenyatta") for a, b in spans)


def test_the_members_listed_after_a_group_met_are_met():
    trip = trip_of(
        "Date: 2021-10-12\n\nBritish Foreign Secretary Liz Truss visited Caracas on Monday, "
        "where she met opposition figures including Juan Guaido and Leopoldo Lopez.\n")
    assert stops(trip) == [("VE", "Caracas", date(2021, 10, 11),
                            ["Juan Guaido", "Leopoldo Lopez"])]


def test_a_group_with_no_names_adds_no_one():
    # (a guard: "including executives of Toyota" names no person)
    trip = trip_of(
        "Date: 2019-05-10\n\nPrime Minister Ana Brnabic visited Tokyo on Thursday, where she "
        "met business leaders including executives of Toyota.\n")
    assert stops(trip) == [("JP", "Tokyo", date(2019, 5, 9), [])]


def test_others_meetings_reads_a_meeting_verb_with_a_named_subject():
    text = "Prime Minister Kenji Sato met with Prime Minister Liam Carter in Hiroshima."
    owners = [owner for owner, _span in meeting_grammar.others_meetings(span_of(text))]
    assert owners == ["Prime Minister Kenji Sato"]
    # (a pronoun or two subjects: the traveller's side may be either; no owner)
    for other in ["He met with Prime Minister Liam Carter in Hiroshima.",
                  "Whitfield and Sato met Prime Minister Liam Carter in Hiroshima."]:
        assert meeting_grammar.others_meetings(span_of(other)) == []


# ---------------------------------------------------------------- relative clauses, transcripts

def test_a_leader_the_traveller_met_in_a_relative_clause_is_met():
    trip = trip_of(
        "Date: 2019-10-22\n\nJapanese Prime Minister Kenji Sato flew to Manila on Monday. "
        "President Rodrigo Duterte, whom Sato met at the Malacanang Palace, praised the new "
        "railway loan.\n")
    assert stops(trip) == [("PH", "Manila", date(2019, 10, 21), ["Rodrigo Duterte"])]


def test_a_leader_someone_else_met_in_a_relative_clause_is_not():
    # (a guard: "whom <another leader> met in Beijing" is that leader's meeting)
    trip = trip_of(
        "Date: 2019-10-22\n\nJapanese Prime Minister Kenji Sato flew to Manila on Monday and "
        "met Foreign Secretary Teodoro Locsin. President Rodrigo Duterte, whom Chinese "
        "President Li Wenhua met in Beijing, was away in Davao.\n")
    assert stops(trip) == [("PH", "Manila", date(2019, 10, 21), ["Teodoro Locsin"])]


def test_a_transcript_speaker_who_met_someone_here_in_a_city_travels_there():
    # ("here in Seoul": the place hangs from the adverb; the turn label names the speaker)
    trip = trip_of(
        "Title: Remarks to the press in Seoul\nDate: 2021-03-18\n\n"
        "SECRETARY LINDGREN: Good afternoon. Today I met with President Moon Jae-in here in "
        "Seoul.\n")
    assert trip.traveler is not None and trip.traveler.split()[-1] == "Lindgren"
    assert stops(trip) == [("KR", "Seoul", date(2021, 3, 18), ["Moon Jae-in"])]


# ---------------------------------------------------------------- calls, visiting guests

def test_a_courtesy_call_on_a_leader_in_a_city_places_the_traveller_there():
    trip = trip_of(
        "Title: Prime Minister receives Foreign Minister of Australia\nDate: 2023-03-10\n\n"
        "The Foreign Minister of Australia, Ms Penny Wong, called on Prime Minister Shri "
        "Narendra Modi in New Delhi today.\n")
    assert trip.traveler == "Penny Wong"
    assert stops(trip) == [("IN", "New Delhi", date(2023, 3, 10), ["Narendra Modi"])]


def test_calling_for_something_somewhere_is_no_meeting_there():
    # (a guard: "X, on his first trip abroad, called for restraint in Moscow": "on" is not
    # a call on a person, and Moscow is no stop of the traveller's)
    trip = trip_of(
        "Date: 2023-03-21\n\nJapanese Prime Minister Kenji Sato arrived in Kyiv on Tuesday "
        "and met President Volodymyr Zelensky. Chinese President Li Wenhua, on his first trip "
        "abroad this year, called for restraint in Moscow.\n")
    assert [s.country_code for s in trip.stops] == ["UA"]


def test_a_host_holding_talks_with_a_visiting_leader_makes_the_visitor_the_traveller():
    trip = trip_of(
        "Date: 2024-06-20\n\nPresident Vo Van Thuong held talks with visiting Russian "
        "President Vladimir Putin in Hanoi on Thursday. The two sides signed eleven "
        "agreements.\n")
    assert trip.traveler == "Vladimir Putin"
    assert stops(trip) == [("VN", "Hanoi", date(2024, 6, 20), ["Vo Van Thuong"])]


def test_visiting_guests_reads_the_parse():
    text = "President Vo Van Thuong held talks with visiting Russian President Vladimir Putin."
    ((host, guest),) = traveller_grammar.visiting_guests(span_of(text))
    assert text[host:].startswith("Thuong") and text[guest:].startswith("Putin")
    # (no host named: nothing)
    assert traveller_grammar.visiting_guests(span_of(
        "Talks were held with visiting Russian President Vladimir Putin.")) == []


def test_a_titled_other_visitor_meeting_a_host_is_their_own_meeting():
    # ("von der Leyen" read by the model as a place: the title says it is a person)
    trip = trip_of(
        "Date: 2023-04-07\n\nFrench President Emmanuel Macron arrived in Beijing on Wednesday "
        "and met President Xi Jinping on Thursday. European Commission President Ursula von "
        "der Leyen, who also travelled to Beijing, met Premier Li Qiang separately.\n")
    assert trip.traveler == "Emmanuel Macron"
    assert [(s.country_code, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("CN", ["Xi Jinping"])]


# ---------------------------------------------------------------- alongside

def test_a_foreign_leader_the_traveller_stands_alongside_is_met():
    trip = trip_of(
        "Date: 2018-07-17\n\nUS President Dan Whitfield arrived in Helsinki on Monday. "
        "Standing alongside Russian President Vladimir Putin at a news conference, Whitfield "
        "praised the talks.\n")
    assert [(s.country_code, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("FI", ["Vladimir Putin"])]


def test_someone_of_no_stated_country_alongside_the_traveller_may_be_a_companion():
    # (a guard: "alongside Secretary of State X for the stops in ..." travels along)
    trip = trip_of(
        "Date: 2021-03-15\n\nUS Defense Secretary Lloyd Hale arrived in Tokyo on Monday, "
        "alongside Secretary of State Antony Blinken, and met Prime Minister Yoshihide Suga.\n")
    assert [(s.country_code, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("JP", ["Yoshihide Suga"])]


# ---------------------------------------------------------------- someone's envoy

@pytest.mark.parametrize("envoy", ["special envoy, Zhao Ming,", "envoy Zhao Ming"])
def test_the_envoy_of_a_named_leader_is_the_traveller(envoy):
    trip = trip_of(
        f"Date: 2019-04-23\n\nPresident Li Wenhua's {envoy} arrived in Islamabad on Monday "
        "and was met at the airport by Foreign Minister Shah Mahmood Qureshi.\n")
    assert trip.traveler == "Zhao Ming"
    assert stops(trip) == [("PK", "Islamabad", date(2019, 4, 22), ["Shah Mahmood Qureshi"])]


def test_the_owner_of_a_visit_is_the_traveller():
    # (a guard: "X's visit to Y began" is X's own trip)
    trip = trip_of(
        "Date: 2019-04-23\n\nPresident Li Wenhua's visit to Islamabad began on Monday. He was "
        "met at the airport by Foreign Minister Shah Mahmood Qureshi.\n")
    assert trip.traveler == "Li Wenhua"


def test_owner_of_subject_reads_the_parse():
    text = "President Li Wenhua's special envoy, Zhao Ming, arrived in Islamabad."
    span = span_of(text)
    assert traveller_grammar.owner_of_subject(span, text.index("'s"))
    visit = "President Li Wenhua's visit to Islamabad began on Monday."
    assert not traveller_grammar.owner_of_subject(span_of(visit), visit.index("'s"))


def test_a_host_meeting_a_guest_named_by_family_name_alone_makes_the_guest_the_traveller():
    # (round 12, the lead: the host is titled and the guest is the family name of a person
    # the text names in full elsewhere, as host-country outlets write)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("article.txt", (
            "Date: 2011-05-27\n\nNorth Korean leader Kim Jong-il's train rolled into China on "
            "Monday and headed to Mudanjiang. On Thursday Chinese President Hu Jintao held "
            "talks with Kim in Beijing.\n")))
    assert trip.traveler == "Kim Jong-il"
    assert [(s.city, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("Mudanjiang", []), ("Beijing", ["Hu Jintao"])]
