"""Topic x stop matrix, heatmap, counts and the sentences behind a topic."""

from __future__ import annotations

import pandas as pd
from view_fixtures import sample_tables, sample_trip

from dashboard.filters import Selection, apply_selection
from dashboard.tables import build_tables
from dashboard.views.topic_heatmap import topic_heatmap
from dashboard.views.topic_matrix import (
    WHOLE_TRIP,
    sentences_for_topic,
    short_trip_labels,
    stop_labels,
    topic_counts,
    topic_matrix,
)


def test_matrix_counts_sentences_per_stop_in_travel_order_with_whole_trip_column():
    tables = sample_tables()
    matrix = topic_matrix(tables.topics, tables.itinerary)
    assert matrix.columns == ["1 Colombia", "2 Chile", "3 Peru", WHOLE_TRIP]
    assert matrix.column_ids == [
        "blinken-2022-10/0",
        "blinken-2022-10/1",
        "blinken-2022-10/2",
        None,
    ]
    counts = matrix.counts
    assert counts.loc["migration"].tolist() == [1, 1, 0, 1]
    assert counts.loc["drug-trafficking"].tolist() == [1, 0, 0, 0]
    assert counts.loc["democracy"].tolist() == [0, 0, 1, 0]
    assert counts.loc["climate-change"].tolist() == [0, 0, 0, 1]
    # most raised first
    assert counts.index[0] == "migration"
    assert matrix.examples.loc["migration", "2 Chile"] == "migration"
    assert matrix.examples.loc["democracy", "1 Colombia"] == ""


def test_same_sentence_tagged_twice_counts_once():
    trip = sample_trip()
    duplicate = trip.stops[0].topics[1].model_copy(update={"phrase": "migrants"})
    trip.stops[0].topics.append(duplicate)
    tables = build_tables([trip])
    assert topic_matrix(tables.topics, tables.itinerary).counts.loc["migration", "1 Colombia"] == 1
    counts = topic_counts(tables.topics, tables.itinerary).set_index("topic")
    assert counts.loc["migration", "sentences"] == 3


def test_stops_without_topics_keep_their_column():
    trip = sample_trip()
    trip.stops[2].topics.clear()
    tables = build_tables([trip])
    matrix = topic_matrix(tables.topics, tables.itinerary)
    assert "3 Peru" in matrix.columns
    assert matrix.counts["3 Peru"].sum() == 0


def test_several_trips_get_distinct_column_labels():
    tables = build_tables([sample_trip("trip-a"), sample_trip("trip-b")])
    matrix = topic_matrix(tables.topics, tables.itinerary, {"trip-a": "A", "trip-b": "B"})
    assert len(set(matrix.columns)) == len(matrix.columns) == 8
    assert matrix.columns[0] == "A · 1 Colombia"
    assert matrix.columns[3] == "A · whole trip"
    assert matrix.counts.loc["migration"].sum() == 6


def test_matrix_follows_a_filtered_view():
    tables = sample_tables()
    view = apply_selection(tables, Selection(countries=("CL",)))
    matrix = topic_matrix(view.topics, view.itinerary)
    assert matrix.columns == ["2 Chile", WHOLE_TRIP]
    assert "democracy" not in matrix.counts.index


def test_empty_tables_give_an_empty_matrix_and_no_crash():
    tables = build_tables([])
    matrix = topic_matrix(tables.topics, tables.itinerary)
    assert matrix.empty
    assert topic_counts(tables.topics, tables.itinerary).empty
    assert sentences_for_topic(tables.topics, "migration").empty


def test_heatmap_is_readable_and_colour_blind_safe():
    tables = sample_tables()
    matrix = topic_matrix(tables.topics, tables.itinerary)
    figure = topic_heatmap(matrix)
    heat = figure.data[0]
    assert list(heat.x) == ["1 Colombia", "2 Chile", "3 Peru", WHOLE_TRIP]
    # rows show labels, not slugs
    assert heat.y[0] == "Migration"
    assert "Drug trafficking" in list(heat.y)
    # a single-hue ramp (lightness only: colour-blind safe), light for low counts
    scale = [color for _, color in heat.colorscale]
    assert scale[0] == "rgb(247,251,255)" and scale[-1] == "rgb(8,48,107)"
    assert heat.zmin == 0 and heat.zmax >= 4  # a count of 1 is a tint, not full strength
    assert heat.hovertemplate == "%{hovertext}<extra></extra>"
    # zero cells are gaps with no number printed; counts print in their cells
    z = pd.DataFrame(heat.z, index=heat.y, columns=heat.x)
    assert pd.isna(z.loc["Democracy", "1 Colombia"])
    assert z.loc["Migration", "2 Chile"] == 1
    text = pd.DataFrame(heat.text, index=heat.y, columns=heat.x)
    assert text.loc["Democracy", "1 Colombia"] == ""
    assert text.loc["Migration", WHOLE_TRIP] == "1"
    hover = pd.DataFrame(heat.hovertext, index=heat.y, columns=heat.x)
    assert hover.loc["Drug trafficking", "1 Colombia"] == (
        "<b>Drug trafficking</b><br>1 Colombia<br>1 sentence(s)<br>e.g. “drug trafficking”"
    )
    assert "e.g." not in hover.loc["Democracy", "1 Colombia"]


