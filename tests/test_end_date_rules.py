"""End dates by kind (issue 9; the convention of ../shared/articles): one stated activity
day is the stop's start and end; an arrival alone leaves the end open. Our own wording."""

from __future__ import annotations

import warnings
from datetime import date, timedelta

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


SIDE_TRIP = ("Title: The Commissioner travels to Jordan and Iraq\nDate: 2025-05-02\n\n"
             "The European Commissioner will travel to Jordan and Iraq from 5 to 9 May.\n\n"
             "On Monday, the Commissioner will be in Amman for talks with the government. "
             "She will also travel to Aqaba to visit the port.\n\n"
             "On Wednesday and Thursday, the Commissioner will be in Iraq.")


def test_a_side_trip_of_a_dated_paragraph_is_that_one_day():
    stops = {s.city: (s.start, s.end) for s in trip_of(SIDE_TRIP).stops}
    assert stops["Aqaba"] == (date(2025, 5, 5), date(2025, 5, 5))


def test_an_arrival_before_a_gap_keeps_its_end_open():
    # the day she arrives is stated, when she leaves is not (the next stop is days later)
    trip = trip_of(SIDE_TRIP.replace(" She will also travel to Aqaba to visit the port.", "")
                   .replace("On Monday, the Commissioner will be in Amman for talks with the "
                            "government.", "On Monday, the Commissioner will arrive in "
                            "Amman."))
    amman = next(s for s in trip.stops if s.city == "Amman")
    assert (amman.start, amman.end) == (date(2025, 5, 5), None)


def _days(trip) -> list[tuple]:
    return [(s.country_code, s.start, s.end) for s in trip.stops]


def test_the_day_of_moving_on_closes_a_stop_whose_end_is_open():
    # only the arrival in Hanoi is dated; the flight on to Bangkok two days later is the
    # last day there (the end-date convention: the day the text says he moved on)
    trip = trip_of("Date: 2024-03-02\n\nThe minister will arrive in Hanoi on Monday. He will "
                   "then fly on to Bangkok on Wednesday, where he will meet the prime "
                   "minister.\n")
    assert _days(trip)[0] == ("VN", date(2024, 3, 4), date(2024, 3, 6))


def test_the_day_of_moving_on_first_in_the_sentence_closes_it_too():
    trip = trip_of("Date: 2024-03-02\n\nThe minister lands in Hanoi on Monday. On Wednesday "
                   "she will travel to Bangkok for talks with the government.\n")
    assert _days(trip)[0] == ("VN", date(2024, 3, 4), date(2024, 3, 6))


def test_a_stated_activity_day_keeps_its_one_day_before_a_later_flight():
    # a day of talks is the stop's one day; the next flight does not stretch it
    trip = trip_of("Date: 2024-03-02\n\nThe minister will hold talks in Hanoi on Monday. He "
                   "will then fly to Bangkok on Tuesday to meet the prime minister.\n")
    assert _days(trip)[0] == ("VN", date(2024, 3, 4), date(2024, 3, 4))


def test_leaving_home_is_not_a_day_at_the_first_stop():
    # the trip's first day (leaving home) opens the first stop; the flight on does not
    # close a stay whose first day is only the departure
    trip = trip_of("Date: 2024-03-02\n\nTomorrow I will depart for a visit to Vietnam and "
                   "Thailand. In Vietnam I will meet the president. On the 6th, I will travel "
                   "onto Thailand, where I will meet the foreign minister.\n")
    assert _days(trip)[0] == ("VN", date(2024, 3, 3), None)


def test_an_activity_day_before_a_gap_is_not_stretched_to_the_next_flight():
    # talks on Monday are the stop's day; leaving on Thursday is not said to be from there
    trip = trip_of("Date: 2024-03-02\n\nIn Hanoi on Monday, the minister will meet the "
                   "president. On Thursday she travels to Bangkok for talks.\n")
    assert _days(trip)[0][2] != date(2024, 3, 7)


