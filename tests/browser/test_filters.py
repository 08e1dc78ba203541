"""Filters in the sidebar narrow every view, live in the URL, and survive being shared."""

from __future__ import annotations

import re
from urllib.parse import urlencode, urlsplit

import pytest
from conftest import DESKTOP, MAIN, NAV_LINK, css_rgb, eventually, find_disc, pixels_near
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CHOSEN_COUNTRY, CHOSEN_NAME = "CL", "Chile"


def country_of(card: dict) -> str:
    """'Stop 2: Chile' -> 'Chile'."""
    return card["heading"].split(":", 1)[-1].strip()


def assert_only_chosen_country(app, all_cards: list[dict]) -> None:
    """Cards, timeline and map show the chosen country's stops and nothing else."""
    chosen = [card for card in all_cards if country_of(card) == CHOSEN_NAME]
    others = [card for card in all_cards if country_of(card) != CHOSEN_NAME]
    assert chosen and others, f"the seed should have {CHOSEN_NAME} and other stops: {all_cards}"

    cards = app.cards()
    assert [card["id"] for card in cards] == [card["id"] for card in chosen], (
        f"Cards after choosing {CHOSEN_NAME}: {[c['heading'] for c in cards]}"
    )
    chosen_ids = sorted(card["id"] for card in chosen)
    timeline = eventually(app.timeline, lambda t: sorted(t["drawn_bars"]) == chosen_ids)
    assert sorted(timeline["stop_bars"]) == chosen_ids, (
        f"Timeline bars after choosing {CHOSEN_NAME}: {timeline}"
    )
    assert sorted(timeline["drawn_bars"]) == chosen_ids, f"Bars drawn: {timeline}"

    wanted = {card["id"]: css_rgb(card["color"]) for card in chosen}
    # A colour shared with a chosen stop (the palette repeats after 7 stops) proves nothing.
    unwanted = {card["id"]: css_rgb(card["color"]) for card in others
                if css_rgb(card["color"]) not in wanted.values()}

    def map_state() -> tuple[dict[str, object], dict[str, int]]:
        image = app.map_image()
        return ({stop: find_disc(image, c) for stop, c in wanted.items()},
                {stop: len(pixels_near(image, c)) for stop, c in unwanted.items()})

    shown, hidden = eventually(
        map_state, lambda found: all(found[0].values()) and not any(found[1].values()))
    assert all(shown.values()), f"The chosen stops have no dot on the map: {shown}"
    # Not a dot, not a leg, not a chevron: no pixel at all in the other stops' colours.
    assert not any(hidden.values()), (
        f"Stops of other countries are still drawn on the map (pixels per stop): {hidden}"
    )


def grid_column(grid, header: str) -> list[str]:
    """The cells of one column of an st.dataframe, read from the grid's accessible table."""
    return grid.locator("table").first.evaluate(
        """(table, header) => {
            const th = Array.from(table.querySelectorAll('th'))
                .find(cell => cell.innerText.trim() === header);
            if (!th) return [];
            const column = th.getAttribute('aria-colindex');
            return Array.from(table.querySelectorAll(`td[aria-colindex="${column}"]`))
                .map(cell => cell.innerText.trim());
        }""",
        header,
    )


