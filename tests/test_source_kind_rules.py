"""Round 14: kinds of source the blind sets showed we misread (a court circular, a papal
programme, a release in the first person, a wire story on a host's day, a page of a news
agency). Each test is a short text of our own wording with its right reading; each rule is
about the grammar or the page's form, never a name."""

from __future__ import annotations

import warnings
from pathlib import Path

from dashboard.articles import read_article, read_article_text
from dashboard.extraction import extract_trip
from dashboard.extraction.people import find_people
from dashboard.extraction.places import find_places


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def fixture_trip(folder: str, name: str):
    """The trip of a blind set's own text (tests/fixtures/blind), where a short text of our
    own wording did not reproduce the fault."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article(Path(__file__).parent / "fixtures" / "blind" / folder
                                         / name))


def stops(trip) -> list[tuple[str, str | None]]:
    return [(s.country_code, s.city) for s in trip.stops]


def leaders(trip, n: int = 0) -> list[str]:
    return [leader.name for leader in trip.stops[n].leaders]


def days(trip) -> list[tuple[str | None, str | None]]:
    return [(str(s.start) if s.start else None, str(s.end) if s.end else None)
            for s in trip.stops]


# ---------------------------------------------------------------- a diary of dated entries

CIRCULAR = ("Title: Court Circular, 3-5 May 1998\nDate: 1998-05-06\n\nCOURT CIRCULAR\n\n"
            "BUCKINGHAM PALACE\nMay 3: The Queen and The Duke of Edinburgh this morning left "
            "Heathrow Airport, London, for Chile on a State Visit.\n\nSANTIAGO\n"
            "May 3: The Queen and The Duke of Edinburgh this afternoon arrived in Santiago and "
            "were received by the Mayor (Mr Jaime Ravinet).\n\nMay 4: The Queen and The Duke of "
            "Edinburgh today travelled from Santiago to Valparaiso.\n\nMay 5: The Queen and The "
            "Duke of Edinburgh today concluded their State Visit and left Valparaiso.\n\n"
            "KENSINGTON PALACE\nMay 5: The Princess Royal this morning opened a school in "
            "Leeds.\n")


def test_a_court_circulars_bare_sovereign_with_a_time_of_day_is_the_traveller():
    # "The Queen ... this morning left": a time of day between the office and its verb
    trip = trip_of(CIRCULAR)
    assert trip.traveler == "Elizabeth II"
    assert stops(trip) == [("CL", "Santiago"), ("CL", "Valparaíso")]


def test_today_in_an_entry_under_its_own_date_is_that_date():
    # "May 4: ... today travelled": the entry's day, not the page's (6 May)
    assert days(trip_of(CIRCULAR)) == [("1998-05-03", "1998-05-04"), ("1998-05-04", "1998-05-05")]


def test_an_office_holder_named_in_brackets_after_the_office_is_met():
    assert leaders(trip_of(CIRCULAR)) == ["Jaime Ravinet"]


# ---------------------------------------------------------------- a programme's route lines

PROGRAMME = ("Title: The programme of the journey\nDate: 2023-01-30\n\nPope Francis will fly "
             "to Kinshasa tomorrow.\n\nTUESDAY 31 JANUARY 2023\nROME - KINSHASA\n"
             "08:00 Departure by air from Rome/Fiumicino for Kinshasa\n15:00 Arrival at "
             "Kinshasa Airport\nCourtesy visit to the President of the Republic, Felix "
             "Tshisekedi\n\nFRIDAY 3 FEBRUARY 2023\nKINSHASA - JUBA\nDeparture by air for Juba\n"
             "Arrival at Juba Airport\n\nSUNDAY 5 FEBRUARY 2023\nJUBA - ROME\nDeparture by air "
             "for Rome\nArrival at Rome/Ciampino Airport\n")


def test_a_popes_programme_goes_from_rome_and_back_without_an_italian_stop():
    # the Holy See is an enclave in Rome: its airports are home ground (data/places.toml)
    trip = trip_of(PROGRAMME)
    assert stops(trip) == [("CD", "Kinshasa"), ("SS", "Juba")]


def test_a_route_line_under_a_day_heading_takes_that_days_date():
    # "FRIDAY 3 FEBRUARY 2023" then "KINSHASA - JUBA" then "Departure by air for Juba"
    assert days(trip_of(PROGRAMME))[1][0] == "2023-02-03"


def test_a_courtesy_visit_to_an_office_holder_is_a_meeting():
    assert leaders(trip_of(PROGRAMME)) == ["Felix Tshisekedi"]


# ---------------------------------------------------------------- travellers

def test_a_release_header_names_the_first_person_who_travels():
    text = ("Title: Mission delivers for exporters\nDate: 2023-06-30\n\nRelease | Rt Hon Anna "
            "Rowe | Prime Minister\n\nThis week I led a business delegation on my first visit "
            "to Vietnam as Prime Minister. In Hanoi I met President Vo Van Thuong.\n")
    trip = trip_of(text)
    assert trip.traveler == "Anna Rowe"
    assert stops(trip) == [("VN", "Hanoi")]


def test_a_sentence_opening_on_next_month_is_a_later_trip():
    text = ("Date: 2023-06-30\n\nThis week I visited Vietnam as Prime Minister Anna Rowe's envoy."
            " In Hanoi I met President Vo Van Thuong. Next month I travel to Vilnius for the "
            "NATO summit.\n")
    assert [code for code, _city in stops(trip_of(text))] == ["VN"]


def test_a_trip_announced_for_next_month_is_still_the_trip():
    text = ("Date: 2023-06-30\n\nNext month Foreign Minister Anna Rowe will travel to Vilnius "
            "for the NATO summit.\n")
    assert [code for code, _city in stops(trip_of(text))] == ["LT"]


def test_an_envoy_to_the_united_nations_is_a_traveller():
    text = ("Date: 2017-10-25\n\nJUBA (Reuters) - U.S. Ambassador to the United Nations Dana "
            "Pruitt met South Sudan's President Salva Kiir in Juba on Wednesday.\n")
    trip = trip_of(text)
    assert trip.traveler == "Dana Pruitt"
    assert leaders(trip) == ["Salva Kiir"]


def test_the_delegation_leader_of_a_members_list_is_the_traveller():
    text = ("Title: Report of the delegation\nDate: 2009-04-10\n\nDELEGATION\nThe Honorable Mary "
            "Quill, Chair (Delegation Leader)\nThe Honorable Tom Aske\nThe Honorable Ray Dunn\n\n"
            "The delegation began its trip in Amman, where it met King Abdullah II. In Beirut "
            "the delegation met with Prime Minister Fouad Siniora. A wreath was laid at the "
            "grave of former Prime Minister Rafik Hariri.\n")
    assert trip_of(text).traveler == "Mary Quill"


def test_the_lead_sentences_subject_after_a_dateline_is_the_traveller():
    # the last paragraph's "Ukrainian President X has asked ..." is background
    text = ("Title: Ba reassured after Putin talks\nDate: 2022-06-03\n\nSOCHI, Russia, June 3 - "
            "Senegalese President Amadou Ba, the "
            "chairman of the regional body, said on Friday he was reassured after talks with "
            "Russian President Vladimir Putin.\n\nPutin told his guests that Moscow was ready to "
            "help.\n\nUkrainian President Volodymyr Zelenskiy has asked to address the body, "
            "officials said.\n")
    assert trip_of(text).traveler == "Amadou Ba"


def test_an_untitled_subject_after_fronted_phrases_is_the_traveller():
    text = ("Title: The devil and the seat\nDate: 2006-09-24\n\nOn Thursday, in a hall in "
            "Harlem, Marco Valdes did what he does best: he spoke for a long time. He came to "
            "New York to win votes. A week earlier, in Havana, Valdes had been the star of a "
            "summit. Nina Korr called him a thug. Valdes will say he speaks for the South.\n")
    assert trip_of(text).traveler == "Marco Valdes"


def test_a_hyphenated_given_name_comes_after_the_family_name():
    (person,) = [p for p in find_people("Vice President Lai Ching-te arrived.", 0, 36)]
    assert person.surname == "Lai"


def test_a_south_asian_honorific_is_no_part_of_the_name():
    text = ("Date: 2022-04-03\n\n1. At the invitation of the Prime Minister of India, the Prime "
            "Minister of Nepal, Rt. Hon'ble Sher Bahadur Deuba, paid an Official Visit to India "
            "from 1-3 April 2022.\n")
    assert trip_of(text).traveler == "Sher Bahadur Deuba"


# ---------------------------------------------------------------- leaders

def test_a_host_of_the_two_leaders_is_met():
    text = ("Date: 2019-03-08\n\nLISBON - Armenian Foreign Minister Ararat Mirzoyan arrived in "
            "Lisbon on Thursday. Portuguese Prime Minister Antonio Costa hosted the two ministers"
            " on Friday and held talks with each before the signing.\n")
    assert leaders(trip_of(text)) == ["Antonio Costa"]


def test_two_subjects_meeting_each_other_meet():
    text = ("Date: 2019-03-08\n\nACCRA - German Chancellor Olaf Scholz arrived in Ghana on "
            "Thursday. On Friday, Scholz and President Nana Akufo-Addo met at Jubilee House.\n")
    assert leaders(trip_of(text)) == ["Nana Akufo-Addo"]


def test_two_subjects_meeting_a_third_are_companions():
    text = ("Date: 2013-05-20\n\nWASHINGTON - Bank President Jim Yong Kim will travel with "
            "Secretary-General Ban Ki-moon to Kinshasa on Wednesday, where Kim and Ban will meet"
            " President Joseph Kabila.\n")
    assert leaders(trip_of(text)) == ["Joseph Kabila"]


def test_going_somewhere_with_a_host_is_meeting_them_there():
    text = ("Date: 2019-03-08\n\nFrench President Emmanuel Macron will fly to Japan on Monday "
            "for talks with Prime Minister Fumio Kishida in Tokyo. On Wednesday, Macron will go "
            "to Kyoto with Kishida.\n")
    assert leaders(trip_of(text), 1) == ["Fumio Kishida"]


def test_a_ruler_known_by_his_rank_is_met():
    text = ("Date: 2008-08-31\n\nThe Italian Prime Minister, Silvio Berlusconi, was in Libya "
            "yesterday, where in Benghazi he and the Leader of the Revolution, Colonel Muammar "
            "Gaddafi, signed a treaty.\n")
    assert leaders(trip_of(text)) == ["Muammar Gaddafi"]


def test_an_encounter_with_a_minister_is_a_meeting():
    text = ("Title: Truss in Moscow\nDate: 2022-02-11\n\nLiz Truss left Moscow last night after "
            "a bruising encounter with Sergei Lavrov, the Russian foreign minister. The Foreign "
            "Secretary had flown into Moscow on Wednesday night.\n")
    assert leaders(trip_of(text)) == ["Sergei Lavrov"]


def test_another_ministers_trip_in_the_story_meets_nobody_for_the_traveller():
    text = ("Date: 2022-02-11\n\nForeign Secretary Liz Truss flew into Moscow on Wednesday "
            "night for talks with Foreign Minister Sergei Lavrov.\n\nBen Wallace, the Defence "
            "Secretary, travels to Moscow today to meet his Russian counterpart, Sergei "
            "Shoigu.\n")
    assert leaders(trip_of(text)) == ["Sergei Lavrov"]


def test_a_leader_named_by_title_and_surname_gets_the_office_holders_full_name():
    text = ("Date: 1994-01-16\n\nGENEVA, Jan 16 (wire) - Syrian President Hafez al-Assad flew "
            "to Geneva on Sunday for his first meeting with President Clinton.\n")
    trip = trip_of(text)
    assert stops(trip) == [("CH", "Geneva")]
    assert leaders(trip) == ["Bill Clinton"]


# ---------------------------------------------------------------- places and days

def test_a_us_state_is_not_the_country_inside_its_name():
    found = [(m.text, m.kind) for m in find_places("He spoke in New Mexico and New Jersey.")]
    assert found == []


def test_a_page_naming_us_states_keeps_a_small_us_town():
    text = ("Date: 1995-06-09\n\nITHACA - Taiwan's President Lee Teng-hui arrived in Ithaca on "
            "Thursday after flying from Taipei. Supporters booked buses from New Jersey.\n")
    assert stops(trip_of(text)) == [("US", "Ithaca")]


def test_a_briefings_verbless_next_leg_is_a_stop():
    text = ("Date: 2011-05-06\n\nSENIOR OFFICIAL: The Prime Minister leaves Sunday. We arrive in "
            "Nairobi on Monday. Then Tanzania. After Tanzania, Malawi, where the Prime Minister "
            "will meet President Bingu wa Mutharika.\n")
    assert [code for code, _city in stops(trip_of(text))] == ["KE", "TZ", "MW"]


def test_another_persons_day_in_a_relative_clause_is_not_the_stops():
    text = ("Date: 2022-02-11\n\nLiz Truss left Moscow last night. The Foreign Secretary flew "
            "into Moscow on Wednesday night.\n\nSir Keir Starmer, who was surrounded by "
            "protesters outside Parliament on Monday, accused the government of drift over "
            "Russia.\n")
    assert days(trip_of(text)) == [("2022-02-09", "2022-02-10")]


def test_a_day_spent_somewhere_in_the_passive_is_a_stop():
    text = ("Date: 2018-02-22\n\nOn Sunday Prime Minister Justin Trudeau visited the Taj Mahal in "
            "Agra. Tuesday was spent in Mumbai, with business leaders.\n")
    assert stops(trip_of(text)) == [("IN", "Agra"), ("IN", "Mumbai")]


def test_an_agency_dateline_at_home_gives_no_day_to_the_stop():
    text = ("Date: 2023-08-16\n\nTaipei, Aug. 16 (TNN) Vice President Lai Ching-te attended the "
            "inauguration of Paraguayan President Santiago Pena in Asuncion on Tuesday.\n")
    trip = trip_of(text)
    assert trip.traveler == "Lai Ching-te"
    assert days(trip) == [("2023-08-15", "2023-08-15")]


def test_a_place_set_apart_before_also_travelling_is_visited_too():
    text = ("Title: State visit to India\nDate: 2020-02-06\n\nPrime Minister Dinesh Perera will "
            "pay a State Visit to India from 07-11 February 2020.\n\nApart from New Delhi, Prime "
            "Minister Perera will also travel to Varanasi and Tirupati.\n")
    assert [city for _code, city in stops(trip_of(text))] == ["New Delhi", "Varanasi", "Tirupati"]


def test_a_host_at_home_opening_the_lead_is_no_traveller():
    # "DAMASCUS, Sept 1 (Reuters) - Syrian President X told U.N. Secretary-General Y ...": the
    # lead's subject gets no weight for opening the story when the dateline is their home
    # (a blind set's text: the bonus alone turned it to the host)
    trip = fixture_trip("set14", "05_wire_annan_lebanon_israel_syria_iran_2006.txt")
    assert trip.traveler == "Kofi Annan"


def test_the_guest_a_host_receives_in_the_hosts_paper_is_the_traveller():
    text = ("Title: Ruiz chose Lima for his first trip abroad\nDate: 2022-04-04\n\nPresident Ana "
            "Castillo received this Monday her Bolivian counterpart Tomas Ruiz at the Government "
            "Palace, in the first visit abroad of the leader. \"We share a destiny,\" Castillo "
            "said. Castillo thanked Ruiz for making Peru his first destination. Castillo later "
            "addressed Congress.\n")
    trip = trip_of(text)
    assert trip.traveler == "Tomas Ruiz"
    assert stops(trip) == [("PE", "Lima")]


def test_he_after_a_family_name_is_a_given_name_not_a_pronoun():
    text = "Vice Premier Liu He, who led the talks, will lead a delegation to Washington."
    assert [p.name for p in find_people(text, 0, len(text))] == ["Liu He"]


def test_a_leader_named_by_title_and_given_name_gets_the_full_name_the_text_gives():
    text = ("Title: Isaias in Addis\nDate: 2018-07-16\n\nADDIS ABABA - Eritrean President Isaias "
            "Afwerki arrived on Saturday for a visit which Prime Minister Dr. Abiy Ahmed called "
            "a new chapter. Prime Minister Abiy welcomed him at the airport.\n")
    assert leaders(trip_of(text)) == ["Abiy Ahmed"]


def test_the_first_named_of_two_visiting_ministers_in_the_lead_is_the_traveller():
    text = ("Title: Ministers tour Goma camp\nDate: 2008-11-01\n\nGOMA, Congo, Nov 1 - British "
            "Foreign Secretary Tom Ashby and his French counterpart Luc Marchand toured a camp "
            "on the edge of Goma on Saturday.\n\nThe two ministers flew to Goma from Kinshasa. "
            "Marchand said Europe could not stand aside. Marchand has raised the idea of a "
            "European force.\n")
    assert trip_of(text).traveler == "Tom Ashby"


def test_a_news_agencys_name_is_no_town():
    # Xinhua is also a town in China; after "news agency" or in a dateline's brackets it is
    # the agency
    text = ("Title: Kim enters China\nDate: 2011-08-25\n\nNorth Korean leader Kim Jong Il entered "
            "China on Thursday "
            "on his way home, state news agency Xinhua said.\n")
    trip = trip_of(text)
    assert [code for code, _city in stops(trip)] == ["CN"]
    assert stops(trip)[0][1] != "Xinhua"


def test_the_guest_a_speaker_welcomes_is_the_traveller():
    # "PRESIDENT OBAMA: Well, I want to welcome President Thein Sein to the White House. ...
    # When I visited Rangoon last November ...": the host's own earlier trip told in the
    # first person does not make him the traveller (a blind set's transcript)
    trip = fixture_trip("set29", "05_thein_sein_washington_2013.txt")
    assert trip.traveler == "Thein Sein"
    assert stops(trip) == [("US", "Washington")]


def test_a_speaker_who_welcomed_the_guest_is_not_the_traveller_of_their_own_statement():
    # "PRIME MINISTER ABE: Yesterday I had the great pleasure of welcoming President Putin to
    # my home town ... I intend to visit Russia again next year" (a blind set's transcript)
    trip = fixture_trip("set30", "14_transcript_putin_abe_nagato_tokyo_2016.txt")
    assert trip.traveler == "Vladimir Putin"


def test_a_royal_couples_first_name_takes_the_first_title():
    text = "The King and Queen of Spain, Felipe VI and Letizia, walked through the old town."
    found = [(p.title, p.name) for p in find_people(text, 0, len(text))]
    assert ("King", "Felipe VI") in found


def test_a_city_named_by_the_last_words_of_another_is_one_stop():
    # a headline's "Delhi" and the body's "New Delhi"
    text = ("Title: Deals signed in Delhi\nDate: 2023-06-02\n\nPrime Minister Pushpa Kamal Dahal "
            "held talks with his Indian counterpart Narendra Modi at Hyderabad House in New Delhi "
            "yesterday. He then flew to Indore.\n")
    assert [city for _code, city in stops(trip_of(text))] == ["New Delhi", "Indore"]
