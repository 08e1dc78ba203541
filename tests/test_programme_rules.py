"""Day-by-day programmes (issue 9): a line holding only a day heads the undated lines below
it, which keep the place of the lines before. Our own wording; the kind is a ministry's
"programme of the visit" page."""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip

PROGRAMME = (
    "Title: Programme of the visit of the Foreign Minister to Chile and Peru\n"
    "Date: 2025-03-02\n\n"
    "Canada's Foreign Minister Mélanie Joly will visit Chile and Peru from 3 to 7 March 2025. "
    "The programme of the visit is as follows:\n\n"
    "Monday, March 03, 2025\n"
    "- Departure from Ottawa\n"
    "- Arrival in Santiago, Chile\n\n"
    "Tuesday, March 04, 2025\n"
    "- Call on President Gabriel Boric at La Moneda\n"
    "- Lunch with business leaders\n\n"
    "Wednesday, March 05, 2025\n"
    "- Departure from Santiago for Valparaiso\n"
    "- Address to the National Congress\n\n"
    "Thursday, March 06, 2025\n"
    "- Departure from Valparaiso for Lima, Peru\n"
    "- Meeting with President Dina Boluarte\n\n"
    "Friday, March 07, 2025\n"
    "- Visit to a school\n"
    "- Departure for Ottawa\n")


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def test_each_stop_takes_the_days_of_the_lines_about_it():
    days = [(s.city, s.start, s.end) for s in trip_of(PROGRAMME).stops]
    assert days == [("Santiago", date(2025, 3, 3), date(2025, 3, 5)),
                    ("Valparaíso", date(2025, 3, 5), date(2025, 3, 6)),
                    ("Lima", date(2025, 3, 6), date(2025, 3, 7))]


def test_a_line_naming_no_place_keeps_the_place_of_the_day_before():
    # Tuesday's lines name no place: they are Santiago's, and so is the leader met
    stops = trip_of(PROGRAMME).stops
    assert [leader.name for leader in stops[0].leaders] == ["Gabriel Boric"]
    assert [leader.name for leader in stops[2].leaders] == ["Dina Boluarte"]


def test_the_release_date_above_its_prose_is_no_programme_day():
    # the date line over the first paragraph is when the page was posted, and the lines of
    # prose under it are no programme items
    text = PROGRAMME.replace("Date: 2025-03-02\n\n", "Date: 2025-03-02\n\nMarch 02, 2025\n\n")
    assert trip_of(text).stops[0].start == date(2025, 3, 3)


@pytest.mark.parametrize("heading", ["3 March 2025 (Monday)", "Day 1 - Monday 3 March 2025"])
def test_other_ways_of_writing_the_day_heading(heading):
    text = PROGRAMME.replace("Monday, March 03, 2025", heading)
    assert trip_of(text).stops[0].start == date(2025, 3, 3)


def test_a_single_date_line_makes_no_programme():
    # one dated line and prose: the prose sentences keep their own reading
    text = ("Title: Minister to visit Chile\nDate: 2025-03-02\n\nMarch 02, 2025\n\n"
            "- The Foreign Minister travels to Santiago on Tuesday.\n")
    stop = trip_of(text).stops[0]
    assert (stop.city, stop.start) == ("Santiago", date(2025, 3, 4))


# A programme whose items start with a clock time and whose day headings carry no year, in
# capitals, as a programme PDF turned into text, with its running footer between the days
TIMED = (
    "Title: Official visit of the Prime Minister to Norway - programme\n"
    "Date: 2024-06-07\n\n"
    "The Prime Minister will pay an official visit to Norway at the invitation of the "
    "Norwegian Government.\n\n"
    "DAY 1 – MONDAY 10 JUNE\n"
    "09.30  Arrival at Gardermoen airport\n"
    "11.00  Welcome by Prime Minister Jonas Gahr Store in Oslo\n\n"
    "Official visit to Norway – Programme                    Page 1 of 2\n\n"
    "DAY 2 – TUESDAY 11 JUNE\n"
    "10:00 – Visit to a research centre\n"
    "15:30 – Meeting with business leaders\n\n"
    "Official visit to Norway – Programme                    Page 2 of 2\n\n"
    "DAY 3 – WEDNESDAY 12 JUNE\n"
    "0900 hrs Departure from Oslo\n")


