"""Places and stop order, second round of issue 9: how English sends someone to a second
place in one country, and how a story told from its latest stop back still gives the travel
order. Each sentence is our own wording of a kind of grammar, with its right reading."""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import destination_grammar, extract_trip, stop_grammar
from dashboard.extraction.nlp import parse_lines
from dashboard.extraction.places import find_places
from dashboard.extraction.visits import visit_signals


def stops(text: str) -> list[tuple[str, str | None]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("article.txt", text))
    # (a city the text names; a capital filled in for a country alone counts as none)
    return [(s.country_code, None if s.city_inferred else s.city) for s in trip.stops]


def destinations(sentence: str) -> list[str]:
    span = parse_lines(sentence, 0, spans=[(0, len(sentence))]).span(0, len(sentence))
    return [sentence[d.start:d.end] for d in destination_grammar.destinations(span)]


# ---------------------------------------------------------------- a craft or a trip carries

def test_taking_a_plane_to_a_city_sends_the_traveller_there():
    assert destinations("On Tuesday the minister took a helicopter to Mosul.") == ["Mosul"]


def test_making_a_day_trip_to_a_city_sends_the_traveller_there():
    assert destinations("She will make a short trip by road to Kandy on Saturday.") == [
        "Kandy"]


def test_taking_questions_to_a_place_is_no_journey():
    # (the object is neither a trip nor a craft)
    assert destinations("He took the proposal to Brussels for approval.") == []


def test_a_town_reached_by_a_military_plane_is_a_second_stop_in_the_country():
    text = ("Date: 2023-02-14\n\nDefence Secretary Ben Wallace arrived in Tallinn, Estonia, "
            "on Monday. On Tuesday he took a military plane to Tapa, home to a NATO battle "
            "group, to meet British troops.\n")
    assert stops(text) == [("EE", "Tallinn"), ("EE", "Tapa")]


def test_a_town_reached_on_a_day_trip_is_a_second_stop_in_the_country():
    text = ("Date: 2024-03-08\n\nPresident Emmanuel Macron arrived in Lisbon, Portugal, on "
            "Friday. On Saturday he will make a day trip by helicopter to Sintra, in the hills "
            "west of the capital.\n")
    assert stops(text) == [("PT", "Lisbon"), ("PT", "Sintra")]


# ---------------------------------------------------------------- "the town of X"

def test_touring_the_town_of_a_place_is_a_stop():
    text = ("Date: 2022-04-10\n\nChancellor Karl Nehammer arrived in Kyiv, Ukraine, on "
            "Saturday. He met President Volodymyr Zelensky there and later toured the town of "
            "Bucha, where he laid a wreath.\n")
    assert stops(text) == [("UA", "Kyiv"), ("UA", "Bucha")]


# ---------------------------------------------------------------- a story told backwards

def test_a_time_earlier_the_same_day_is_this_trip():
    assert destinations("Earlier on Tuesday she had been in Lusaka.") == ["Lusaka"]
    assert destinations("The previous evening he was in Harare.") == ["Harare"]


def test_a_time_earlier_in_another_year_or_month_is_another_trip():
    assert destinations("Last month he had been in Lusaka.") == []


def test_the_place_a_journey_starts_from_is_the_stop_before():
    text = ("Date: 2024-05-15\n\nNAIROBI, May 15 (Reuters) - German Foreign Minister Annalena "
            "Baerbock called for a ceasefire on Wednesday at the end of a two-nation tour.\n\n"
            "Baerbock arrived in Nairobi on Tuesday evening from Kampala, where she had held "
            "talks with President Yoweri Museveni.\n")
    assert stops(text) == [("UG", "Kampala"), ("KE", "Nairobi")]


def test_a_sentence_opening_with_earlier_tells_a_stop_before_the_last_one_told():
    text = ("Date: 2024-05-15\n\nNAIROBI, May 15 (Reuters) - German Foreign Minister Annalena "
            "Baerbock called for a ceasefire on Wednesday at the end of a three-nation tour.\n\n"
            "Baerbock arrived in Nairobi on Tuesday night from Kampala, where she held talks "
            "with President Yoweri Museveni.\n\n"
            "Earlier on Tuesday she had been in Kigali, where she laid a wreath at the "
            "genocide memorial.\n")
    assert stops(text) == [("RW", "Kigali"), ("UG", "Kampala"), ("KE", "Nairobi")]


def test_arriving_from_home_adds_no_stop():
    text = ("Date: 2024-05-15\n\nJapanese Prime Minister Fumio Kishida arrived in Paris on "
            "Tuesday from Tokyo and will meet President Emmanuel Macron.\n")
    assert stops(text) == [("FR", "Paris")]


# ---------------------------------------------------------------- "the Kenyan capital"

def test_the_capital_named_by_nationality_is_that_countrys_capital():
    text = ("Date: 2023-03-08\n\nPrime Minister Giorgia Meloni arrived in the Indian capital "
            "on Thursday for talks with Prime Minister Narendra Modi.\n")
    assert stops(text) == [("IN", "New Delhi")]


def test_the_capital_named_by_a_countrys_possessive_is_its_capital():
    text = ("Date: 2023-03-08\n\nChancellor Olaf Scholz flew to Kenya's capital on Thursday "
            "for talks with President William Ruto.\n")
    assert stops(text) == [("KE", "Nairobi")]


def test_a_capital_followed_by_its_name_is_read_by_the_name():
    text = ("Date: 2023-03-08\n\nChancellor Olaf Scholz flew to the Ukrainian capital Kyiv "
            "on Thursday.\n")
    assert stops(text) == [("UA", "Kyiv")]


# ---------------------------------------------------------------- first leg, subject

