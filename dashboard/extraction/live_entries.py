"""Live blogs whose entries open with their clock time on the entry's own line ("12:10 -
CONFIRMED: the two leaders have landed in X", "16:40 | The plane has taken off"): each
entry reports the day of the page (or of the dated heading above it, on a blog of several
days), though none of its sentences names that day. Wire services' and broadcasters' live
pages are written this way; a stamp on a line of its own is `narrative.ENTRY_STAMP`'s.
"""

from __future__ import annotations

import re
from datetime import date

from dashboard.extraction import dates as dates_mod
from dashboard.extraction.facts import SentenceFacts

# A live page's clock time: "12:10", "9.45am", "18:05 GMT" (single spaces or tabs, one way to
# match: linear on hostile text); `titled_stamps` reads it too
CLOCK_TIME = r"\d{1,2}[:.]\d{2}(?:[ \t]?[ap]\.?m\.?)?(?:[ \t][A-Z]{2,4})?"
# A clock time opening an entry, then a dash, bar or colon: "12:10 - ", "9.45am | ",
# "18:05 GMT: "
LEADING_STAMP = re.compile(rf"{CLOCK_TIME}[ \t]?[-–—|:][ \t]", re.IGNORECASE)
# A live page has entries, not one timed line: this many stamped entries at least (also
# `newest_first`'s)
MIN_ENTRIES = 3
PLACE_KINDS = {"country", "city", "venue"}


def date_live_entries(facts: list[SentenceFacts], published: date | None) -> None:
    """Each undated sentence of a stamped entry that names a place or a visit takes the
    entry's day: the last dated heading's above it, else the page's (`published`). Entries
    are paragraphs: the stamp's line. In place; nothing on a page with fewer than
    `MIN_ENTRIES` stamped entries."""
    body = [f for f in facts if not f.sentence.clutter]
    if sum(1 for f in body if LEADING_STAMP.match(f.sentence.text)) < MIN_ENTRIES:
        return
    section_day = None
    entry: tuple[int, int, int, str] | None = None  # (line, stamp start, end, stamp text)
    for fact in body:
        s = fact.sentence
        if s.heading:
            stated = [d.first for d in fact.dates if d.first and not d.relative
                      and not d.is_range]
            section_day = stated[-1] if stated else section_day
            entry = None
            continue
        stamp = LEADING_STAMP.match(s.text)
        if stamp:
            # (the stamp with its dash, "12:10 -": a stamp alone, "12:10", is an arrival's
            # time, `narrative.ENTRY_STAMP`; an entry tells what happens that day)
            time_text = stamp.group(0).rstrip()
            entry = (s.line, s.start, s.start + len(time_text), time_text)
        elif entry is not None and entry[0] != s.line:
            entry = None
        day = section_day or published
        if entry is None or day is None or fact.dates or not (
                fact.signals or any(m.kind in PLACE_KINDS for m in fact.places)):
            continue
        _, start, end, time_text = entry
        fact.dates = [dates_mod.DateMention(time_text, start, end, day, day, True)]
