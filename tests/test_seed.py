"""The seed article's whole itinerary, as a careful reader takes it from the text.

Bogotá: the article never names the city; the meeting was "at the Casa Narino palace", which
the venues file (data/venues.csv) places in Bogotá. A venue is a place the text states, so the
city is not marked inferred; `city_basis` records that it came from the venue. Chile and Peru
name no city: their capitals are used and marked inferred.
"""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

import pytest

from dashboard.extraction import extract_trip_from_file
from dashboard.models import Trip

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_2088198bdb06ddc9.txt"


@pytest.fixture(scope="module")
def trip() -> Trip:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the seed has a date: no warning expected
        return extract_trip_from_file(SEED)


def test_publication_date_comes_from_the_date_under_the_headline(trip):
    assert trip.published == date(2022, 10, 4)
    assert "October 4, 2022" in trip.article.published_basis


def test_traveller_and_title(trip):
    assert trip.traveler == "Antony Blinken"
    assert trip.title == "Blinken discusses drug trafficking in Colombia"
    assert trip.id == "blinken-2022-10-latin-america"


def test_stops_are_colombia_chile_peru_in_that_order(trip):
    assert [s.country_code for s in trip.stops] == ["CO", "CL", "PE"]
    assert [s.country for s in trip.stops] == ["Colombia", "Chile", "Peru"]
    assert [s.index for s in trip.stops] == [0, 1, 2]


def test_discussed_and_clutter_countries_are_not_stops(trip):
    codes = {s.country_code for s in trip.stops}
    assert not codes & {"RU", "UA", "CU", "VE", "US"}
    # the Russia/Ukraine teaser is flagged as clutter, not read as part of the article
    teaser = trip.article.text.index("How realistic are Russian reparation")
    assert not any(m.start >= teaser for m in trip.mentions)


def test_dates_per_stop(trip):
    colombia, chile, peru = trip.stops
    # "met with ... on Monday" before the Tuesday dateline: the day before
    assert colombia.start == date(2022, 10, 3)
    # the departure from Colombia is not stated (Tuesday is unaccounted for)
    assert colombia.end is None
    # "On Wednesday, he will meet": the coming Wednesday
    assert (chile.start, chile.end) == (date(2022, 10, 5), date(2022, 10, 5))
    # "in Peru on Thursday and Friday": a two-day range
    assert (peru.start, peru.end) == (date(2022, 10, 6), date(2022, 10, 7))
    assert "Monday" in colombia.date_evidence[0].sentence
    assert "Wednesday" in chile.date_evidence[0].sentence
    assert "Thursday and Friday" in peru.date_evidence[0].sentence


def test_leaders_met_at_their_stops(trip):
    assert [[leader.name for leader in s.leaders] for s in trip.stops] == [
        ["Gustavo Petro"], ["Gabriel Boric"], ["Pedro Castillo"],
    ]
    assert all(leader.title == "President" for s in trip.stops for leader in s.leaders)


def test_cities(trip):
    colombia, chile, peru = trip.stops
    assert colombia.city == "Bogotá"
    assert colombia.city_inferred is False
    assert colombia.city_basis.startswith("venue")
    assert "Casa Narino" in colombia.city_evidence[0].sentence
    assert (chile.city, chile.city_inferred) == ("Santiago", True)
    assert (peru.city, peru.city_inferred) == ("Lima", True)
    assert colombia.lat == pytest.approx(4.61, abs=0.05)
    assert colombia.lon == pytest.approx(-74.08, abs=0.05)
    assert chile.lat == pytest.approx(-33.45, abs=0.1)
    assert peru.lon == pytest.approx(-77.03, abs=0.1)


def test_topics(trip):
    every = {t.slug for t in trip.topics} | {t.slug for s in trip.stops for t in s.topics}
    assert {"drug-trafficking", "migration", "democracy", "human-rights",
            "climate-change"} <= every
    assert {"rural-development", "land-reform", "peace-process",
            "cuba-terrorism-designation", "white-collar-crime"} <= every
    colombia = {t.slug for t in trip.stops[0].topics}
    assert {"drug-trafficking", "migration", "cuba-terrorism-designation",
            "white-collar-crime", "land-reform"} <= colombia
    # "The top items on Blinken's agenda include ... democracy, immigration, human rights and
    # climate change": the agenda of the whole tour, not of Peru
    agenda = {t.slug for t in trip.topics}
    assert {"democracy", "human-rights", "climate-change", "migration"} <= agenda
    assert "democracy" not in {t.slug for t in trip.stops[2].topics}
    migration = next(t for t in trip.stops[0].topics if t.slug == "migration")
    assert migration.phrase.lower() == "immigration"


def test_every_fact_keeps_its_sentence_with_offsets(trip):
    text = trip.article.text
    evidence = [e for s in trip.stops for e in (*s.evidence, *s.date_evidence,
                                                 *s.city_evidence)]
    evidence += [leader.evidence for s in trip.stops for leader in s.leaders]
    evidence += [t.evidence for s in trip.stops for t in s.topics]
    evidence += [t.evidence for t in trip.topics] + [e.evidence for e in trip.events]
    assert evidence
    for item in evidence:
        assert text[item.start:item.end] == item.sentence
    for mention in trip.mentions:
        assert text[mention.start:mention.end] == mention.text
    for sentence in trip.sentences:
        assert text[sentence.start:sentence.end] == sentence.sentence


def test_mentions_cover_places_dates_leaders_topics(trip):
    places = {m.text.replace("\xa0", " ") for m in trip.mentions if m.kind == "place"}
    assert places == {"Colombia", "Colombian", "Chile", "Chilean", "Peru"}
    kinds = {m.kind for m in trip.mentions}
    assert {"place", "city", "date", "leader", "topic", "traveler"} <= kinds
    dates = {m.text: m.stop_index for m in trip.mentions if m.kind == "date"}
    assert dates == {"Monday": 0, "Wednesday": 1, "Thursday and Friday": 2}


def test_meetings_are_events_with_dates(trip):
    meetings = [(e.label, e.date, e.stop_index) for e in trip.events if e.kind == "meeting"]
    assert meetings == [
        ("Meeting with Gustavo Petro", date(2022, 10, 3), 0),
        ("Meeting with Gabriel Boric", date(2022, 10, 5), 1),
        ("Meeting with Pedro Castillo", date(2022, 10, 6), 2),
    ]
