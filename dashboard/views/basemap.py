"""Country outlines that make the map readable offline, and the optional online Carto basemap.

The outlines come from ``dashboard/static/countries-110m.json`` (Natural Earth 1:110m, public
domain; see data/README.md and scripts/make_boundaries.py). The file sits in the app's static
folder so that the browser fetches it once, by URL (`OUTLINES_URL`), and caches it: inlined
in the map's spec it was 918 KB of every rerun's websocket traffic. Carto's public basemap
styles need no token, so the online option never asks for a Mapbox key.
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

COUNTRY_OUTLINES_PATH = Path(__file__).resolve().parents[1] / "static" / "countries-110m.json"
# Relative, so it resolves under any server.baseUrlPath (pages are one level deep: /data ->
# /app/static/...). Served when server.enableStaticServing is on (.streamlit/config.toml).
OUTLINES_URL = "app/static/countries-110m.json"
LAYER_ID = "country-outlines"
VISITED_LAYER_ID = "visited-countries"

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


def country_outline_layers(
    highlight_codes: Collection[str] = (),
    url: str | None = None,
    path: Path | None = None,
    shifts: Collection[float] = (),
) -> list[pdk.Layer]:
    """The outline layers of a map. With `url` (the static file, see `OUTLINES_URL`) the
    world's outlines are fetched by the browser, once, and only the highlighted countries'
    shapes travel inline (a few KB) in a second layer; without it, one inline layer as
    `country_outline_layer` (for a server without static serving, and the report).
    `shifts` (degrees, ±360) adds copies of the world for a route drawn past ±180°: each a
    model matrix over the same lng/lat data (the browser fetches a URL once)."""
    layers = _outline_layers(highlight_codes, url, path, shift=0.0)
    for shift in shifts:
        layers += _outline_layers(highlight_codes, url, path, shift=float(shift))
    return layers


def _outline_layers(highlight_codes: Collection[str], url: str | None, path: Path | None,
                    shift: float) -> list[pdk.Layer]:
    extra: dict[str, Any] = {}
    suffix = ""
    if shift:
        extra["model_matrix"] = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, shift, 0, 0, 1]
        suffix = f"{shift:+.0f}"
    if url is None:
        layer = country_outline_layer(highlight_codes, path)
        if shift:
            layer = pdk.Layer("GeoJsonLayer", data=layer.data, id=LAYER_ID + suffix,
                              **_OUTLINE_STYLE, get_fill_color="properties.fill_color",
                              **extra)
        return [layer]
    highlight = frozenset(code.upper() for code in highlight_codes)
    visited = [feature for feature in load_country_outlines(path)["features"]
               if isinstance(feature, dict) and str(
                   (feature.get("properties") or {}).get("iso_a2", "")).upper() in highlight]
    layers = [pdk.Layer("GeoJsonLayer", data=url, id=LAYER_ID + suffix,
                        get_fill_color=LAND_FILL_RGBA, **_OUTLINE_STYLE, **extra)]
    if visited:
        layers.append(pdk.Layer(
            "GeoJsonLayer", data={"type": "FeatureCollection", "features": visited},
            id=VISITED_LAYER_ID + suffix, get_fill_color=VISITED_FILL_RGBA, **_OUTLINE_STYLE,
            **extra))
    return layers


_OUTLINE_STYLE: dict[str, Any] = {
    "pickable": False, "stroked": True, "filled": True, "get_line_color": BORDER_RGBA,
    "get_line_width": 1, "line_width_units": '"pixels"',
}


def served_outlines_url() -> str | None:
    """`OUTLINES_URL` when this Streamlit server serves the static folder, else None (the
    outlines then travel inline, as before)."""
    import streamlit as st  # here only: the rest of this module is plain pydeck

    return OUTLINES_URL if st.get_option("server.enableStaticServing") else None


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
