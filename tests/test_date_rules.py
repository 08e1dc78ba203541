"""Dates and stop order by kind of expression (issue 9): each failing kind of sentence is a
test in our own wording with its right value, plus variants that show the rule is general.
"""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip
from dashboard.extraction.dates import find_dates


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def days(trip) -> list[tuple]:
    return [(s.country_code, s.start, s.end) for s in trip.stops]


# ---------------------------------------------------------------- date expressions

@pytest.mark.parametrize("text, first, last", [
    ("meetings between 28 February and 3 March 2019 in the islands",
     date(2019, 2, 28), date(2019, 3, 3)),
    ("the ministers meet between June 30 and July 2, 2021.", date(2021, 6, 30), date(2021, 7, 2)),
])
def test_between_two_dates_is_one_range(text, first, last):
    found = [d for d in find_dates(text, anchor=date(2019, 1, 10), year_anchor=date(2019, 1, 10))
             if d.first is not None]
    assert [(d.first, d.last) for d in found] == [(first, last)]


@pytest.mark.parametrize("text, expected", [
    # the month comes from the date written before it, not from the publication date
    ("She flies to Lima on 26 February and opens the forum on the 27th.", date(2019, 2, 27)),
    ("He lands on 30 June and leaves on the 2nd.", date(2019, 7, 2)),
    ("On November 12 the talks open; the summit closes on the 14th.", date(2018, 11, 14)),
])
def test_the_nth_takes_the_month_of_the_date_before_it(text, expected):
    found = find_dates(text, anchor=date(2019, 4, 1), year_anchor=date(2019, 4, 1))
    assert found[-1].first == expected


def test_the_nth_alone_still_takes_the_publication_month():
    found = find_dates("Talks are expected on the 6th.", anchor=date(2019, 4, 1),
                       year_anchor=date(2019, 4, 1))
    assert found[0].first == date(2019, 4, 6)


@pytest.mark.parametrize("text, anchor, expected", [
    # 2 May was a Thursday in 2019, not in 2018
    ("She spoke in Accra on Thursday 2 May.", date(2018, 9, 1), date(2019, 5, 2)),
    ("He was in Oslo on Tuesday, 9 January.", date(2017, 7, 1), date(2018, 1, 9)),
    # the weekday agrees with the nearest year: nothing moves
    ("He was in Oslo on Tuesday, 9 January.", date(2018, 1, 2), date(2018, 1, 9)),
])
def test_a_weekday_beside_a_date_without_year_picks_the_year(text, anchor, expected):
    found = find_dates(text, anchor=None, year_anchor=anchor)
    assert found[0].first == expected


@pytest.mark.parametrize("title, body, expected", [
    # the year only in the title, as a month and year
    ("Minister's visit to the Andes: March to April 2021",
     "The Minister visited Peru on Tuesday 30 March, where she met students in Lima.",
     date(2021, 3, 30)),
    # a line over the page that gives a month and year
    ("Minister in the Andes",
     "April 2021\n\nThe Minister visited Peru on Tuesday 30 March, where she met students in "
     "Lima.", date(2021, 3, 30)),
    # the title's year alone
    ("Andes tour 2021",
     "The Minister visited Peru on 30 March, where she met students in Lima.", date(2021, 3, 30)),
])
def test_a_year_missing_from_the_dates_comes_from_a_month_and_year_or_the_title(
        title, body, expected):
    trip = trip_of(f"Title: {title}\nDate: unknown\n\n{body}\n")
    assert days(trip)[0][:2] == ("PE", expected)


def test_a_year_in_the_running_text_does_not_date_the_story():
    trip = trip_of("Title: Minister in the Andes\nDate: unknown\n\nThe Minister visited Peru on "
                   "30 March to discuss a plan that runs until 2030.\n")
    assert days(trip)[0][1] is None


# ---------------------------------------------------------------- dates over stops

def test_a_range_after_a_list_opens_the_first_and_closes_the_last():
    trip = trip_of(
        "Date: 2019-04-01\n\nThe Minister will travel to Samoa on 24 February for talks, and "
        "then to Tonga and Niue between 26 February and 1 March 2019.\n")
    # (Samoa's last day is not said: the next stop begins two days later)
    assert days(trip) == [("WS", date(2019, 2, 24), None),
                          ("TO", date(2019, 2, 26), None),
                          ("NU", None, date(2019, 3, 1))]


def test_one_day_after_a_list_of_two_is_each_ones():
    trip = trip_of(
        "Date: 2014-06-24\n\nThe Secretary arrived in Oman today for talks with the Sultan. "
        "He will hold talks with the governments of Bahrain and Kuwait on Wednesday.\n")
    assert days(trip) == [("OM", date(2014, 6, 24), date(2014, 6, 24)),
                          ("BH", date(2014, 6, 25), date(2014, 6, 25)),
                          ("KW", date(2014, 6, 25), date(2014, 6, 25))]


