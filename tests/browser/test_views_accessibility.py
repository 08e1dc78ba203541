"""axe-core finds no serious or critical accessibility violation on the Topics, Source and
Data pages (the Source page's marks, links and itinerary rows are custom HTML)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_accessibility import AXE_OPTIONS, BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/topics", "/source", "/data"])
def test_page_has_no_serious_accessibility_violations(app, path) -> None:
    app.open(path)
    results = Axe().run(app.page, options=AXE_OPTIONS)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe-core violations on {path}:\n" + describe(blocking)
    app.assert_clean()
