"""Photo captions, of our own wording: a caption that ends ", <city>, <date>." places the
people it shows there that day (`caption_places.add_caption_signals`); a "File picture" is
of another day (`narrative.FILE_PICTURE`); a release's own "Brussels, 9 June" line is no
caption.
"""

from __future__ import annotations

import warnings
from datetime import date

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip

GALLERY = (
    "Title: In pictures: Lindqvist's weekend\nDate: 2015-05-10\n\n"
    "1 of 4\nSwedish Prime Minister Karin Lindqvist arrives at the Vatican for an audience "
    "with Pope Francis, Sunday 10 May.\n\n"
    "2 of 4\nThe day before: Karin Lindqvist among the guests in the stands as the parade "
    "passes, Warsaw, Saturday 9 May.\n\n"
    "3 of 4\nFile picture: Lindqvist and President Anna Berg shake hands at a summit in "
    "Panama City, 11 April.\n\n"
    "4 of 4\nCrowds in the square, Saturday.\n")


def test_a_caption_ending_with_a_city_and_a_day_places_the_traveller() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("gallery.txt", GALLERY))
    assert [(s.city, s.start) for s in trip.stops] == [
        ("Warsaw", date(2015, 5, 9)), ("Vatican City", date(2015, 5, 10))]


def test_a_release_place_line_is_no_caption() -> None:
    # (a guard: "Brussels, 9 June 2023" heads a release issued there)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("release.txt", (
            "Title: President to visit Chile\n\nBrussels, 9 June 2023\n\nThe President of the "
            "Commission, Anna Berg, will travel to Santiago on 12 June.\n")))
    assert [s.city for s in trip.stops] == ["Santiago"]