def test_a_range_after_a_list_of_every_stop_spans_the_trip_beside_today():
    trip = trip_of(
        "Date: 2025-07-02\n\nToday, I embark on a three-nation visit to Kenya, Uganda and "
        "Rwanda from 2 to 6 July 2025. I will visit Kenya on 2-3 July. I will then travel to "
        "Kampala, Uganda.\n")
    assert [s.country_code for s in trip.stops] == ["KE", "UG", "RW"]
    assert days(trip)[0] == ("KE", date(2025, 7, 2), date(2025, 7, 3))
    assert days(trip)[-1] == ("RW", None, date(2025, 7, 6))


@pytest.mark.parametrize("clause", [
    "before travelling to Tonga",
    "before flying on to Tonga",
])
def test_a_date_belongs_to_the_place_of_its_own_clause(clause):
    trip = trip_of(
        "Date: 2019-04-01\n\nThe Minister will travel to Fiji on 26 February for meetings and "
        f"attend a conference on the 27th, {clause} on 28 February.\n")
    fiji = trip.stops[0]
    assert (fiji.country_code, fiji.start) == ("FJ", date(2019, 2, 26))
    assert fiji.end in {date(2019, 2, 27), date(2019, 2, 28)}
    assert days(trip)[1][:2] == ("TO", date(2019, 2, 28))


# ---------------------------------------------------------------- stop order

def order(trip) -> list[str]:
    return [s.country_code for s in trip.stops]


def test_the_lead_list_gives_the_order_when_the_sections_run_backwards():
    trip = trip_of(
        "Title: Minister's visit to West Africa\nDate: unknown\n\nThe Foreign Minister "
        "visited Ghana, Togo and Benin to strengthen trade ties.\n\nBenin\n\nIn Cotonou the "
        "Minister opened a trade fair.\n\nTogo\n\nIn Lome the Minister met students.\n\n"
        "Ghana\n\nIn Accra the Minister launched a scholarship fund.\n")
    assert order(trip) == ["GH", "TG", "BJ"]


@pytest.mark.parametrize("lead", [
    "will meet foreign ministers of the governments of Oman, Bahrain and Kuwait.",
    "will travel to Oman, Bahrain and Kuwait this week.",
])
def test_a_listed_stop_told_nowhere_else_keeps_its_place_in_the_list(lead):
    trip = trip_of(
        f"Date: 2014-06-24\n\nThe Defence Secretary arrived in the Gulf today and {lead}\n\n"
        "Speaking in Bahrain, he said the talks had been useful.\n\nHe will hold talks in "
        "Kuwait City later in the week.\n")
    assert order(trip) == ["OM", "BH", "KW"]


def test_dates_outrank_the_order_of_the_list():
    trip = trip_of(
        "Date: 2023-05-01\n\nThe Minister will visit Chile, Peru and Bolivia this week.\n\n"
        "On Tuesday she will be in Lima. On Wednesday she will hold talks in La Paz. On "
        "Thursday she ends the tour in Santiago.\n")
    assert order(trip) == ["PE", "BO", "CL"]


@pytest.mark.parametrize("move", [
    "From Belgium the Prime Minister will travel to London for ceremonies.",
    "From Brussels, the Prime Minister flies on to London for ceremonies.",
])
def test_from_x_to_y_puts_y_right_after_x(move):
    trip = trip_of(
        "Title: PM to visit Europe\nDate: unknown\n\nThe Prime Minister is visiting Belgium, "
        "France and the United Kingdom next month.\n\nIn Paris, she is to chair a meeting of "
        "ministers.\n\nThe Prime Minister will start her visit in Brussels, where she will "
        f"meet the Belgian Prime Minister.\n\n{move}\n")
    assert order(trip) == ["BE", "GB", "FR"]


def test_a_flight_from_the_stop_before():
    trip = trip_of(
        "Date: 2015-07-27\n\nThe President held talks in Addis Ababa on Monday. He touched "
        "down in Addis Ababa late Sunday after a short flight from Nairobi. He had arrived in "
        "Nairobi on Friday.\n")
    assert order(trip) == ["KE", "ET"]


# ---------------------------------------------------------------- the day a stop ends

@pytest.mark.parametrize("move", [
    "On Thursday the couple flew to the port city of Durban",
    "On Thursday the couple travelled on to Durban",
    "The couple flew directly to Durban on Thursday",
])
def test_a_stay_of_several_days_ends_the_day_the_traveller_moves_on(move):
    trip = trip_of(
        "Date: 2023-11-03\n\nThe King arrived in Pretoria on Monday 30 October. On Wednesday 1 "
        "November he planted a tree in Pretoria. "
        f"{move}, where he met sailors.\n")
    assert days(trip) == [("ZA", date(2023, 10, 30), date(2023, 11, 2)),
                          ("ZA", date(2023, 11, 2), date(2023, 11, 2))]


def test_a_one_day_stop_keeps_its_one_day_when_the_traveller_flies_on():
    trip = trip_of(
        "Date: 2014-11-19\n\nOn Monday, the prime minister addressed a reception in Sydney. He "
        "flew to Canberra on Tuesday and held talks with his counterpart.\n")
    assert days(trip)[0] == ("AU", date(2014, 11, 17), date(2014, 11, 17))