def test_topic_counts_table():
    tables = sample_tables()
    counts = topic_counts(tables.topics, tables.itinerary)
    assert list(counts.columns) == ["topic", "label", "sentences", "stops", "n_stops", "whole_trip"]
    first = counts.iloc[0]
    assert first["topic"] == "migration"
    assert first["sentences"] == 3
    assert first["stops"] == ["1 Colombia", "2 Chile"]
    assert bool(first["whole_trip"]) is True
    climate = counts.set_index("topic").loc["climate-change"]
    assert climate["n_stops"] == 0 and bool(climate["whole_trip"]) is True


def test_sentences_for_topic_lists_each_sentence_once_with_its_stop():
    tables = sample_tables()
    rows = sentences_for_topic(tables.topics, "migration", tables.itinerary)
    assert rows["stop"].tolist() == ["1 Colombia", "2 Chile", WHOLE_TRIP]
    assert rows["sentence"].iloc[0] == "They discussed drug trafficking and migration."
    text = tables.texts["blinken-2022-10"]
    for row in rows.itertuples():
        assert text[row.start : row.end] == row.sentence
    assert sentences_for_topic(tables.topics, "no-such-topic").empty


def test_sentence_tagged_at_a_stop_and_as_agenda_is_merged():
    trip = sample_trip()
    # the Chile sentence also states the tour's agenda
    trip.topics.append(trip.stops[1].topics[0].model_copy())
    tables = build_tables([trip])
    rows = sentences_for_topic(tables.topics, "migration", tables.itinerary)
    assert len(rows) == 3
    assert rows["stop"].tolist()[1] == f"2 Chile, {WHOLE_TRIP}"


def test_stop_labels_number_from_one():
    tables = sample_tables()
    assert stop_labels(tables.itinerary)["blinken-2022-10/2"] == "3 Peru"


def test_sentences_for_topic_name_the_stop_id_for_colours():
    tables = sample_tables()
    rows = sentences_for_topic(tables.topics, "migration", tables.itinerary)
    assert rows["stop_id"].tolist()[:2] == ["blinken-2022-10/0", "blinken-2022-10/1"]
    assert rows["stop_id"].isna().tolist() == [False, False, True]  # the whole trip


def test_heatmap_groups_columns_by_trip_when_several():
    tables = build_tables([sample_trip("trip-a"), sample_trip("trip-b")])
    matrix = topic_matrix(tables.topics, tables.itinerary, {"trip-a": "A", "trip-b": "B"})
    figure = topic_heatmap(matrix)
    assert len(set(figure.data[0].x)) == 8  # one x value per column, all distinct
    assert list(figure.layout.xaxis.ticktext) == ["1 Colombia", "2 Chile", "3 Peru", WHOLE_TRIP] * 2
    groups = [(a.text, a.x) for a in figure.layout.annotations]
    assert groups == [("<b>A</b>", 1.5), ("<b>B</b>", 5.5)]  # centred under each trip's columns
    assert [shape.x0 for shape in figure.layout.shapes] == [3.5]  # a line between the trips
    single = sample_tables()
    assert not topic_heatmap(topic_matrix(single.topics, single.itinerary)).layout.annotations


def test_heatmap_escapes_words_from_the_articles():
    trip = sample_trip()
    trip.stops[0].country = "<b>Colombia</b>"
    trip.stops[0].topics[0].label = "<a href='https://evil.example'>Drugs</a>"
    trip.stops[0].topics[0].phrase = "<img src=x>"
    tables = build_tables([trip])
    heat = topic_heatmap(topic_matrix(tables.topics, tables.itinerary)).data[0]
    shown = " ".join(
        [
            *map(str, heat.x),
            *map(str, heat.y),
            *(str(cell) for row in heat.hovertext for cell in row),
        ]
    )
    assert "<a " not in shown and "<img" not in shown and "<b>Colombia" not in shown
    assert "&lt;b&gt;Colombia&lt;/b&gt;" in shown and "&lt;img src=x&gt;" in shown


def test_short_trip_labels_are_surname_and_month_and_unique():
    tables = build_tables([sample_trip("trip-a"), sample_trip("trip-b")])
    labels = short_trip_labels(tables.trips)
    assert labels == {"trip-a": "Blinken Oct 2022", "trip-b": "Blinken Oct 2022 (2)"}
    trips = tables.trips.assign(traveler=[None, None])
    assert short_trip_labels(trips)["trip-a"] == "Blinken tours <Latin>…"


def test_sentences_for_topic_keep_the_loader_trip_order():
    tables = build_tables([sample_trip("zeta"), sample_trip("alpha")])
    rows = sentences_for_topic(tables.topics, "democracy", tables.itinerary)
    assert rows["trip_id"].tolist() == ["zeta", "alpha"]


def test_trips_whose_labels_collide_keep_separate_columns():
    tables = build_tables([sample_trip("trip-a"), sample_trip("trip-b")])
    same = {"trip-a": "Blinken", "trip-b": "Blinken"}
    matrix = topic_matrix(tables.topics, tables.itinerary, same)
    assert len(set(matrix.columns)) == len(matrix.columns) == 8
    assert matrix.columns[0] == "trip-a · 1 Colombia"
    assert matrix.counts.loc["migration"].tolist() == [1, 1, 0, 1, 1, 1, 0, 1]
