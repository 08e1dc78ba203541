"""Which day relative days count from (issue 9): a wire dateline that prints no year, and a
preview whose weekdays count from the day it states rather than from the publication.
Sentences in our own wording, each with its right value."""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip
from dashboard.extraction import trip as trip_mod


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def days(trip) -> list[tuple]:
    return [(s.country_code, s.city, s.start, s.end) for s in trip.stops]


# ---------------------------------------------------------------- year-less wire datelines

@pytest.mark.parametrize("opening, body, expected", [
    ("ROME, Mar 4 (AP) - ", "Ministers met to agree the budget for 2019.", date(2019, 3, 4)),
    ("NAIROBI, 12 June (AFP) -- ", "The summit, first held in 2021, returns in 2023.",
     date(2023, 6, 12)),
    ("SANTIAGO, Sept. 9 (Reuters) – ", "Talks on the 2016 accord resumed.", date(2016, 9, 9)),
])
def test_a_wire_dateline_without_a_year_takes_the_latest_year_the_text_writes(
        opening, body, expected):
    article = read_article_text("x.txt", opening + body)
    assert article.published == expected
    assert article.published_basis.startswith("dateline")


def test_a_target_year_after_today_is_not_the_dateline_year():
    article = read_article_text("x.txt", "OSLO, Jan 20 (Reuters) - Norway pledged in 2024 to "
                                         "cut emissions by 2090.")
    assert article.published == date(2024, 1, 20)


