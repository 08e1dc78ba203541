"""Whom the traveller meets: kinds of fault in finding hosts, one test each, in our own
wording.

Found on development texts (set11) and fixed as rules about the parse: a dateline the parse
makes the subject of "A and his counterpart B agreed", a pronoun sharing a subject with a
host ("he and X unveiled"), the traveller's own title owning a meeting ("the King's talks
with X"), and a host receiving the traveller by an office the text gives them.
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
    return [(s.country_code, [leader.name for leader in s.leaders]) for s in trip.stops]


@pytest.mark.parametrize("verb", ["agreed on Monday on a pact", "signed a trade accord"])
def test_a_counterpart_in_a_datelined_subject_is_met(verb):
    trip = trip_of(
        "Title: Sato, Binh agree on defence deal\nDate: 2021-03-09\n\n"
        "HANOI, March 8 -- Japanese Prime Minister Ken Sato and his Vietnamese counterpart "
        f"Tran Van Binh {verb}.\n\n"
        "Sato, who arrived in Hanoi on Sunday, also met party chief Le Van Hung.\n")
    assert trip.traveler == "Ken Sato"
    assert leaders(trip) == [("VN", ["Tran Van Binh", "Le Van Hung"])]


@pytest.mark.parametrize("verb", ["unveiled a new partnership", "opened a new wharf"])
def test_he_and_a_host_sharing_a_subject_are_together(verb):
    trip = trip_of(
        "Title: Prime minister visits Pacific\nDate: 2021-03-09\n\n"
        "Prime Minister Tom Reid arrived in Port Moresby on Monday. In Lae he and Papua New "
        f"Guinea's prime minister Joe Rabuka {verb} on Tuesday.\n")
    assert ("PG", ["Joe Rabuka"]) in leaders(trip)


@pytest.mark.parametrize(("title", "owner"), [("King", "the King's"),
                                               ("Prime Minister", "the Minister's")])
def test_the_travellers_own_title_owns_the_meeting(title, owner):
    trip = trip_of(
        f"Title: {title} ends Asia tour\nDate: 2017-03-20\n\n"
        f"{title} Omar Haddad of Jordan visited Japan and China this month. In Tokyo he met "
        f"Prime Minister Kenji Mori on 12 March. China came next: {owner} talks with "
        "President Li Wen in Beijing were followed by the signing of agreements.\n")
    assert leaders(trip) == [("JP", ["Kenji Mori"]), ("CN", ["Li Wen"])]


def test_a_host_receiving_the_traveller_by_an_office_is_met():
    trip = trip_of(
        "Title: Chief Adviser visits China\nDate: 2025-03-30\n\n"
        "Chief Adviser Karim Hossain visited China from 26 to 29 March. He arrived in Beijing "
        "on 27 March. On 28 March, President Li Wen received the Chief Adviser at the Great "
        "Hall of the People.\n")
    assert trip.traveler == "Karim Hossain"
    assert leaders(trip) == [("CN", ["Li Wen"])]


@pytest.mark.parametrize("office", ["the Secretary-General of ASEAN, Lim Boon Heng",
                                    "the Director-General of the WHO, Lim Boon Heng",
                                    "the Secretary General of NATO Lim Boon Heng"])
def test_the_head_of_an_organisation_known_by_its_acronym_is_met(office):
    trip = trip_of(
        "Title: Minister in Asia\nDate: 2008-05-23\n\n"
        "Foreign Minister Jan Kowalski arrived in Bangkok on Wednesday, and that evening he "
        f"met with the Thai Foreign Minister, Arun Chai, and with {office}.\n")
    assert leaders(trip) == [("TH", ["Arun Chai", "Lim Boon Heng"])]


@pytest.mark.parametrize("opening", ["The Emir", "the emir"])
def test_a_title_alone_in_either_case_stands_for_the_one_host_with_it(opening):
    trip = trip_of(
        "Title: Chancellor in the Gulf\nDate: 2022-09-25\n\n"
        "Chancellor Anna Vogel arrived in Doha on Sunday. Qatar's ruler, Qatari Emir Tamim "
        "bin Khalid Al Thani, is hosting a gas forum this week.\n\n"
        f"Later that day {opening} received her at the Amiri Diwan.\n")
    assert leaders(trip) == [("QA", ["Tamim bin Khalid Al Thani"])]


@pytest.mark.parametrize("second", ["Le Gall", "Gall"])
def test_a_titled_surname_listed_after_a_met_host_is_met_too(second):
    # the minister is named in full once, with a title in lower case and no country
    trip = trip_of(
        "Title: Minister in Paris\nDate: 2019-08-24\n\n"
        "Foreign Minister Ali Karimi arrived in Paris on Friday. The visit was prepared by "
        "foreign minister Paul Le Gall, his hosts said.\n\n"
        "On Friday Karimi held talks with Emmanuel Martin and "
        f"{second} at the foreign ministry.\n")
    assert leaders(trip) == [("FR", ["Emmanuel Martin", "Paul Le Gall"])]


def test_a_companion_first_in_someone_elses_talks_is_not_met():
    trip = trip_of(
        "Title: Secretary to join President in Asia\nDate: 2017-11-01\n\n"
        "Secretary of State Ann Jones will travel to Tokyo on November 5 with President Tom "
        "Baker and take part in bilateral talks between Baker and Japanese Prime Minister "
        "Ken Sato.\n")
    assert leaders(trip) == [("JP", ["Ken Sato"])]


@pytest.mark.parametrize("office", ["the president-elect", "the prime minister-designate"])
def test_a_future_time_about_someone_else_keeps_the_meeting_on_this_trip(office):
    # "who takes office in March" describes the second person, not when the meeting was;
    # the office "-elect"/"-designate" in lower case, the name in apposition
    trip = trip_of(
        "Title: Minister in Namibia\nDate: 2024-12-10\n\n"
        "Foreign Minister Chen Hua spent Sunday and Monday in Windhoek, where he met "
        f"Namibia's President Peter Amutenya and {office}, Maria Shikongo, who takes office "
        "in March.\n")
    assert leaders(trip) == [("NA", ["Peter Amutenya", "Maria Shikongo"])]


def test_a_meeting_in_a_clause_about_an_earlier_time_is_still_not_this_trips():
    trip = trip_of(
        "Title: Minister in Namibia\nDate: 2024-12-10\n\n"
        "Foreign Minister Chen Hua arrived in Windhoek on Sunday and met President Peter "
        "Amutenya. Chen, who had met Prime Minister Saara Kandjii in March, praised the "
        "ties.\n")
    assert leaders(trip) == [("NA", ["Peter Amutenya"])]


@pytest.mark.parametrize("meeting", ["after talks with", "after a meeting with",
                                     "after holding talks with"])
def test_after_the_meeting_itself_is_no_move_away_from_the_place(meeting):
    trip = trip_of(
        "Title: Vice President in Africa\nDate: 2023-03-25\n\n"
        "Vice President Ana Ruiz leaves Accra on Wednesday for Tanzania, where she will meet "
        "President Grace Mwinyi, and will end the tour in Lusaka, Zambia, on Saturday "
        f"{meeting} President Peter Banda.\n")
    assert ("ZM", ["Peter Banda"]) in leaders(trip)


def test_two_hosts_of_one_family_name_are_two_leaders():
    trip = trip_of(
        "Title: President in Central Asia\nDate: 2024-06-15\n\n"
        "The tour began on Monday in Ashgabat, where President Kim Dae-ho was welcomed by "
        "President Aman Berdiev. On Tuesday Kim met the national leader, Kurban Berdiev, at "
        "his residence.\n")
    assert leaders(trip) == [("TM", ["Aman Berdiev", "Kurban Berdiev"])]


@pytest.mark.parametrize("body", ["Organization for Security and Co-operation in Europe",
                                  "Gulf Cooperation Council"])
def test_the_head_of_an_organisation_named_in_full_before_a_comma_is_met(body):
    trip = trip_of(
        "Title: Secretary in Vienna\nDate: 2020-08-10\n\n"
        "Secretary Tom Hale will travel to Vienna on Friday. He will also meet with the "
        f"Secretary General of the {body}, Hans Greiner, to discuss security.\n")
    assert leaders(trip) == [("AT", ["Hans Greiner"])]


def test_a_chairperson_is_a_title():
    trip = trip_of(
        "Title: Minister in Ethiopia\nDate: 2023-01-12\n\n"
        "Foreign Minister Li Ming arrived in Addis Ababa on Tuesday and visited the "
        "headquarters of the African Union, where he met AU Commission Chairperson Musa "
        "Kamara.\n")
    assert leaders(trip) == [("ET", ["Musa Kamara"])]


@pytest.mark.parametrize("nationality", ["British ", ""])  # (home known or not)
@pytest.mark.parametrize(("office", "met"), [("Governor", True), ("Mayor", True),
                                              ("Senator", False)])
def test_a_governor_or_mayor_met_abroad_is_a_leader_of_that_stop(office, met, nationality):
    # (a senator with no country may be the traveller's own colleague: not a leader)
    trip = trip_of(
        "Title: Foreign Secretary in Africa\nDate: 2024-12-01\n\n"
        f"{nationality}Foreign Secretary David Lamb will visit Nigeria this week. On Tuesday I "
        f"will be in Lagos, Africa's largest city, where I will meet {office} Bola Adeyemi and "
        "visit a creative hub.\n")
    assert leaders(trip) == [("NG", ["Bola Adeyemi"] if met else [])]


def test_a_governor_met_at_home_is_no_leader_of_the_trip():
    trip = trip_of(
        "Title: Foreign Secretary in Africa\nDate: 2024-12-01\n\n"
        "British Foreign Secretary David Lamb will visit Nigeria this week. Before leaving "
        "London he met Governor Ann Hale of the Bank of England. In Abuja he will meet "
        "President Musa Bello.\n")
    assert leaders(trip) == [("NG", ["Musa Bello"])]


@pytest.mark.parametrize(("office", "place"), [("Washington State Governor", "Seattle"),
                                               ("New York State Governor", "Buffalo")])
def test_a_governor_of_a_state_of_the_stops_country_is_met(office, place):
    trip = trip_of(
        "Title: President arrives\nDate: 2015-09-23\n\n"
        f"President Ana Lima arrived in {place} on Tuesday for a state visit. She and her "
        f"husband were greeted at the airport by {office} Jay Ingram.\n")
    assert leaders(trip)[0][1] == ["Jay Ingram"]


def test_a_leader_is_listed_by_name_without_styles_and_a_one_word_name_keeps_its_title():
    # the truth files list "Tamim bin Hamad Al Thani" whether a text says Emir or Sheikh
    trip = trip_of(
        "Title: Chancellor in the Gulf\nDate: 2022-09-27\n\n"
        "Chancellor Anna Vogel arrived in Doha on Sunday, where she met Emir Sheikh Tamim "
        "bin Khalid Al Thani. On Monday she flew to Riyadh to meet King Fahd.\n")
    assert leaders(trip) == [("QA", ["Tamim bin Khalid Al Thani"]), ("SA", ["King Fahd"])]
    assert [leader.title for s in trip.stops for leader in s.leaders] == ["Emir", "King"]


@pytest.mark.parametrize("institution", ["the Sheikh Khalid Grand Mosque",
                                         "the King Omar University"])
def test_an_institution_named_after_a_person_is_no_leader(institution):
    trip = trip_of(
        "Title: President in the Gulf\nDate: 2023-12-07\n\n"
        "President Ivan Petrov arrived in Abu Dhabi on Wednesday and held talks with UAE "
        f"President Sheikh Khalid bin Saif Al Nahyan. Before leaving he visited {institution}.\n")
    assert leaders(trip) == [("AE", ["Khalid bin Saif Al Nahyan"])]


def test_a_shorter_form_that_opens_the_full_name_is_listed_in_full():
    trip = trip_of(
        "Title: President in the Gulf\nDate: 2023-12-07\n\n"
        "Talks with Sheikh Khalid bin Saif in Abu Dhabi are the first item of the day.\n\n"
        "President Ivan Petrov arrived in Abu Dhabi on Wednesday. At the palace, UAE President "
        "Sheikh Khalid bin Saif Al Nahyan called him a dear friend.\n")
    assert leaders(trip) == [("AE", ["Khalid bin Saif Al Nahyan"])]


def test_burmese_honorifics_are_not_part_of_the_name():
    trip = trip_of(
        "Title: Minister in Myanmar\nDate: 2017-09-04\n\n"
        "Foreign Minister Dewi Santoso arrived in Nay Pyi Taw on Monday, where she met State "
        "Counsellor Daw Khin Mya and President U Win Naing.\n")
    assert leaders(trip) == [("MM", ["Khin Mya", "Win Naing"])]


@pytest.mark.parametrize("verb", ["took him on a walk through the old market",
                                  "showed him around the palace"])
def test_a_host_leading_the_traveller_somewhere_in_person_is_met(verb):
    trip = trip_of(
        "Title: Prime minister in Jakarta\nDate: 2015-11-13\n\n"
        "Prime Minister Tom Reid flew to Jakarta on Thursday for his first overseas visit. "
        f"President Budi Santoso {verb}.\n")
    assert leaders(trip) == [("ID", ["Budi Santoso"])]


def test_being_with_a_leader_is_meeting_them():
    trip = trip_of(
        "Title: Prime minister in Europe\nDate: 2015-11-14\n\n"
        "Prime Minister Tom Reid flew to Berlin on Friday. He was with Chancellor Eva Braun on "
        "Friday evening for a working dinner.\n")
    assert leaders(trip) == [("DE", ["Eva Braun"])]


def test_a_meeting_told_after_leaving_one_stop_for_another_is_at_the_destination():
    trip = trip_of(
        "Title: Prime minister's first trip\nDate: 2015-11-20\n\n"
        "Prime Minister Tom Reid flew to Jakarta on 12 November, where he met President Budi "
        "Santoso.\n\nFrom Jakarta he flew to Berlin.\n\n"
        "Chancellor Eva Braun hosted him for a working dinner on the Friday.\n")
    assert leaders(trip) == [("ID", ["Budi Santoso"]), ("DE", ["Eva Braun"])]


@pytest.mark.parametrize("name", ["Thabo Lekota", "Thabo Ngcobo"])
def test_seeing_a_titled_name_the_model_takes_for_a_place_is_meeting_them(name):
    # (the model tags these names GPE or ORG; the title before them says they are people)
    trip = trip_of(
        "Title: Prime minister to visit Africa\nDate: 2007-05-21\n\n"
        "Prime Minister Tom Reid would then travel on to South Africa on Thursday, where he "
        f"would see President {name} and make a speech on Africa.\n")
    assert leaders(trip) == [("ZA", [name])]


# ---------------------------------------------- local hosts; the host who invites

def test_a_mayor_met_at_a_stop_the_narrative_is_at_is_a_leader():
    text = ("MEXICO CITY, Feb. 10, 2008 - President Ana Ruiz left today for a tour of the "
            "United States, before returning to Mexico City on Saturday. On Tuesday she will "
            "travel to Chicago. On Wednesday she will meet Mayor Richard Daley and community "
            "leaders there.")
    assert [(s.city, [x.name for x in s.leaders]) for s in trip_of(text).stops] == [
        ("Chicago", ["Richard Daley"])]


def test_the_host_who_invites_is_met_where_the_talks_are_not_at_the_first_stop():
    text = ("HANOI, June 17, 2005 - At the invitation of President George W. Bush, Prime "
            "Minister Phan Van Khai will begin his visit on the 19th in Seattle. On the 21st he "
            "will travel to Washington, where he will hold talks with President George W. "
            "Bush at the White House.")
    assert [(s.city, [x.name for x in s.leaders]) for s in trip_of(text).stops] == [
        ("Seattle", []), ("Washington", ["George W. Bush"])]


@pytest.mark.parametrize("negation", ["did not meet", "will not meet with", "refused to meet",
                                      "won't see"])
def test_a_leader_the_traveller_does_not_meet_is_no_leader(negation):
    text = ("ANKARA, May 3, 2015 - President Ana Ruiz arrived in Ankara on Monday and met "
            f"President Abdullah Gul. She {negation} Prime Minister Ahmet Davutoglu, an aide "
            "said.")
    assert [[x.name for x in s.leaders] for s in trip_of(text).stops] == [["Abdullah Gul"]]
