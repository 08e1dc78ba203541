"""A trip told by several articles, in a real browser: the selector says how many, the cards
say "N sources" and show the conflict, the Source page switches between the articles.

The folder holds the seed, the State Department's statement about the same tour (from
../shared, when present) and two made-up reports of the Chile stop that disagree on the day
(tests/fixtures/merging), so it runs everywhere and uses the real statement where it can.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DESKTOP, MAIN, SIDEBAR, StreamlitPage, serve_for_tests
from merging_fixtures import shared_statement
from playwright.sync_api import expect

from dashboard.devtools.serve import SEEDS_DIR
from dashboard.tables import load_tables

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
CHILE = sorted((REPO / "tests" / "fixtures" / "merging").glob("chile_*.txt"))
STATEMENT = shared_statement()


@pytest.fixture(scope="module")
def merged_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("merged-trip")
    files = [*sorted(SEEDS_DIR.glob("*.txt")), *CHILE]
    if STATEMENT.is_file():
        files.append(STATEMENT)
    for path in files:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def merged_dashboard(merged_folder: Path) -> Iterator[object]:
    yield from serve_for_tests(merged_folder)


@pytest.fixture
def merged_app(browser, merged_dashboard) -> Iterator[StreamlitPage]:
    context = browser.new_context(viewport=DESKTOP)
    try:
        yield StreamlitPage(context.new_page(), merged_dashboard.url)
    finally:
        context.close()


def test_one_trip_with_its_sources_cards_and_conflict(merged_app, merged_folder) -> None:
    app = merged_app
    tables = load_tables(merged_folder)
    assert len(tables.trips) == 1, tables.trips
    trip = tables.trips.iloc[0]
    n_files = len(list(merged_folder.glob("*.txt")))
    app.open(f"/?trip={trip['trip_id']}")
    selector = app.page.locator(f'{SIDEBAR} [data-testid="stSelectbox"]').filter(
        has=app.page.get_by_text("Trip", exact=True))
    shown = selector.get_by_role("combobox").input_value()
    assert shown == f"{trip['title']} ({n_files} sources)", shown

    cards = {card["heading"]: card["text"] for card in app.cards()}
    assert sorted(cards) == ["Stop 1: Colombia", "Stop 2: Chile", "Stop 3: Peru"], cards
    chile = cards["Stop 2: Chile"]
    assert f"{n_files} sources" in chile and "Conflict:" in chile, chile
    assert "5 Oct 2022" in chile and "6 Oct 2022" in chile, chile
    conflict = app.page.locator(f"{MAIN} .stop-card .stop-conflict")
    expect(conflict).to_have_count(1)
    expect(conflict).to_be_visible()
    if STATEMENT.is_file():  # the statement reports every stop
        for heading in ("Stop 1: Colombia", "Stop 3: Peru"):
            assert "2 sources" in cards[heading] and "Conflict" not in cards[heading]
    # The timeline lane of Chile carries the conflict mark.
    lanes = app.page.locator(f"{MAIN} .js-plotly-plot .ytick text").evaluate_all(
        "texts => texts.map(t => t.textContent)")
    assert any("Chile" in lane and "⚠" in lane for lane in lanes), lanes
    app.assert_clean()


def test_the_source_page_switches_between_the_articles(merged_app, merged_folder) -> None:
    app = merged_app
    tables = load_tables(merged_folder)
    app.open("/source")
    choices = app.page.locator(f'{MAIN} [data-testid="stRadio"]').get_by_role(
        "radiogroup").locator("label")
    expect(choices).to_have_count(len(tables.sources))
    headings = []
    sources = tables.sources.to_dict("records")
    # The first article is shown at first: pick each other one, then come back to it.
    for source in [*sources[1:], sources[0]]:
        name = Path(source["path"]).name
        label = choices.filter(has_text=re.compile(re.escape(name)))
        app.act(label.click)
        header = app.page.locator(f"{MAIN} .hl-header h3")
        expect(header).to_have_text(source["title"])
        expect(app.page.locator(f"{MAIN} .hl-header")).to_contain_text(name)
        headings.append(header.inner_text())
        article = app.page.locator(f"{MAIN} .hl-article")
        if name == "chile_thursday.txt":  # the text on screen is this article's, marked
            expect(article).to_contain_text("on Thursday to meet Foreign Minister")
            expect(article.locator("a.hl-link", has_text="Antonia Urrejola")).to_have_count(1)
        else:
            expect(article).not_to_contain_text("on Thursday to meet Foreign Minister")
        app.assert_clean()
    assert len(set(headings)) == len(tables.sources)
