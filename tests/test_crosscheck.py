"""Cross-check of extracted stops against the official record, and traveller matching."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.records.crosscheck import (
    CONFIRMED,
    DIFFERS,
    NOT_COVERED,
    NOT_IN_RECORD,
    check_stops,
    format_span,
    trip_record,
)
from dashboard.records.reader import read_records
from dashboard.records.traveler import match_traveler
from tests.shared_data import SEED, SHARED_RECORDS

T, NAT = pd.Timestamp, pd.NaT


@pytest.fixture(scope="module")
def records() -> pd.DataFrame:
    if not SHARED_RECORDS.is_dir():
        pytest.skip(f"official record copy not found at {SHARED_RECORDS}")
    return read_records(SHARED_RECORDS).frame


def itinerary(trip_id: str, stops: list[tuple[str, str, object, object]]) -> pd.DataFrame:
    """A frame in the tables.py itinerary shape (the columns the check reads)."""
    return pd.DataFrame({
        "trip_id": [trip_id] * len(stops),
        "stop_id": [f"{trip_id}/{i}" for i in range(len(stops))],
        "stop_index": list(range(len(stops))),
        "country_code": [s[0] for s in stops],
        "country": [s[1] for s in stops],
        "start": pd.to_datetime([s[2] for s in stops]),
        "end": pd.to_datetime([s[3] for s in stops]),
    })


SEED_STOPS = [("CO", "Colombia", "2022-10-03", None), ("CL", "Chile", "2022-10-05", "2022-10-05"),
              ("PE", "Peru", "2022-10-06", "2022-10-07")]


def by_country(check: pd.DataFrame) -> dict[str, pd.Series]:
    return {row["country_code"]: row for _, row in check.iterrows()}


def test_seed_by_hand(records):
    check = by_country(check_stops(itinerary("seed", SEED_STOPS), records, "Antony Blinken"))
    assert check["CO"]["status"] == CONFIRMED
    assert check["CO"]["record_id"] == "4089"
    assert check["CO"]["record_end"] == T("2022-10-04")
    assert "no end date" in check["CO"]["note"]
    assert check["CL"]["status"] == CONFIRMED
    assert check["CL"]["record_id"] == "4090"
    assert check["CL"]["record_locale"] == "Santiago"
    assert check["PE"]["status"] == DIFFERS
    assert check["PE"]["record_id"] == "4091"
    assert check["PE"]["note"] == "article: 6–7 Oct 2022; record: Lima, 6 Oct 2022 only"
    assert check["PE"]["who"] == "blinken-antony-j"


def test_seed_as_extracted(records):
    extraction = pytest.importorskip("dashboard.extraction")
    if not hasattr(extraction, "extract_trip_from_file"):
        pytest.skip("the extractor (extract_trip_from_file) has not landed yet")
    from dashboard.tables import build_tables

    trip = extraction.extract_trip_from_file(SEED)
    tables = build_tables([trip])
    check = by_country(check_stops(tables.itinerary, records, trip.traveler, trip.published))
    assert check["CO"]["status"] == CONFIRMED
    assert check["CL"]["status"] == CONFIRMED
    assert check["PE"]["status"] == DIFFERS


@pytest.mark.parametrize("traveler", ["Antony Blinken", "Secretary of State Antony J. Blinken",
                                      "Blinken", "Tony Blinken"])
def test_traveller_spellings(records, traveler):
    check = check_stops(itinerary("seed", SEED_STOPS), records, traveler)
    assert list(check["status"]) == [CONFIRMED, CONFIRMED, DIFFERS]


def test_nearby_but_different_day_differs_and_far_is_not_in_record(records):
    # Kerry: the article's Paris on 30 November; the record has Paris on 1 December 2015.
    stops = [("FR", "France", "2015-11-30", "2015-11-30"), ("RS", "Serbia", "2015-12-03", None),
             ("JP", "Japan", "2015-12-02", "2015-12-02")]
    check = by_country(check_stops(itinerary("k", stops), records, "John Kerry"))
    assert check["FR"]["status"] == DIFFERS
    assert check["FR"]["record_start"] == T("2015-12-01")
    assert check["RS"]["status"] == CONFIRMED
    assert check["JP"]["status"] == NOT_IN_RECORD
    assert pd.isna(check["JP"]["record_id"])


def test_undated_stops_match_within_the_trip_window(records):
    stops = [("JP", "Japan", "2017-11-05", "2017-11-07"), ("KR", "South Korea", None, None),
             ("MM", "Myanmar", None, None), ("FR", "France", None, None)]
    check = by_country(check_stops(itinerary("t", stops), records, "Rex Tillerson"))
    assert check["JP"]["status"] == CONFIRMED
    assert check["KR"]["status"] == CONFIRMED and check["KR"]["record_locale"] == "Seoul"
    assert check["MM"]["status"] == CONFIRMED and check["MM"]["record_start"] == T("2017-11-15")
    assert check["FR"]["status"] == NOT_IN_RECORD


def test_undated_trip_uses_the_publication_date(records):
    stops = [("KR", "South Korea", None, None), ("CN", "China", None, None)]
    no_date = check_stops(itinerary("t", stops), records, "Rex Tillerson")
    assert list(no_date["status"]) == [NOT_IN_RECORD, NOT_IN_RECORD]
    assert "nothing to look up" in no_date["note"].iloc[0]
    dated = check_stops(itinerary("t", stops), records, "Rex Tillerson",
                        published=T("2017-11-01"))
    assert list(dated["status"]) == [CONFIRMED, CONFIRMED]
    assert list(dated["record_id"]) == ["3763", "3764"]


def test_traveller_not_in_record(records):
    """A traveller the record does not cover is not a missing visit (issue 12, item 9)."""
    check = check_stops(itinerary("s", [("IS", "Iceland", "2023-05-16", "2023-05-16")]),
                        records, "Rishi Sunak")
    assert list(check["status"]) == [NOT_COVERED]
    assert check["note"].iloc[0] == ("no traveller named Sunak in the record: the record "
                                     "covers U.S. presidents and secretaries of state")
    missing = check_stops(itinerary("s", SEED_STOPS), records, None)
    assert set(missing["status"]) == {NOT_IN_RECORD}


def test_empty_itinerary(records):
    check = check_stops(itinerary("e", []), records, "Blinken")
    assert check.empty and "status" in check.columns


def test_trip_record_lane(records):
    lane = trip_record(itinerary("seed", SEED_STOPS), records, "Blinken")
    assert sorted(lane["id"]) == ["4089", "4090", "4091"]


@pytest.mark.parametrize(("name", "dates", "who"), [
    ("Antony Blinken", ["2022-10-03"], "blinken-antony-j"),
    ("Secretary of State Antony J. Blinken", [], "blinken-antony-j"),
    ("President Biden", ["2023-07-09"], "biden-joseph-r"),
    ("Rex Tillerson", ["2017-11-05"], "tillerson-rex-w"),
    ("John Kerry", ["2015-12-01"], "kerry-john-forbes"),
    ("President Bush", ["2003-06-01"], "bush-george-w"),
    ("President Bush", ["1990-06-01"], "bush-george-h-w"),
    ("George W. Bush", [], "bush-george-w"),
    ("Clinton", ["2010-05-05"], "clinton-hillary-rodham"),
    ("Clinton", ["1995-05-05"], "clinton-william-j"),
    ("Bill Clinton", [], "clinton-william-j"),
    ("John Kerry", ["2021-03-01"], None),          # climate envoy, not secretary
    ("Vice President Biden", ["2015-01-01"], None),
    ("Biden", ["2015-06-01"], None),
    ("George Bush", [], None),                     # two of them; no dates to choose
    ("Rishi Sunak", ["2023-05-16"], None),
    ("", [], None),
])
def test_match_traveler(records, name, dates, who):
    match = match_traveler(name, records, dates)
    assert match.who == who, match.note
    assert match.note


def test_format_span():
    assert format_span(T("2022-10-06"), T("2022-10-06")) == "6 Oct 2022"
    assert format_span(T("2022-10-06"), T("2022-10-07")) == "6–7 Oct 2022"
    assert format_span(T("2015-11-30"), T("2015-12-01")) == "30 Nov – 1 Dec 2015"
    assert format_span(T("2022-10-03"), NAT) == "3 Oct 2022 – ?"
    assert format_span(None, None) == "no date"


def test_record_lane_carries_the_stop_status(records):
    from dashboard.records.crosscheck import record_lane

    stops = [("CO", "Colombia", "2022-10-03", None), ("PE", "Peru", "2022-10-06", "2022-10-07")]
    lane = record_lane(itinerary("seed", stops), records, "Antony Blinken")
    assert list(zip(lane["id"], lane["status"], strict=True)) == [
        ("4089", CONFIRMED), ("4090", "only in the record"), ("4091", DIFFERS)]
    assert record_lane(itinerary("s", stops), records, "Rishi Sunak").empty


def test_no_records_at_all():
    from dashboard.records.reader import empty_records

    check = check_stops(itinerary("seed", SEED_STOPS), empty_records(), "Antony Blinken")
    assert list(check["status"]) == [NOT_IN_RECORD] * 3
    assert check["note"].iloc[0] == "no traveller named Blinken in the record"