def test_from_there_names_the_stop_the_traveller_leaves():
    # (a day of talks, which alone would be the stop's one day)
    trip = trip_of("Date: 2024-03-02\n\nThe minister will visit Fiji on Monday for talks "
                   "with the government. From there she will go to Tonga on Wednesday and "
                   "finish her tour in Samoa on Friday.\n")
    assert _days(trip)[0] == ("FJ", date(2024, 3, 4), date(2024, 3, 6))


def test_the_nth_day_of_a_stay_of_m_days_gives_its_last_day():
    # told on the middle day, the stay runs on past the last day the text dates
    for met in ("He met the prime minister in Lisbon on Tuesday",
                "He met the prime minister on Tuesday"):
        trip = trip_of("Date: 2024-05-22\n\nThe chancellor arrived in Lisbon on Monday. "
                       f"{met}, on the second day of a four-day state visit.\n")
        assert _days(trip) == [("PT", date(2024, 5, 20), date(2024, 5, 23))]


def test_the_final_day_of_a_stay_adds_no_day():
    trip = trip_of("Date: 2024-05-22\n\nThe chancellor arrived in Lisbon on Monday. He met "
                   "the prime minister on Tuesday, the final day of a two-day visit.\n")
    assert _days(trip) == [("PT", date(2024, 5, 20), date(2024, 5, 21))]


PROGRAMME = ("Title: The Secretary-General to visit Chile and Argentina\nDate: 2024-03-01\n\n"
             "The Secretary-General will travel to Chile and Argentina from Monday 4 March to "
             "Thursday 7 March 2024.\n\n"
             "Programme:\n\nMonday 4 March (Santiago)\n\n18:00 Arrival in Santiago\n\n"
             "Tuesday 5 March (Santiago)\n\n10:00 Meeting with the President of Chile\n\n"
             "Wednesday 6 March (Buenos Aires)\n\n09:00 Departure for Buenos Aires\n\n"
             "16:00 Meeting with the President of Argentina\n\n"
             "Thursday 7 March (Buenos Aires)\n\n11:00 Speech at the university\n")


def test_a_programmes_departure_line_ends_the_stop_before_on_its_day():
    assert _days(trip_of(PROGRAMME))[0] == ("CL", date(2024, 3, 4), date(2024, 3, 6))


def test_a_programme_without_a_departure_line_keeps_the_last_day_it_lists():
    text = PROGRAMME.replace("09:00 Departure for Buenos Aires\n\n", "")
    assert _days(trip_of(text))[0] == ("CL", date(2024, 3, 4), date(2024, 3, 5))


def test_an_opening_part_of_the_day_goes_on_from_the_day_told_before():
    trip = trip_of("Date: 2024-03-01\n\nOn 4 March, the Commissioner will travel to Lima for "
                   "talks with the government. In the evening she will fly on to Quito, where "
                   "on 5 March she will meet the President of Ecuador.\n")
    assert _days(trip)[1] == ("EC", date(2024, 3, 4), date(2024, 3, 5))


def test_a_sentence_without_the_opening_keeps_its_own_date():
    trip = trip_of("Date: 2024-03-01\n\nOn 4 March, the Commissioner will travel to Lima for "
                   "talks with the government. She will fly on to Quito, where on 5 March she "
                   "will meet the President of Ecuador.\n")
    assert _days(trip)[1][1] == date(2024, 3, 5)


def test_a_paragraph_opening_on_a_day_and_he_goes_on_with_the_stop_before():
    # the new paragraph names no place, but goes on with the traveller's next day there
    for opening in ("Tomorrow he", "On Tuesday, he"):
        trip = trip_of("Date: 2024-03-04\n\nThe chancellor flew to Hanoi on Sunday evening."
                       f"\n\n{opening} will hold talks with the prime minister before "
                       "visiting a temple.\n\nHe will then fly on to Jakarta.\n")
        assert _days(trip)[0] == ("VN", date(2024, 3, 3), date(2024, 3, 5))


