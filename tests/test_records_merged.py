"""The official-record check runs on the merged trip: in the app's tables (also after a
reader's split, which the cached check follows) and in `python -m dashboard.records check`
given several files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from merging_fixtures import shared_statement

from dashboard.extraction import extract_trip_from_file
from dashboard.merging import merge_articles
from dashboard.merging.decisions import GroupingDecision, article_key
from dashboard.records.cache import tables_key
from dashboard.records.reader import read_records
from dashboard.records.trip_checks import check_all_trips
from dashboard.tables import build_tables
from tests.shared_data import SEED, SHARED_RECORDS

ROOT = Path(__file__).resolve().parents[1]
STATEMENT = shared_statement()
needs_shared = pytest.mark.skipif(
    not (SHARED_RECORDS.is_dir() and STATEMENT.is_file()),
    reason=f"../shared records or articles are absent ({SHARED_RECORDS}, {STATEMENT})")


@pytest.fixture(scope="module")
def articles():
    return [extract_trip_from_file(SEED), extract_trip_from_file(STATEMENT)]


@needs_shared
def test_the_app_checks_the_merged_trip_and_follows_a_split(articles) -> None:
    records = read_records(SHARED_RECORDS).frame
    merged = build_tables(merge_articles(articles))
    checks = check_all_trips(merged, records)
    assert merged.trips["n_sources"].tolist() == [2]
    statuses = dict(zip(checks.stops["country_code"], checks.stops["status"], strict=True))
    assert statuses["CO"] == statuses["CL"] == "confirmed"
    assert len(checks.stops) == 3  # one check per merged stop, not one per article's stop

    split = build_tables(merge_articles(articles, decisions=[
        GroupingDecision("split", (article_key(articles[1]),))]))
    assert len(split.trips) == 2
    assert tables_key(split) != tables_key(merged)  # the cached check is computed again
    assert check_all_trips(split, records).stops["trip_id"].nunique() == 2


@needs_shared
def test_the_command_line_checks_the_trip_several_files_form() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dashboard.records", "check", str(SEED), str(STATEMENT),
         "--records", str(SHARED_RECORDS)],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    (trip,) = result["trips"]
    assert sorted(Path(f).name for f in trip["files"]) == sorted([SEED.name, STATEMENT.name])
    assert [s["country_code"] for s in trip["stops"]] == ["CO", "CL", "PE"]
    colombia = trip["stops"][0]
    assert colombia["status"] == "confirmed" and colombia["record"]["id"] == "4089"
    assert len(colombia["sources"]) == 2