@pytest.mark.parametrize("lead", [
    "The President held talks with Ghanaian leaders on Monday, a day after wrapping up a "
    "visit to Togo.",
    "The President met Ghana's President on Monday, two days after ending a trip to Togo.",
])
def test_a_date_of_the_main_clause_is_not_the_after_clauses_place(lead):
    trip = trip_of(
        f"Date: 2015-07-27\n\nACCRA (AFP) - {lead}\n\nHe had arrived in Lome on Friday. Before "
        "leaving Togo on Sunday he gave a speech at a stadium in Lome.\n")
    togo = next(s for s in trip.stops if s.country_code == "TG")
    assert (togo.start, togo.end) == (date(2015, 7, 24), date(2015, 7, 26))


@pytest.mark.parametrize("stay", [
    "on Monday, opening a three-day state visit",
    "on Monday for a three-day state visit",
    "on Monday, beginning a three-day official visit",
])
def test_a_stated_stay_length_after_the_day_it_opens(stay):
    trip = trip_of(f"Date: 2024-10-29\n\nRABAT (Wire) - The President arrived in Rabat {stay}.\n")
    assert days(trip) == [("MA", date(2024, 10, 28), date(2024, 10, 30))]


# ---------------------------------------------------------------- travel cues by the parse

@pytest.mark.parametrize("sentence", [
    # forms the dependency parse reads (their cue patterns were deleted from visits.py)
    "The Secretary will travel to Lima on Monday.",
    "The Secretary heads to Lima on Monday.",
    "The Secretary went to Lima on Monday.",
    "The Secretary flew to Lima on Monday.",
    "The Secretary crossed into Peru on Monday.",
    "The Secretary arrived in Lima on Monday.",
    "The Secretary stayed in Lima on Monday.",
    "The Secretary will be in Lima on Monday.",
    "The Secretary is in Lima this week.",
    "The Secretary will make a stopover in Lima on Monday.",
    "The Secretary will go on to Lima on Monday.",
    "The Secretary met students before heading to Lima on Monday.",
    "The Secretary began a tour of Peru on Monday.",
    "The Secretary will continue to Lima on Monday.",
    # forms the parse misses, which keep their cue patterns
    "The Secretary touched down in Lima on Monday.",
    "The Secretary left for Lima on Monday.",
    "The Secretary is en route to Lima.",
    "The Secretary is bound for Lima.",
    "The Secretary will have time in Lima on Monday.",
])
def test_travel_phrasings_name_the_destination(sentence):
    assert order(trip_of(f"Date: 2023-05-01\n\n{sentence}\n")) == ["PE"]


# ---------------------------------------------------------------- weekdays the text names

@pytest.mark.parametrize("later", [
    "On Friday afternoon, the President will visit a naval base in Yokosuka.",
    "He will visit a naval base in Yokosuka on Friday.",
])
def test_a_bare_weekday_is_the_day_the_text_names_with_that_weekday(later):
    # published on a Friday: "will ... on Friday" alone would be that day
    trip = trip_of(
        "Date: 2016-05-20\n\nThe President will travel to Tokyo on Sunday. On Thursday and "
        f"Friday, May 26-27, he will attend a summit in Tokyo. {later}\n")
    base = next(s for s in trip.stops if s.city == "Yokosuka")
    assert base.start == date(2016, 5, 27)


@pytest.mark.parametrize("lead", [
    "The President ended a three-day state visit to Japan on Friday in the western city of "
    "Osaka, where he toured a factory.",
    "The President concluded his visit to Japan on Friday in Osaka, where he toured a factory.",
])
def test_the_verb_that_ends_the_trip_says_where_it_ends(lead):
    trip = trip_of(
        f"OSAKA, Japan, April 7 (Reuters) - {lead}\n\nEarlier on Friday he spoke to "
        "students in Osaka.\n\nThe President spent Wednesday and Thursday in Tokyo, where he "
        "held talks with the Prime Minister.\n")
    assert [s.city for s in trip.stops] == ["Tokyo", "Osaka"]


@pytest.mark.parametrize("also, same_paragraph, expected", [
    ("He will also travel to Alexandria to meet students.", True, date(2024, 9, 9)),
    ("The envoy will also visit Alexandria.", True, date(2024, 9, 9)),
    # a new paragraph starts a new time frame: the day is not said
    ("He will also travel to Alexandria to meet students.", False, None),
])
def test_also_travelling_in_a_dated_paragraph_is_on_its_day(also, same_paragraph, expected):
    gap = " " if same_paragraph else "\n\n"
    trip = trip_of(
        "Date: 2024-09-08\n\nOn Monday, the envoy will be in Cairo for official meetings."
        f"{gap}{also}\n")
    second = next(s for s in trip.stops if s.city == "Alexandria")
    assert second.start == expected


