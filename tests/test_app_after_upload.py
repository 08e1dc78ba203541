"""Issue 12 item 10: after adding an article, the sidebar, the URL, the header and the
tables describe the new trip in words, with no stale count, stray date or raw "None"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
ADD_PAGE = "app_pages/add_article.py"
# Untitled, two stops, later than the seed (so the date span of all trips grows), and the
# first stop's end is not said (only the arrival; "On Thursday he travelled to Lima" would
# end it that day, by the end-date convention, so Lima's day is a meeting's).
LATER_TRIP = ("Secretary of State Antony Blinken arrived in Bogota, Colombia on Monday "
              "for talks on migration.\n\n"
              "On Thursday he met President Dina Boluarte in Lima, Peru.\n")


@pytest.fixture(scope="module")
def added() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(ADD_PAGE).run()
    next(d for d in at.date_input if d.label.startswith("Publication date")).set_value(
        date(2023, 3, 4))
    at.text_area[0].set_value(LATER_TRIP)
    next(b for b in at.button if b.label == "Add").click()
    at.run()
    assert not at.exception
    return at


def url(at: AppTest, name: str) -> list[str]:
    value = at.query_params.get(name, [])
    return [value] if isinstance(value, str) else list(value)


def new_trip_id(at: AppTest) -> str:
    from dashboard.uploads import UPLOADS_KEY

    [trip] = at.session_state[UPLOADS_KEY]
    return trip.id


def test_the_new_trip_is_chosen_and_counted(added: AppTest) -> None:
    trip_box = added.sidebar.selectbox(key="filter_trip")
    assert trip_box.value == new_trip_id(added)
    assert "All trips (2)" in trip_box.options
    assert url(added, "trip") == [new_trip_id(added)]


def test_the_url_gains_no_date_when_the_span_grows(added: AppTest) -> None:
    assert "to" not in added.query_params and "from" not in added.query_params
    # back to all trips: the whole span of both, still no dates in the URL
    added.sidebar.selectbox(key="filter_trip").select("__all__").run()
    assert not added.exception
    assert "to" not in added.query_params and "from" not in added.query_params
    start, end = added.sidebar.date_input(key="filter_dates").value
    assert (start, end) == (date(2022, 10, 3), date(2023, 3, 2))
    added.sidebar.selectbox(key="filter_trip").select(new_trip_id(added)).run()


def test_the_title_is_words_not_the_slug(added: AppTest) -> None:
    trip_id = new_trip_id(added)
    title = added.sidebar.selectbox(key="filter_trip").format_func(trip_id)
    assert title != trip_id and "Colombia" in title and "Peru" in title


def test_the_overview_counts_the_stops_of_the_chosen_trip(added: AppTest) -> None:
    added.switch_page("app_pages/overview.py").run()
    assert not added.exception
    assert added.header[0].value != new_trip_id(added)
    captions = " ".join(c.value for c in added.caption)
    assert "2 of 2 stops shown" in captions
    focus = added.selectbox(key="selected_stop_id")
    assert "None" not in " ".join(focus.options)


def test_the_data_tables_show_no_none(added: AppTest) -> None:
    added.switch_page("app_pages/data.py").run()
    assert not added.exception
    itinerary = added.dataframe[0].value
    assert itinerary["end"].tolist()[0] == "—"  # Bogotá: the article gives no end day
    assert itinerary["start"].tolist() == ["2023-02-27 Mon", "2023-03-02 Thu"]
    for frame in (d.value for d in added.dataframe):
        for column in frame.columns:
            if frame[column].dtype == object:
                cells = [c for c in frame[column] if c is None or isinstance(c, (str, float))]
                assert not any(c is None or c == "None" or (isinstance(c, float) and pd.isna(c))
                               for c in cells), column
