"""A paste over the limit is refused in the browser before it is sent, and the page says the
limit (issue 12, item 18: a 50 MB paste closed the connection with code 1009 and no word).

Measured by hand with a real clipboard paste of 50 MB into this page: the box stays empty,
the connection stays open, and *Add* shows the message below.
"""

from __future__ import annotations

import pytest
from conftest import MAIN

from dashboard.devtools.browser import WAIT_MS
from dashboard.uploads import MAX_PASTE_CHARS

pytestmark = pytest.mark.browser


def _alert_with(app, text: str) -> None:
    """Wait for an alert holding `text` (the page reruns once more to show its messages)."""
    app.page.locator(f'{MAIN} [data-testid="stAlert"]').filter(has_text=text).first.wait_for(
        timeout=WAIT_MS)


def test_an_oversized_paste_is_refused_before_it_is_sent(app) -> None:
    app.open("/add")
    box = app.page.locator(f"{MAIN} textarea")
    box.click()
    # typed into the box as a paste is: one input event with the whole text
    app.page.keyboard.insert_text("Blinken visited Lima, Peru, on Monday. "
                                  + "x" * (2 * MAX_PASTE_CHARS))
    length = app.page.evaluate("el => el.value.length", box.element_handle())
    assert length <= MAX_PASTE_CHARS, f"{length:,} characters in the box: it will be sent"
    app.act(app.page.get_by_role("button", name="Add").click)
    _alert_with(app, "Choose a file or paste some text first")  # after the flash rerun
    alerts = " ".join(app.page.locator(f'{MAIN} [data-testid="stAlert"]').all_inner_texts())
    assert f"takes up to {MAX_PASTE_CHARS:,} characters" in alerts
    app.assert_clean()


def test_a_paste_under_the_limit_is_added(app) -> None:
    app.open("/add")
    app.page.locator(f"{MAIN} textarea").click()
    app.page.keyboard.insert_text("Title: Lima\nDate: 2022-10-04\n\nSecretary of State Antony "
                                  "Blinken will travel to Lima, Peru, on Thursday.\n")
    app.act(app.page.get_by_role("button", name="Add").click)
    _alert_with(app, "Added Lima: 1 stop(s), Lima")
