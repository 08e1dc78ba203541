"""The share link and the download buttons, in Streamlit's AppTest (no browser)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.components.share import _deferred
from dashboard.export.json_export import to_json, trips_from_texts
from dashboard.filters import Selection, apply_selection
from dashboard.tables import article_paths, build_tables, load_trips

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def share_app() -> None:
    import streamlit as st

    from dashboard.components.share import share_link
    from dashboard.filters import Selection

    countries = tuple(st.query_params.get_all("country"))
    share_link(Selection(countries=countries, topics=("migration",)))


def downloads_app() -> None:
    import streamlit as st
    from export_fixtures import export_tables, export_trips

    from dashboard.components.share import download_buttons
    from dashboard.filters import Selection, apply_selection

    countries = tuple(st.query_params.get_all("country"))
    selection = Selection(countries=countries)
    download_buttons(apply_selection(export_tables(), selection), selection,
                     trips=export_trips(), key="test", columns=5)


def test_share_link_is_built_from_the_visitors_address() -> None:
    at = AppTest.from_function(share_app)
    at.context["url"] = "https://news.example.org/trips/data"  # behind a proxy, on a page
    at.query_params["country"] = ["CL", "PE"]
    at.query_params["tab"] = "events"  # a parameter the filters do not own survives
    at.run()
    assert not at.exception
    assert at.code[0].value == ("https://news.example.org/trips/data"
                                "?country=CL&country=PE&tab=events&topic=migration")
    assert at.code[0].language in (None, "", "text", "plaintext")


def test_share_link_without_a_browser_address_gives_the_query() -> None:
    at = AppTest.from_function(share_app)
    at.query_params["country"] = "CL"
    at.run()
    assert not at.exception
    assert at.code[0].value == "?country=CL&topic=migration"
    assert "Add this to the dashboard's address" in at.caption[0].value


def test_one_download_button_per_format() -> None:
    at = AppTest.from_function(downloads_app)
    at.run()
    assert not at.exception
    # row by row, in reading (and tab) order
    assert [b.label for b in at.download_button] == [
        "CSV", "CSV (plain)", "GeoJSON", "Calendar", "JSON", "HTML report"]
    captions = " ".join(c.value for c in at.caption)
    assert "Canada" in captions  # undated and unplaced stops are named beside the buttons


def test_download_buttons_of_an_empty_selection_say_so() -> None:
    at = AppTest.from_function(downloads_app)
    at.query_params["country"] = "FR"
    at.run()
    assert not at.exception
    assert len(at.download_button) == 6
    assert any("No stops match" in c.value.replace("\\", "") for c in at.caption)


def test_deferred_download_makes_the_file_of_the_selection() -> None:
    from export_fixtures import export_tables, export_trips

    selection = Selection(countries=("CL",))
    view = apply_selection(export_tables(), selection)
    data = _deferred("json", view, selection, export_trips(), None)()
    trips = json.loads(data)["trips"]
    assert [[s["country_code"] for s in t["stops"]] for t in trips] == [["CL"]]


@pytest.mark.skipif(not any(SEEDS.glob("*.txt")), reason="no seed article in seeds/")
def test_json_download_without_trips_extracts_them_again_identically() -> None:
    trips, errors = load_trips(article_paths(SEEDS))
    tables = build_tables(trips, errors)
    view = apply_selection(tables, Selection(countries=("PE",)))
    assert to_json(trips_from_texts(view), view) == to_json(trips, view)
    assert _deferred("json", view, None, None, None)() == to_json(trips, view).encode()
