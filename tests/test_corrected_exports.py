"""Every export and view of a corrected trip shows the corrected value and marks it."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import icalendar
import pandas as pd
import pytest

from dashboard.export import render_export
from dashboard.export.json_export import trips_from_texts
from dashboard.extraction import extract_trip_from_file
from dashboard.filters import Selection, apply_selection
from dashboard.store.corrections import apply_corrections, edits_from_trip
from dashboard.tables import TripTables, build_tables
from dashboard.views.cards import card_html, stop_cards
from dashboard.views.data_tables import itinerary_table
from dashboard.views.highlight import itinerary_html
from dashboard.views.route_map import stop_records
from dashboard.views.timeline import build_timeline

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_2088198bdb06ddc9.txt"
AT = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def view() -> TripTables:
    seed = extract_trip_from_file(SEED)
    edits = edits_from_trip(seed)
    edits[1] = edits[1].model_copy(update={"start": dt.date(2022, 10, 6),
                                           "end": dt.date(2022, 10, 6)})
    corrected = apply_corrections(seed, edits, AT)
    tables = replace(build_tables([corrected]), stored={corrected.id: corrected})
    return apply_selection(tables, Selection())


def test_csv(view: TripTables) -> None:
    from io import StringIO

    frame = pd.read_csv(StringIO(render_export("csv", view).content), dtype=str,
                        keep_default_na=False)
    chile = frame.iloc[1]
    assert (chile["start"], chile["corrected"]) == ("2022-10-06", "dates")
    assert chile["extracted_values"] == "dates: 2022-10-05 to 2022-10-05"
    assert frame.iloc[0]["corrected"] == ""


def test_geojson(view: TripTables) -> None:
    features = json.loads(render_export("geojson", view).content)["features"]
    chile = next(f for f in features if f["properties"].get("stop_number") == 2)
    assert chile["properties"]["start"] == "2022-10-06"
    assert chile["properties"]["corrected"] == ["start", "end"]
    assert chile["properties"]["extracted"]["start"] == "2022-10-05"


def test_ics(view: TripTables) -> None:
    events = icalendar.Calendar.from_ical(render_export("ics", view).content).walk("VEVENT")
    chile = next(e for e in events if "Chile" in str(e["LOCATION"]))
    assert chile.decoded("DTSTART") == dt.date(2022, 10, 6)
    assert "Corrected by a reader: dates (extracted 2022-10-05 to 2022-10-05)" in \
        str(chile["DESCRIPTION"])


def test_json_uses_the_stored_trip_not_a_new_extraction(view: TripTables) -> None:
    trips = trips_from_texts(view)
    document = json.loads(render_export("json", view, trips=trips).content)
    chile = document["trips"][0]["stops"][1]
    assert chile["start"] == "2022-10-06"
    assert chile["provenance"]["start"]["provenance"] == "corrected"
    assert chile["provenance"]["start"]["extracted"] == "2022-10-05"


def test_html_report(view: TripTables) -> None:
    report = render_export("html", view).content
    assert "Thu 6 Oct 2022" in report
    assert 'class="flag corrected"' in report and "extracted 2022-10-05" in report


def test_views(view: TripTables) -> None:
    cards = stop_cards(view.itinerary, {}, {})
    assert "corrected" not in card_html(cards[0])
    chile = card_html(cards[1])
    assert "✎ corrected" in chile and "extracted 2022-10-05" in chile
    tips = stop_records(view.itinerary, {}, {}, {}, None, False)
    assert "Corrected by a reader" in tips[1]["tip_days"]
    assert "Corrected" not in tips[0]["tip_days"]
    figure = build_timeline(view.itinerary, view.events)
    hovers = " ".join(str(t.hovertext) for t in figure.data)
    assert "Corrected by a reader: dates" in hovers
    assert "Corrected by a reader" in itinerary_html(view.itinerary, {})
    table = itinerary_table(view.itinerary)
    assert table["corrected"].tolist()[1] == ["dates (extracted 2022-10-05 to 2022-10-05)"]