def test_wrapping_up_the_first_leg_is_not_the_last_stop():
    text = ("HANOI (Reuters) - Penny Wong said on Wednesday that trade would grow, wrapping up "
            "the first leg of her tour.")
    signals = visit_signals(0, text, 0, len(text), find_places(text, 0, len(text)))
    assert [s.code for s in signals] == ["VN"] and not any(s.last for s in signals)
    ending = "HANOI (Reuters) - Penny Wong said on Wednesday, wrapping up her tour."
    signals = visit_signals(0, ending, 0, len(ending), find_places(ending, 0, len(ending)))
    assert [s.last for s in signals] == [True]


def test_the_parse_says_who_goes_past_a_name_in_a_relative_clause():
    sentence = "Qin, who replaced Wang Yi last month, arrived in Nairobi on Monday evening."
    span = parse_lines(sentence, 0, spans=[(0, len(sentence))]).span(0, len(sentence))
    assert stop_grammar.subject_of_place(span, sentence.index("Nairobi")) == "Qin"
    assert stop_grammar.subject_of_place(None, 0) is None


def test_a_country_owning_the_travellers_office_is_home_even_with_lowercase_words_between():
    text = ("Date: 2023-01-11\n\nSouth Korea's new foreign minister Park Jin will travel to "
            "Tokyo on Monday, the foreign ministry in Seoul said. Park will hold talks in "
            "Tokyo on Tuesday.\n")
    assert stops(text) == [("JP", "Tokyo")]


# ---------------------------------------------------------------- meetings and events elsewhen

def test_a_meeting_that_did_not_happen_places_the_traveller_nowhere():
    text = ("Date: 2023-05-21\n\nPresident Volodymyr Zelensky arrived in Hiroshima, Japan, on "
            "Saturday for the summit.\n\nA planned meeting with Mexican President Andres "
            "Manuel Lopez Obrador did not take place.\n")
    assert stops(text) == [("JP", "Hiroshima")]


def test_a_meeting_on_a_trip_weeks_earlier_places_the_traveller_nowhere():
    text = ("Date: 2023-11-06\n\nPrime Minister Mark Carney arrived in Tokyo, Japan, on "
            "Monday.\n\nThe trip comes just months after the Prime Minister's visit to "
            "Mexico City, where he was welcomed by Mexican President Claudia Sheinbaum.\n")
    assert [code for code, _city in stops(text)] == ["JP"]


def test_the_place_of_an_event_the_trip_comes_ahead_of_is_no_stop():
    text = ("Date: 2023-06-09\n\nCommission President Ursula von der Leyen will travel to "
            "Brazil on 12 June, ahead of a forum that is to take place in Madrid on 20 July. In "
            "Brasilia she will meet the President of Brazil.\n")
    assert [code for code, _city in stops(text)] == ["BR"]


def test_a_visit_the_trip_comes_ahead_of_is_still_a_leg():
    sentence = "She will stop in Lisbon on Monday ahead of her visit to Madrid."
    span = parse_lines(sentence, 0, spans=[(0, len(sentence))]).span(0, len(sentence))
    assert not stop_grammar.ahead_of_event(span, sentence.index("Madrid"))
    assert not stop_grammar.called_off(span, sentence.index("Lisbon"))


def test_the_main_clause_place_follows_the_place_of_an_after_clause():
    # told from the latest stop, with no day for it: the "after" clause gives the order
    text = ("Date: 2024-05-03\n\nANKARA, May 3 (Reuters) - Turkish President Tayyip Erdogan "
            "said trade would double, as he hosted Indian Prime Minister Narendra Modi in Ankara "
            "a day after the Indian leader met Greek Prime Minister Kyriakos Mitsotakis in "
            "Athens.\n\nModi arrived in Athens on Wednesday.\n")
    assert stops(text) == [("GR", "Athens"), ("TR", "Ankara")]


# ---------------------------------------------------------------- cue forms the parse reads

def test_flying_from_one_stop_to_the_next_orders_them_by_the_parse():
    text = ("Date: 2024-04-12\n\nMANILA, April 12 (Reuters) - Foreign Minister Penny Wong "
            "signed a maritime pact in Manila on Friday.\n\nShe flew to Manila from Hanoi on "
            "Thursday.\n")
    assert stops(text) == [("VN", "Hanoi"), ("PH", "Manila")]


# ---------------------------------------------------------------- a city in its local spelling

def test_a_city_written_in_its_local_spelling_with_diacritics_is_found():
    # GeoNames names the city by its English exonym ("Pilsen"); the text writes it as locals do
    assert [m.place.name for m in find_places("She then drove on to Plzeň.")] == ["Pilsen"]
    mentions = find_places("The envoy opened a consulate in Plzeň and met students there.")
    assert [(m.place.code, m.place.kind) for m in mentions] == [("CZ", "city")]


def test_a_local_spelling_gives_a_stop_in_its_country():
    text = ("Title: Minister tours the Czech Republic\nDate: 2021-05-03\n\n"
            "The foreign minister arrived in Prague on Monday and travels to Plzeň on Tuesday "
            "to visit a brewery museum.")
    assert ("CZ", "Pilsen") in stops(text)


# ---------------------------------------------------------------- a surname taken for a noun

def origin_places(sentence: str) -> list[str]:
    from dashboard.extraction import told_back
    span = parse_lines(sentence, 0, spans=[(0, len(sentence))]).span(0, len(sentence))
    return [sentence[a:b] for a, b, _goal in told_back.origins(span)]


def test_a_surname_tagged_as_a_noun_inside_the_sentence_still_travels():
    assert origin_places("On Monday, Torres arrived in Rome from Madrid, where he met "
                         "Spanish ministers.") == ["Madrid"]
    assert origin_places("After the summit, Antunes flew to Oslo from Stockholm, where she "
                         "signed an accord on Friday.") == ["Stockholm"]


def test_a_surname_the_recogniser_names_at_the_head_of_a_sentence_still_travels():
    assert origin_places("Morales arrived in Rome from Madrid, where he met Spanish "
                         "ministers on Monday.") == ["Madrid"]


