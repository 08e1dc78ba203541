"""Dates and stop order read from the clause a date or place hangs from, in texts of our
own wording: a fronted "After talks in X on Monday, ..." phrase (an event noun, not only a
verb, after "after"/"before": `grammar.governing_clause`); days counted on from the day told
before ("Two days later he was in X", "The next day she travelled to X, and on January 13
...": `counted_days`); a sentence opening on "Earlier this week", "Earlier on Tuesday" or
"Before that" tells a stop before the one told just before (`told_back.opens_earlier`); a
fronted "Before arriving in X, ..." clause names a later stop than its main clause's
(`told_back.mark_fronted_before_clauses`), and "after two days in X" an earlier one; "X,
followed by Y on Wednesday and Z on Friday" gives each its own day (not a thing's history,
`named_bodies`; not one day over the list, `date_targets.listed_before`); "will leave on
Monday for a tour of the region" starts the trip (`trip_starts.sets_off_on_a_trip`);
"arrived on Sunday for three days of talks" is a stay of three days (`stay_ends.days_of_stay`);
"wrapped up a three-day visit to X on Tuesday" counts back from that day
(`stay_ends.closed_stay`); "On the second day of her visit she travelled to X" is the
visit's second day (`counted_days.nth_day_of_the_visit`); a line "May 17: Visit to X" is an
itinerary entry, not a heading (`sentences.DATED_ENTRY`); "will be in X Tuesday and in Y
Thursday" gives each place the day after it (`date_targets.nearest_stop`); a fronted "On his
way to X on Thursday, ..." / "En route to X, ..." names a later stop than the main clause's,
with its own day (`told_back._on_the_way`, `grammar.governing_clause`); "The trip, which
begins Thursday, ..." starts the trip (`trip_starts.trip_begins`).
"""

from __future__ import annotations

import warnings
from datetime import date

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip, grammar
from dashboard.extraction.nlp import parse_lines


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def starts(trip) -> list[tuple]:
    return [(s.country_code, s.city, s.start) for s in trip.stops]


def clause_at(sentence: str, word: str) -> str:
    span = parse_lines(sentence).span(0, len(sentence))
    return grammar.governing_clause(span, sentence.index(word))


def test_a_fronted_after_phrase_keeps_its_own_day_and_place():
    trip = trip_of(
        "Date: 2024-03-13\n\nAfter talks in Cairo on Monday, Turkish Foreign Minister Ahmet "
        "Demir travelled to Amman, where he met King Abdullah II on Tuesday.\n")
    assert starts(trip) == [("EG", "Cairo", date(2024, 3, 11)),
                            ("JO", "Amman", date(2024, 3, 12))]


def test_an_after_phrase_with_a_meeting_noun_dates_its_city():
    trip = trip_of(
        "Date: 2022-10-07\n\nFollowing a stop in Vienna, Chilean Foreign Minister Rosa Pinto "
        "flew to Prague on Thursday. After a meeting in Prague on Thursday with President "
        "Milos Zeman, she travelled on to Warsaw on Friday.\n")
    assert [(s.country_code, s.start) for s in trip.stops][-2:] == [
        ("CZ", date(2022, 10, 6)), ("PL", date(2022, 10, 7))]


def test_the_event_noun_of_after_holds_its_places_not_a_clause_on_it():
    sentence = ("Bhutto, who arrived in the capital Monday evening, told reporters after the "
                "meeting that the United States should return the money.")
    assert clause_at(sentence, "United States") == ""
    assert clause_at(sentence, "Monday") == ""
    assert clause_at("After talks in Cairo on Monday, he travelled to Amman.", "Cairo") == \
        "after"
    assert clause_at("After talks in Cairo on Monday, he travelled to Amman.", "Monday") == \
        "after"
    assert clause_at("After talks in Cairo on Monday, he travelled to Amman.", "Amman") == ""


def test_days_later_count_from_the_day_told_before():
    trip = trip_of(
        "Date: 2019-10-31\n\nNorwegian Prime Minister Erik Dahl arrived in Nairobi on Monday. "
        "Two days later he was in Kampala for talks with President Yoweri Museveni.\n")
    assert starts(trip) == [("KE", "Nairobi", date(2019, 10, 28)),
                            ("UG", "Kampala", date(2019, 10, 30))]


