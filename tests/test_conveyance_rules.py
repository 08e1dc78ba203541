"""A conveyance carries its passengers, of our own wording: a headline "X's train through
Y" names the traveller (`headline_traveller`), and "X's motorcade headed to Y" sends X
there (`grammar._can_travel`).
"""

from __future__ import annotations

import warnings

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip

TEXT = (
    "Title: Lindqvist's long train through Russia went nowhere\nDate: 2011-05-30\n\n"
    "When President Viktor Orlov sat down with Karin Lindqvist in Moscow, the press was "
    "warm. Lindqvist's special train had crossed into Russia days earlier and headed first "
    "to Kazan. Instead the train turned south and kept going to Samara. Prime Minister "
    "Pavel Gromov, who was in Paris for a summit, said Lindqvist had been invited. "
    "Lindqvist says she wants more trade.\n")


def test_a_headline_train_through_a_country_names_the_traveller() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("article.txt", TEXT))
    assert trip.traveler == "Karin Lindqvist"
    cities = [s.city for s in trip.stops]
    assert cities[:2] == ["Kazan", "Samara"]
    assert "Paris" not in cities  # the premier's summit, not the traveller's
