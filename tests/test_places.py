"""The offline gazetteer: countries, aliases, demonyms, cities with coordinates, venues."""

from __future__ import annotations

import pytest

from dashboard.extraction import places
from dashboard.extraction.places import (
    capital_of,
    city_in_country,
    country_name,
    find_places,
    gazetteer,
    normalize,
)


def found(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.kind, m.place.code) for m in find_places(text)]


def test_gazetteer_is_built_once_and_shared():
    assert gazetteer() is gazetteer()
    assert places._GAZETTEER is not None


@pytest.mark.parametrize("text, code", [
    ("travel to Colombia", "CO"),
    ("travel to the United Kingdom", "GB"),
    ("back in the UK", "GB"),
    ("talks in South Korea", "KR"),
    ("visit Kosovo", "XK"),
    ("the Philippines", "PH"),
    ("Burma", "MM"),
    ("Türkiye", "TR"),
    ("Côte d'Ivoire", "CI"),
])
def test_country_names_and_aliases(text, code):
    assert [(k, c) for _t, k, c in found(text)] == [("country", code)]


def test_short_capital_aliases_are_case_sensitive():
    assert found("the US and the UK") == [("US", "country", "US"), ("UK", "country", "GB")]
    assert found("let us go") == []


@pytest.mark.parametrize("text, code", [
    ("Colombian President Gustavo Petro", "CO"),
    ("Chilean President Gabriel Boric", "CL"),
    ("South Korean President Moon Jae-in", "KR"),
    ("displaced Venezuelans", "VE"),
    ("a British Prime Minister", "GB"),
])
def test_demonyms(text, code):
    kinds = [(k, c) for _t, k, c in found(text)]
    assert kinds[0] == ("demonym", code)


def test_region_names_are_not_countries():
    # "Latin American" must not be read as "American" (the US)
    assert found("a Latin American tour") == [("Latin American", "region", "")]
    assert found("the Asia-Pacific Economic") == [("Asia-Pacific", "region", "")]


def test_cities_have_coordinates_and_pick_the_likely_country():
    (tokyo,) = find_places("travel to Tokyo")
    assert tokyo.kind == "city" and tokyo.place.code == "JP"
    assert tokyo.place.lat == pytest.approx(35.69, abs=0.1)
    (reykjavik,) = find_places("from Reykjavik to")
    assert reykjavik.place.name == "Reykjavík" and reykjavik.place.code == "IS"
    (santiago,) = find_places("in Santiago")
    assert {p.code for p in santiago.candidates} >= {"CL", "PH"}
    assert santiago.place.code == "CL"  # the largest, unless context says otherwise


def test_city_and_country_in_one_phrase():
    assert found("in Santiago, Chile, Secretary") == [
        ("Santiago", "city", "CL"), ("Chile", "country", "CL")]
    assert found("Lima, Peru.") == [("Lima", "city", "PE"), ("Peru", "country", "PE")]


def test_venue_locates_its_city_with_or_without_accents():
    for text in ("at the Casa Narino palace", "at the Casa Nariño"):
        (venue,) = find_places(text)
        assert venue.kind == "venue"
        assert (venue.place.code, venue.place.city) == ("CO", "Bogotá")
        assert venue.place.lat == pytest.approx(4.61, abs=0.05)


def test_possessive_is_not_part_of_the_name():
    (chile,) = find_places("Chile’s National Electric Coordinator")
    assert chile.text == "Chile" and chile.place.code == "CL"


def test_capitals():
    assert capital_of("CL").name == "Santiago"
    assert capital_of("PE").name == "Lima"
    assert capital_of("XK").name == "Pristina"
    assert capital_of("CO").name == "Bogotá"
    assert capital_of("ZZ") is None


def test_lookups():
    assert country_name("XK") == "Kosovo"
    assert country_name("GB") == "United Kingdom"
    assert city_in_country("hiroshima", "JP").code == "JP"
    assert normalize("Casa  Nariño’s") == "casa narino's"


def test_venues_file_is_user_extendable(tmp_path, monkeypatch):
    venues = tmp_path / "venues.csv"
    venues.write_text("venue,city,country_code\n# a comment\nHotel Zeta,Cusco,PE\n",
                      encoding="utf-8")
    monkeypatch.setattr(places, "VENUES_FILE", venues)
    monkeypatch.setattr(places, "_GAZETTEER", None)
    (hotel,) = find_places("at the Hotel Zeta")
    assert (hotel.kind, hotel.place.city, hotel.place.code) == ("venue", "Cusco", "PE")
    monkeypatch.setattr(places, "_GAZETTEER", None)  # the next test rebuilds the real one


def test_another_romanisation_of_a_large_city_is_found():
    # GeoNames spells it "Zaporizhzhya"; English news mostly "Zaporizhzhia"
    found = find_places("The director travelled to Zaporizhzhia on Wednesday.")
    assert [(m.text, m.place.name) for m in found] == [("Zaporizhzhia", "Zaporizhzhya")]


def test_a_facility_word_ending_a_name_is_not_the_small_town_of_that_name():
    # GeoNames has a town called Airport (Hawaii); here it ends the airport's name
    found = find_places("He landed at Havana's Jose Marti International Airport late on "
                        "Wednesday.")
    assert [m.text for m in found] == ["Havana"]
