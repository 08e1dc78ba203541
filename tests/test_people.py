"""People with titles: nationality, display names, and who counts as a leader met."""

from __future__ import annotations

import warnings
from datetime import date

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip
from dashboard.extraction.people import find_people, meeting_objects
from dashboard.extraction.places import find_places


def people(text: str):
    found = find_places(text)
    nationality = {m.end: (m.place.code, m.text) for m in found
                   if m.kind in {"country", "demonym"}}
    countries = {m.start: (m.place.code, m.end) for m in found if m.kind == "country"}
    return find_people(text, 0, len(text), nationality, countries)


def trip_of(body: str, published: str = "2023-07-02"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("t.txt", f"Date: {published}\n\n{body}"))


def test_title_name_and_nationality():
    (petro,) = people("Colombian President Gustavo Petro met Blinken")
    assert (petro.title, petro.name, petro.nationality) == ("President", "Gustavo Petro", "CO")
    assert petro.display == "Gustavo Petro"
    (blinken,) = people("US Secretary of State Antony Blinken met")
    assert (blinken.title, blinken.nationality) == ("Secretary of State", "US")
    assert blinken.surname == "Blinken"


def test_longer_titles_win_and_lists_split():
    found = people("meet with President Gustavo Petro, Vice President Francia Márquez, and "
                   "Foreign Minister Álvaro Leyva.")
    assert [(p.title, p.name) for p in found] == [
        ("President", "Gustavo Petro"), ("Vice President", "Francia Márquez"),
        ("Foreign Minister", "Álvaro Leyva")]


def test_monarchs_keep_their_title_and_numeral():
    (king, sunak) = people("engagements with King Charles III and Prime Minister Rishi Sunak to")
    assert king.display == "King Charles III"
    assert sunak.display == "Rishi Sunak"


def test_hyphenated_and_possessive_names():
    (moon,) = people("talks with South Korean President Moon Jae-in and other leaders")
    assert (moon.name, moon.nationality) == ("Moon Jae-in", "KR")
    (biden,) = people("on President Biden’s Upcoming Travel")
    assert biden.name == "Biden" and biden.display == "President Biden"


def test_lowercase_titles_are_not_names():
    assert people("the president said he will meet the prime minister") == []


def test_meeting_objects_stop_at_the_clause_end():
    text = "He will meet with senior officials to discuss trade, where President X spoke."
    (span,) = meeting_objects(text, 0, len(text))
    assert text[span[0]:span[1]].strip() == "senior officials"


def test_the_travellers_own_head_of_state_is_not_a_leader_met():
    trip = trip_of("Secretary of State John Kerry will travel to Paris, France, on November 30 "
                   "to join President Obama for the opening of COP-21 in Paris.\n\n"
                   "He will then travel to Athens, Greece, on December 4 to meet with Greek "
                   "Prime Minister Alexis Tsipras.", published="2015-11-24")
    assert trip.traveler == "John Kerry"
    assert [[leader.name for leader in s.leaders] for s in trip.stops] == [[], ["Alexis Tsipras"]]


def test_spokespeople_and_the_travellers_compatriots_are_not_leaders():
    trip = trip_of("U.S. Secretary of State Rex Tillerson will travel to Tokyo on November 5 "
                   "with President Donald Trump and hold talks with Japanese Prime Minister "
                   "Shinzo Abe, State Department Spokesperson Heather Nauert said.\n\n"
                   "Tillerson will meet U.S. Ambassador William Hagerty in Tokyo.",
                   published="2017-11-02")
    (japan,) = trip.stops
    assert [leader.name for leader in japan.leaders] == ["Shinzo Abe"]


def test_a_leader_is_placed_where_the_meeting_happens_else_at_their_country():
    trip = trip_of("President Biden will travel to Vilnius, Lithuania on July 11 and then to "
                   "Helsinki, Finland on July 13.\n\nIn Vilnius he will meet Finnish President "
                   "Sauli Niinistö on the sidelines of the NATO Summit.")
    by_country = {s.country_code: [leader.name for leader in s.leaders] for s in trip.stops}
    assert by_country == {"LT": ["Sauli Niinistö"], "FI": []}
    trip = trip_of("President Biden will travel to Vilnius, Lithuania on July 11 and then to "
                   "Helsinki, Finland on July 13.\n\nHe will also meet Finnish President "
                   "Sauli Niinistö.")
    by_country = {s.country_code: [leader.name for leader in s.leaders] for s in trip.stops}
    assert by_country == {"LT": [], "FI": ["Sauli Niinistö"]}
    # each date goes to the destination named right before it; Vilnius's departure is not
    # stated and July 12 is unaccounted for, so its end stays unknown
    assert [(s.start, s.end) for s in trip.stops] == [
        (date(2023, 7, 11), None), (date(2023, 7, 13), date(2023, 7, 13))]