def test_a_stop_named_after_before_flying_to_starts_on_the_days_date():
    trip = trip_of("Date: 2024-03-06\n\nThe president landed in Accra on Monday evening and "
                   "met the president yesterday.\n\nThis morning the couple are due to visit "
                   "a school in Accra before flying to Kumasi, where they will stay two "
                   "nights.\n")
    assert _days(trip)[1][:2] == ("GH", date(2024, 3, 6))


def test_each_place_of_a_list_takes_the_date_right_after_it():
    # the parse reads no list through the dates between its members
    trip = trip_of("Title: Chancellor to visit the Gulf\nDate: 2025-02-07\n\n"
                   "The Chancellor will travel to the Gulf from 9 to 12 February. The trip will "
                   "take her to Oman on 9 February, Qatar on 10-11 February and Kuwait on "
                   "12 February.\n\nIn Doha, she will meet the Emir. In Kuwait City, she "
                   "will meet the Crown Prince.\n")
    assert _days(trip) == [("OM", date(2025, 2, 9), date(2025, 2, 9)),
                           ("QA", date(2025, 2, 10), date(2025, 2, 11)),
                           ("KW", date(2025, 2, 12), date(2025, 2, 12))]


# published on the Sunday the trip starts
SOUTH_AMERICA = (
    "Title: President leaves for South America\nDate: 2025-05-18\n\n"
    "The President of Ghana on Sunday departed for a state visit to four South American "
    "countries, namely Brazil, Argentina, Chile and Peru.\n\n"
    "He is scheduled to arrive in Brasilia on Sunday night. On Monday, the President will "
    "hold talks with President Lula at the Planalto Palace, Brasilia, before continuing his "
    "journey to Buenos Aires, Argentina, that afternoon.\n\n"
    "In Buenos Aires, he will meet President Javier Milei on Tuesday morning and then fly "
    "to Santiago, Chile, where he will hold talks with President Gabriel Boric the same "
    "day.\n\n"
    "From Santiago, the President will head to Lima, Peru, that evening to attend a trade "
    "forum on 20-21 May.\n")


def test_the_day_of_departing_for_a_listed_tour_is_the_trips_first_day_only():
    # Sunday is the day he leaves home: it starts the first stop, not each of the four
    stops = trip_of(SOUTH_AMERICA).stops
    assert stops[0].start == date(2025, 5, 18)
    assert all(s.start != date(2025, 5, 18) for s in stops[1:])


def test_that_afternoon_and_the_same_day_are_the_day_told_before_them():
    assert _days(trip_of(SOUTH_AMERICA)) == [
        ("BR", date(2025, 5, 18), date(2025, 5, 19)),
        ("AR", date(2025, 5, 19), date(2025, 5, 20)),
        ("CL", date(2025, 5, 20), date(2025, 5, 20)),
        ("PE", date(2025, 5, 20), date(2025, 5, 21))]


def test_a_paragraph_opening_on_a_day_and_the_travellers_office_goes_on_at_the_stop():
    trip = trip_of("Date: 2025-06-06\n\nPrime Minister Rina Das reached Tokyo on Monday and "
                   "held talks with the Japanese prime minister on Tuesday.\n\n"
                   "On Wednesday, the premier addressed a business forum.\n")
    assert _days(trip) == [("JP", date(2025, 6, 2), date(2025, 6, 4))]


def test_earlier_in_the_day_is_the_day_told_before():
    trip = trip_of("Date: 2025-06-05\n\nPrime Minister Rina Das returned home this evening, "
                   "wrapping up her visit to Japan.\n\nEarlier in the day, the prime minister "
                   "flew from Tokyo to Osaka, where she met business leaders.\n\n"
                   "She reached Tokyo on Monday.\n")
    assert _days(trip)[-1] == ("JP", date(2025, 6, 5), date(2025, 6, 5))


