"""The shipped country outlines, the script that builds them, and the outline layer."""

from __future__ import annotations

import importlib.util
import json
import logging
from itertools import pairwise
from pathlib import Path

import geojson
import pytest

from dashboard.views import basemap

REPO_ROOT = Path(__file__).resolve().parents[1]
OUTLINES = REPO_ROOT / "dashboard" / "static" / "countries-110m.json"


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "make_boundaries", REPO_ROOT / "scripts" / "make_boundaries.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_boundaries = _load_script()


def _rings(feature: dict):
    geometry = feature["geometry"]
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    for polygon in polygons:
        yield from polygon


@pytest.fixture(scope="module")
def outlines() -> dict:
    return json.loads(OUTLINES.read_text(encoding="utf-8"))


# --- the shipped file -------------------------------------------------------------------


def test_file_is_valid_geojson_and_small():
    parsed = geojson.loads(OUTLINES.read_text(encoding="utf-8"))
    assert parsed.is_valid, parsed.errors()
    assert parsed["type"] == "FeatureCollection"
    assert OUTLINES.stat().st_size < 600 * 1024


def test_every_feature_is_a_named_polygon_with_an_iso_code(outlines):
    assert len(outlines["features"]) > 170
    for feature in outlines["features"]:
        assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}
        assert feature["properties"]["name"]
        code = feature["properties"]["iso_a2"]
        assert code == "-99" or (len(code) == 2 and code.isupper()), feature["properties"]


def test_coordinates_are_in_range_and_rings_closed(outlines):
    for feature in outlines["features"]:
        for ring in _rings(feature):
            assert len(ring) >= 4
            assert ring[0] == ring[-1]
            for lon, lat in ring:
                assert -180 <= lon <= 180, feature["properties"]["name"]
                assert -90 <= lat <= 90, feature["properties"]["name"]


def test_expected_countries_present(outlines):
    by_code = {f["properties"]["iso_a2"]: f["properties"]["name"] for f in outlines["features"]}
    for code in ("CO", "CL", "PE", "JP", "XK", "RU", "FJ", "US"):
        assert code in by_code, code
    assert by_code["XK"] == "Kosovo"
    no_code = {
        f["properties"]["name"] for f in outlines["features"] if f["properties"]["iso_a2"] == "-99"
    }
    assert no_code == {"N. Cyprus", "Somaliland"}


def test_no_ring_jumps_across_the_map(outlines):
    """A step of more than 180 degrees draws a band over the whole map in deck.gl; only
    Antarctica, whose ring runs round the pole, may span the full width."""
    for feature in outlines["features"]:
        if feature["properties"]["iso_a2"] == "AQ":
            continue
        for ring in _rings(feature):
            steps = [abs(b[0] - a[0]) for a, b in pairwise(ring)]
            assert max(steps) <= 180, feature["properties"]["name"]


def test_russia_and_fiji_reach_both_sides_of_the_antimeridian(outlines):
    by_code = {f["properties"]["iso_a2"]: f for f in outlines["features"]}
    for code in ("RU", "FJ"):
        lons = [lon for ring in _rings(by_code[code]) for lon, _ in ring]
        assert min(lons) < -170 and max(lons) > 170, code


# --- the build script -------------------------------------------------------------------

# Two squares sharing an edge, quantised and delta-encoded as in the TopoJSON specification.
TINY_TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
    "arcs": [
        [[2, 0], [0, 4]],  # shared edge x=11, y 20..21
        [[2, 4], [-2, 0], [0, -4], [2, 0]],  # left square, rest of its ring
        [[2, 0], [2, 0], [0, 4], [-2, 0]],  # right square, rest of its ring
    ],
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "id": "170", "properties": {"name": "Left"}},
                {
                    "type": "MultiPolygon",
                    "arcs": [[[2, -1]]],
                    "id": None,
                    "properties": {"name": "Kosovo"},
                },
            ],
        }
    },
}


def test_decoder_undoes_delta_encoding_and_quantisation():
    arcs = make_boundaries.decode_arcs(TINY_TOPOLOGY)
    assert arcs[0] == [[11.0, 20.0], [11.0, 21.0]]
    assert arcs[1][-1] == [11.0, 20.0]


def test_topology_to_geojson_stitches_reversed_arcs_and_maps_codes():
    collection = make_boundaries.topology_to_geojson(TINY_TOPOLOGY)
    left, right = collection["features"]
    assert left["properties"] == {"iso_a2": "CO", "name": "Left"}
    assert right["properties"] == {"iso_a2": "XK", "name": "Kosovo"}
    assert left["geometry"]["type"] == "Polygon"
    # Anticlockwise exterior (RFC 7946), closed, no repeated vertex where arcs join.
    assert left["geometry"]["coordinates"] == [
        [[11.0, 20.0], [11.0, 21.0], [10.0, 21.0], [10.0, 20.0], [11.0, 20.0]]
    ]
    ring = right["geometry"]["coordinates"][0]
    assert ring[0] == ring[-1] and len(ring) == 5
    assert {tuple(p) for p in ring} == {(11, 20), (12, 20), (12, 21), (11, 21)}
    assert make_boundaries._signed_area(ring) > 0
    assert geojson.loads(json.dumps(collection)).is_valid