def test_choosing_a_country_filters_everything_and_the_link_reopens_it(app, new_app_page):
    app.open("/")
    all_cards = app.cards()
    assert app.query() == {}, f"A fresh visit should have a clean URL, got {app.page.url}"

    app.choose("Country", CHOSEN_NAME)
    expect(app.page).to_have_url(re.compile(rf"[?&]country={CHOSEN_COUNTRY}(&|$)"))
    assert app.query().get("country") == [CHOSEN_COUNTRY]
    assert app.chosen_in("Country") == [f"{CHOSEN_NAME} ({CHOSEN_COUNTRY})"]
    assert_only_chosen_country(app, all_cards)
    app.assert_clean()

    # A colleague opens the copied address in their own browser.
    shared_url = app.page.url
    colleague = new_app_page(DESKTOP)
    colleague.open(shared_url.removeprefix(colleague.base_url))
    assert colleague.query().get("country") == [CHOSEN_COUNTRY]
    assert colleague.chosen_in("Country") == [f"{CHOSEN_NAME} ({CHOSEN_COUNTRY})"]
    assert_only_chosen_country(colleague, all_cards)
    assert not colleague.url_notices(), "A valid shared link must not raise a notice"

    # ... and moves to another page: the selection and the URL go with them.
    data_link = colleague.page.locator(NAV_LINK).filter(has_text="Data")
    colleague.act(data_link.click)
    expect(colleague.page).to_have_url(re.compile(r"/data\?"))
    assert urlsplit(colleague.page.url).path == "/data"
    assert colleague.query().get("country") == [CHOSEN_COUNTRY]
    assert colleague.chosen_in("Country") == [f"{CHOSEN_NAME} ({CHOSEN_COUNTRY})"]
    chosen = [card for card in all_cards if country_of(card) == CHOSEN_NAME]
    expect(colleague.page.locator(MAIN).get_by_text(f"{len(chosen)} stop(s)")).to_be_visible()
    grid = colleague.page.locator(f'{MAIN} [data-testid="stDataFrame"]').first
    codes = eventually(lambda: grid_column(grid, "ISO"), lambda values: bool(values))
    assert codes == [CHOSEN_COUNTRY] * len(chosen), f"The itinerary table's ISO column: {codes}"
    colleague.assert_clean()


def test_clearing_the_country_brings_every_stop_back(app):
    app.open(f"/?country={CHOSEN_COUNTRY}")
    filtered = len(app.cards())
    remove = app.sidebar_multiselect("Country").get_by_role(
        "button", name=f"Remove {CHOSEN_NAME} ({CHOSEN_COUNTRY})")
    app.act(remove.click)
    expect(app.page).not_to_have_url(re.compile(r"[?&]country="))
    assert len(app.cards()) > filtered
    app.assert_clean()


HOSTILE_SCRIPT = "<script>alert(1)</script>"


def test_hostile_link_shows_a_notice_and_runs_no_script(app, overview):
    query = urlencode([("country", "ZZ"), ("country", HOSTILE_SCRIPT), ("topic", "x" * 10_000)])
    default_cards = [card["id"] for card in overview.cards()]
    app.open(f"/?{query}")

    notices = app.url_notices()
    assert len(notices) >= 3, f"One notice per dropped value (3) expected, got {notices}"
    notice_text = "\n".join(notices)
    assert "ZZ" in notice_text, f"The unknown code is not named in the notice: {notice_text!r}"
    assert "script" in notice_text.lower(), f"The script value is not reported: {notice_text!r}"
    assert "x" * 200 not in notice_text, "The 10,000-character value is echoed back in full"

    assert not app.problems.dialogs, f"A script ran: {app.problems.dialogs}"
    injected = app.page.evaluate(
        """() => Array.from(document.querySelectorAll('script'))
                 .filter(s => (s.textContent || '').includes('alert(1)')).length"""
    )
    assert injected == 0, "A <script> element with the URL's payload is in the page"
    assert HOSTILE_SCRIPT not in app.page.locator("body").inner_html(), (
        "The payload reached the DOM as markup, unescaped"
    )
    # The page still works: nothing valid was asked for, so every stop is shown.
    assert [card["id"] for card in app.cards()] == default_cards
    assert not {"country", "topic"} & set(app.query()), (
        f"The dropped values are still in the address bar: {app.page.url[:200]}"
    )
    app.assert_clean()


def test_an_empty_result_says_so_and_offers_a_way_back(app, overview):
    # Chile's stop is on 5 October; from the 6th on, nothing is left.
    app.open(f"/?country={CHOSEN_COUNTRY}&from=2022-10-06")
    main = app.page.locator(MAIN)
    expect(main.get_by_text("No stop matches")).to_be_visible()
    assert app.cards() == [], "Stop cards shown for an empty result"
    assert not main.locator('[data-testid="stDeckGlJsonChart"], [data-testid="stPlotlyChart"]'
                            ).count(), "An empty result draws blank charts"
    clear = main.get_by_role("button", name="Clear filters")
    app.act(clear.click)
    expect(app.page).not_to_have_url(re.compile(r"[?&](country|from)="))
    assert [card["id"] for card in app.cards()] == [card["id"] for card in overview.cards()]
    app.assert_clean()
