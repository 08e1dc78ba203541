"""Days counted inside a stated range: after "will visit X from 7 to 10 October", a sentence
that says "The last day, ...", "On the first day ..." or "On the second day ..." with no
date of its own happens on that day of the range (the 10th, the 7th, the 8th). Briefings and
programme summaries tell the days of a visit this way.

A day counted "of" something ("on the second day of a three-day visit") is
`narrative.NTH_DAY_OF`'s case and is left alone here.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dashboard.extraction import dates as dates_mod
from dashboard.extraction.facts import SentenceFacts

# "(On) the last day", "On the final day", "On the first day", "the second day": the
# counted day of the visit, not followed by "of" (another span's day) or by a noun it
# describes ("the last day's talks")
NTH_DAY = re.compile(r"\b(?:on\s+)?the\s+(?P<nth>first|second|third|fourth|fifth|sixth|last|"
                     r"final|closing|opening)\s+day\b(?!\s+of\b|'s|\s+\w+ing\b)",
                     re.IGNORECASE)
OFFSETS = {"first": 0, "opening": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4,
           "sixth": 5}


def _counted_day(word: str, first: date, last: date) -> date | None:
    """The day of `first`..`last` the word counts; None when it falls outside the range."""
    word = word.lower()
    if word in {"last", "final", "closing"}:
        return last
    day = first + timedelta(days=OFFSETS[word])
    return day if day <= last else None


def date_counted_days(facts: list[SentenceFacts], text: str) -> None:
    """Each sentence with no date of its own that counts a day of the last stated range
    gets that day as its date (see the module's docstring). In place; the range of a
    reported statement's date is not counted from."""
    span: tuple[date, date] | None = None
    for fact in facts:
        s = fact.sentence
        ranges = [d for d in fact.dates if d.is_range and not d.reporting]
        if ranges:
            span = (ranges[-1].first, ranges[-1].last)
            continue
        if span is None or any(d.first is not None for d in fact.dates):
            continue
        match = NTH_DAY.search(text, s.start, s.end)
        if match is None:
            continue
        day = _counted_day(match.group("nth"), *span)
        if day is not None:
            fact.dates = sorted([*fact.dates, dates_mod.DateMention(
                match.group(0), match.start(), match.end(), day, day)],
                key=lambda d: d.start)