def test_split_at_antimeridian_cuts_a_ring_into_two_sides():
    # An island from 179 E to 179 W, stored as Natural Earth does with a jump at 180.
    ring = [[179.0, -16.0], [-179.0, -16.0], [-179.0, -17.0], [179.0, -17.0], [179.0, -16.0]]
    assert make_boundaries.crosses_antimeridian(ring)
    pieces = make_boundaries.split_at_antimeridian(ring)
    assert len(pieces) == 2
    spans = sorted((min(x for x, _ in p), max(x for x, _ in p)) for p in pieces)
    assert spans == [(-180.0, -179.0), (179.0, 180.0)]
    for piece in pieces:
        assert not make_boundaries.crosses_antimeridian(piece)


def test_a_ring_round_the_pole_is_left_whole():
    antarctic = [
        [-180.0, -80.0],
        [180.0, -80.0],
        [90.0, -70.0],
        [0.0, -70.0],
        [-90.0, -70.0],
        [-180.0, -80.0],
    ]
    assert not make_boundaries.crosses_antimeridian(antarctic)


# --- the layer and its loader -----------------------------------------------------------


def test_layer_has_id_is_not_pickable_and_tints_visited_countries():
    layer = basemap.country_outline_layer(highlight_codes=["co", "PE"])
    assert layer.id == "country-outlines"
    assert layer.pickable is False
    fills = {
        f["properties"]["iso_a2"]: f["properties"]["fill_color"] for f in layer.data["features"]
    }
    assert fills["CO"] == fills["PE"] == basemap.VISITED_FILL_RGBA
    assert fills["JP"] == basemap.LAND_FILL_RGBA
    assert fills["CO"] != fills["JP"]


def test_layer_does_not_mutate_the_cached_outlines():
    basemap.country_outline_layer(highlight_codes=["JP"])
    cached = basemap.load_country_outlines()
    assert all("fill_color" not in f["properties"] for f in cached["features"])


def test_layer_serialises_pixel_line_units_as_a_literal():
    import pydeck as pdk

    deck = json.loads(pdk.Deck(layers=[basemap.country_outline_layer()]).to_json())
    assert deck["layers"][0]["lineWidthUnits"] == "pixels"


def test_missing_file_gives_empty_collection_and_warning(tmp_path, caplog):
    missing = tmp_path / "nowhere.geojson"
    with caplog.at_level(logging.WARNING, logger=basemap.__name__):
        result = basemap.load_country_outlines(missing)
    assert result == {"type": "FeatureCollection", "features": []}
    assert "nowhere.geojson" in caplog.text
    layer = basemap.country_outline_layer(path=missing)
    assert layer.id == "country-outlines"


@pytest.mark.parametrize("content", ["{not json", '{"type": "Feature"}', "[1, 2]", "\udcff"])
def test_corrupt_file_gives_empty_collection_and_warning(tmp_path, caplog, content):
    broken = tmp_path / "broken.geojson"
    broken.write_bytes(content.encode("utf-8", "surrogateescape"))
    with caplog.at_level(logging.WARNING, logger=basemap.__name__):
        result = basemap.load_country_outlines(broken)
    assert result["features"] == []
    assert "broken.geojson" in caplog.text


def test_basemap_style_is_none_offline_and_carto_online():
    assert basemap.basemap_style(online=False) is None
    assert basemap.basemap_style(online=True) == basemap.CARTO_LIGHT_STYLE
    assert basemap.basemap_style(online=True, dark=True) == basemap.CARTO_DARK_STYLE
    assert "mapbox" not in basemap.CARTO_LIGHT_STYLE


def test_rings_are_wound_per_rfc_7946(outlines):
    """Exterior rings anticlockwise, holes clockwise (world-atlas stores the opposite)."""
    for feature in outlines["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        for exterior, *holes in polygons:
            assert make_boundaries._signed_area(exterior) > 0, feature["properties"]["name"]
            for hole in holes:
                assert make_boundaries._signed_area(hole) < 0, feature["properties"]["name"]


def test_offline_options_ask_for_no_basemap_at_all() -> None:
    from dashboard.views.basemap import basemap_options

    # A map_style key, even None, makes st.pydeck_chart fetch Carto tiles.
    assert basemap_options(False) == {"map_provider": None}
    online = basemap_options(True, dark=True)
    assert online["map_provider"] == "carto" and "dark" in str(online["map_style"])


def test_record_map_offline_fetches_no_tiles(tmp_path) -> None:
    from dashboard.records import read_records
    from dashboard.views.record_views import build_record_deck, record_map_data

    (tmp_path / "blinken-antony-j.xml").write_text(
        '<trips><trip role="secretary" who="blinken-antony-j"><id>1</id>'
        "<role>secretary</role><name>Antony J. Blinken</name><start-date>2022-10-03</start-date>"
        '<end-date>2022-10-04</end-date><country id="co">Colombia</country>'
        "<locale>Bogota</locale><remarks/></trip></trips>", encoding="utf-8")
    records = read_records(tmp_path).frame
    deck = build_record_deck(record_map_data(records), online_basemap=False)
    assert deck.map_provider is None
    assert build_record_deck(record_map_data(records), online_basemap=True).map_provider
