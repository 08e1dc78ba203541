"""Merged trips in the tables, filters and exports: sources per stop, conflicts never crash."""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard.export import FORMATS, render_export
from dashboard.export.json_export import trips_from_texts
from dashboard.extraction import extract_trip_from_file
from dashboard.filters import Selection, apply_selection
from dashboard.merging import merge_articles
from dashboard.tables import build_tables, load_tables

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "merging"
CHILE = sorted(FIXTURES.glob("chile_*.txt"))


@pytest.fixture(scope="module")
def merged():
    return merge_articles([extract_trip_from_file(p) for p in CHILE])


@pytest.fixture(scope="module")
def tables(merged):
    return build_tables(merged)


def test_tables_carry_sources_and_conflicts(tables):
    assert len(tables.trips) == 1 and tables.trips["n_sources"].iloc[0] == 2
    assert len(tables.sources) == 2 and set(tables.texts) == set(tables.sources["source_id"])
    (stop,) = tables.itinerary.to_dict("records")
    assert stop["n_sources"] == 2 and sorted(stop["sources"]) == sorted(tables.sources["source_id"])
    assert len(stop["conflicts"]) == 1 and "Sources disagree on the dates" in stop["conflicts"][0]
    (conflict,) = tables.conflicts.to_dict("records")
    assert conflict["field"] == "dates" and len(conflict["values"]) == 2
    said = {v["value"]: v["sentence"] for v in conflict["values"]}
    assert "Wednesday" in said["2022-10-05"] and "Thursday" in said["2022-10-06"]
    # Every article's highlights point at the merged stop, tagged with their own source.
    by_source = tables.mentions.dropna(subset=["stop_index"]).groupby("source_id")
    assert {s: set(g["stop_index"]) for s, g in by_source} == {
        s: {0} for s in tables.sources["source_id"]}


def test_a_filter_keeps_every_source_text_of_the_trips_in_view(tables):
    view = apply_selection(tables, Selection(countries=("CL",)))
    assert set(view.texts) == set(tables.sources["source_id"])
    assert len(view.sources) == 2 and len(view.conflicts) == 1
    empty = apply_selection(tables, Selection(countries=("PE",)))
    assert empty.texts == {} and empty.conflicts.empty and empty.sources.empty


@pytest.mark.parametrize("format_name", list(FORMATS))
def test_a_conflict_never_breaks_an_export(tables, merged, format_name):
    export = render_export(format_name, tables, trips=merged)
    assert export.content


def test_csv_has_a_sources_and_a_conflicts_column(tables, merged):
    rows = list(csv.DictReader(io.StringIO(render_export("csv", tables).content)))
    assert len(rows) == 1
    assert sorted(rows[0]["sources"].split("; ")) == sorted(tables.sources["source_id"])
    assert "5 Oct 2022" in rows[0]["conflicts"] and "6 Oct 2022" in rows[0]["conflicts"]


def test_json_lists_the_sources_of_every_fact_from_merged_or_re_extracted_trips(tables, merged):
    from_merged = json.loads(render_export("json", tables, trips=merged).content)
    again = json.loads(render_export("json", tables, trips=trips_from_texts(tables)).content)
    for document in (from_merged, again):
        (trip,) = document["trips"]
        (stop,) = trip["stops"]
        assert len(stop["sources"]) == 2
        assert {s["source"] for f in stop["facts"]["leaders"] for s in f["sources"]} == set(
            stop["sources"])
        assert trip["conflicts"][0]["field"] == "dates"
    assert from_merged == again


def test_the_folder_loader_merges_and_reads_trips_toml(tmp_path):
    for path in CHILE:
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert len(load_tables(tmp_path).trips) == 1
    (tmp_path / "trips.toml").write_text('[[split]]\narticles = ["chile_wednesday.txt"]\n'
                                         '[[join]]\narticles = "x"\n', encoding="utf-8")
    split = load_tables(tmp_path)
    assert len(split.trips) == 2 and split.conflicts.empty
    assert any("join #1 ignored" in n for n in split.notes)


def test_the_record_check_runs_on_the_merged_trip_and_names_who_it_agrees_with(tables):
    from dashboard.records.reader import _typed
    from dashboard.records.trip_checks import check_all_trips

    records = _typed(pd.DataFrame([{
        "id": "t1", "role": "secretary", "who": "blinken-antony-john",
        "name": "Antony John Blinken", "start": "2022-10-05", "end": "2022-10-05",
        "country": "Chile", "country_code": "CL", "locale": "Santiago",
    }]))
    (row,) = check_all_trips(tables, records).stops.to_dict("records")
    assert row["stop_id"] == tables.itinerary["stop_id"].iloc[0]
    assert row["status"] == "differs"  # the merged stop spans 5-6 Oct, the record 5 Oct
    assert row["note"].endswith("the record agrees with chile_wednesday.txt"), row["note"]
    # The articles' conflict itself stays open.
    assert tables.conflicts["resolved_by"].isna().all()


def test_the_html_report_cites_each_article_and_shows_the_conflict(tables):
    report = render_export("html", tables).content
    assert "⚠" in report and "Sources disagree on the dates in Chile" in report
    assert "3 sources" not in report and "2 sources" in report
    # One list of cited sentences per article, each under that article's own title.
    for title in tables.sources["title"]:
        assert f"<h3>{title}</h3>" in html.unescape(report), title
    assert "on Thursday to meet Foreign Minister" in report


def test_geojson_and_calendar_carry_the_sources_and_the_conflict(tables):
    import icalendar

    (stop,) = [f for f in json.loads(render_export("geojson", tables).content)["features"]
               if f["properties"]["kind"] == "stop"]
    assert sorted(stop["properties"]["sources"]) == sorted(tables.sources["source_id"])
    assert "Sources disagree" in stop["properties"]["conflicts"][0]
    calendar = icalendar.Calendar.from_ical(render_export("ics", tables).content)
    (event,) = calendar.walk("VEVENT")
    description = str(event["DESCRIPTION"])
    assert "Reported by 2 articles" in description and "Conflict: Sources disagree" in description
