"""Places the text calls transits: "includes transits in New York on the outbound journey",
"after a refuelling stop in Anchorage", "transiting through Dubai". A transit is not a stop
(the convention of `../shared/articles/README.md`: transit places are not stops), so every
visit signal for that city goes, wherever else the text mentions it ("will spend two nights
in New York before flying to X").
"""

from __future__ import annotations

import re

from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.places import normalize

# the words that call a place a transit, then the place: "transits in", "a transit stop at",
# "refuelling stop in", "transiting (through)" (not "a stopover in X", which may be a visit)
TRANSIT_BEFORE = re.compile(
    r"\b(?:transit(?:s|ed)?(?:\s+stops?)?\s+(?:in|at|through|via)|transiting(?:\s+through)?|"
    r"refuel(?:l)?ing\s+stops?\s+(?:in|at))\s+(?:the\s+)?$",
    re.IGNORECASE)


def transit_cities(facts: list[SentenceFacts], text: str) -> set[str]:
    """The cities (normalised names) the text calls transits."""
    found = set()
    for fact in facts:
        for mention in fact.places:
            if mention.kind != "city":
                continue
            before = text[max(fact.sentence.start, mention.start - 40):mention.start]
            if TRANSIT_BEFORE.search(before):
                found.add(normalize(mention.place.name))
    return found


def drop_transits(facts: list[SentenceFacts], text: str) -> None:
    """Drop every visit signal for a city the text calls a transit."""
    cities = transit_cities(facts, text)
    if not cities:
        return
    for fact in facts:
        fact.signals = [sig for sig in fact.signals
                        if sig.city is None or normalize(sig.city.name) not in cities]
