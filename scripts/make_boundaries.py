"""Build dashboard/static/countries-110m.json (GeoJSON) from the world-atlas TopoJSON
(Natural Earth 1:110m).

Usage (from the repository root; npm is only needed to fetch the source once):

    cd /tmp && npm pack world-atlas@2 && cd -
    .venv/bin/python scripts/make_boundaries.py /tmp/world-atlas-2.0.2.tgz

The argument may be the npm tarball or an extracted ``countries-110m.json``. The output is a
GeoJSON FeatureCollection with ``properties.iso_a2`` and ``properties.name``, coordinates
rounded to two decimals (about 1 km, finer than the 1:110m source) to keep the file small.

The decoder is a few lines of the TopoJSON spec (quantised, delta-encoded arcs); the one
maintained PyPI TopoJSON package is an encoder that would pull in shapely and numpy for it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
from collections.abc import Iterator, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import pycountry

TARBALL_MEMBER = "package/countries-110m.json"
DEFAULT_OUTPUT = (Path(__file__).resolve().parents[1] / "dashboard" / "static"
                  / "countries-110m.json")
DECIMALS = 2

# Natural Earth features without an ISO 3166 numeric code. Kosovo has the user-assigned code
# XK in common use; the rest keep Natural Earth's own "-99" for "no code".
NO_ISO_NUMERIC: dict[str, str] = {"Kosovo": "XK"}
NO_CODE = "-99"

Position = list[float]
Ring = list[Position]


def read_topology(source: Path) -> dict[str, Any]:
    """Read the TopoJSON from a world-atlas npm tarball or a plain JSON file."""
    if tarfile.is_tarfile(source):
        with tarfile.open(source) as archive:
            member = archive.extractfile(TARBALL_MEMBER)
            if member is None:
                raise ValueError(f"{source} has no {TARBALL_MEMBER}")
            return json.load(member)
    return json.loads(source.read_text(encoding="utf-8"))


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Absolute lon/lat positions of every arc (undoing delta encoding and quantisation)."""
    transform = topology.get("transform")
    if transform is None:
        return [[list(map(float, point[:2])) for point in arc] for arc in topology["arcs"]]
    scale_x, scale_y = transform["scale"]
    shift_x, shift_y = transform["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        positions = []
        for point in arc:
            x += point[0]
            y += point[1]
            positions.append([x * scale_x + shift_x, y * scale_y + shift_y])
        decoded.append(positions)
    return decoded


def stitch_ring(arc_indexes: Sequence[int], arcs: list[Ring]) -> Ring:
    """Join arcs into one ring; a negative index ~i means arc i reversed."""
    ring: Ring = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their end point; keep it once.
        ring.extend(arc[1:] if ring else arc)
    return ring


def _signed_area(ring: Ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(ring)) / 2


def clean_ring(ring: Ring, exterior: bool) -> Ring | None:
    """Round, drop repeated points, close, and wind per RFC 7946 (exterior anticlockwise)."""
    rounded: Ring = []
    for lon, lat in ring:
        point = [round(lon, DECIMALS), round(lat, DECIMALS)]
        if not rounded or point != rounded[-1]:
            rounded.append(point)
    if rounded and rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    if len(rounded) < 4 or _signed_area(rounded) == 0:
        return None  # collapsed to a line or point at this precision
    if (_signed_area(rounded) > 0) != exterior:
        rounded.reverse()
    return rounded


def unwrap_longitudes(ring: Ring) -> Ring:
    """The ring with longitudes made continuous (a 359-degree step becomes a -1 step)."""
    unwrapped: Ring = []
    for lon, lat in ring:
        if unwrapped:
            previous = unwrapped[-1][0]
            lon += 360 * round((previous - lon) / 360)
        unwrapped.append([lon, lat])
    return unwrapped


def encircles_pole(ring: Ring) -> bool:
    """Antarctica's ring runs all the way round; on a flat map it is an ordinary polygon."""
    unwrapped = unwrap_longitudes(ring)
    return abs(unwrapped[-1][0] - unwrapped[0][0]) > 180


def crosses_antimeridian(ring: Ring) -> bool:
    """True when a ring steps more than 180 degrees of longitude between two vertices
    (other than round a pole), which deck.gl would draw as a band across the whole map."""
    jumps = any(abs(b[0] - a[0]) > 180 for a, b in pairwise(ring))
    return jumps and not encircles_pole(ring)


def _clip_half_plane(ring: Ring, edge: float, keep_below: bool) -> Ring:
    """Sutherland-Hodgman clip of a closed ring to lon <= edge (or lon >= edge)."""

    def inside(point: Position) -> bool:
        return point[0] <= edge if keep_below else point[0] >= edge

    clipped: Ring = []
    for start, end in pairwise(ring):
        if inside(start) != inside(end):
            fraction = (edge - start[0]) / (end[0] - start[0])
            clipped.append([edge, start[1] + fraction * (end[1] - start[1])])
        if inside(end):
            clipped.append(end)
    if clipped and clipped[0] != clipped[-1]:
        clipped.append(clipped[0])
    return clipped


def split_at_antimeridian(ring: Ring) -> list[Ring]:
    """Cut a ring that crosses +/-180 into pieces that each stay within [-180, 180].

    The ring is unwrapped to continuous longitudes, clipped to each 360-degree window it
    touches, and each piece shifted back; a vertical strip is convex, so the clip is exact.
    """
    unwrapped = unwrap_longitudes(ring)
    lons = [lon for lon, _ in unwrapped]
    pieces = []
    for window in range(int((min(lons) + 180) // 360), int((max(lons) + 180) // 360) + 1):
        west = window * 360 - 180
        piece = _clip_half_plane(
            _clip_half_plane(unwrapped, west, keep_below=False), west + 360, keep_below=True
        )
        if len(piece) >= 4:
            pieces.append([[lon - window * 360, lat] for lon, lat in piece])
    return pieces


def polygon_coordinates(rings_arcs: Sequence[Sequence[int]], arcs: list[Ring]) -> list[list[Ring]]:
    """GeoJSON polygons (usually one) for a TopoJSON polygon; [] if it collapses entirely."""
    exterior, *holes = (stitch_ring(ring_arcs, arcs) for ring_arcs in rings_arcs)
    if crosses_antimeridian(exterior):
        if holes:
            raise ValueError("splitting a polygon with holes at the antimeridian is unsupported")
        pieces = (clean_ring(piece, exterior=True) for piece in split_at_antimeridian(exterior))
        return [[piece] for piece in pieces if piece is not None]
    cleaned_exterior = clean_ring(exterior, exterior=True)
    if cleaned_exterior is None:
        return []
    cleaned_holes = (clean_ring(hole, exterior=False) for hole in holes)
    return [[cleaned_exterior, *(hole for hole in cleaned_holes if hole is not None)]]


def decode_geometry(geometry: dict[str, Any], arcs: list[Ring]) -> dict[str, Any] | None:
    """A GeoJSON Polygon/MultiPolygon geometry, or None if nothing is left of it."""
    if geometry["type"] == "Polygon":
        parts = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        raise ValueError(f"unexpected geometry type {geometry['type']!r}")
    polygons = [polygon for part in parts for polygon in polygon_coordinates(part, arcs)]
    if not polygons:
        return None
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def iso_a2(numeric_id: str | None, name: str) -> str:
    """ISO 3166-1 alpha-2 code for a Natural Earth feature's numeric id."""
    if numeric_id:
        country = pycountry.countries.get(numeric=numeric_id.zfill(3))
        if country is not None:
            return country.alpha_2
    return NO_ISO_NUMERIC.get(name, NO_CODE)


def topology_to_geojson(topology: dict[str, Any], object_name: str = "countries") -> dict:
    """Convert the named TopoJSON GeometryCollection to a GeoJSON FeatureCollection."""
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"][object_name]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        decoded = decode_geometry(geometry, arcs)
        if decoded is None:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"iso_a2": iso_a2(geometry.get("id"), name), "name": name},
                "geometry": decoded,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def iter_rings(collection: dict[str, Any]) -> Iterator[tuple[str, Ring]]:
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        for polygon in polygons:
            for ring in polygon:
                yield feature["properties"]["name"], ring


def write_geojson(collection: dict[str, Any], output: Path) -> None:
    """One feature per line: compact, yet a regenerated file diffs by country."""
    lines = [json.dumps(feature, separators=(",", ":")) for feature in collection["features"]]
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(
        '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n",
        encoding="utf-8",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="world-atlas .tgz or countries-110m.json")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)

    collection = topology_to_geojson(read_topology(args.source))
    crossing = sorted({name for name, ring in iter_rings(collection) if crosses_antimeridian(ring)})
    if crossing:
        # Natural Earth already cuts rings at +/-180; fail loudly if a future source does not.
        print(f"rings crossing the antimeridian: {', '.join(crossing)}", file=sys.stderr)
        return 1
    write_geojson(collection, args.output)
    size_kb = args.output.stat().st_size / 1024
    print(f"wrote {args.output} ({len(collection['features'])} features, {size_kb:.0f} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
