"""An arrival told in the present perfect with no day: "X has arrived in Kyiv", "the
leaders have landed in Y". News writes a fresh arrival this way on the day it happens, so
the arrival is on the page's day (its publication date). Used by
`narrative.narrative_dates` for sentences that state no day of their own.
"""

from __future__ import annotations

import re
from datetime import date

from dashboard.extraction import dates as dates_mod
from dashboard.extraction.facts import SentenceFacts

PERFECT_ARRIVAL = re.compile(r"\b(?:has|have)[ \t]+(?:just[ \t]+|now[ \t]+)?"
                             r"(?:arrived|landed|touched[ \t]+down)\b", re.IGNORECASE)


def perfect_arrival_day(fact: SentenceFacts, text: str,
                        published: date | None) -> list[dates_mod.DateMention]:
    """[the page's day, as a mention of the "has arrived" words] when the sentence states
    no day, tells of a visit (`fact.signals`) and arrives in the present perfect; else []."""
    if published is None or fact.dates or not fact.signals:
        return []
    s = fact.sentence
    match = PERFECT_ARRIVAL.search(text, s.start, s.end)
    if match is None:
        return []
    return [dates_mod.DateMention(match.group(0), match.start(), match.end(), published,
                                  published, True)]
