"""The route map: stops as numbered points, the legs between them in travel order, country
outlines underneath. Built with pydeck; draws with no network unless tiles are asked for.

Direction is shown three ways, so it survives colour-blindness and greyscale printing: the
stops carry their order number, each leg fades from its start stop's colour to its end
stop's colour, and a chevron at the middle of each leg points the way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

import pandas as pd
import pydeck as pdk

from dashboard.views.basemap import basemap_options, country_outline_layer
from dashboard.views.colors import NEUTRAL, hex_to_rgb
from dashboard.views.provenance import provenance_line

STOPS_LAYER = "stops"
LEGS_LAYER = "route-legs"
ARROWS_LAYER = "route-arrows"
LABELS_LAYER = "stop-labels"
OUTLINES_LAYER = "country-outlines"
# A generic family: a list of named fonts is not valid inside pydeck's quoted-string form,
# and the canvas then draws no label at all.
FONT = "sans-serif"

_INERT_BRACKETS = str.maketrans({"<": "‹", ">": "›"})
TOOLTIP = {
    "html": "<b>{tip_title}</b><br/>{tip_days}<br/>{tip_leaders}<br/>{tip_topics}",
    "style": {"backgroundColor": "#1f2430", "color": "#ffffff", "fontSize": "13px",
              "maxWidth": "320px", "whiteSpace": "normal"},
}


# Text drawn over the raised route arcs: without this the arcs hide the stop labels.
ON_TOP = {"depthTest": False}

def format_day(day: object) -> str:
    """'Mon 3 Oct 2022' (weekday first: itineraries are talked about in weekdays)."""
    stamp = pd.Timestamp(day)  # type: ignore[arg-type]
    return f"{stamp:%a} {stamp.day} {stamp:%b %Y}"


def format_days(start: object, end: object) -> str:
    """A stop's days in words: 'Thu 6 – Fri 7 Oct 2022', 'Mon 3 Oct 2022', 'dates unknown'."""
    start_ts = pd.Timestamp(start) if pd.notna(start) else None  # type: ignore[arg-type]
    end_ts = pd.Timestamp(end) if pd.notna(end) else None  # type: ignore[arg-type]
    if start_ts is None and end_ts is None:
        return "dates unknown"
    if start_ts is None or end_ts is None or start_ts == end_ts:
        only = start_ts if start_ts is not None else end_ts
        suffix = "" if start_ts is not None and end_ts is not None else (
            " (end unknown)" if end_ts is None else " (start unknown)")
        return format_day(only) + suffix
    if (start_ts.year, start_ts.month) == (end_ts.year, end_ts.month):
        return f"{start_ts:%a} {start_ts.day} – {format_day(end_ts)}"
    if start_ts.year == end_ts.year:
        return f"{start_ts:%a} {start_ts.day} {start_ts:%b} – {format_day(end_ts)}"
    return f"{format_day(start_ts)} – {format_day(end_ts)}"


def place_name(stop: Mapping[str, Any]) -> str:
    city = stop.get("city")
    country = stop.get("country") or stop.get("country_code")
    return f"{city}, {country}" if isinstance(city, str) and city else str(country)


def tooltip_text(text: object) -> str:
    """Article text made inert for a deck.gl tooltip. st.pydeck_chart escapes the values it
    puts into the tooltip template, so escaping here too would show "&amp;lt;" to readers;
    angle brackets become look-alikes instead, which is inert with or without that escaping."""
    return str(text).translate(_INERT_BRACKETS)


def _tooltip_fields(stop: Mapping[str, Any], topic_labels: Mapping[str, str],
                    trip_title: str | None) -> dict[str, str]:
    """The tooltip lines of one stop (plain text; the template adds the markup)."""
    number = int(stop["stop_index"]) + 1
    inferred = " (city inferred)" if stop.get("city_inferred") and stop.get("city") else ""
    days = format_days(stop.get("start"), stop.get("end"))
    if stop.get("dates_inferred"):
        days += " (inferred)"
    if trip_title:
        days = f"{days} · {trip_title}"
    provenance = provenance_line(stop)  # "2 sources · ⚠ sources disagree (dates)"
    if provenance:
        days = f"{days} · {provenance}"
    leaders = list(stop.get("leaders") or [])
    topics = [topic_labels.get(t, t) for t in stop.get("topics") or []]
    return {
        "tip_title": tooltip_text(f"{number}. {place_name(stop)}{inferred}"),
        "tip_days": tooltip_text(days),
        "tip_leaders": tooltip_text("Met: " + ", ".join(leaders) if leaders
                                    else "No leader named"),
        "tip_topics": tooltip_text("Topics: " + ", ".join(topics) if topics
                                   else "No topic tagged"),
    }