def test_a_common_noun_at_the_head_of_a_sentence_does_not_travel():
    assert origin_places("Aid arrived in Gaza from Egypt on Monday.") == []


def test_the_place_a_named_traveller_arrived_from_is_the_stop_before():
    text = ("Title: Envoy in Rome\nDate: 2022-03-15\n\n"
            "ROME, March 15 - The envoy Luis Morales held talks with Italian ministers on "
            "Tuesday.\n\nMorales arrived in Rome from Madrid, where he met Spanish Prime "
            "Minister Pedro Sanchez on Monday.")
    assert [code for code, _city in stops(text)] == ["ES", "IT"]


# ---------------------------------------------------------------- a gerund after a preposition

def subject_at(sentence: str, place: str) -> str | None:
    span = parse_lines(sentence, 0, spans=[(0, len(sentence))]).span(0, len(sentence))
    return stop_grammar.subject_of_place(span, sentence.index(place))


def test_a_gerund_after_a_preposition_travels_with_the_main_subject():
    assert subject_at("Macron was heading home on Friday night to welcome the Spanish king, "
                      "before flying to Rabat on Sunday.", "Rabat") == "Macron"
    assert subject_at("The minister stayed in Lima to brief reporters, after travelling to "
                      "Quito on Monday.", "Quito") == "minister"



# ---------------------------------------------------------------- the traveller named after a host

def test_earlier_legs_after_an_invitation_from_a_host_are_the_travellers():
    # the host is named first ("At the invitation of X"), then the traveller, surname in
    # capitals as formal statements write it, then the earlier legs
    text = ("Title: Joint press release\nDate: 2024-02-21\n\n"
            "At the invitation of President Kassym-Jomart Tokayev of the Republic of "
            "Kazakhstan, His Excellency Mr. YOON Suk Yeol, President of the Republic of Korea, "
            "paid a state visit to Kazakhstan on 21 February 2024, following his visits to "
            "Ashgabat in Turkmenistan and to Tashkent in Uzbekistan.\n\nPresident Tokayev and "
            "President Yoon held talks in Astana.")
    # (which legs there are; "following his visits to" as an order is another rule's job)
    assert {code for code, _city in stops(text)} == {"TM", "UZ", "KZ"}


def test_a_traveller_named_in_ordinary_case_after_a_host_keeps_the_leg():
    text = ("Title: Official visit\nDate: 2024-04-10\n\n"
            "At the invitation of Prime Minister Anthony Albanese, Prime Minister Christopher "
            "Luxon of New Zealand paid an official visit to Canberra on 10 April 2024, "
            "following his visit to Jakarta in Indonesia.")
    assert {code for code, _city in stops(text)} == {"ID", "AU"}


def test_a_venue_named_after_a_namesake_city_abroad_belongs_to_the_place_before_it():
    for venue in ["the Belem Palace", "the Cordoba Palace"]:
        assert stops(
            "Title: President in Portugal\nDate: 2023-04-25\n\n"
            "President Luis Costa landed in Lisbon on Friday night and was received the "
            f"following day at {venue} by President Marco Pinto de Sousa.\n"
        ) == [("PT", "Lisbon")], venue


# ---------------------------------------------------------------- round 5: places left out

def test_a_fronted_city_puts_the_traveller_there_even_with_its_institutions_named():
    # "the Elysee" alone might be the traveller's own; "In Paris, he dined at the Elysee"
    # says he went there
    text = ("Date: 2023-06-09\n\nJOHANNESBURG, June 9 - President Cyril Ramaphosa met "
            "business leaders today at the end of a tour that took him to France and Senegal.\n\n"
            "On Monday 5 June, in Paris, Ramaphosa dined with President Emmanuel Macron at the "
            "Elysee Palace.\n\n"
            "From 6 to 7 June he was in Dakar, where he held talks with President Macky Sall.\n")
    assert [code for code, _city in stops(text)][:2] == ["FR", "SN"]


def test_an_office_joined_to_the_named_traveller_by_and_is_someone_elses():
    # "President Lula and French President ..." : France is not the traveller's home
    text = ("Title: President Ruto and French President reach deal in Paris\n"
            "Date: 2023-06-20\n\n"
            "President William Ruto and the French President, Emmanuel Macron, on Tuesday in "
            "Paris signed an agreement on green hydrogen.\n\n"
            "Ruto arrived in Paris late Monday from Berlin, where he attended a conference.\n")
    assert ("FR", "Paris") in stops(text)


def test_a_time_told_before_the_place_on_its_verb_makes_it_an_earlier_meeting():
    # "talks held last month at ... in X": X is not a stop of this trip
    text = ("Date: 2023-06-20\n\nPresident William Ruto held talks in Paris on Tuesday with "
            "President Emmanuel Macron. The visit follows talks held last month at the "
            "presidential lodge in Nakuru between Ruto and the French ambassador.\n")
    assert stops(text) == [("FR", "Paris")]


def test_a_time_on_another_verb_leaves_the_place_a_stop():
    text = ("Date: 2023-06-20\n\nPresident William Ruto visited Berlin last month and "
            "arrived in Paris on Tuesday for talks with President Emmanuel Macron.\n")
    assert ("FR", "Paris") in stops(text)


def test_a_hyphenated_city_written_without_its_hyphen_is_found():
    # (GeoNames spells it "Port-Vila")
    assert [(m.place.code, m.kind) for m in find_places("The tour began in Port Vila.")] == [
        ("VU", "city")]


# ---------------------------------------------------------------- "with X and Y to follow"

def following(sentence: str) -> list[str]:
    from dashboard.extraction import setting_grammar

    span = parse_lines(sentence, 0, spans=[(0, len(sentence))]).span(0, len(sentence))
    return [sentence[d.start:d.end] for d in setting_grammar.following_destinations(span)]


