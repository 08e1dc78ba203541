"""A reader splits an article out of a merged trip and joins it back, in a real browser: the
Trip selector changes ("(3 sources)" -> "(2 sources)" and a new trip), the link names the
article shown, and Undo brings the trip back. The server has its own database."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DESKTOP, MAIN, SIDEBAR, StreamlitPage
from playwright.sync_api import expect

from dashboard.devtools.serve import DashboardStartError, start_dashboard

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_2088198bdb06ddc9.txt"
CHILE = sorted((REPO / "tests" / "fixtures" / "merging").glob("chile_*.txt"))
SCREENSHOTS = Path("/tmp/trip-grouping-screens")


@pytest.fixture(scope="module")
def grouping_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    folder = tmp_path_factory.mktemp("grouping-articles")
    for path in (SEED, *CHILE):
        shutil.copy(path, folder / path.name)
    database = tmp_path_factory.mktemp("grouping-store") / "trips.sqlite3"
    try:
        server = start_dashboard(folder, extra_env={"TRIP_DATABASE_PATH": str(database)})
    except DashboardStartError as error:
        pytest.fail(str(error), pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def app(browser, grouping_dashboard) -> Iterator[StreamlitPage]:
    context = browser.new_context(viewport=DESKTOP)
    try:
        yield StreamlitPage(context.new_page(), grouping_dashboard.url)
    finally:
        context.close()


def _trip_selector(app: StreamlitPage):
    return app.page.locator(f'{SIDEBAR} [data-testid="stSelectbox"]').filter(
        has=app.page.get_by_text("Trip", exact=True)).get_by_role("combobox")


def _trip_options(app: StreamlitPage) -> list[str]:
    _trip_selector(app).click()  # opening the list runs nothing
    expect(app.page.get_by_role("option").first).to_be_visible()
    options = app.page.get_by_role("option").all_inner_texts()
    app.page.keyboard.press("Escape")
    return options


def _shot(app: StreamlitPage, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    app.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def test_split_an_article_out_and_undo_in_the_browser(app: StreamlitPage) -> None:
    app.open("/source?trip=blinken-2022-10-latin-america")
    assert _trip_selector(app).input_value().endswith("(3 sources)")
    thursday = app.page.locator(f'{MAIN} [data-testid="stRadio"] label').filter(
        has_text="chile_thursday.txt")
    app.act(thursday.click)
    expect(app.page.locator(f"{MAIN} .hl-header")).to_contain_text("chile_thursday.txt")
    article = app.query().get("article")
    assert article and article[0].startswith("blinken-2022-10-chile"), app.query()

    controls = app.page.locator(f'{MAIN} [data-testid="stExpander"]').filter(
        has_text="Join or split trips")
    controls.locator("summary").click()  # opening an expander runs nothing
    split = controls.get_by_role("button", name="Split “Blinken's Chile stop set for "
                                                "Thursday” out of this trip")
    expect(split).to_be_visible()
    _shot(app, "1-before-split")
    app.act(split.click)
    expect(app.page.locator(MAIN)).to_contain_text("it is now a trip of its own")
    # The selector now shows the trip with one source fewer, chosen, and the new trip.
    expect(_trip_selector(app)).to_have_value(
        "Blinken discusses drug trafficking in Colombia (2 sources)")
    options = _trip_options(app)
    assert "All trips (2)" in options and "Blinken's Chile stop set for Thursday" in options, \
        options
    _shot(app, "2-after-split")

    # A new visitor (another browser context) sees the split: it is in the store.
    other = app.page.context.browser.new_context(viewport=DESKTOP)
    try:
        visitor = StreamlitPage(other.new_page(), app.base_url)
        visitor.open("/")
        assert "All trips (2)" in _trip_options(visitor)
    finally:
        other.close()

    undo = app.page.locator(MAIN).get_by_role("button", name="Undo")
    expect(undo).to_have_count(1)
    app.act(undo.click)
    expect(app.page.locator(MAIN)).to_contain_text("Undone: split out chile_thursday.txt")
    expect(_trip_selector(app)).to_have_value(
        "Blinken discusses drug trafficking in Colombia (3 sources)")
    _shot(app, "3-after-undo")
    app.assert_clean()
