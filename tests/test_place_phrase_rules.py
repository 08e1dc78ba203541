"""Places named inside longer phrases: "the northern port city of X", an event named after a
town and held in another ("for Singapore, where he will speak at the Shangri-La Dialogue"),
and people named with a military rank. Short texts of our own wording with their right
reading."""

from __future__ import annotations

import warnings

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def stops(trip) -> list[tuple[str, str | None]]:
    return [(s.country_code, s.city) for s in trip.stops]


TOUR = ("Date: 2015-05-28\n\nDefense Secretary Ana Costa left Honolulu after the ceremony for "
        "Singapore, where she will speak at the Shangri-La Dialogue, the annual gathering of "
        "defense chiefs. From Singapore, the secretary goes on to Vietnam, with a stop in the "
        "northern port city of Haiphong before talks in Hanoi with Defense Minister Gen. Tran "
        "Van Minh.\n")


def test_an_event_named_after_a_town_inside_a_where_clause_is_held_in_that_place():
    # (Shangri-La is also a town in China)
    assert stops(trip_of(TOUR))[0] == ("SG", "Singapore")


def test_a_place_named_as_the_port_city_of_x_is_x():
    assert stops(trip_of(TOUR)) == [("SG", "Singapore"), ("VN", "Haiphong"), ("VN", "Hanoi")]


def test_a_military_rank_after_an_office_is_no_part_of_the_name():
    assert [leader.name for leader in trip_of(TOUR).stops[-1].leaders] == ["Tran Van Minh"]


def test_a_date_in_a_since_phrase_naming_a_thing_dates_that_thing_not_a_stop():
    text = ("Date: 2022-04-12\n\nChancellor Ana Costa flew to Moscow yesterday for talks with "
            "President Ivan Petrov, the first such meeting since the invasion of Ukraine on "
            "24 February.\n\nThe Moscow trip followed a visit to Ukraine on Saturday, when Costa "
            "was in Kyiv for talks with President Oleh Bondar.\n")
    trip = trip_of(text)
    assert [(s.city, str(s.start), str(s.end)) for s in trip.stops] == [
        ("Kyiv", "2022-04-09", "2022-04-09"), ("Moscow", "2022-04-11", "2022-04-11")]
    # (the date after "since" alone, or after "since arriving", is the traveller's)
    from dashboard.extraction.named_bodies import SINCE_A_THING
    assert not SINCE_A_THING.search("in Kyiv since ")
    assert not SINCE_A_THING.search("since arriving in Kyiv on ")


def test_a_bare_place_fronted_by_before_or_after_is_a_stop_in_that_order():
    text = ("Date: 2022-04-22\n\nPresident Ana Costa flew to Lima on Monday.\n\nBefore Lima, "
            "Costa was in Quito, where she met President Luis Vega last Friday.\n")
    assert [(s.city, str(s.start)) for s in trip_of(text).stops] == [
        ("Quito", "2022-04-15"), ("Lima", "2022-04-18")]
    text = ("Date: 2022-04-22\n\nPresident Ana Costa spent two days in Santiago.\n\nAfter "
            "Lima, Costa flew to Quito for talks with President Luis Vega.\n")
    assert stops(trip_of(text)) == [("CL", "Santiago"), ("PE", "Lima"), ("EC", "Quito")]


def test_did_tells_the_past_for_a_weekday():
    text = ("Date: 2022-04-22\n\nPresident Ana Costa is on a visit to Peru and Ecuador. It is "
            "not every day that a president walks a red carpet. But on Monday evening in Lima, "
            "Costa did exactly that, at a premiere. She flew to Quito on Wednesday.\n")
    assert [(s.city, str(s.start)) for s in trip_of(text).stops] == [
        ("Lima", "2022-04-18"), ("Quito", "2022-04-20")]


def test_a_fronted_place_already_a_stop_adds_nothing_to_it():
    text = ("Date: 1996-07-11\n\nPresident Ana Costa arrived in Lima on Tuesday. On Friday she "
            "toured Callao, where she met dock workers.\n\nAfter Callao, the President has a "
            "private lunch with Prince Luis, then leaves Lima on Saturday for Quito.\n")
    trip = trip_of(text)
    callao = next(s for s in trip.stops if s.city == "Callao")
    assert callao.leaders == []


