"""Record views: map points and paths, timeline levels, aggregation messages, the table,
and the Official record page (AppTest)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pydeck as pdk
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.records import settings
from dashboard.records.cache import folder_signature
from dashboard.records.journeys import records_in_range
from dashboard.records.reader import read_records
from dashboard.views.record_views import (
    build_record_deck,
    locale_cities,
    locate,
    record_map_data,
    record_table,
    record_timeline,
)
from tests.shared_data import SHARED_RECORDS

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "dashboard" / "app_pages" / "records.py"


@pytest.fixture(scope="module")
def real() -> pd.DataFrame:
    if not SHARED_RECORDS.is_dir():
        pytest.skip(f"official record copy not found at {SHARED_RECORDS}")
    return read_records(SHARED_RECORDS).frame


def test_locale_cities():
    assert locale_cities("Danang, Hanoi") == ["Danang", "Hanoi"]
    assert locale_cities("Brussels (NATO)") == ["Brussels"]
    assert locale_cities(None) == []


def test_locate_city_then_capital():
    lat, lon, basis = locate("Bogota", "CO")
    assert basis == "Bogota" and 4 < lat < 5 and -75 < lon < -74
    lat, lon, basis = locate("Danang, Hanoi", "VN")
    assert basis == "Danang" and 15 < lat < 17
    assert locate("Nowhere-in-particular", "PE")[2] == "capital"
    assert locate(None, "XK") is not None  # countryinfo lacks Kosovo; GeoNames has Pristina
    assert locate("Moscow", None)[2] == "Moscow"  # U.S.S.R. visits: no country code
    assert locate("Xyzzyville", None) is None


def test_blinken_map_draws_every_visit(real):
    blinken = records_in_range(real, "blinken-antony-j")
    data = record_map_data(blinken)
    assert not data.aggregated and data.message == "" and data.unplaced == 0
    assert len(data.points) == 239
    lima = data.points[data.points["id"] == "4091"].iloc[0]
    assert -13 < lima["lat"] < -11
    assert lima["journey_id"] == "blinken-2022-10"
    assert "<b>Lima, Peru</b>" in lima["tooltip"]
    october = data.paths[data.paths["journey_id"] == "blinken-2022-10"].iloc[0]
    assert len(october["path"]) == 3
    deck = build_record_deck(data)
    assert isinstance(deck, pdk.Deck)
    assert [layer.id for layer in deck.layers][-2:] == ["record-journeys", "record-points"]


def test_all_visits_map_is_aggregated_with_a_message(real):
    data = record_map_data(real)
    assert data.aggregated
    assert len(data.points) < 250
    assert data.points["visits"].sum() + data.unplaced == len(real)
    assert data.message.startswith("4,269 visits are too many to draw one by one (limit 400)")


def test_tooltips_are_escaped():
    frame = pd.DataFrame([{
        "id": "1", "role": "secretary", "who": "doe-jane", "name": "Jane Doe",
        "start": pd.Timestamp("2020-01-01"), "end": pd.Timestamp("2020-01-02"),
        "country": "France", "country_id": None, "country_code": "FR",
        "locale": "<script>alert(1)</script>", "remarks": None, "source_file": "x.xml"}])
    data = record_map_data(frame)
    assert "<script>" not in data.points["tooltip"].iloc[0]
    assert "&lt;script&gt;" in data.points["tooltip"].iloc[0]


def test_timeline_levels(real):
    blinken = record_timeline(records_in_range(real, "blinken-antony-j"))
    assert (blinken.level, blinken.aggregated, blinken.message) == ("visit", False, "")
    # one trace for all 239 visits, not a trace per visit
    assert len(blinken.figure.data) == 1 and len(blinken.figure.data[0].y) == 239
    lanes = blinken.figure.layout.yaxis.categoryarray
    # readable lanes: one traveller, so no name; never the raw id "blinken-2022-10"
    assert len(lanes) == 81 and "Oct 2022: Colombia, Chile, Peru" in lanes
    assert not any("blinken-" in lane for lane in lanes)

    kerry = record_timeline(records_in_range(real, "kerry-john-forbes"), limit=100)
    assert kerry.level == "journey" and kerry.aggregated
    assert "348 visits are too many" in kerry.message

    secretaries = record_timeline(real[real["role"] == "secretary"])
    assert secretaries.level == "year" and secretaries.aggregated
    assert "3,437 visits in 1,004 journeys" in secretaries.message
    assert sum(sum(trace.y) for trace in secretaries.figure.data) == 3437
    # a legend, and the travellers with the most visits plus "Others", not 80 colours
    names = [trace.name for trace in secretaries.figure.data]
    assert len(names) == 8 and names[-1] == "Others"
    assert all(trace.showlegend for trace in secretaries.figure.data)


def test_record_table(real):
    table = record_table(records_in_range(real, "blinken-antony-j", "2022-10-01", "2022-10-31"))
    assert list(table["id"]) == ["4089", "4090", "4091", "4092"]
    assert list(table["journey_id"][:3]) == ["blinken-2022-10"] * 3


def test_folder_signature_changes_with_files(tmp_path):
    assert folder_signature(tmp_path) == ()
    (tmp_path / "a.xml").write_text("<trips/>")
    first = folder_signature(tmp_path)
    (tmp_path / "a.xml").write_text("<trips></trips>")
    assert folder_signature(tmp_path) != first


def test_page_without_records_says_so(monkeypatch, tmp_path):
    monkeypatch.delenv(settings.ENV_VAR, raising=False)
    monkeypatch.setattr(settings, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(settings, "DEV_SHARED_DIR", tmp_path / "shared")
    at = AppTest.from_file(str(PAGE), default_timeout=60).run()
    assert not at.exception
    assert "No official travel record is configured" in at.info[0].value
    assert "python -m dashboard.records download" in at.info[0].value


def test_page_with_missing_folder_warns(monkeypatch, tmp_path):
    monkeypatch.setenv(settings.ENV_VAR, str(tmp_path / "missing"))
    at = AppTest.from_file(str(PAGE), default_timeout=60).run()
    assert not at.exception
    assert "does not exist" in at.warning[0].value


def test_page_with_records(monkeypatch, real):
    monkeypatch.setenv(settings.ENV_VAR, str(SHARED_RECORDS))
    at = AppTest.from_file(str(PAGE), default_timeout=120).run()
    assert not at.exception
    # 91 Historian names, 89 countries: "Korea, South" and "Korea, Republic of" are both KR,
    # "Palestinian Authority" and "West Bank" both PS.
    assert [m.value for m in at.metric] == ["239", "81", "89"]
    assert at.dataframe[0].value.shape[0] == 239
    at.selectbox(key="records_page_who").set_value("group:secretary").run()
    assert not at.exception
    assert at.metric[0].value == "3,437"
    assert any("too many to draw" in info.value for info in at.info)


def test_unwrap_path_crosses_the_pacific():
    from dashboard.views.record_views import unwrap_path

    fiji_to_sydney = unwrap_path([[178.4, -18.1], [-171.8, -13.8], [151.2, -33.9]])
    assert fiji_to_sydney == [[178.4, -18.1], [188.2, -13.8], [151.2, -33.9]]


def test_short_range_draws_bars_long_range_dots(real):
    import plotly.graph_objects as go

    blinken = records_in_range(real, "blinken-antony-j")
    october = record_timeline(records_in_range(blinken, None, "2022-10-01", "2022-10-31"))
    assert {type(t) for t in october.figure.data} == {go.Bar}
    assert list(october.figure.data[0].text)[:3] == ["CO", "CL", "PE"]
    whole = record_timeline(blinken)
    assert {type(t) for t in whole.figure.data} == {go.Scatter}


def synthetic_record(visits: int = 500) -> pd.DataFrame:
    """Many travellers' visits, with two Historian names for one ISO country."""
    rows = []
    for n in range(visits):
        who = f"traveller{n % 12}-a"
        country, code = [("Germany", "DE"), ("West Germany", "DE"), ("Japan", "JP"),
                         ("U.S.S.R.", None), ("Peru", "PE")][n % 5]
        day = pd.Timestamp("1950-01-01") + pd.Timedelta(days=37 * n)
        rows.append({"id": str(n), "role": "secretary", "who": who,
                     "name": f"Traveller {n % 12} A", "start": day, "end": day,
                     "country": country, "country_code": code,
                     "locale": "Moscow" if code is None else None, "remarks": None})
    return pd.DataFrame(rows)


def test_country_count_and_map_circles_agree_and_the_year_chart_has_a_legend():
    """'Countries 175' beside 'one circle per country (195)'; 8 colours for ~100 travellers
    with no legend (issue 12, item 9)."""
    from dashboard.views.record_views import country_key

    frame = synthetic_record()
    data = record_map_data(frame, limit=100)
    countries = country_key(frame).nunique()
    assert countries == 4  # DE (two names), JP, PE, the U.S.S.R. by name
    assert len(data.points) == countries
    assert f"one circle per country ({countries})" in data.message
    chart = record_timeline(frame, limit=20)
    assert chart.level == "year"
    names = [trace.name for trace in chart.figure.data]
    assert len(names) == 8 and names[-1] == "Others" and "Traveller 0 A" in names
    assert all(trace.showlegend for trace in chart.figure.data)
    assert sum(sum(trace.y) for trace in chart.figure.data) == 500
    assert "the other 5" in chart.message
