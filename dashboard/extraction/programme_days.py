"""Day-by-day programmes: a line that is only a day ("Monday, August 05, 2024", "5 March
(Tuesday)", "Day 2: Wednesday 6 March") heads the lines below it, which rarely repeat the
date or the place ("- Meeting with the Prime Minister", "- Departure for Y"). Government
programme pages (foreign ministries' "programme of the visit", the EU's and the UN's
media advisories) are written this way.

Two things follow, each its own function: the day heading does not end the place the
lines before it were about (`day_headings`, read by `itinerary.assign_context` and
`meeting_rules.narrative_stop`), and every undated line under it happens on that day
(`date_programme_lines`, a step of `trip.date_stops`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from dashboard.extraction.facts import SentenceFacts, StopDraft

# What a day heading may hold besides its date: a weekday, "Day 2", the words of a
# schedule, and punctuation
HEADING_WORDS = re.compile(
    r"(?:\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bday\s+\d+\b|\b(?:programme|program|"
    r"schedule|itinerary)\b|[\W_\d])", re.IGNORECASE)


def is_day_heading(fact: SentenceFacts) -> bool:
    """The sentence holds one day and nothing else that says what happens ("Tuesday, August
    06, 2024"; not "Arrival in Suva, 5 August")."""
    if not fact.dates or fact.stops:
        return False
    # ("3 March 2025 (Monday)" is two mentions of one day)
    if len({d.first for d in fact.dates}) != 1 or any(
            d.first is None or d.is_range for d in fact.dates):
        return False
    offset, rest = fact.sentence.start, list(fact.sentence.text)
    for d in fact.dates:
        rest[d.start - offset:d.end - offset] = " " * (d.end - d.start)
    return not HEADING_WORDS.sub("", "".join(rest)).strip()


def _lines(facts: list[SentenceFacts]) -> dict[int, int]:
    """Line number -> how many sentences it holds."""
    count: dict[int, int] = {}
    for fact in facts:
        count[fact.sentence.line] = count.get(fact.sentence.line, 0) + 1
    return count


def day_headings(facts: list[SentenceFacts], per_line: dict[int, int] | None = None
                 ) -> set[int]:
    """Indices of the sentences that are day headings of a programme: a day line followed by
    a line that is one item by itself (not a paragraph of prose, as under the release's own
    date), and at least two such days in the text. `per_line`: `_lines(facts)` if the
    caller has it."""
    per_line = _lines(facts) if per_line is None else per_line
    body = [f for f in facts if not f.sentence.clutter]
    found = {fact.sentence.index for fact, after in pairwise(body)
             if is_day_heading(fact) and per_line[fact.sentence.line] == 1
             and not after.sentence.heading and per_line[after.sentence.line] == 1}
    return found if len(found) >= 2 else set()


def date_programme_lines(facts: list[SentenceFacts], drafts: list[StopDraft]) -> None:
    """Each undated line under a day heading, up to the next heading, dates the stops it
    names, else the stop it is about, with the heading's day: a stop's first and last such
    day become its start and end unless it has earlier or later dates already. The day of a
    line naming two stops ("Departure from X for Y") ends the first and starts the second,
    the end-date convention's day of moving on. In place."""
    # a programme's lines stand alone, one item a line; a paragraph of prose under a date
    # line (the release's own date above its first paragraph) is not a programme
    per_line = _lines(facts)
    headings = day_headings(facts, per_line)
    if not headings:
        return
    day = None
    heading_index = -1
    for fact in facts:
        if fact.sentence.clutter:
            continue
        if fact.sentence.index in headings:
            day, heading_index = fact.dates[0].first, fact.sentence.index
            continue
        if fact.sentence.heading:
            day = None
            continue
        if day is None or any(d.first is not None for d in fact.dates) or \
                per_line[fact.sentence.line] > 1:
            continue
        named = list(dict.fromkeys(fact.stops))
        targets = named or ([fact.context] if fact.context is not None else [])
        for k in targets:
            draft = drafts[k]
            if draft.start is None or day < draft.start:
                draft.start = day
                draft.start_stated = True
            if draft.end is None or day > draft.end:
                draft.end = day
                draft.end_stated = True
            draft.open_end = False
            if heading_index not in draft.date_sentences:
                draft.date_sentences.append(heading_index)
