"""Country outlines that make the map readable offline, and the optional online Carto basemap.

The outlines come from ``data/countries-110m.geojson`` (Natural Earth 1:110m, public domain;
see data/README.md and scripts/make_boundaries.py). Carto's public basemap styles need no
token, so the online option never asks for a Mapbox key.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import Any

import pydeck as pdk

logger = logging.getLogger(__name__)

COUNTRY_OUTLINES_PATH = Path(__file__).resolve().parents[2] / "data" / "countries-110m.geojson"
LAYER_ID = "country-outlines"

# Translucent greys read on both the light and the dark theme background, and under a tiled
# basemap they only add a faint wash.
LAND_FILL_RGBA = [150, 150, 150, 45]
BORDER_RGBA = [128, 128, 128, 160]
# A soft blue-grey for visited countries, kept apart from the Okabe-Ito stop colours so a
# country tint is never mistaken for a stop.
VISITED_FILL_RGBA = [110, 140, 190, 95]

MAP_PROVIDER = "carto"
CARTO_LIGHT_STYLE = pdk.map_styles.CARTO_LIGHT
CARTO_DARK_STYLE = pdk.map_styles.CARTO_DARK


def empty_feature_collection() -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": []}


@lru_cache(maxsize=4)
def load_country_outlines(path: Path | None = None) -> dict[str, Any]:
    """The country outlines GeoJSON as a dict (shared between calls: do not mutate it).

    A missing or unreadable file logs a warning and gives an empty FeatureCollection, so the
    map still draws its stops and route without outlines.
    """
    source = path if path is not None else COUNTRY_OUTLINES_PATH
    try:
        collection = json.loads(Path(source).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        logger.warning("Country outlines not loaded from %s: %s", source, error)
        return empty_feature_collection()
    if (
        not isinstance(collection, dict)
        or collection.get("type") != "FeatureCollection"
        or not isinstance(collection.get("features"), list)
    ):
        logger.warning(
            "Country outlines not loaded from %s: not a GeoJSON FeatureCollection", source
        )
        return empty_feature_collection()
    return collection


def _with_fill_colours(collection: dict[str, Any], highlight: frozenset[str]) -> dict[str, Any]:
    """A copy whose features carry their own fill colour (geometry shared, not copied)."""
    features = []
    for feature in collection["features"]:
        if not isinstance(feature, dict):
            continue
        properties = dict(feature.get("properties") or {})
        visited = str(properties.get("iso_a2", "")).upper() in highlight
        properties["fill_color"] = VISITED_FILL_RGBA if visited else LAND_FILL_RGBA
        features.append({**feature, "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def country_outline_layer(
    highlight_codes: Collection[str] = (),
    path: Path | None = None,
) -> pdk.Layer:
    """A GeoJsonLayer of country outlines; countries in ``highlight_codes`` (ISO alpha-2)
    get a soft tint. Not pickable, so tooltips and clicks go to the stops above it."""
    highlight = frozenset(code.upper() for code in highlight_codes)
    return pdk.Layer(
        "GeoJsonLayer",
        data=_with_fill_colours(load_country_outlines(path), highlight),
        id=LAYER_ID,
        pickable=False,
        stroked=True,
        filled=True,
        get_fill_color="properties.fill_color",
        get_line_color=BORDER_RGBA,
        get_line_width=1,
        # Quoted, or pydeck would send the bare string as a JavaScript expression.
        line_width_units='"pixels"',
    )


def basemap_style(online: bool, dark: bool = False) -> str | None:
    """The Carto style for online users (dark or light), None offline."""
    if not online:
        return None
    return CARTO_DARK_STYLE if dark else CARTO_LIGHT_STYLE


def basemap_options(online: bool, dark: bool = False) -> dict[str, object]:
    """Keyword arguments for ``pdk.Deck``: Carto tiles when the user wants them, else no
    basemap at all. Offline there must be no ``map_style`` key: pydeck then sends its "no
    style" sentinel, which st.pydeck_chart honours, while ``map_style=None`` makes Streamlit
    fetch its own Carto tiles (a network request, and a console error offline)."""
    if online:
        return {"map_provider": MAP_PROVIDER, "map_style": basemap_style(True, dark)}
    return {"map_provider": None}
