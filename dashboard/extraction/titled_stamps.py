"""A live blog's entry whose time stamp opens a short title naming a day: "09:05  RECAP -
what happened yesterday (Wednesday)", "08:40  RECAP - Tuesday", "07:15 | Monday's
highlights". The entry below it reports that day, not the day of the page: live pages
look back this way at the start of a new day. Used by `narrative.narrative_dates`, which
dates an entry's undated sentences by its stamp.
"""

from __future__ import annotations

import re

from dashboard.extraction import dates as dates_mod
from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.live_entries import CLOCK_TIME

# A clock time, then a title on the same line ("09:05  RECAP - ...", "9.05am | ...")
STAMP_THEN_TITLE = re.compile(rf"{CLOCK_TIME}[ \t]*(?:[-–—|:][ \t]*)?(?=[A-Za-z])",
                              re.IGNORECASE)
MAX_TITLE = 80  # characters: a title, not an entry's first sentence
SENTENCE_END = re.compile(r"[.!?]\s*$")


def titled_stamp_day(fact: SentenceFacts) -> list[dates_mod.DateMention]:
    """The one day a stamped title names ("09:05  RECAP - Tuesday": [Tuesday]), as a
    one-element list; [] when the sentence is no stamped title, is a full sentence (ends on
    a full stop), or names no single day or several."""
    text = fact.sentence.text.strip()
    stamp = STAMP_THEN_TITLE.match(text)
    if stamp is None or len(text) - stamp.end() > MAX_TITLE or SENTENCE_END.search(text):
        return []
    days = [d for d in fact.dates if d.first and not d.is_range and not d.reporting]
    if len(days) != 1 or len(fact.dates) != 1:
        return []
    return days