def test_places_with_to_follow_are_the_stops_still_to_come():
    assert following("The envoy arrives in Lima today, with Quito and Bogota to follow.") == [
        "Quito", "Bogota"]
    assert following("She starts in Hanoi on Monday, with stops in Laos and Cambodia to "
                     "come later in the week.") == ["Laos", "Cambodia"]


def test_a_person_or_a_plain_following_verb_is_no_stop():
    assert following("Talks with Wang Yi will follow the dinner.") == []
    assert following("He will meet Lula in Brasilia, with a press conference to follow.") == []


def test_stops_to_follow_come_after_the_stop_the_sentence_dates():
    text = ("Date: 2023-09-17\n\nThe foreign ministry says the minister's tour, which was to "
            "have started today, has been pushed back by a day: Minister Ali Rahimi is now "
            "expected in Jakarta on Monday for talks with his Indonesian counterpart, with "
            "Vietnam and Thailand to follow.\n")
    assert [code for code, _city in stops(text)] == ["ID", "VN", "TH"]


def test_a_counterfactual_before_a_colon_leaves_the_next_statement_alone():
    from dashboard.extraction.taken_back import ruled_out

    text = ("His tour, which was to have opened in Rome, has been put back: he is now "
            "expected in Madrid on Monday for talks.")
    rome, madrid = find_places(text)
    assert ruled_out(text, 0, len(text), rome)
    assert not ruled_out(text, 0, len(text), madrid)


def test_a_weekday_after_a_colon_takes_the_tense_of_its_own_statement():
    # (the day orders the stops: "has been pushed back" is past, "is now expected" future)
    from datetime import date

    from dashboard.extraction.dates import find_dates

    text = ("The tour has been pushed back by a day: the minister is now expected in Jakarta "
            "on Monday.")
    [monday] = find_dates(text, 0, len(text), anchor=date(2023, 9, 17))  # a Sunday
    assert monday.first == date(2023, 9, 18)


# ---------------------------------------------------------------- villages (GeoNames cities500)

def test_a_village_of_under_a_thousand_people_is_a_stop():
    # (Ardfert, Ireland: 749 people)
    text = ("Date: 2023-05-09\n\nPresident Sauli Niinisto arrived in Dublin, Ireland, on "
            "Monday. On Tuesday he travelled to Ardfert to open a library.\n")
    assert stops(text) == [("IE", "Dublin"), ("IE", "Ardfert")]


def test_a_village_fronted_as_the_setting_is_a_stop():
    # (the small model hangs an unknown name from the verb, not from "In")
    text = ("Date: 2023-05-09\n\nPresident Sauli Niinisto arrived in Dublin, Ireland, on "
            "Monday. In Ardrahan he opened a library on Tuesday.\n")
    assert stops(text) == [("IE", "Dublin"), ("IE", "Ardrahan")]


def test_a_town_written_without_its_apostrophe_is_named_as_written():
    from dashboard.extraction.towns import towns_named

    [cove] = towns_named("Arnolds Cove", {"CA"})
    assert (cove.name, cove.code) == ("Arnolds Cove", "CA")


def test_a_city_opening_an_airport_name_with_an_apostrophe_is_the_venue_not_a_stop():
    text = ("Date: 2023-05-09\n\nPresident Sauli Niinisto arrived at Harbin Tai'ping "
            "International Airport on Monday. In Shenyang he met Premier Li Qiang on "
            "Tuesday.\n")
    assert stops(text) == [("CN", "Shenyang")]


def test_a_fronted_place_the_model_hangs_from_the_verb_is_still_the_setting():
    # the small model sometimes reads an unknown town after "In" as an adverb of the verb
    # ("In Boao he held ..." in a real text); the parse is built by hand, as it came out
    from spacy.tokens import Doc

    from dashboard.extraction import setting_grammar
    from dashboard.extraction.nlp import load_pipeline

    words = ["In", "Ardrahan", "he", "held", "talks", "."]
    doc = Doc(load_pipeline().vocab, words=words, spaces=[True, True, True, True, False, False],
              heads=[3, 3, 3, 3, 3, 3], deps=["prep", "advmod", "nsubj", "ROOT", "dobj",
                                                 "punct"],
              pos=["ADP", "PROPN", "PRON", "VERB", "NOUN", "PUNCT"],
              lemmas=["in", "Ardrahan", "he", "hold", "talk", "."])
    found = setting_grammar.fronted_destinations(doc[:])
    assert [doc.text[d.start:d.end] for d in found] == ["Ardrahan"]


# ---------------------------------------------------------------- a programme's timed items

PROGRAMME = ("Title: State visit of the President of Finland to Portugal\nDate: 2024-05-27\n\n"
             "President Alexander Stubb will pay a state visit to Portugal at the invitation "
             "of President Marcelo Rebelo de Sousa.\n\n"
             "DAY 1 – MONDAY 3 JUNE\n"
             "11.00  Arrival at Figo Maduro Air Base, Lisbon\n"
             "15.00  Jeronimos Monastery, Lisbon – the Tower of Belem and the cloister\n\n"
             "DAY 2 – TUESDAY 4 JUNE\n"
             "10.30  Castle of Obidos, Leiria District\n"
             "12.30  Convent of Christ, Tomar\n"
             "16.00  Departure from Porto Airport\n")


def test_the_towns_a_programmes_timed_items_name_are_its_stops():
    # (a town of 11,000 after "Castle of"; a city after a comma; an airport is a venue)
    assert stops(PROGRAMME) == [("PT", "Lisbon"), ("PT", "Óbidos"), ("PT", "Tomar")]


@pytest.mark.parametrize(("line", "item"), [
    ("12.30  The English Market, Cork", True),
    ("14:00 Irish National Stud, Kildare, Co. Kildare", True),
    ("15:47 Breaking: the minister has landed in Lisbon.", False),  # a live blog's entry
    ("20.00  State Dinner at the Castle, hosted by the President.", False),
    ("The 10.30 train to Cork was late", False),
])
def test_a_timed_item_is_a_short_line_opened_by_a_clock_time(line, item):
    from dashboard.extraction.visits import programme_item

    assert programme_item(line) is item


