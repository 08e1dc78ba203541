"""The trip selector: `?trip=<id>` opens that trip alone, choosing a trip writes the link.

Runs a second dashboard on a folder of two trips made from the seed: the seed itself and a
copy dated a year earlier (a different trip id, the same places), so it needs no data beyond
the project's own and runs everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DESKTOP, SIDEBAR, StreamlitPage, eventually, serve_for_tests
from playwright.sync_api import expect

from dashboard.devtools.serve import SEEDS_DIR

pytestmark = pytest.mark.browser

SEED_DATELINE = "October 4, 2022"
EARLIER_DATELINE = "October 5, 2021"  # also a Tuesday: the seed's weekdays still fit
SEED_HEADLINE = "Blinken discusses drug trafficking in Colombia"
# Told apart in the trip selector, which shows titles.
EARLIER_HEADLINE = "Blinken discusses drug trafficking in Colombia a year earlier"


@pytest.fixture(scope="module")
def two_trips_dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    folder = tmp_path_factory.mktemp("two-trips")
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    assert seeds, f"No seed article in {SEEDS_DIR}"
    text = seeds[0].read_text(encoding="utf-8")
    assert SEED_DATELINE in text and SEED_HEADLINE in text, (
        f"The seed's dateline or headline changed; update {__file__}")
    (folder / seeds[0].name).write_text(text, encoding="utf-8")
    earlier = text.replace(SEED_DATELINE, EARLIER_DATELINE).replace(
        f"\n{SEED_HEADLINE}\n", f"\n{EARLIER_HEADLINE}\n")
    (folder / "earlier-trip.txt").write_text(earlier, encoding="utf-8")
    yield from serve_for_tests(Path(folder))


@pytest.fixture
def trips_app(browser, two_trips_dashboard) -> Iterator[StreamlitPage]:
    context = browser.new_context(viewport=DESKTOP)
    try:
        yield StreamlitPage(context.new_page(), two_trips_dashboard.url)
    finally:
        context.close()


def trip_of(stop_id: str) -> str:
    return stop_id.rsplit("/", 1)[0]


def trip_selector(app: StreamlitPage):
    return app.page.locator(f'{SIDEBAR} [data-testid="stSelectbox"]').filter(
        has=app.page.get_by_text("Trip", exact=True))


def test_trip_links_and_the_trip_selector(trips_app) -> None:
    app = trips_app
    # An unknown trip: a notice, and the all-trips view with both trips' stops.
    app.open("/?trip=no-such-trip")
    assert any("no-such-trip" in notice for notice in app.url_notices()), app.url_notices()
    trips = sorted({trip_of(card["id"]) for card in app.cards()})
    assert len(trips) == 2, f"The all-trips view should show both trips' stops, got {trips}"
    assert "trip" not in app.query(), f"The unknown trip stayed in the URL: {app.page.url}"
    app.assert_clean()

    # A link to one trip opens that trip alone. Ids are "<traveller>-<year>-<month>-<region>":
    # the earlier trip sorts first.
    chosen, other = trips
    app.open(f"/?trip={chosen}")
    assert app.query().get("trip") == [chosen], f"The trip left the URL: {app.page.url}"
    cards = app.cards()
    assert cards and {trip_of(card["id"]) for card in cards} == {chosen}, (
        f"?trip={chosen} shows stops of: {sorted({trip_of(c['id']) for c in cards})}"
    )
    timeline = eventually(app.timeline, lambda t: len(t["drawn_bars"]) == len(cards))
    assert sorted(timeline["stop_bars"]) == sorted(card["id"] for card in cards), timeline
    assert sorted(timeline["drawn_bars"]) == sorted(card["id"] for card in cards), timeline
    shown = trip_selector(app).get_by_role("combobox").input_value()
    assert shown == EARLIER_HEADLINE, f"The trip selector shows {shown!r}"
    assert not app.url_notices(), "A valid trip link must not raise a notice"
    app.assert_clean()

    # Choosing the other trip in the sidebar writes it into the link.
    box = trip_selector(app).locator("input")
    box.click()
    option = app.page.get_by_role("option").filter(
        has_text=re.compile(rf"^\s*{re.escape(SEED_HEADLINE)}\s*$"))
    expect(option).to_have_count(1)
    app.act(option.click)
    expect(app.page).to_have_url(re.compile(rf"[?&]trip={re.escape(other)}(&|$)"))
    assert {trip_of(card["id"]) for card in app.cards()} == {other}
    assert trip_selector(app).get_by_role("combobox").input_value() == SEED_HEADLINE
    app.assert_clean()