def test_the_day_of_leaving_home_for_a_listed_trip_starts_its_first_stop():
    # the day is written twice ("tomorrow morning (Monday, ...)"); the first stop has no
    # date of its own
    trip = trip_of("Date: 2025-06-01\n\nPrime Minister Rina Das will depart tomorrow morning "
                   "(Monday, 2 June 2025) on a visit to Brazil, Chile and Peru.\n\n"
                   "The visit will begin in Brazil, where President Lula will welcome her.\n\n"
                   "On Wednesday (4 June), in Santiago, she will hold talks with President "
                   "Gabriel Boric.\n\nThe visit will conclude in Peru on Thursday (5 June).\n")
    assert _days(trip)[0][:2] == ("BR", date(2025, 6, 2))


def test_a_date_in_a_relative_clause_on_a_thing_dates_the_thing_not_the_stop():
    trip = trip_of("Date: 2024-03-08\n\nThe chancellor arrived in Kyiv on Thursday and toured "
                   "a power station that was struck on 12 February.\n")
    assert _days(trip) == [("UA", date(2024, 3, 7), date(2024, 3, 7))]



def test_a_move_the_day_after_a_stay_of_several_told_days_ends_the_stay():
    # two days told at the first stop, then a flight on the next day: the day he moves on
    trip = trip_of("Date: 2024-03-05\n\nRIGA, March 5 -- The Canadian foreign minister, who "
                   "arrived in Riga on Monday, held talks with the Latvian president on "
                   "Tuesday. He will fly to Vilnius on Wednesday for a meeting with the "
                   "Lithuanian prime minister.\n")
    assert _days(trip)[0] == ("LV", date(2024, 3, 4), date(2024, 3, 6))


def test_a_stay_stated_as_a_range_keeps_its_last_day_before_the_move():
    trip = trip_of("Date: 2024-03-01\n\nThe minister will be in Riga from 4 to 5 March for "
                   "talks with the government. She will travel to Vilnius on Wednesday, 6 "
                   "March, to meet the Lithuanian prime minister.\n")
    assert _days(trip)[0] == ("LV", date(2024, 3, 4), date(2024, 3, 5))


def test_a_past_arrival_day_runs_on_to_the_next_days_flight():
    # arriving in the evening and meeting someone that night: he was there until he flew
    # on the next morning
    trip = trip_of("Date: 2024-03-08\n\nThe Secretary-General arrived in Accra on Wednesday "
                   "evening, and that night he met the Ghanaian president. He flew to Lome "
                   "on Thursday morning and held talks with the Togolese president.\n")
    assert _days(trip)[0] == ("GH", date(2024, 3, 6), date(2024, 3, 7))


def test_a_preview_arrival_day_keeps_its_one_day_before_the_next_days_flight():
    trip = trip_of("Date: 2024-03-05\n\nThe minister will arrive in Accra on Wednesday and "
                   "will spend the day meeting business leaders. On Thursday she will travel "
                   "to Lome for talks with the Togolese president.\n")
    assert _days(trip)[0] == ("GH", date(2024, 3, 6), date(2024, 3, 6))


def test_a_day_of_talks_before_a_gap_is_the_stops_one_day():
    # one stated activity day gives start = end, however long before the next stop
    trip = trip_of("Date: 2024-05-20\n\nLIMA, May 20 - The Spanish king arrived in Lima on "
                   "Sunday on the last leg of a tour that began in Bogota. In Quito, the king "
                   "held talks on 14 May with President Daniel Noboa.\n")
    quito = next(s for s in trip.stops if s.city == "Quito")
    assert (quito.start, quito.end) == (date(2024, 5, 14), date(2024, 5, 14))


