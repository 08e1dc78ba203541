"""The route map: stops as numbered points, the legs between them in travel order, country
outlines underneath. Built with pydeck; draws with no network unless tiles are asked for.

Direction is shown three ways, so it survives colour-blindness and greyscale printing: the
stops carry their order number, each leg fades from its start stop's colour to its end
stop's colour, and a chevron at the middle of each leg points the way.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from dashboard.geo import pacific_centred, unwrap_route
from dashboard.provenance import correction_note
from dashboard.views.basemap import basemap_options, country_outline_layers
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

class CompactDeck(pdk.Deck):
    """A Deck whose JSON (what st.pydeck_chart sends) has no indentation and no key sorting:
    pydeck's own `to_json` indents every coordinate onto its own line, which made the spec
    several times larger and its dump half the time of a rerun."""

    _frozen_json: str | None = None

    def to_json(self) -> str:
        if self._frozen_json is not None:
            return self._frozen_json
        return json.dumps(self, default=default_serialize, separators=(",", ":"))

    def freeze(self) -> CompactDeck:
        """Keep the JSON of the deck as it is now: every later `to_json` returns it without
        dumping again. For a deck shared by reruns (`dashboard.figure_cache`) that nobody
        changes afterwards; returns the deck."""
        self._frozen_json = None
        self._frozen_json = self.to_json()
        return self


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
    corrected = correction_note(stop)
    if corrected:  # a reader's correction is said on the first line a reader looks at
        days += f" · ✎ {corrected}"
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


# --- Web Mercator: deck.gl's world is 512 px wide at zoom 0 ---------------------------------

WORLD_PX = 512.0
MAX_LAT = 85.0
# The narrowest canvas the map gets: one column of the page on a 390 px phone (the two
# columns stack there), and about the same beside the timeline on a laptop. Fitting to it
# keeps every stop and label inside on any screen; a wider canvas shows more around them.
FIT_WIDTH = 340
MAP_HEIGHT = 460
# At least ~12 degrees across, so one stop or a short hop still shows its country and
# neighbours rather than a featureless close-up.
MIN_SPAN_DEGREES = 12.0
MIN_ZOOM = 0.0


def _unit_x(lon: float) -> float:
    return (lon + 180.0) / 360.0


def _unit_y(lat: float) -> float:
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    return (math.pi - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))) / (2 * math.pi)


def _lat_of(unit_y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(math.pi - unit_y * 2 * math.pi)) - math.pi / 2)


def fitted_view(lons: Sequence[float], lats: Sequence[float], width: int = FIT_WIDTH,
                height: int = MAP_HEIGHT,
                margins: tuple[float, float, float, float] = (24, 24, 24, 24)) -> pdk.ViewState:
    """A view that shows every point inside a `width` x `height` px canvas, keeping
    `margins` (left, top, right, bottom, px) free for labels. Longitudes may lie outside
    -180..180 (an unwrapped trans-Pacific route, see `map_longitudes`)."""
    if not lons:
        return pdk.ViewState(latitude=20, longitude=0, zoom=0.6)
    xs = [_unit_x(float(lon)) for lon in lons]
    ys = [_unit_y(float(lat)) for lat in lats]
    min_span = MIN_SPAN_DEGREES / 360.0
    span_x, span_y = max(max(xs) - min(xs), min_span), max(max(ys) - min(ys), min_span)
    left, top, right, bottom = margins
    room_x, room_y = max(width - left - right, 60.0), max(height - top - bottom, 60.0)
    zoom = math.log2(min(room_x / (span_x * WORLD_PX), room_y / (span_y * WORLD_PX)))
    # deck.gl's map stops at zoom 0 (the 512 px world): a route round the whole world is
    # cropped on a phone, where the reader pans.
    zoom = max(MIN_ZOOM, min(zoom, 5.0))
    scale = WORLD_PX * 2 ** zoom
    # The points' box sits in the middle of the room the margins leave.
    centre_x = (max(xs) + min(xs)) / 2 - (left - right) / 2 / scale
    centre_y = (max(ys) + min(ys)) / 2 - (top - bottom) / 2 / scale
    longitude = centre_x * 360.0 - 180.0
    return pdk.ViewState(latitude=round(_lat_of(centre_y), 4), longitude=round(longitude, 4),
                         zoom=round(zoom, 3), pitch=0, bearing=0, min_zoom=MIN_ZOOM)


def to_pixels(view: pdk.ViewState, lon: float, lat: float, width: int = FIT_WIDTH,
              height: int = MAP_HEIGHT) -> tuple[float, float]:
    """Where (lon, lat) is drawn on a `width` x `height` canvas showing `view` (px from the
    top-left corner). No wrapping: deck.gl draws a zoomed-in layer only where its own
    longitudes put it."""
    scale = WORLD_PX * 2 ** float(view.zoom)
    x = (_unit_x(lon) - _unit_x(float(view.longitude))) * scale + width / 2
    y = (_unit_y(lat) - _unit_y(float(view.latitude))) * scale + height / 2
    return x, y


# --- labels ---------------------------------------------------------------------------------

LABEL_SIZE = 14
MAX_TRIP_LABELS = 30
LABEL_HEIGHT = 20.0  # px: 14 px text and the background padding
STOP_RADIUS_PX = 11.0


def label_size(text: str) -> tuple[float, float]:
    """Width and height (px) of a 14 px label with its background: a generous average
    character width, so an estimate never lets two real labels touch."""
    return 8.0 + 8.2 * len(text), LABEL_HEIGHT


def _candidate_offsets(width: float, height: float) -> list[tuple[float, float]]:
    """Label centres relative to its stop, in order of preference: above, below, right,
    left, then further out above and below (stacked trip names at a shared first stop)."""
    gap = STOP_RADIUS_PX + 3
    above, below = -(gap + height / 2), gap + height / 2
    side = gap + width / 2
    return [(0, above), (0, below), (side, 0), (-side, 0), (side, above), (-side, above),
            (side, below), (-side, below), (0, above - height - 2), (0, below + height + 2),
            (0, above - 2 * (height + 2)), (0, below + 2 * (height + 2))]


Box = tuple[float, float, float, float]  # left, top, right, bottom (px)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class _Grid:
    """Boxes bucketed by 64 px cells, so a label is tested against its neighbours only."""

    CELL = 64.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[Box]] = {}

    def _keys(self, box: Box) -> list[tuple[int, int]]:
        x0, y0 = int(box[0] // self.CELL), int(box[1] // self.CELL)
        x1, y1 = int(box[2] // self.CELL), int(box[3] // self.CELL)
        return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]

    def add(self, box: Box) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(box)

    def hits(self, box: Box) -> int:
        """How many stored boxes overlap `box` (one met in two cells counts twice)."""
        count = 0
        for key in self._keys(box):
            for other in self.cells.get(key, ()):
                if _overlaps(box, other):
                    count += 1
        return count


def place_labels(points: Sequence[tuple[float, float]], texts: Sequence[str],
                 obstacles: Sequence[tuple[float, float]] = (), width: float = FIT_WIDTH,
                 height: float = MAP_HEIGHT) -> list[tuple[float, float]]:
    """A pixel offset (label centre minus point) for each label, so that no two labels
    overlap, no label covers a stop (`obstacles`, px) and each stays on the canvas where any
    place allows it. Greedy, in the given (travel) order: each label takes the first free
    place of above, below, right, left, then further out; where none is free it keeps the
    place overlapping least. Asunción and São Paulo, 1,000 km apart, fall 20 px apart on a
    map of South America: one goes above its stop, the other below."""
    labels, circles = _Grid(), _Grid()
    for x, y in obstacles:
        circles.add((x - STOP_RADIUS_PX, y - STOP_RADIUS_PX, x + STOP_RADIUS_PX,
                     y + STOP_RADIUS_PX))
    offsets = []
    for (x, y), text in zip(points, texts, strict=True):
        w, h = label_size(text)
        best: tuple[float, tuple[float, float], Box] | None = None
        for dx, dy in _candidate_offsets(w, h):
            box = (x + dx - w / 2, y + dy - h / 2, x + dx + w / 2, y + dy + h / 2)
            outside = box[0] < 0 or box[1] < 0 or box[2] > width or box[3] > height
            cost = labels.hits(box) * 10 + circles.hits(box) + (5 if outside else 0)
            if best is None or cost < best[0]:
                best = (cost, (dx, dy), box)
            if cost == 0:
                break
        assert best is not None
        offsets.append(best[1])
        labels.add(best[2])
    return offsets


# --- records for the layers -----------------------------------------------------------------

def map_longitudes(rows: pd.DataFrame) -> list[float]:
    """Longitudes to draw `rows` (located stops in trip and travel order) at: each leg the
    short way round the globe, all trips in one frame (Pacific-centred when that is
    shorter). Tokyo, Apia, Lima -> -220.3, -171.8, -77.0: the Apia leg crosses the Pacific, and
    the route's middle stays within -180..180."""
    if rows.empty:
        return []
    lons = [float(lon) for lon in rows["lon"]]
    pacific = pacific_centred(lons)
    out: list[float] = []
    start = 0
    trip_ids = list(rows["trip_id"])
    for end in range(1, len(lons) + 1):  # rows come grouped by trip, in travel order
        if end == len(lons) or trip_ids[end] != trip_ids[start]:
            out.extend(unwrap_route(lons[start:end], pacific))
            start = end
    # deck.gl draws only the world copies in sight: the route's middle must lie within
    # -180..180, where the view is centred, or a zoomed-in map shows none of it.
    turns = round(((max(out) + min(out)) / 2) / 360)
    return [lon - 360 * turns for lon in out]