@pytest.mark.parametrize("sentence", [
    "The Secretary began the trip in Tokyo, arriving May 31 and meeting the Defence Minister "
    "the following day.",
    "The Secretary arrived in Tokyo on May 31 and held talks there the next day.",
])
def test_the_following_day_after_a_date_in_the_same_sentence(sentence):
    trip = trip_of(f"Date: 2023-06-05\n\n{sentence}\n")
    assert days(trip) == [("JP", date(2023, 5, 31), date(2023, 6, 1))]


# ---------------------------------------------------------------- a date and its verb

@pytest.mark.parametrize("quote", [
    'The President told reporters in Brasilia: "Tomorrow I leave for Shanghai, and on Friday '
    'I will be in Beijing to meet the President."',
    "The President said on Monday that he will be in Shanghai tomorrow, and on Friday he will "
    "be in Beijing.",
])
def test_a_date_opening_a_clause_is_the_place_of_its_own_verb(quote):
    trip = trip_of(f"Date: 2023-04-10\n\n{quote}\n")
    assert [(s.city, s.start) for s in trip.stops] == [
        ("Shanghai", date(2023, 4, 11)), ("Beijing", date(2023, 4, 14))]


@pytest.mark.parametrize("text, expected", [
    # a reported past ("told") does not make the quoted plan past
    ('He told reporters: "On Friday I will be in Rome."', date(2023, 4, 14)),
    ("He arrived on Monday, and on Friday he will fly home.", date(2023, 4, 14)),
    ("He said he met the Pope on Friday.", date(2023, 4, 7)),
    # an adverb between the verb and its plan word: still a plan ahead
    ("The trip was delayed; she is now expected in Rome on Friday.", date(2023, 4, 14)),
    ("Talks were postponed; the ministers are still expected in Oslo on Friday.",
     date(2023, 4, 14)),
])
def test_the_tense_of_a_date_is_its_own_clauses(text, expected):
    weekday = [d for d in find_dates(text, anchor=date(2023, 4, 10)) if d.text == "Friday"]
    assert weekday[0].first == expected


def test_a_flight_from_a_place_does_not_take_the_flights_date():
    trip = trip_of(
        "Date: 2023-09-11\n\nThe President arrived in New Delhi on Friday. He flew to Hanoi on "
        "Sunday afternoon straight from the summit in New Delhi.\n")
    assert days(trip)[1] == ("VN", date(2023, 9, 10), date(2023, 9, 10))
    assert days(trip)[0][:2] == ("IN", date(2023, 9, 8))


@pytest.mark.parametrize("event", [
    "He condemned Friday's missile strike on the railway station in Kramatorsk.",
    "He visited the site of Friday's deadly bombing in Kramatorsk.",
])
def test_a_days_event_named_by_its_day_is_no_travel_day(event):
    trip = trip_of(
        "Date: 2022-04-09\n\nThe Prime Minister travelled to Kyiv today (Saturday 9 April) to "
        f"meet the President. {event}\n")
    assert days(trip)[0] == ("UA", date(2022, 4, 9), date(2022, 4, 9))


@pytest.mark.parametrize("opening", ["the end of February", "late February"])
def test_a_day_after_to_closes_the_trip_when_its_first_day_is_unreadable(opening):
    # "from <no day> to 3 March": the one day read is the span's last, never the first stop's
    # start
    trip = trip_of(
        "Title: Minister to visit Fiji, Samoa and Tonga\nDate: 2019-01-15\n\n"
        f"Foreign Minister Rua Tane will travel to Fiji, Samoa and Tonga from {opening} to "
        "3 March 2019.\n")
    assert days(trip) == [("FJ", None, None), ("WS", None, None),
                          ("TO", None, date(2019, 3, 3))]


@pytest.mark.parametrize("text, first, last", [
    # a PDF's text layer runs a watermark word into the day; a typo adds a letter
    ("travel to Samoa from 12the June to 15 June 2021", date(2021, 6, 12), date(2021, 6, 15)),
    ("arrives on 9by June 2021 for talks", date(2021, 6, 9), date(2021, 6, 9)),
    ("and on the 4thh July 2021 in Apia", date(2021, 7, 4), date(2021, 7, 4)),
    # a clock time is no day: the day is the one after the month
    ("lands at 10am June 12, 2021 in Apia", date(2021, 6, 12), date(2021, 6, 12)),
])
def test_a_word_glued_onto_a_day_number_keeps_the_day(text, first, last):
    found = [d for d in find_dates(text, anchor=date(2021, 1, 10), year_anchor=date(2021, 1, 10))
             if d.first is not None]
    assert [(d.first, d.last) for d in found] == [(first, last)]


@pytest.mark.parametrize("plan", [
    "The visit, which was to have begun on Monday, was put back a day.",
    "She would have arrived in Seoul on Monday but for the storm.",
    "She had been due to land in Seoul on Monday.",
])
def test_the_day_of_a_plan_that_did_not_happen_is_no_day_of_the_stop(plan):
    trip = trip_of(
        "Date: 2024-07-12\n\nThe Foreign Minister of Canada flew to Seoul on Tuesday for talks "
        f"with the South Korean foreign minister. {plan}\n")
    assert days(trip)[0] == ("KR", date(2024, 7, 9), date(2024, 7, 9))


