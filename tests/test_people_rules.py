"""Leaders met and the traveller: one test per kind of fault, in our own wording.

Each kind was found on a development article and fixed as a rule about how English names
people (titles before or after the name, offices of an institution, written-out portfolios,
names in a list after "including", a "with" phrase the parse hangs low) or how a text says who
travels; the variants show the rule is not about one sentence.
"""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip
from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.meeting_rules import past_only_about_a_person
from dashboard.extraction.nlp import parse_lines
from dashboard.extraction.others_travel import with_the_speaker
from dashboard.extraction.parse_steps import add_destinations
from dashboard.extraction.people import find_people
from dashboard.extraction.places import find_places
from dashboard.extraction.sentences import split_sentences
from dashboard.extraction.visits import visit_signals


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def people(text: str) -> list[tuple[str, str]]:
    return [(p.title, p.name) for p in find_people(text, 0, len(text))]


def leaders(trip) -> list[tuple[str, list[str]]]:
    return [(s.country_code, [leader.name for leader in s.leaders]) for s in trip.stops]


# ------------------------------------------------ titles the name follows

@pytest.mark.parametrize(("text", "expected"), [
    # an office of an institution, then the name
    ("She will see the Speaker of the National Assembly Tran Van Minh.",
     [("Speaker", "Tran Van Minh")]),
    ("talks with President of the European Council Marta Lindqvist on trade",
     [("President", "Marta Lindqvist")]),
    ("He met Chairman of the State Duma Ivan Petrovsky and others.",
     [("Chairman", "Ivan Petrovsky")]),
])
def test_an_office_of_an_institution_then_the_name(text, expected):
    assert people(text) == expected


def test_the_formal_president_of_the_republic_keeps_its_title():
    assert people("the President of the Republic, Jean Dupont, will host him") == [
        ("President of the Republic", "Jean Dupont")]


@pytest.mark.parametrize(("text", "expected"), [
    # a portfolio written out in words of government business, joined by "and" or commas
    ("a meeting with Minister of Foreign Affairs and Expatriates Samir Haddad.",
     [("Minister of Foreign Affairs and Expatriates", "Samir Haddad")]),
    ("and Minister for Energy and Natural Resources, Datuk Seri Lim Wei Ming.",
     [("Minister for Energy and Natural Resources", "Lim Wei Ming")]),
    ("She called on the Minister for Trade, Tourism and Investment Paul Harris.",
     [("Minister for Trade, Tourism and Investment", "Paul Harris")]),
    # the known short office still reads as before
    ("Minister for Foreign Affairs Ana Lopez said", [("Minister for Foreign Affairs",
                                                       "Ana Lopez")]),
])
def test_a_written_out_portfolio_is_the_title_not_the_name(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("and Army Commander General Omar Khalil.", [("General", "Omar Khalil")]),
    # a title alone before a body is no name: "the General Assembly"
    ("at the General Assembly on Monday", []),
    # a company, not a general: these titles take a full name
    ("He met General Motors executives in Detroit.", []),
    ("Commander Smith briefed him", []),
    ("the agency's Director General Rafael Moreno visited", [("Director General",
                                                             "Rafael Moreno")]),
])
def test_two_titles_in_a_row_give_the_name_after_the_second(text, expected):
    assert people(text) == expected


def test_calling_a_person_is_a_telephone_call_and_calling_on_one_is_a_visit():
    # "call X" takes its object directly, as "see X" does, but it is no meeting
    trip = trip_of(
        "Date: 2023-04-06\n\nPrime Minister Anna Berg spent Thursday in Hanoi, where she "
        "held talks with President Tran Van Minh. Tran said Vietnam was ready to call Russian "
        "President Ivan Volkov when the time was right. She called on Premier Le Thi Hoa "
        "before leaving.\n")
    assert leaders(trip) == [("VN", ["Tran Van Minh", "Le Thi Hoa"])]


# ------------------------------------------------ leaders in lists and "with" phrases

def test_every_leader_of_a_coordinated_list_with_institution_offices_is_met():
    trip = trip_of(
        "Date: 2024-05-06\n\nThe Foreign Secretary, Laura Kent, will travel to Jordan on "
        "Monday, where she will meet - among others - Prime Minister Karim Nasser, Speaker of "
        "the House Omar Saleh, and Jordanian Armed Forces Commander General Faisal Odeh.\n")
    assert leaders(trip) == [("JO", ["Karim Nasser", "Omar Saleh", "Faisal Odeh"])]


def test_names_after_including_in_a_meeting_are_met_with_their_appositive_title():
    trip = trip_of(
        "Date: 2021-03-01\n\nPrime Minister Anna Berg will visit Brussels on Monday. She will "
        "hold talks with European Commissioners, including Commission President Luca Ferri "
        "and Pedro Alves, the EU High Representative for Foreign Affairs.\n")
    assert leaders(trip) == [("BE", ["Luca Ferri", "Pedro Alves"])]


@pytest.mark.parametrize("verb", ["discuss", "talk about"])
def test_a_late_with_phrase_after_a_long_object_names_the_partner(verb):
    # the small model hangs "with Mr. X" from the nearest noun, not from the verb
    trip = trip_of(
        "Date: 2016-03-18\n\nForeign Minister Kenji Sato will travel to Italy next week. In "
        f"Italy I intend to {verb} the summit preparations and the relationship between our "
        "countries, which mark an anniversary this year, with Mr. Marco Bianchi, Minister "
        "for Foreign Affairs and International Cooperation.\n")
    assert leaders(trip) == [("IT", ["Marco Bianchi"])]


def test_a_meeting_in_a_paragraph_of_its_own_is_at_the_stop_last_named():
    trip = trip_of(
        "Date: 2024-09-06\n\nThe envoy Maria Costa will travel to Egypt and Lebanon from 8 to "
        "12 September.\n\nOn Monday, the envoy will be in Cairo for meetings with President "
        "Ahmed Fathy.\n\nOn Tuesday, the envoy will meet with Foreign Minister Samir Adel.\n\n"
        "On Wednesday, the envoy will be in Lebanon, where she will meet Prime Minister Nabil "
        "Haddad.\n\nThe envoy will also have a meeting with Minister of Foreign Affairs and "
        "Emigrants Karim Sayegh.\n")
    assert leaders(trip) == [("EG", ["Ahmed Fathy", "Samir Adel"]),
                             ("LB", ["Nabil Haddad", "Karim Sayegh"])]


