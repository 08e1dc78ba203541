"""Days the narrative counts on from the day it told before.

"Two days later he was in Kampala", "A week later, she flew to Lusaka", "A day earlier, she
had been in Kigali": the count, read from the dependency parse ("later"/"earlier" with a
measure of days or weeks under it), is counted from the narrative's last day
(`counted_later`), as is "The day before, ..." (one day back). "The next day she travelled
to X, and on January 13 she ended her tour in Y": a "next day" that opens the sentence is
the day after the one told before, though the sentence dates a later clause of its own
(`opening_next_day`). "On the second day of his visit, he travelled to X" counts from the
first travel day told (`nth_day_of_the_visit`). All are used by `narrative.narrative_dates`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dashboard.extraction import dates as dates_mod
from dashboard.extraction import grammar
from dashboard.extraction.facts import SentenceFacts

# ("later" in "later this week", "later that day" has no count: those are other rules')
LATER_WORDS = {"later": 1, "afterwards": 1, "afterward": 1, "earlier": -1, "before": -1}
# "The day before, he had visited X", "The previous day, ...": one day back, told first
PREVIOUS_DAY_OPENING = re.compile(r"the\s+(?:day\s+before|previous\s+day)\b", re.IGNORECASE)


def counted_later(fact: SentenceFacts, last_day: date | None) -> list[dates_mod.DateMention]:
    """The day "<count> days/weeks later" (or "earlier", "before": told back) names,
    counted from `last_day`, or the day before it for an opening "The day before": one
    DateMention spanning the phrase, or [] without a parse, a day told before, or such a
    phrase."""
    if fact.parse is None or last_day is None:
        return []
    s = fact.sentence
    opening = PREVIOUS_DAY_OPENING.match(s.text)
    if opening:
        day = last_day - timedelta(days=1)
        return [dates_mod.DateMention(opening.group(0), s.start, s.start + opening.end(), day,
                                      day, True)]
    offset = fact.parse.doc.user_data.get("offset", 0)
    for word in fact.parse:
        sign = LATER_WORDS.get(word.lower_)
        if sign is None or word.dep_ != "advmod":
            continue
        for unit in word.children:
            days = grammar.DAY_UNITS.get(unit.lemma_.lower())
            count = grammar._count_of(unit) if unit.dep_ == "npadvmod" else None
            if days and count:
                day = last_day + timedelta(days=sign * days * count)
                start = offset + unit.left_edge.idx
                return [dates_mod.DateMention(fact.sentence.text[
                    start - fact.sentence.start:offset + word.idx + len(word) -
                    fact.sentence.start], start, offset + word.idx + len(word), day, day,
                    True)]
    return []


NEXT_DAY_OPENING = re.compile(r"(?:the\s+)?(?:next|following)\s+(?:day|morning)\b",
                              re.IGNORECASE)


def opening_next_day(fact: SentenceFacts, last_day: date | None
                     ) -> list[dates_mod.DateMention]:
    """The day after `last_day`, when "The next day" / "The following morning" opens the
    sentence and the sentence's own dates hang from another verb ("The next day she
    travelled to X, and on January 13 she ended her tour in Y"); [] otherwise (also for
    "The next day, 4 June, she ...", whose date is the phrase's own)."""
    s = fact.sentence
    opening = NEXT_DAY_OPENING.match(s.text)
    if opening is None or last_day is None or fact.parse is None or not fact.dates:
        return []
    start, end = s.start + opening.start(), s.start + opening.end()
    if any(d.start < end for d in fact.dates):
        return []
    verb = grammar.governing_verb(fact.parse, end - 1)
    if verb is None or any(grammar.governing_verb(fact.parse, d.start) == verb
                           for d in fact.dates):
        return []
    day = last_day + timedelta(days=1)
    return [dates_mod.DateMention(opening.group(0), start, end, day, day, True)]


# "On the second day of her visit, she travelled to X": the visit's Nth day, no place named
# after it ("of his visit to X" may be a later leg's own visit)
NTH_DAY_OPENING = re.compile(r"(?:on\s+)?the\s+(?P<nth>second|third|fourth|fifth)\s+day\s+of\s+"
                             r"(?:his|her|their|the)\s+(?:[\w-]+\s+){0,2}?"
                             r"(?:visit|trip|tour|stay)\b(?!\s+to\b)", re.IGNORECASE)
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}


def nth_day_of_the_visit(facts: list[SentenceFacts]) -> None:
    """A sentence with no date of its own that opens on "On the second day of his visit"
    gets that day, counted from the first travel day told before it (the visit's first).
    In place."""
    first: date | None = None
    for fact in facts:
        opening = NTH_DAY_OPENING.match(fact.sentence.text)
        if opening and not fact.dates and first is not None:
            s = fact.sentence
            day = first + timedelta(days=ORDINALS[opening.group("nth").lower()] - 1)
            fact.dates = [dates_mod.DateMention(opening.group(0), s.start,
                                                s.start + opening.end(), day, day, True)]
        if not fact.sentence.heading:
            days = [d.first for d in fact.dates if d.first is not None and not d.reporting]
            if days and first is None:
                first = min(days)
