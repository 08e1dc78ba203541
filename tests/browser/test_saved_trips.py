"""Save, correct and share a trip in a real browser, and open the link after a restart.

A server of its own (its own SQLite store in a temporary folder) is started for this module,
stopped, and started again on the same database file: what a journalist's colleague sees
when opening the link tomorrow.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from conftest import CARD, DESKTOP, MAIN, NAV_LINK, StreamlitPage, eventually
from test_downloads import DOWNLOAD_BUTTON, download

from dashboard.devtools.browser import WAIT_MS
from dashboard.devtools.serve import (
    SEEDS_DIR,
    DashboardStartError,
    RunningDashboard,
    start_dashboard,
)

pytestmark = pytest.mark.browser

SEED = SEEDS_DIR / "000_2088198bdb06ddc9.txt"
EDITOR = f'{MAIN} [data-testid="stDataFrame"]'
HEADER_PX = 35  # st.data_editor's header and row height (Streamlit's default)
ROW_PX = 35
# A first page load on a fresh server extracts the articles; on a shared, loaded machine
# that can take longer than WAIT_MS, so the waits for whole pages allow three times as long.
SLOW_MS = 3 * WAIT_MS


def _start(database: Path) -> RunningDashboard:
    try:
        return start_dashboard(SEEDS_DIR, extra_env={"TRIP_DATABASE_PATH": str(database),
                                                     "TRIP_DATABASE_URL": ""})
    except DashboardStartError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "var" / "trips.sqlite3"


@pytest.fixture
def server(database: Path) -> Iterator[list[RunningDashboard]]:
    """The running server(s); a test may stop one and start another on the same file."""
    servers = [_start(database)]
    try:
        yield servers
    finally:
        for running in servers:
            running.stop()


def _page(browser, server: RunningDashboard) -> tuple[object, StreamlitPage]:
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    return context, StreamlitPage(context.new_page(), server.url)


def _cell(row: int, column: int) -> str:
    """The accessible cell of the editor's data row `row` (0 = first) and column `column`
    (0 = "#"); glide-data-grid numbers its columns after the row marker, from 1."""
    return f'{EDITOR} td#glide-cell-{column + 1}-{row}'


def _select_cell(app: StreamlitPage, row: int, column: int) -> None:
    """Select a cell the way a user does: click the first row's "#", then arrow keys.

    The grid takes a click in a later animation frame; on a loaded machine a key pressed
    before that frame is lost and the arrows start from nowhere (the edit then lands on
    another stop). So wait for the grid's own `aria-selected` after the click and after the
    keys, and start again if the selection is not where it should be."""
    box = app.page.locator(EDITOR).first.bounding_box()
    assert box is not None
    start, target = app.page.locator(_cell(0, 0)), app.page.locator(_cell(row, column))
    for _attempt in range(3):
        app.page.mouse.click(box["x"] + 70, box["y"] + HEADER_PX + ROW_PX // 2)
        eventually(lambda: start.get_attribute("aria-selected"), lambda v: v == "true",
                   timeout_s=SLOW_MS / 1000)
        for _ in range(row):
            app.page.keyboard.press("ArrowDown")
        for _ in range(column):
            app.page.keyboard.press("ArrowRight")
        selected = eventually(lambda: target.get_attribute("aria-selected"),
                              lambda v: v == "true", timeout_s=5)
        if selected == "true":
            return
    raise AssertionError(f"the editor never selected row {row}, column {column}")


def _edit_date(app: StreamlitPage, row: int, column: int, day: str) -> None:
    """Type `day` into a date cell of the editor, the way a user does: select the cell with
    the keyboard, Enter opens the cell's date field, Enter commits it."""
    _select_cell(app, row, column)
    dates = app.page.locator('input[type="date"]')
    before = dates.count()  # the sidebar's date filter has some too
    app.page.keyboard.press("Enter")
    eventually(dates.count, lambda n: n > before, timeout_s=SLOW_MS / 1000)
    field = dates.last  # the cell's editor, added at the end of the page
    field.wait_for(state="visible", timeout=SLOW_MS)
    field.fill(day)
    app.act(lambda: app.page.keyboard.press("Enter"))
    cell = app.page.locator(_cell(row, column))
    assert eventually(cell.inner_text, lambda text: text == day) == day