def test_a_week_later_with_a_comma_and_a_flight():
    trip = trip_of(
        "Date: 2018-04-20\n\nIrish President Niamh Kelly arrived in Lagos on 2 "
        "April. A week later, she flew to Accra to meet President Nana Akufo-Addo.\n")
    assert starts(trip) == [("NG", "Lagos", date(2018, 4, 2)),
                            ("GH", "Accra", date(2018, 4, 9))]


def test_later_without_a_count_is_no_counted_day():
    # (a guard: "later" alone, "later this week" are not a number of days on)
    trip = trip_of(
        "Date: 2019-10-31\n\nNorwegian Prime Minister Erik Dahl arrived in Nairobi on Monday. "
        "He later travelled to Kampala.\n")
    assert trip.stops[1].city == "Kampala" and trip.stops[1].start != date(2019, 10, 30)


def test_an_opening_next_day_dates_its_clause_though_a_later_clause_has_a_date():
    trip = trip_of(
        "Date: 2023-01-16\n\nOn January 10, Foreign Minister Ines Costa of Portugal arrived "
        "in Dakar. The next day she travelled to Abidjan, and on January 13 she ended her tour "
        "in Accra.\n")
    assert starts(trip) == [("SN", "Dakar", date(2023, 1, 10)),
                            ("CI", "Abidjan", date(2023, 1, 11)),
                            ("GH", "Accra", date(2023, 1, 13))]


def test_the_next_day_with_its_own_date_keeps_that_date():
    # (a guard: "The following morning, 14 May, ..." is the written day, not one counted on)
    trip = trip_of(
        "Date: 2021-05-20\n\nOn 11 May, Foreign Minister Ines Costa of Portugal arrived in "
        "Dakar. The following morning, 14 May, she travelled to Abidjan.\n")
    assert starts(trip) == [("SN", "Dakar", date(2021, 5, 11)),
                            ("CI", "Abidjan", date(2021, 5, 14))]


def order(trip) -> list[str]:
    return [s.city for s in trip.stops]


def test_earlier_on_a_time_phrase_tells_the_stop_before():
    trip = trip_of(
        "Date: 2024-03-13\n\nCanadian Foreign Minister Paul Girard is in Mexico City today. "
        "Earlier this week he visited Guatemala City.\n")
    assert order(trip) == ["Guatemala City", "Mexico City"]
    trip = trip_of(
        "Date: 2024-03-13\n\nCanadian Foreign Minister Paul Girard arrived in Mexico City on "
        "Tuesday. Earlier on Tuesday, he held talks in Guatemala City.\n")
    assert order(trip) == ["Guatemala City", "Mexico City"]


def test_before_that_tells_the_stop_before():
    trip = trip_of(
        "Date: 2024-03-13\n\nKenyan Foreign Minister Amos Otieno arrived in Hanoi on Tuesday. "
        "Before that, he stopped in Bangkok.\n")
    assert order(trip) == ["Bangkok", "Hanoi"]


def test_later_on_a_time_phrase_keeps_the_text_order():
    # (a guard: "Later on Tuesday" goes on from the stop before)
    trip = trip_of(
        "Date: 2024-03-13\n\nCanadian Foreign Minister Paul Girard arrived in Mexico City on "
        "Tuesday. Later on Tuesday, he flew to Guatemala City.\n")
    assert order(trip) == ["Mexico City", "Guatemala City"]


def test_a_fronted_before_clause_names_the_later_stop():
    trip = trip_of(
        "Date: 2024-03-13\n\nBefore arriving in Berlin on Thursday, Prime Minister Mei Tanaka "
        "of Japan will spend a day in Prague.\n")
    assert order(trip) == ["Prague", "Berlin"]
    assert trip.stops[1].start == date(2024, 3, 14)
    trip = trip_of(
        "Date: 2024-03-13\n\nBefore heading to Warsaw, US Secretary of State Mark Ellis "
        "stopped in Dublin on Friday.\n")
    assert order(trip) == ["Dublin", "Warsaw"]
    assert trip.stops[0].start == date(2024, 3, 8)