def test_a_meeting_placed_somewhere_else_is_not_carried_to_the_last_stop():
    trip = trip_of(
        "Date: 2003-04-10\n\nNew Zealand Prime Minister Ruth Cole will travel to Brussels on "
        "22 April, where she will meet Prime Minister Jan Peeters.\n\nShe will also meet "
        "Commissioner David Moore in Wellington on Monday before leaving.\n")
    assert leaders(trip) == [("BE", ["Jan Peeters"])]


# ------------------------------------------------ who travels

def test_a_first_person_request_to_travel_is_the_speakers_trip_not_a_companions():
    # the header names the speaker with a form of address; a colleague named later travels
    # part of the way "with me"
    trip = trip_of(
        "Title: Proposed Overseas Travel: Rt Hon Mary Lewis: Samoa and Tonga\n"
        "Date: 2019-02-01\n\n"
        "I seek Cabinet approval to travel to Samoa and Tonga from 10 to 14 March 2019. I "
        "also seek approval for Minister Tane to travel to Samoa on 10 March, before "
        "travelling to Tonga with me.\n")
    assert trip.traveler == "Mary Lewis"
    assert [s.country_code for s in trip.stops] == ["WS", "TO"]


@pytest.mark.parametrize(("sentence", "own"), [
    ("We have plans to visit Samoa and Tonga next week.", True),
    ("I seek the committee's approval to fly to Samoa in May.", True),
    ("The minister seeks approval to travel to Samoa in May.", False),
    ("They have plans to visit Samoa and Tonga next week.", False),
])
def test_plans_owned_by_i_or_we_are_first_person_travel(sentence, own):
    from dashboard.extraction import speaker_grammar
    from dashboard.extraction.nlp import parse_lines
    span = parse_lines(sentence).span(0, len(sentence))
    assert speaker_grammar.asks_to_travel_oneself(span) is own