@pytest.mark.parametrize("disaster", ["the 6 February earthquake", "the March 3 floods",
                                      "the 30 January cyclone"])
def test_a_disaster_named_by_its_date_is_no_travel_day(disaster):
    trip = trip_of(
        "Date: 2023-03-09\n\nTomorrow the Secretary-General will fly to Adana to see the "
        f"areas hit by {disaster} and to meet the Turkish president.\n")
    assert days(trip)[0] == ("TR", date(2023, 3, 10), date(2023, 3, 10))


@pytest.mark.parametrize("phrase, expected", [
    ("flew in last night", date(2024, 5, 9)),
    ("spoke at a dinner last evening", date(2024, 5, 9)),
])
def test_last_night_is_the_day_before_the_story(phrase, expected):
    found = [d for d in find_dates(f"The minister {phrase}.", anchor=date(2024, 5, 10))
             if d.first is not None]
    assert [d.first for d in found] == [expected]


def test_a_day_in_a_clause_on_a_thing_with_a_named_subject_dates_the_thing():
    # "the plan the President set out on Tuesday" (no relative word): the plan's day
    trip = trip_of("Date: 2024-06-07\n\nThe minister will fly to Amman on Monday. In Amman "
                   "she will argue that the plan the President set out on Tuesday is the way "
                   "forward.\n")
    assert days(trip)[0] == ("JO", date(2024, 6, 10), date(2024, 6, 10))


def test_the_day_after_named_as_a_thing_is_no_day():
    # "planning for the day after" (after a war): no day after the one told before it
    trip = trip_of("Date: 2024-06-07\n\nThe minister will travel to Amman on Monday. There "
                   "she will meet the Jordanian foreign minister and discuss planning for the "
                   "day after.\n")
    assert days(trip)[0] == ("JO", date(2024, 6, 10), date(2024, 6, 10))


@pytest.mark.parametrize("text", ["Their talks on the 16th were followed by a dinner.",
                                  "The summit on the 16th was a success."])
def test_the_nth_before_a_verb_is_a_day(text):
    found = [d for d in find_dates(text, anchor=date(2017, 3, 19), year_anchor=date(2017, 3, 19))
             if d.first is not None]
    assert [d.first for d in found] == [date(2017, 3, 16)]


def test_the_day_of_an_event_a_thing_is_timed_against_is_not_the_stops():
    # "decided after the dinner on Saturday": Saturday is the dinner's, not the visit's
    trip = trip_of("Date: 2024-03-10\n\nThe Iranian foreign minister landed in Oslo on Sunday "
                   "for talks. According to officials, the invitation to Oslo was sent after "
                   "the ministers' dinner on Saturday night.\n")
    assert days(trip)[0] == ("NO", date(2024, 3, 10), date(2024, 3, 10))


def test_the_day_of_an_event_the_traveller_acts_after_stays_the_stops():
    trip = trip_of("Date: 2024-03-10\n\nThe president flew to Astana on Tuesday evening. He "
                   "held talks with the Kazakh president after the summit on Wednesday.\n")
    assert days(trip)[0] == ("KZ", date(2024, 3, 5), date(2024, 3, 6))


# ---------------------------------------------------------------- tense of a weekday's clause

@pytest.mark.parametrize("text, day", [
    # a bare verb ending in "-ed" after a modal is no past: the weekday is the coming one
    ("After the summit, the minister will proceed on Friday to the capital.", date(2024, 5, 10)),
    ("The delegation will then proceed on Friday to the port city.", date(2024, 5, 10)),
    # the scheduled present of a journey verb looks ahead, even with a past clause after it
    ("On Friday the envoy travels on to the coast, which was hit by floods that ended in May.",
     date(2024, 5, 10)),
    ("The chancellor flies to the northern capital on Friday.", date(2024, 5, 10)),
    ("On Friday the queen leaves for the islands, where the storm passed last year.",
     date(2024, 5, 10)),
])
def test_the_weekday_of_a_scheduled_or_modal_clause_is_the_coming_one(text, day):
    # anchor: Monday 6 May 2024; the past Friday would be 3 May
    found = [d for d in find_dates(text, anchor=date(2024, 5, 6)) if d.text == "Friday"]
    assert [d.first for d in found] == [day]


def test_a_past_verb_ending_in_eed_still_looks_back():
    found = [d for d in find_dates("The two sides agreed on Friday to reopen the border.",
                                   anchor=date(2024, 5, 6)) if d.text == "Friday"]
    assert [d.first for d in found] == [date(2024, 5, 3)]


def test_a_leg_a_modal_clause_sends_the_traveller_on_to_comes_after_the_first():
    # "will proceed on Thursday": the coming Thursday, so the second stop follows the first
    trip = trip_of(
        "Title: President to visit Ghana and Togo\nDate: 2024-05-06\n\n"
        "PRESIDENT TO VISIT GHANA, TOGO\n\n"
        "President Bola Tinubu will on Tuesday depart Abuja for Accra, the capital of Ghana, "
        "for a two-day working visit.\n\n"
        "In Accra, the President will hold talks with President Nana Akufo-Addo on regional "
        "security.\n\n"
        "From Accra, President Tinubu will proceed on Thursday to Lome for talks with "
        "President Faure Gnassingbe of Togo.\n")
    assert [(s.country_code, s.start) for s in trip.stops] == [
        ("GH", date(2024, 5, 7)), ("TG", date(2024, 5, 9))]