def located(itinerary: pd.DataFrame) -> pd.DataFrame:
    """The stops that have coordinates, in trip and travel order."""
    rows = itinerary.dropna(subset=["lat", "lon"])
    return rows.sort_values(["trip_id", "stop_index"]).reset_index(drop=True)


def bearing(lon0: float, lat0: float, lon1: float, lat1: float) -> float:
    """Screen angle (degrees, counter-clockwise from east) of a leg on a Mercator map."""
    def y(lat: float) -> float:
        return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))

    return math.degrees(math.atan2(y(lat1) - y(lat0), lon1 - lon0))


def fitted_view(lons: Sequence[float], lats: Sequence[float], width: int = 640,
                height: int = 460) -> pdk.ViewState:
    """A view that shows every point with a margin (Web Mercator, 512-px world at zoom 0)."""
    if not lons:
        return pdk.ViewState(latitude=20, longitude=0, zoom=0.6)
    lon_span = max(lons) - min(lons)
    lat_span = max(lats) - min(lats)
    # At least ~12 degrees across, so one stop or a short hop still shows its country and
    # neighbours rather than a featureless close-up.
    zoom_lon = math.log2(360 * width / (512 * max(lon_span, 12.0) * 1.5))
    zoom_lat = math.log2(170 * height / (512 * max(lat_span, 12.0) * 1.6))
    zoom = max(0.3, min(zoom_lon, zoom_lat, 5.0))
    return pdk.ViewState(latitude=(max(lats) + min(lats)) / 2,
                         longitude=(max(lons) + min(lons)) / 2, zoom=zoom, pitch=0, bearing=0)


def stop_records(itinerary: pd.DataFrame, colors: Mapping[str, str],
                 topic_labels: Mapping[str, str], trip_titles: Mapping[str, str],
                 selected_stop_id: str | None, show_trip: bool) -> list[dict[str, Any]]:
    """One plain (JSON-ready) dict per located stop for the point and label layers."""
    records = []
    rows = located(itinerary)
    firsts = rows.groupby("trip_id")["stop_index"].min().to_dict()
    trip_order = {trip_id: n for n, trip_id in enumerate(dict.fromkeys(rows["trip_id"]))}
    for stop in rows.to_dict("records"):
        color = colors.get(stop["stop_id"], NEUTRAL)
        selected = stop["stop_id"] == selected_stop_id
        label_place = stop["city"] if isinstance(stop["city"], str) and stop["city"] else (
            stop["country"])
        label = f"{int(stop['stop_index']) + 1}. {label_place}"
        if show_trip:
            # Several trips overlap: name each trip once, at its first stop, and keep the map
            # readable; every stop's tooltip still says where and when.
            first = stop["stop_index"] == firsts.get(stop["trip_id"])
            title = str(trip_titles.get(stop["trip_id"], stop["trip_id"]))
            label = (title if len(title) <= 28 else title[:27].rstrip() + "…") if first else ""
        records.append({
            "stop_id": stop["stop_id"],
            "trip_id": stop["trip_id"],
            "position": [float(stop["lon"]), float(stop["lat"])],
            "color": hex_to_rgb(color, 235),
            "radius": 13 if selected else 9,
            "line": [255, 255, 255, 255] if not selected else [20, 20, 20, 255],
            "label": label,
            # Trips that share a first stop would print their names on top of each other.
            "label_offset": [0, -22 - 18 * (trip_order.get(stop["trip_id"], 0) % 3)],
            **_tooltip_fields(stop, topic_labels,
                              trip_titles.get(stop["trip_id"]) if show_trip else None),
        })
    return records


