"""Issue 12 item 6: the highlighted stop belongs in the link (stop=<id>), checked like the
filters, and the link's filters reach the widgets on every page."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.test_app import SEED_TRIP, app, url, view, warnings

CHILE = f"{SEED_TRIP}/1"


def test_a_link_with_a_stop_highlights_it() -> None:
    at = app({"stop": CHILE})
    assert not at.exception
    assert at.selectbox(key="selected_stop_id").value == CHILE
    assert view(at).selected_stop_id == CHILE
    assert url(at, "stop") == [CHILE]
    assert not at.warning


def test_an_unknown_or_hidden_stop_is_dropped_with_a_notice() -> None:
    at = app({"stop": "no-such-trip/9"})
    assert not at.exception
    assert "Ignored stop 'no-such-trip/9'" in warnings(at)
    assert url(at, "stop") == []
    # a real stop that the link's own country filter hides is not highlighted either
    at = app({"country": "PE", "stop": CHILE})
    assert "Ignored stop" in warnings(at)
    assert view(at).selected_stop_id is None
    assert url(at, "country") == ["PE"] and url(at, "stop") == []


def test_highlighting_a_stop_puts_it_in_the_url_and_it_survives_a_page_switch() -> None:
    at = app()
    at.selectbox(key="selected_stop_id").select(CHILE).run()
    assert url(at, "stop") == [CHILE]
    at.switch_page("app_pages/data.py").run()
    assert not at.exception
    assert url(at, "stop") == [CHILE]
    at.switch_page("app_pages/overview.py").run()
    assert at.selectbox(key="selected_stop_id").value == CHILE
    at.selectbox(key="selected_stop_id").select("").run()
    assert url(at, "stop") == []


def test_the_link_filters_reach_the_widgets_after_a_page_switch_with_an_empty_address() -> None:
    # What the browser does on a nav click: the new page's run gets no query string.
    at = AppTest.from_file(str(__import__("tests.test_app", fromlist=["APP"]).APP),
                           default_timeout=120)
    at.query_params["country"] = ["CO", "PE"]
    at.run()
    at.query_params.clear()
    at.switch_page("app_pages/topics.py").run()
    assert not at.exception
    assert at.sidebar.multiselect(key="filter_country").value == ["CO", "PE"]
    assert url(at, "country") == ["CO", "PE"]