# ---------------------------------------------------------------- the day of an order to travel

@pytest.mark.parametrize("order", [
    "Earlier today, at the State House, the President instructed me to leave at once for "
    "Kenya to convey our concern over the floods.",
    "This morning the cabinet asked me to travel to Kenya without delay.",
])
def test_the_day_of_an_order_to_travel_is_not_a_day_of_the_trip(order):
    trip = trip_of(
        "Title: Press statement by the Minister for Foreign Affairs\nDate: 2024-05-06\n\n"
        "PRESS STATEMENT\nMinister for Foreign Affairs Grace Mensah\nAccra, 6 May 2024\n\n"
        f"{order}\n\nTomorrow, I will be in Nairobi. I will meet President William Ruto.\n\n"
        "After Kenya, I will continue to Kampala to meet President Yoweri Museveni.\n")
    assert [(s.country_code, s.start) for s in trip.stops][:1] == [("KE", date(2024, 5, 7))]


def test_a_hyphenated_given_name_is_the_travellers_own_not_another_persons():
    # the parse may take "hyun" of "Roh Moo-hyun" as the subject who travels: the arrival
    # day is still the traveller's own first day at the stop
    trip = trip_of(
        "Title: Roh begins Gulf tour in Qatar\nDate: 2024-03-03\n\n"
        "DOHA, March 3 (Yonhap) -- President Roh Moo-hyun arrived in Qatar on Sunday, kicking "
        "off a nine-day tour of four Middle Eastern countries aimed at creating a new boom for "
        "Korean companies.\n\nRoh is scheduled to hold summit talks with Emir Sheikh Tamim bin "
        "Hamad Al Thani on Monday.\n\nRoh will then fly to Riyadh on Wednesday for talks with "
        "King Salman.\n")
    assert [(s.country_code, s.start) for s in trip.stops][:1] == [("QA", date(2024, 3, 3))]


@pytest.mark.parametrize("text, monday", [
    # what the sentence tells after the arrival comes after it (anchor: Sunday 12 May 2024)
    ("The chancellor arrived here on Saturday for a four-day visit, with a lunch with the "
     "President on Monday the high point of the programme.", date(2024, 5, 13)),
    ("The envoy landed in the capital on Saturday, his first trip since he took office last "
     "year, with talks with the King on Monday the main event.", date(2024, 5, 13)),
    # ... unless "had", "where" or "after" puts it before the arrival
    ("The envoy arrived on Saturday from Oslo, where he attended a summit on Monday.",
     date(2024, 5, 6)),
    ("The envoy arrived on Saturday, having had talks in Oslo on Monday.", date(2024, 5, 6)),
])
def test_a_weekday_after_the_arrival_in_its_sentence_follows_it(text, monday):
    found = [d for d in find_dates(text, anchor=date(2024, 5, 12)) if d.text == "Monday"]
    assert [d.first for d in found] == [monday]


# ---------------------------------------------------------------- reported speech

REPORTED_PLAN = (
    "Title: Morning briefing from 6 March 2026\nDate: 2026-03-06\n\n"
    "The spokesman told reporters that the Chancellor would visit the Balkans next week, her "
    "last visit to the region as Chancellor.\n\n"
    "The Chancellor would fly to Serbia on Monday, where she would hold talks with President "
    "Aleksandar Vucic. On Tuesday, the Chancellor would travel on to Albania, to Tirana, where "
    "she would meet Prime Minister Edi Rama.\n")


def test_a_plan_told_in_reported_speech_looks_ahead():
    # "would fly ... on Monday" in a briefing's summary is the future of the past: the coming
    # Monday, not the one before the briefing
    assert [(code, start) for code, start, _ in days(trip_of(REPORTED_PLAN))] == [
        ("RS", date(2026, 3, 9)), ("AL", date(2026, 3, 10))]


@pytest.mark.parametrize("sentence, future", [
    ("The minister would fly to Oslo on Friday.", True),
    ("On Friday, the envoy would go to Oslo.", True),
    ("He said he would have gone to Oslo on Friday.", False),
])
def test_would_is_the_future_of_reported_speech_but_would_have_is_past(sentence, future):
    from dashboard.extraction.tense import clause_tense
    assert clause_tense(sentence, sentence.index("Friday")) is future


UNTIL_THEN_WEEKDAYS = (
    "Title: King leaves for state visit to Kenya\nDate: 2025-05-10\n\n"
    "The King left for Kenya on Saturday. He will stay in Kenya until next Friday, May 16.\n\n"
    "On Monday, he will hold talks with President William Ruto at State House in Nairobi.\n\n"
    "On Wednesday, he will fly to Mombasa, where he will visit the port.\n")


