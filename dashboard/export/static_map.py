"""A route map drawn with plain plotly traces, for the standalone report.

plotly's geo maps (scattergeo) fetch their world topology from a CDN when drawn, which
would break the report's promise of no network at all. So the shipped country outlines are
drawn as filled polygons on ordinary longitude/latitude axes (an equirectangular map),
with the route and the stops on top: everything the browser needs is in the file.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.export.common import is_missing, iso_day, place_name, text_or_none
from dashboard.geo import frame_longitude, pacific_centred, split_at_antimeridian
from dashboard.views.colors import text_color_on

LAND_FILL = "rgba(150, 150, 150, 0.22)"
VISITED_FILL = "rgba(110, 140, 190, 0.40)"
BORDER = "rgba(110, 110, 110, 0.75)"
ROUTE = "rgba(60, 60, 60, 0.8)"
SEA = "#f4f7fb"
MIN_SPAN_DEGREES = 30.0  # a one-city view still shows the country around it


def plot_text(value: object) -> str:
    """Article text made inert for plotly labels: plotly reads a few HTML-like tags
    (<b>, <a href>), so < > & are escaped; plotly shows the entities as the characters."""
    return html.escape(str(value), quote=False)


def _rings(geometry: Mapping[str, Any]) -> Iterable[list[list[float]]]:
    if geometry.get("type") == "Polygon":
        yield from geometry.get("coordinates", [])
    elif geometry.get("type") == "MultiPolygon":
        for polygon in geometry.get("coordinates", []):
            yield from polygon


def _outline_xy(features: Iterable[Mapping[str, Any]]) -> tuple[list[float | None],
                                                                list[float | None]]:
    """All rings of `features` as one x/y list, rings separated by None (one trace)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for feature in features:
        for ring in _rings(feature.get("geometry") or {}):
            xs.extend(float(p[0]) for p in ring)
            ys.extend(float(p[1]) for p in ring)
            xs.append(None)
            ys.append(None)
    return xs, ys



def _view_box(xs: list[float], ys: list[float], *,
              wrapped: bool) -> tuple[list[float], list[float]]:
    """Axis ranges around the stops with a margin, never narrower than MIN_SPAN_DEGREES."""
    def padded(values: list[float], low: float, high: float) -> list[float]:
        lo, hi = min(values), max(values)
        span = max(hi - lo, MIN_SPAN_DEGREES)
        middle = (lo + hi) / 2
        half = span * 0.6
        return [max(low, middle - half), min(high, middle + half)]

    x_low, x_high = (0.0, 360.0) if wrapped else (-180.0, 180.0)
    return padded(xs, x_low - 30, x_high + 30), padded(ys, -85, 85)


def _days(stop: Mapping[str, Any]) -> str:
    first, last = iso_day(stop["start"]), iso_day(stop["end"])
    if first and last and first != last:
        return f"{first} to {last}"
    return first or last or "date unknown"


def _with_gaps(parts: Iterable[Iterable[tuple[float, float]]]) -> tuple[list[float | None],
                                                                       list[float | None]]:
    xs: list[float | None] = []
    ys: list[float | None] = []
    for part in parts:
        for x, y in part:
            xs.append(x)
            ys.append(y)
        xs.append(None)
        ys.append(None)
    return xs, ys


