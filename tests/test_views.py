"""Figure builders of the overview: timeline, route map, cards and colours (no Streamlit)."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from dashboard.views.cards import card_html, card_key, stop_cards
from dashboard.views.colors import OKABE_ITO, hex_to_rgb, stop_colors, text_color_on, trip_colors
from dashboard.views.route_map import (
    ARROWS_LAYER,
    LABELS_LAYER,
    LEGS_LAYER,
    STOPS_LAYER,
    build_deck,
    fitted_view,
    format_days,
    selected_stop,
)
from dashboard.views.timeline import RECORD_LANE, build_timeline, picked_stop, undated_stops
from tests.view_fixtures import sample_tables

HOSTILE = 'Petro said <script>alert("x")</script> & <img src=x onerror=alert(1)>'


@pytest.fixture
def tables():
    tables = sample_tables("trip-a")
    # Peru on Thursday and Friday, as the seed article has it
    tables.itinerary.loc[2, "end"] = pd.Timestamp("2022-10-07")
    return tables


def bars(figure):
    """Every bar of the figure as its own object (the builder batches bars into few traces)."""
    from types import SimpleNamespace

    out = []
    for trace in figure.data:
        if trace.type != "bar":
            continue
        for n in range(len(trace.y)):
            def at(values, n=n):
                return [values[n]] if values is not None and not isinstance(values, str) else [
                    values]
            out.append(SimpleNamespace(
                y=at(trace.y), x=at(trace.x), base=at(trace.base), text=at(trace.text),
                hovertext=at(trace.hovertext), customdata=at(trace.customdata),
                color=at(trace.marker.color)[0], trace=trace))
    return out


def test_timeline_one_lane_per_stop_in_travel_order(tables):
    figure = build_timeline(tables.itinerary, tables.events)
    lanes = [b.y[0] for b in bars(figure)]
    assert lanes == ["1. Bogotá, Colombia", "2. Santiago, Chile", "3. Lima, Peru"]
    assert list(figure.layout.yaxis.categoryarray) == lanes
    assert figure.layout.yaxis.autorange == "reversed"


def test_timeline_bars_are_whole_days(tables):
    figure = build_timeline(tables.itinerary, tables.events)
    peru = bars(figure)[2]
    assert pd.Timestamp(peru.base[0]) == pd.Timestamp("2022-10-06 00:00")
    # 6-7 October ends at the end of the 7th: two full days
    assert peru.x[0] == 2 * 86_400_000
    colombia = bars(figure)[0]
    assert pd.Timestamp(colombia.base[0]) == pd.Timestamp("2022-10-03 00:00")
    assert colombia.x[0] == 86_400_000


def test_timeline_day_axis_has_weekday_labels(tables):
    figure = build_timeline(tables.itinerary, tables.events)
    labels = list(figure.layout.xaxis.ticktext)
    assert labels[0] == "Mon<br>3 Oct"
    assert labels[-1] == "Fri<br>7 Oct"
    assert len(labels) == 5


def test_timeline_marks_dated_events_on_their_stop_lane(tables):
    figure = build_timeline(tables.itinerary, tables.events)
    markers = [t for t in figure.data if t.type == "scatter"]
    assert len(markers) == 1
    assert list(markers[0].y) == ["1. Bogotá, Colombia"]
    assert "Meeting with Gustavo Petro" in markers[0].hovertext[0]


def test_timeline_hover_has_leaders_topics_sentence_and_is_escaped(tables):
    tables.itinerary.loc[0, "key_sentence"] = HOSTILE
    figure = build_timeline(tables.itinerary, tables.events,
                            topic_labels={"drug-trafficking": "Drug trafficking"})
    hover = bars(figure)[0].hovertext[0]
    assert "Gustavo Petro" in hover and "Drug trafficking" in hover
    assert "Mon 3 Oct 2022" in hover
    assert "<script>" not in hover and "<img" not in hover
    assert "&lt;script&gt;" in hover


def test_undated_stops_are_returned_not_dropped(tables):
    tables.itinerary.loc[1, ["start", "end"]] = pd.NaT
    undated = undated_stops(tables.itinerary)
    assert undated["stop_id"].tolist() == ["trip-a/1"]
    figure = build_timeline(tables.itinerary, tables.events)
    assert len(bars(figure)) == 2


def test_a_stop_with_only_a_start_is_one_day(tables):
    tables.itinerary.loc[0, "end"] = pd.NaT
    figure = build_timeline(tables.itinerary, tables.events)
    assert bars(figure)[0].x[0] == 86_400_000
    assert undated_stops(tables.itinerary).empty


def test_all_trips_view_has_one_lane_per_trip():
    tables = sample_tables("trip-a", "trip-b")
    titles = {"trip-a": "Trip A", "trip-b": "Trip B"}
    figure = build_timeline(tables.itinerary, tables.events, trip_titles=titles, lanes="trip")
    assert list(figure.layout.yaxis.categoryarray) == ["Trip A", "Trip B"]
    assert len(bars(figure)) == 6


def test_trips_with_the_same_title_keep_their_own_lanes():
    tables = sample_tables("trip-a", "trip-b")
    titles = {"trip-a": "Blinken to travel", "trip-b": "Blinken to travel"}
    figure = build_timeline(tables.itinerary, tables.events, trip_titles=titles, lanes="trip")
    lanes = list(figure.layout.yaxis.categoryarray)
    assert len(lanes) == 2 and len(set(lanes)) == 2
    assert {bar.y[0] for bar in bars(figure)} == set(lanes)


def test_deck_text_is_drawn_over_the_raised_arcs(tables):
    deck = build_deck(tables.itinerary, stop_colors(tables.itinerary))
    by_id = {layer.id: layer for layer in deck.layers}
    for layer_id in (LABELS_LAYER, ARROWS_LAYER):
        assert by_id[layer_id].parameters == {"depthTest": False}


def test_official_record_lane(tables):
    record = pd.DataFrame({"start": ["2022-10-06"], "end": ["2022-10-06"],
                           "country": ["Peru"], "status": ["differs"]})
    figure = build_timeline(tables.itinerary, tables.events, record)
    assert figure.layout.yaxis.categoryarray[-1] == RECORD_LANE
    record_bar = bars(figure)[-1]
    assert record_bar.y[0] == RECORD_LANE and record_bar.x[0] == 86_400_000


def test_timeline_of_nothing_dated_says_so(tables):
    tables.itinerary[["start", "end"]] = pd.NaT
    figure = build_timeline(tables.itinerary, tables.events.iloc[0:0])
    assert "No dated stops" in figure.layout.annotations[0].text


def test_deck_layers_have_ids_and_pickable_stops(tables):
    deck = build_deck(tables.itinerary, stop_colors(tables.itinerary))
    ids = [layer.id for layer in deck.layers]
    assert all(ids) and len(set(ids)) == len(ids)
    assert {STOPS_LAYER, LEGS_LAYER, ARROWS_LAYER, LABELS_LAYER} <= set(ids)
    by_id = {layer.id: layer for layer in deck.layers}
    assert by_id[STOPS_LAYER].pickable is True
    assert len(by_id[STOPS_LAYER].data) == 3
    # two legs, in travel order
    legs = by_id[LEGS_LAYER].data
    assert [leg["from"] for leg in legs] == [[-74.08, 4.61], [-70.67, -33.45]]


def test_deck_labels_carry_order_numbers(tables):
    deck = build_deck(tables.itinerary, stop_colors(tables.itinerary))
    labels = [row["label"] for row in {layer.id: layer for layer in deck.layers}[LABELS_LAYER].data]
    assert labels == ["1. Bogotá", "2. Santiago", "3. Lima"]


def test_deck_tooltips_are_inert_and_say_where_when_who(tables):
    tables.itinerary.at[0, "leaders"] = [HOSTILE]
    deck = build_deck(tables.itinerary, stop_colors(tables.itinerary),
                      topic_labels={"democracy": "Democracy"})
    # the template holds the only markup; every value is plain text
    fields = re.findall(r"{(\w+)}", deck._tooltip["html"])
    stops = {layer.id: layer for layer in deck.layers}[STOPS_LAYER].data
    for stop in stops:
        for name in fields:
            assert "<" not in stop[name] and ">" not in stop[name]
    assert stops[0]["tip_title"] == "1. Bogotá, Colombia"
    assert stops[0]["tip_days"] == "Mon 3 Oct 2022"
    assert "‹script›" in stops[0]["tip_leaders"]
    assert stops[2]["tip_topics"] == "Topics: Democracy"
    legs = {layer.id: layer for layer in deck.layers}[LEGS_LAYER].data
    assert all(name in legs[0] for name in fields)


def test_deck_needs_no_token_and_no_network_offline(tables):
    deck = build_deck(tables.itinerary, stop_colors(tables.itinerary))
    spec = json.loads(deck.to_json())
    # pydeck's "no style" sentinel: st.pydeck_chart then draws no basemap (None would make
    # Streamlit fetch Carto tiles)
    assert deck.map_provider is None and spec.get("mapStyle") == "__MAP_STYLE__"
    assert "mapbox" not in deck.to_json().lower()
    online = build_deck(tables.itinerary, stop_colors(tables.itinerary), online_basemap=True)
    assert online.map_provider == "carto" and "carto" in str(online.map_style)


def test_view_is_fitted_to_the_stops(tables):
    view = fitted_view(list(tables.itinerary["lon"]), list(tables.itinerary["lat"]))
    assert -34 < view.latitude < 5 and -78 < view.longitude < -70
    assert 1 < view.zoom < 6


def test_selected_stop_from_chart_state():
    event = {"selection": {"objects": {STOPS_LAYER: [{"stop_id": "trip-a/1"}]}}}
    assert selected_stop(event) == "trip-a/1"
    assert selected_stop({"selection": {"objects": {}}}) is None
    assert selected_stop(None) is None


def test_cards_show_weekdays_inferred_marks_and_escape(tables):
    tables.itinerary.loc[1, "city_inferred"] = True
    tables.itinerary.loc[0, "key_sentence"] = HOSTILE
    colors = stop_colors(tables.itinerary)
    cards = stop_cards(tables.itinerary, colors, {"democracy": "Democracy"})
    assert [c.number for c in cards] == [1, 2, 3]
    assert cards[2].days == "Thu 6 – Fri 7 Oct 2022"
    assert cards[2].topics == ("Democracy",)
    assert "(inferred)" in card_html(cards[1]) and "(inferred)" not in card_html(cards[2])
    html = card_html(cards[0], selected=True)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "selected" in html and colors["trip-a/0"] in html
    assert card_key("trip-a/0") == "stop-card-trip-a-0"


@pytest.mark.parametrize("start, end, words", [
    ("2022-10-03", "2022-10-03", "Mon 3 Oct 2022"),
    ("2022-10-06", "2022-10-07", "Thu 6 – Fri 7 Oct 2022"),
    ("2022-09-30", "2022-10-02", "Fri 30 Sep – Sun 2 Oct 2022"),
    ("2022-12-31", "2023-01-01", "Sat 31 Dec 2022 – Sun 1 Jan 2023"),
    ("2022-10-03", None, "Mon 3 Oct 2022 (end unknown)"),
    (None, None, "dates unknown"),
])
def test_format_days(start, end, words):
    as_day = lambda v: pd.Timestamp(v) if v else pd.NaT  # noqa: E731
    assert format_days(as_day(start), as_day(end)) == words


def test_colors_are_stable_distinct_and_readable(tables):
    colors = stop_colors(tables.itinerary)
    assert list(colors.values()) == list(OKABE_ITO[:3])
    # a stop keeps its colour when the others are filtered out
    assert stop_colors(tables.itinerary.iloc[[2]]) == {"trip-a/2": colors["trip-a/2"]}
    assert trip_colors(["b", "a", "b"]) == {"b": OKABE_ITO[0], "a": OKABE_ITO[1]}
    assert hex_to_rgb("#0072B2", 200) == [0, 114, 178, 200]
    assert text_color_on("#F0E442") == "#000000" and text_color_on("#0072B2") == "#FFFFFF"


def test_picked_stop_from_timeline_state():
    state = {"selection": {"points": [{"x": 1, "customdata": "trip-a/2"}]}}
    assert picked_stop(state) == "trip-a/2"
    assert picked_stop({"selection": {"points": [{"customdata": ["trip-a/0"]}]}}) == "trip-a/0"
    # the official-record lane carries no stop
    assert picked_stop({"selection": {"points": [{"customdata": None}]}}) is None
    assert picked_stop(None) is None


def test_all_trips_years_apart_are_aligned_on_their_first_day():
    """Two trips years apart were two slivers at the ends of a calendar axis (issue 12,
    item 11): each trip now starts at day 1, its bars whole days wide, its lane dated."""
    tables = sample_tables("trip-a", "trip-b")
    years_later = tables.itinerary["trip_id"] == "trip-b"
    for column in ("start", "end"):
        tables.itinerary.loc[years_later, column] += pd.Timedelta(days=3 * 365)
    titles = {"trip-a": "A very long trip title that would eat the whole chart width",
              "trip-b": "Trip B"}
    figure = build_timeline(tables.itinerary, tables.events, trip_titles=titles, lanes="trip")
    assert not [t for t in figure.data if t.type == "scatter" and t.name == "Stops"]
    stop_bars = bars(figure)
    assert len(stop_bars) == 6 and all(b.x[0] >= 86_400_000 for b in stop_bars)
    firsts = {b.y[0]: min(pd.Timestamp(o.base[0]) for o in stop_bars if o.y == b.y)
              for b in stop_bars}
    assert len(set(firsts.values())) == 1  # both lanes start on the same "day 1"
    lanes = list(figure.layout.yaxis.categoryarray)
    assert lanes == ["A very long trip title… · Oct 2022", "Trip B · Oct 2025"]
    assert figure.layout.xaxis.ticktext[0] == "day 1"
    # hovers keep the real dates
    assert "2025" in next(b.hovertext[0] for b in stop_bars if b.y[0].startswith("Trip B"))
    deck = build_deck(tables.itinerary, stop_colors(tables.itinerary), trip_titles=titles,
                      show_trip=True)
    labels = {layer.id: layer for layer in deck.layers}[LABELS_LAYER].data
    assert [row["label"] for row in labels] == [
        "A very long trip title that would…"[:27] + "…", "Trip B"]
    assert labels[0]["label_offset"] != labels[1]["label_offset"]


def test_one_stop_view_keeps_its_surroundings(tables):
    one = tables.itinerary.iloc[[2]]
    view = fitted_view(list(one["lon"]), list(one["lat"]))
    assert (view.latitude, view.longitude) == (-12.05, -77.04)
    assert 2 < view.zoom < 5  # the country and its neighbours, not a close-up of the coast


def test_timeline_batches_bars_into_one_trace_not_one_per_stop():
    """570 traces at 100 trips made every rerun slow (issue 12, item 14)."""
    tables = sample_tables("trip-a", "trip-b")
    for lanes in ("stop", "trip"):
        figure = build_timeline(tables.itinerary, tables.events, lanes=lanes)
        stop_traces = [t for t in figure.data if t.type == "bar"]
        assert len(stop_traces) == 1 and len(stop_traces[0].y) == 6
        assert list(stop_traces[0].customdata) == list(
            tables.itinerary.sort_values(["trip_id", "stop_index"])["stop_id"])


def test_map_spec_is_compact_and_fetches_the_outlines_by_url(tables):
    """The outlines (918 KB as pydeck indents them) were inlined in every rerun's spec."""
    from dashboard.views.basemap import LAYER_ID, OUTLINES_URL, VISITED_LAYER_ID

    colors = stop_colors(tables.itinerary)
    deck = build_deck(tables.itinerary, colors, outlines_url=OUTLINES_URL)
    spec = deck.to_json()
    assert "\n" not in spec and len(spec) < 40_000, len(spec)
    layers = {layer["id"]: layer for layer in json.loads(spec)["layers"]}
    assert layers[LAYER_ID]["data"] == OUTLINES_URL
    visited = layers[VISITED_LAYER_ID]["data"]["features"]
    assert sorted(f["properties"]["iso_a2"] for f in visited) == ["CL", "CO", "PE"]
    # without static serving the outlines still travel inline, compactly
    inline = build_deck(tables.itinerary, colors).to_json()
    assert '"features"' in inline and "\n" not in inline