def stop_records(itinerary: pd.DataFrame, colors: Mapping[str, str],
                 topic_labels: Mapping[str, str], trip_titles: Mapping[str, str],
                 selected_stop_id: str | None, show_trip: bool) -> list[dict[str, Any]]:
    """One plain (JSON-ready) dict per located stop for the point and label layers; labels
    get their offset from `build_deck`."""
    records = []
    rows = located(itinerary)
    firsts = rows.groupby("trip_id")["stop_index"].min().to_dict()
    for stop, lon in zip(rows.to_dict("records"), map_longitudes(rows), strict=True):
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
            label = short_label(title) if first else ""
        records.append({
            "stop_id": stop["stop_id"],
            "trip_id": stop["trip_id"],
            "position": [round(lon, 5), float(stop["lat"])],
            "color": hex_to_rgb(color, 235),
            "radius": 13 if selected else 9,
            "line": [255, 255, 255, 255] if not selected else [20, 20, 20, 255],
            "label": label,
            "label_offset": [0, 0],
            **_tooltip_fields(stop, topic_labels,
                              trip_titles.get(stop["trip_id"]) if show_trip else None),
        })
    return records


def short_label(title: str, limit: int = 28) -> str:
    """A trip title cut to `limit` characters with an ellipsis."""
    return title if len(title) <= limit else title[:limit - 1].rstrip() + "…"


