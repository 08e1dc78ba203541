"""AppTest: adding an article in the app shows it as a trip, for this session only."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
PAGE = "app_pages/add_article.py"
KERRY = (
    "Title: Kerry to Paris and Brussels\nDate: 2015-11-24\n\n"
    "Secretary of State John Kerry will travel to Paris, France, on November 30.\n\n"
    "He will then travel to Brussels, Belgium, on December 1.\n"
)


def _submit(at: AppTest, text: str) -> AppTest:
    at.text_area[0].set_value(text)
    next(b for b in at.button if b.label == "Add").click()
    return at.run()


def _new_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def test_pasted_article_becomes_a_trip_in_the_filters() -> None:
    at = _submit(_new_app(), KERRY)
    assert not at.exception
    assert any("Added" in s.value and "Paris" in s.value for s in at.success)
    trip_filter = at.sidebar.selectbox[0]
    assert "Kerry to Paris and Brussels" in trip_filter.options
    # the seed is still there
    assert len(trip_filter.options) == 3  # All trips, the seed, the upload


def test_upload_with_no_place_gives_a_message_and_keeps_the_rest() -> None:
    at = _submit(_new_app(), "Date: 2020-01-01\n\nThe committee met and adjourned.\n")
    assert not at.exception
    assert any("pasted text" in e.value for e in at.error)
    assert len(at.sidebar.selectbox[0].options) == 2  # All trips, the seed


def test_an_upload_is_not_shown_to_another_session() -> None:
    _submit(_new_app(), KERRY)
    other = AppTest.from_file(APP, default_timeout=60)
    other.run()
    assert "Kerry to Paris and Brussels" not in other.sidebar.selectbox[0].options


def test_the_visitor_can_give_the_publication_date() -> None:
    from datetime import date

    from dashboard.uploads import UPLOADS_KEY

    seed = (Path(__file__).resolve().parents[1] / "seeds" / "000_2088198bdb06ddc9.txt")
    undated = seed.read_text(encoding="utf-8").replace("October 4, 2022", "")
    at = _new_app()
    next(d for d in at.date_input if d.label.startswith("Publication date")).set_value(
        date(2022, 10, 4))
    at = _submit(at, undated)
    assert not at.exception
    trip = at.session_state[UPLOADS_KEY][0]
    assert trip.stops[0].start == date(2022, 10, 3)


def test_the_added_list_shows_the_trip_id_verbatim() -> None:
    # issue 12 item 20: the id is shown without escapes. The seed added again is an article
    # about the seed's trip (issue 11): it joins that trip, whose id the list shows.
    seed = (Path(__file__).resolve().parents[1] / "seeds" / "000_2088198bdb06ddc9.txt")
    at = _submit(_new_app(), seed.read_text(encoding="utf-8"))
    assert not at.exception
    shown = [m.value for m in at.markdown if "trip=" in m.value]
    assert len(shown) == 1
    assert "`trip=blinken-2022-10-latin-america`" in shown[0] and "(2 sources)" in shown[0]
    assert "\\-" not in shown[0]
    from dashboard.uploads import UPLOADS_KEY

    assert at.session_state[UPLOADS_KEY][0].id == "blinken-2022-10-latin-america-2"
