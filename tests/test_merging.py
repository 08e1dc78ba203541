"""Grouping articles into trips and merging their stops: one test per rule (no Streamlit)."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path

import pytest
from merging_fixtures import make_stop, make_trip, shared_statement

from dashboard.extraction import extract_trip_from_file
from dashboard.merging import (
    StopCorrection,
    apply_corrections,
    group_articles,
    merge_articles,
    read_trips_file,
)
from dashboard.merging.names import same_person
from dashboard.merging.serialize import merged_trip_to_json
from dashboard.merging.trips_file import parse_trips_plan

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_2088198bdb06ddc9.txt"
STATEMENT = shared_statement()
CHILE = ROOT / "tests" / "fixtures" / "merging"
needs_statement = pytest.mark.skipif(
    not STATEMENT.is_file(), reason=f"../shared/articles is absent ({STATEMENT})")

D = date


# --- names ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b", "same"), [
    ("Antony Blinken", "Antony J. Blinken", True),
    ("Antony Blinken", "Secretary Blinken", True),
    ("Francia Márquez", "Francia Marquez", True),
    ("Antony Blinken", "Donald Blinken", False),
    ("Antony Blinken", "Lloyd Austin", False),
    (None, "Antony Blinken", False),
])
def test_same_person(a, b, same):
    assert same_person(a, b) is same


# --- grouping ------------------------------------------------------------------------------

def test_same_traveller_overlapping_dates_is_one_trip():
    a = make_trip("a.txt", "Antony Blinken", make_stop("CO", D(2022, 10, 3), D(2022, 10, 4)))
    b = make_trip("b.txt", "Antony J. Blinken", make_stop("CL", D(2022, 10, 5)))
    groups = group_articles([a, b])
    assert [[t.article.path for t in g.articles] for g in groups] == [["a.txt", "b.txt"]]


def test_different_travellers_on_the_same_dates_stay_two_trips():
    a = make_trip("a.txt", "Antony Blinken", make_stop("CL", D(2022, 10, 5)))
    b = make_trip("b.txt", "Lloyd Austin", make_stop("CL", D(2022, 10, 5)))
    assert len(group_articles([a, b])) == 2
    assert len(merge_articles([a, b])) == 2


def test_slack_is_tunable():
    a = make_trip("a.txt", "Antony Blinken", make_stop("CO", D(2022, 10, 3)))
    b = make_trip("b.txt", "Antony Blinken", make_stop("PE", D(2022, 10, 9)))  # 5 days between
    assert len(group_articles([a, b])) == 2  # default slack: 3 days
    assert len(group_articles([a, b], slack_days=5)) == 1
    assert len(group_articles([a, b], slack_days=4)) == 2
    with pytest.raises(ValueError, match="slack_days"):
        group_articles([a, b], slack_days=-1)


def test_an_article_matching_two_trips_joins_the_nearest_and_says_so():
    early = make_trip("early.txt", "Antony Blinken",
                      make_stop("CO", D(2022, 10, 1), D(2022, 10, 3)))
    late = make_trip("late.txt", "Antony Blinken", make_stop("PE", D(2022, 10, 9),
                                                              D(2022, 10, 11)))
    middle = make_trip("middle.txt", "Antony Blinken", make_stop("CL", D(2022, 10, 7)))
    groups = group_articles([early, late, middle])
    assert [[t.article.path for t in g.articles] for g in groups] == [
        ["early.txt"], ["late.txt", "middle.txt"]]
    note = " ".join(groups[1].notes)
    assert "middle.txt also fits another trip" in note and "early.txt" in note
    assert "nearest" in note


def test_an_article_without_traveller_or_dates_is_a_trip_of_its_own():
    a = make_trip("a.txt", "Antony Blinken", make_stop("CL", D(2022, 10, 5)))
    nobody = make_trip("nobody.txt", None, make_stop("CL", D(2022, 10, 5)))
    undated = make_trip("undated.txt", "Antony Blinken", make_stop("CL"))
    assert len(group_articles([a, nobody, undated])) == 3


# --- trips.toml ------------------------------------------------------------------------------

def test_trips_file_join_and_split(tmp_path):
    a = make_trip("a.txt", "Antony Blinken", make_stop("CO", D(2022, 10, 3)))
    b = make_trip("b.txt", "Antony Blinken", make_stop("CL", D(2022, 10, 5)))
    c = make_trip("c.txt", "Someone Else", make_stop("PE", D(2023, 1, 1)))
    (tmp_path / "trips.toml").write_text(
        '[[join]]\narticles = ["a.txt", "c.txt"]\ntitle = "Joined by hand"\n', "utf-8")
    plan = read_trips_file(tmp_path, ["a.txt", "b.txt", "c.txt"])
    assert plan.problems == ()
    merged = merge_articles([a, b, c], plan=plan)
    titles = {m.title: sorted(s.path for s in m.sources) for m in merged}
    assert titles["Joined by hand"] == ["a.txt", "c.txt"]
    assert ["b.txt"] in titles.values()

    (tmp_path / "trips.toml").write_text('[[split]]\narticles = ["a.txt", "b.txt"]\n', "utf-8")
    plan = read_trips_file(tmp_path, ["a.txt", "b.txt", "c.txt"])
    assert len(merge_articles([a, b], plan=plan)) == 2
    (tmp_path / "trips.toml").write_text('[[split]]\narticles = ["b.txt"]\n', "utf-8")
    plan = read_trips_file(tmp_path, ["a.txt", "b.txt"])
    assert len(merge_articles([a, b], plan=plan)) == 2


def test_bad_trips_file_entries_are_reported_and_the_good_ones_kept(tmp_path):
    known = ["a.txt", "b.txt", "c.txt", "d.txt"]
    plan = parse_trips_plan({
        "join": [
            {"articles": ["a.txt", "b.txt"]},                 # good
            {"articles": ["a.txt", "c.txt"]},                 # a.txt already joined
            {"articles": ["c.txt", "nope.txt"]},              # unknown file, one left
            {"articles": "c.txt"},                            # not a list
            {"articles": ["c.txt", "d.txt"], "colour": "red"},  # unknown key
            {"articles": ["../x.txt", "c.txt"]},              # a path, not a name
        ],
        "split": [{"articles": []}],
        "groups": [],
    }, known)
    assert [j.articles for j in plan.joins] == [["a.txt", "b.txt"]]
    text = "\n".join(plan.problems)
    for expected in ("join #2: already joined by join #1", "nope.txt", "join #4 ignored",
                     "colour", "join #6 ignored", "split #1 ignored", "unknown section 'groups'"):
        assert expected in text, (expected, text)

    (tmp_path / "trips.toml").write_text("[[join]\narticles = [", "utf-8")
    broken = read_trips_file(tmp_path, known)
    assert broken.joins == () and "trips.toml ignored" in broken.problems[0]
    assert read_trips_file(tmp_path / "missing", known).problems == ()


def test_a_split_that_contradicts_a_join_drops_the_join():
    plan = parse_trips_plan({"join": [{"articles": ["a.txt", "b.txt"]}],
                             "split": [{"articles": ["a.txt", "b.txt"]}]},
                            ["a.txt", "b.txt"])
    assert plan.joins == () and "split keeps a.txt and b.txt apart" in plan.problems[0]


# --- merging stops: the rules ---------------------------------------------------------------

def _one_trip(*trips):
    merged = merge_articles(list(trips))
    assert len(merged) == 1, [m.sources for m in merged]
    return merged[0]


def test_a_stated_date_beats_an_inferred_one():
    stated = make_trip("stated.txt", "Antony Blinken", make_stop("CL", D(2022, 10, 5)))
    inferred = make_trip("inferred.txt", "Antony Blinken",
                         make_stop("CL", D(2022, 10, 6), dates_inferred=True))
    stop = _one_trip(stated, inferred).stops[0]
    assert (stop.stop.start, stop.stop.end, stop.stop.dates_inferred) == (
        D(2022, 10, 5), D(2022, 10, 5), False)
    assert stop.conflicts == []
    assert any("inferred.txt infers 6 Oct 2022" in n for n in stop.notes)
    assert sorted(stop.sources) == ["blinken-trip", "blinken-trip-2"]


def test_a_range_containing_another_is_compatible():
    day = make_trip("day.txt", "Antony Blinken", make_stop("CO", D(2022, 10, 3), None))
    span = make_trip("span.txt", "Antony Blinken",
                     make_stop("CO", D(2022, 10, 3), D(2022, 10, 4)))
    stop = _one_trip(day, span).stops[0]
    assert (stop.stop.start, stop.stop.end) == (D(2022, 10, 3), D(2022, 10, 4))
    assert stop.conflicts == []
    assert stop.dates.value == "2022-10-03/2022-10-04"
    assert len(stop.dates.source_ids) == 2


def test_stated_dates_that_cannot_both_hold_are_a_conflict_with_both_sentences():
    wed = make_trip("wed.txt", "Antony Blinken",
                    make_stop("CL", D(2022, 10, 5), sentence="Chile on Wednesday."))
    thu = make_trip("thu.txt", "Antony Blinken",
                    make_stop("CL", D(2022, 10, 6), sentence="Chile on Thursday."))
    trip = _one_trip(wed, thu)
    assert len(trip.stops) == 1
    (conflict,) = trip.stops[0].conflicts
    assert conflict.field == "dates" and conflict.resolved_by is None
    assert sorted(v.value for v in conflict.values) == ["2022-10-05", "2022-10-06"]
    assert sorted(e.sentence for v in conflict.values for e in v.evidence) == [
        "Chile on Thursday.", "Chile on Wednesday."]
    assert "5 Oct 2022 (wed.txt)" in conflict.message and "6 Oct 2022 (thu.txt)" in conflict.message
    # The stop spans both claims so it stays on the map and timeline; it is not resolved.
    assert (trip.stops[0].stop.start, trip.stops[0].stop.end) == (D(2022, 10, 5), D(2022, 10, 6))


def test_an_inferred_capital_and_a_stated_city_of_that_name_are_one_stop():
    inferred = make_trip("a.txt", "Antony Blinken", make_stop("CL", D(2022, 10, 5)))
    stated = make_trip("b.txt", "Antony Blinken",
                       make_stop("CL", D(2022, 10, 5), city="Santiago"))
    stop = _one_trip(inferred, stated).stops[0]
    assert (stop.stop.city, stop.stop.city_inferred) == ("Santiago", False)
    assert {s.stated for s in stop.city.sources} == {True, False}


def test_a_stated_city_beats_an_inferred_capital():
    inferred = make_trip("a.txt", "Antony Blinken", make_stop("JP", D(2023, 5, 19)))
    stated = make_trip("b.txt", "Antony Blinken",
                       make_stop("JP", D(2023, 5, 19), city="Hiroshima"))
    stop = _one_trip(inferred, stated).stops[0]
    assert stop.stop.city == "Hiroshima" and not stop.stop.city_inferred
    assert any("infers Tokyo" in n for n in stop.notes)


def test_different_stated_cities_are_different_stops():
    a = make_trip("a.txt", "Antony Blinken", make_stop("JP", D(2023, 5, 18), city="Tokyo"))
    b = make_trip("b.txt", "Antony Blinken", make_stop("JP", D(2023, 5, 19), city="Hiroshima"))
    assert [s.stop.city for s in _one_trip(a, b).stops] == ["Tokyo", "Hiroshima"]


def test_visits_days_apart_are_different_stops():
    a = make_trip("a.txt", "Antony Blinken", make_stop("CL", D(2022, 10, 1)),
                  make_stop("CL", D(2022, 10, 5)))
    b = make_trip("b.txt", "Antony Blinken", make_stop("CL", D(2022, 10, 5)))
    trip = _one_trip(a, b)
    assert [(s.stop.start, len(s.sources)) for s in trip.stops] == [
        (D(2022, 10, 1), 1), (D(2022, 10, 5), 2)]
    assert [s.key for s in trip.stops] == ["CL-1", "CL-2"]


def test_leaders_and_topics_are_the_union_with_sources():
    a = make_trip("a.txt", "Antony Blinken",
                  make_stop("CO", D(2022, 10, 3), leaders=("Petro",), topics=("migration",)))
    b = make_trip("b.txt", "Antony Blinken",
                  make_stop("CO", D(2022, 10, 3), leaders=("Gustavo Petro", "Francia Márquez"),
                            topics=("migration", "trade")))
    stop = _one_trip(a, b).stops[0]
    assert [(f.value, len(f.source_ids)) for f in stop.leaders] == [
        ("Gustavo Petro", 2), ("Francia Márquez", 1)]
    assert [leader.name for leader in stop.stop.leaders] == ["Gustavo Petro", "Francia Márquez"]
    assert [(f.value, len(f.source_ids)) for f in stop.topics] == [
        ("migration", 2), ("trade", 1)]


def test_an_undated_stop_joins_the_dated_visit_to_that_country():
    a = make_trip("a.txt", "Antony Blinken", make_stop("CO", D(2022, 10, 3)),
                  make_stop("CL", D(2022, 10, 5)))
    b = make_trip("b.txt", "Antony Blinken", make_stop("CL"), published=D(2022, 10, 4))
    trip = _one_trip(a, b)
    assert [(s.stop.country_code, len(s.sources)) for s in trip.stops] == [("CO", 1), ("CL", 2)]


def test_a_readers_correction_beats_every_source():
    wed = make_trip("wed.txt", "Antony Blinken", make_stop("CL", D(2022, 10, 5)))
    thu = make_trip("thu.txt", "Antony Blinken", make_stop("CL", D(2022, 10, 6)))
    trip = _one_trip(wed, thu)
    fixed = apply_corrections(trip, {
        "CL-1": StopCorrection(start=D(2022, 10, 6), end=D(2022, 10, 6), city="Valparaíso",
                               leaders=["Gabriel Boric"], note="Embassy readout"),
        "XX-9": StopCorrection(city="Nowhere"),
    })
    stop = fixed.stops[0]
    assert (stop.stop.start, stop.stop.end, stop.stop.city) == (
        D(2022, 10, 6), D(2022, 10, 6), "Valparaíso")
    assert stop.dates.sources[0].source == "reader"
    thu_id = next(s.id for s in trip.sources if s.path == "thu.txt")
    assert [s.source for s in stop.dates.sources][1:] == [thu_id]  # thu.txt agrees
    assert stop.conflicts[0].resolved_by == "reader" and stop.open_conflicts == []
    assert stop.city.sources[0].source == "reader" and stop.stop.lat is None
    assert [leader.name for leader in stop.stop.leaders] == ["Gabriel Boric"]
    assert any("XX-9" in n for n in fixed.notes)
    # The original is untouched: corrections are a layer, not an edit of the sources.
    assert trip.stops[0].open_conflicts and trip.stops[0].stop.city == "Santiago"
    with pytest.raises(ValueError, match="before start"):
        StopCorrection(start=D(2022, 10, 6), end=D(2022, 10, 5))


# --- real articles ---------------------------------------------------------------------------

def _dump(trips) -> str:
    return json.dumps([merged_trip_to_json(t) for t in trips], sort_keys=True, default=str)


@needs_statement
def test_seed_and_state_statement_merge_into_one_trip_of_three_stops():
    trips = merge_articles([extract_trip_from_file(SEED), extract_trip_from_file(STATEMENT)])
    assert len(trips) == 1
    (trip,) = trips
    assert trip.traveler == "Antony Blinken" and len(trip.sources) == 2
    got = [(s.stop.country, s.stop.city, s.stop.start, s.stop.end) for s in trip.stops]
    assert got == [
        ("Colombia", "Bogotá", D(2022, 10, 3), D(2022, 10, 4)),
        ("Chile", "Santiago", D(2022, 10, 5), D(2022, 10, 5)),
        ("Peru", "Lima", D(2022, 10, 6), D(2022, 10, 7)),
    ]
    leaders = [[leader.name for leader in s.stop.leaders] for s in trip.stops]
    assert [[n.split()[-1] for n in names] for names in leaders] == [
        ["Petro", "Márquez", "Leyva"], ["Boric", "Urrejola"], ["Castillo"]]
    for stop in trip.stops:
        assert len(stop.sources) == 2, stop.key
        assert len(stop.dates.source_ids) == 2 and len(stop.city.source_ids) == 2, stop.key
    assert trip.conflicts == [] and not any(s.stop.dates_inferred for s in trip.stops)
    # Each stop is shown with a sentence about it, not the headline naming the whole tour.
    keys = [s.stop.evidence[0].sentence for s in trip.stops]
    assert "October 3-4, in Colombia" in keys[0] and "Santiago, Chile" in keys[1]
    assert "Pedro Castillo" in keys[2]


def test_chile_on_wednesday_and_on_thursday_is_one_stop_with_a_conflict():
    paths = sorted(CHILE.glob("chile_*.txt"))
    trips = merge_articles([extract_trip_from_file(p) for p in paths])
    assert len(trips) == 1 and len(trips[0].stops) == 1
    stop = trips[0].stops[0]
    assert stop.stop.country == "Chile" and len(stop.sources) == 2
    (conflict,) = stop.open_conflicts
    assert sorted(v.value for v in conflict.values) == ["2022-10-05", "2022-10-06"]
    assert {"Gabriel Boric", "Antonia Urrejola"} == {x.name for x in stop.stop.leaders}
    said = {v.value: " ".join(e.sentence for e in v.evidence) for v in conflict.values}
    assert "Wednesday" in said["2022-10-05"] and "Thursday" in said["2022-10-06"]


def test_merging_does_not_depend_on_the_order_the_files_are_read():
    paths = [SEED, *sorted(CHILE.glob("chile_*.txt"))]
    if STATEMENT.is_file():
        paths.append(STATEMENT)
    extracted = {p: extract_trip_from_file(p) for p in paths}
    dumps = {_dump(merge_articles([extracted[p] for p in order]))
             for order in itertools.permutations(paths)}
    assert len(dumps) == 1