def merge_shared_labels(stops: list[dict[str, Any]], limit: int = MAX_TRIP_LABELS,
                        per_place: int = 3) -> None:
    """In the all-trips view: up to `per_place` trip names where trips share a first stop
    (placed apart by `place_labels`), one label for more ("Trip A (+5 more)"), and at most
    `limit` labels in all, the first trips' (in place). Hundreds of trip names on one small
    map are unreadable and cost seconds to place; each stop's tooltip still names its trip."""
    by_place: dict[tuple[float, float], list[dict[str, Any]]] = {}
    for stop in stops:
        if stop["label"]:
            by_place.setdefault((stop["position"][0], stop["position"][1]), []).append(stop)
    shown = 0
    for group in by_place.values():
        if len(group) > per_place:
            group[0]["label"] = f"{group[0]['label']} (+{len(group) - 1} more)"
            for other in group[1:]:
                other["label"] = ""
        for stop in group:
            if stop["label"]:
                shown += 1
                if shown > limit:
                    stop["label"] = ""


def leg_records(itinerary: pd.DataFrame, colors: Mapping[str, str]) -> list[dict[str, Any]]:
    """One dict per leg between consecutive located stops of the same trip, each the short
    way round the globe (see `map_longitudes`)."""
    legs = []
    rows = located(itinerary)
    rows = rows.assign(_map_lon=map_longitudes(rows))
    for start, end in pairwise(rows.to_dict("records")):
        if start["trip_id"] == end["trip_id"]:  # rows come grouped by trip, in travel order
            lon0, lat0, lon1, lat1 = (float(start["_map_lon"]), float(start["lat"]),
                                      float(end["_map_lon"]), float(end["lat"]))
            legs.append({
                "trip_id": start["trip_id"],
                "from": [round(lon0, 5), lat0],
                "to": [round(lon1, 5), lat1],
                "middle": [round((lon0 + lon1) / 2, 5), (lat0 + lat1) / 2],
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


def world_copies(stops: Sequence[Mapping[str, Any]]) -> list[float]:
    """Longitude shifts (±360°) of the country outlines a route unwrapped past ±180° needs:
    Tokyo drawn at -220.3° lies on the copy of the world shifted by -360°."""
    lons = [float(s["position"][0]) for s in stops]
    if not lons:
        return []
    return [shift for shift, needed in ((-360.0, min(lons) < -180), (360.0, max(lons) > 180))
            if needed]


def route_view(stops: Sequence[Mapping[str, Any]], width: int = FIT_WIDTH,
               height: int = MAP_HEIGHT) -> pdk.ViewState:
    """The view fitted to the stops with room for their labels: the widest label's half
    width on each side, a label's height above and below."""
    labels = [str(s["label"]) for s in stops if s.get("label")]
    half = max((label_size(t)[0] / 2 for t in labels), default=0.0)
    side = max(24.0, min(half + 6, width / 3))
    vertical = STOP_RADIUS_PX + LABEL_HEIGHT + 10
    return fitted_view([s["position"][0] for s in stops], [s["position"][1] for s in stops],
                       width, height, margins=(side, vertical, side, vertical))


def label_stops(stops: list[dict[str, Any]], view: pdk.ViewState, width: int = FIT_WIDTH,
                height: int = MAP_HEIGHT) -> None:
    """Set each stop's `label_offset` with `place_labels` at the fitted view (in place)."""
    pixels = [to_pixels(view, s["position"][0], s["position"][1], width, height)
              for s in stops]
    labelled = [n for n, s in enumerate(stops) if s["label"]]
    offsets = place_labels([pixels[n] for n in labelled], [stops[n]["label"] for n in labelled],
                           obstacles=pixels, width=width, height=height)
    for n, (dx, dy) in zip(labelled, offsets, strict=True):
        stops[n]["label_offset"] = [round(dx, 1), round(dy, 1)]


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
    outlines_url: str | None = None,
) -> CompactDeck:
    """The map of `itinerary`. `colors` maps stop_id -> hex (pass trip colours per stop for
    the all-trips view). With `online_basemap` False, nothing is fetched from the network
    (`outlines_url`, the app's own static file, is fetched from the app's server)."""
    stops = stop_records(itinerary, colors, topic_labels or {}, trip_titles or {},
                         selected_stop_id, show_trip)
    legs = leg_records(itinerary, colors)
    if show_trip:
        merge_shared_labels(stops)
    view = route_view(stops)
    label_stops(stops, view)
    visited = sorted(set(itinerary["country_code"].dropna()))
    text_color = [235, 235, 235, 255] if dark else [25, 25, 25, 255]
    label_background = [30, 30, 36, 235] if dark else [255, 255, 255, 235]
    layers = [
        *country_outline_layers(visited, url=outlines_url, shifts=world_copies(stops)),
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
            get_alignment_baseline='"center"', background=True,
            get_background_color=label_background, background_padding=[4, 2, 4, 2],
            character_set='"auto"', parameters=ON_TOP,
        ),
    ]
    return CompactDeck(layers=layers, initial_view_state=view,
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