def test_a_day_told_as_what_came_after_keeps_the_end_open():
    # "After meeting X on Tuesday, he said ...": the day is a reference point for what he
    # did next, not told as the whole stay
    trip = trip_of("Date: 2024-05-17\n\nThe minister is in Lima, the last stop of his tour, "
                   "and meets the Peruvian president on Friday. After meeting with officials "
                   "in Quito on Tuesday, he said the region needed more trade.\n")
    quito = next(s for s in trip.stops if s.city == "Quito")
    assert (quito.start, quito.end) == (date(2024, 5, 14), None)


def test_a_day_outside_the_trips_stated_range_does_not_date_the_stop_in_context():
    trip = trip_of("Date: 2024-06-07\n\nThe minister will travel to Peru and Chile from June "
                   "10 to 12. In Lima she will meet the president of Peru. She spoke "
                   "yesterday with the Peruvian foreign minister.\n")
    assert trip.stops[0].start == date(2024, 6, 10)


def test_the_journey_home_ends_a_last_stop_whose_end_is_open():
    # the last stop's first day is the day she gets there; the flight home is its last
    trip = trip_of("Date: 2024-05-14\n\nThis morning the German Chancellor visits a school in "
                   "Hanoi before flying to Da Nang, where she will spend the rest of the "
                   "visit. She flies home to Berlin on Thursday.\n")
    assert _days(trip)[-1] == ("VN", date(2024, 5, 14), date(2024, 5, 16))


def test_the_journey_home_leaves_a_stated_day_at_the_last_stop_alone():
    # a day of talks at the last stop stays its one day (the flight home may be overnight)
    trip = trip_of("Date: 2024-05-10\n\nThe German Chancellor will hold talks in Jakarta on "
                   "Saturday with the Indonesian president, before returning to Berlin on "
                   "Sunday.\n")
    assert _days(trip)[-1] == ("ID", date(2024, 5, 11), date(2024, 5, 11))


def test_a_night_told_at_a_stop_runs_to_the_next_days_move():
    # the first stop opens on the trip's first day; the night there and the move the next
    # day give its end
    trip = trip_of("Date: 2024-05-01\n\nThe Chilean President will begin a tour of Peru and "
                   "Ecuador tomorrow, Thursday 2 May. In the afternoon he will fly to Lima, "
                   "where he will spend the night. On Friday he will travel to Quito for "
                   "talks with the Ecuadorian president.\n")
    assert _days(trip)[0] == ("PE", date(2024, 5, 2), date(2024, 5, 3))


def test_flying_into_a_city_is_arriving_there_and_the_next_days_flight_ends_it():
    trip = trip_of("Date: 2024-03-08\n\nThe Secretary-General flew into Accra on Wednesday "
                   "morning and held talks with the Ghanaian president. He flew to Lome on "
                   "Thursday and met the Togolese president.\n")
    assert _days(trip)[0] == ("GH", date(2024, 3, 6), date(2024, 3, 7))


def test_a_day_of_being_at_a_stop_told_after_the_fact_is_its_one_day():
    # "was in X on Friday", told after the next stop began: that day is the stop's
    trip = trip_of("Date: 2024-03-10\n\nThe Iranian foreign minister landed in Oslo on Sunday. "
                   "He was in Rome on Friday for talks with the Italian foreign minister.\n")
    rome = next(s for s in trip.stops if s.city == "Rome")
    assert (rome.start, rome.end) == (date(2024, 3, 8), date(2024, 3, 8))


def test_a_stay_told_before_arriving_at_the_next_stop_ends_that_day():
    # "(talks in X) before the president arrived in Y on the 15th": the stay at X runs to it
    trip = trip_of("Date: 2024-03-19\n\nThe tour had started in Seoul on 10 March. The "
                   "president flew from Seoul straight to Tokyo on 12 March. In Tokyo there "
                   "were three days of talks with the prime minister, before the president "
                   "arrived in Beijing on the 15th.\n")
    tokyo = next(s for s in trip.stops if s.city == "Tokyo")
    assert (tokyo.start, tokyo.end) == (date(2024, 3, 12), date(2024, 3, 15))