def test_clock_time_lines_under_year_less_day_headings_take_those_days():
    # the year comes from the publication date; each timed line is one programme item
    stop = trip_of(TIMED).stops[0]
    assert (stop.country_code, stop.start, stop.end) == ("NO", date(2024, 6, 10),
                                                        date(2024, 6, 12))


def test_a_running_page_footer_is_page_clutter():
    from dashboard.extraction.sentences import split_sentences
    text = "Programme of the visit          Page 3 of 7\nThe visit ends in Oslo."
    assert [s.clutter for s in split_sentences(text)] == [True, False]


DATED_LINES = (
    "Title: The Grand Duke in Brazil: the programme, day by day\n"
    "Date: 2025-09-01\n\n"
    "The Grand Duke of Luxembourg leaves for Brazil this evening for a state visit.\n\n"
    "Monday 1 September - Arrival in Brasilia, welcome by President Luiz Inacio Lula da "
    "Silva.\n\n"
    "Tuesday 2 September - Talks with President Lula in Brasilia.\n\n"
    "Wednesday 3 September - Flight to Sao Paulo. Visit to a steel plant.\n\n"
    "Thursday 4 September - Sao Paulo: meeting with students.\n\n"
    "Friday 5 September - Departure for Manaus. Boat trip on the river.\n")


def test_a_dated_line_of_moving_on_ends_the_stop_before_that_day():
    # "Wednesday 3 September - Flight to Y": the day of moving on is the last day at the stop
    # before (end-date convention), not the day of the last line that names it
    days = [(s.city, s.start, s.end) for s in trip_of(DATED_LINES).stops]
    assert days[:3] == [("Brasília", date(2025, 9, 1), date(2025, 9, 3)),
                        ("São Paulo", date(2025, 9, 3), date(2025, 9, 5)),
                        ("Manaus", date(2025, 9, 5), days[2][2])]



# A programme whose day headings also name the day's place, in capitals after a dash, as a
# government media advisory prints them; the lines under them name the place rarely
PLACED = (
    "Title: Prime Minister to visit Korea and Vietnam: programme\n"
    "Date: 2025-05-08\n\n"
    "The Prime Minister will travel to the Republic of Korea and Vietnam next week with a "
    "delegation of business leaders.\n\n"
    "Outline programme\n\n"
    "Sunday 11 May\n"
    "- Depart Ottawa\n\n"
    "Monday 12 May - SEOUL\n"
    "- Arrive Seoul\n"
    "- Meeting with President Lee Jae-myung\n\n"
    "Tuesday 13 May - SEOUL\n"
    "- Roundtable with battery makers\n"
    "- Afternoon: depart for Hanoi\n\n"
    "Wednesday 14 May - HANOI\n"
    "- Talks with Prime Minister Pham Minh Chinh\n\n"
    "Thursday 15 May - HANOI\n"
    "- Visit to a port project\n"
    "- Depart Hanoi for Ottawa\n")


def _days(trip):
    return [(s.city, s.start, s.end) for s in trip.stops]


def test_a_heading_naming_the_days_place_dates_that_stop():
    assert _days(trip_of(PLACED)) == [("Seoul", date(2025, 5, 12), date(2025, 5, 13)),
                                      ("Hanoi", date(2025, 5, 14), date(2025, 5, 15))]


def test_leaving_for_a_stop_without_a_heading_of_its_own_starts_it_that_day():
    # Hanoi has no heading: the evening flight is all the programme says of getting there
    text = PLACED.replace("Wednesday 14 May - HANOI\n", "Wednesday 14 May\n").replace(
        "Thursday 15 May - HANOI\n", "Thursday 15 May\n")
    assert _days(trip_of(text))[:2] == [("Seoul", date(2025, 5, 12), date(2025, 5, 13)),
                                        ("Hanoi", date(2025, 5, 13), date(2025, 5, 15))]


def test_under_the_days_place_a_line_naming_another_stop_is_no_day_there():
    # Tuesday's roundtable in Seoul speaks of Vietnam's market; Hanoi starts on Wednesday
    text = PLACED.replace("- Roundtable with battery makers\n",
                          "- Roundtable on battery exports to Vietnam\n")
    assert _days(trip_of(text))[1] == ("Hanoi", date(2025, 5, 14), date(2025, 5, 15))