def test_weekdays_after_the_bound_of_a_stay_count_from_the_publication():
    # "until next Friday, May 16" closes the stay: the Monday and Wednesday told after it are
    # the coming ones (12 and 14 May), not the ones after the 16th
    starts = [(s.city, s.start) for s in trip_of(UNTIL_THEN_WEEKDAYS).stops]
    assert starts == [("Nairobi", date(2025, 5, 12)), ("Mombasa", date(2025, 5, 14))]


@pytest.mark.parametrize("lead", [
    "Briefing reporters on Thursday, the Foreign Secretary said",
    "Speaking to journalists on Thursday, the Foreign Secretary said",
])
def test_the_day_of_a_press_briefing_is_no_travel_day(lead):
    # the day the plan was told to the press is the statement's, not the arrival's
    text = ("Title: Prime Minister to tour South America\nDate: 2025-04-04\n\n"
            f"{lead} the Prime Minister would arrive in Santiago on Sunday evening for talks "
            "with President Gabriel Boric on Monday.\n")
    stops = trip_of(text).stops
    assert [(s.city, s.start) for s in stops] == [("Santiago", date(2025, 4, 6))]



@pytest.mark.parametrize("sentence", [
    "He will hold talks in Lima on April 16, a deputy minister said at a news briefing on "
    "Monday.",
    "The envoy flies to Lima on April 15, the ministry told reporters at a press conference "
    "on Monday.",
])
def test_the_day_of_the_briefing_a_plan_was_told_at_is_no_travel_day(sentence):
    # "..., an official said at a briefing on Monday": the Monday is the statement's, the
    # April date the stop's
    found = find_dates(sentence, anchor=date(2025, 4, 9))
    assert [(d.text, d.reporting) for d in found] == [("April 16" if "16" in sentence
                                                       else "April 15", False),
                                                      ("Monday", True)]


@pytest.mark.parametrize("sentence", [
    "The deputy foreign minister told a press briefing at the ministry on Monday that the "
    "envoy will land in Lima on April 15.",
    "A spokeswoman told a news conference in the capital on Monday that the envoy will land "
    "in Lima on April 15.",
])
def test_the_day_a_briefing_was_told_a_plan_is_no_travel_day(sentence):
    # "X told a press briefing (at a place) on Monday that ...": Monday is the statement's
    found = find_dates(sentence, anchor=date(2025, 4, 9))
    assert [(d.text, d.reporting) for d in found] == [("Monday", True), ("April 15", False)]


# ---------------------------------------------------------------- two stated ranges, one sentence

@pytest.mark.parametrize("first, code", [
    ("the Lao People's Democratic Republic", "LA"),
    ("the People's Democratic Republic of Algeria", "DZ"),
])
def test_each_of_two_overlapping_ranges_dates_the_country_named_before_it(first, code):
    # a country called by its official name with the article ("the ... Republic of X") is
    # still the stop the first range belongs to; the day of moving on is in both ranges
    trip = trip_of("Date: 2023-05-10\n\nROME, May 10. President Sergio Mattarella will pay a "
                   f"state visit to {first} on May 12-13 and will then travel to Cambodia on "
                   "May 13-14, his office said.\n")
    assert days(trip) == [(code, date(2023, 5, 12), date(2023, 5, 13)),
                          ("KH", date(2023, 5, 13), date(2023, 5, 14))]


# ---------------------------------------------------------------- an aside about someone

def test_a_day_of_someone_the_text_names_the_stop_only_in_an_aside_about_is_no_stop_day():
    # the former minister's own act on Monday, with the country only in his "who" clause:
    # the visit still begins on Tuesday
    trip = trip_of("Date: 2023-10-31\n\nNAIROBI (Oct 31) - King Charles III began a state "
                   "visit to Kenya on Tuesday, welcomed by President William Ruto at State "
                   "House.\n\nThe former minister Alan Duncan, who had once called Kenya a "
                   "model partner, pulled out of the delegation on Monday citing illness.\n")
    assert days(trip) == [("KE", date(2023, 10, 31), date(2023, 10, 31))]


# ---------------------------------------------------------------- a country, then two of its cities

WEST_AFRICA = (
    "Title: Chancellor to visit West Africa\nDate: 2025-03-02\n\n"
    "The Chancellor will this week travel to Senegal, Ghana and Cote d'Ivoire.\n\n"
    "On Monday, the Chancellor will be in Dakar, where she will meet President Bassirou "
    "Diomaye Faye.\n\n"
    "On Tuesday she will travel to Ghana, meeting President John Mahama in Accra to discuss "
    "trade, before travelling on to Kumasi to visit a cocoa cooperative.\n\n"
    "The Chancellor will end the visit in Cote d'Ivoire on Wednesday, meeting President "
    "Alassane Ouattara in Abidjan.\n")


def test_a_country_travelled_to_goes_with_the_first_of_its_cities_named_after_it():
    # "travel to Ghana, meeting X in Accra, before travelling on to Kumasi": Accra first,
    # on the day of travelling to the country
    stops = [(s.city, s.start) for s in trip_of(WEST_AFRICA).stops]
    assert stops == [("Dakar", date(2025, 3, 3)), ("Accra", date(2025, 3, 4)),
                     ("Kumasi", date(2025, 3, 4)), ("Abidjan", date(2025, 3, 5))]


