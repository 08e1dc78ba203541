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