def test_a_us_state_named_beside_a_small_town_confirms_it():
    text = ("Date: 2012-02-20\n\nChinese Vice-President Ana Li held talks in Washington on "
            "Tuesday. On Wednesday Li flew to Ames, the Iowa college town, for a farm visit.\n")
    assert stops(trip_of(text)) == [("US", "Washington"), ("US", "Ames")]


def test_it_was_west_to_a_place_moves_the_story_on():
    text = ("Date: 2012-02-20\n\nChinese Vice-President Ana Li held talks in Washington on "
            "Tuesday. Then it was west to Los Angeles, where she watched a basketball game.\n")
    assert stops(trip_of(text)) == [("US", "Washington"), ("US", "Los Angeles")]


def test_first_to_x_then_on_to_y_is_the_order():
    text = ("Date: 2022-03-06\n\nPrime Minister Ana Costa is back home this morning after a "
            "whirlwind trip yesterday, first to Lima to see President Luis Vega, then on to "
            "Quito.\n\nIn Lima she spent three hours with Vega. In Quito she met President Rosa "
            "Diaz in the evening.\n")
    assert [s.city for s in trip_of(text).stops] == ["Lima", "Quito"]


def test_a_place_in_an_about_phrase_is_a_topic():
    text = ("Date: 2022-03-06\n\nPrime Minister Ana Costa flew to Lima yesterday. We are told "
            "the conversation was about the war, the situation of migrants in Chile, and the "
            "nuclear talks with Iran in Vienna.\n")
    assert [s.city for s in trip_of(text).stops] == ["Lima"]


def test_earlier_this_week_is_the_trips_own_week_and_last_week_is_not():
    text = ("Date: 2025-02-14\n\nVice President Ana Costa spoke at a conference in Munich "
            "today. Earlier in the week she was in Paris for a summit.\n")
    assert [s.city for s in trip_of(text).stops] == ["Paris", "Munich"]
    text = text.replace("Earlier in the week", "Last week")
    assert [s.city for s in trip_of(text).stops] == ["Munich"]


def test_a_venue_then_its_city_after_a_comma_places_the_item_in_that_city():
    text = ("Date: 2023-10-30\n\nPresident Ana Costa is expected to arrive in the country today "
            "for a state visit.\n\nThe programme of the visit is as follows:\n\nMonday, October "
            "30: Arrival at the Julius Nyerere International Airport (JNIA), Dar es Salaam, and "
            "official welcome.\n\nTuesday, October 31: Official talks at State House, Dar es "
            "Salaam.\n\nWednesday, November 1: Travel to Songea; visit to the museum.\n")
    assert [(s.city, str(s.start), str(s.end)) for s in trip_of(text).stops] == [
        ("Dar es Salaam", "2023-10-30", "2023-10-31"), ("Songea", "2023-11-01", "2023-11-01")]


def test_a_city_word_that_opens_a_longer_name_after_a_venue_is_no_city():
    text = ("Date: 1997-10-24\n\nPresident Ana Costa flew to Honolulu on Sunday.\n\nSunday, "
            "October 26: Wreath-laying at the USS Arizona Memorial, Pearl Harbor. Meeting with "
            "Governor Tom Reed.\n")
    assert [s.city for s in trip_of(text).stops] == ["Honolulu"]


def test_a_host_receiving_the_travellers_style_receives_the_traveller():
    text = ("Date: 2021-12-10\n\nMuscat, December 6, 2021, SPA -- His Royal Highness Prince Ali "
            "bin Omar, Crown Prince, arrived in Oman today on a tour of the Gulf states.\n\nThe "
            "tour began in the Sultanate of Oman, where His Majesty Sultan Haitham bin Tarik "
            "received His Royal Highness in Muscat.\n")
    trip = trip_of(text)
    assert [leader.name for leader in trip.stops[0].leaders] == ["Haitham bin Tarik"]


def test_the_seat_of_a_body_that_adopted_a_thing_is_no_stop():
    text = ("Date: 2015-07-26\n\nHigh Representative Ana Costa will travel to Riyadh on Monday "
            "27 July. The visit follows the conclusions adopted by the Foreign Affairs Council "
            "in Brussels on 20 July.\n")
    assert [s.city for s in trip_of(text).stops] == ["Riyadh"]
