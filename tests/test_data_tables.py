"""The Data page's readable tables."""

from __future__ import annotations

from view_fixtures import sample_tables, sample_trip

from dashboard.filters import Selection, apply_selection
from dashboard.tables import build_tables
from dashboard.views.data_tables import (
    EVENT_VIEW_COLUMNS,
    ITINERARY_VIEW_COLUMNS,
    TOPIC_VIEW_COLUMNS,
    events_table,
    itinerary_table,
    topics_table,
)


def test_itinerary_table_numbers_stops_from_one_and_labels_topics():
    tables = sample_tables()
    table = itinerary_table(
        tables.itinerary, {"blinken-2022-10": "Blinken"}, {"migration": "Migration"}
    )
    assert list(table.columns) == ITINERARY_VIEW_COLUMNS
    assert table["stop"].tolist() == [1, 2, 3]
    assert table["trip"].unique().tolist() == ["Blinken"]
    assert table.loc[0, "topics"] == ["drug-trafficking", "Migration"]
    assert table.loc[0, "leaders"] == ["Gustavo Petro"]
    assert str(table["start"].dtype).startswith("datetime64")


def test_events_and_topics_tables_name_their_stop_or_the_whole_trip():
    tables = sample_tables()
    events = events_table(tables.events, tables.itinerary)
    assert list(events.columns) == EVENT_VIEW_COLUMNS
    assert events.loc[0, "stop"] == "1 Colombia"
    topics = topics_table(tables.topics, tables.itinerary)
    assert list(topics.columns) == TOPIC_VIEW_COLUMNS
    assert topics["stop"].tolist() == [
        "1 Colombia",
        "1 Colombia",
        "2 Chile",
        "3 Peru",
        "whole trip",
        "whole trip",
    ]


def test_tables_follow_a_filtered_view():
    view = apply_selection(sample_tables(), Selection(countries=("PE",)))
    assert itinerary_table(view.itinerary)["country"].tolist() == ["Peru"]
    assert events_table(view.events, view.itinerary).empty  # the only event is in Colombia
    assert set(topics_table(view.topics, view.itinerary)["stop"]) == {"3 Peru", "whole trip"}


def test_empty_tables():
    tables = build_tables([])
    assert itinerary_table(tables.itinerary).empty
    assert events_table(tables.events, tables.itinerary).empty
    assert topics_table(tables.topics, tables.itinerary).empty


def test_several_trips_keep_the_loader_order_not_alphabetical():
    tables = build_tables([sample_trip("zeta"), sample_trip("alpha")])
    assert itinerary_table(tables.itinerary)["trip"].tolist() == ["zeta"] * 3 + ["alpha"] * 3
    assert topics_table(tables.topics, tables.itinerary)["trip"].iloc[0] == "zeta"
    assert events_table(tables.events, tables.itinerary)["trip"].tolist() == ["zeta", "alpha"]