def test_possessive_country_gives_the_nationality():
    (kishida,) = people("Japan's Prime Minister Fumio Kishida said")
    assert (kishida.name, kishida.nationality) == ("Fumio Kishida", "JP")
    assert kishida.start == 0


def test_the_host_who_invited_the_traveller_is_a_leader_met():
    trip = trip_of("At the invitation of Russian Foreign Minister Sergey Lavrov, Chinese Foreign "
                   "Minister Wang Yi will pay an official visit to Russia from February 20 to 22.",
                   published="2023-02-15")
    assert trip.traveler == "Wang Yi"
    (russia,) = trip.stops
    assert [leader.name for leader in russia.leaders] == ["Sergey Lavrov"]
    assert (russia.start, russia.end) == (date(2023, 2, 20), date(2023, 2, 22))


def test_title_of_country_with_honorifics():
    found = people("At the invitation of President of France H.E. Mr. Emmanuel Macron, Prime "
                   "Minister Shri Narendra Modi will pay an Official Visit to France.")
    assert [(p.title, p.name, p.nationality) for p in found] == [
        ("President", "Emmanuel Macron", "FR"), ("Prime Minister", "Narendra Modi", None)]


def test_official_statement_style_with_hosts():
    trip = trip_of("Title: Prime Minister's visit to France and UAE\n"
                   "At the invitation of President of France H.E. Mr. Emmanuel Macron, Prime "
                   "Minister Shri Narendra Modi will pay an Official Visit to France from 13-14 "
                   "July 2023.\n\nThereafter, the Prime Minister will travel to Abu Dhabi, UAE "
                   "on 15 July 2023, where he will hold talks with His Highness Sheikh Mohamed "
                   "bin Zayed Al Nahyan.\n", published="2023-07-11")
    assert trip.traveler == "Narendra Modi"
    assert [(s.country_code, s.start, s.end, [leader.name for leader in s.leaders])
            for s in trip.stops] == [
        ("FR", date(2023, 7, 13), date(2023, 7, 14), ["Emmanuel Macron"]),
        ("AE", date(2023, 7, 15), date(2023, 7, 15), ["Mohamed bin Zayed Al Nahyan"]),
    ]


def test_headline_case_verbs_end_a_name():
    assert [(p.title, p.name) for p in people("Secretary Kerry Travels to France, Belgium")] == [
        ("Secretary", "Kerry")]
    assert [p.name for p in people("Secretary Blinken Meets With Colombian President Petro")] \
        == ["Blinken", "Petro"]
    assert [p.name for p in people("Prime Minister Sunak Arrives In Tokyo")] == ["Sunak"]


def test_portfolio_titles_sheikh_and_long_arabic_names():
    assert [(p.title, p.name) for p in people(
        "He met Secretary of Foreign Affairs Enrique Manalo and Minister of International "
        "Relations and Cooperation Naledi Pandor.")] == [
        ("Secretary of Foreign Affairs", "Enrique Manalo"),
        ("Minister of International Relations and Cooperation", "Naledi Pandor")]
    (person,) = people("talks with United Arab Emirates President Sheikh Mohamed bin Zayed "
                       "Al Nahyan, before returning")
    assert (person.name, person.nationality) == ("Mohamed bin Zayed Al Nahyan", "AE")


def test_jr_is_kept_and_al_prefixed_surnames_match_bare_ones():
    (person,) = people("He will meet President Ferdinand Marcos Jr. and others.")
    assert person.name == "Ferdinand Marcos Jr." and person.surname == "Marcos"
    assert people("President Abdel Fattah al-Sisi")[0].surname == \
        people("President Sisi")[0].surname


