"""A later trip told in the same text: a sentence that opens on a time after this trip's
("Next month I travel to Vilnius for the NATO summit"). Used by `trip.drop_other_travel`.
"""

from __future__ import annotations

import re

from dashboard.extraction.facts import SentenceFacts

# "Next month I travel to Vilnius", "Later this year she will go to X": a sentence that opens
# on a time after this trip's
LATER_OPENING = re.compile(r"[\"“']?(?:next\s+(?:month|year|spring|summer|autumn|fall|"
                           r"winter)|later\s+this\s+(?:year|month)|in\s+the\s+coming\s+months)\b",
                           re.IGNORECASE)


def drop_later_trips(active: list[SentenceFacts]) -> None:
    """A sentence opening on a later time ("Next month I travel to Vilnius ...") tells a later
    trip, when other sentences give this trip's places; a preview whose whole trip is next
    month keeps them. In place."""
    later = [f for f in active if f.signals and LATER_OPENING.match(f.sentence.text)]
    if later and any(f.signals for f in active if f not in later):
        for fact in later:
            fact.signals = []
            fact.earlier_trip = True
