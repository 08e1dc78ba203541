"""Every export parsed back with a real parser and checked against the selection."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime

import geojson
import icalendar
import pandas as pd
import pytest
from export_fixtures import HOSTILE, export_tables, export_trips

from dashboard.export import FORMATS, render_export
from dashboard.export.common import EMPTY_NOTE
from dashboard.export.csv_export import neutralise_cell
from dashboard.export.geojson_export import split_at_antimeridian
from dashboard.export.links import merge_query, view_url
from dashboard.extraction import trip_to_json
from dashboard.filters import Selection, apply_selection
from dashboard.tables import TripTables

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
EXPECTED_COORDINATES = {  # stop_id -> (lon, lat), as the fixtures place them
    "blinken-2022-10/0": (-74.08, 4.61),
    "blinken-2022-10/1": (-70.67, -33.45),
    "blinken-2022-10/2": (-77.04, -12.05),
    "kishida-2023-05/0": (139.69, 35.68),
    "kishida-2023-05/1": (-157.86, 21.31),
}


@pytest.fixture(scope="module")
def tables() -> TripTables:
    return export_tables()


@pytest.fixture(scope="module")
def chile(tables: TripTables) -> TripTables:
    return apply_selection(tables, Selection(countries=("CL",)))


@pytest.fixture(scope="module")
def nothing(tables: TripTables) -> TripTables:
    """A selection no stop passes (France is in no trip)."""
    view = apply_selection(tables, Selection(countries=("FR",)))
    assert view.itinerary.empty
    return view


def export(name: str, view: TripTables) -> str:
    return render_export(name, view, trips=export_trips(), now=NOW).content


# --- CSV ---------------------------------------------------------------------------------


def read_csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def test_csv_has_one_row_per_stop_in_travel_order(tables: TripTables) -> None:
    frame = read_csv(export("csv", tables))
    assert frame["stop_id"].tolist() == [
        "blinken-2022-10/0", "blinken-2022-10/1", "blinken-2022-10/2",
        "kishida-2023-05/0", "kishida-2023-05/1", "kishida-2023-05/2",
    ]
    assert frame["stop_number"].tolist() == ["1", "2", "3", "1", "2", "3"]
    bogota = frame.iloc[0]
    assert (bogota["country_code"], bogota["city"]) == ("CO", "Bogotá")
    assert (float(bogota["lat"]), float(bogota["lon"])) == (4.61, -74.08)
    assert bogota["start"] == "2022-10-03"
    assert bogota["leaders"] == "Gustavo Petro"
    assert bogota["topics"] == "Drug trafficking; Migration"  # labels, readable
    assert bogota["topic_slugs"] == "drug-trafficking; migration"
    assert bogota["key_sentence"].startswith("Antony Blinken met")


def test_csv_dates_are_iso_and_unknown_dates_are_empty(tables: TripTables) -> None:
    frame = read_csv(export("csv", tables))
    honolulu = frame[frame["stop_id"] == "kishida-2023-05/1"].iloc[0]
    assert (honolulu["start"], honolulu["end"]) == ("2023-05-02", "2023-05-03")
    canada = frame[frame["stop_id"] == "kishida-2023-05/2"].iloc[0]
    assert (canada["start"], canada["end"], canada["lat"], canada["city"]) == ("", "", "", "")
    for day in filter(None, [*frame["start"], *frame["end"]]):
        assert date.fromisoformat(day).isoformat() == day


def test_csv_keeps_awkward_text_intact(tables: TripTables) -> None:
    frame = read_csv(export("csv", tables))
    tokyo = frame[frame["stop_id"] == "kishida-2023-05/0"].iloc[0]
    assert HOSTILE in tokyo["key_sentence"]  # quotes and commas survive the round trip


def test_csv_follows_the_selection(chile: TripTables) -> None:
    frame = read_csv(export("csv", chile))
    assert len(frame) == 1
    assert frame.iloc[0]["country_code"] == "CL"


def test_csv_of_an_empty_selection_is_a_header_only(nothing: TripTables,
                                                    tables: TripTables) -> None:
    frame = read_csv(export("csv", nothing))
    assert frame.empty
    assert list(frame.columns) == list(read_csv(export("csv", tables)).columns)


FORMULA_CELLS = {  # a cell as an article gives it -> as the spreadsheet CSV must hold it
    "- Monday: Bogota, Colombia": "'- Monday: Bogota, Colombia",  # a dash-bulleted line
    "@StateDept: the Secretary will travel": "'@StateDept: the Secretary will travel",
    "=HYPERLINK(\"http://x.example\",\"click\")": "'=HYPERLINK(\"http://x.example\",\"click\")",
    "+1 202 555 0100": "'+1 202 555 0100",
    "\tindented": "'\tindented",
    "\rcarriage": "'\rcarriage",
}


def with_key_sentences(tables: TripTables, sentences: list[str]) -> TripTables:
    itinerary = tables.itinerary.copy()
    itinerary.loc[: len(sentences) - 1, "key_sentence"] = sentences
    return replace(tables, itinerary=itinerary)


def test_spreadsheet_csv_starts_with_a_utf8_byte_order_mark(tables: TripTables) -> None:
    # issue 12 item 5: without the mark Excel shows "BogotÃ¡"
    data = render_export("csv", tables, now=NOW).data
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Bogotá" in data.decode("utf-8-sig")


def test_plain_csv_has_no_byte_order_mark(tables: TripTables) -> None:
    export_ = render_export("csv-plain", tables, now=NOW)
    assert export_.data.startswith(b"trip_id,")
    assert export_.file_name == "trips-all-plain.csv"
    assert render_export("csv", tables, now=NOW).file_name == "trips-all.csv"


def test_spreadsheet_csv_neutralises_formula_cells_and_plain_keeps_them(
        tables: TripTables) -> None:
    # issue 12 item 5: cells starting with = + - @ tab CR are live formulas in a spreadsheet
    view = with_key_sentences(tables, list(FORMULA_CELLS))
    sheet = read_csv(export("csv", view).removeprefix("\ufeff"))
    plain = read_csv(export("csv-plain", view))
    count = len(FORMULA_CELLS)
    assert sheet["key_sentence"].tolist()[:count] == list(FORMULA_CELLS.values())
    assert plain["key_sentence"].tolist()[:count] == list(FORMULA_CELLS)
    # numbers are not formulas: a negative latitude stays a number
    assert sheet["lat"].tolist() == plain["lat"].tolist()
    assert "-33.45" in sheet["lat"].tolist()
    assert neutralise_cell("Blinken met Petro = talks") == "Blinken met Petro = talks"
    assert neutralise_cell(-33.45) == -33.45
    for column in sheet.columns:
        for cell in sheet[column]:
            if column not in ("lat", "lon"):
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)


# --- GeoJSON -------------------------------------------------------------------------------


def load_geojson(text: str) -> dict:
    parsed = geojson.loads(text)
    assert parsed.is_valid, parsed.errors()
    document = json.loads(text)
    assert document["type"] == "FeatureCollection"
    assert "crs" not in document  # RFC 7946 removed it
    return document


def test_geojson_points_are_longitude_first(tables: TripTables) -> None:
    document = load_geojson(export("geojson", tables))
    points = {f["properties"]["stop_id"]: f for f in document["features"]
              if f["properties"]["kind"] == "stop"}
    assert len(points) == 6
    for stop_id, (lon, lat) in EXPECTED_COORDINATES.items():
        geometry = points[stop_id]["geometry"]
        assert geometry["type"] == "Point"
        assert geometry["coordinates"] == [lon, lat]
    for feature in points.values():
        if feature["geometry"]:
            lon, lat = feature["geometry"]["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_stop_properties(tables: TripTables) -> None:
    document = load_geojson(export("geojson", tables))
    santiago = next(f for f in document["features"] if f["id"] == "blinken-2022-10/1")
    properties = santiago["properties"]
    assert properties["start"] == properties["end"] == "2022-10-05"
    assert properties["leaders"] == ["Gabriel Boric"]
    assert properties["topics"] == ["migration"]
    assert properties["topic_labels"] == ["Migration"]
    assert (properties["country_code"], properties["country"], properties["city"]) == (
        "CL", "Chile", "Santiago")


def test_geojson_stop_without_coordinates_has_null_geometry(tables: TripTables) -> None:
    document = load_geojson(export("geojson", tables))
    canada = next(f for f in document["features"] if f["id"] == "kishida-2023-05/2")
    assert canada["geometry"] is None
    assert canada["properties"]["country_code"] == "CA"


def test_geojson_route_follows_travel_order(tables: TripTables) -> None:
    document = load_geojson(export("geojson", tables))
    routes = {f["properties"]["trip_id"]: f for f in document["features"]
              if f["properties"]["kind"] == "route"}
    assert set(routes) == {"blinken-2022-10", "kishida-2023-05"}
    blinken = routes["blinken-2022-10"]["geometry"]
    assert blinken["type"] == "LineString"
    assert blinken["coordinates"] == [list(EXPECTED_COORDINATES[f"blinken-2022-10/{i}"])
                                      for i in range(3)]


def test_geojson_route_across_the_antimeridian_is_cut(tables: TripTables) -> None:
    document = load_geojson(export("geojson", tables))
    route = next(f for f in document["features"] if f["id"] == "kishida-2023-05/route")
    assert route["geometry"]["type"] == "MultiLineString"
    west, east = route["geometry"]["coordinates"]
    assert west[0] == [139.69, 35.68] and west[-1][0] == 180
    assert east[0][0] == -180 and east[-1] == [-157.86, 21.31]
    assert west[-1][1] == pytest.approx(east[0][1])


def test_split_at_antimeridian_leaves_ordinary_routes_alone() -> None:
    route = [(-74.0, 4.6), (-70.7, -33.5), (-77.0, -12.0)]
    assert split_at_antimeridian(route) == [route]
    westward = split_at_antimeridian([(-170.0, 0.0), (170.0, 10.0)])
    assert westward == [[(-170.0, 0.0), (-180.0, 5.0)], [(180.0, 5.0), (170.0, 10.0)]]


def test_geojson_follows_the_selection(chile: TripTables) -> None:
    document = load_geojson(export("geojson", chile))
    assert [f["id"] for f in document["features"]] == ["blinken-2022-10/1"]


def test_geojson_of_an_empty_selection_is_an_empty_collection(nothing: TripTables) -> None:
    document = load_geojson(export("geojson", nothing))
    assert document["features"] == []
    assert document["note"] == EMPTY_NOTE


# --- iCalendar -----------------------------------------------------------------------------


def parse_calendar(text: str) -> icalendar.Calendar:
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, f"line not folded: {line!r}"
    assert "\n" not in text.replace("\r\n", "")  # CRLF everywhere, as RFC 5545 wants
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"].startswith("-//trip-timeline-dashboard//")
    return calendar


def events_by_uid(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_ics_has_one_all_day_event_per_dated_stop(tables: TripTables) -> None:
    events = events_by_uid(parse_calendar(export("ics", tables)))
    assert len(events) == 5  # Canada has no date
    for event in events.values():
        assert event["DTSTART"].params["VALUE"] == "DATE"
        start = event.decoded("DTSTART")
        assert isinstance(start, date) and not isinstance(start, datetime)
        assert event.decoded("DTSTAMP") == NOW
        assert event["TRANSP"] == "TRANSPARENT"
    honolulu = events["kishida-2023-05.stop-2@trip-timeline-dashboard.invalid"]
    assert honolulu.decoded("DTSTART") == date(2023, 5, 2)
    assert honolulu.decoded("DTEND") == date(2023, 5, 4)  # exclusive: the day after the 3rd
    bogota = events["blinken-2022-10.stop-1@trip-timeline-dashboard.invalid"]
    assert bogota.decoded("DTSTART") == date(2022, 10, 3)
    assert bogota.decoded("DTEND") == date(2022, 10, 4)


def test_ics_event_text(tables: TripTables) -> None:
    events = events_by_uid(parse_calendar(export("ics", tables)))
    bogota = events["blinken-2022-10.stop-1@trip-timeline-dashboard.invalid"]
    assert str(bogota["SUMMARY"]) == "Antony Blinken in Bogotá, Colombia"
    assert str(bogota["LOCATION"]) == "Bogotá, Colombia"
    assert (bogota["GEO"].latitude, bogota["GEO"].longitude) == (4.61, -74.08)
    description = str(bogota["DESCRIPTION"])
    assert "Leaders met: Gustavo Petro" in description
    assert "Topics: Drug trafficking; Migration" in description
    assert "Antony Blinken met Colombian President Gustavo Petro in Bogota on Monday." in (
        description)
    tokyo = events["kishida-2023-05.stop-1@trip-timeline-dashboard.invalid"]
    assert HOSTILE in str(tokyo["DESCRIPTION"])  # escaped by iCalendar rules, not lost


def test_ics_names_the_undated_stops(tables: TripTables) -> None:
    calendar = parse_calendar(export("ics", tables))
    assert "Canada" in str(calendar["X-TRIP-UNDATED-STOP"])
    assert "Canada" in str(calendar["X-WR-CALDESC"])
    notes = render_export("ics", tables).notes
    assert any("Canada" in note for note in notes)


def test_ics_uids_are_stable_between_exports(tables: TripTables) -> None:
    first = events_by_uid(parse_calendar(export("ics", tables)))
    later = render_export("ics", tables, now=datetime(2027, 1, 1, tzinfo=UTC)).content
    assert set(first) == set(events_by_uid(parse_calendar(later)))


def test_ics_follows_the_selection(chile: TripTables) -> None:
    events = list(parse_calendar(export("ics", chile)).walk("VEVENT"))
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == "Antony Blinken in Santiago, Chile"


def test_ics_of_an_empty_selection_is_a_valid_calendar_without_events(
        nothing: TripTables) -> None:
    calendar = parse_calendar(export("ics", nothing))
    assert calendar.walk("VEVENT") == []
    journals = calendar.walk("VJOURNAL")  # RFC 5545 wants at least one component
    assert len(journals) == 1
    assert str(journals[0]["DESCRIPTION"]) == EMPTY_NOTE


# --- JSON ----------------------------------------------------------------------------------


def test_json_holds_the_trips_in_the_extract_shape(tables: TripTables) -> None:
    document = json.loads(export("json", tables))
    assert [t["id"] for t in document["trips"]] == ["blinken-2022-10", "kishida-2023-05"]
    assert "note" not in document
    # Unfiltered, each trip is what the extract command prints for it, plus its sources.
    for trip, own in zip(document["trips"], export_trips(), strict=True):
        expected = json.loads(json.dumps(trip_to_json(own)))
        assert {k: trip[k] for k in expected if k not in ("stops", "mentions", "events",
                                                          "trip_topic_details")} == {
            k: v for k, v in expected.items() if k not in ("stops", "mentions", "events",
                                                           "trip_topic_details")}
        for stop, own_stop in zip(trip["stops"], expected["stops"], strict=True):
            assert {k: stop[k] for k in own_stop} == own_stop
            assert stop["sources"] == [own.id]
            assert set(stop["facts"]) == {"dates", "city", "leaders", "topics"}
            assert stop["facts"]["city"] is None or stop["facts"]["city"]["sources"][0][
                "source"] == own.id
        for name in ("mentions", "events", "trip_topic_details"):
            assert [{k: v for k, v in m.items() if k != "source"} for m in trip[name]] == \
                expected[name]
        assert [s["id"] for s in trip["sources"]] == [own.id] and trip["conflicts"] == []
    blinken = document["trips"][0]
    assert [s["index"] for s in blinken["stops"]] == [0, 1, 2]


def test_json_follows_the_selection(chile: TripTables) -> None:
    document = json.loads(export("json", chile))
    assert len(document["trips"]) == 1
    trip = document["trips"][0]
    assert [(s["index"], s["country_code"]) for s in trip["stops"]] == [(1, "CL")]
    assert trip["events"] == []  # the only event is in Colombia
    assert {m["stop_index"] for m in trip["mentions"]} <= {1, None}
    assert any(m["stop_index"] == 1 for m in trip["mentions"])


def test_json_of_an_empty_selection(nothing: TripTables) -> None:
    document = json.loads(export("json", nothing))
    assert document == {"trips": [], "note": EMPTY_NOTE}


# --- all formats ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_names_its_file_after_the_view(name: str, tables: TripTables,
                                                    chile: TripTables) -> None:
    suffix, ext = FORMATS[name].name_suffix, FORMATS[name].extension
    one_trip = apply_selection(tables, Selection(trip_ids=("blinken-2022-10",)))
    assert render_export(name, one_trip, trips=export_trips()).file_name == (
        f"trip-blinken-2022-10{suffix}.{ext}")
    # a filtered view is never named like the whole trip (issue 12, item 11)
    assert render_export(name, chile, trips=export_trips(),
                         selection=Selection(countries=("CL",))).file_name == (
        f"trip-blinken-2022-10_cl{suffix}.{ext}")
    assert render_export(name, tables, trips=export_trips()).file_name == (
        f"trips-all{suffix}.{ext}")
    filtered = Selection(countries=("CL", "PE"), topics=("migration",),
                         date_from=date(2022, 10, 5), date_to=date(2022, 10, 6))
    assert render_export(name, tables, trips=export_trips(), selection=filtered).file_name == (
        f"trips_cl-pe_migration_2022-10-05-to-2022-10-06{suffix}.{ext}")
    names = [render_export(n, chile, trips=export_trips()).file_name for n in FORMATS]
    assert len(set(names)) == len(names), "two formats would download under one name"


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_of_an_empty_selection_carries_the_note(name: str,
                                                             nothing: TripTables) -> None:
    rendered = render_export(name, nothing, trips=export_trips())
    assert rendered.notes == (EMPTY_NOTE,)
    assert rendered.content  # a file, never an error


def test_unknown_format_is_refused(tables: TripTables) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xls'"):
        render_export("xls", tables)


# --- share link ----------------------------------------------------------------------------


def test_view_url_keeps_the_visitors_address_and_page() -> None:
    url = view_url("https://news.example.org/trips/data",
                   {"trip": "blinken-2022-10", "country": ["CL", "PE"]})
    assert url == "https://news.example.org/trips/data?trip=blinken-2022-10&country=CL&country=PE"


def test_view_url_replaces_an_old_query_and_encodes_values() -> None:
    url = view_url("http://localhost:8501/?old=1#top", {"topic": "a&b c"})
    assert url == "http://localhost:8501/?topic=a%26b+c"


def test_view_url_without_a_browser_address_gives_the_query_alone() -> None:
    assert view_url(None, {"country": "CL"}) == "?country=CL"
    assert view_url("javascript:alert(1)", {"country": "CL"}) == "?country=CL"
    assert view_url(None, {}) == "?"


def test_merge_query_drops_cleared_filters_and_keeps_other_parameters() -> None:
    merged = merge_query({"country": ["CL"], "stop": "x/1", "topic": ["trade"]},
                         {"topic": ["migration"]}, managed=("country", "topic"))
    assert merged == {"stop": ["x/1"], "topic": ["migration"]}
