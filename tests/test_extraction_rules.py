"""The extractor on typical trip phrasing that is not in the seed or the development set.

Each article here is a short made-up text in the style of wire stories and official
statements; the expected itinerary is what a careful reader takes from it.
"""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip, extract_trip_from_file
from dashboard.models import ArticleError


def trip_of(text: str, name: str = "article.txt"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text(name, text))


def itinerary(trip) -> list[tuple]:
    return [(s.country_code, None if s.city_inferred else s.city, s.start, s.end,
             [leader.name for leader in s.leaders]) for s in trip.stops]


def test_wire_story_with_arrival_and_onward_legs():
    trip = trip_of(
        "Date: 2022-07-11\n\nTOKYO (AP) — Secretary of State Antony Blinken arrived in Tokyo on "
        "Sunday for talks with Japanese Foreign Minister Yoshimasa Hayashi, the first stop on a "
        "trip that will also take him to South Korea and the Philippines.\n\nBlinken is due to "
        "fly to Seoul on Tuesday, where he will meet South Korean President Yoon Suk Yeol. He "
        "then travels to Manila on Wednesday and Thursday.\n")
    assert trip.traveler == "Antony Blinken"
    assert itinerary(trip) == [
        ("JP", "Tokyo", date(2022, 7, 10), None, ["Yoshimasa Hayashi"]),
        ("KR", "Seoul", date(2022, 7, 12), date(2022, 7, 12), ["Yoon Suk Yeol"]),
        ("PH", "Manila", date(2022, 7, 13), date(2022, 7, 14), []),
    ]


def test_past_tense_report_and_a_return_home_is_not_a_stop():
    trip = trip_of(
        "Date: 2023-01-31\n\nBlinken wraps up Middle East trip\n\nSecretary of State Antony "
        "Blinken wrapped up a three-day trip to the Middle East on Tuesday. He visited Egypt, "
        "Israel and the West Bank.\n\nIn Cairo on Monday, Blinken met Egyptian President Abdel "
        "Fattah el-Sisi. He then flew to Jerusalem, where he held talks with Israeli Prime "
        "Minister Benjamin Netanyahu.\n\nOn Tuesday he met Palestinian President Mahmoud Abbas "
        "in Ramallah before returning to Washington.\n")
    assert trip.traveler == "Antony Blinken"
    assert itinerary(trip) == [
        ("EG", "Cairo", date(2023, 1, 30), date(2023, 1, 30), ["Abdel Fattah el-Sisi"]),
        ("IL", "Jerusalem", None, None, ["Benjamin Netanyahu"]),
        ("PS", "Ramallah", date(2023, 1, 31), date(2023, 1, 31), ["Mahmoud Abbas"]),
    ]