def test_a_trailing_before_clause_keeps_the_text_order():
    # (a guard: told in travel order already)
    trip = trip_of(
        "Date: 2024-03-13\n\nUS Secretary of State Mark Ellis will stop in Dublin on Friday "
        "before heading to Warsaw for a NATO meeting.\n")
    assert order(trip) == ["Dublin", "Warsaw"]


def test_days_spent_after_after_are_an_earlier_stop():
    trip = trip_of(
        "Date: 2024-03-13\n\nJapanese Prime Minister Mei Tanaka visited Hanoi on Tuesday, "
        "after two days in Jakarta.\n")
    assert order(trip) == ["Jakarta", "Hanoi"]


def test_followed_by_places_each_keep_their_own_day():
    trip = trip_of(
        "Date: 2023-09-08\n\nPresident Elena Novak of Slovakia will visit Bogota on Monday, "
        "followed by Quito on Wednesday and Lima on Friday.\n")
    assert starts(trip) == [("CO", "Bogotá", date(2023, 9, 11)),
                            ("EC", "Quito", date(2023, 9, 13)),
                            ("PE", "Lima", date(2023, 9, 15))]
    assert trip.stops[0].end != date(2023, 9, 15)


def test_a_range_after_a_list_still_covers_the_list():
    # (a guard: no date inside the list, so the range opens the first and closes the last)
    trip = trip_of(
        "Date: 2023-09-08\n\nPresident Elena Novak of Slovakia will travel to Quito and Lima "
        "between 12 and 15 September.\n")
    assert [(s.city, s.start, s.end) for s in trip.stops] == [
        ("Quito", date(2023, 9, 12), None), ("Lima", None, date(2023, 9, 15))]


def test_a_thing_described_by_a_participle_still_keeps_its_date_off_the_stop():
    # (a guard: "an accord signed in Lima on 3 May" is the accord's history)
    trip = trip_of(
        "Date: 2023-09-08\n\nPresident Elena Novak of Slovakia will visit Quito on Monday to "
        "discuss the trade accord, signed in Quito on 3 May.\n")
    assert [(s.city, s.start) for s in trip.stops] == [("Quito", date(2023, 9, 11))]


def test_leaving_on_a_day_for_a_tour_starts_the_trip_at_its_first_stop():
    trip = trip_of(
        "Date: 2023-09-08\n\nPresident Elena Novak of Slovakia will leave on Monday for a tour "
        "of South America. Her first stop is Bogota, followed by Quito on Wednesday and Lima "
        "on Friday.\n")
    assert starts(trip) == [("CO", "Bogotá", date(2023, 9, 11)),
                            ("EC", "Quito", date(2023, 9, 13)),
                            ("PE", "Lima", date(2023, 9, 15))]


def test_the_days_of_a_followed_by_phrase_are_the_stops_days_not_a_things():
    trip = trip_of(
        "Date: 2023-09-08\n\nSlovak President Elena Novak will be in Bogota on Monday. Her first "
        "stop is Bogota, followed by Quito on Wednesday and Lima on Friday.\n")
    assert starts(trip) == [("CO", "Bogotá", date(2023, 9, 11)),
                            ("EC", "Quito", date(2023, 9, 13)),
                            ("PE", "Lima", date(2023, 9, 15))]


def test_for_a_number_of_days_after_the_day_is_the_stay():
    trip = trip_of(
        "Date: 2023-01-16\n\nFrench Foreign Minister Claire Martin arrived in Kyiv on Sunday for "
        "three days of talks.\n")
    assert [(s.start, s.end) for s in trip.stops] == [(date(2023, 1, 15), date(2023, 1, 17))]
    trip = trip_of(
        "Date: 2023-01-16\n\nFrench Foreign Minister Claire Martin will be in Kyiv on Tuesday "
        "for two days.\n")
    assert [(s.start, s.end) for s in trip.stops] == [(date(2023, 1, 17), date(2023, 1, 18))]


