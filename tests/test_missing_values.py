"""Missing values and out-of-range dates in the tables (issue 12, items 16 and 17)."""

from __future__ import annotations

import math
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.records import read_records
from dashboard.records.trip_checks import check_all_trips
from dashboard.tables import TripTables, load_tables
from dashboard.uploads import extract_upload, merge_uploads

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard" / "app.py")
# (no one named: the parse reads "Blinken arrived in ..." as its traveller, as it should)
NO_TRAVELLER = "The delegation arrived in Bogota, Colombia on Monday."
KERRY = ("Title: Kerry to Paris\nDate: 2015-11-24\n\n"
         "Secretary of State John Kerry will travel to Paris, France, on November 30.\n")


def write_records(folder: Path, *visits: tuple[str, str, str, str]) -> Path:
    """A travels file of the Historian's format: (id, start, end, country) per visit."""
    folder.mkdir(parents=True, exist_ok=True)
    trips = "\n".join(
        f'<trip role="secretary" who="blinken-antony-john"><id>{id_}</id>'
        f"<role>secretary</role><name>Antony J. Blinken</name><start-date>{start}"
        f"</start-date><end-date>{end}</end-date><country id=\"x\">{country}</country>"
        f"<locale>Somewhere</locale><remarks>Met people.</remarks></trip>"
        for id_, start, end, country in visits)
    (folder / "blinken.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<trips>\n{trips}\n</trips>\n',
        encoding="utf-8")
    return folder


def _uploads(*texts: str) -> TripTables:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trips = [extract_upload(f"pasted-{n}", text) for n, text in enumerate(texts)]
    return merge_uploads(load_tables(ROOT / "seeds"), trips)


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def test_text_columns_hold_none_not_nan_after_uploads() -> None:
    """Issue 12 item 17: an upload with no traveller next to one with a traveller put NaN
    (a float) in the traveler column."""
    tables = _uploads(NO_TRAVELLER, KERRY)
    assert list(tables.trips["traveler"]) == ["Antony Blinken", None, "John Kerry"]
    for frame in (tables.trips, tables.itinerary, tables.events, tables.topics,
                  tables.sentences, tables.mentions):
        for col in frame.columns:
            assert not any(_is_nan(v) for v in frame[col] if not isinstance(v, list)), col


def test_the_record_check_takes_a_trip_without_a_traveller(tmp_path: Path) -> None:
    records = read_records(write_records(tmp_path / "records",
                                         ("1", "2022-10-03", "2022-10-04", "Colombia"))).frame
    checks = check_all_trips(_uploads(NO_TRAVELLER, KERRY), records)
    assert len(checks.stops) == 5  # three seed stops, one of each upload


def _add(at: AppTest, text: str) -> None:
    at.text_area[0].set_value(text)
    next(b for b in at.button if b.label == "Add").click()
    at.run()


@pytest.mark.parametrize("page", ["app_pages/overview.py", "app_pages/data.py",
                                  "app_pages/add_article.py"])
def test_an_upload_without_a_traveller_then_another_keeps_every_page_working(
        monkeypatch, tmp_path: Path, page: str) -> None:
    monkeypatch.setenv("TRIP_RECORDS_DIR", str(write_records(
        tmp_path / "records", ("1", "2022-10-03", "2022-10-04", "Colombia"))))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/add_article.py").run()
    _add(at, NO_TRAVELLER)
    _add(at, KERRY)
    assert not at.exception, at.exception[0].value if at.exception else ""
    at.switch_page(page).run()
    assert not at.exception, at.exception[0].value


OUT_OF_RANGE = ("Title: Far away\nDate: {year}-10-04\n\nSecretary of State Antony Blinken "
                "will travel to Colombia on Monday.\n")


@pytest.mark.parametrize("year", [2300, 1600])
def test_an_article_dated_outside_pandas_range_is_refused_with_a_message(year: int) -> None:
    """Issue 12 item 16: a stop in 2300 or 1600 raised OutOfBoundsDatetime on every page."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_upload("far.txt", OUT_OF_RANGE.format(year=year))
    assert trip.warnings[0] == (f"far.txt: publication date {year}-10-04 is outside the dates "
                                "this dashboard handles (1678-01-01 to 2261-12-31); left unknown")
    assert trip.published is None
    assert [(s.country_code, s.start) for s in trip.stops] == [("CO", None)]


def test_a_record_visit_in_3000_is_left_undated_with_a_note(tmp_path: Path) -> None:
    records = read_records(write_records(tmp_path / "r", ("1", "3000-01-01", "3000-01-02",
                                                          "Colombia"),
                                         ("2", "2022-10-03", "2022-10-04", "Colombia")))
    assert list(records.frame["id"]) == ["2", "1"]
    assert records.frame["start"].dtype == "datetime64[ns]"
    assert any("start date 3000-01-01 is outside the dates this dashboard handles" in w
               for w in records.warnings)


def test_records_summary_with_a_visit_in_3000_prints_no_traceback(tmp_path: Path) -> None:
    folder = write_records(tmp_path / "r", ("1", "3000-01-01", "3000-01-02", "Colombia"))
    done = subprocess.run([sys.executable, "-m", "dashboard.records", "summary", "--records",
                           str(folder), "--verbose"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr[-1500:]
    assert done.returncode == 0
    assert "3000-01-01 is outside the dates" in done.stdout + done.stderr


@pytest.mark.parametrize("year", [2300, 1600])
def test_every_page_works_with_an_out_of_range_upload_and_record(
        monkeypatch, tmp_path: Path, year: int) -> None:
    monkeypatch.setenv("TRIP_RECORDS_DIR", str(write_records(
        tmp_path / "records", ("1", "3000-01-01", "3000-01-02", "Colombia"),
        ("2", "2022-10-03", "2022-10-04", "Colombia"))))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/add_article.py").run()
    _add(at, OUT_OF_RANGE.format(year=year))
    assert not at.exception, at.exception[0].value
    assert any("outside the dates this dashboard handles" in i.value for i in at.info)
    for page in ("app_pages/overview.py", "app_pages/data.py", "app_pages/records.py"):
        at.switch_page(page).run()
        assert not at.exception, f"{page}: {at.exception[0].value}"


def test_the_extractor_leaves_stop_and_event_days_outside_the_range_unknown() -> None:
    from datetime import date

    from dashboard.date_range import drop_out_of_range_dates
    from dashboard.models import Article, Event, Evidence, Stop, Trip

    text = "Title: Far away\n\nThe envoy will travel to Bogota.\n"
    said = Evidence(sentence="The envoy will travel to Bogota.", start=17, end=49)
    trip = Trip(id="far", article=Article(path="far.txt", text=text, body_start=17),
                stops=[Stop(index=0, country_code="CO", country="Colombia",
                            start=date(2300, 1, 2), end=date(2023, 5, 1), evidence=[said])],
                events=[Event(kind="meeting", label="Talks", date=date(1600, 3, 4),
                              stop_index=0, evidence=said)])
    assert drop_out_of_range_dates(trip) is trip
    assert (trip.stops[0].start, trip.stops[0].end, trip.events[0].date) == (
        None, date(2023, 5, 1), None)
    assert trip.warnings == [
        "far.txt: Colombia: start date 2300-01-02 is outside the dates this dashboard handles "
        "(1678-01-01 to 2261-12-31); left unknown",
        "far.txt: Talks: date 1600-03-04 is outside the dates this dashboard handles "
        "(1678-01-01 to 2261-12-31); left unknown"]
