"""On a phone and with the keyboard alone, the dashboard is usable: nothing sticks out, the
filters can be reached and changed, and the URL follows."""

from __future__ import annotations

import re

import pytest
from conftest import MAIN, PHONE, SIDEBAR, eventually
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MAX_TABS = 40
COUNTRY_FIELD = "combobox Country"


def horizontal_overflow(app) -> dict[str, int]:
    """Widths that exceed the viewport: the document and Streamlit's own scroll container."""
    return app.page.evaluate(
        """(main) => {
            const container = document.querySelector(main);
            return {
                viewport: window.innerWidth,
                document: document.documentElement.scrollWidth,
                main: container ? container.scrollWidth : 0,
                main_visible: container ? container.clientWidth : 0,
            };
        }""",
        MAIN,
    )


@pytest.mark.parametrize("path", ["/", "/topics", "/source", "/data"])
def test_phone_has_no_horizontal_scroll(new_app_page, path: str) -> None:
    app = new_app_page(PHONE)
    app.open(path)
    widths = horizontal_overflow(app)
    assert widths["document"] <= widths["viewport"], f"The page scrolls sideways: {widths}"
    assert widths["main"] <= widths["main_visible"], f"The main area scrolls sideways: {widths}"
    app.assert_clean()


def test_phone_filters_are_reachable(new_app_page) -> None:
    app = new_app_page(PHONE)
    app.open("/")
    country = app.sidebar_multiselect("Country")
    expect(country).not_to_be_in_viewport()
    app.page.locator('[data-testid="stExpandSidebarButton"]').click()
    expect(country).to_be_in_viewport()

    def fits(box: dict | None) -> bool:
        return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]

    # The sidebar slides in: read its place until the slide is over.
    box = eventually(country.bounding_box, fits)
    assert fits(box), f"The country filter does not fit the phone screen: {box}"
    app.choose("Country", "Chile")
    expect(app.page).to_have_url(re.compile(r"[?&]country=CL(&|$)"))
    app.assert_clean()


def focused_field(app) -> str:
    """What holds the keyboard focus: 'combobox Country' for the country filter's text box."""
    return app.page.evaluate(
        """() => {
            const el = document.activeElement;
            return `${el.getAttribute('role') || el.tagName.toLowerCase()} `
                + `${el.getAttribute('aria-label') || (el.innerText || '').trim().slice(0, 30)}`;
        }"""
    )


def test_keyboard_alone_reaches_and_changes_the_country_filter(app) -> None:
    # The sidebar is the same on every page; the Data page redraws fastest after a change.
    app.open("/data")
    app.page.locator("body").focus()
    seen = []
    for _ in range(MAX_TABS):
        app.page.keyboard.press("Tab")
        seen.append(focused_field(app))
        if seen[-1] == COUNTRY_FIELD:
            break
    assert seen[-1] == COUNTRY_FIELD, f"Tab never reached the country filter; focus went: {seen}"
    in_sidebar = app.page.evaluate(
        f"() => document.activeElement.closest('{SIDEBAR}') !== null")
    assert in_sidebar, "The focused country filter is not the sidebar's"

    app.page.keyboard.type("Chile")
    app.act(lambda: app.page.keyboard.press("Enter"))
    expect(app.page).to_have_url(re.compile(r"[?&]country=CL(&|$)"))
    assert app.chosen_in("Country") == ["Chile (CL)"]

    # Still with the keyboard: Backspace in the empty box removes the last choice.
    app.page.keyboard.press("Escape")
    app.act(lambda: app.page.keyboard.press("Backspace"))
    expect(app.page).not_to_have_url(re.compile(r"[?&]country="))
    assert app.chosen_in("Country") == []
    app.assert_clean()
