"""Journeys (visits a few days apart), date ranges, and aggregation for charts."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.records.journeys import (
    assign_journeys,
    country_counts,
    journey_table,
    records_in_range,
    rows_for_chart,
    traveler_summary,
)
from dashboard.records.reader import RECORD_COLUMNS, read_records
from tests.shared_data import SHARED_RECORDS


def visits(rows: list[tuple[str, str, str | None, str]], who: str = "doe-jane") -> pd.DataFrame:
    frame = pd.DataFrame([
        {"id": str(i), "role": "secretary", "who": who, "name": "Jane Doe", "start": s,
         "end": e, "country": c, "country_id": None, "country_code": None, "locale": None,
         "remarks": None, "source_file": "x.xml"}
        for i, (s, e, c, _) in enumerate(rows)
    ], columns=RECORD_COLUMNS)
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    return frame


def test_gap_threshold():
    frame = visits([("2020-01-01", "2020-01-02", "France", ""),
                    ("2020-01-05", "2020-01-05", "Spain", ""),      # 3 days after: same
                    ("2020-01-09", "2020-01-09", "Italy", ""),      # 4 days after: new
                    ("2020-01-20", None, "Peru", "")])              # unknown end: one day
    ids = list(assign_journeys(frame)["journey_id"])
    assert ids == ["doe-2020-01", "doe-2020-01", "doe-2020-01-2", "doe-2020-01-3"]
    assert list(assign_journeys(frame, gap_days=4)["journey_id"])[:3] == ["doe-2020-01"] * 3
    assert assign_journeys(frame, gap_days=0)["journey_id"].nunique() == 4


def test_long_visit_keeps_overlapping_visits_in_one_journey():
    frame = visits([("2020-03-01", "2020-03-20", "France", ""),
                    ("2020-03-05", "2020-03-06", "Belgium", ""),
                    ("2020-03-21", "2020-03-21", "Spain", "")])
    assert assign_journeys(frame)["journey_id"].nunique() == 1


def test_labels_and_table():
    frame = visits([("2020-01-01", "2020-01-02", "France", ""),
                    ("2020-01-03", "2020-01-03", "Spain", ""),
                    ("2020-01-04", "2020-01-04", "France", "")])
    table = journey_table(frame)
    assert len(table) == 1
    row = table.iloc[0]
    # in words, not the raw id "doe-2020-01" (issue 12, item 9)
    assert row["label"] == "Doe, Jan 2020: France, Spain"
    assert row["journey_id"] == "doe-2020-01"
    assert (row["start"], row["end"], row["n_visits"]) == (pd.Timestamp("2020-01-01"),
                                                           pd.Timestamp("2020-01-04"), 3)


def test_visit_without_start_gets_no_journey():
    frame = visits([("2020-01-01", "2020-01-02", "France", ""), (None, None, "Spain", "")])
    journeys = assign_journeys(frame)
    assert journeys["journey_id"].isna().tolist() == [False, True]
    assert len(journey_table(frame)) == 1


def test_records_in_range_overlap_and_who():
    frame = pd.concat([visits([("2020-01-01", "2020-01-05", "France", "")]),
                       visits([("2020-02-01", "2020-02-01", "Peru", "")], who="roe-richard")])
    assert len(records_in_range(frame)) == 2
    assert len(records_in_range(frame, "roe-richard")) == 1
    assert len(records_in_range(frame, ["doe-jane", "roe-richard"], "2020-01-05")) == 2
    assert len(records_in_range(frame, None, "2020-01-06", "2020-01-31")) == 0
    assert len(records_in_range(frame, None, None, "2020-01-01")) == 1


def test_empty_frames():
    empty = visits([])
    assert journey_table(empty).empty
    assert country_counts(empty).empty
    assert traveler_summary(empty).empty
    chart = rows_for_chart(empty)
    assert not chart.aggregated and chart.message == ""


@pytest.fixture(scope="module")
def real() -> pd.DataFrame:
    if not SHARED_RECORDS.is_dir():
        pytest.skip(f"official record copy not found at {SHARED_RECORDS}")
    return read_records(SHARED_RECORDS).frame


def test_blinken_october_2022_is_one_journey(real):
    journeys = assign_journeys(records_in_range(real, "blinken-antony-j"))
    rows = journeys[journeys["id"].isin(["4089", "4090", "4091"])]
    assert set(rows["journey_id"]) == {"blinken-2022-10"}
    assert set(rows["journey_label"]) == {"Blinken, Oct 2022: Colombia, Chile, Peru"}
    assert (journeys["journey_id"] == "blinken-2022-10").sum() == 3


def test_real_journey_ids_are_unique_and_cover_every_visit(real):
    journeys = assign_journeys(real)
    assert journeys["journey_id"].notna().all()
    table = journey_table(journeys)
    assert table["journey_id"].is_unique
    assert table["n_visits"].sum() == len(real)
    assert len(table[table["who"] == "blinken-antony-j"]) == 81


def test_chart_rows_levels(real):
    blinken = records_in_range(real, "blinken-antony-j")
    drawn = rows_for_chart(blinken)
    assert (drawn.aggregated, drawn.level, len(drawn.frame)) == (False, "visit", 239)

    shown = rows_for_chart(blinken, limit=100)
    assert (shown.aggregated, shown.level, len(shown.frame)) == (True, "journey", 81)
    assert "239 visits" in shown.message and "81 journeys" in shown.message

    secretaries = real[real["role"] == "secretary"]
    counted = rows_for_chart(secretaries)
    assert counted.aggregated and counted.level == "country"
    assert counted.frame["visits"].sum() == len(secretaries) == 3437
    assert len(counted.frame) <= len(secretaries)
    assert "3,437 visits" in counted.message


def test_traveler_summary(real):
    summary = traveler_summary(real).set_index("who")
    assert summary.loc["blinken-antony-j", "visits"] == 239
    assert summary.loc["blinken-antony-j", "journeys"] == 81
    assert summary["visits"].sum() == len(real)