TWO_PLACES = (
    "Title: The Cardinal's visit to Ireland: the programme\n"
    "Date: 2025-06-01\n\n"
    "The Cardinal Secretary of State will visit Ireland from 5 to 6 June 2025.\n\n"
    "THURSDAY 5 JUNE - DUBLIN AND GALWAY\n"
    "09.00 Arrival at Dublin airport. The Cardinal is greeted by the Taoiseach.\n"
    "11.00 Meeting with President Catherine Connolly.\n"
    "16.00 Mass at the cathedral, Galway.\n"
    "19.30 Flight from Galway to Cork. Overnight at the bishop's house.\n\n"
    "FRIDAY 6 JUNE - CORK\n"
    "10.00 Meeting with students at the university.\n"
    "15.00 Departure for Rome.\n")


def test_a_heading_may_name_two_places_and_an_item_may_run_on():
    # the day's heading names Dublin and Galway; the timed item of the flight to Cork runs
    # into a second sentence and still dates Cork's first day
    assert _days(trip_of(TWO_PLACES)) == [("Dublin", date(2025, 6, 5), date(2025, 6, 5)),
                                          ("Galway", date(2025, 6, 5), date(2025, 6, 5)),
                                          ("Cork", date(2025, 6, 5), date(2025, 6, 6))]


def test_a_dated_line_going_home_ends_the_last_stop_that_day():
    # "Thursday 4 September - Return to <home>": the last stop's stay runs to that day, as
    # any day of moving on does
    text = DATED_LINES.replace(
        "Friday 5 September - Departure for Manaus. Boat trip on the river.\n",
        "Friday 5 September - Return to Luxembourg.\n")
    days = [(s.city, s.start, s.end) for s in trip_of(text).stops]
    assert days[-1] == ("São Paulo", date(2025, 9, 3), date(2025, 9, 5))


# A programme whose items of one day run on in one paragraph of verbless items, under day
# headings that name the day's city with its state ("- AUSTIN, TEXAS", "- WASHINGTON, D.C.")
RUN_ON = (
    "Title: Programme of the official visit of the President to the United States\n"
    "Date: 2025-04-10\n\n"
    "The President will pay an official visit to the United States from 13 to 17 April "
    "2025, at the invitation of the American government.\n\n"
    "SUNDAY, 13 APRIL - DENVER, COLORADO\n"
    "Arrival at the airport. Meeting with Governor Jared Polis. Dinner with the community.\n\n"
    "MONDAY, 14 APRIL - DENVER\n"
    "Visit to a solar plant. Departure for Texas.\n\n"
    "TUESDAY, 15 APRIL - AUSTIN, TEXAS\n"
    "Tour of the state capitol. Evening: arrival in Washington, D.C.\n\n"
    "WEDNESDAY, 16 APRIL - WASHINGTON, D.C.\n"
    "Talks at the White House. Joint press conference. State dinner.\n\n"
    "THURSDAY, 17 APRIL - WASHINGTON, D.C.\n"
    "Breakfast with business leaders. Evening: departure for home.\n")


def test_a_paragraph_of_verbless_items_is_the_days_programme():
    days = {s.city: (s.start, s.end) for s in trip_of(RUN_ON).stops}
    assert days["Denver"] == (date(2025, 4, 13), date(2025, 4, 14))
    # the evening arrival under Tuesday's heading starts Washington that day
    assert days["Washington"] == (date(2025, 4, 15), date(2025, 4, 17))


def test_a_city_heading_with_its_state_dates_that_city_alone():
    # the trip's range does not close Austin, which the programme leaves on its own day
    days = {s.city: (s.start, s.end) for s in trip_of(RUN_ON).stops}
    assert days["Austin"] == (date(2025, 4, 15), date(2025, 4, 15))



def test_one_day_stop_before_the_stop_arrived_in_that_evening():
    # Austin and Washington both start on Tuesday, under one heading: Austin, left that
    # evening, comes first
    assert [s.city for s in trip_of(RUN_ON).stops] == ["Denver", "Austin", "Washington"]


def test_a_programme_item_headed_by_a_town_and_a_colon_is_a_stop_there():
    # "Da Nang: visit to ...": the place, a colon, what the traveller does there
    text = ("Date: 2019-03-01\n\nPresident Ana Costa to visit Vietnam: programme\n\n"
            "March 4, Monday\nArrival in Hanoi in the evening.\n\n"
            "March 5, Tuesday\nHanoi. Talks with President Trong. Da Nang: visit to the "
            "shipyard of the Vinashin group. Departure for Manila.\n\n"
            "March 6, Wednesday\nManila. Talks with President Duterte.\n")
    trip = extract_trip(read_article_text("programme.txt", text))
    assert [s.city for s in trip.stops] == ["Hanoi", "Da Nang", "Manila"]
    assert trip.stops[1].start == date(2019, 3, 5)


