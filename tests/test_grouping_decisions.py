"""A reader's joins and splits of trips (dashboard.merging.decisions): one test per rule."""

from __future__ import annotations

import itertools
from datetime import date as D

import pytest
from merging_fixtures import make_stop, make_trip

from dashboard.merging import merge_articles
from dashboard.merging.decisions import (
    GroupingDecision,
    article_key,
    decisions_for,
    fold_decisions,
    text_key,
)
from dashboard.merging.trips_file import parse_trips_plan
from dashboard.store import content_hash


def _trips():
    a = make_trip("a.txt", "Antony Blinken", make_stop("CO", D(2022, 10, 3), D(2022, 10, 4)))
    b = make_trip("b.txt", "Antony Blinken", make_stop("CL", D(2022, 10, 5)))
    c = make_trip("c.txt", "Antony Blinken", make_stop("JP", D(2022, 12, 1)))
    return a, b, c


def _paths(merged) -> list[list[str]]:
    return sorted(sorted(s.path for s in m.sources) for m in merged)


def join(*trips) -> GroupingDecision:
    return GroupingDecision("join", tuple(article_key(t) for t in trips),
                            tuple(t.article.path for t in trips))


def split(*trips) -> GroupingDecision:
    return GroupingDecision("split", tuple(article_key(t) for t in trips),
                            tuple(t.article.path for t in trips))


def test_the_key_is_the_stores_content_hash():
    a, _, _ = _trips()
    assert article_key(a) == text_key(a.article.text) == content_hash(a.article.text)


def test_a_decision_names_enough_articles():
    with pytest.raises(ValueError, match="at least 2"):
        GroupingDecision("join", ("x",))
    with pytest.raises(ValueError, match="at least 2"):
        GroupingDecision("join", ("x", "x"))
    with pytest.raises(ValueError, match="at least 1"):
        GroupingDecision("split", ())
    with pytest.raises(ValueError, match="action"):
        GroupingDecision("merge", ("x", "y"))  # type: ignore[arg-type]


def test_without_decisions_the_automatic_grouping_stands():
    a, b, c = _trips()
    assert _paths(merge_articles([a, b, c])) == [["a.txt", "b.txt"], ["c.txt"]]


def test_a_join_makes_one_trip_of_trips_the_rules_keep_apart():
    a, b, c = _trips()
    merged = merge_articles([a, b, c], decisions=[join(a, b, c)])
    assert _paths(merged) == [["a.txt", "b.txt", "c.txt"]]
    (trip,) = merged
    assert "joined by a reader" in trip.notes
    assert {s.grouping for s in trip.sources} == {"joined by a reader"}


def test_a_split_takes_an_article_out_of_its_trip():
    a, b, c = _trips()
    merged = merge_articles([a, b, c], decisions=[split(b)])
    assert _paths(merged) == [["a.txt"], ["b.txt"], ["c.txt"]]
    alone = next(m for m in merged if m.sources[0].path == "b.txt")
    assert alone.sources[0].grouping == "split out by a reader"


def test_a_split_article_is_not_joined_again_automatically():
    a, b, _ = _trips()
    a2 = make_trip("a2.txt", "Antony Blinken", make_stop("CO", D(2022, 10, 4)))
    merged = merge_articles([a, b, a2], decisions=[split(a)])
    # a is alone; b and a2 (two days apart) still merge with each other
    assert _paths(merged) == [["a.txt"], ["a2.txt", "b.txt"]]


def test_the_later_decision_wins_and_undoing_is_dropping_it():
    a, b, c = _trips()
    assert _paths(merge_articles([a, b, c], decisions=[join(a, c), split(c)])) == [
        ["a.txt", "b.txt"], ["c.txt"]]
    # the join wins over the earlier split; b, beside a, joins the joined trip as it would
    # join a alone
    assert _paths(merge_articles([a, b, c], decisions=[split(c), join(a, c)])) == [
        ["a.txt", "b.txt", "c.txt"]]
    assert _paths(merge_articles([a, b, c], decisions=[split(c), join(a, c), split(b)])) == [
        ["a.txt", "c.txt"], ["b.txt"]]
    # undo the last split: b is back with a
    assert _paths(merge_articles([a, b, c], decisions=[split(c), join(a, c)])) == [
        ["a.txt", "b.txt", "c.txt"]]