def test_a_host_only_ever_met_is_never_the_traveller():
    # the visitor has no title the rules know; the host, named only as the one met, must not
    # become the traveller (and so stays a leader met)
    trip = trip_of(
        "Date: 2024-09-06\n\nThe delegation head will be in Cairo on Monday for meetings "
        "with President Ahmed Fathy.\n")
    assert trip.traveler != "Ahmed Fathy"
    assert [(s.country_code, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("EG", ["Ahmed Fathy"])]


@pytest.mark.parametrize(("text", "expected"), [
    ("the Rt Hon Sam Reid MP will travel", [("Rt Hon", "Sam Reid")]),
    ("The Hon Penny Green, Minister for Trade, said", [("Hon", "Penny Green")]),
])
def test_commonwealth_forms_of_address_mark_a_person(text, expected):
    assert people(text) == expected


# ------------------------------------------------ companions, lists past the parse, home

def test_a_colleague_who_shares_the_travellers_subject_is_a_companion_not_a_leader():
    trip = trip_of(
        "Date: 2024-07-20\n\nSecretary of Defense Mark Hale will travel to Tokyo for talks "
        "with Secretary of State Ann Ross and Japanese Minister of Defense Kenji Mori.\n\n"
        "After returning to the United States, Secretary Hale and Secretary Ross will host "
        "their Australian counterparts in Annapolis.\n")
    assert [(s.country_code, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("JP", ["Kenji Mori"])]


def test_companions_who_do_the_meeting_together_are_still_met():
    # "A and B held talks": B is the one met (the joint action is the meeting)
    trip = trip_of(
        "Date: 2016-03-21\n\nPresident John Carter arrived in Havana on Sunday. On Monday "
        "Carter and Cuban President Luis Marin held talks at the palace.\n")
    assert [(s.country_code, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("CU", ["Luis Marin"])]


@pytest.mark.parametrize("people_met", [
    "their Philippine counterparts, Secretary of National Defense Jose Cruz and Secretary "
    "of Foreign Affairs Ramon Lim",
    "their hosts, Defense Secretary Jose Cruz and Foreign Secretary Ramon Lim",
])
def test_a_list_of_titled_people_after_the_met_noun_is_met_whole(people_met):
    trip = trip_of(
        "Date: 2024-07-20\n\nSecretary Mark Hale will travel to the Philippines, where he "
        f"will meet in Manila with Secretary Ann Ross and {people_met}, for a dialogue.\n")
    assert [x.name for x in trip.stops[0].leaders][-2:] == ["Jose Cruz", "Ramon Lim"]


def test_returning_to_the_country_names_the_home_country():
    trip = trip_of(
        "Date: 2024-07-20\n\nSecretary of Defense Mark Hale will travel to Japan and the "
        "Philippines next week. After returning to the United States, Secretary Hale will "
        "host his Australian counterpart in Annapolis, Maryland.\n")
    assert [s.country_code for s in trip.stops] == ["JP", "PH"]


@pytest.mark.parametrize(("gap", "listed"), [
    (", ", ["Jose Cruz", "Ramon Lim"]),   # the list runs on past the met noun
    (", and ", ["Jose Cruz", "Ramon Lim"]),
    (" to discuss trade, said ", []),      # someone speaking after the meeting: not met
])
def test_titled_people_listed_right_after_a_met_object_are_met(gap, listed):
    from dashboard.extraction.facts import SentenceFacts
    from dashboard.extraction.meeting_rules import listed_after_met
    from dashboard.extraction.sentences import Sentence

    text = (f"He will meet their counterparts{gap}Defense Secretary Jose Cruz and Foreign "
            "Secretary Ramon Lim.")
    fact = SentenceFacts(Sentence(0, text, 0, len(text), 0))
    fact.people = find_people(text, 0, len(text))
    fact.met = []
    fact.met_parse = [(text.index("their"), text.index("counterparts") + len("counterparts"))]
    starts = listed_after_met(fact, text)
    assert [p.name for p in fact.people if p.start in starts] == listed


# ------------------------------------------------ nationality after the name, groups

def test_a_country_after_the_name_gives_the_leaders_nationality_and_stop():
    trip = trip_of(
        "Date: 2014-06-24\n\nDefence Secretary Tom Baker arrived in the Gulf today to meet "
        "ministers of Oman and Bahrain.\n\nI have held talks with Crown Prince Faisal of Oman "
        "and with King Hamad of Bahrain.\n")
    assert sorted((s.country_code, [x.name for x in s.leaders]) for s in trip.stops) == [
        ("BH", ["King Hamad"]), ("OM", ["Crown Prince Faisal"])]


def test_country_of_after_a_name_when_the_finder_knows_the_country():
    text = "talks with Prime Minister Jan Peeters of Belgium and President Ana Lopez"
    country_at = {text.index("Belgium"): ("BE", text.index("Belgium") + len("Belgium"))}
    found = find_people(text, 0, len(text), {}, country_at)
    assert [(p.name, p.nationality) for p in found] == [("Jan Peeters", "BE"),
                                                        ("Ana Lopez", None)]


@pytest.mark.parametrize("text", [
    "Hale Meets With Lithuanian President, Baltic Defense Ministers",
    "talks with the President, Gulf Foreign Ministers and others",
    "He met Prime Minister, Regional Leaders on Friday",
])
def test_a_plural_office_after_a_title_is_a_group_not_a_name(text):
    assert people(text) == []


@pytest.mark.parametrize(("clause", "met"), [
    (", whom I also had the pleasure of meeting last year.", True),
    (", who visited us two years ago.", True),
    # the earlier time governs the meeting itself: an earlier trip's, not this one's
    (" last year.", False),
])
def test_an_earlier_time_in_a_relative_clause_describes_the_person(clause, met):
    trip = trip_of(
        "Date: 2025-07-02\n\nPrime Minister Ravi Kumar will travel to Buenos Aires on 5 July."
        f"\n\nI look forward to my discussions with President Diego Ruiz{clause}\n")
    assert [x.name for x in trip.stops[0].leaders] == (["Diego Ruiz"] if met else [])


# ------------------------------------------------ cities

@pytest.mark.parametrize(("spelling", "code"), [
    ("Ulaanbaatar", "MN"),   # GeoNames: "Ulan Bator", under a million people
    ("Kyiv", "UA"),
])
def test_a_capital_is_found_under_its_other_spellings(spelling, code):
    from dashboard.extraction.places import find_places
    text = f"The minister will then travel to {spelling} for talks."
    found = [(m.text, m.kind, m.place.code) for m in find_places(text, 0, len(text))]
    assert (spelling, "city", code) in found


def test_a_capital_under_another_spelling_is_the_stops_city():
    trip = trip_of("Date: 2012-07-01\n\nSecretary of State Jane Hill will then travel to "
                   "Ulaanbaatar, Mongolia, where she will meet with President Bat Erdene.\n")
    assert [(s.country_code, s.city) for s in trip.stops] == [("MN", "Ulan Bator")]


@pytest.mark.parametrize(("sentence", "met"), [
    # someone else's meeting: the partner is not met
    ("They will build on President Saleh's exchange of letters with Prime Minister David "
     "Levin.", False),
    ("She will also discuss President Saleh's talks with Prime Minister David Levin.", False),
    # the traveller's own
    ("She will also hold talks with Prime Minister David Levin.", True),
])
def test_a_meeting_owned_by_someone_else_does_not_meet_its_partner(sentence, met):
    trip = trip_of(
        "Date: 2012-07-01\n\nSecretary of State Jane Hill will travel to Paris on Friday, "
        f"where she will meet with Palestinian President Omar Saleh. {sentence}\n")
    names = [x.name for s in trip.stops for x in s.leaders]
    assert ("David Levin" in names) is met


# ------------------------------------------------ an office in lower case, then the name

@pytest.mark.parametrize(("text", "expected"), [
    ("He flew on for talks with the emir, Hamad al-Nasser al-Rashid, who mediates.",
     [("Emir", "Hamad al-Nasser al-Rashid")]),
    ("she met the speaker of the lower house of parliament, Aung Myo Thein.",
     [("Speaker", "Aung Myo Thein")]),
    ("He will see his counterpart, Adel Mansour, in the capital.",
     [("counterpart", "Adel Mansour")]),
    # a relative, not an office
    ("He will lunch with his sister, Mary Jones, on Sunday.", []),
])
def test_an_office_in_lower_case_then_the_name_after_a_comma(text, expected):
    assert people(text) == expected


def test_the_parse_reads_a_name_in_apposition_to_an_office_as_titled():
    from dashboard.extraction import meeting_grammar
    from dashboard.extraction.nlp import parse_lines
    text = ("Japanese Prime Minister Kenji Sato met Iran's supreme leader, Ayatollah Reza "
            "Karimi, in Tehran on Thursday.")
    span = parse_lines(text).span(0, len(text))
    names = {text[a:b]: title for a, b, title, _kind, _described in meeting_grammar.met_names(span)}
    assert names.get("Ayatollah Reza Karimi", names.get("Reza Karimi")) == "supreme leader"


def test_a_statement_by_an_unnamed_office_is_that_offices_trip_and_hosts_stay_leaders():
    trip = trip_of(
        "Title: Departure Statement by Prime Minister on the eve of visit to Ghana and Peru\n"
        "Date: 2025-07-02\n\n"
        "Today, I embark on a visit to Ghana and Peru from 2 to 6 July 2025.\n"
        "At the invitation of President Kofi Mensah, I will visit Ghana on 2-3 July.\n"
        "In Lima, I will meet President Ana Quispe, who has recently assumed office.\n")
    assert trip.traveler == "Prime Minister"  # not a host met
    assert [(s.country_code, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("GH", ["Kofi Mensah"]), ("PE", ["Ana Quispe"])]


@pytest.mark.parametrize("moving_on", [
    "before leaving for Seoul that evening",
    "and then travelled to Seoul",
])
def test_a_meeting_before_moving_on_is_at_the_stop_being_left(moving_on):
    trip = trip_of(
        "Date: 2022-08-05\n\nHouse Speaker Mary Dunn landed in Taipei late on Tuesday.\n\n"
        "On Wednesday the speaker addressed the legislature and met President Lin Mei-hua, "
        f"who presented her with an award, {moving_on}.\n")
    assert [(s.country_code, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("TW", ["Lin Mei-hua"]), ("KR", [])]


@pytest.mark.parametrize(("sentence", "met"), [
    ("She is expected to see Sultan Hamid Tariq in Muscat on Tuesday.", True),
    ("She is expected to see the old town of Muscat on Tuesday.", False),
])
def test_seeing_a_named_person_is_meeting_them(sentence, met):
    trip = trip_of("Date: 2023-03-06\n\nPrime Minister Giulia Conti will travel to Oman on "
                   f"Monday. {sentence}\n")
    assert ([x.name for x in trip.stops[0].leaders] == ["Hamid Tariq"]) is met


def test_a_surname_alone_that_greets_the_traveller_is_met():
    trip = trip_of(
        "Date: 2023-10-18\n\nPresident Tom Avery arrived in Tel Aviv on Wednesday, pressing "
        "Prime Minister David Arad to let aid into the region.\n\nArad and President Yosef "
        "Levi greeted Avery on the tarmac.\n")
    assert [(s.country_code, sorted(x.name for x in s.leaders)) for s in trip.stops] == [
        ("IL", ["David Arad", "Yosef Levi"])]


@pytest.mark.parametrize(("clause", "met"), [
    ("who discussed the trip with Avery during Avery's state visit last month", False),
    ("who discussed the trip with Avery on Monday", True),
])
def test_a_partner_in_a_relative_clause_about_an_earlier_time_is_not_met(clause, met):
    trip = trip_of(
        "Date: 2019-06-13\n\nJapanese Prime Minister Ken Abe arrived in Tehran on Wednesday. "
        f"The prime minister, {clause.replace('Avery', 'President John Avery', 1)}, will "
        "leave Tehran on Thursday.\n")
    names = [x.name for s in trip.stops for x in s.leaders]
    assert ("John Avery" in names) is met


@pytest.mark.parametrize(("subject", "met"), [
    ("he and Qatari Foreign Minister Khalid Al Nasr signed a memorandum", True),
    ("Secretary Reed and Qatari Foreign Minister Khalid Al Nasr held talks", True),
    # what they do together is not a meeting: no one is met
    ("Qatari Foreign Minister Khalid Al Nasr signed a memorandum with Iran", False),
])
def test_doing_the_meeting_together_with_the_traveller_meets_them(subject, met):
    trip = trip_of("Date: 2017-07-11\n\nSecretary of State John Reed arrived in Doha on "
                   f"Tuesday. On Tuesday evening {subject}.\n")
    assert ("Khalid Al Nasr" in [x.name for s in trip.stops for x in s.leaders]) is met


def test_a_where_clause_places_the_meeting_at_the_place_it_hangs_from():
    trip = trip_of(
        "Title: Kumar wraps up visit to Egypt\nDate: 2023-06-25\n\n"
        "CAIRO - Indian Prime Minister Ravi Kumar concluded a two-day visit to Egypt on "
        "Sunday after holding talks with President Omar Fathi. Kumar had arrived in Cairo on "
        "Saturday from Washington, where he met President John Avery at the end of a state "
        "visit to the United States.\n")
    assert sorted((s.country_code, [x.name for x in s.leaders]) for s in trip.stops) == [
        ("EG", ["Omar Fathi"]), ("US", ["John Avery"])]


@pytest.mark.parametrize("venue", ["at her lakeside home in", "at the presidential palace in"])
def test_a_venue_right_after_the_person_places_the_meeting_in_its_city(venue):
    trip = trip_of(
        "Date: 2011-12-02\n\nSecretary of State Ann Ross arrived in Naypyidaw on Wednesday "
        "for a landmark visit to Burma. On Thursday she flew to Yangon.\n\nIn Naypyidaw she "
        f"met President U Zaw, then held talks with opposition leader Daw Khin Aye {venue} "
        "Yangon.\n")
    assert [(s.city, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("Nay Pyi Taw", ["U Zaw"]), ("Yangon", ["Khin Aye"])]  # (no honorific: "Daw")


def test_the_subject_of_travel_and_meeting_verbs_outweighs_a_talker_and_a_passing_visitor():
    trip = trip_of(
        "Date: 2023-03-21\n\n"
        "Chinese President Li Wenhao and Russian President Ivan Sokolov signed a pledge on "
        "Tuesday, on the second day of a three-day state visit.\n\n"
        "Li landed in Moscow on Monday and was driven to the Kremlin. Sokolov said "
        "the talks were frank. Sokolov said trade would grow.\n\n"
        "Earlier in the day Li met Prime Minister Oleg Petrov.\n\n"
        "The visit came as Japan's Prime Minister Kenji Sato made a surprise visit to Kyiv.\n")
    assert trip.traveler == "Li Wenhao"
    assert [s.country_code for s in trip.stops] == ["RU"]


def test_travelling_subjects_leave_out_negated_and_earlier_travel():
    from dashboard.extraction import traveller_grammar
    from dashboard.extraction.nlp import parse_lines
    text = ("Li landed in Moscow on Monday. Sokolov did not travel. Petrov last visited Turkey "
            "in 2018. The deal was signed by Ivanov.")
    assert traveller_grammar.travelling_subjects(parse_lines(text).span(0, len(text))) == ["Li"]


# ------------------------------------------------ a companion's days in the speaker's text

def test_a_companions_leg_with_me_is_the_speakers_and_the_companions_own_days_are_not():
    # the header names the speaker, so the speaker (not the colleague) travels; the colleague
    # is in Samoa on days of their own, then goes on "with me": the later legs and their
    # range are the speaker's, the colleague's Samoa days are not
    trip = trip_of(
        "Title: Proposed Overseas Travel: Hon Ana Fifita: Samoa, Tonga and Niue\n"
        "Date: 2021-04-20\n\n"
        "I seek Cabinet approval to travel to Samoa, Tonga and Niue. I also seek approval for "
        "Minister Tane to travel to Samoa on 7 June for talks, and to open a clinic on the "
        "8th, before travelling to Tonga and Niue with me between 9 June and 12 June 2021.\n")
    assert trip.traveler == "Ana Fifita"
    assert [(s.country_code, s.start, s.end) for s in trip.stops] == [
        ("WS", None, None), ("TO", date(2021, 6, 9), None), ("NU", None, date(2021, 6, 12))]


def test_a_colleagues_trip_without_me_stays_theirs():
    # no "with me": the colleague's legs and days are no part of the speaker's trip
    trip = trip_of(
        "Title: Proposed Overseas Travel: Hon Ana Fifita: Samoa, Tonga and Niue\n"
        "Date: 2021-04-20\n\n"
        "I seek Cabinet approval to travel to Samoa, Tonga and Niue. I also seek approval for "
        "Minister Tane to travel to Samoa on 7 June, before travelling to Tonga and Niue "
        "between 9 June and 12 June 2021.\n")
    assert trip.traveler == "Ana Fifita"
    assert [(s.start, s.end) for s in trip.stops] == [(None, None)] * 3


@pytest.mark.parametrize(("sentence", "with_me"), [
    ("Minister Tane will travel to Samoa on 7 June, then travel to Tonga and Niue with me.",
     {"WS": False, "TO": True, "NU": True}),
    ("Minister Tane will travel to Samoa on 7 June, then travel with us to Tonga and Niue.",
     {"WS": False, "TO": True, "NU": True}),
    ("Minister Tane will travel to Samoa with me, then travel to Tonga and Niue on 9 June.",
     {"WS": True, "TO": False, "NU": False}),
])
def test_only_the_list_next_to_with_me_is_the_speakers(sentence, with_me):
    fact = SentenceFacts(split_sentences(sentence, 0, None)[0])
    fact.places = find_places(sentence, 0, len(sentence))
    fact.signals = visit_signals(0, sentence, 0, len(sentence), fact.places, False)
    fact.parse = parse_lines(sentence).span(0, len(sentence))
    add_destinations(fact, sentence)  # "travel with us to X": a destination by the parse
    assert {sig.code: with_the_speaker(sig, fact, sentence) for sig in fact.signals} == with_me


# ------------------------------------------------ an office with "the" is no name

@pytest.mark.parametrize(("text", "country", "expected"), [
    ("Foreign Secretary Joan Hale will travel to Muscat on Monday, where she will meet with "
     "the Amir, Sheikh Badr bin Hamad Al Busaidi, and Minister of Commerce Sayyid Qais "
     "bin Mohammed Al Yousef, who lead the talks.",
     "OM", {"Badr bin Hamad Al Busaidi", "Qais bin Mohammed Al Yousef"}),
    ("Secretary Tom Reyes arrived in Bangkok on Tuesday and met with the Regent, "
     "Dasho Karma Wangchuk, and Prime Minister Tshering Dorji Penjor.",
     "TH", {"Karma Wangchuk", "Tshering Dorji Penjor"}),
])
def test_a_capitalised_office_after_the_is_not_a_person_met(text, country, expected):
    # ("the Amir, X": the office holder's name is X, not "Amir" with X for its title)
    trip = trip_of(text)
    met = dict(leaders(trip))[country]
    assert not any(name.split()[-1] in {"Amir", "Regent"} for name in met), met
    assert all(any(name.endswith(e) for name in met) for e in expected), met


# ------------------------------------------------ particles inside a name, read by the parse

@pytest.mark.parametrize(("text", "country", "expected"), [
    ("Secretary Tom Reyes will visit Praia on Friday to meet Prime Minister Jorge Santos e "
     "Almeida.", "CV", ["Jorge Santos e Almeida"]),
    ("In Lisbon, Chancellor Olaf Brandt held talks with President Marcelo Rebelo de Sousa and "
     "Prime Minister Luis Pedro e Cunha on Tuesday.", "PT",
     ["Marcelo Rebelo de Sousa", "Luis Pedro e Cunha"]),
    ("Secretary Tom Reyes arrived in Amsterdam, where he met Prime Minister Dirk ter Horst.",
     "NL", ["Dirk ter Horst"]),
    # an English word between two names is no particle
    ("Secretary Tom Reyes arrived in Nairobi, where he met President William Ruto and "
     "business Leaders.", "KE", ["William Ruto"]),
])
def test_a_name_goes_on_over_a_particle_the_parse_reads_inside_it(text, country, expected):
    assert dict(leaders(trip_of(text)))[country] == expected


# ------------------------------------------------ who speaks for whom, and who moves

@pytest.mark.parametrize(("text", "expected"), [
    ("Asked about the route, the Spokesperson for the Director-General, Ines Carvalho, said "
     "nothing had changed.", [("Spokesperson", "Ines Carvalho")]),
    ("The Special Adviser to the Prime Minister, Omar Haddad, briefed reporters.",
     [("Special Adviser", "Omar Haddad")]),
    # an office with its own name after the comma keeps its title
    ("He met the President of the Republic, Jean Dupont.",
     [("President of the Republic", "Jean Dupont")]),
])
def test_a_name_after_an_office_held_for_another_office_holds_the_first(text, expected):
    assert people(text) == expected


def test_a_spokesperson_quoted_on_the_trip_is_not_its_traveller():
    trip = trip_of(
        "Title: Note to Correspondents: travel to Fiji\nDate: 2024-03-04\n\n"
        "The Director-General will leave Geneva on Monday for the Pacific.\n\n"
        "After a stop in Singapore, Dr. Helena Okafor will arrive in Suva, Fiji, on Wednesday, "
        "6 March, and will meet with Prime Minister Tavita Naulu.\n\n"
        "The Spokesperson for the Director-General, Ines Carvalho, told reporters that the "
        "programme was final.\n")
    assert trip.traveler == "Helena Okafor"
    assert leaders(trip)[-1] == ("FJ", ["Tavita Naulu"])


def test_a_with_phrase_added_by_as_well_as_is_the_same_meeting():
    trip = trip_of(
        "Date: 2024-03-04\n\nForeign Minister Lena Vogt will travel to Port Moresby on "
        "Thursday. She will be welcomed by Governor-General Bob Dadae and will hold talks with "
        "Prime Minister Tom Aisi of Papua New Guinea, who will host the meeting, as well as "
        "with the outgoing chair, Prime Minister Sione Latu of Tuvalu.\n")
    assert trip.traveler == "Lena Vogt"
    assert leaders(trip) == [("PG", ["Bob Dadae", "Tom Aisi", "Sione Latu"])]


@pytest.mark.parametrize("text", [
    "She will hold talks with Prime Minister Tom Aisi, who will chair the meeting, as well as "
    "with the outgoing chair, Prime Minister Sione Latu of Tuvalu.",
    "He will meet President Ana Duarte, who leads the bloc, and also with the vice-chair, "
    "Foreign Minister Sione Latu.",
])
def test_the_parse_keeps_an_added_with_phrase_in_the_meeting(text):
    from dashboard.extraction import meeting_grammar
    span = parse_lines(text).span(0, len(text))
    at = text.index("Sione Latu")
    assert any(a <= at < b for a, b in meeting_grammar.met_objects(span))


@pytest.mark.parametrize("lead", [
    '"Our nations share a long history," King Harald V told guests at a dinner in Oslo on '
    'Monday, welcoming the visiting Chilean President, Gabriel Rojas.',
    'Queen Margrethe II praised the ties between the two countries at a banquet in Oslo on '
    'Monday for the visiting President Gabriel Rojas of Chile.',
])
def test_the_visiting_leader_is_the_traveller_though_the_host_speaks_first(lead):
    trip = trip_of(f"Date: 2024-05-07\n\n{lead}\n\nOn Tuesday the president travels to "
                   "Bergen, where he will meet Prime Minister Jonas Berg.\n")
    assert trip.traveler == "Gabriel Rojas"


def test_a_host_event_for_the_visiting_traveller_is_where_the_traveller_is():
    trip = trip_of(
        "Date: 2024-05-07\n\n"
        '"We are old friends," Grand Duke Henri told guests at a state banquet at the palace '
        "in Luxembourg on Monday evening, raising a glass to the visiting Mexican President, "
        "Clara Ruiz.\n\nOn Tuesday the president travels to Brussels, where she will "
        "meet Prime Minister Jan Peeters.\n")
    assert trip.traveler == "Clara Ruiz"
    assert [(s.country_code, s.start) for s in trip.stops] == [
        ("LU", date(2024, 5, 6)), ("BE", date(2024, 5, 7))]


def test_a_meeting_named_for_a_plural_office_is_the_travellers_own():
    # "a Foreign Ministers' Meeting with X": the plural names the kind of meeting, not
    # someone else whose meeting it is
    trip = trip_of(
        "Date: 2024-02-20\n\nMinister Sato will visit Santiago on February 22, where she will "
        "pay a courtesy call on H.E. Mr. Pablo Reyes, President of the Republic of Chile, and "
        "hold a Japan-Chile Foreign Ministers' Meeting with H.E. Ms. Ana Vidal, Minister of "
        "Foreign Affairs.\n")
    assert leaders(trip) == [("CL", ["Pablo Reyes", "Ana Vidal"])]


@pytest.mark.parametrize("text", [
    "talks with Ms. Ana Vidal, Minister of Foreign Affairs, International Trade and Worship.",
    "met Mr. Olu Bello, Minister of Trade, Industry and Tourism, on Monday.",
])
def test_the_rest_of_a_written_out_portfolio_is_not_a_name(text):
    assert all(name in {"Ana Vidal", "Olu Bello"} for _title, name in people(text))


def test_leaders_of_other_countries_joined_for_a_summit_are_met_there():
    trip = trip_of(
        "Date: 2024-11-20\n\nPresident Lee will travel to Nairobi on Monday. The following "
        "day, he will travel to the port city of Mombasa. There he will join President Amani "
        "Otieno, President Joseph Kabila of Rwanda, and Vice President Grace Moyo of Uganda "
        "for a summit on the Northern Corridor.\n")
    assert leaders(trip)[-1] == ("KE", ["Amani Otieno", "Joseph Kabila", "Grace Moyo"])


def test_joining_ones_own_president_for_an_opening_is_no_meeting():
    trip = trip_of(
        "Date: 2015-11-25\n\nSecretary of State Ana Ruiz will travel to Lima, Peru, on "
        "November 30 to join President Tom Baker for the opening of the summit in Lima.\n")
    assert leaders(trip) == [("PE", [])]


@pytest.mark.parametrize("opening", [
    "Liu Wen spent Sunday and Monday in Lusaka, where he met President Hakainde Mwila.",
    "Liu Wen stayed two nights in Lusaka, where he met President Hakainde Mwila.",
])
def test_an_untitled_traveller_who_spends_days_somewhere_is_found_by_the_parse(opening):
    trip = trip_of(
        "Title: Analysis: why the foreign minister keeps going back\nDate: 2025-01-08\n\n"
        f"For years the minister has opened the year with a tour. {opening} On Tuesday he was "
        "in Harare for talks with President Tendai Moyo.\n")
    assert trip.traveler == "Liu Wen"


def test_a_predecessor_named_in_apposition_travels_on_his_own_trip():
    trip = trip_of(
        "Date: 2025-01-08\n\nForeign Minister Liu Wen arrived in Lusaka on Monday for talks "
        "with President Hakainde Mwila. Two years ago his predecessor, Zhao Ming, went to "
        "Ghana, Togo and Benin.\n")
    assert [s.country_code for s in trip.stops] == ["ZM"]


# ------------------------------------------------ the whole name the parse gives

@pytest.mark.parametrize(("text", "expected"), [
    # honorifics, a hyphenated family name, the office in apposition after it
    ("ROME, June 2, 2024 - Italian Prime Minister Giorgia Meloni will travel to Accra on "
     "June 5, where she will hold talks with H.E. Mr. Kwame Osei-Mensah, President of the "
     "Republic of Ghana.", [("GH", ["Kwame Osei-Mensah"])]),
    ("TOKYO, April 2, 2024 - Prime Minister Fumio Kishida arrived in Cairo on Saturday and "
     "held a summit meeting with Mr. Abdel Fattah El-Sisi, President of Egypt.",
     [("EG", ["Abdel Fattah El-Sisi"])]),
])
def test_a_hyphenated_family_name_is_not_cut_at_its_hyphen(text, expected):
    assert leaders(trip_of(text)) == expected


def test_a_name_with_particles_in_a_list_keeps_its_given_name():
    # the parse hangs the given name from the list and "van der Velde" from another member
    trip = trip_of(
        "LONDON, May 3, 2024 - British Foreign Secretary David Lammy arrived in Brussels on "
        "Friday, where he held talks with the EU's Josep Borrell and Maria van der Velde.")
    assert leaders(trip) == [("BE", ["Josep Borrell", "Maria van der Velde"])]


def test_a_meeting_asked_about_in_a_question_is_no_meeting():
    trip = trip_of(
        "WASHINGTON, May 3, 2024 - Secretary of State Antony Blinken travels to Israel on "
        "Monday. QUESTION: Will the Secretary meet Avi Dichter while he is in Israel?")
    assert leaders(trip) == [("IL", [])]


# ------------------------------------------------ a couple that travels together

@pytest.mark.parametrize("opening", [
    "OSLO, May 6, 2024 - King Harald V and Queen Sonja arrived in Jakarta on Monday for a "
    "three-day state visit.",
    "OSLO, May 6, 2024 - On Monday King Harald V and Queen Sonja flew to Jakarta for a "
    "three-day state visit.",
])
def test_the_first_named_of_a_travelling_couple_is_the_traveller(opening):
    # the companion is named more often afterwards; the monarch keeps the title
    trip = trip_of(
        f"{opening} Queen Sonja's gown drew praise at the banquet. On Tuesday Queen Sonja "
        "opened an exhibition of Norwegian art.")
    assert trip.traveler == "King Harald V"



# ------------------------------------------------ hosts and a country's leader without title

@pytest.mark.parametrize("host_clause", [
    "Turkish President Recep Tayyip Erdogan said on Tuesday that Ankara would double trade "
    "with Kenya, as he hosted Ruto at the presidential palace.",
    "Turkish President Recep Tayyip Erdogan told reporters that both sides had signed five "
    "agreements when he received Ruto on Tuesday.",
])
def test_a_host_far_from_the_hosting_verb_is_met(host_clause):
    # the pronoun subject of "hosted" stands for the named subject of the main clause
    trip = trip_of(
        "NAIROBI, June 4, 2024 - Kenyan President William Ruto arrived in Ankara on Monday. "
        + host_clause)
    assert leaders(trip) == [("TR", ["Recep Tayyip Erdogan"])]


def test_a_countrys_leader_named_without_title_is_met_in_that_country():
    trip = trip_of(
        "NAIROBI, June 4, 2024 - Kenyan President William Ruto was in Ankara on Tuesday, a day "
        "after he met Greece's Kyriakos Mitsotakis in Athens.")
    assert dict(leaders(trip)) == {"TR": [], "GR": ["Kyriakos Mitsotakis"]}


@pytest.mark.parametrize(("sentence", "only_about_others"), [
    ("Tomorrow she will hold the annual leaders' meeting with Premier Wang Tao before "
     "visiting the Forbidden City, where former president Mary Robinson was photographed "
     "with Premier Zhou Enlai in 1979, 45 years ago.", True),
    ("He toured the old palace in 1986, 38 years ago, and met Premier Zhao Ziyang.", False),
])
def test_a_time_restated_after_a_relative_clause_belongs_to_it(sentence, only_about_others):
    fact = SentenceFacts(split_sentences(sentence, 0, None)[0])
    fact.parse = parse_lines(sentence).span(0, len(sentence))
    assert past_only_about_a_person(fact, sentence) is only_about_others


def test_a_time_restated_after_a_past_relative_clause_leaves_the_main_meeting():
    # "in 1986, 38 years ago" belongs to the "where" clause about others, not to the lunch
    trip = trip_of(
        "CANBERRA, May 6, 2024 - Australian Prime Minister Anthony Albanese arrived in Beijing "
        "on Monday. Tomorrow he will hold the annual leaders' meeting with Premier Wang Tao "
        "before visiting the Forbidden City, where former president Mary Robinson was "
        "photographed with Premier Zhou Enlai in 1979, 45 years ago.")
    assert leaders(trip) == [("CN", ["Wang Tao"])]


@pytest.mark.parametrize(("telling", "expected"), [
    ("Japanese Prime Minister Fumio Kishida told Albanese as the two leaders sat down at his "
     "office on Tuesday.", ["Fumio Kishida"]),
    # words said on a call are no meeting at a stop
    ("South Korean President Yoon Suk Yeol told Albanese by phone on Tuesday.", []),
])
def test_a_leader_who_tells_the_traveller_something_face_to_face_is_met(telling, expected):
    trip = trip_of(
        "CANBERRA, May 6, 2024 - Australian Prime Minister Anthony Albanese arrived in Tokyo on "
        f"Monday. \"Our partnership has never been stronger,\" {telling}")
    assert leaders(trip) == [("JP", expected)]


@pytest.mark.parametrize(("opening", "expected"), [
    # "arrived in X from Y, where he had held talks with ...": Y is the stop before X (the
    # told-back rule of tests/test_place_rules.py), and the meeting is there
    ("", [("UG", ["Yoweri Museveni"]), ("RW", [])]),
    # ... and where it is one, the meeting is there, not at the destination
    ("French President Emmanuel Macron started his tour in Uganda on Thursday. ",
     [("UG", ["Yoweri Museveni"]), ("RW", [])]),
])
def test_a_leader_met_in_their_own_country_named_before_them_is_not_at_the_destination(
        opening, expected):
    trip = trip_of(
        f"PARIS, May 3, 2024 - {opening}French President Emmanuel Macron arrived in Kigali on "
        "Friday night from Kampala, across Lake Victoria, where he had held talks with Ugandan "
        "President Yoweri Museveni over dinner.")
    assert leaders(trip) == expected


@pytest.mark.parametrize(("second", "expected"), [
    # another country's leader the traveller only speaks with: a call, no meeting at the stop
    ("He spoke yesterday with Israeli Prime Minister Benjamin Netanyahu about the hostages.",
     ["Abdel Fattah el-Sisi"]),
    ("On Tuesday he spoke with Jordan's King Abdullah II about aid.", ["Abdel Fattah el-Sisi"]),
    # the stop's own leader: spoken with there
    ("On Tuesday he also spoke with Egyptian Prime Minister Mostafa Madbouly about aid.",
     ["Abdel Fattah el-Sisi", "Mostafa Madbouly"]),
])
def test_speaking_with_another_countrys_leader_is_a_call(second, expected):
    trip = trip_of(
        "WASHINGTON, May 3, 2024 - Secretary of State Antony Blinken arrived in Cairo on Monday "
        f"for talks with Egyptian President Abdel Fattah el-Sisi. {second}")
    assert leaders(trip) == [("EG", expected)]


@pytest.mark.parametrize("second", [
    "On Tuesday Ruto and his Tanzanian counterpart Samia Suluhu Hassan disagreed openly over "
    "the border.",
    "On Tuesday Tanzanian President Samia Suluhu Hassan and Ruto signed a railway deal.",
])
def test_a_foreign_leader_sharing_a_subject_with_the_traveller_is_met(second):
    trip = trip_of(
        f"NAIROBI, June 4, 2024 - Kenyan President William Ruto arrived in Dodoma on Monday. "
        f"{second}")
    assert leaders(trip) == [("TZ", ["Samia Suluhu Hassan"])]


def test_a_rank_or_style_after_a_title_is_no_name():
    # "the Queen Consort" names no one called Consort; "Prime Minister Brigadier (retd) X" is X
    assert people("The King and the Queen Consort arrived in Berlin.") == []
    found = people("He met Prime Minister Brigadier (retd) Ann Okafor in Georgetown.")
    assert ("Prime Minister", "Brigadier") not in found


@pytest.mark.parametrize("honorific", ["Smt.", "Shri", "Sri", "H.E."])
def test_an_abbreviated_honorific_ends_no_sentence_and_is_no_part_of_the_name(honorific):
    trip = trip_of("Date: 2025-03-01\n\nThe Vice President of India, "
                   f"{honorific} Meera Iyer, will pay an official visit to Kenya on 5 March. "
                   "She will meet President William Ruto in Nairobi.\n")
    assert trip.traveler == "Meera Iyer"


def test_a_longer_name_with_another_first_name_is_a_relative_not_the_traveller():
    # the First Lady's name holds the President's whole name after her own
    trip = trip_of("Date: 2025-03-02\n\nPresident Budi Santoso on Sunday departed for a "
                   "visit to Egypt and Jordan. The President and First Lady Wulan Budi Santoso "
                   "departed from Jakarta. He will meet President Abdel Fattah al-Sisi in "
                   "Cairo on Monday.\n")
    assert trip.traveler == "Budi Santoso"


def test_an_acronym_joined_is_an_organisation_not_a_leader():
    trip = trip_of("Date: 2025-03-02\n\nPresident Budi Santoso will meet President William "
                   "Ruto in Nairobi on Monday. Indonesia has not decided to join BRICS, whose "
                   "members are Brazil, Russia, India, China and South Africa.\n")
    assert [leader.name for s in trip.stops for leader in s.leaders] == ["William Ruto"]


def test_an_untitled_protagonist_named_far_more_often_than_any_titled_person_is_the_traveller():
    # a feature's style: the traveller is never given a title; the titled man is named once
    trip = trip_of(
        "Date: 2025-03-02\n\nWhen Ana Pereira sat down opposite Otto Brandt in Berlin "
        "yesterday, she had a plan in her folder.\n\nThe delegation - Pereira, Chile's "
        "Luis Soto and Peru's president Rosa Vega, the current chair - spent two hours with "
        "the chancellor. \"We are here to listen,\" Pereira told him.\n\nEarlier, Pereira "
        "had stopped in Paris. Back home, Pereira's critics called the mission a failure.\n")
    assert trip.traveler == "Ana Pereira"


def test_an_untitled_protagonist_when_the_only_titled_person_is_met():
    trip = trip_of(
        "Date: 2025-03-02\n\nWhen Ana Pereira sat down with Chancellor Otto Brandt in Berlin "
        "yesterday, she had a plan in her folder.\n\n\"We are here to listen,\" Pereira told "
        "him.\n\nEarlier, Pereira had stopped in Paris. Back home, Pereira's critics called "
        "the mission a failure.\n")
    assert trip.traveler == "Ana Pereira"


def test_a_mayor_or_governor_of_a_stop_place_is_a_leader_met_there():
    trip = trip_of("Date: 2024-05-22\n\nPresident Ama Mensah of Ghana landed in Atlanta on "
                   "Monday. She held talks with Atlanta Mayor Andre Dickens on housing and "
                   "visited the Martin Luther King Jr. Center.\n")
    assert [leader.name for leader in trip.stops[0].leaders] == ["Andre Dickens"]


def test_a_host_calling_on_or_welcoming_the_traveller_is_met():
    trip = trip_of("Date: 2025-09-06\n\nPrime Minister Rina Das reached Nairobi on Monday "
                   "afternoon. In the evening Kenyan Foreign Minister Musalia Mudavadi called "
                   "on her at her hotel.\n\nOn Tuesday, President William Ruto will welcome the "
                   "Prime Minister at State House.\n")
    assert [leader.name for leader in trip.stops[0].leaders] == ["Musalia Mudavadi",
                                                                 "William Ruto"]


def test_a_time_describing_a_thing_does_not_make_the_meeting_an_earlier_trips():
    # "signed in May" dates the agreement; the meeting on Thursday is this trip's
    trip = trip_of("Date: 2023-07-27\n\nLloyd Austin arrived in Port Moresby, Papua New Guinea, "
                   "on Wednesday. Austin met Prime Minister James Marape on Thursday to discuss "
                   "a defence agreement signed in May.\n")
    assert [leader.name for leader in trip.stops[0].leaders] == ["James Marape"]


def test_a_time_describing_a_summit_still_dates_an_earlier_meeting():
    trip = trip_of("Date: 2024-12-02\n\nForeign Minister Li Wen arrived in Windhoek, Namibia, "
                   "on Monday. The trip follows the summit hosted by President Xi Jinping in "
                   "September.\n")
    assert [leader.name for s in trip.stops for leader in s.leaders] == []


@pytest.mark.parametrize("sentence, expected", [
    ("Lin Bao, general secretary of the Central Committee of the party, arrived on Monday.",
     ("General Secretary", "Lin Bao")),
    ("He was greeted by Ri Song Chol, chairman of the State Affairs Commission of the DPRK.",
     ("Chairman", "Ri Song Chol")),
    ("His Excellency Mr. Tomas Vidal, President of the Republic of Peru, paid a visit.",
     ("President", "Tomas Vidal")),
])
def test_an_office_in_apposition_after_a_full_name_titles_it(sentence, expected):
    assert [(p.title, p.name) for p in find_people(sentence, 0, len(sentence))] == [expected]


def test_a_state_agency_story_names_its_traveller_and_host_by_offices_after_the_names():
    text = ("Title: State visit\nDate: 2019-06-21\n\n"
            "Hanoi, June 21 (VNA) -- Lin Bao, general secretary of the Central Committee of the "
            "party and president of the republic, arrived in Hanoi on June 20 for a state visit. "
            "He was greeted at the airport by Tran Van Minh, chairman of the National Assembly "
            "of Viet Nam.\n")
    trip = trip_of(text)
    assert trip.traveler == "Lin Bao"
    assert [(s.city, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("Hanoi", ["Tran Van Minh"])]