def test_a_programme_days_line_naming_its_town_alone_places_the_days_meetings_there():
    # "Bangkok." opens the day: the bilateral meetings that follow are held there, not in
    # the countries of the leaders met
    text = ("Date: 2019-10-30\n\nPresident Ana Costa to attend the East Asia Summit\n\n"
            "November 2, Saturday\nArrival in Bangkok late in the evening.\n\n"
            "November 3, Sunday\nBangkok. Opening of the summit. Bilateral meetings with "
            "President of China Xi Jinping and Prime Minister of India Narendra Modi.\n\n"
            "November 4, Monday\nBangkok. Summit sessions. Departure for home.\n")
    trip = extract_trip(read_article_text("programme.txt", text))
    assert [s.country_code for s in trip.stops] == ["TH"]


# A programme in capitals whose headings name two places on a day of moving, one of them a
# town the gazetteer does not know ("KELMARU", our own invented name)
CAPITALS = (
    "Title: Programme of the Minister's visit to Kenya\n"
    "Date: 2025-06-01\n\n"
    "The Minister for Trade will lead a business mission to Kenya.\n\n"
    "TUESDAY 3 JUNE - KELMARU / NAIROBI\n"
    "0900 Visit to a tea estate, Kelmaru\n"
    "1500 Depart for Nairobi by road\n\n"
    "WEDNESDAY 4 JUNE - NAIROBI\n"
    "0900 Meeting with President William Ruto, State House\n"
    "1300 Lunch with exporters\n\n"
    "THURSDAY 5 JUNE - NAIROBI / MOMBASA\n"
    "0900 Visit to a flower farm\n"
    "1500 Depart for Mombasa\n\n"
    "FRIDAY 6 JUNE - MOMBASA\n"
    "1000 Tour of the container terminal\n"
    "1700 Depart Mombasa for home\n")


def test_a_capitals_heading_naming_an_unknown_town_still_names_the_days_places():
    days = {s.city: (s.start, s.end) for s in trip_of(CAPITALS).stops}
    assert days["Nairobi"] == (date(2025, 6, 3), date(2025, 6, 5))
    assert days["Mombasa"] == (date(2025, 6, 5), date(2025, 6, 6))


# Plain day headings whose paragraph opens with the day's place alone ("Accra."), then the
# day's items, one of which the parse may read as a verb ("talks")
PLACE_FIRST = (
    "Title: Schedule of the President's visit to Ghana and Senegal\n"
    "Date: 2025-10-10\n\n"
    "From October 13 to 16, German President Frank-Walter Steinmeier will pay state visits "
    "to Ghana and Senegal.\n\n"
    "Programme of the visit:\n\n"
    "October 13, Monday\n"
    "Departure from Berlin. Arrival in Accra in the evening.\n\n"
    "October 14, Tuesday\n"
    "Accra. Bilateral talks with President John Mahama. Departure for Senegal.\n\n"
    "October 15, Wednesday\n"
    "Dakar. Official talks with President Bassirou Diomaye Faye. State banquet.\n\n"
    "October 16, Thursday\n"
    "Dakar. Visit to the port. Departure for Berlin.\n")


def test_a_place_alone_opening_the_day_says_where_the_day_is_spent():
    # "Departure for Senegal" ends Accra on Tuesday; Dakar starts on the day that opens
    # with it, and the flight home is no day of another stop
    assert _days(trip_of(PLACE_FIRST)) == [("Accra", date(2025, 10, 13), date(2025, 10, 14)),
                                           ("Dakar", date(2025, 10, 15), date(2025, 10, 16))]


def test_the_day_of_arriving_home_is_no_day_at_the_last_stop():
    # "(arrive Ottawa Saturday 7 June)": the flight home lands the next day, in a country
    # with no stop; the last stop ends on the day it is left
    text = CAPITALS.replace(
        "The Minister for Trade will lead a business mission to Kenya.",
        "Canada's Minister for Trade, Mary Ng, will lead a business mission to Kenya.").replace(
        "1700 Depart Mombasa for home\n",
        "1700 Depart Mombasa for Canada (arrive Ottawa Saturday 7 June)\n")
    days = {s.city: (s.start, s.end) for s in trip_of(text).stops}
    assert days["Mombasa"] == (date(2025, 6, 5), date(2025, 6, 6))
