"""Weekdays of a schedule told forwards: in a preview, each day named after another comes
after it ("leaves Rome on Monday ... lands in Jakarta on Tuesday ... On Friday he flies to
Port Moresby ... moves on to Dili on Monday"), so a bare weekday that the tense put before
the day told just before it is the same weekday a week later. Used by
`narrative.narrative_dates`, as is `align_named_weekdays` (a bare weekday is the day the
text names with that weekday).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dashboard.extraction import dates as dates_mod
from dashboard.extraction import grammar, tense
from dashboard.extraction.facts import SentenceFacts

# A weekday with no number: "Tuesday", "Friday afternoon", "late on Monday"
BARE_WEEKDAY = re.compile(r"^(?:(?:late|early)\s+(?:on\s+)?)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|"
                          r"Sun)day\b(?:\s+(?:morning|afternoon|evening|night))?$",
                          re.IGNORECASE)
# How far past the publication date a schedule's weekday may be moved
LONGEST_SCHEDULE = timedelta(days=21)


# Two weekdays of one span: "Saturday and Sunday", "Monday to Wednesday"
WEEKDAY_SPAN = re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+(?:and|to|through|"
                          r"until|-|–)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$",
                          re.IGNORECASE)


def _is_bare_weekday(d: dates_mod.DateMention) -> bool:
    return d.relative and d.first is not None and (
        (d.first == d.last and bool(BARE_WEEKDAY.match(d.text.strip())))
        or (d.last is not None and bool(WEEKDAY_SPAN.match(d.text.strip()))))


def _an_events_day(fact: SentenceFacts, d: dates_mod.DateMention) -> bool:
    """By the parse, the weekday dates a noun other than the trip ("his speech on Monday",
    "the vote on Sunday"), not what the traveller does: no day of the schedule."""
    if fact.parse is None:
        return False
    token = grammar.token_at(fact.parse, d.start)
    if token is None or token.head is token:
        return False
    head = token.head
    # ("Sunday night we fly to X", "Tuesday morning he meets Y": the part of the day is the
    # weekday's own, the verb it hangs from tells what happens)
    if head.lower_ in grammar.DAY_PARTS and head.head is not head:
        head = head.head
    if head.dep_ == "prep" and head.head is not head:
        head = head.head
    return head.pos_ in {"NOUN", "PROPN"} and head.lemma_.lower() not in grammar.TRIP_NOUNS \
        and not head.lower_.endswith("day")


def _ends_the_trip(fact: SentenceFacts, d: dates_mod.DateMention) -> bool:
    """By the parse, the date hangs from a verb that ends the trip, with the trip as its
    subject or object ("The visit ends on Sunday in X", "wraps up her tour on Friday")."""
    if fact.parse is None:
        return False
    at = grammar.governing_verb(fact.parse, d.start)
    if at is None:
        return False
    verb = fact.parse.doc[at]
    return verb.lemma_.lower() in grammar.LAST_VERBS and any(
        c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.lemma_.lower() in grammar.TRIP_NOUNS
        for c in verb.children)


def forward_weekdays(facts: list[SentenceFacts], text: str, published: date | None) -> None:
    """Move a bare weekday of a future or present clause a week on while it falls before
    the weekday told just before it in the same schedule. Past clauses break the schedule;
    other people's travel, headings and page clutter are not part of it. Once the schedule
    has told the day the trip ends ("The visit ends on Sunday in X"), a weekday told after
    it is not moved past that day: "Protests are planned in Y on Saturday" goes back to
    the Saturday of the trip. Changes `fact.dates` in place."""
    previous = None
    trip_end = None  # the day the schedule said the trip ends
    for fact in facts:
        s = fact.sentence
        if s.heading or s.clutter or fact.others_travel:
            continue
        moved = []
        told_here = False  # a day of the schedule told earlier in this sentence
        for d in fact.dates:
            # (an event's day goes on with the schedule only in the sentence that tells it:
            # "flies to X on Friday ahead of the summit on Saturday and Sunday")
            if not _is_bare_weekday(d) or (_an_events_day(fact, d) and not told_here):
                moved.append(d)
                continue
            if tense.clause_tense(text, d.start) is False:
                # past narration looks back and may tell days out of order ("Earlier on
                # Friday he had been in X"): the schedule starts again after it
                previous = None
                moved.append(d)
                continue
            day = d.first
            while previous is not None and day < previous and \
                    day + timedelta(days=7) - (published or previous) <= LONGEST_SCHEDULE \
                    and (trip_end is None or day + timedelta(days=7) <= trip_end):
                day += timedelta(days=7)
            if day != d.first:
                shift = day - d.first
                d = dates_mod.DateMention(d.text, d.start, d.end, day, d.last + shift, True,
                                          d.year_inferred, d.reporting)
            previous = d.first
            told_here = True
            if _ends_the_trip(fact, d):
                trip_end = d.first
            moved.append(d)
        fact.dates = moved


WEEKDAY_ONLY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", re.IGNORECASE)
WEEKDAY_FIRST = re.compile(r"(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b[\s,(\[]",
                           re.IGNORECASE)


def align_named_weekdays(facts: list[SentenceFacts]) -> None:
    """A bare weekday that the tense put a week away from the day the text itself names
    with that weekday ("On Thursday and Friday, May 26-27, ... the summit. On Friday
    afternoon he will visit ...", in a story published on a Friday) is that named day."""
    named: dict[str, set] = {}
    for fact in facts:
        for d in fact.dates:
            written = WEEKDAY_FIRST.match(d.text)
            if written and not d.relative and d.first is not None:
                days = [d.first + timedelta(days=k) for k in range((d.last - d.first).days + 1)]
                for day in days:
                    named.setdefault(day.strftime("%A").lower(), set()).add(day)
    if not named:
        return
    for fact in facts:
        moved = []
        for d in fact.dates:
            same = named.get(d.text.lower(), set())
            if d.relative and d.first is not None and d.first == d.last and \
                    WEEKDAY_ONLY.fullmatch(d.text) and len(same) == 1:
                day = next(iter(same))
                if abs((day - d.first).days) == 7:
                    d = dates_mod.DateMention(d.text, d.start, d.end, day, day, True,
                                              d.year_inferred, d.reporting)
            moved.append(d)
        fact.dates = moved
