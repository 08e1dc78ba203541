"""The cross-check of every loaded trip, as the pages show it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.records import read_records
from dashboard.records.trip_checks import check_all_trips, empty_checks
from dashboard.tables import load_tables
from tests.shared_data import SHARED_RECORDS

REPO = Path(__file__).resolve().parents[1]
RECORDS = SHARED_RECORDS


@pytest.fixture(scope="module")
def records():
    if not RECORDS.is_dir():
        pytest.skip(f"official records not found at {RECORDS} (only in the team's checkout)")
    return read_records(RECORDS).frame


def test_seed_statuses_and_lane(records) -> None:
    tables = load_tables(REPO / "seeds")
    checks = check_all_trips(tables, records)
    status = dict(zip(checks.stops["country_code"], checks.stops["status"], strict=True))
    assert status == {"CO": "confirmed", "CL": "confirmed", "PE": "differs"}
    peru = checks.stops[checks.stops["country_code"] == "PE"].iloc[0]
    assert peru["record_id"] == "4091"
    assert list(checks.lanes["id"]) == ["4089", "4090", "4091"]
    assert set(checks.lanes["trip_id"]) == set(tables.trips["trip_id"])
    only_chile = checks.for_stops(tables.itinerary.loc[
        tables.itinerary["country_code"] == "CL", "stop_id"])
    assert list(only_chile["country_code"]) == ["CL"]


def test_no_records_means_no_checks() -> None:
    tables = load_tables(REPO / "seeds")
    import pandas as pd

    checks = check_all_trips(tables, pd.DataFrame())
    assert checks.stops.empty and checks.lanes.empty
    assert empty_checks("no record").notes == ("no record",)


def synthetic_records():
    """A record of two secretaries with the seed's visits: no shared data needed."""
    import pandas as pd

    rows = [
        ("1", "secretary", "pompeo-michael-richard", "Michael R. Pompeo", "2019-01-08",
         "2019-01-08", "Jordan", "JO", "Amman"),
        ("4089", "secretary", "blinken-antony-j", "Antony J. Blinken", "2022-10-03",
         "2022-10-04", "Colombia", "CO", "Bogotá"),
        ("4090", "secretary", "blinken-antony-j", "Antony J. Blinken", "2022-10-05",
         "2022-10-05", "Chile", "CL", "Santiago"),
        ("4091", "secretary", "blinken-antony-j", "Antony J. Blinken", "2022-10-06",
         "2022-10-06", "Peru", "PE", "Lima"),
    ]
    frame = pd.DataFrame(rows, columns=["id", "role", "who", "name", "start", "end", "country",
                                        "country_code", "locale"])
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    frame["remarks"] = None
    return frame


def test_many_trips_build_the_traveller_table_once(tmp_path, monkeypatch) -> None:
    """Cold start grew with trips × visits: every trip rebuilt the traveller table from all
    visits, twice (issue 12, item 14). Now it is built once per record."""
    from dashboard.extraction import extract_trip_from_file
    from dashboard.records import traveler
    from dashboard.tables import build_tables

    seed = next((REPO / "seeds").glob("*.txt"))
    # Three trips (copies of one article in a folder would merge into one trip of three
    # sources, so they are built as separate trips here).
    trips = [extract_trip_from_file(seed) for _ in range(3)]
    for n, trip in enumerate(trips):
        trip.id = f"{trip.id}-{n}"
    tables = build_tables(trips)
    assert len(tables.trips) == 3
    calls = []
    real = traveler.traveler_table
    monkeypatch.setattr(traveler, "traveler_table",
                        lambda records: calls.append(len(records)) or real(records))
    checks = check_all_trips(tables, synthetic_records())
    assert len(calls) == 1
    assert list(checks.stops["status"]) == ["confirmed", "confirmed", "differs"] * 3
    assert len(checks.lanes) == 9


def test_a_traveller_the_record_does_not_cover_is_said_so(tmp_path) -> None:
    """Macron's stops are not 'not in the record': the record covers U.S. presidents and
    secretaries of state (issue 12, item 9)."""
    from dashboard.views.cards import card_html, stop_cards

    source = (REPO / "tests" / "fixtures" / "trips"
              / "02_reuters_macron_china_beijing_guangzhou_2023.txt")
    (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    tables = load_tables(tmp_path)
    assert "Macron" in str(tables.trips["traveler"].iloc[0])
    checks = check_all_trips(tables, synthetic_records())
    assert set(checks.stops["status"]) == {"not-covered"}
    cards = stop_cards(tables.itinerary, {}, {}, record_checks=checks.stops)
    html = card_html(cards[0])
    assert "the record covers U.S. presidents and secretaries of state" in html
    assert "not in the record" not in html