def test_days_counted_to_another_time_are_no_stay():
    # (a guard: "for the first time in two years", "two days before" are not a stay)
    trip = trip_of(
        "Date: 2023-01-16\n\nFrench Foreign Minister Claire Martin arrived in Kyiv on Sunday, "
        "her first trip there for two years.\n")
    assert [(s.start, s.end) for s in trip.stops] == [(date(2023, 1, 15), date(2023, 1, 15))]


def test_a_stay_of_stated_length_closed_on_a_day_counts_back_from_it():
    trip = trip_of(
        "Date: 2021-11-24\n\nChilean President Ana Rojas wrapped up a three-day visit to Mexico "
        "on Tuesday and flew to Havana.\n")
    first = trip.stops[0]
    assert (first.country_code, first.start, first.end) == (
        "MX", date(2021, 11, 21), date(2021, 11, 23))
    trip = trip_of(
        "Date: 2021-11-24\n\nOn Tuesday, Chilean President Ana Rojas concluded a two-day state "
        "visit to Peru.\n")
    assert [(s.country_code, s.start, s.end) for s in trip.stops] == [
        ("PE", date(2021, 11, 22), date(2021, 11, 23))]


def test_a_stay_closed_in_a_city_may_be_the_last_leg_of_a_longer_one():
    # (a guard: the three days also cover the stop before, in another city)
    trip = trip_of(
        "Date: 2023-03-27\n\nThe Dutch King will arrive in Lisbon on Wednesday. He will end "
        "the three-day visit in Porto on Friday.\n")
    assert [(s.city, s.start) for s in trip.stops] == [
        ("Lisbon", date(2023, 3, 29)), ("Porto", date(2023, 3, 31))]


def test_days_earlier_and_the_day_before_count_back_and_order_the_stop_first():
    trip = trip_of(
        "Date: 2024-06-10\n\nIndonesian President Budi Santoso met Prime Minister Anthony "
        "Albanese in Canberra on Monday. The day before, he had visited Sydney.\n")
    assert starts(trip) == [("AU", "Sydney", date(2024, 6, 9)),
                            ("AU", "Canberra", date(2024, 6, 10))]
    trip = trip_of(
        "Date: 2024-06-10\n\nKenyan President William Ruto arrived in Kigali on Monday. Two days "
        "earlier, he had held talks in Kampala.\n")
    assert starts(trip) == [("UG", "Kampala", date(2024, 6, 8)),
                            ("RW", "Kigali", date(2024, 6, 10))]


def test_days_before_a_thing_are_no_day_counted_back():
    # (a guard: "two days before the summit" counts from the summit, not the day told)
    trip = trip_of(
        "Date: 2024-06-10\n\nKenyan President William Ruto arrived in Kigali on Monday. He will "
        "travel to Kampala two days before the regional summit.\n")
    assert [s.city for s in trip.stops] == ["Kigali", "Kampala"]
    assert trip.stops[1].start != date(2024, 6, 8)


def test_the_nth_day_of_the_visit_counts_from_its_first_day():
    trip = trip_of(
        "Date: 2024-06-12\n\nSwiss President Anna Keller arrived in New Delhi on Monday. On the "
        "second day of her visit she travelled to Agra.\n")
    assert starts(trip) == [("IN", "New Delhi", date(2024, 6, 10)),
                            ("IN", "Agra", date(2024, 6, 11))]
    trip = trip_of(
        "Date: 2024-06-12\n\nSwiss President Anna Keller arrived in New Delhi on Monday. On the "
        "third day of her state visit, she flew to Mumbai.\n")
    assert starts(trip)[1] == ("IN", "Mumbai", date(2024, 6, 12))


def test_the_nth_day_of_a_visit_to_a_named_place_is_not_counted_from_the_first_stop():
    # (a guard: "the second day of her visit to Japan" counts from the Japan leg, not told)
    trip = trip_of(
        "Date: 2024-06-12\n\nSwiss President Anna Keller arrived in Seoul on Monday. On the "
        "second day of her visit to Japan, she met students in Osaka.\n")
    assert all(s.start != date(2024, 6, 11) for s in trip.stops if s.country_code == "JP")


