"""The run of place names a cue introduces: "to X, Y and Z", "Paris, France", "the holy city
of Najaf", "X, on October 24, and Y", with "City, Country" pairs folded into one stop.

Split from `visits.py`, whose cues (travel verbs and nouns, stop words, a locative next to
an activity, an itinerary line) each hand the place list that follows them to
`place_list_after`; `group_city_country` also serves the parse's destinations
(`parse_steps.add_destinations`).
"""

from __future__ import annotations

import re

from dashboard.extraction.places import Place, PlaceMention

# A date inside a list of places ("Amman, Jordan, on October 24, and Riyadh ...")
DATE_IN_LIST = re.compile(
    r"\b(?:on|from|between)?\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r"\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|through|and)\s*\d{1,2}(?:st|nd|rd|th)?)?|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+and\s+(?:Mon|Tues|Wednes|Thurs|Fri|"
    r"Satur|Sun)day)?)\b", re.IGNORECASE)
LIST_FILLER = re.compile(
    r"(?<![\s,;])[\s,;]*(?:(?:and|then|to|or|the|on\s+to|onward\s+to|via|before|as\s+well\s+as|&|"
    r"including|namely|with\s+stops\s+in|stopping\s+in|followed\s+by|"
    # "the holy city of Najaf", "the Patagonian resort of Bariloche"
    r"(?:(?<![\w-])[\w-]+\s+)?(?:city|town|resort|plain|island|port|village|capital|site|"
    r"shrine)\s+of|"
    # "flew into the remote capital, Nay Pyi Taw": the place named in apposition
    r"(?:(?<![\w-])[\w-]+\s+)?(?:capital|city|town|port)(?=\s*,)|"
    # a base named after its town: "Marine Corps Air Station Iwakuni", "Naval Air Station
    # Sigonella", "Camp Humphreys"
    r"(?:(?<![\w.-])(?-i:[A-Z])[\w.-]*\s+){0,3}(?-i:Air\s+Station|Air\s+Base|Naval\s+Base|Joint\s+Base|"
    r"Base|Camp)|"
    r"(?:Kingdom|Republic|State|Sultanate|Principality|Grand\s+Duchy|Federation|"
    r"Islamic\s+Republic|People's\s+Republic|Federal\s+Republic|Commonwealth)\s+of)"
    r"\b[\s,;]*)*",
    re.IGNORECASE)
# (starting only right after a word: linear on a long run of spaces)
CITY_OF_AFTER_DEMONYM = re.compile(
    r"(?<!\s)\s+(?:city|town|capital|port|resort|island|village)\s+of\b", re.IGNORECASE)


def place_code(mention: PlaceMention) -> str | None:
    """The ISO country code of a country, city or venue mention; None for a region or a
    demonym (which name no stop of their own)."""
    place = mention.place
    if place.kind in {"country", "city", "venue"}:
        return place.code
    return None


def place_list_after(position: int, mentions: list[PlaceMention], text: str,
                     limit: int) -> list[PlaceMention]:
    """The run of place names starting right at `position` ("Paris, France", "X, Y, and Z")."""
    run: list[PlaceMention] = []
    cursor = position
    for mention in mentions:
        if mention.start < cursor:
            continue
        if mention.start >= limit:
            break
        gap = text[cursor:mention.start]
        if not LIST_FILLER.fullmatch(gap):
            # "Amman, Jordan, on October 24, and Riyadh, Saudi Arabia, on October 24-25"
            undated = DATE_IN_LIST.sub(" ", gap)
            if undated == gap or not run or not LIST_FILLER.fullmatch(undated):
                break
        if mention.kind == "demonym":
            # "the South Korean city of Busan": the demonym says whose city comes next
            if not CITY_OF_AFTER_DEMONYM.match(text, mention.end, limit):
                break
            cursor = mention.end
            continue
        cursor = mention.end
        if mention.kind == "region":  # "to the Middle East, including Israel and Jordan"
            continue
        run.append(mention)
    return run


def group_city_country(run: list[PlaceMention]) -> list[tuple[str, Place | None, PlaceMention]]:
    """Fold "City, Country" pairs: [(code, city or None, first mention)]."""
    grouped: list[tuple[str, Place | None, PlaceMention]] = []
    for mention in run:
        code = place_code(mention)
        if code is None:
            continue
        place = mention.place
        if place.kind == "country" and grouped and grouped[-1][1] is not None \
                and grouped[-1][0] == code:
            continue  # "Paris, France": the country confirms the city
        city = place if place.kind == "city" else None
        if place.kind == "venue":
            # a venue with no city in data/venues.csv ("Chequers") names only its country
            city = Place("city", place.code, place.city, place.lat, place.lon) \
                if place.city else None
        grouped.append((code, city, mention))
    return grouped