@pytest.mark.parametrize("text", [
    "The forum, which will be held on Friday, brings the region's ministers together.",
    "A trade accord is to be signed on Friday in the port city.",
])
def test_the_weekday_of_a_future_passive_is_the_coming_one(text):
    # "will be held", "is to be signed": a passive after a modal is no past (anchor: Monday
    # 6 May 2024; the past Friday would be 3 May)
    found = [d for d in find_dates(text, anchor=date(2024, 5, 6)) if d.text == "Friday"]
    assert [d.first for d in found] == [date(2024, 5, 10)]


def test_a_past_passive_still_looks_back():
    found = [d for d in find_dates("The accord was signed on Friday in the port city.",
                                   anchor=date(2024, 5, 6)) if d.text == "Friday"]
    assert [d.first for d in found] == [date(2024, 5, 3)]


# ---------------------------------------------------------------- a thing's journey

@pytest.mark.parametrize("sentence", [
    "The first aid convoys are expected to reach Sidon on Friday.",
    "Italian peacekeeping troops will land in Tyre on Friday.",
])
def test_the_day_of_a_things_journey_is_not_the_travellers(sentence):
    # convoys and flights getting somewhere on Friday: not a day at the stop they are in
    trip = trip_of("Date: 2024-05-06\n\nBEIRUT, May 6 - The envoy arrived in Beirut on "
                   "Monday and met the prime minister.\n\n" + sentence + "\n")
    assert days(trip)[0] == ("LB", date(2024, 5, 6), date(2024, 5, 6))


def test_the_travellers_plane_landing_is_the_travellers_day():
    trip = trip_of("Date: 2024-05-06\n\nThe presidential plane is scheduled to land in Beirut "
                   "on Wednesday, where the president will meet the prime minister.\n")
    assert days(trip)[0][1] == date(2024, 5, 8)


# ---------------------------------------------------------------- live blog, time before day

LIVE_TIME_FIRST = (
    "Title: The Chancellor in India - live\nDate: 2025-02-21\n\n"
    "LIVE  The Chancellor in India\n\n"
    "17:05  Thu 20 Feb\n"
    "The Chancellor is in Bengaluru, visiting a software campus with the state's chief "
    "minister.\n\n"
    "10:15  Tue 18 Feb\n"
    "The Chancellor landed in New Delhi and held talks with Prime Minister Narendra Modi.\n")


def test_a_live_blog_stamp_with_the_time_before_the_day_dates_its_entry():
    starts = {s.city: s.start for s in trip_of(LIVE_TIME_FIRST).stops}
    assert starts == {"New Delhi": date(2025, 2, 18), "Bengaluru": date(2025, 2, 20)}


@pytest.mark.parametrize("visiting", ["visiting Osaka and Kyoto", "to visit Osaka and Kyoto",
                                      "where he tours Osaka and Kyoto"])
def test_a_day_before_a_list_of_places_visited_is_each_ones_day(visiting):
    text = ("Title: Albanese to visit Japan\nDate: 2025-04-05\n\n"
            "Australian Prime Minister Anthony Albanese will be in Tokyo on Monday for talks "
            "with Prime Minister Shigeru Ishiba. On Tuesday he will travel to the Kansai "
            f"region, {visiting}.\n")
    stops = {s.city: (s.start, s.end) for s in trip_of(text).stops}
    assert stops["Kyoto"] == (date(2025, 4, 8), date(2025, 4, 8))
    assert stops["Osaka"] == (date(2025, 4, 8), date(2025, 4, 8))


def test_a_thing_done_by_others_on_a_date_at_a_stop_is_not_the_travellers_day():
    # the accord's signing in Nairobi months before is the accord's date, not a day there
    text = ("Title: Envoy to visit Kenya and Uganda\nDate: 2024-06-10\n\n"
            "The UN envoy will visit Kampala on Wednesday for talks with President Yoweri "
            "Museveni. The visit backs the regional peace accord, signed in Nairobi on March "
            "3 by nine countries. The envoy will travel to Nairobi on Friday for talks with "
            "President William Ruto.\n")
    stops = {s.city: (s.start, s.end) for s in trip_of(text).stops}
    assert stops["Nairobi"][0] == date(2024, 6, 14)


def test_a_dateline_with_its_year_is_when_the_story_was_filed():
    # "LONDON, June 3, 2024 -": the release's own day, not the first stop's
    text = ("Title: Minister to visit Ghana\nDate: 2024-06-03\n\n"
            "LONDON, June 3, 2024 - The Minister for Africa will travel to Ghana and Nigeria "
            "from June 5 to 7. The visit begins on Wednesday in Accra, where the Minister will "
            "meet President Nana Akufo-Addo. On Friday she will be in Abuja.\n")
    stops = {s.city: (s.start, s.end) for s in trip_of(text).stops}
    assert stops["Accra"][0] == date(2024, 6, 5)
