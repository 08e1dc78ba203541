"""Pages that are not one plain article: a newsletter with several items, a blog post, a
programme of engagements. Each test is a short text of our own wording with its right
reading."""

from __future__ import annotations

import warnings

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip
from dashboard.models import ArticleError


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def stops(trip) -> list[tuple[str, str | None]]:
    return [(s.country_code, s.city) for s in trip.stops]


# ---------------------------------------------------------------- a newsletter's sections

NEWSLETTER = ("Title: The Morning Note - 9 May 2019\nDate: 2019-05-09\n\nTHE MORNING NOTE\n"
              "Thursday, 9 May 2019\n\nHello. A chancellor in the desert, and rain at last.\n\n"
              "--- TOP STORY ---\nTHE DESERT ROUTE\n\nChancellor Maria Lind flew to Amman "
              "yesterday for talks with Prime Minister Sami Haddad, then went on to Cairo.\n\n"
              "--- ALSO TODAY ---\n* Rain is forecast for the weekend.\n")


def test_a_newsletters_top_story_label_after_its_greeting_opens_the_story():
    trip = trip_of(NEWSLETTER)
    assert stops(trip) == [("JO", "Amman"), ("EG", "Cairo")]
    assert [leader.name for leader in trip.stops[0].leaders] == ["Sami Haddad"]


def test_a_top_stories_list_after_an_article_stays_a_trailer():
    text = ("Date: 2019-05-09\n\nChancellor Maria Lind flew to Amman on Wednesday for talks "
            "on water and trade with Jordanian officials, her first visit to the region "
            "since taking office, and will go on to Cairo on Friday.\n\nTop stories\n\n"
            "- Prime Minister Ali Demir arrives in Tokyo\n")
    assert [code for code, _city in stops(trip_of(text))] == ["JO", "EG"]


def test_a_page_with_no_trip_before_or_after_its_label_still_has_none():
    text = ("Date: 2019-05-09\n\nHello. Rain at last.\n\n--- TOP STORY ---\n"
            "Markets rose on Wednesday as oil prices fell.\n")
    with pytest.raises(ArticleError, match="no visited place"):
        trip_of(text)
