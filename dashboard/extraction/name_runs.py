"""Where a capitalised name ends: the words that close a facility's or an area's name, and
whether a building's name runs on into a longer one. Used by `places.find_places`, which
matches the gazetteer's names against word n-grams and must not take the first word of a
longer name ("Istana Nurul Iman", "Jose Marti International Airport") for a place of its own.
"""

from __future__ import annotations

import re

# Words for a facility that are also the names of small towns somewhere (Airport, Hawaii;
# Harbour, ...): after another capitalised word they end a facility's name
FACILITY_WORDS = {"airport", "harbour", "harbor", "station", "terminal", "stadium", "port",
                  "palace", "hall", "park", "square", "center", "centre", "plaza", "bridge"}
# A capitalised word for an administrative area right after a name: the name is the area's
# (in either case: "in Khabarovsk region", "Laguna province")
ADMIN_AREA_AFTER = re.compile(r"(?<!\s)\s+(?i:region|province|prefecture|district|county|"
                              r"governorate|oblast|municipality|department|territory)\b")


# Capitalised words that may follow a building's name without making it another one ("the
# Kremlin Palace", "the Istana Monday": a weekday or month is no part of a name). A venue
# that is its own town ("Davos") is left alone: "Davos Platz" is still there.
AFTER_VENUE = {"house", "hotel", "building", "guesthouse", "residence", "grounds", "gardens",
               "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
               "january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december",
               # an occasion named after it ("the Ise-Shima Summit") is held there
               "summit", "forum", "conference", "meeting", "talks", "process", "declaration",
               "agreement", "accord", "accords"}


def name_goes_on(text: str, following: list[tuple[int, int]], name_end: int) -> bool:
    """The name ending at `name_end` runs on into the next token, a capitalised word one
    space after it that is neither a facility word nor a day or month ("Istana Nurul Iman",
    another palace than the "Istana" the venue list has)."""
    if not following:
        return False
    a, b = following[0]
    word = text[a:b].rstrip(".,;:")
    return text[name_end:a] == " " and word[:1].isupper() and word[1:].islower() and \
        word.lower() not in FACILITY_WORDS | AFTER_VENUE
