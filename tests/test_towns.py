"""The gazetteer's second tier: GeoNames towns under 15,000 people, taken only in a
country the article names, only where the parse sends someone there or the country follows
the town's name ("Tillia, Niger")."""

from __future__ import annotations

import gzip
import warnings

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import destination_grammar, extract_trip, towns
from dashboard.extraction.nlp import parse_lines
from dashboard.extraction.places import normalize


def stops(text: str) -> list[tuple[str, str | None]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("article.txt", text))
    return [(s.country_code, s.city) for s in trip.stops]


def test_a_town_a_travel_verb_sends_the_traveller_to():
    text = ("Date: 2022-05-23\n\nChancellor Olaf Scholz arrived in Niamey, Niger, on Sunday. "
            "On Monday he flew to Tillia, a small town near the border with Mali, to visit "
            "German troops.\n")
    assert stops(text) == [("NE", "Niamey"), ("NE", "Tillia")]


def test_a_town_the_model_tags_as_a_person_is_still_read_by_its_verb():
    text = ("Date: 2024-09-06\n\nPope Francis arrived in Port Moresby, Papua New Guinea, on "
            "Friday. On Sunday he will fly to Vanimo, on the country's northern coast.\n")
    assert stops(text) == [("PG", "Port Moresby"), ("PG", "Vanimo")]


def test_a_town_in_a_country_the_article_never_names_is_not_taken():
    text = ("Date: 2024-09-06\n\nForeign Minister Ana Lopez arrived in Tokyo, Japan, on "
            "Friday. On Sunday she will fly to Vanimo.\n")
    assert stops(text) == [("JP", "Tokyo")]


def test_a_surname_that_is_also_a_town_is_the_person():
    # Kamikawa is a town in Japan as well as a family name
    text = ("Date: 2024-02-20\n\nForeign Minister Yoko Kamikawa of Japan will visit Brazil on "
            "February 20. Minister Kamikawa will then travel to Buenos Aires, Argentina.\n")
    assert ("JP", "Kamikawa") not in stops(text)


def test_a_region_is_never_a_town():
    # "Maryland" is also a town in Australia; the U.S. state is no stop of this trip
    text = ("Date: 2024-07-26\n\nDefense Minister Richard Marles of Australia will travel to "
            "Tokyo, Japan. After returning, he will go to Annapolis, Maryland, for talks.\n")
    assert all(city != "Maryland" for _code, city in stops(text))


def test_a_dateline_town_with_its_country():
    text = ("Date: 2017-05-27\n\nTAORMINA, Italy (AP) — President Donald Trump wrapped up his "
            "first foreign trip on Saturday at a summit of the Group of Seven. He had arrived "
            "in Italy from Brussels on Thursday.\n")
    assert ("IT", "Taormina") in stops(text)


def test_lookup_is_by_the_gazetteers_key_and_country():
    assert [p.name for p in towns.towns_named("VANIMO", {"PG"})] == ["Vanimo"]
    assert towns.towns_named("Vanimo", {"JP"}) == ()
    assert towns.towns_named("Vanimo", set()) == ()


def test_a_missing_or_damaged_table_gives_no_towns(tmp_path):
    assert towns.town_index(tmp_path / "absent.tsv.gz") == {}
    broken = tmp_path / "broken.tsv.gz"
    broken.write_bytes(b"not gzip")
    assert towns.town_index(broken) == {}
    partial = tmp_path / "partial.tsv.gz"
    partial.write_bytes(gzip.compress(b"key\tname\tcountry\tlat\tlon\tpopulation\n"
                                      b"x\tX\tAA\t1.0\t2.0\t1500\n"
                                      b"x\tX\tBB\tnot-a-number\t2.0\t1500\n"))
    index = towns.town_index(partial)
    assert [p.code for p in towns._towns(index["x"])] == ["AA"]


def test_the_shipped_table_is_small_towns_keyed_as_the_gazetteer_looks_them_up():
    lines = gzip.decompress(towns.TOWNS_FILE.read_bytes()).decode("utf-8").splitlines()
    assert lines[0].split("\t") == ["key", "name", "country", "lat", "lon", "population"]
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) > 100_000
    # (GeoNames `cities500`: some seats have no population, 0)
    assert all(0 <= int(r[5]) < 15_000 for r in rows)
    # regenerate if `normalize` changes; a name with an apostrophe is also under its key
    # without it
    assert all(r[0] in {normalize(r[1]), normalize(r[1].replace("'", "").replace("’", ""))}
               for r in rows[::97])
    assert {r[0] for r in rows if r[1] == "Arnold's Cove"} == {"arnold's cove", "arnolds cove"}
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)


def _span(sentence: str):
    return parse_lines(sentence, 0, spans=[(0, len(sentence))]).span(0, len(sentence))


def _word(span, text: str):
    return next(t for t in span if t.text == text)


@pytest.mark.parametrize(("verb", "preposition", "gives"), [
    ("fly", "to", True), ("arrive", "in", True), ("land", "at", True),
    ("fly", "in", False), ("arrive", "to", False),
    ("head", "for", True), ("travel", "for", False), ("arrive", "for", False),
    ("travel", "with", False),
])
def test_one_preposition_rule_serves_the_trip_and_the_towns(verb, preposition, gives):
    # motion takes to/into/onto, being somewhere in/at, and "for" only after setting out
    assert destination_grammar.travel_preposition(verb, preposition) is gives


@pytest.mark.parametrize(("sentence", "place", "this_trip"), [
    ("The envoy will fly to Galle on Thursday.", "Galle", True),
    ("Two years ago the envoy flew to Galle for a conference.", "Galle", False),
])
def test_a_town_is_read_in_any_tense_the_trip_only_in_its_own(sentence, place, this_trip):
    span = _span(sentence)
    # the towns tier asks only whether anyone is sent there, in any tense
    assert destination_grammar.sent_to(_word(span, place)) is True
    # the trip's destinations drop a place a time word gives to another trip
    found = [span.doc.text[d.start:d.end] for d in destination_grammar.destinations(span)]
    assert (place in found) is this_trip


def test_a_town_is_never_read_from_for_and_needs_a_travel_or_trip_word():
    span = _span("The delegation headed for Galle after lunch with the mayor of Kandy.")
    sent_to = destination_grammar.sent_to
    assert sent_to(_word(span, "Galle")) is False  # ("for": the cue patterns' job)
    assert sent_to(_word(span, "Kandy")) is False
    assert sent_to(_word(_span("He made a short trip to Galle."), "Galle")) is True