# ---------------------------------------------------------------- a venue named by its town

def test_a_palace_named_by_its_town_is_a_stop_where_the_sentence_names_no_other_city():
    text = ("Date: 2024-05-21\n\nFrom Portugal King Harald flew to Spain on Monday, and King "
            "Felipe welcomed him at the Aranjuez Palace that afternoon. The next day he "
            "addressed parliament in Madrid.\n")
    assert stops(text) == [("ES", "Aranjuez"), ("ES", "Madrid")]


def test_a_palace_named_by_a_town_is_inside_the_city_the_sentence_names():
    text = ("Date: 2024-05-21\n\nKing Harald flew to Madrid on Monday, where King Felipe "
            "welcomed him at the Aranjuez Palace that afternoon.\n")
    assert stops(text) == [("ES", "Madrid")]


# ---------------------------------------------------------------- going back to an earlier stop

def test_going_back_to_an_earlier_stop_after_another_is_a_stop_of_its_own():
    text = ("Date: 2023-11-03\n\nAustralian Foreign Minister Penny Wong arrived in Suva, Fiji, "
            "on Wednesday and met Prime Minister Sitiveni Rabuka. On Thursday she flew to "
            "Tonga for talks with Prime Minister Siaosi Sovaleni. She will then be back in "
            "Suva on Saturday to open a regional conference.\n")
    trip = extract_trip(read_article_text("article.txt", text))
    assert [(s.country_code, s.start) for s in trip.stops] == [
        ("FJ", date(2023, 11, 1)), ("TO", date(2023, 11, 2)), ("FJ", date(2023, 11, 4))]
    assert trip.stops[-1].city == "Suva"


def test_being_back_in_the_same_city_with_no_stop_between_is_the_same_stay():
    text = ("Date: 2023-11-03\n\nAustralian Foreign Minister Penny Wong arrived in Suva, Fiji, "
            "on Wednesday and visited a market. She was back in Suva that evening for a "
            "dinner with Prime Minister Sitiveni Rabuka.\n")
    assert stops(text) == [("FJ", "Suva")]


def test_returning_home_is_no_stop():
    text = ("Date: 2023-11-03\n\nAustralian Foreign Minister Penny Wong arrived in Suva, Fiji, "
            "on Wednesday. On Thursday she flew to Tonga. She returns to Australia on "
            "Saturday.\n")
    assert [code for code, _city in stops(text)] == ["FJ", "TO"]


# ---------------------------------------------------------------- someone else joining

def test_a_named_companion_who_joins_later_travels_on_her_own_before():
    # (an accented name: the leg before she joins is hers, not the traveller's)
    text = ("Date: 2023-04-02\n\nPresident Gustavo Petro will begin a tour of Peru and Chile "
            "tomorrow, Monday 3 April. He will fly to Lima in the morning and to Santiago on "
            "Wednesday. Verónica Alcocer Ibáñez will join the delegation in Santiago after "
            "attending a gala in Madrid.\n")
    assert [code for code, _city in stops(text)] == ["PE", "CL"]


# ---------------------------------------------------------------- a narrative's days, "the first X"

def test_a_part_of_the_day_opened_or_closed_at_a_place_puts_the_traveller_there():
    text = ("Date: 2015-03-12\n\nPrime Minister Mark Rutte held talks in Cairo on Monday with "
            "President Abdel Fattah el-Sisi. The next morning began in Luxor, at the temple of "
            "Karnak. His last day in Egypt ended at Alexandria University, which gave him an "
            "honorary degree.\n")
    assert stops(text) == [("EG", "Cairo"), ("EG", "Luxor"), ("EG", "Alexandria")]


def test_a_day_that_only_passes_places_no_one():
    from dashboard.extraction import setting_grammar

    sentence = "The day ended with a dinner for the delegation."
    span = parse_lines(sentence, 0, spans=[(0, len(sentence))]).span(0, len(sentence))
    assert setting_grammar.day_destinations(span) == []


def test_the_first_of_a_nationalitys_office_to_do_something_is_the_travellers_home():
    from dashboard.extraction import trip as trip_steps
    from dashboard.extraction.facts import TripState

    text = ("Date: 2015-03-12\n\nPrime Minister Mark Rutte held talks in Jerusalem on Tuesday "
            "and became the first Dutch prime minister to address the Knesset.\n")
    article = read_article_text("article.txt", text)
    state = TripState(article, article.text)
    for step in trip_steps.STEPS[:trip_steps.STEPS.index(trip_steps.choose_traveller) + 1]:
        step(state)
    assert (state.home, state.home_certain) == ("NL", True)


def cleft(sentence: str) -> list[str]:
    from dashboard.extraction import setting_grammar

    span = parse_lines(sentence, 0, spans=[(0, len(sentence))]).span(0, len(sentence))
    return [sentence[d.start:d.end] for d in setting_grammar.cleft_destinations(span)]


def test_a_cleft_sentence_puts_the_traveller_or_the_trip_in_its_place():
    assert cleft("It was in Kandy that she met the monks.") == ["Kandy"]
    assert cleft("It was in Lusaka, two days later, that the tour found its purpose.") == [
        "Lusaka"]


def test_a_cleft_sentence_about_a_thing_sends_no_one():
    assert cleft("It was in Paris that the treaty was signed.") == []


# ---------------------------------------------------------------- round 6: places

def test_a_past_time_in_a_clause_about_a_person_leaves_the_stop_standing():
    # the time dates the person's clause ("who was elected in May"), not the journey
    text = ("Title: t\nDate: 2019-06-10\n\nPresident Alma Reyes arrived in Quito on Monday. "
            "On Wednesday she will fly on to Lima to congratulate the new president, who "
            "was elected in April last year.\n")
    assert stops(text) == [("EC", "Quito"), ("PE", "Lima")]