def test_meeting_cues_with_words_in_between():
    text = ("On Monday he held talks at the palace with French President Emmanuel Macron. He "
            "spent fifty minutes with Grand Ayatollah Ali al-Sistani. He will co-host the "
            "Ministerial with Polish Foreign Minister Jacek Czaputowicz. He was greeted at the "
            "airport by Prime Minister Mustafa al-Kadhimi.")
    spans = meeting_objects(text, 0, len(text))
    met = [p.name for p in people(text) if any(a <= p.start < b for a, b in spans)]
    assert met == ["Emmanuel Macron", "Ali al-Sistani", "Jacek Czaputowicz",
                   "Mustafa al-Kadhimi"]


def test_untitled_names_right_after_a_meeting_verb():
    found = people("Zelensky has met Rishi Sunak at Chequers. On Monday he met Wang Yi, China's "
                   "top diplomat. He met Pope Francis and met Foreign Minister Qin Gang.")
    assert [(p.title, p.name, p.nationality) for p in found] == [
        ("", "Rishi Sunak", None), ("", "Wang Yi", "CN"), ("Pope", "Francis", None),
        ("Foreign Minister", "Qin Gang", None)]


def test_an_untitled_place_is_not_a_person_met():
    trip = extract_trip(read_article_text("a.txt", "Date: 2023-05-15\n\nPresident Volodymyr "
                                          "Zelensky met Buenos Aires officials in Argentina.\n"))
    assert [leader.name for stop in trip.stops for leader in stop.leaders] == []


def test_family_name_first_surnames():
    assert [p.surname for p in people("Chinese President Xi Jinping met South Korean President "
                                      "Yoon Suk-yeol and Japanese Prime Minister Fumio "
                                      "Kishida.")] == ["Xi", "Yoon", "Kishida"]


def test_received_at_the_airport_by_is_a_meeting():
    text = "He was received at the airport by Foreign Minister Subrahmanyam Jaishankar."
    (person,) = people(text)
    assert any(a <= person.start < b for a, b in meeting_objects(text, 0, len(text)))


def test_two_letter_given_names_after_a_family_name():
    assert people("China's top diplomat Wang Yi will visit France.")[0].surname == "Wang"


def test_more_titles_and_the_family_name_he():
    assert [(p.title, p.name) for p in people(
        "He met EU foreign policy chief Josep Borrell, Chinese Vice Premier He Lifeng and Grand "
        "Imam Ahmed al-Tayeb.")] == [
        ("foreign policy chief", "Josep Borrell"), ("Vice Premier", "He Lifeng"),
        ("Grand Imam", "Ahmed al-Tayeb")]
    assert [p.name for p in people("Prime Minister Sunak. He met them.")] == ["Sunak"]


def test_meeting_as_a_noun_meets_no_one():
    text = ("Wang Yi, attending a regional meeting in Phnom Penh, walked out, and Secretary of "
            "State Antony Blinken said so.")
    assert meeting_objects(text, 0, len(text)) == []
    text = "He will be meeting Prime Minister Fumio Kishida."
    assert [text[a:b] for a, b in meeting_objects(text, 0, len(text))] == [
        " Prime Minister Fumio Kishida."]


def test_lunched_with_is_a_meeting():
    text = "The following day he lunched with French President Emmanuel Macron."
    assert [text[a:b] for a, b in meeting_objects(text, 0, len(text))] == [
        " French President Emmanuel Macron."]


def test_a_group_after_met_is_not_a_person():
    assert people("The King met Royal Marines training their Kenyan counterparts.") == []


def test_the_formal_president_of_the_republic_comma_name():
    found = people("the President of the Republic, Emmanuel Macron, will travel to Gabon")
    assert [(p.title, p.name) for p in found] == [("President of the Republic", "Emmanuel Macron")]


def test_an_untitled_four_word_name_after_a_meeting_verb_is_read_whole():
    text = "Clinton meets Aung San Suu Kyi at her lakeside home."
    assert [p.name for p in find_people(text, 0, len(text))] == ["Aung San Suu Kyi"]


def test_patronymic_names_sharing_a_last_word_are_different_people():
    trip = trip_of("Secretary of State Rex Tillerson traveled to Jeddah on Wednesday to meet "
                   "Saudi Arabia's King Salman and Crown Prince Mohammed bin Salman.",
                   "2017-07-13")
    assert [leader.name for leader in trip.stops[0].leaders] == [
        "King Salman", "Mohammed bin Salman"]