# the way home closes the trip: a leg dated after it starts from home, so it does not
# close the stop before (end-date convention: the day he moved on ends only his own stay)
@pytest.mark.parametrize("home", [
    "The President is expected to return to Abuja on Wednesday evening.",
    "The President is scheduled to leave for home on Wednesday evening.",
])
def test_a_leg_after_the_way_home_does_not_close_the_last_stop(home):
    trip = trip_of(
        "Title: President to visit Ghana and Togo\nDate: 2024-05-06\n\n"
        "PRESIDENT TO VISIT GHANA, TOGO\n\n"
        "President Bola Tinubu will on Tuesday depart Abuja for Accra, the capital of Ghana."
        "\n\nFrom Accra, President Tinubu will proceed on Wednesday to Lome for talks with "
        f"President Faure Gnassingbe of Togo.\n\n{home}\n\n"
        "On Sunday, President Tinubu will leave for Germany at the invitation of Chancellor "
        "Olaf Scholz to attend the outreach session of the G7 Summit.\n")
    togo = next(s for s in trip.stops if s.country_code == "TG")
    assert (togo.start, togo.end) == (date(2024, 5, 8), date(2024, 5, 8))


def test_a_stop_reached_before_the_day_ends_is_that_days_when_the_next_begins_the_day_after():
    # "on Tuesday ... in Accra, before travelling on to Kumasi to visit ...", and the next
    # stop on Wednesday: Kumasi's one day is Tuesday, closed as any single stated day
    text = ("Title: Chancellor to visit Ghana and Cote d'Ivoire\nDate: 2025-03-02\n\n"
            "On Tuesday the Chancellor will meet President John Mahama in Accra to discuss "
            "trade, before travelling on to Kumasi to visit a cocoa cooperative.\n\n"
            "She will end the visit in Cote d'Ivoire on Wednesday, meeting President "
            "Alassane Ouattara in Abidjan.\n")
    assert [(s.city, s.start, s.end) for s in trip_of(text).stops][1] == (
        "Kumasi", date(2025, 3, 4), date(2025, 3, 4))


def test_a_day_in_the_where_clause_of_a_return_is_the_returns():
    # "return to Lisbon, where she will meet ... on Saturday morning": the second Lisbon
    # stop's day, not the first visit's
    trip = trip_of("Title: Envoy's travels\nDate: 2024-04-10\n\n"
                   "The envoy is due to arrive in Lisbon this evening. Tomorrow, she will fly "
                   "to Madrid, where she will visit a migrant centre. On Friday, she will fly "
                   "to Seville to meet regional officials. Friday evening she will return to "
                   "Lisbon, where she will meet Portuguese Prime Minister Luis Montenegro on "
                   "Saturday morning.\n")
    lisbon = [(s.start, s.end) for s in trip.stops if s.city == "Lisbon"]
    assert lisbon == [(date(2024, 4, 10), date(2024, 4, 11)),
                      (date(2024, 4, 12), date(2024, 4, 13))]


@pytest.mark.parametrize("arrival, first", [
    ("is due to arrive in Nairobi this evening. Tomorrow, she will fly", date(2024, 4, 10)),
    ("lands in Nairobi late on Thursday. On Friday she flies", date(2024, 4, 11)),
])
def test_an_arrival_late_in_the_day_runs_to_the_day_of_moving_on(arrival, first):
    # a night at the stop: the next day's flight on is its last day (end-date convention)
    trip = trip_of(f"Title: Envoy's travels\nDate: 2024-04-10\n\nThe envoy {arrival} to "
                   "Kampala, where she will meet President Yoweri Museveni.\n")
    assert _days(trip)[0] == ("KE", first, first + timedelta(days=1))


