"""A date that names a thing by "of": "the Joint Declaration of 15 June", "the ceasefire
agreement of 3 March", "the resolution of May 12". English dates a document, an accord or
a past event this way; a day of the trip is told with "on" ("signed on 15 June"), or with a
part of the day ("on the morning of 2 October"), a trip noun ("the visit of 4 May") being
the trip's own. Used by `stop_dates.attach_dates` to drop such dates.
"""

from __future__ import annotations

import re

from dashboard.extraction import dates as dates_mod
from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.grammar import TRIP_NOUNS

# a noun, then "of", right before the date ("Declaration of ", "agreement of ")
NOUN_OF = re.compile(r"\b(?P<noun>[A-Za-z][a-z-]{2,30})[ \t]+of[ \t]+$")
# nouns whose "of <date>" is a stretch of that day or the day itself, not a thing
TIME_NOUNS = {"morning", "afternoon", "evening", "night", "day", "days", "week", "weekend",
              "eve", "dawn", "noon", "midday", "midnight", "hours", "start", "end", "beginning",
              "middle", "rest", "week-end", "month", "programme", "program", "schedule",
              "itinerary", "date", "dates", "period"}
REACH = 40  # characters looked back from the date: the noun right before it


def names_a_dated_thing(fact: SentenceFacts, d: dates_mod.DateMention) -> bool:
    """True when a noun and "of" stand right before `d` ("the Declaration of 15 June") and
    the noun is no part of a day ("the morning of 2 October"), no stretch of the trip
    ("the rest of", "the programme of") and no trip noun ("the visit of 4 May")."""
    s = fact.sentence
    at = d.start - s.start
    before = NOUN_OF.search(s.text[max(0, at - REACH):at])
    if before is None:
        return False
    noun = before.group("noun").lower()
    return noun not in TIME_NOUNS and noun not in TRIP_NOUNS