def test_leaders_are_placed_where_the_meeting_happens():
    trip = trip_of(
        "WARSAW, Feb 21 (Reuters) - U.S. President Joe Biden met Polish President Andrzej Duda "
        "in Warsaw on Tuesday, a day after his surprise visit to Kyiv, where he met Ukrainian "
        "President Volodymyr Zelensky.\n")
    assert [(s.country_code, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("UA", ["Volodymyr Zelensky"]), ("PL", ["Andrzej Duda"])]
    # no publication date: weekdays stay unresolved rather than guessed
    assert all(s.start is None for s in trip.stops)
    assert trip.warnings


def test_title_comma_name_and_counterpart():
    trip = trip_of(
        "Title: Foreign Secretary to visit Kenya, Zambia and South Africa\nDate: 2023-03-27\n\n"
        "The Foreign Secretary, James Cleverly, will visit Kenya, Zambia and South Africa this "
        "week.\n\nIn Nairobi on Monday, he will meet President William Ruto. On Wednesday he "
        "travels to Lusaka, Zambia, before ending his trip in Pretoria on Thursday, where he "
        "will meet his South African counterpart, Naledi Pandor.\n")
    assert trip.traveler == "James Cleverly"
    assert itinerary(trip) == [
        ("KE", "Nairobi", date(2023, 3, 27), None, ["William Ruto"]),
        ("ZM", "Lusaka", date(2023, 3, 29), date(2023, 3, 29), []),
        ("ZA", "Pretoria", date(2023, 3, 30), date(2023, 3, 30), ["Naledi Pandor"]),
    ]


def test_two_cities_in_one_country_are_two_stops_and_the_entourage_is_not_met():
    trip = trip_of(
        "Title: Macron arrives in China for three-day state visit\nDate: 2023-04-05\n\n"
        "French President Emmanuel Macron arrived in Beijing on Wednesday for a three-day state "
        "visit. He will meet Chinese President Xi Jinping on Thursday.\n\nOn Friday, Macron will "
        "travel to Guangzhou, where he will speak to students.\n\nEuropean Commission President "
        "Ursula von der Leyen is accompanying Macron in Beijing.\n")
    assert trip.traveler == "Emmanuel Macron"
    # (the arrival in Beijing is its only stated day, so the day he travels on to
    # Guangzhou is its last: the end-date convention of ../shared/articles)
    assert itinerary(trip) == [
        ("CN", "Beijing", date(2023, 4, 5), date(2023, 4, 7), ["Xi Jinping"]),
        ("CN", "Guangzhou", date(2023, 4, 7), date(2023, 4, 7), []),
    ]
    assert trip.id == "macron-2023-04-china"


def test_a_foreign_leaders_trip_to_the_us_includes_washington():
    trip = trip_of(
        "Date: 2023-06-19\n\nPrime Minister Narendra Modi will embark on a state visit to the "
        "United States from June 20 to 23, followed by a visit to Egypt on June 24-25.\n\n"
        "In Washington, Modi will hold talks with President Joe Biden. In Cairo, he will meet "
        "Egyptian President Abdel Fattah el-Sisi.\n")
    assert itinerary(trip) == [
        ("US", "Washington", date(2023, 6, 20), date(2023, 6, 23), ["Joe Biden"]),
        ("EG", "Cairo", date(2023, 6, 24), date(2023, 6, 25), ["Abdel Fattah el-Sisi"]),
    ]


def test_a_capital_beats_a_small_namesake_in_a_mentioned_country():
    trip = trip_of(
        "Date: 2023-01-08\n\nJapanese Prime Minister Fumio Kishida will visit Washington on "
        "Friday for talks with President Joe Biden, after a tour that also takes him to "
        "Britain and Canada.\n")
    assert trip.stops[0].country_code == "US" and trip.stops[0].city == "Washington"


def test_countries_only_discussed_are_not_stops():
    trip = trip_of(
        "Date: 2023-02-20\n\nBlinken criticised Russia's war in Ukraine during a visit to Poland "
        "on Monday. He met Polish President Andrzej Duda in Warsaw. Investment in Germany and "
        "the crisis in Moldova were discussed.\n")
    assert [s.country_code for s in trip.stops] == ["PL"]
    assert trip.stops[0].city == "Warsaw"


def test_a_cancelled_visit_is_not_a_stop():
    trip = trip_of(
        "Date: 2023-02-20\n\nThe Prime Minister will travel to Paris on Monday. He will not "
        "visit Berlin, and has postponed a trip to Rome.\n")
    assert [s.country_code for s in trip.stops] == ["FR"]


def test_dates_paired_with_their_destination():
    trip = trip_of(
        "Date: 2023-07-02\n\nPresident Biden will travel to Vilnius, Lithuania on July 11 and "
        "then to Helsinki, Finland on July 13.\n")
    assert [(s.country_code, s.start) for s in trip.stops] == [
        ("LT", date(2023, 7, 11)), ("FI", date(2023, 7, 13))]


def test_undated_article_with_a_caption_year():
    trip = trip_of(
        "Title: Minister to tour Asia\nDate: unknown\n\nFILE - Foreign Minister Penny Wong "
        "speaks in Canberra, Oct. 13, 2022.\n\nForeign Minister Penny Wong will travel to Tokyo "
        "November 5 through 7 and then to Hanoi.\n")
    assert trip.published is None
    assert [(s.country_code, s.start, s.end) for s in trip.stops] == [
        ("JP", date(2022, 11, 5), date(2022, 11, 7)), ("VN", None, None)]


def test_no_visited_place_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "no-trip.txt"
    path.write_text("Date: 2023-04-10\n\nThe secretary spoke about the economy at length.\n",
                    encoding="utf-8")
    with pytest.raises(ArticleError, match=r"no-trip\.txt: no visited place found"):
        extract_trip_from_file(path)


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02binary", b"\xff\xfe\xfa not utf8"])
def test_unreadable_files_raise_article_errors(tmp_path, data):
    path = tmp_path / "broken.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=r"broken\.txt"):
        extract_trip_from_file(path)


def test_no_date_anywhere_still_extracts_places_without_dates(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("Secretary Blinken will travel to Lima, Peru on Thursday.\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="undated.txt: no publication date"):
        trip = extract_trip_from_file(path)
    assert [(s.country_code, s.city, s.start) for s in trip.stops] == [("PE", "Lima", None)]
    assert trip.id == "blinken-undated-peru"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dated = extract_trip_from_file(path, published=date(2022, 10, 4))
    assert dated.stops[0].start == date(2022, 10, 6)


def test_malformed_header_is_read_as_text_and_still_extracts():
    trip = trip_of("Title: A trip\nnot a header line\nDate: 2022-09-30\n\n"
                   "Secretary Blinken will travel to Santiago, Chile on October 5.\n")
    assert trip.article.header == {}
    assert [(s.country_code, s.start) for s in trip.stops] == [("CL", date(2022, 10, 5))]


def test_extraction_is_deterministic():
    text = ("Date: 2023-07-02\n\nPresident Biden will travel to London, United Kingdom on July 9 "
            "and then to Vilnius, Lithuania.\n")
    assert trip_of(text).model_dump() == trip_of(text).model_dump()


def test_an_internal_failure_becomes_an_article_error(monkeypatch):
    from dashboard.extraction import trip as trip_module

    def broken(*_args, **_kwargs):
        raise IndexError("boom")

    monkeypatch.setattr(trip_module, "build_stops", broken)
    with pytest.raises(ArticleError, match=r"odd\.txt: the extractor failed .*IndexError: boom"):
        trip_of("Date: 2023-01-01\n\nBlinken will travel to Peru.\n", name="odd.txt")


def test_lists_with_semicolons_formal_names_and_regions():
    trip = trip_of(
        "Date: 2023-06-01\n\nSecretary Blinken will travel to the Middle East, including the "
        "Kingdom of Saudi Arabia; Amman, Jordan; and Cairo, Egypt, June 6-9.\n")
    assert [(s.country_code, None if s.city_inferred else s.city) for s in trip.stops] == [
        ("SA", None), ("JO", "Amman"), ("EG", "Cairo")]
    # one range over several destinations spans the trip: its first and last days
    assert (trip.stops[0].start, trip.stops[-1].end) == (date(2023, 6, 6), date(2023, 6, 9))
    assert trip.stops[0].dates_inferred and trip.stops[-1].dates_inferred


def test_a_past_visit_is_not_part_of_this_trip():
    trip = trip_of(
        "Date: 2023-06-01\n\nThe Prime Minister will travel to Tokyo on June 5. The trip follows "
        "his visit to Seoul last month.\n")
    assert [s.country_code for s in trip.stops] == ["JP"]


def test_a_city_named_in_a_sentence_about_the_stop_is_its_city():
    trip = trip_of(
        "Date: 2023-07-02\n\nPresident Biden will travel to Lithuania on July 11. He will attend "
        "the Vilnius summit of NATO leaders there.\n")
    (stop,) = trip.stops
    assert (stop.city, stop.city_inferred) == ("Vilnius", False)
    assert stop.city_basis.startswith("named")


def test_one_day_over_several_places_starts_the_trip_only():
    trip = trip_of(
        "Date: 2023-02-15\n\nChinese top diplomat Wang Yi began a tour of Europe on Wednesday, "
        "with stops in France, Italy, Hungary and Russia.\n")
    assert trip.traveler == "Wang Yi"
    assert [s.country_code for s in trip.stops] == ["FR", "IT", "HU", "RU"]
    assert trip.stops[0].start == date(2023, 2, 15)
    assert trip.stops[-1].end is None


def test_statement_with_a_trip_range_and_a_paragraph_per_city():
    trip = trip_of(
        "Title: Secretary Clinton's Travel to Asia\nDate: 2009-02-13\n\nOffice of the "
        "Spokesman\nWashington, DC\nFebruary 13, 2009\n\nSecretary of State Hillary Rodham "
        "Clinton will travel to Japan, Indonesia, South Korea, and China February 15-22.\n\n"
        "In Tokyo, the Secretary will meet with Prime Minister Taro Aso. In Jakarta, she will "
        "meet with President Susilo Bambang Yudhoyono. In Seoul, the Secretary will meet with "
        "President Lee Myung-bak. The Secretary will conclude her trip in Beijing, where she "
        "will meet with senior Chinese officials.\n")
    # the trip's first and last days bound the first and last stops; nothing else is stated
    assert itinerary(trip) == [
        ("JP", "Tokyo", date(2009, 2, 15), None, ["Taro Aso"]),
        ("ID", "Jakarta", None, None, ["Susilo Bambang Yudhoyono"]),
        ("KR", "Seoul", None, None, ["Lee Myung-bak"]),
        ("CN", "Beijing", None, date(2009, 2, 22), []),
    ]
    assert trip.stops[0].dates_inferred and trip.stops[-1].dates_inferred
    assert not trip.stops[1].dates_inferred


def test_first_stop_then_a_list_of_further_visits():
    trip = trip_of(
        "Pompeo Heads to Middle East\n\nDate: unknown\n\nU.S. Secretary of State Mike Pompeo "
        "left Washington on Monday for an eight-nation tour of the Middle East.\n\nPompeo's "
        "first stop is Amman, Jordan, where he will meet King Abdullah II. He then heads to "
        "Cairo to deliver a speech. Pompeo will also visit Bahrain, the United Arab Emirates, "
        "Qatar, Saudi Arabia, Oman and Kuwait.\n")
    assert trip.traveler == "Mike Pompeo"
    assert [s.country_code for s in trip.stops] == ["JO", "EG", "BH", "AE", "QA", "SA", "OM",
                                                    "KW"]
    # (a leader by name, as the truth files have them; the style is the title)
    king = trip.stops[0].leaders[0]
    assert (king.name, king.title) == ("Abdullah II", "King")
    assert [s.city for s in trip.stops[:2]] == ["Amman", "Cairo"]
    assert all(s.city_inferred for s in trip.stops[2:])


def test_a_city_state_names_its_city():
    trip = trip_of(
        "Date: 2021-08-13\n\nVice President Kamala Harris will travel to Singapore and Vietnam "
        "from August 20 to 26. In Singapore, the Vice President will meet with Prime Minister "
        "Lee Hsien Loong. The Vice President will then travel to Hanoi.\n")
    assert itinerary(trip) == [
        ("SG", "Singapore", date(2021, 8, 20), None, ["Lee Hsien Loong"]),
        ("VN", "Hanoi", None, date(2021, 8, 26), []),
    ]


def test_a_visit_to_the_white_house_is_a_visit_to_the_us():
    trip = trip_of(
        "Title: PM to travel to Washington for talks with President Biden\nDate: 2023-06-06\n\n"
        "The Prime Minister Rishi Sunak will travel to Washington DC today (Tuesday 6 June) for "
        "his first official visit to the US capital as Prime Minister.\n\nDuring the two-day "
        "visit the Prime Minister will meet President Biden at the White House on Thursday.\n")
    assert trip.traveler == "Rishi Sunak"
    (us,) = trip.stops
    assert (us.country_code, us.city, us.start, us.end) == (
        "US", "Washington", date(2023, 6, 6), date(2023, 6, 8))
    # (named by title and surname, the office holder on that day gets the full name from
    # data/office_holders.csv, round 14)
    assert [leader.name for leader in us.leaders] == ["Joe Biden"]


def test_in_a_country_only_locates_an_activity_nearby():
    trip = trip_of(
        "Date: 2023-03-15\n\nBlinken will travel to Niger on Thursday. He also discussed the "
        "activities of Russia's Wagner group in Mali and Burkina Faso, and met Nigerien "
        "President Mohamed Bazoum in Niamey.\n")
    assert [(s.country_code, s.city) for s in trip.stops] == [("NE", "Niamey")]
    assert [leader.name for leader in trip.stops[0].leaders] == ["Mohamed Bazoum"]


def test_someone_elses_travel_is_not_the_travellers():
    trip = trip_of(
        "Date: 2022-08-07\n\nUS Secretary of State Antony Blinken arrived in South Africa on "
        "Sunday, the first leg of a three-nation African tour that will also take him to the "
        "Democratic Republic of Congo and Rwanda.\n\nRussian Foreign Minister Sergey Lavrov "
        "visited Egypt, Ethiopia and Uganda last month. Blinken will meet President Paul "
        "Kagame, who visited France in June.\n")
    assert [s.country_code for s in trip.stops] == ["ZA", "CD", "RW"]
    assert trip.stops[0].start == date(2022, 8, 7)


def test_co_travellers_share_the_trip():
    trip = trip_of(
        "Date: 2017-11-02\n\nU.S. Secretary of State Rex Tillerson will travel to Tokyo with "
        "President Donald Trump. Tillerson and Trump will then travel to South Korea and "
        "China.\n")
    assert trip.traveler == "Rex Tillerson"
    assert [s.country_code for s in trip.stops] == ["JP", "KR", "CN"]


def test_the_title_header_counts_when_the_body_does_not_repeat_it():
    trip = trip_of("Title: Blinken to visit Peru\nDate: 2022-10-04\n\nThe Secretary will meet "
                   "President Pedro Castillo on Thursday.\n")
    (peru,) = trip.stops
    assert peru.country_code == "PE" and peru.start == date(2022, 10, 6)
    assert [leader.name for leader in peru.leaders] == ["Pedro Castillo"]
    title = trip.sentences[0]
    assert title.sentence == "Blinken to visit Peru"
    assert trip.article.text[title.start:title.end] == title.sentence


def test_dates_that_introduce_their_places():
    trip = trip_of("Date: 2022-09-30\n\nSecretary Blinken will be in the region October 3-4 in "
                   "Colombia, October 5 in Chile, and October 6-7 in Peru.\n")
    assert [(s.country_code, s.start, s.end) for s in trip.stops] == [
        ("CO", date(2022, 10, 3), date(2022, 10, 4)), ("CL", date(2022, 10, 5), date(2022, 10, 5)),
        ("PE", date(2022, 10, 6), date(2022, 10, 7))]


def test_wire_dateline_tour_that_includes_and_background_paragraphs():
    trip = trip_of(
        "Title: Pompeo warns Hungary on Russia, China\nDate: 2019-02-11\n\nBUDAPEST, Hungary "
        "(AP) — U.S. Secretary of State Mike Pompeo on Monday warned Hungary against letting "
        "Russia and China drive a wedge between it and its NATO allies.\n\nPompeo is on a "
        "five-nation tour of Central Europe that also includes Slovakia, Poland, Belgium and "
        "Iceland. He was scheduled to meet Hungarian Prime Minister Viktor Orban later Monday."
        "\n\nRussia annexed Crimea from Ukraine in 2014.\n")
    assert [s.country_code for s in trip.stops] == ["HU", "SK", "PL", "BE", "IS"]
    hungary = trip.stops[0]
    assert (hungary.city, hungary.city_inferred) == ("Budapest", False)
    assert [leader.name for leader in hungary.leaders] == ["Viktor Orban"]
    # the background paragraph about Crimea is about no stop in particular
    assert "ukraine-war" not in {t.slug for s in trip.stops for t in s.topics}


def test_a_new_paragraph_of_background_does_not_inherit_the_last_stop():
    trip = trip_of(
        "Date: 2022-05-22\n\nGerman Chancellor Olaf Scholz arrived in Senegal on Sunday at the "
        "start of a tour that will also take him to Niger and South Africa.\n\nHe will end his "
        "trip in South Africa on Tuesday, where he will meet President Cyril Ramaphosa.\n\n"
        "Germany is seeking to reduce its dependence on Russian gas.\n")
    assert [(s.country_code, s.start) for s in trip.stops] == [
        ("SN", date(2022, 5, 22)), ("NE", None), ("ZA", date(2022, 5, 24))]
    assert [leader.name for leader in trip.stops[2].leaders] == ["Cyril Ramaphosa"]
    assert "energy" not in {t.slug for t in trip.stops[2].topics}
    assert "energy" in {t.slug for t in trip.topics}


def test_windows_line_endings_give_the_same_trip_and_honest_offsets():
    seed = (Path(__file__).resolve().parents[1] / "seeds" / "000_2088198bdb06ddc9.txt").read_text(
        encoding="utf-8")
    unix, windows = trip_of(seed), trip_of(seed.replace("\n", "\r\n"))
    assert [(s.country_code, s.start, s.end) for s in windows.stops] == [
        (s.country_code, s.start, s.end) for s in unix.stops]
    text = windows.article.text
    assert all(text[m.start:m.end] == m.text for m in windows.mentions)


def test_meetings_in_a_city_with_foreign_ministers_of_other_countries():
    trip = trip_of(
        "Title: Secretary Kerry's Travel to Austria and Saudi Arabia\nDate: 2015-10-21\n\n"
        "Secretary of State John Kerry will travel to Berlin, Germany on October 22, where he "
        "will meet with Israeli Prime Minister Benjamin Netanyahu. On October 23, he will "
        "travel to Vienna, Austria, to meet with Russian Foreign Minister Sergey Lavrov and "
        "Turkish Foreign Minister Feridun Sinirlioglu. The Secretary will then travel to Amman, "
        "Jordan, on October 24, and Riyadh, Saudi Arabia, on October 24-25.\n")
    assert itinerary(trip) == [
        ("DE", "Berlin", date(2015, 10, 22), date(2015, 10, 22), ["Benjamin Netanyahu"]),
        ("AT", "Vienna", date(2015, 10, 23), date(2015, 10, 23),
         ["Sergey Lavrov", "Feridun Sinirlioglu"]),
        ("JO", "Amman", date(2015, 10, 24), date(2015, 10, 24), []),
        ("SA", "Riyadh", date(2015, 10, 24), date(2015, 10, 25), []),
    ]
    meetings = [(e.stop_index, e.date) for e in trip.events if e.kind == "meeting"]
    assert meetings == [(0, date(2015, 10, 22)), (1, date(2015, 10, 23))]


def test_the_traveller_is_who_goes_not_who_is_discussed():
    trip = trip_of(
        "Title: Pence heads to Asia for summits\nDate: 2018-11-11\n\nVice President Mike Pence "
        "departed Sunday for a week-long trip to Asia, standing in for President Donald Trump."
        "\n\nPence will first stop in Tokyo on Monday for talks with Prime Minister Shinzo Abe. "
        "He will then fly to Singapore for the East Asia Summit on Wednesday and Thursday. "
        "Pence will finish his trip in Papua New Guinea, where he will attend the Asia-Pacific "
        "Economic Cooperation summit in Port Moresby on Saturday and Sunday.\n\nTrump decided "
        "to skip both summits. Chinese President Xi Jinping will attend the APEC meeting.\n")
    assert trip.traveler == "Mike Pence"
    assert itinerary(trip) == [
        ("JP", "Tokyo", date(2018, 11, 12), None, ["Shinzo Abe"]),
        ("SG", "Singapore", date(2018, 11, 14), date(2018, 11, 15), []),
        ("PG", "Port Moresby", date(2018, 11, 17), date(2018, 11, 18), []),
    ]
    summits = [e.label for e in trip.events if e.kind == "summit"]
    assert summits == ["East Asia Summit", "Asia-Pacific Economic Cooperation summit"]


def test_a_statement_that_never_names_the_president():
    trip = trip_of(
        "Date: 2016-02-18\n\nThe President will travel to Havana, Cuba on March 21-22. In Havana, "
        "the President will meet with President Raul Castro.\n\nFrom Cuba, the President will "
        "travel to Buenos Aires, Argentina on March 23-24, where he will meet with President "
        "Mauricio Macri.\n")
    assert itinerary(trip) == [
        ("CU", "Havana", date(2016, 3, 21), date(2016, 3, 22), ["Raul Castro"]),
        ("AR", "Buenos Aires", date(2016, 3, 23), date(2016, 3, 24), ["Mauricio Macri"]),
    ]
    assert [(e.label, e.stop_index) for e in trip.events] == [
        ("Meeting with Raul Castro", 0), ("Meeting with Mauricio Macri", 1)]


@pytest.mark.parametrize("sentence, codes", [
    ("Colombia is the first stop on Blinken's weeklong tour of Latin America.", ["CO"]),
    ("The next stops on Blinken's Latin America are Chile and Peru, which also have new "
     "leaders.", ["CL", "PE"]),
    ("Blinken's last stop, Peru, borders Ecuador and Bolivia.", ["PE"]),
    ("The other two stops will be Hanoi and Jakarta.", ["VN", "ID"]),
])
def test_stop_words_name_only_the_stops(sentence, codes):
    trip = trip_of(f"Date: 2022-10-04\n\n{sentence}\n")
    assert [s.country_code for s in trip.stops] == codes


def test_an_itinerary_as_a_list_of_dated_lines():
    trip = trip_of("Title: Secretary Blinken's itinerary\nDate: 2022-09-30\n\nSecretary Blinken's "
                   "schedule:\n- Monday, October 3: Bogotá, Colombia\n- Wednesday, October 5: "
                   "Santiago, Chile\n- Thursday–Friday, October 6–7: Lima, Peru\n")
    assert itinerary(trip) == [
        ("CO", "Bogotá", date(2022, 10, 3), None, []),
        ("CL", "Santiago", date(2022, 10, 5), date(2022, 10, 5), []),
        ("PE", "Lima", date(2022, 10, 6), date(2022, 10, 7), []),
    ]


@pytest.mark.parametrize("sentence, codes", [
    ("Blinken flew from Tokyo to Seoul on Tuesday.", ["JP", "KR"]),
    ("The trip, which begins in Tokyo on Sunday, ends in Manila.", ["JP", "PH"]),
    ("He will start his Asia tour in Jakarta.", ["ID"]),
    ("Blinken arrived in Lima after a stop in Bogota.", ["PE", "CO"]),
])
def test_more_travel_phrasings(sentence, codes):
    trip = trip_of(f"Date: 2022-10-04\n\nSecretary Blinken is travelling. {sentence}\n")
    assert sorted(s.country_code for s in trip.stops) == sorted(codes)


def test_dw_style_page_with_caption_numeric_date_and_teaser():
    trip = trip_of(
        "1. Skip to content\n  2. Skip to main menu\nOlaf Scholz shakes hands with Narendra Modi "
        "in New Delhi\nScholz and Modi discussed trade and climateImage: Manish Swarup/AP/"
        "picture alliance\n\nScholz visits India to deepen ties\n\n25.02.2023\n\nGerman "
        "Chancellor Olaf Scholz arrived in New Delhi on Saturday for a two-day visit.\n\nScholz "
        "met Indian Prime Minister Narendra Modi for talks on trade.\n\nRead more: Germany and "
        "India sign migration deal\n\nOn Sunday, Scholz will travel to Bengaluru to meet tech "
        "entrepreneurs.\n\nab/xy (AFP, dpa)\n\nSkip next section DW's Top Story\n\nDW's Top "
        "Story\n\nBlinken visits Taiwan amid tensions\n")
    assert (trip.title, trip.published, trip.traveler) == (
        "Scholz visits India to deepen ties", date(2023, 2, 25), "Olaf Scholz")
    assert itinerary(trip) == [
        ("IN", "New Delhi", date(2023, 2, 25), date(2023, 2, 25), ["Narendra Modi"]),
        ("IN", "Bengaluru", date(2023, 2, 26), date(2023, 2, 26), []),
    ]
    assert trip.id == "scholz-2023-02-india"


def test_a_negation_in_an_earlier_clause_does_not_cancel_the_visit():
    trip = trip_of("Date: 2022-10-04\n\nBlinken, who has not visited the region since 2021, will "
                   "travel to Lima, Peru on Thursday.\n")
    assert [(s.country_code, s.start) for s in trip.stops] == [("PE", date(2022, 10, 6))]


@pytest.mark.parametrize("sentence, codes", [
    ("The next day he flew north to Erbil.", ["IQ"]),
    ("From there he travelled by helicopter to Mosul.", ["IQ"]),
    ("Early on Saturday Blinken left Baghdad for the holy city of Najaf.", ["IQ"]),
    ("Later the same day he crossed to the Vatican.", ["VA"]),
    ("Blinken will fly into Shanghai on Saturday.", ["CN"]),
    ("Blinken spent Wednesday and Thursday in Beijing.", ["CN"]),
    ("He then flew to the Patagonian resort of Bariloche and on to the city of Cordoba.",
     ["AR"]),
])
def test_travel_phrasings_with_directions_vehicles_and_descriptors(sentence, codes):
    trip = trip_of(f"Date: 2022-10-04\n\nSecretary Blinken is travelling. {sentence}\n")
    assert sorted({s.country_code for s in trip.stops}) == codes


@pytest.mark.parametrize("sentence", [
    "Unlike the clerics who hold power across the border in Iran, he spoke of tolerance.",
    "They discussed efforts to open the Rafah crossing into Gaza.",
    "He is also due to travel to Portugal and Spain later this month.",
    "He will also visit the Temple of Heaven.",
])
def test_places_that_are_not_stops(sentence):
    trip = trip_of("Date: 2023-04-11\n\nSecretary Blinken will travel to Beijing on Wednesday. "
                   f"{sentence}\n")
    assert [s.country_code for s in trip.stops] == ["CN"]


def test_begin_in_makes_the_first_stop():
    trip = trip_of("Date: 2023-06-20\n\nPrime Minister Modi heads to Washington. Modi will "
                   "begin in New York, then travel to Washington.\n")
    assert trip.stops[0].city == "New York"  # as written, not the gazetteer's "New York City"


def test_a_met_leaders_clause_does_not_take_the_travellers_next_leg():
    trip = trip_of("Date: 2021-03-07\n\nPope Francis flew to Erbil, where he was welcomed by "
                   "regional President Nechirvan Barzani, and from there travelled to Mosul.\n")
    assert [s.city for s in trip.stops] == ["Erbil", "Mosul"]


def test_narrative_days_follow_the_last_dated_sentence():
    trip = trip_of("Date: 2021-03-07\n\nPope Francis landed in Baghdad on Friday.\n\nThe next "
                   "day he flew to Najaf.\n\nLater that day he travelled to Erbil.\n")
    assert [(s.city, s.start) for s in trip.stops] == [
        ("Baghdad", date(2021, 3, 5)), ("Najaf", date(2021, 3, 6)), ("Erbil", date(2021, 3, 6))]


def test_today_in_a_readout_is_the_day_of_its_heading():
    trip = trip_of("Title: PM meetings: readouts\nDate: 2023-10-20\n\nPM meeting with Prime "
                   "Minister Netanyahu of Israel: 19 October 2023\n\nThe Prime Minister met "
                   "Israeli Prime Minister Benjamin Netanyahu in Israel today.\n\nPM meeting with "
                   "President Sisi of Egypt: 20 October 2023\n\nThe Prime Minister met President "
                   "Abdel Fattah al-Sisi of Egypt in Cairo today.\n")
    assert [(s.country_code, s.start) for s in trip.stops] == [
        ("IL", date(2023, 10, 19)), ("EG", date(2023, 10, 20))]


def test_a_stated_stay_length_closes_the_stop_when_nothing_follows_it():
    trip = trip_of("Date: 2022-04-28\n\nChancellor Olaf Scholz arrived in Tokyo on Thursday for "
                   "a two-day visit.\n")
    assert [(s.start, s.end) for s in trip.stops] == [(date(2022, 4, 28), date(2022, 4, 29))]


def test_leaving_home_and_returning_are_not_stop_days():
    trip = trip_of("Date: 2023-03-24\n\nVice President Kamala Harris leaves Washington on "
                   "Saturday for a trip to Zambia. In Lusaka on Monday she will meet President "
                   "Hakainde Hichilema. She returns to Washington on Wednesday.\n")
    assert [(s.country_code, s.start, s.end) for s in trip.stops] == [
        ("ZM", date(2023, 3, 27), date(2023, 3, 27))]


def test_a_demonym_only_sentence_does_not_stretch_a_stop_by_weeks():
    trip = trip_of("Date: 2023-10-19\n\nThe Prime Minister Rishi Sunak met Israeli Prime "
                   "Minister Benjamin Netanyahu in Israel today. He condemned the attack on "
                   "the Israeli people carried out on 7 October.\n")
    assert [(s.start, s.end) for s in trip.stops] == [(date(2023, 10, 19), date(2023, 10, 19))]


def test_a_country_range_spans_its_city_stops_not_the_whole_trip():
    trip = trip_of("Date: 2023-11-03\n\nPrime Minister Anthony Albanese will visit China from "
                   "4 to 7 November.\n\nHe will fly into Shanghai on Saturday. He will then head "
                   "to Beijing.\n\nAfter China, he will travel to the Cook Islands next week.\n")
    assert [(s.country_code, s.start, s.end) for s in trip.stops] == [
        ("CN", date(2023, 11, 4), date(2023, 11, 4)), ("CN", None, date(2023, 11, 7)),
        ("CK", None, None)]


def test_a_venue_without_a_city_names_only_its_country():
    trip = trip_of("Date: 2023-05-15\n\nPresident Volodymyr Zelensky has met Rishi Sunak at "
                   "Chequers on Monday.\n")
    (stop,) = trip.stops
    assert (stop.country_code, stop.city_inferred) == ("GB", True)


def test_the_peoples_republic_is_china_not_a_town():
    trip = trip_of("Date: 2023-11-03\n\nPrime Minister Anthony Albanese will visit Beijing, "
                   "like the first Australian leader to visit the People's Republic.\n")
    assert [s.country_code for s in trip.stops] == ["CN"]


def test_a_dateline_is_not_where_the_trip_began():
    trip = trip_of("Date: 2021-03-07\n\nMOSUL, Iraq — Pope Francis prayed in the ruins of "
                   "Mosul's old city on Sunday.\n\nThe pontiff landed in Baghdad on Friday. On "
                   "Sunday he travelled to Mosul.\n")
    assert [s.city for s in trip.stops] == ["Baghdad", "Mosul"]


def test_an_activity_in_a_relative_clause_locates_nothing():
    trip = trip_of("Date: 2022-04-25\n\nThe Secretary-General will travel to Ankara on Monday."
                   "\n\nIn Yemen, the Special Envoy continues to engage the parties on the truce, "
                   "which has now held for three weeks.\n")
    assert [s.country_code for s in trip.stops] == ["TR"]


@pytest.mark.parametrize("sentence", [
    "His predecessor Angela Merkel visited China 12 times.",
    "Lula, who met U.S. President Joe Biden in Washington in February, wants balance.",
    "The visit follows his state visit to Washington last month, where he met US President "
    "Joe Biden.",
])
def test_other_peoples_and_earlier_trips_are_not_stops(sentence):
    trip = trip_of(f"Date: 2023-04-11\n\nPresident Lula will travel to Tokyo on Wednesday. "
                   f"{sentence}\n")
    assert [(s.country_code, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("JP", [])]


def test_a_datelines_date_is_when_the_story_was_filed():
    trip = trip_of("Date: 2023-04-11\n\nBRASILIA, April 11 (Reuters) - President Lula leaves "
                   "for China on Tuesday night. Lula is due to land in Shanghai on Wednesday.\n")
    assert [(s.city, s.start) for s in trip.stops] == [("Shanghai", date(2023, 4, 12))]


@pytest.mark.parametrize("sentence, leader", [
    ("On Wednesday Serbian President Aleksandar Vucic welcomed him with a ceremony.",
     "Aleksandar Vucic"),
    ("President Joe Biden will host him at the White House on Thursday.", "Joe Biden"),
    ("Modi and South Korean President Yoon Suk-yeol agreed on Saturday to expand drills.",
     "Yoon Suk-yeol"),
])
def test_hosts_and_joint_subjects_are_leaders_met(sentence, leader):
    trip = trip_of(f"Date: 2024-05-10\n\nIndian Prime Minister Narendra Modi will travel to "
                   f"Paris on Monday. {sentence}\n")
    assert [leader.name for stop in trip.stops for leader in stop.leaders] == [leader]


def test_a_leader_met_at_a_named_venue_is_placed_at_that_city_stop():
    trip = trip_of("Date: 2023-04-11\n\nPresident Lula will land in Shanghai on Wednesday. He is "
                   "expected to travel to Beijing later Thursday. On Friday he will be received "
                   "by Chinese President Xi Jinping at the Great Hall of the People.\n")
    assert [(s.city, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("Shanghai", []), ("Beijing", ["Xi Jinping"])]


def test_several_days_stated_at_a_named_place_close_it():
    trip = trip_of("Date: 2023-11-03\n\nPrime Minister Anthony Albanese will fly into Shanghai "
                   "on Saturday and on Sunday he will tour Shanghai's expo. He will then head to "
                   "Beijing on Tuesday.\n")
    assert [(s.city, s.start, s.end) for s in trip.stops] == [
        ("Shanghai", date(2023, 11, 4), date(2023, 11, 5)),
        ("Beijing", date(2023, 11, 7), date(2023, 11, 7))]


def test_wrapping_up_a_country_closes_its_last_city_stop():
    trip = trip_of("Date: 2023-04-11\n\nPresident Lula will land in Shanghai on Wednesday and "
                   "travel to Beijing on Thursday. Lula will wrap up the China leg on Friday. "
                   "He will make a stop in Abu Dhabi on Saturday.\n")
    assert [(s.city, s.start, s.end) for s in trip.stops] == [
        ("Shanghai", date(2023, 4, 12), date(2023, 4, 12)),
        ("Beijing", date(2023, 4, 13), date(2023, 4, 14)),
        ("Abu Dhabi", date(2023, 4, 15), date(2023, 4, 15))]


def test_one_day_before_two_places_joined_by_then_is_both_places_day():
    trip = trip_of("Date: 2016-03-21\n\nPresident Obama will arrive in Buenos Aires on Tuesday."
                   "\n\nOn Thursday he will visit a memorial in Buenos Aires and then fly to the "
                   "Patagonian resort of Bariloche.\n")
    assert [(s.city, s.start, s.end) for s in trip.stops] == [
        ("Buenos Aires", date(2016, 3, 22), date(2016, 3, 24)),
        ("Bariloche", date(2016, 3, 24), date(2016, 3, 24))]


def test_sites_known_by_a_short_name():
    trip = trip_of("Date: 2021-03-07\n\nPope Francis flew to the plain of Ur on Saturday.\n")
    assert [(s.country_code, s.city, s.city_inferred) for s in trip.stops] == [
        ("IQ", "Ur", False)]


def test_an_undated_stop_between_two_on_the_same_day_is_on_that_day():
    trip = trip_of("Date: 2023-05-15\n\nOn Sunday President Volodymyr Zelensky was in Berlin. He "
                   "then flew to Aachen to receive a prize.\n\nBy Sunday evening he was in Paris, "
                   "where he met President Emmanuel Macron.\n")
    assert [(s.city, s.start, s.end, s.dates_inferred) for s in trip.stops] == [
        ("Berlin", date(2023, 5, 14), date(2023, 5, 14), False),
        ("Aachen", date(2023, 5, 14), date(2023, 5, 14), True),
        ("Paris", date(2023, 5, 14), date(2023, 5, 14), False)]


def test_the_pontiff_on_second_reference_continues_the_stop():
    trip = trip_of("Date: 2021-03-07\n\nPope Francis landed in Baghdad on Friday.\n\nThe pontiff "
                   "met President Barham Salih on Saturday.\n")
    assert [(s.city, s.end, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("Baghdad", date(2021, 3, 6), ["Barham Salih"])]


def test_spending_money_somewhere_is_not_a_visit():
    trip = trip_of("Date: 2022-10-04\n\nSecretary Blinken spent two days in Lima. China has "
                   "spent billions in Kenya.\n")
    assert [s.country_code for s in trip.stops] == ["PE"]


def test_a_paragraph_opening_with_the_travellers_name_continues_the_stop():
    trip = trip_of("Date: 2023-09-06\n\nSecretary of State Antony Blinken arrived in Kyiv on "
                   "Wednesday on an unannounced two-day visit.\n\nBlinken traveled overnight by "
                   "train. He is expected to meet President Volodymyr Zelenskyy.\n")
    assert [(s.city, s.start, s.end, [leader.name for leader in s.leaders])
            for s in trip.stops] == [
        ("Kyiv", date(2023, 9, 6), date(2023, 9, 7), ["Volodymyr Zelenskyy"])]


def test_countrys_possessive_before_the_travellers_name_is_home():
    trip = trip_of("Title: Japan's Kishida to visit Egypt\nDate: 2023-04-28\n\nTOKYO (Kyodo) -- "
                   "Prime Minister Fumio Kishida will visit Cairo on Saturday. Japan hosts the "
                   "Group of Seven summit in Hiroshima from May 19.\n")
    assert [s.country_code for s in trip.stops] == ["EG"]


def test_a_wreath_laid_somewhere_locates_a_visit():
    trip = trip_of("Date: 2023-11-01\n\nKing Charles arrived in Kenya on Tuesday. The King laid "
                   "a wreath at the Tomb of the Unknown Warrior in Nairobi.\n")
    assert [(s.country_code, s.city, s.city_inferred) for s in trip.stops] == [
        ("KE", "Nairobi", False)]


def test_names_do_not_push_a_meeting_away_from_its_city():
    trip = trip_of("Date: 2022-11-21\n\nToday, Vice President Kamala Harris met with President "
                   "Ferdinand Marcos Jr. of the Philippines at Malacanang Palace in Manila.\n\n"
                   "Tomorrow, the Vice President will travel to Puerto Princesa, Palawan.\n")
    assert [(s.city, s.start, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("Manila", date(2022, 11, 21), ["Ferdinand Marcos Jr."]),
        ("Puerto Princesa", date(2022, 11, 22), [])]


def test_an_untitled_traveller_named_in_full():
    trip = trip_of("Date: 2022-11-19\n\nRishi Sunak has visited Kyiv for the first time, meeting "
                   "Ukraine's President Volodymyr Zelensky on Saturday.\n\nMr Sunak travelled by "
                   "train.\n")
    assert trip.traveler == "Rishi Sunak"
    assert [(s.city, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("Kyiv", ["Volodymyr Zelensky"])]


def test_a_foreign_leaders_bare_surname_in_a_meeting_is_that_leader():
    trip = trip_of("Date: 2023-04-07\n\nFrench President Emmanuel Macron arrived in Guangzhou on "
                   "Friday, where Chinese President Xi Jinping hosted him.\n\nOn Thursday Macron "
                   "held talks with Xi at the Great Hall of the People in Beijing.\n")
    assert sorted((s.city, tuple(leader.name for leader in s.leaders)) for s in trip.stops) == [
        ("Beijing", ("Xi Jinping",)), ("Guangzhou", ("Xi Jinping",))]


def test_one_day_that_wraps_up_a_trip_over_several_places_is_its_end():
    trip = trip_of("Date: 2023-08-27\n\nBrazilian President Lula on Sunday wrapped up a trip to "
                   "South Africa and Angola.\n\nOn Tuesday he was in Johannesburg. On Friday he "
                   "flew to Luanda.\n")
    assert [(s.country_code, s.start, s.end) for s in trip.stops] == [
        ("ZA", date(2023, 8, 22), None), ("AO", date(2023, 8, 25), date(2023, 8, 27))]


def test_a_day_sent_to_a_place_the_gazetteer_does_not_know_is_not_the_current_stops():
    trip = trip_of("Date: 2023-10-26\n\nPrime Minister Anthony Albanese arrived in Washington on "
                   "Monday. He will travel to California on Friday, before flying home.\n")
    assert [(s.city, s.start, s.end) for s in trip.stops] == [
        ("Washington", date(2023, 10, 23), date(2023, 10, 23))]



@pytest.mark.parametrize("sentence, order", [
    ("The Vice President arrived in Manila on Sunday after attending the APEC meeting in "
     "Bangkok, Thailand.", ["TH", "PH"]),
    ("She arrived in Manila on Sunday after a stop in Bangkok.", ["TH", "PH"]),
    ("After meeting the King in Bangkok on Saturday, she flew to Manila on Sunday.",
     ["TH", "PH"]),
])
def test_a_place_in_an_after_clause_comes_before_the_destination(sentence, order):
    trip = trip_of(f"Date: 2022-11-21\n\nVice President Kamala Harris is travelling. {sentence}\n")
    assert [s.country_code for s in trip.stops] == order


def test_a_leaders_aide_met_is_not_the_leader_met():
    trip = trip_of("Date: 2023-02-14\n\nChina's top diplomat Wang Yi will hold talks with French "
                   "President Emmanuel Macron's diplomatic adviser Emmanuel Bonne in Paris on "
                   "Wednesday.\n")
    assert [(s.city, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("Paris", [])]


def test_a_visit_in_an_earlier_year_is_not_a_stop():
    trip = trip_of("Date: 2023-09-06\n\nSecretary of State Antony Blinken arrived in Kyiv on "
                   "Wednesday.\n\nBlinken last visited Warsaw in April 2022, where he met Polish "
                   "President Andrzej Duda.\n")
    assert [(s.city, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("Kyiv", [])]


def test_new_delhi_is_one_stop_not_new_delhi_and_delhi():
    trip = trip_of("Date: 2023-03-01\n\nSecretary of State Antony Blinken will travel to New "
                   "Delhi, India, March 1-3. While in New Delhi, the Secretary will meet Indian "
                   "External Affairs Minister S. Jaishankar.\n")
    assert [(s.city, s.start, s.end) for s in trip.stops] == [
        ("New Delhi", date(2023, 3, 1), date(2023, 3, 3))]


def test_followed_by_continues_a_list_and_is_not_past_tense():
    trip = trip_of("Date: 2023-09-19\n\nUkrainian President Volodymyr Zelensky will address the "
                   "UN General Assembly in New York on Tuesday, followed by a visit to Washington "
                   "on Thursday.\n\nHe will visit Poland and Lithuania, followed by Latvia.\n")
    assert [(s.country_code, s.start) for s in trip.stops][:2] == [
        ("US", date(2023, 9, 19)), ("US", date(2023, 9, 21))]
    assert {s.country_code for s in trip.stops} == {"US", "PL", "LT", "LV"}


def test_flying_back_somewhere_is_not_a_new_stop():
    trip = trip_of("Date: 2023-08-02\n\nPope Francis arrived in Lisbon on Wednesday. The "
                   "86-year-old pontiff was welcomed at the airport by President Marcelo Rebelo "
                   "de Sousa.\n\nHe flies back to Rome on Sunday.\n")
    assert [(s.city, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("Lisbon", ["Marcelo Rebelo de Sousa"])]


def test_a_town_of_the_exact_name_beats_a_big_city_known_by_it_as_an_alias():
    trip = trip_of("Date: 2022-07-16\n\nPresident Joe Biden visited Bethlehem in the West Bank on "
                   "Friday for talks with Palestinian President Mahmoud Abbas.\n")
    assert [(s.country_code, s.city) for s in trip.stops] == [("PS", "Bethlehem")]


def test_the_place_the_traveller_returns_to_is_home_not_a_stop():
    trip = trip_of(
        "Date: 2021-03-12\n\nDefense Secretary Lloyd Austin will travel to Japan and India next "
        "week.\n\nThe secretary is expected to be back in Washington by the end of next week.\n")
    assert [s.country_code for s in trip.stops] == ["JP", "IN"]


def test_the_place_the_traveller_flies_home_to_outweighs_a_venue_naming_a_country():
    # lunch at the Kremlin is a visit to Russia; "fly home to Santiago" says where home is
    trip = trip_of(
        "Date: 2023-05-12\n\nPresident Gabriel Boric held talks in Madrid on Friday. On "
        "Tuesday he had lunch with President Vladimir Putin at the Kremlin in Moscow. He is due "
        "to fly home to Santiago tonight.\n")
    assert sorted(s.country_code for s in trip.stops) == ["ES", "RU"]


def test_a_sentence_opening_in_an_earlier_year_is_an_earlier_trip():
    trip = trip_of(
        "Date: 2023-02-28\n\nPresident Emmanuel Macron will travel to Gabon and Angola next "
        "week.\n\nIn July 2022 he travelled to Cameroon and Benin.\n")
    assert [s.country_code for s in trip.stops] == ["GA", "AO"]


def test_a_leg_that_fell_apart_or_was_only_planned_is_not_a_stop():
    trip = trip_of(
        "Date: 2023-10-18\n\nPresident Joe Biden landed in Tel Aviv on Wednesday.\n\nA planned "
        "second leg in Amman fell apart. The trip was originally to have included a stop in "
        "Cairo.\n")
    assert [s.country_code for s in trip.stops] == ["IL"]


def test_an_event_before_the_trip_is_not_a_stop():
    trip = trip_of(
        "Date: 2023-07-19\n\nPresident Recep Tayyip Erdogan arrived in Doha on Tuesday.\n\n"
        "The tour came a week after the NATO summit in Vilnius.\n")
    assert [s.country_code for s in trip.stops] == ["QA"]


def test_a_city_that_starts_a_venue_name_is_not_a_second_city_stop():
    trip = trip_of(
        "Date: 2023-07-19\n\nPresident Recep Tayyip Erdogan flew on to Doha on Tuesday, where "
        "he met the emir at Lusail Palace.\n")
    assert [(s.country_code, s.city) for s in trip.stops] == [("QA", "Doha")]


def test_a_nationality_on_the_travellers_office_is_home():
    # the Kremlin (a Russian home marker) is where she went; "German chancellor's trip" says
    # whose trip it is
    trip = trip_of(
        "Date: 2021-08-22\n\nGerman chancellor's trip comes after talks with Putin\n\nAngela "
        "Merkel met Volodymyr Zelenskiy in Kyiv on Sunday. On Friday she held talks with "
        "Vladimir Putin at the Kremlin.\n")
    assert sorted(s.country_code for s in trip.stops) == ["RU", "UA"]


def test_a_day_in_a_negated_clause_is_no_travel_day():
    trip = trip_of(
        "Date: 2021-08-22\n\nAngela Merkel arrived in Kyiv on Sunday.\n\nMerkel will not "
        "attend Monday's summit in Kyiv.\n")
    assert [(s.country_code, s.start, s.end) for s in trip.stops] == [
        ("UA", date(2021, 8, 22), date(2021, 8, 22))]


def test_a_leader_met_where_the_traveller_already_is_makes_no_stop_of_their_country():
    trip = trip_of(
        "Date: 2017-05-27\n\nPresident Donald Trump landed in Riyadh on Saturday. On Sunday he "
        "met Egyptian President Abdel Fattah el-Sisi.\n\nAt the G-7 on Friday, Trump held talks "
        "on the sidelines with Japanese Prime Minister Shinzo Abe.\n")
    assert [s.country_code for s in trip.stops] == ["SA"]
    assert [leader.name for leader in trip.stops[0].leaders] == ["Abdel Fattah el-Sisi"]


def test_greeted_him_is_a_meeting_and_an_audience_locates_the_stop():
    trip = trip_of(
        "Date: 2017-05-24\n\nPresident Donald Trump landed in Riyadh on Saturday, where King "
        "Salman greeted him on the tarmac.\n\nOn Wednesday he had an audience with Pope Francis "
        "at the Vatican.\n")
    assert [(s.country_code, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("SA", ["King Salman"]), ("VA", ["Pope Francis"])]


def test_the_following_day_goes_on_from_the_same_place():
    trip = trip_of(
        "Date: 2017-05-27\n\nPresident Donald Trump flew to Brussels on Wednesday.\n\nThe "
        "following day he lunched with French President Emmanuel Macron.\n")
    assert [(s.country_code, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("BE", ["Emmanuel Macron"])]


def test_a_dated_departure_from_a_stop_is_its_last_day():
    trip = trip_of(
        "Date: 2017-05-27\n\nPresident Donald Trump landed in Riyadh last Saturday.\n\nHe flew "
        "directly from Riyadh to Israel on Monday.\n")
    assert [(s.country_code, s.start, s.end) for s in trip.stops] == [
        ("SA", date(2017, 5, 20), date(2017, 5, 22)), ("IL", date(2017, 5, 22), date(2017, 5, 22))]


def test_a_day_at_a_stop_before_leaving_for_the_next_ends_it():
    trip = trip_of(
        "Date: 2022-08-05\n\nSpeaker Nancy Pelosi flew to Taipei on Tuesday. On Wednesday she "
        "met President Tsai Ing-wen before leaving for Seoul.\n")
    assert (trip.stops[0].country_code, trip.stops[0].end) == ("TW", date(2022, 8, 3))


def test_a_preview_that_says_where_the_traveller_flies_on_from_ends_that_stop_then():
    # the end-date convention (all truth sets since issue 9's second round): the day the
    # text says the traveller moves on from a stop ends it
    trip = trip_of(
        "Date: 2023-06-20\n\nPrime Minister Narendra Modi will arrive in Washington on "
        "Wednesday.\n\nFrom Washington, Modi will fly to Cairo on Saturday.\n")
    assert (trip.stops[0].country_code, trip.stops[0].end) == ("US", date(2023, 6, 24))


def test_days_of_other_events_and_other_peoples_travel_are_not_the_stops():
    trip = trip_of(
        "Date: 2023-10-18\n\nPresident Joe Biden landed in Tel Aviv on Wednesday, after the Oct. "
        "7 Hamas attacks.\n\nBiden said the explosion at a hospital in Gaza City on Tuesday was "
        "not caused by Israel.\n\nGerman Chancellor Olaf Scholz visited Israel on Tuesday.\n\n"
        "Biden will address the nation from the Oval Office on Thursday about aid to Israel.\n")
    assert [(s.country_code, s.start, s.end) for s in trip.stops] == [
        ("IL", date(2023, 10, 18), date(2023, 10, 18))]


def test_leaders_named_in_full_once_then_by_title_or_short_form():
    trip = trip_of(
        "Date: 2023-07-19\n\nTurkish President Recep Tayyip Erdogan set out on Monday on a tour "
        "to see Saudi Crown Prince Mohammed bin Salman and UAE President Sheikh Mohamed bin "
        "Zayed Al Nahyan.\n\nIn Jeddah on Monday, the crown prince received Erdogan.\n\nIn Abu "
        "Dhabi on Wednesday, Sheikh Mohamed welcomed Erdogan.\n")
    assert [(s.country_code, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("SA", ["Mohammed bin Salman"]), ("AE", ["Mohamed bin Zayed Al Nahyan"])]


def test_a_reference_point_since_a_month_does_not_make_an_earlier_trip():
    trip = trip_of(
        "Date: 2023-07-19\n\nTurkish President Recep Tayyip Erdogan arrived in Jeddah on Monday, "
        "on his first trip since his re-election in May.\n\nOn his first trip since his "
        "re-election in May, he held talks with Saudi Crown Prince Mohammed bin Salman.\n")
    assert [leader.name for leader in trip.stops[0].leaders] == [
        "Mohammed bin Salman"]


def test_travel_months_after_the_story_is_a_later_trip():
    trip = trip_of(
        "Date: 2016-05-20\n\nPresident Obama will arrive in Hanoi on Sunday.\n\nHe is expected "
        "to travel to Laos in September for the East Asia Summit.\n")
    assert [s.country_code for s in trip.stops] == ["VN"]


def test_leaders_met_at_a_place_then_elsewhere_and_a_shared_nationality():
    trip = trip_of(
        "Date: 2017-05-27\n\nPresident Donald Trump flew to Rome on Tuesday. On Wednesday he had "
        "an audience with Pope Francis at the Vatican, then met Italian President Sergio "
        "Mattarella and Prime Minister Paolo Gentiloni before heading to Brussels, where King "
        "Philippe received him.\n")
    assert [(s.country_code, [leader.name for leader in s.leaders]) for s in trip.stops] == [
        ("IT", ["Sergio Mattarella", "Paolo Gentiloni"]), ("VA", ["Pope Francis"]),
        ("BE", ["King Philippe"])]


def test_a_past_month_is_not_a_later_trip():
    trip = trip_of(
        "Date: 2022-10-04\n\nSecretary of State Antony Blinken will travel to Chile.\n\nOn "
        "Wednesday, he will meet Chilean President Gabriel Boric, who came to power in March.\n")
    assert [leader.name for leader in trip.stops[0].leaders] == ["Gabriel Boric"]


def test_a_base_named_after_its_town_locates_the_town():
    trip = trip_of(
        "Date: 2016-05-20\n\nPresident Obama will arrive in Tokyo on Wednesday. Next he will "
        "visit Marine Corps Air Station Iwakuni. He will then travel to Hiroshima.\n")
    assert [s.city for s in trip.stops] == ["Tokyo", "Iwakuni", "Hiroshima"]


def test_the_same_evening_is_the_day_before():
    trip = trip_of(
        "Date: 2023-02-28\n\nPresident Emmanuel Macron will travel to Brazzaville on Saturday "
        "morning. He will then travel on to Kinshasa, where he will hold talks the same "
        "evening.\n")
    assert [(s.country_code, s.start) for s in trip.stops] == [
        ("CG", date(2023, 3, 4)), ("CD", date(2023, 3, 4))]


def test_a_leader_met_again_by_title_and_surname_keeps_the_full_name():
    trip = trip_of(
        "Date: 2016-05-20\n\nPresident Obama will arrive in Ise-Shima on Wednesday and meet "
        "Prime Minister Shinzo Abe.\n\nHe will then travel to Hiroshima, where he will be joined "
        "by Prime Minister Abe.\n")
    assert [[leader.name for leader in s.leaders] for s in trip.stops][-1] == ["Shinzo Abe"]


def test_two_leaders_of_one_family_name_are_both_met():
    trip = trip_of(
        "Date: 2016-05-20\n\nPresident Obama will arrive in Hanoi on Sunday. He will meet Prime "
        "Minister Nguyen Xuan Phuc and General Secretary Nguyen Phu Trong.\n")
    assert [leader.name for leader in trip.stops[0].leaders] == [
        "Nguyen Xuan Phuc", "Nguyen Phu Trong"]


def test_a_leader_is_not_placed_at_the_destination_of_a_later_clause():
    trip = trip_of(
        "Date: 2022-08-05\n\nSpeaker Nancy Pelosi flew to Taipei on Tuesday.\n\nOn Wednesday she "
        "met President Tsai Ing-wen, before leaving for Seoul.\n\nIn Seoul, Pelosi held talks "
        "with National Assembly Speaker Kim Jin-pyo on Thursday.\n")
    assert [leader.name for leader in trip.stops[-1].leaders] == ["Kim Jin-pyo"]


def test_a_word_capitalised_only_as_a_sentence_opener_is_not_the_traveller():
    trip = trip_of(
        "Date: 2023-02-28\n\nMacron heads to Gabon\n\nThe visit will take in Gabon. Discussions "
        "will address security. Discussions will address trade.\n")
    assert trip.traveler != "Discussions"


def test_a_stop_that_was_ruled_out_is_not_a_stop():
    trip = trip_of(
        "Date: 2015-07-27\n\nPresident Obama arrived in Nairobi, Kenya on Friday. Security "
        "concerns had ruled out a stop in Somalia.\n")
    assert [s.country_code for s in trip.stops] == ["KE"]


def test_a_leader_met_after_a_foreign_dateline_is_met_in_the_dateline_city():
    trip = trip_of(
        "Date: 2015-07-14\n\nVIENNA (Reuters) - Secretary of State John Kerry arrived in Vienna "
        "on June 27.\n\nKerry spent hours in talks with Iranian Foreign Minister Mohammad Javad "
        "Zarif.\n")
    assert [s.country_code for s in trip.stops] == ["AT"]
    assert [leader.name for leader in trip.stops[0].leaders] == ["Mohammad Javad Zarif"]


def test_leaving_for_somewhere_at_the_end_of_the_visit_is_the_way_home():
    trip = trip_of(
        "Date: 2018-02-24\n\nPrime Minister Justin Trudeau left New Delhi for Ottawa on "
        "Saturday at the end of a week-long visit to India.\n")
    assert [s.country_code for s in trip.stops] == ["IN"]


def test_a_city_named_in_apposition_to_the_capital_is_the_stop_city():
    trip = trip_of(
        "Date: 2011-12-02\n\nSecretary of State Hillary Clinton flew into the remote capital, "
        "Nay Pyi Taw, on Wednesday evening.\n")
    assert [(s.country_code, s.city, s.city_inferred) for s in trip.stops] == [
        ("MM", "Nay Pyi Taw", False)]


def test_the_day_of_an_earlier_visit_is_not_a_day_of_this_one():
    trip = trip_of(
        "Date: 2022-04-09\n\nPrime Minister Boris Johnson travelled to Kyiv on Saturday 9 April "
        "to meet President Volodymyr Zelenskyy. The Prime Minister last visited Kyiv on 1 "
        "February, before the invasion.\n")
    assert [(s.country_code, s.start, s.end) for s in trip.stops] == [
        ("UA", date(2022, 4, 9), date(2022, 4, 9))]
