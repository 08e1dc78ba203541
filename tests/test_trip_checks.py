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