# A preview of a state visit to one country over three cities, its stay bounded by "until"
THREE_CITIES = (
    "Title: King and Queen leave for Malaysia\nDate: 2024-09-07\n\n"
    "The King and Queen of the Netherlands left Amsterdam for Malaysia on Saturday. They "
    "will stay in Malaysia until next Friday, September 13.\n\n"
    "On Monday, they will be welcomed at the National Palace in Kuala Lumpur, and the King "
    "will hold talks with the Sultan of Johor, the Malaysian king.\n\n"
    "The couple will spend the following two days in Ipoh, where they will visit a "
    "semiconductor plant and meet students.\n\n"
    "On Thursday, they will fly to Kuching, where they will tour a rainforest reserve.\n")


def test_the_bound_of_a_stay_in_a_country_of_several_stops_ends_its_last():
    # "until next Friday, September 13" closes Kuching, the last stop in Malaysia, not the
    # first; Kuala Lumpur keeps its one day
    days = [(s.city, s.start, s.end) for s in trip_of(THREE_CITIES).stops]
    assert days[0] == ("Kuala Lumpur", date(2024, 9, 9), date(2024, 9, 9))
    assert days[-1] == ("Kuching", date(2024, 9, 12), date(2024, 9, 13))


def test_the_following_n_days_run_on_from_the_day_told_before():
    # "the following two days" after Monday: Tuesday and Wednesday
    days = [(s.city, s.start, s.end) for s in trip_of(THREE_CITIES).stops]
    assert days[1] == ("Ipoh", date(2024, 9, 10), date(2024, 9, 11))


@pytest.mark.parametrize("arrival", [
    "The chancellor arrived in Vilnius on Saturday from Riga",
    "The chancellor landed in Vilnius late on Saturday from Riga",
])
def test_the_day_of_arriving_from_the_stop_before_is_its_last(arrival):
    # told back: "where on Friday she had met ...", then the arrival from there on Saturday
    trip = trip_of("Date: 2024-05-05\n\nVILNIUS, May 5 - " + arrival + ", where on Friday "
                   "she had met Latvian President Edgars Rinkevics. On Sunday she met "
                   "Lithuanian President Gitanas Nauseda.\n")
    assert _days(trip)[0] == ("LV", date(2024, 5, 3), date(2024, 5, 4))


FROM_A_DAY = ("Title: The Foreign Minister's visit to Canada\nDate: 2025-09-01\n\n"
              "The Foreign Minister will visit Canada from 7 to 12 September.\n\n"
              "On the 8th she will arrive in Ottawa. On the 9th she will hold talks there "
              "with Prime Minister Mark Carney.\n\n"
              "{opening} the Minister will be in Toronto, where she will open a trade fair.\n")


@pytest.mark.parametrize("opening", ["From the 10th", "From 10 September"])
def test_a_stay_told_from_a_day_on_ends_the_stop_before_that_day(opening):
    # "From the 10th she will be in Toronto": she moves on that day, the last in Ottawa
    stops = {s.city: (s.start, s.end) for s in trip_of(FROM_A_DAY.format(
        opening=opening)).stops}
    assert stops["Ottawa"][1] == date(2025, 9, 10)
    assert stops["Toronto"][0] == date(2025, 9, 10)


def test_a_stay_told_on_a_day_leaves_the_stop_before_alone():
    # "On the 10th she will be in Toronto" says where she is that day, not that she moved
    # there that day (the evening before may have been the flight)
    stops = {s.city: (s.start, s.end) for s in trip_of(FROM_A_DAY.format(
        opening="On the 10th")).stops}
    assert stops["Ottawa"][1] != date(2025, 9, 10)


# A host paper's story of the traveller's day in its city, with the next stop ahead
LEAVES_FOR = ("Title: The King in Lisbon\nDate: 2025-04-09\n\n"
              "The King of Sweden held talks in Madrid with Prime Minister Pedro Sanchez on "
              "Monday.\n\n"
              "This morning the King laid a wreath in Lisbon and met President Marcelo "
              "Rebelo de Sousa.\n\n"
              "He leaves {when} for Morocco, where King Mohammed VI will receive him in "
              "Rabat.\n")