def test_a_line_a_day_opens_with_a_colon_is_an_itinerary_entry():
    trip = trip_of(
        "Date: 2022-05-19\n\nForeign Minister Ana Silva of Portugal: programme\n\nMay 17: Visit "
        "to Rabat\n\nMay 19: Visit to Tunis\n")
    assert starts(trip) == [("MA", "Rabat", date(2022, 5, 17)), ("TN", "Tunis", date(2022, 5, 19))]


def test_a_day_alone_on_its_line_still_heads_the_lines_after_it():
    # (a guard: "Tuesday, June 11" is a heading whose day the next line takes)
    trip = trip_of(
        "Date: 2024-06-10\n\nItinerary of Foreign Minister Lena Berg\n\nTuesday, June 11\n"
        "Foreign Minister Berg arrives in Santiago and meets President Gabriel Boric.\n\n"
        "Thursday, June 13\nForeign Minister Berg travels to Lima.\n")
    assert starts(trip) == [("CL", "Santiago", date(2024, 6, 11)),
                            ("PE", "Lima", date(2024, 6, 13))]


def test_bare_weekdays_after_each_place_of_one_verb_are_that_places():
    trip = trip_of(
        "Date: 2024-06-10\n\nUS Secretary of State Ann Lee will be in Paris Tuesday and "
        "Wednesday and in London Thursday.\n")
    assert [(s.city, s.start, s.end) for s in trip.stops] == [
        ("Paris", date(2024, 6, 11), date(2024, 6, 12)), ("London", date(2024, 6, 13),
                                                          date(2024, 6, 13))]


def test_a_date_of_the_later_verb_is_its_place_though_an_earlier_place_is_nearer():
    # (a guard: "leave for X" and "be in Y" are two verbs; Friday is Y's)
    trip = trip_of(
        "Date: 2024-06-10\n\nFOREIGN MINISTER OKADA: Tomorrow I will leave for Hanoi, and on "
        "Thursday I will be in Bangkok.\n")
    assert starts(trip) == [("VN", "Hanoi", date(2024, 6, 11)),
                            ("TH", "Bangkok", date(2024, 6, 13))]


def test_a_fronted_on_the_way_to_phrase_names_the_later_stop_and_keeps_its_day():
    trip = trip_of(
        "Date: 2024-06-10\n\nOn his way to the G7 summit in Rome on Thursday, Prime Minister "
        "Ken Ito of Japan will make a stopover in Dubai on Wednesday.\n")
    assert starts(trip) == [("AE", "Dubai", date(2024, 6, 12)), ("IT", "Rome", date(2024, 6, 13))]
    trip = trip_of(
        "Date: 2024-06-10\n\nEn route to Rome, Prime Minister Ken Ito of Japan stopped in Dubai "
        "on Sunday.\n")
    assert order(trip) == ["Dubai", "Rome"]


def test_on_the_way_home_is_no_later_stop():
    # (a guard: "On his way home, he stopped in X" goes on after the stop told before)
    trip = trip_of(
        "Date: 2024-06-10\n\nPrime Minister Ken Ito of Japan arrived in Dubai on Sunday. On his "
        "way home, he stopped in Manila.\n")
    assert order(trip) == ["Dubai", "Manila"]


def test_the_day_a_trip_begins_starts_its_first_stop():
    trip = trip_of(
        "Date: 2024-06-10\n\nSpanish Foreign Minister Carla Ruiz will travel to Cairo and Amman "
        "this week. The trip, which begins Thursday, is her first to the region.\n")
    assert starts(trip)[0] == ("EG", "Cairo", date(2024, 6, 13))
    trip = trip_of(
        "Date: 2024-06-10\n\nSpanish Foreign Minister Carla Ruiz will travel to Cairo and Amman "
        "this week. The trip begins on Thursday.\n")
    assert starts(trip)[0] == ("EG", "Cairo", date(2024, 6, 13))


def test_a_talk_that_begins_on_a_day_is_no_trip_start():
    # (a guard: "talks, which begin Thursday" are no trip noun)
    trip = trip_of(
        "Date: 2024-06-10\n\nSpanish Foreign Minister Carla Ruiz will travel to Cairo and Amman "
        "this week. The talks, which begin Thursday, will focus on trade.\n")
    assert trip.stops[0].start != date(2024, 6, 13)