def _open(app: StreamlitPage, path: str) -> None:
    """Open a page; the first run of a fresh server (it extracts the articles) may outlast
    one WAIT_MS on a loaded machine, so wait for it up to three times."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(3):
        try:
            if attempt == 0:
                app.open(path)
            else:
                app.wait_for_run(after=0)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise


def _editor_cells(app: StreamlitPage) -> list[str]:
    """The texts of the table's accessible cells (the grid itself is a canvas)."""
    return app.page.locator(f"{EDITOR} td").all_inner_texts()


def _check_shared_view(browser, server: RunningDashboard, link_query: str) -> None:
    """A colleague opens the link in a fresh browser: the corrected date with its mark on
    the Overview, the Data page and in the CSV."""
    context, other = _page(browser, server)
    try:
        _open(other, "/" + link_query)
        other.page.locator(CARD).first.wait_for(timeout=SLOW_MS)
        other.assert_clean()
        cards = {card["heading"]: card["text"] for card in other.cards()}
        assert "Thu 6 Oct 2022" in cards["Stop 2: Chile"]
        assert "corrected" in cards["Stop 2: Chile"]
        assert "corrected" not in cards["Stop 1: Colombia"]
        mark = other.page.locator(f"{CARD} .corrected-mark").first
        assert "2022-10-05" in (mark.get_attribute("title") or "")  # the extracted value
        other.act(other.page.locator(NAV_LINK).filter(has_text="Data").click)
        other.page.locator(DOWNLOAD_BUTTON).nth(4).wait_for(timeout=SLOW_MS)
        # The table is a canvas; its accessible cells carry the values.
        cells = eventually(
            lambda: other.page.locator(f"{MAIN} [data-testid='stDataFrame'] td")
            .all_inner_texts(),
            lambda texts: "dates (extracted 2022-10-05 to 2022-10-05)" in texts,
            timeout_s=SLOW_MS / 1000)
        assert "dates (extracted 2022-10-05 to 2022-10-05)" in cells
        assert cells.count("2022-10-06 Thu") >= 2  # the Data page shows days with weekdays
        _, path = download(other, "CSV")
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        chile = frame[frame["country_code"] == "CL"].iloc[0]
        assert (chile["start"], chile["end"]) == ("2022-10-06", "2022-10-06")
        assert chile["corrected"] == "dates"
        assert chile["extracted_values"] == "dates: 2022-10-05 to 2022-10-05"
        other.assert_clean()
    finally:
        context.close()


def test_save_correct_share_and_reopen_after_a_restart(browser, server, database) -> None:
    context, app = _page(browser, server[0])
    try:
        # Paste the article and save it.
        _open(app, "/add")
        app.page.locator(f"{MAIN} textarea").fill(SEED.read_text(encoding="utf-8"))
        app.act(app.page.get_by_role("button", name="Save and get a link").click)
        saved = app.page.locator(f'{MAIN} [data-testid="stAlert"]').filter(
            has_text="Anyone with this link")
        link = saved.locator("code").first.inner_text().strip()
        assert "?trip=" in link
        link_query = link[link.index("?"):]
        # Correct stop 2 (Chile): 5 Oct -> 6 Oct, start and end.
        app.act(app.page.locator(NAV_LINK).filter(has_text="Correct").click)
        app.page.locator(EDITOR).first.wait_for(timeout=SLOW_MS)
        _edit_date(app, row=1, column=4, day="2022-10-06")   # To
        _edit_date(app, row=1, column=3, day="2022-10-06")   # From
        # Chile's two cells hold the new day and no other stop changed: then save.
        assert _editor_cells(app).count("2022-10-06") == 3, _editor_cells(app)  # + Peru's start
        assert app.page.locator(_cell(0, 4)).inner_text() == "", _editor_cells(app)  # Colombia
        app.act(app.page.get_by_role("button", name="Save correction").click)
        # The save reruns the page once more to show its message: wait for the message.
        app.page.get_by_text("Saved as revision 1").wait_for(timeout=SLOW_MS)
        app.assert_clean()
    except BaseException:
        shot = Path(tempfile.gettempdir()) / "test_saved_trips-failure.png"
        app.page.screenshot(path=shot, full_page=True)
        print(f"Screenshot of the failed page: {shot}\nDashboard log: {server[-1].log_path}")
        raise
    finally:
        context.close()

    _check_shared_view(browser, server[0], link_query)

    # Restart the server on the same database file: the link still opens the trip.
    server[0].stop()
    server.append(_start(database))
    _check_shared_view(browser, server[1], link_query)
