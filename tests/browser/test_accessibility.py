"""axe-core finds no serious or critical accessibility violation on the overview."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

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


def test_overview_has_no_serious_accessibility_violations(overview) -> None:
    app = overview
    results = Axe().run(app.page, options=AXE_OPTIONS)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, "axe-core violations on the overview:\n" + describe(blocking)
    app.assert_clean()