def build_static_map(itinerary: pd.DataFrame, colors: Mapping[str, str],
                     outlines: Mapping[str, Any], *, width: int = 1050,
                     route_colors: Mapping[str, str] | None = None) -> go.Figure:
    """Country outlines, each trip's route and numbered stops, on lon/lat axes.

    `route_colors` (trip_id -> colour) tells the trips' routes apart when several are shown.

    The figure's height follows the shape of the area shown (at `width` pixels), so the
    map fills its box; on a narrower page plotly keeps the proportions.
    """
    placed = itinerary[itinerary["lat"].notna() & itinerary["lon"].notna()]
    stops = placed.to_dict("records")
    wrapped = pacific_centred([float(s["lon"]) for s in stops])

    def x_of(lon: float) -> float:
        return frame_longitude(lon, wrapped)

    visited = set(itinerary["country_code"].astype(str).str.upper())
    features = [f for f in outlines.get("features", []) if isinstance(f, dict)]
    is_visited = [str((f.get("properties") or {}).get("iso_a2", "")).upper() in visited
                  for f in features]

    figure = go.Figure()
    for fill, chosen, name in ((LAND_FILL, False, "land"), (VISITED_FILL, True, "visited")):
        xs, ys = _outline_xy(f for f, v in zip(features, is_visited, strict=True) if v is chosen)
        if wrapped:  # the world twice, side by side, so the Pacific has land on both sides
            xs = xs + [None if x is None else x + 360 for x in xs]
            ys = ys + ys
        if xs:
            figure.add_trace(go.Scatter(
                x=xs, y=ys, mode="lines", fill="toself", fillcolor=fill,
                line={"color": BORDER, "width": 0.6}, hoverinfo="skip", name=name,
                showlegend=False,
            ))

    for trip_id, trip_stops in placed.groupby("trip_id", sort=False):
        ordered = trip_stops.sort_values("stop_index")
        if len(ordered) < 2:
            continue
        positions = [(x_of(float(lon)), float(lat))
                     for lon, lat in zip(ordered["lon"], ordered["lat"], strict=True)]
        parts = [positions] if wrapped else split_at_antimeridian(positions)
        xs, ys = _with_gaps(parts)
        figure.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False, name="route",
            line={"color": (route_colors or {}).get(str(trip_id), ROUTE), "width": 2,
                  "dash": "dot"},
        ))

    if stops:
        hover = []
        for stop in stops:
            lines = [f"<b>{int(stop['stop_index']) + 1}. {plot_text(place_name(stop))}</b>",
                     plot_text(_days(stop))]
            if stop["leaders"]:
                lines.append("Met: " + plot_text(", ".join(stop["leaders"])))
            if stop["city_inferred"] and text_or_none(stop["city"]):
                lines.append("city inferred")
            hover.append("<br>".join(lines))
        stop_xs = [x_of(float(s["lon"])) for s in stops]
        stop_ys = [float(s["lat"]) for s in stops]
        fills = [colors.get(s["stop_id"], "#0072B2") for s in stops]
        figure.add_trace(go.Scatter(
            x=stop_xs, y=stop_ys, mode="markers+text",
            marker={"size": 18, "color": fills, "line": {"color": "white", "width": 1.5}},
            text=[str(int(s["stop_index"]) + 1) for s in stops],
            textfont={"color": [text_color_on(c) for c in fills], "size": 11},
            textposition="middle center",
            hovertext=hover, hoverinfo="text", showlegend=False, name="stops",
        ))
        figure.add_trace(go.Scatter(
            x=stop_xs, y=stop_ys, mode="text",
            text=["  " + plot_text(text_or_none(s["city"]) or s["country"]) for s in stops],
            textposition="middle right", textfont={"size": 12, "color": "#222"},
            hoverinfo="skip", showlegend=False, name="labels",
        ))
        x_range, y_range = _view_box(stop_xs, stop_ys, wrapped=wrapped)
    else:
        x_range, y_range = [-180.0, 180.0], [-60.0, 85.0]

    # Equirectangular at the map's middle latitude: stretching y by 1/cos(lat) keeps
    # shapes near that latitude in proportion.
    middle_lat = (y_range[0] + y_range[1]) / 2
    stretch = 1 / max(math.cos(math.radians(middle_lat)), 0.35)
    aspect = (y_range[1] - y_range[0]) * stretch / (x_range[1] - x_range[0])
    figure.update_layout(
        height=int(min(max(width * aspect, 320), 640)),
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        plot_bgcolor=SEA, paper_bgcolor=SEA, dragmode="pan", hovermode="closest",
        # "range": plotly widens whichever range falls short of the box: no blank bands.
        xaxis={"range": x_range, "visible": False, "constrain": "range"},
        yaxis={"range": y_range, "visible": False, "scaleanchor": "x",
               "scaleratio": stretch, "constrain": "range"},
    )
    return figure


def stops_without_position(itinerary: pd.DataFrame) -> list[str]:
    """Stops the map cannot draw (no coordinates), named for a note under the map."""
    return [place_name(s) for s in itinerary.to_dict("records")
            if is_missing(s["lat"]) or is_missing(s["lon"])]
