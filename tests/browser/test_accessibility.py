"""axe-core finds no serious or critical accessibility violation on the overview, in the
light theme and in the dark one (the app follows the visitor's preference)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import DESKTOP, css_rgb

pytestmark = pytest.mark.browser

APP = '[data-testid="stApp"]'
BLOCKING_IMPACTS = {"serious", "critical"}
# No rule is excluded. Should one ever have to be (a violation inside Streamlit's own markup
# that the app cannot change), exclude only that rule on only that element, with the reason
# and the upstream issue here.
AXE_OPTIONS = {"resultTypes": ["violations"]}


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            why = "; ".join(check["message"] for check in node["any"] + node["all"])
            lines.append(f"    {node['html'][:160]}\n      -> {why}")
    return "\n".join(lines)


def blocking_violations(app) -> list[dict]:
    results = Axe().run(app.page, options=AXE_OPTIONS)
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]


def test_overview_has_no_serious_accessibility_violations(overview) -> None:
    blocking = blocking_violations(overview)
    assert not blocking, "axe-core violations on the overview:\n" + describe(blocking)
    overview.assert_clean()


def test_overview_in_dark_mode_has_no_serious_accessibility_violations(new_app_page) -> None:
    app = new_app_page(DESKTOP, color_scheme="dark")
    app.open("/")
    background = css_rgb(app.page.evaluate(
        f"getComputedStyle(document.querySelector('{APP}')).backgroundColor"))
    assert max(background) < 80, (
        f"A visitor who prefers dark gets a light page (background {background})")
    blocking = blocking_violations(app)
    assert not blocking, "axe-core violations on the dark overview:\n" + describe(blocking)
    app.assert_clean()