def test_record_lane_status_colours_are_never_stop_colours(tables):
    """Chile ✓ was drawn in Peru's green (issue 12, item 9)."""
    record = pd.DataFrame({"start": ["2022-10-03", "2022-10-05", "2022-10-06"],
                           "end": ["2022-10-03", "2022-10-05", "2022-10-06"],
                           "country": ["Colombia", "Chile", "Peru"],
                           "status": ["confirmed", "only in the record", "differs"]})
    figure = build_timeline(tables.itinerary, tables.events, record,
                            colors=stop_colors(tables.itinerary))
    lane = [b for b in bars(figure) if b.y[0] == RECORD_LANE]
    colours = [b.color for b in lane]
    assert len(set(colours)) == 3
    assert not {c.upper() for c in colours} & {c.upper() for c in OKABE_ITO}
    assert [b.text[0].split()[-1] for b in lane] == ["✓", "+", "≠"]


def test_record_lane_follows_the_country_topic_and_date_filters():
    from datetime import date

    from dashboard.filters import Selection
    from dashboard.records.trip_checks import lane_in_view

    lane = pd.DataFrame({
        "id": ["r-co", "r-cl", "r-pe"], "country_code": ["CO", "CL", "PE"],
        "start": pd.to_datetime(["2022-10-03", "2022-10-05", "2022-10-06"]),
        "end": pd.to_datetime(["2022-10-04", "2022-10-05", "2022-10-06"]),
        "status": ["confirmed", "only in the record", "differs"]})
    shown = pd.DataFrame({"record_id": ["r-pe"]})  # the one stop raising the chosen topic
    ids = lambda frame: list(frame["id"])  # noqa: E731
    assert ids(lane_in_view(lane, Selection(), shown)) == ["r-co", "r-cl", "r-pe"]
    assert ids(lane_in_view(lane, Selection(countries=("CL", "PE")), shown)) == ["r-cl", "r-pe"]
    assert ids(lane_in_view(lane, Selection(date_from=date(2022, 10, 4),
                                            date_to=date(2022, 10, 5)), shown)) == [
        "r-co", "r-cl"]
    assert ids(lane_in_view(lane, Selection(topics=("democracy",)), shown)) == ["r-pe"]


def test_a_fortnight_keeps_whole_day_labels_with_their_dates(tables):
    """Twelve day labels side by side were rotated, cut in half and lost their date line
    on a narrow chart, as in the HTML report (issue 12, item 11)."""
    tables.itinerary.loc[2, "end"] = pd.Timestamp("2022-10-14")
    figure = build_timeline(tables.itinerary, tables.events)
    labels = list(figure.layout.xaxis.ticktext)
    assert 1 < len(labels) <= 7 and figure.layout.xaxis.tickangle == 0
    assert all(re.fullmatch(r"[A-Z][a-z]{2}<br>\d{1,2} [A-Z][a-z]{2}", label) for label in labels)
    assert labels[0] == "Mon<br>3 Oct"