def test_a_past_time_in_the_places_own_clause_still_dates_an_earlier_trip():
    text = ("Title: t\nDate: 2019-06-10\n\nPresident Alma Reyes arrived in Quito on Monday "
            "for talks with the envoy, who visited Lima in April last year.\n")
    assert stops(text) == [("EC", "Quito")]


def test_a_when_clause_takes_the_earlier_time_of_the_verb_it_hangs_from():
    # "in September" dates the earlier journey; the summit "when" it happened is part of it
    text = ("Title: t\nDate: 2016-02-01\n\nChancellor Lena Berg arrived in Nairobi on Monday. "
            "She last travelled abroad in September, when she attended a forum in Seoul and "
            "a summit in Manila.\n")
    assert stops(text) == [("KE", "Nairobi")]


def test_a_leaders_own_overseas_territory_is_home_not_a_foreign_stop():
    text = ("Title: t\nDate: 2016-05-09\n\nFrench President Marc Duval arrived in Dakar on "
            "Monday for talks. The visit follows two days in the Indian Ocean. In Mayotte on "
            "Saturday, Duval opened a hospital, and on Sunday he inaugurated a port in "
            "Le Port, Réunion.\n")
    assert stops(text) == [("SN", "Dakar")]
    us = ("Title: t\nDate: 2018-11-12\n\nU.S. President Dan Holt flew to Guam on Sunday to "
          "refuel, then landed in Manila on Monday for a summit.\n")
    assert stops(us) == [("PH", "Manila")]


