"""Longitudes across the ±180° meridian, shared by every map the project draws.

A route is a sequence of (longitude, latitude) points in degrees (WGS 84). Each leg between
two points is taken the short way round: Tokyo (139.7) to Apia (-171.8) is 48° east over the
Pacific, not 311° west over Asia and Africa. Three outputs need this, in three forms:

- the live map (pydeck) and the record map draw on an unbounded Web Mercator plane, so they
  take `unwrap_route` (longitudes may leave -180..180: Apia becomes 188.2);
- the static map of the HTML report draws on lon/lat axes: `pacific_centred` says when to use
  a 0..360 axis instead of -180..180;
- GeoJSON (RFC 7946 §3.1.9) must cut a crossing leg in two: `split_at_antimeridian`.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

Position = tuple[float, float]


def short_way(previous: float, lon: float) -> float:
    """`lon` shifted by whole turns (360°) to lie within 180° of `previous`."""
    while lon - previous > 180:
        lon -= 360
    while previous - lon > 180:
        lon += 360
    return lon


def pacific_centred(lons: Sequence[float]) -> bool:
    """True when the points sit closer together seen across the ±180° meridian.

    Tokyo (139.7) and Honolulu (-157.9) are 62° apart over the Pacific but 298° apart on a
    map cut at ±180°; such a view is drawn on a 0°..360° axis instead.
    """
    if not lons:
        return False
    shifted = [lon + 360 if lon < 0 else lon for lon in lons]
    # A margin: routes all on one side have equal spans, up to rounding.
    return max(shifted) - min(shifted) < max(lons) - min(lons) - 1e-6


def frame_longitude(lon: float, pacific: bool) -> float:
    """`lon` on the map's axis: 0..360 for a Pacific-centred map, else -180..180."""
    return lon + 360 if pacific and lon < 0 else lon


def unwrap_route(lons: Sequence[float], pacific: bool | None = None) -> list[float]:
    """The longitudes of one route, each leg the short way round (|step| <= 180°).

    The first point is placed on the map's axis (`pacific`: 0..360, else -180..180; None
    decides from the route itself with `pacific_centred`), so several routes unwrapped with
    the same `pacific` share one frame. Tokyo, Apia, Lima -> [139.7, 188.2, 283.0].
    """
    if not lons:
        return []
    if pacific is None:
        pacific = pacific_centred(lons)
    out = [frame_longitude(float(lons[0]), pacific)]
    for lon in lons[1:]:
        out.append(short_way(out[-1], float(lon)))
    return out


def unwrap_path(path: Sequence[Sequence[float]]) -> list[list[float]]:
    """[[lon, lat], ...] with each leg the short way round (see `unwrap_route`); the first
    point keeps its longitude. Fiji to Australia is drawn across the Pacific."""
    unwrapped = unwrap_route([float(p[0]) for p in path], pacific=False)
    return [[lon, float(p[1])] for lon, p in zip(unwrapped, path, strict=True)]


def split_at_antimeridian(positions: list[Position]) -> list[list[Position]]:
    """Cut a route where a leg is shorter across the ±180° meridian than across the map.

    A leg from Tokyo (139.7) to Honolulu (-157.9) goes east over the Pacific, so it is
    drawn as Tokyo -> (180, lat) and (-180, lat) -> Honolulu with the latitude interpolated.
    """
    if not positions:
        return []
    parts: list[list[Position]] = [[positions[0]]]
    for (lon0, lat0), (lon1, lat1) in pairwise(positions):
        if abs(lon1 - lon0) > 180:
            edge = 180.0 if lon0 > 0 else -180.0
            shifted = lon1 + 360 if lon0 > 0 else lon1 - 360  # lon1 on lon0's side
            fraction = (edge - lon0) / (shifted - lon0)
            lat_cross = lat0 + fraction * (lat1 - lat0)
            parts[-1].append((edge, lat_cross))
            parts.append([(-edge, lat_cross)])
        parts[-1].append((lon1, lat1))
    return parts
