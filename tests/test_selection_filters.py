"""Selection, apply_selection and URL parsing, on hand-built trips (no Streamlit)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.filters import (
    Selection,
    apply_selection,
    available_countries,
    available_topics,
    date_bounds,
    parse_query_values,
    stops_in_countries,
    to_query_params,
)
from tests.view_fixtures import sample_tables


@pytest.fixture
def tables():
    return sample_tables("trip-a", "trip-b")


def kept(tables, **kwargs) -> list[str]:
    return apply_selection(tables, Selection(**kwargs)).itinerary["stop_id"].tolist()


def test_no_constraint_keeps_everything(tables):
    view = apply_selection(tables, Selection())
    assert len(view.itinerary) == 6
    assert len(view.events) == len(tables.events)
    assert len(view.mentions) == len(tables.mentions)


def test_trip_and_country(tables):
    assert kept(tables, trip_ids=("trip-a",)) == ["trip-a/0", "trip-a/1", "trip-a/2"]
    assert kept(tables, trip_ids=("trip-a",), countries=("CL", "PE")) == ["trip-a/1", "trip-a/2"]
    assert kept(tables, countries=("CL",)) == ["trip-a/1", "trip-b/1"]


def test_topic_any_of_chosen_on_stop(tables):
    assert kept(tables, trip_ids=("trip-a",), topics=("drug-trafficking",)) == ["trip-a/0"]
    assert kept(tables, trip_ids=("trip-a",), topics=("democracy", "drug-trafficking")) == [
        "trip-a/0", "trip-a/2"]


def test_agenda_only_topic_counts_for_every_stop_of_the_trip(tables):
    # climate change is stated for the whole tour and raised at no stop
    assert kept(tables, trip_ids=("trip-a",), topics=("climate-change",)) == [
        "trip-a/0", "trip-a/1", "trip-a/2"]


def test_agenda_topic_raised_at_stops_keeps_only_those_stops(tables):
    # migration is on the tour's agenda too, but it was raised in Colombia and Chile
    assert kept(tables, trip_ids=("trip-a",), topics=("migration",)) == ["trip-a/0", "trip-a/1"]


def test_country_and_topic_both_apply(tables):
    assert kept(tables, trip_ids=("trip-a",), countries=("CL",), topics=("democracy",)) == []
    assert kept(tables, trip_ids=("trip-a",), countries=("PE",), topics=("democracy",)) == [
        "trip-a/2"]


def test_date_range_whole_day_overlap(tables):
    one = ("trip-a",)
    assert kept(tables, trip_ids=one, date_from=date(2022, 10, 5)) == ["trip-a/1", "trip-a/2"]
    assert kept(tables, trip_ids=one, date_to=date(2022, 10, 3)) == ["trip-a/0"]
    assert kept(tables, trip_ids=one, date_from=date(2022, 10, 4),
                date_to=date(2022, 10, 4)) == []


def test_undated_stop_does_not_match_a_date_range_but_does_without_one(tables):
    tables.itinerary.loc[0, ["start", "end"]] = None
    assert "trip-a/0" in kept(tables)
    assert "trip-a/0" not in kept(tables, date_from=date(2022, 1, 1))


def test_followers_follow_the_kept_stops(tables):
    view = apply_selection(tables, Selection(trip_ids=("trip-a",), countries=("PE",)))
    assert set(view.events["stop_id"].dropna()) <= {"trip-a/2"}
    assert view.events.empty  # the only event is at the Colombian stop
    stop_rows = view.topics[view.topics["scope"] == "stop"]
    assert set(stop_rows["stop_id"]) == {"trip-a/2"}
    # agenda rows of the trip stay, since the trip is in view
    assert set(view.topics.loc[view.topics["scope"] == "trip", "trip_id"]) == {"trip-a"}
    assert set(view.mentions["stop_id"].dropna()) == {"trip-a/2"}
    assert list(view.texts) == ["trip-a"]
    assert view.trips["trip_id"].tolist() == ["trip-a"]


def test_topic_filter_narrows_topic_rows_and_topic_mentions(tables):
    view = apply_selection(tables, Selection(trip_ids=("trip-a",), topics=("democracy",)))
    assert set(view.topics["topic"]) == {"democracy"}
    topic_mentions = view.mentions[view.mentions["kind"] == "topic"]
    assert set(topic_mentions["value"]) == {"democracy"}


def test_empty_result_has_empty_followers(tables):
    view = apply_selection(tables, Selection(countries=("ZZ",)))
    assert view.itinerary.empty and view.events.empty and view.mentions.empty
    assert view.texts == {}
    assert list(view.itinerary.columns) == list(tables.itinerary.columns)


def test_available_options(tables):
    assert available_countries(tables) == {"CL": "Chile", "CO": "Colombia", "PE": "Peru"}
    topics = available_topics(tables)
    assert topics["climate-change"] == "Climate change"
    assert set(topics) == {"climate-change", "democracy", "drug-trafficking", "migration"}
    assert date_bounds(tables) == (date(2022, 10, 3), date(2022, 10, 6))
    assert stops_in_countries(tables.itinerary, ["PE", "CO"]) == [
        "trip-a/0", "trip-a/2", "trip-b/0", "trip-b/2"]


def parse(params):
    return parse_query_values(params, trip_ids=["trip-a", "trip-b"],
                              countries=["CL", "CO", "PE"],
                              topics=["migration", "democracy", "climate-change"])


def test_parse_good_values():
    parsed = parse({"trip": "trip-b", "country": ["CL", "pe", "CL"], "topic": ["migration"],
                    "from": "2022-10-04", "to": ["2022-10-06"]})
    assert parsed.notices == ()
    assert parsed.selection == Selection(("trip-b",), ("CL", "PE"), ("migration",),
                                         date(2022, 10, 4), date(2022, 10, 6))


@pytest.mark.parametrize("params, words", [
    ({"country": "XX"}, "unknown country code"),
    ({"country": "FR"}, "no loaded trip stops there"),
    ({"country": "<script>alert(1)</script>"}, "not a two-letter ISO code"),
    ({"topic": "<script>alert(1)</script>"}, "not a topic name"),
    ({"topic": "cooking"}, "unknown topic"),
    ({"trip": "nope"}, "unknown trip"),
    ({"from": "2022-13-45"}, "expected a real date"),
    ({"from": "2022-10-06", "to": "2022-10-01"}, "is after"),
    ({"country": "C" * 10_000}, "too long"),
])
def test_parse_bad_values_dropped_with_a_notice(params, words):
    parsed = parse(params)
    assert parsed.selection == Selection()
    assert len(parsed.notices) == 1
    assert words in parsed.notices[0]


def test_notices_never_echo_markup_or_huge_values():
    parsed = parse({"country": ["<script>alert(1)</script>", "Z" * 10_000], "topic": "`x`"})
    text = " ".join(parsed.notices)
    assert "<" not in text and ">" not in text and "`x`" not in text
    assert len(text) < 400
    assert "10,000 characters" in text


def test_good_values_survive_beside_bad_ones():
    parsed = parse({"country": ["CL", "XX"], "topic": ["migration", "<b>"]})
    assert parsed.selection.countries == ("CL",)
    assert parsed.selection.topics == ("migration",)
    assert len(parsed.notices) == 2


def test_query_params_round_trip():
    selection = Selection(("trip-a",), ("CL", "PE"), ("migration",), date(2022, 10, 4), None)
    params = to_query_params(selection)
    assert params == {"trip": ["trip-a"], "country": ["CL", "PE"], "topic": ["migration"],
                      "from": ["2022-10-04"]}
    assert parse(params).selection == selection
    assert to_query_params(Selection()) == {}