def test_the_day_of_a_sentence_placing_the_traveller_at_home_is_no_stops_day():
    text = ("Title: t\nDate: 2016-05-09\n\nFrench President Marc Duval arrived in Dakar late "
            "on Sunday and held talks with the president on Monday.\n\n"
            "The visit follows a day at home. In Lyon on Saturday, Duval hosted a summit on "
            "rivers.\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("article.txt", text))
    assert [(s.country_code, s.start) for s in trip.stops] == [("SN", date(2016, 5, 8))]


def test_a_lead_that_has_the_traveller_act_today_puts_them_in_the_datelines_town():
    # a province in brackets after the dateline's place; the town is in the small-town tier
    text = ("Title: t\nDate: 2017-05-26\n\nTAORMINA (Sicily), May 26 (Agency) -- Prime "
            "Minister Ana Lopes today opened a forum on migration with a speech to "
            "delegates.\n\nAfter the forum, Lopes will fly to Rome this evening for talks "
            "with Italy's president.\n")
    assert stops(text) == [("IT", "Taormina"), ("IT", "Rome")]


def test_a_dateline_over_what_the_traveller_only_said_is_no_stop():
    text = ("Title: t\nDate: 2017-05-26\n\nTAORMINA (Sicily), May 26 (Agency) -- Prime "
            "Minister Ana Lopes today said she would fly to Rome on Monday for talks with "
            "Italy's president.\n")
    assert stops(text) == [("IT", "Rome")]


def test_the_country_named_alone_goes_with_the_city_stop_being_told():
    # "on her first visit to Italy" follows the Naples paragraph, not the headline's Rome
    text = ("Title: Lopes in Naples, heads to Rome\nDate: 2017-05-26\n\nPrime Minister Ana "
            "Lopes arrived in Naples on Thursday.\n\nLopes, who landed at the airport on "
            "Wednesday night on her first visit to Italy, toured the port.\n\nShe will fly to "
            "Rome on Saturday for talks with the president.\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("article.txt", text))
    assert [(s.city, s.start) for s in trip.stops] == [
        ("Naples", date(2017, 5, 24)), ("Rome", date(2017, 5, 27))]


def test_a_country_inside_another_places_name_names_no_stop():
    text = ("Title: t\nDate: 2017-05-26\n\nPrime Minister Ana Lopes arrived in Shanghai on "
            "Thursday and flew to Beijing on Friday.\n\nIn Beijing she met Premier Wen Hu. "
            "She will then call on President Zhao Min, and they will discuss the South China "
            "Sea.\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("article.txt", text))
    assert [(s.city, [x.name for x in s.leaders]) for s in trip.stops] == [
        ("Shanghai", []), ("Beijing", ["Wen Hu", "Zhao Min"])]


def test_returning_to_a_two_word_capital_is_going_home_not_an_event_there():
    text = ("Title: t\nDate: 2019-04-03\n\nPrime Minister Ana Lopes arrived in Hanoi on "
            "Monday. On Thursday she will meet business leaders and sign agreements before "
            "returning to Phnom Penh.\n")
    assert stops(text) == [("VN", "Hanoi")]


def test_it_was_on_to_a_city_moves_the_story_there():
    assert destinations("Then it was on to Lima for the summit.") == ["Lima"]
    assert destinations("Next it was off to Hanoi.") == ["Hanoi"]
    assert destinations("It was on the agenda in Lima.") == []


def test_a_visit_agreed_for_the_new_year_is_a_later_trip():
    text = ("Title: t\nDate: 2015-11-23\n\nPrime Minister Ana Lopes flew to Jakarta on "
            "Thursday 12 November. The two leaders agreed that Lopes would visit Tokyo "
            "early in the new year.\n")
    assert stops(text) == [("ID", "Jakarta")]


def test_a_city_named_as_the_first_stop_is_a_stop_of_its_own_in_a_country_of_several():
    text = ("Title: t\nDate: 2015-06-25\n\nPresident Rosa Alves travels to the United States "
            "on Saturday. The first stop is Boston, where she arrives on Saturday night. On "
            "Monday she travels to Washington.\n")
    assert stops(text) == [("US", "Boston"), ("US", "Washington")]


def test_an_official_reporting_that_the_travellers_office_will_arrive_sends_the_traveller():
    text = ("Title: t\nDate: 2015-05-12\n\nChancellor Eva Lind will visit Brazil and Chile "
            "next week.\n\nBriefing reporters, Deputy Minister Karl Roth said the chancellor "
            "will arrive in Brasilia on May 18. Lind will then travel to Rio de Janeiro.\n")
    assert [s for s in stops(text) if s[0] == "BR"] == [("BR", "Brasília"),
                                                        ("BR", "Rio de Janeiro")]


def test_a_home_country_leg_on_the_way_home_is_no_stop():
    # the home is only weakly known (no nationality on the title): the return says it
    text = ("Title: t\nDate: 2023-09-10\n\nPresident Sam Ford arrived in Hanoi on Sunday "
            "for talks. He leaves Vietnam on Monday for Honolulu, Hawaii, where he will visit "
            "troops, before returning to Washington.\n")
    assert stops(text) == [("VN", "Hanoi")]


def test_a_country_visited_last_month_by_name_is_an_earlier_trip():
    text = ("Title: t\nDate: 2023-09-04\n\nPresident Sam Ford arrived in Nairobi on "
            "Friday for talks. On Sunday he held a Mass.\n\nThe president visited Laos last "
            "February.\n")
    assert stops(text) == [("KE", "Nairobi")]


# ------------------------------------------- countries named by reference back to a list

def test_visits_to_the_above_mentioned_countries_are_the_countries_listed_before():
    text = ("TOKYO, March 2, 2019 - At the invitation of President Nana Akufo-Addo of the "
            "Republic of Ghana, President Macky Sall of the Republic of Senegal and President "
            "Alpha Conde of the Republic of Guinea, Foreign Minister Taro Kono will pay "
            "official visits to the above-mentioned three countries from March 10 to 16.")
    assert [code for code, _city in stops(text)] == ["GH", "SN", "GN"]


def test_a_counted_reference_names_the_countries_when_the_count_agrees():
    text = ("OTTAWA, May 3, 2018 - On the invitation of the governments of Chile and "
            "Argentina, the Minister of Trade will make a working trip to the two countries "
            "next week.")
    assert [code for code, _city in stops(text)] == ["CL", "AR"]


def test_a_count_that_disagrees_with_the_countries_named_is_no_reference():
    text = ("Having thanked Norway and Denmark for their support, the minister said she will "
            "visit the three countries of the Baltic next month. She starts in Vilnius on "
            "May 3.")
    assert [code for code, _city in stops(text)] == ["LT"]


# ------------------------------------------------- legs put off to another time are no stops

def test_visits_the_spokesman_says_will_be_rescheduled_are_no_stops():
    text = ("MADRID, June 3 - The Italian President arrived in Madrid on Monday. \"His visits "
            "to Portugal and Morocco will be rescheduled,\" a spokesman said.")
    assert stops(text) == [("ES", "Madrid")]


def test_stops_that_have_been_deferred_are_no_stops():
    text = ("MADRID, June 3 - The Italian President arrived in Madrid on Monday. The stops in "
            "Portugal and Morocco have been deferred, a spokesman said.")
    assert stops(text) == [("ES", "Madrid")]


# ------------------------------------- a building's name that runs on is another building

def test_a_listed_buildings_name_at_the_start_of_a_longer_name_is_not_that_building():
    # the venue list's "Kremlin" is in Moscow; "Kremlin Dvorets Vostok" is no building it has
    names = [m.text for m in find_places(
        "The two leaders met at the Kremlin Dvorets Vostok in Vladivostok.")]
    assert names == ["Vladivostok"]


def test_a_listed_building_followed_by_a_weekday_or_its_own_palace_is_still_that_building():
    assert [m.text for m in find_places("They met at the Kremlin Palace.")] == ["Kremlin"]
    assert [m.text for m in find_places("The pair met at the Kremlin Tuesday.")] == ["Kremlin"]


def test_an_occasion_named_after_a_resort_is_held_there():
    assert "Ise-Shima" in [m.text for m in find_places("She will attend the Ise-Shima Summit.")]


# ----------------------------- a thing a relative clause sends somewhere is not the traveller

def test_a_railway_that_is_to_reach_cities_sends_no_one_there():
    assert destinations("The premier opened a railway that is eventually to reach Kumasi "
                        "and Tamale.") == []


def test_a_pipeline_which_will_reach_a_port_is_no_stop():
    text = ("LAGOS, May 2 - The minister arrived in Lagos on Monday to open a pipeline which "
            "will one day reach Cotonou and Lome.")
    assert stops(text) == [("NG", "Lagos")]


def test_a_person_the_relative_clause_stands_for_still_travels():
    assert destinations("The premier, who will reach Kumasi on Friday, opened a railway.") == [
        "Kumasi"]


# ------------------------------------------- names that only look like places abroad

def test_an_island_in_a_longer_name_is_no_visit_to_iceland():
    text = ("PRETORIA, May 6, 2019 - The Dutch Prime Minister arrived in Cape Town on Monday. "
            "He will meet President Thabo Mbeki and tour Seal Island before leaving.")
    assert [code for code, _ in stops(text)] == ["ZA"]


def test_a_writers_name_that_is_an_old_country_name_is_no_place():
    assert find_places("The minister quoted Heinrich Mann in her speech.") == []


def test_a_foreign_town_inside_a_landmark_name_is_no_stop():
    text = ("DHAKA, March 2, 2021 - The Indian foreign minister arrived in Dhaka on Tuesday "
            "and will fly over the Ganges Delta by helicopter on Wednesday.")
    assert stops(text) == [("BD", "Dhaka")]


def test_a_foreign_town_that_names_a_church_is_no_stop():
    text = ("ROME, June 4, 2019 - The Irish president arrived in Rome on Tuesday and "
            "attended vespers at Westminster Chapel, a church near the Forum.")
    assert stops(text) == [("IT", "Rome")]


def test_a_big_city_that_names_a_conference_is_still_the_stop():
    text = ("BRUSSELS, Feb 12, 2024 - The NATO chief will travel to Warsaw on Tuesday and "
            "then to the Munich Security Conference on Friday.")
    assert stops(text) == [("PL", "Warsaw"), ("DE", "Munich")]


def test_a_town_the_sentence_places_in_its_country_beats_a_bigger_namesake():
    text = ("CAIRO, July 26, 2022 - On Monday the minister was received in the Republic of "
            "the Congo by its president in his home town of Oyo.")
    assert stops(text) == [("CG", "Oyo")]


# ------------------------------------------------------- transits, bases, a trip's lists

def test_a_place_the_text_calls_a_transit_is_no_stop():
    text = ("TAIPEI, March 21, 2023 - The president left on Wednesday for Guatemala and "
            "Belize, with transits in Los Angeles on the way. She will spend a night in Los "
            "Angeles before flying on March 30 to Guatemala City.")
    assert [code for code, _ in stops(text)] == ["GT", "BZ"]


def test_an_air_base_listed_as_a_populated_place_is_no_stop():
    text = ("WASHINGTON, Sept. 5 (Reuters) - President Alan Ruiz, who arrived at Andrews Air "
            "Force Base last night, was received at the White House today. Ruiz will fly to "
            "Chicago on Thursday, before returning to Lima.")
    assert stops(text) == [("US", "Washington"), ("US", "Chicago")]


def test_home_is_not_the_country_every_stop_is_in():
    # the host's institutions and the host's own earlier trip vote for the host's country;
    # a trip must go somewhere, so the country the traveller returns to is home
    text = ("WASHINGTON, Sept. 5 (Notimex) - President Ana Ruiz was received today at the "
            "White House, after a private meeting in the Oval Office. The visit returns the "
            "hospitality Ruiz offered in May, the American president's first trip abroad. "
            "Tomorrow she will fly aboard Air Force One to Toledo, Ohio, before returning to "
            "Mexico City on Thursday night.")
    assert stops(text) == [("US", "Washington"), ("US", "Toledo")]


def test_a_second_destination_joined_by_and_to_is_a_stop():
    assert destinations("She will then travel to Apia for talks with the prime minister, "
                        "and to Nuku'alofa, where the king will host her.") == [
        "Apia", "Nuku'alofa"]


def test_a_trip_noun_with_to_after_be_is_a_destination():
    assert destinations("The final state visit is to Castries, where she will meet the "
                        "prime minister.") == ["Castries"]


def test_an_earlier_trip_told_with_was_to_is_no_destination():
    assert destinations("His first trip abroad as minister was to Kyiv.") == []


def test_a_list_after_a_colon_following_state_visits_are_destinations():
    text = ("TAIPEI, March 2, 2023 - On the morning of March 2 the president departed from "
            "Taoyuan on a goodwill mission, state visits to three allies in the Pacific: "
            "Tuvalu, Nauru and Palau.")
    assert [code for code, _ in stops(text)] == ["TV", "NR", "PW"]


def test_a_us_state_after_a_us_city_is_no_foreign_town():
    text = ("BEIJING, Oct 25, 1997 - President Jiang Zemin will fly to Williamsburg, Virginia, "
            "on Tuesday and then to Washington.")
    assert stops(text) == [("US", "Williamsburg"), ("US", "Washington")]


@pytest.mark.parametrize(("airport", "city"), [("Narita", "Tokyo"), ("Vnukovo", "Moscow"),
                                               ("Halim Perdanakusuma", "Jakarta")])
def test_landing_at_a_capitals_airport_is_arriving_in_the_capital(airport, city):
    text = (f"Title: The visit\nDate: 2010-05-03\n\nThe prime minister lands at {airport} "
            "on Monday evening for a three-day visit.")
    assert [c for _, c in stops(text)] == [city]


@pytest.mark.parametrize(("landing", "city"), [("lands at Vnukovo airport", "Moscow"),
                                               ("landed at Entebbe airport", "Entebbe"),
                                               ("arrived at Narita International Airport",
                                                "Tokyo")])
def test_landing_at_an_airport_is_arriving_in_its_city(landing, city):
    text = (f"Title: The visit\nDate: 2010-05-03\n\nThe prime minister {landing} on Monday "
            "evening for a three-day visit.")
    assert [c for _, c in stops(text)] == [city]


@pytest.mark.parametrize("written, code", [("Nara", "JP"), ("Fukui", "JP"), ("Seongnam", "KR")])
def test_a_municipality_is_found_without_the_gazetteers_suffix(written, code):
    # (GeoNames writes "Nara-shi", "Seongnam-si"; English writes the bare name)
    mentions = find_places(f"The minister visited {written} on Tuesday.")
    assert [(m.text, m.candidates[0].code, m.candidates[0].name) for m in mentions] == [
        (written, code, written)]


@pytest.mark.parametrize("written, code", [("Frankfurt", "DE"), ("Ludwigshafen", "DE")])
def test_a_town_is_found_without_the_river_in_its_gazetteer_name(written, code):
    mentions = find_places(f"The minister flew to {written} on Tuesday.")
    assert [(m.text, m.candidates[0].code) for m in mentions] == [(written, code)]


@pytest.mark.parametrize("sentence", [
    "On Wednesday, March 25, President Lindqvist addressed a joint meeting of Congress.",
    "On 25 March, President Lindqvist addressed a joint meeting of Congress.",
    "MARCH 21 - Talks with Prime Minister Vajpayee.",
])
def test_a_month_beside_a_day_is_no_town(sentence: str) -> None:
    # ("March" is also a town in England; "flew to March" still is one)
    assert [m.text for m in find_places(sentence)] == []
    assert [m.text for m in find_places("She flew to March on Monday.")] == ["March"]