@pytest.mark.parametrize("text", [
    "OSLO, Jan 20 (Reuters) - Norway pledged to cut emissions.",  # no year written
    "Oslo police said on Jan 20 that 2024 was a quiet year.",  # not a dateline
])
def test_no_dateline_year_leaves_the_publication_unknown(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert read_article_text("x.txt", text).published is None


def test_weekdays_under_a_year_less_dateline_resolve_against_it():
    trip = trip_of("OTTAWA, Mar 4 (Reuters) - Canadian Foreign Minister Melanie Joly arrived "
                   "in Warsaw on Monday for talks on the 2024 defence budget.\n\n"
                   "On Wednesday she will travel to Vilnius.")
    assert [(c, s) for c, _, s, _ in days(trip)] == [("PL", date(2024, 3, 4)),
                                                      ("LT", date(2024, 3, 6))]


# ---------------------------------------------------------------- weekdays of a preview

PREVIEW = ("Title: The Minister's travel to Japan\nDate: 2025-03-03\n\n"
           "Foreign Minister Anita Anand will travel to Japan from March 17 to 19. "
           "She will leave Ottawa on Sunday, March 16.\n\n"
           "On Monday she will hold talks in Tokyo with Japanese Foreign Minister Takeshi "
           "Iwaya. On Wednesday she will visit Osaka for the World Expo.")


def test_weekdays_after_a_stated_day_count_from_it_not_from_the_publication():
    trip = trip_of(PREVIEW)
    assert [(c, city, s) for c, city, s, _ in days(trip)] == [
        ("JP", "Tokyo", date(2025, 3, 17)), ("JP", "Osaka", date(2025, 3, 19))]


def test_a_following_day_counts_on_from_a_moved_weekday():
    trip = trip_of(PREVIEW.replace("On Wednesday she will visit Osaka",
                                   "The following day she will visit Osaka"))
    assert [(city, s) for _, city, s, _ in days(trip)] == [
        ("Tokyo", date(2025, 3, 17)), ("Osaka", date(2025, 3, 18))]


def dated_sentences(text: str) -> dict[str, list[date]]:
    """The days each sentence's dates resolved to, after the `find_dates` step."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        article = read_article_text("article.txt", text)
    state = trip_mod.TripState(article, article.text)
    for step in trip_mod.STEPS[:trip_mod.STEPS.index(trip_mod.find_dates) + 1]:
        step(state)
    return {f.sentence.text: [d.first for d in f.dates] for f in state.active if f.dates}


def test_a_past_weekday_in_a_preview_stays_the_publications_week():
    found = dated_sentences(
        "Title: Briefing\nDate: 2025-03-07\n\n"
        "Secretary Jane Park will travel to Kenya from March 24 to 26. "
        "The plan she laid out last Friday will be discussed there. "
        "She spoke with Kenyan officials on Tuesday. "
        "On Tuesday she will be in Nairobi.")
    assert found["The plan she laid out last Friday will be discussed there."] == [
        date(2025, 2, 28)]
    assert found["She spoke with Kenyan officials on Tuesday."] == [date(2025, 3, 4)]
    assert found["On Tuesday she will be in Nairobi."] == [date(2025, 3, 25)]


def test_a_story_told_after_the_trip_counts_weekdays_from_its_own_day():
    # the stated day lies before the publication: "on Tuesday" is the publication's week
    trip = trip_of("Title: Deal reached\nDate: 2015-07-14\n\n"
                   "The envoy, who arrived in Geneva on June 27, signed the accord early on "
                   "Tuesday.")
    assert [(c, s) for c, _, s, _ in days(trip)] == [("CH", date(2015, 6, 27))]
    assert trip.stops[0].end == date(2015, 7, 14)


# ---------------------------------------------------------------- live blogs

LIVE = ("Title: Live: the Chancellor in Asia\nDate: 2024-02-20\n\n"
        "19:45\nScholz has arrived in Seoul, where President Yoon Suk Yeol will host a dinner.\n\n"
        "14:10\nThe Chancellor has left Tokyo, his plane is bound for South Korea.\n\n"
        "08:30\nGood morning. Olaf Scholz is in Tokyo for a second day of talks.")


def test_a_live_blog_entry_reports_the_day_of_its_time_stamp():
    stops = {s.city: s.start for s in trip_of(LIVE).stops}
    assert stops == {"Tokyo": date(2024, 2, 20), "Seoul": date(2024, 2, 20)}


def test_a_time_stamp_with_its_own_date_dates_its_entry():
    text = LIVE.replace("19:45\n", "21 Feb 2024, 09:15 KST\n").replace(
        ", his plane is bound for South Korea.", " after a farewell lunch.")
    stops = {s.city: s.start for s in trip_of(text).stops}
    assert stops["Seoul"] == date(2024, 2, 21)


def test_a_sentence_with_its_own_day_keeps_it_under_a_time_stamp():
    text = LIVE.replace("Olaf Scholz is in Tokyo for a second day of talks.",
                        "Olaf Scholz landed in Tokyo on Sunday.")
    stops = {s.city: s.start for s in trip_of(text).stops}
    assert stops["Tokyo"] == date(2024, 2, 18)


def test_a_time_stamp_says_when_the_traveller_was_seen_not_when_he_left():
    seoul = next(s for s in trip_of(LIVE).stops if s.city == "Seoul")
    assert (seoul.start, seoul.end) == (date(2024, 2, 20), None)


def test_dotted_dates_are_day_first_in_the_header_and_the_body():
    # (a German, Polish or Russian outlet's English page writes dates with dots, day first)
    trip = trip_of(
        "Title: Chancellor in Warsaw\nDate: 08.05.2025\n\n"
        "Warsaw, 07.05.2025 - Austrian Chancellor Paul Egger visited Warsaw on Wednesday, a "
        "day after his trip to Prague. On 06.05.2025 he was in Prague, where he met Prime "
        "Minister Petr Fiala.\n")
    assert trip.published == date(2025, 5, 8)
    assert days(trip) == [("CZ", "Prague", date(2025, 5, 6), date(2025, 5, 6)),
                          ("PL", "Warsaw", date(2025, 5, 7), date(2025, 5, 7))]


def test_a_dotted_number_that_is_no_day_and_month_is_no_date():
    from dashboard.extraction.dates import find_dates
    text = "Version 2.14.2025 shipped; the 31.02.2024 figure is a typo; 1.5.20255 is a code."
    assert [m.text for m in find_dates(text) if m.first is not None] == []
