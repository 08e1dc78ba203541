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


def test_official_record_page_hides_the_article_filters_and_keeps_them(app) -> None:
    """The sidebar's trip, country, topic and date filters do nothing on the Official record
    page (issue 12, item 9): hidden there, and still in force back on the article pages."""
    trip_box = app.page.locator('[data-testid="stSidebar"] .st-key-filter_trip')
    app.open("/?country=CL")
    assert trip_box.is_visible()
    app.act(app.page.locator(NAV_LINK).filter(has_text="Official record").click)
    assert not trip_box.is_visible()
    assert not app.sidebar_multiselect("Country").is_visible()
    assert app.page.locator('[data-testid="stSidebar"]').get_by_text(
        "apply to the article pages").is_visible()
    app.act(app.page.locator(NAV_LINK).filter(has_text="Overview").click)
    assert trip_box.is_visible()
    assert app.chosen_in("Country") == ["Chile (CL)"]
