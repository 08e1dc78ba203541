"""A live page written newest entry first: its stops come oldest entry first."""

from __future__ import annotations

import warnings

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip
from dashboard.extraction.facts import TripState
from dashboard.extraction.newest_first import reading_ranks
from dashboard.extraction.trip import read_sentences


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


NEWEST_FIRST = (
    "Title: LIVE: the Chancellor in South America\nDate: 2031-04-09\n\n"
    "Updated 21:15\n\n"
    "21:15\nThe Chancellor has landed in Santiago, where President Ana Ruiz will receive "
    "her at the airport.\n\n"
    "16:02\nBefore take-off the Chancellor told reporters that the trade talks had gone "
    "better than expected.\n\n"
    "11:40  Talks\nThe Chancellor held talks with President Paulo Lima at the Planalto "
    "Palace in Brasilia.\n\n"
    "08:05\nWelcome to our live coverage of the Chancellor's tour of South America.\n")


def test_a_live_page_told_newest_entry_first_gives_the_stops_oldest_first():
    trip = trip_of(NEWEST_FIRST)
    assert [s.city for s in trip.stops] == ["Brasília", "Santiago"]


def _ranks(text: str) -> dict[int, int] | None:
    article = read_article_text("article.txt", text)
    state = TripState(article, article.text)
    read_sentences(state)
    return reading_ranks(state.active)


@pytest.mark.parametrize("stamps", [
    ("08:05", "11:40", "16:02", "21:15"),   # a forward live blog: read as it stands
    ("21:15", "16:02", "23:10", "08:05"),   # a clock that starts again (a second day)
    ("21:15", "16:02"),                     # two timed lines are no live page
])
def test_a_page_whose_stamps_do_not_all_run_down_is_read_as_it_stands(stamps):
    entries = "".join(f"{t}\nThe Chancellor spoke in Lima about trade, entry {n}.\n\n"
                      for n, t in enumerate(stamps))
    assert _ranks(f"Title: Live\nDate: 2031-04-09\n\n{entries}") is None


def test_stamps_with_am_and_pm_run_down_past_noon():
    stamps = ("2:10 p.m.", "11:45 a.m.", "9:30 a.m.")
    entries = "".join(f"{t} - The Chancellor spoke in Lima about trade, entry {n}.\n\n"
                      for n, t in enumerate(stamps))
    text = f"Title: Live\nDate: 2031-04-09\n\n{entries}"
    ranks = _ranks(text)
    assert ranks is not None
    article = read_article_text("article.txt", text)
    state = TripState(article, article.text)
    read_sentences(state)
    entry = {n: next(f.sentence.index for f in state.active if f"entry {n}" in f.sentence.text)
             for n in range(3)}
    assert ranks[entry[2]] < ranks[entry[1]] < ranks[entry[0]]
