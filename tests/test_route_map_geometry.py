"""The live route map's geometry: legs the short way round, a view fitted to the real
canvas, labels that neither overlap nor leave it (issue 12, item 7). Articles in
tests/fixtures/maps are read by the real extractor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.geo import pacific_centred, unwrap_path, unwrap_route
from dashboard.tables import load_tables
from dashboard.views.colors import stop_colors
from dashboard.views.route_map import (
    FIT_WIDTH,
    LABELS_LAYER,
    LEGS_LAYER,
    MAP_HEIGHT,
    STOPS_LAYER,
    build_deck,
    label_size,
    place_labels,
    to_pixels,
)

MAPS = Path(__file__).parent / "fixtures" / "maps"
SEEDS = Path(__file__).parents[1] / "seeds"


def deck_of(folder: Path, name: str | None = None):
    tables = load_tables(folder)
    itinerary = tables.itinerary
    if name is not None:
        itinerary = itinerary[itinerary["trip_id"].str.contains(name)]
    deck = build_deck(itinerary, stop_colors(itinerary))
    return deck, {layer.id: layer.data for layer in deck.layers}


def label_boxes(deck, layers):
    view = deck.initial_view_state
    boxes = []
    for row in layers[LABELS_LAYER]:
        x, y = to_pixels(view, *row["position"])
        dx, dy = row["label_offset"]
        w, h = label_size(row["label"])
        boxes.append((row["label"], x + dx - w / 2, y + dy - h / 2, x + dx + w / 2,
                      y + dy + h / 2))
    return boxes


def test_unwrap_route_takes_each_leg_the_short_way():
    tokyo, apia, lima = 139.69, -171.77, -77.03
    assert unwrap_route([tokyo, apia, lima]) == pytest.approx([139.69, 188.23, 282.97])
    assert pacific_centred([tokyo, apia, lima])
    # an ordinary route is left alone
    assert unwrap_route([-74.08, -70.65, -77.03]) == [-74.08, -70.65, -77.03]
    assert unwrap_path([[178.4, -18.1], [-171.8, -13.8]]) == [[178.4, -18.1], [188.2, -13.8]]


def test_tokyo_apia_lima_crosses_the_pacific_and_the_view_centres_there():
    deck, layers = deck_of(MAPS, "samoa")
    legs = layers[LEGS_LAYER]
    assert [leg["tip_days"] for leg in legs] == ["Tokyo, Japan → Apia, Samoa",
                                                 "Apia, Samoa → Lima, Peru"]
    for leg in legs:
        assert abs(leg["to"][0] - leg["from"][0]) < 180, leg["tip_days"]
    tokyo_apia = legs[0]
    assert tokyo_apia["to"][0] - tokyo_apia["from"][0] == pytest.approx(48.5, abs=0.5)
    view = deck.initial_view_state
    # the Pacific: east of Japan and west of the Americas
    assert view.longitude >= 145 or view.longitude <= -100, view.longitude
    assert -40 < view.latitude < 40
    # Tokyo lies past -180°: a copy of the world's outlines is drawn there too
    assert min(stop["position"][0] for stop in layers[STOPS_LAYER]) < -180
    spec = json.loads(deck.to_json())
    shifted = [layer for layer in spec["layers"] if layer.get("modelMatrix")]
    assert shifted and {layer["modelMatrix"][12] for layer in shifted} == {-360}


@pytest.mark.parametrize("folder, name", [(MAPS, "samoa"), (MAPS, "2023-02"), (SEEDS, None)])
def test_every_stop_and_label_fits_the_real_canvas(folder, name):
    deck, layers = deck_of(folder, name)
    view = deck.initial_view_state
    for stop in layers[STOPS_LAYER]:
        x, y = to_pixels(view, *stop["position"])
        assert 0 <= x <= FIT_WIDTH and 0 <= y <= MAP_HEIGHT, stop["label"]
    for label, left, top, right, bottom in label_boxes(deck, layers):
        assert left >= 0 and right <= FIT_WIDTH, (label, left, right)
        assert top >= 0 and bottom <= MAP_HEIGHT, (label, top, bottom)


@pytest.mark.parametrize("folder, name", [(MAPS, "2023-02"), (MAPS, "samoa"), (SEEDS, None)])
def test_labels_never_overlap(folder, name):
    """Asunción and São Paulo are close on a map of South America: their labels used to be
    drawn one over the other."""
    deck, layers = deck_of(folder, name)
    boxes = label_boxes(deck, layers)
    assert len(boxes) == len(layers[STOPS_LAYER])
    for n, (label_a, *a) in enumerate(boxes):
        for label_b, *b in boxes[n + 1:]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, f"{label_a!r} overlaps {label_b!r}"


def test_place_labels_moves_a_crowded_label_and_keeps_a_lone_one_above():
    offsets = place_labels([(100, 200), (110, 205), (300, 100)],
                           ["1. Asunción", "2. São Paulo", "3. Lima"])
    assert offsets[0][1] < 0 and offsets[2] == offsets[0]  # above, the first choice
    assert offsets[1] != offsets[0]


def test_many_trips_sharing_a_first_stop_get_one_label():
    from dashboard.views.route_map import merge_shared_labels

    stops = [{"position": [-74.1, 4.6], "label": f"Trip {n}"} for n in range(6)]
    stops += [{"position": [-77.0, -12.0], "label": "Trip 6"},
              {"position": [-77.0, -12.0], "label": "Trip 7"}]
    merge_shared_labels(stops, limit=30, per_place=3)
    assert [s["label"] for s in stops if s["label"]] == ["Trip 0 (+5 more)", "Trip 6", "Trip 7"]
    many = [{"position": [float(n), 0.0], "label": f"Trip {n}"} for n in range(50)]
    merge_shared_labels(many, limit=30)
    assert sum(1 for s in many if s["label"]) == 30


def test_all_trips_labels_stay_inside_the_map(tmp_path):
    """Trip names were cut at the map's edge in the all-trips view (issue 12, item 11)."""
    for source in [*MAPS.glob("*.txt"), *SEEDS.glob("*.txt")]:
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"),
                                            encoding="utf-8")
    tables = load_tables(tmp_path)
    titles = dict(zip(tables.trips["trip_id"], tables.trips["title"], strict=True))
    deck = build_deck(tables.itinerary, stop_colors(tables.itinerary), trip_titles=titles,
                      show_trip=True)
    layers = {layer.id: layer.data for layer in deck.layers}
    boxes = label_boxes(deck, layers)
    assert len(boxes) == 3
    for label, left, top, right, bottom in boxes:
        assert left >= 0 and right <= FIT_WIDTH and top >= 0 and bottom <= MAP_HEIGHT, label