@pytest.mark.parametrize("when, day", [("tomorrow", 10), ("on Friday", 11)])
def test_leaving_a_stop_on_a_day_for_the_next_starts_the_next_that_day(when, day):
    stops = {s.city: (s.start, s.end) for s in trip_of(LEAVES_FOR.format(when=when)).stops}
    # the day of leaving is Rabat's first; how long he stays there is not told
    assert stops["Rabat"] == (date(2025, 4, day), None)


def test_leaving_a_stop_the_next_day_ends_it_that_day():
    # in Lisbon today, leaving tomorrow: Lisbon's stay runs to tomorrow
    stops = {s.city: (s.start, s.end) for s in trip_of(LEAVES_FOR.format(
        when="tomorrow")).stops}
    assert stops["Lisbon"] == (date(2025, 4, 9), date(2025, 4, 10))


def test_a_stay_stated_as_a_range_keeps_its_last_day_when_the_move_on_is_later():
    # a wrap-up told after the fact: the days in Hanoi are stated as a range, and the flight
    # to Da Nang two days later does not stretch them (the days between are not told)
    text = ("Title: The Chancellor's tour of Vietnam ends\nDate: 2025-03-20\n\n"
            "German Chancellor Angela Merkel has toured Vietnam this month.\n\n"
            "She spent two days in Hanoi on March 12 and 13, where she met Prime Minister "
            "Pham Minh Chinh. On March 16 she flew to Da Nang to visit a wind farm.\n")
    stops = {s.city: (s.start, s.end) for s in trip_of(text).stops}
    assert stops["Hanoi"] == (date(2025, 3, 12), date(2025, 3, 13))


@pytest.mark.parametrize("leaving", ["and left on Wednesday morning", "and departed Wednesday",
                                     "before he left on Wednesday"])
def test_leaving_told_with_the_arrival_ends_the_stop(leaving):
    # the day of leaving is told in the sentence that brings him there, with no place after
    # the verb: it is the stop's last day (end-date convention: the day of moving on)
    text = ("Title: Minister's Gulf tour ends\nDate: 2025-02-22\n\n"
            "Foreign Minister Penny Wong has wrapped up a tour of the Gulf.\n\n"
            f"Wong flew into Doha on Monday for talks with the Emir, {leaving}. On Friday "
            "she was in Muscat.\n")
    stops = {s.city: (s.start, s.end) for s in trip_of(text).stops}
    assert stops["Doha"] == (date(2025, 2, 17), date(2025, 2, 19))


def test_the_day_a_trip_is_announced_is_no_day_abroad():
    text = ("Title: Prime Minister to travel to Italy and Greece\nDate: 2025-05-09\n\n"
            "The Prime Minister, Mark Carney, today announced that he will travel to Rome, "
            "Italy, and Athens, Greece, from May 11 to 13, 2025.\n\n"
            "On Monday, May 12, in Rome, the Prime Minister will meet with Prime Minister "
            "Giorgia Meloni. On May 13, he will travel to Athens, where he will meet with "
            "Prime Minister Kyriakos Mitsotakis.\n")
    stops = {s.city: s.start for s in trip_of(text).stops}
    assert stops["Athens"] == date(2025, 5, 13)


@pytest.mark.parametrize("leaves", ["leaves for Hanoi on Thursday",
                                    "departs for Hanoi on Thursday morning"])
def test_leaving_a_stop_for_the_next_on_a_day_starts_the_next(leaves):
    # at a stop already, "leaves for Y on Thursday" is the day of moving on: Y's first day
    text = ("Title: President in Jakarta\nDate: 2025-03-12\n\n"
            "South Korean President Lee Jae-myung arrived in Jakarta on Monday for a state "
            "visit, his first to Indonesia. He held talks with President Prabowo Subianto on "
            f"Tuesday. The President {leaves} for the last leg of his tour.\n")
    stops = {s.city: s.start for s in trip_of(text).stops}
    assert stops["Hanoi"] == date(2025, 3, 13)