def leg_records(itinerary: pd.DataFrame, colors: Mapping[str, str]) -> list[dict[str, Any]]:
    """One dict per leg between consecutive located stops of the same trip."""
    legs = []
    for _, trip in located(itinerary).groupby("trip_id", sort=False):
        rows = trip.to_dict("records")
        for start, end in pairwise(rows):
            lon0, lat0, lon1, lat1 = (float(start["lon"]), float(start["lat"]),
                                      float(end["lon"]), float(end["lat"]))
            legs.append({
                "trip_id": start["trip_id"],
                "from": [lon0, lat0],
                "to": [lon1, lat1],
                "middle": [(lon0 + lon1) / 2, (lat0 + lat1) / 2],
                "angle": bearing(lon0, lat0, lon1, lat1),
                "arrow": ">",
                "from_color": hex_to_rgb(colors.get(start["stop_id"], NEUTRAL), 220),
                "to_color": hex_to_rgb(colors.get(end["stop_id"], NEUTRAL), 220),
                "tip_title": tooltip_text(
                    f"Leg {int(start['stop_index']) + 1} → {int(end['stop_index']) + 1}"),
                "tip_days": tooltip_text(f"{place_name(start)} → {place_name(end)}"),
                "tip_leaders": "", "tip_topics": "",
            })
    return legs


def build_deck(
    itinerary: pd.DataFrame,
    colors: Mapping[str, str],
    *,
    topic_labels: Mapping[str, str] | None = None,
    trip_titles: Mapping[str, str] | None = None,
    selected_stop_id: str | None = None,
    online_basemap: bool = False,
    dark: bool = False,
    show_trip: bool = False,
) -> pdk.Deck:
    """The map of `itinerary`. `colors` maps stop_id -> hex (pass trip colours per stop for
    the all-trips view). With `online_basemap` False, nothing is fetched from the network."""
    stops = stop_records(itinerary, colors, topic_labels or {}, trip_titles or {},
                         selected_stop_id, show_trip)
    legs = leg_records(itinerary, colors)
    visited = sorted(set(itinerary["country_code"].dropna()))
    text_color = [235, 235, 235, 255] if dark else [25, 25, 25, 255]
    label_background = [30, 30, 36, 235] if dark else [255, 255, 255, 235]
    layers = [
        country_outline_layer(visited),
        pdk.Layer(
            "ArcLayer", data=legs, id=LEGS_LAYER, pickable=True, get_source_position="from",
            get_target_position="to", get_source_color="from_color",
            get_target_color="to_color", get_width=4, width_units='"pixels"',
            get_height=0.25, great_circle=False,
        ),
        pdk.Layer(
            "TextLayer", data=legs, id=ARROWS_LAYER, pickable=False, get_position="middle",
            get_text="arrow", get_angle="angle", get_size=32, get_color="to_color",
            font_weight=900, get_text_anchor='"middle"', get_alignment_baseline='"center"',
            outline_width=2, outline_color=[255, 255, 255, 255], font_settings={"sdf": True},
            parameters=ON_TOP,
        ),
        pdk.Layer(
            "ScatterplotLayer", data=stops, id=STOPS_LAYER, pickable=True,
            get_position="position", get_fill_color="color", get_radius="radius",
            radius_units='"pixels"', stroked=True, get_line_color="line", line_width_units=(
                '"pixels"'), get_line_width=2,
        ),
        pdk.Layer(
            "TextLayer", data=[s for s in stops if s["label"]], id=LABELS_LAYER,
            pickable=False, get_position="position",
            get_text="label", get_size=14, get_color=text_color, font_family=f'"{FONT}"',
            get_pixel_offset="label_offset", get_text_anchor='"middle"',
            get_alignment_baseline='"bottom"', background=True,
            get_background_color=label_background, background_padding=[4, 2, 4, 2],
            character_set='"auto"', parameters=ON_TOP,
        ),
    ]
    lons = [s["position"][0] for s in stops]
    lats = [s["position"][1] for s in stops]
    return pdk.Deck(layers=layers, initial_view_state=fitted_view(lons, lats),
                    tooltip=TOOLTIP, **basemap_options(online_basemap, dark))


def selected_stop(event: object) -> str | None:
    """The stop_id picked on the map, from st.pydeck_chart's selection state."""
    selection = getattr(event, "selection", None)
    if selection is None and isinstance(event, Mapping):
        selection = event.get("selection")
    if not selection:
        return None
    objects = (selection.get("objects") if isinstance(selection, Mapping)
               else getattr(selection, "objects", None)) or {}
    picked = objects.get(STOPS_LAYER) or []
    if picked and isinstance(picked[0], Mapping):
        value = picked[0].get("stop_id")
        return str(value) if value else None
    return None