def test_joins_sharing_an_article_are_one_trip():
    a, b, c = _trips()
    d = make_trip("d.txt", "Lloyd Austin", make_stop("FR", D(2023, 3, 1)))
    grouping = fold_decisions([join(a, c), join(c, d)])
    assert grouping.joins == (frozenset({article_key(a), article_key(c), article_key(d)}),)
    assert _paths(merge_articles([a, b, c, d], decisions=[join(a, c), join(c, d)])) == [
        ["a.txt", "c.txt", "d.txt"], ["b.txt"]]


def test_a_split_out_of_a_join_of_two_dissolves_it():
    a, _b, c = _trips()
    grouping = fold_decisions([join(a, c), split(a)])
    assert grouping.joins == () and grouping.alone == {article_key(a)}


def test_a_join_of_an_article_not_loaded_waits_for_it():
    a, b, c = _trips()
    missing = make_trip("gone.txt", "Antony Blinken", make_stop("JP", D(2022, 12, 2)))
    assert _paths(merge_articles([a, b, c], decisions=[join(c, missing)])) == [
        ["a.txt", "b.txt"], ["c.txt"]]
    assert _paths(merge_articles([a, b, c, missing], decisions=[join(c, missing)])) == [
        ["a.txt", "b.txt"], ["c.txt", "gone.txt"]]


def test_reader_decisions_apply_over_trips_toml():
    a, b, c = _trips()
    plan = parse_trips_plan({"join": [{"articles": ["a.txt", "b.txt"], "title": "Tour"}]},
                            ["a.txt", "b.txt", "c.txt"])
    # a reader's join with one article of the toml trip extends that trip, keeping its title
    merged = merge_articles([a, b, c], plan=plan, decisions=[join(b, c)])
    assert _paths(merged) == [["a.txt", "b.txt", "c.txt"]] and merged[0].title == "Tour"
    # a reader's split takes an article out of a toml join
    assert _paths(merge_articles([a, b, c], plan=plan, decisions=[split(a)])) == [
        ["a.txt"], ["b.txt"], ["c.txt"]]


def test_decisions_do_not_depend_on_the_order_the_files_are_read():
    a, b, c = _trips()
    decisions = [join(a, c), split(b)]
    expected = None
    for order in itertools.permutations([a, b, c]):
        got = _paths(merge_articles(list(order), decisions=decisions))
        expected = expected or got
        assert got == expected


def test_decisions_for_a_trip():
    a, b, c = _trips()
    decisions = [join(a, c), split(b)]
    assert decisions_for(decisions, [article_key(b)]) == [decisions[1]]
    assert decisions_for(decisions, [article_key(a), article_key(b)]) == decisions
    assert decisions[0].describe() == "joined a.txt, c.txt"
    assert decisions[1].describe() == "split out b.txt"


def test_an_article_near_one_article_of_a_readers_join_still_joins_it():
    a, b, c = _trips()  # a+b: 3-5 Oct; c: 1 Dec (a reader joins a, b and c)
    near_c = make_trip("near_c.txt", "Antony Blinken", make_stop("JP", D(2022, 12, 3)))
    between = make_trip("between.txt", "Antony Blinken", make_stop("FR", D(2022, 11, 1)))
    austin = make_trip("austin.txt", "Lloyd Austin", make_stop(
        "JP", D(2022, 12, 1), sentence="Austin visits Japan on 2022-12-01."))
    merged = merge_articles([a, b, c, near_c, between, austin], decisions=[join(a, b, c)])
    assert _paths(merged) == [["a.txt", "b.txt", "c.txt", "near_c.txt"], ["austin.txt"],
                              ["between.txt"]]
    # a trips.toml trip stays closed, also when a reader adds to it
    plan = parse_trips_plan({"join": [{"articles": ["a.txt", "b.txt"]}]},
                            ["a.txt", "b.txt", "c.txt", "near_c.txt"])
    assert _paths(merge_articles([a, b, c, near_c], plan=plan, decisions=[join(b, c)])) == [
        ["a.txt", "b.txt", "c.txt"], ["near_c.txt"]]
