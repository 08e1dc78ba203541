"""Every page of the dashboard loads in a real browser without an error of any kind."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import MAIN, NAV_LINK

pytestmark = pytest.mark.browser

# The pages issue 3 asks for ("" is the default page, the overview); pages added later are
# found from the navigation and checked too.
REQUIRED_PAGES = {"", "topics", "source", "data"}


def test_every_page_loads_without_errors(app) -> None:
    app.open("/")
    links = app.page.locator(NAV_LINK)
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    paths = [urlsplit(href).path or "/" for href in hrefs]
    assert {path.strip("/") for path in paths} >= REQUIRED_PAGES, (
        f"The navigation lacks pages: it links to {paths}"
    )
    failures = []
    # The overview is open already: visit it last, coming from another page.
    for index in [*range(1, len(paths)), 0]:
        path = paths[index]
        app.problems.page_errors.clear()
        app.problems.console_errors.clear()
        # Through the navigation, as a reader moves around (direct page URLs are opened by
        # the phone and shared-link tests).
        app.act(links.nth(index).click)
        assert urlsplit(app.page.url).path == path
        headings = app.page.locator(f'{MAIN} [data-testid="stHeading"]').count()
        try:
            app.assert_clean()
            assert headings >= 1, "the page shows no heading (blank page?)"
        except AssertionError as error:
            failures.append(f"{path}: {error}")
    assert not failures, "\n\n".join(failures)
