"""The overview draws: the map has the stops in their colours, the timeline a bar per stop."""

from __future__ import annotations

import pytest
from conftest import DECK_CANVAS, MAIN, css_rgb, eventually, find_disc

pytestmark = pytest.mark.browser

def test_map_draws_every_stop_in_its_colour(overview) -> None:
    app = overview
    cards = app.cards()
    assert len(cards) >= 2, f"expected the seed trip's stops as cards, got {cards}"
    colours = {card["id"]: css_rgb(card["color"]) for card in cards}

    def stop_dots() -> dict[str, tuple[int, int] | None]:
        image = app.map_image()
        return {stop: find_disc(image, colour) for stop, colour in colours.items()}

    dots = eventually(stop_dots, lambda found: all(found.values()))
    missing = [stop for stop, place in dots.items() if place is None]
    assert not missing, f"No dot in the stop's card colour on the map for: {missing}"
    image = app.map_image()
    distinct = len(image.getcolors(maxcolors=image.width * image.height) or [])
    assert distinct > 20, f"The map canvas is nearly blank ({distinct} distinct colours)"
    app.assert_clean()


def test_map_tooltip_names_the_stop_under_the_pointer(overview) -> None:
    app = overview
    card = app.cards()[0]
    colour = css_rgb(card["color"])
    dot = eventually(lambda: find_disc(app.map_image(), colour), lambda found: found is not None)
    assert dot is not None, f"stop {card['id']} is not drawn on the map"
    box = app.page.locator(f"{MAIN} {DECK_CANVAS}").first.bounding_box()
    assert box is not None
    app.page.mouse.move(box["x"] + dot[0], box["y"] + dot[1])
    tooltip = app.page.locator(".deck-tooltip")
    tooltip.wait_for(state="visible")
    country = card["heading"].split(":", 1)[-1].strip()
    text = tooltip.inner_text()
    app.page.mouse.move(0, 0)  # leave the shared page as it was
    assert country in text, f"Hovering stop {card['id']} ({country}) shows: {text!r}"
    app.assert_clean()


def test_timeline_has_one_bar_per_dated_stop(overview) -> None:
    app = overview
    cards = app.cards()
    undated = app.page.get_by_text("No date known for", exact=False).count()
    timeline = eventually(app.timeline,
                          lambda t: len(t["drawn_bars"]) >= len(t["stop_bars"]) > 0)
    bars = timeline["stop_bars"]
    assert len(bars) == len(set(bars)), f"A stop has two bars: {bars}"
    assert set(bars) <= {card["id"] for card in cards}, (
        f"Bars for stops without a card: {set(bars) - {c['id'] for c in cards}}"
    )
    if not undated:
        assert sorted(bars) == sorted(card["id"] for card in cards), (
            f"Every stop has a date, yet bars {bars} != cards {[c['id'] for c in cards]}"
        )
    assert sorted(timeline["drawn_bars"]) == sorted(bars), (
        f"Bars in the figure {bars} but drawn on screen {timeline['drawn_bars']}"
    )
    app.assert_clean()


def test_clicking_a_stop_on_the_map_selects_it_everywhere(app) -> None:
    app.open("/")
    cards = app.cards()
    assert not any(c["selected"] for c in cards), "A stop is selected before any click"
    card = cards[1]
    dot = eventually(lambda: find_disc(app.map_image(), css_rgb(card["color"])),
                     lambda found: found is not None)
    assert dot is not None, f"stop {card['id']} is not drawn on the map"
    box = app.page.locator(f"{MAIN} {DECK_CANVAS}").first.bounding_box()
    assert box is not None
    x, y = box["x"] + dot[0], box["y"] + dot[1]
    # As a person does: the pointer comes to rest on the dot (deck.gl picks it and shows the
    # tooltip), then clicks.
    app.page.mouse.move(x, y)
    app.page.locator(".deck-tooltip").wait_for(state="visible")
    app.act(lambda: app.page.mouse.click(x, y))

    highlight = app.page.locator(MAIN).get_by_role("combobox", name="Highlight a stop")
    place = card["heading"].split(":", 1)[-1].strip()
    assert place in highlight.input_value(), (
        f"Clicked stop {card['id']} ({place}); the highlight box says {highlight.input_value()!r}"
    )
    selected = [c["id"] for c in app.cards() if c["selected"]]
    assert selected == [card["id"]], f"Cards marked selected: {selected}"
    app.assert_clean()
