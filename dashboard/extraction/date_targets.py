"""Which stop a date belongs to in a sentence that names several: the destination named
nearest before it (`nearest_stop`), weighed by the clause each hangs from ("..., before
travelling to X on Wednesday": `clauses_of`) and by the verb they share ("on Friday I will
be in Y": `shares_verb`), or the whole list it closes ("travel to X and Y on Wednesday":
`listed_before`).

Split from `stop_dates.py`, whose `attach_dates` asks these questions; the clause and verb
come from the dependency parse (`grammar.governing_clause`, `grammar.governing_verb`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from dashboard.extraction import dates as dates_mod
from dashboard.extraction import grammar
from dashboard.extraction.facts import SentenceFacts, StopDraft
from dashboard.extraction.itinerary import stop_for_place, stop_for_signal


def clauses_of(fact: SentenceFacts, d: dates_mod.DateMention, position: int
               ) -> tuple[str, str]:
    """How the date and the place at `position` hang from the sentence: "before" (in a
    "before travelling to X" clause), "after" ("a day after wrapping up a trip to X") or ""
    (the main clause), by the parse (both "" without one)."""
    if fact.parse is None:
        return "", ""
    return (grammar.governing_clause(fact.parse, d.start),
            grammar.governing_clause(fact.parse, position))


def shares_verb(fact: SentenceFacts, d: dates_mod.DateMention, position: int) -> bool:
    """The date and the place at `position` hang from the same verb (by the parse), the
    place as where the verb goes or is ("in", "to", "at", ...)."""
    if fact.parse is None:
        return False
    verb = grammar.governing_verb(fact.parse, d.start)
    return verb is not None and verb == grammar.governing_verb(
        fact.parse, position, grammar.DESTINATION_PREPS)


# What a travel cue in another clause than the date's adds to its distance from the date
OTHER_CLAUSE = 400
# Only "on" / "from" between a place and its date: "Singapore on 13-14 November"
PLACE_THEN_DATE = re.compile(r"(?<![\s,])\s+(?:on|from)\s+(?:the\s+)?", re.IGNORECASE)


def where_clause_place(fact: SentenceFacts, d: dates_mod.DateMention, drafts: list[StopDraft]
                       ) -> int | None:
    """The stop a "where" clause holding the date describes ("... from Atlanta, where he
    concluded a two-day programme yesterday": Atlanta's day), by the parse; else None."""
    if fact.parse is None:
        return None
    at = grammar.governing_verb(fact.parse, d.start)
    node = fact.parse.doc[at] if at is not None else None
    if node is None or node.dep_ != "relcl" or not any(
            c.lower_ == "where" for c in node.children):
        return None
    at = grammar.token_start(node.head)
    for mention in fact.places:
        if mention.start <= at < mention.end and mention.kind in {"city", "country"}:
            # ("will return to X, where ... on Saturday": the stop of the return, when the
            # sentence sends the traveller back there)
            sent = next((stop_for_signal(sig, drafts) for sig in fact.signals
                         if sig.position == mention.start), None)
            return sent if sent is not None else stop_for_place(mention.place, drafts)
    return None


def nearest_stop(fact: SentenceFacts, d: dates_mod.DateMention, drafts: list[StopDraft]
                 ) -> tuple[int, int, int] | None:
    """(distance, stop, size of its listed group) of the destination named closest before
    the date (else after); the place a "where" clause holding the date describes first."""
    described = where_clause_place(fact, d, drafts)
    if described is not None:
        return (0, described, 1)
    best = None
    for sig in fact.signals:
        stop = stop_for_signal(sig, drafts)
        if stop is None:
            continue
        gap = fact.sentence.text[d.end - fact.sentence.start:sig.position - fact.sentence.start]
        if sig.position >= d.end and re.fullmatch(r"(?<![\s,])[\s,]*(?:in|at)\s+(?:the\s+)?",
                                                   gap):
            return (0, stop, 1)  # "October 5 in Chile": the date introduces its place
        clauses = clauses_of(fact, d, sig.position)
        if clauses[1] == "after" and clauses[0] != "after":
            continue  # "(talks on Monday,) a day after wrapping up a trip to X": X was before
        distance = d.start - sig.end if sig.end <= d.start else (sig.position - d.end) * 3 + 30
        if clauses[0] != clauses[1]:
            # "(a conference) on the 27th, before travelling to X": the date is the main
            # clause's; X takes it only when no place of the date's own clause does
            distance += OTHER_CLAUSE
        elif sig.position >= d.end and sig.list_size == 1 and shares_verb(
                fact, d, sig.position) and not any(
                other.end <= d.start and other.strength != "dateline"
                and shares_verb(fact, d, other.position) for other in fact.signals):
            # "Tomorrow I leave for X, and on Friday I will be in Y": the date and Y hang
            # from one verb, so the date is Y's though X is nearer (not when a place before
            # the date hangs from it too: "will be in X Tuesday and in Y Thursday")
            distance = 0
        # a date after the last of several listed places covers the list; after any other
        # place it is that place's ("Tokyo November 5 through 7 and then Hanoi")
        covers = sig.list_size if sig.list_index == sig.list_size - 1 else 1
        if best is None or distance < best[0]:
            best = (distance, stop, covers)
    # "to X on 13 November, Y on 13-14 November and Z on 14-16 November": a stop named right
    # before its date, in a list the parse did not read as one
    for mention in fact.places:
        stop = stop_for_place(mention.place, drafts) if mention.kind in {"country", "city"} \
            else None
        if stop is None or mention.end > d.start or not PLACE_THEN_DATE.fullmatch(
                fact.sentence.text, mention.end - fact.sentence.start,
                d.start - fact.sentence.start):
            continue
        if best is None or d.start - mention.end < best[0]:
            best = (d.start - mention.end, stop, 1)
    other_clause = best is not None and best[0] >= OTHER_CLAUSE
    if best is None or other_clause:
        # no travel cue in the sentence, or only in another clause than the date's ("On
        # Monday, talks at the State House, Nairobi, before continuing to X that
        # afternoon"): the city or venue named nearest the date (in the date's own clause)
        for mention in fact.places:
            if mention.kind not in {"city", "venue"}:
                continue
            stop = stop_for_place(mention.place, drafts)
            clauses = clauses_of(fact, d, mention.start)
            if stop is None or clauses[1] == "after" != clauses[0] or (
                    other_clause and clauses[0] != clauses[1]):
                continue
            distance = d.start - mention.end if mention.end <= d.start else \
                (mention.start - d.end) * 3 + 30
            if best is None or distance < best[0]:
                best = (distance, stop, 1)
    return best


# What may stand between a list of places and the date that covers it: "X and Y on
# Wednesday", "X and Y with me between ...", "X, Y and Z from 2 to 9 July"
# (each optional word is followed by its own spaces: one way to split a run of spaces)
LIST_DATE_GAP = re.compile(r"(?<![\s,])[\s,]*(?:(?:with\s+\w+|together)\s+)?"
                           r"(?:(?:on|from|between|in|during|over)\s+)?(?:the\s+)?",
                           re.IGNORECASE)


def listed_before(fact: SentenceFacts, d: dates_mod.DateMention, drafts: list[StopDraft]
                  ) -> list[int]:
    """The stops of a list of two or more destinations that ends right before the date, in
    list order ("travel to X and Y on Wednesday" -> [X, Y]); [] when no list ends there."""
    before = [sig for sig in fact.signals if sig.end <= d.start and sig.list_size >= 2
              and sig.strength != "dateline"]
    if not before:
        return []
    last = max(before, key=lambda sig: sig.end)
    if last.list_index != last.list_size - 1 or not LIST_DATE_GAP.fullmatch(
            fact.sentence.text, last.end - fact.sentence.start, d.start - fact.sentence.start):
        return []
    members = [last]
    for index in range(last.list_index - 1, -1, -1):
        earlier = [sig for sig in before if sig.list_index == index and sig.list_size ==
                   last.list_size and sig.end <= members[-1].position]
        if not earlier:
            return []
        members.append(max(earlier, key=lambda sig: sig.end))
    if any(members[-1].end <= other.start < last.position for other in fact.dates):
        return []  # "X, followed by Y on Wednesday and Z on Friday": each has its own day
    stops = [stop_for_signal(sig, drafts)
             for sig in reversed(members)]
    stops = list(dict.fromkeys(s for s in stops if s is not None))
    return stops if len(stops) >= 2 else []


# A visiting word right before a list of places: "visiting X and Y", "will visit X and Y",
# "touring X, Y and Z"
VISITING_BEFORE = re.compile(r"\b(?:visit(?:s|ing)?|tour(?:s|ing)?)\s+(?:both\s+)?$",
                             re.IGNORECASE)


def listed_after(fact: SentenceFacts, d: dates_mod.DateMention, drafts: list[StopDraft]
                 ) -> list[int]:
    """The stops of a list of two or more places visited that follows the date ("On 5 June
    he will travel to the region, visiting X and Y" -> [X, Y]), with no other stop named
    between the date and the list; [] otherwise. A single day before such a list is each
    one's day, as one after it is (`listed_before`)."""
    after = sorted((sig for sig in fact.signals if sig.position >= d.end
                    and sig.list_size >= 2 and sig.strength != "dateline"),
                   key=lambda sig: sig.position)
    if not after or after[0].list_index != 0:
        return []
    first = after[0]
    s = fact.sentence
    if not VISITING_BEFORE.search(s.text, max(0, first.position - s.start - 20),
                                  first.position - s.start):
        return []
    if any(d.end <= m.start < first.position and stop_for_place(m.place, drafts) is not None
           for m in fact.places):
        return []
    members = [first]
    for index in range(1, first.list_size):
        later = [sig for sig in after if sig.list_index == index and sig.list_size ==
                 first.list_size and sig.position >= members[-1].end]
        if not later:
            return []
        members.append(min(later, key=lambda sig: sig.position))
    stops = list(dict.fromkeys(s for s in (stop_for_signal(sig, drafts) for sig in members)
                               if s is not None))
    return stops if len(stops) >= 2 else []



def before_the_move(fact: SentenceFacts, d: dates_mod.DateMention, drafts: list[StopDraft],
                    days: list[dates_mod.DateMention]) -> int | None:
    """The stop the sentence moves on to after the date's day: the date follows the first of
    two coordinated verbs, every destination named is the later verb's, and that verb has a
    date of its own: "met X on Monday and travelled to Seoul on Wednesday" (Monday is not
    Seoul's; `grammar.later_move`); else None. A fronted date is the whole sentence's ("On
    Thursday he will visit X and then fly to Y"), and a move with no date of its own happens
    the same day ("crossed the border on 2 October and travelled by road to Y"). `days` are
    the sentence's dates of the traveller's days (not "the April 25 House of Culture")."""
    if fact.parse is None:
        return None
    verb = grammar.governing_verb(fact.parse, d.start)
    if verb is None or grammar.token_start(fact.parse.doc[verb]) > d.start:
        return None
    moves = [(stop_for_signal(sig, drafts), grammar.later_move(fact.parse, d.start,
                                                               sig.position))
             for sig in fact.signals if sig.strength != "leader"]
    moves = [(stop, at) for stop, at in moves if stop is not None]
    if not moves or any(at is None for _stop, at in moves):
        return None
    if not any(other.start > at for other in days for _stop, at in moves):
        return None
    return min(stop for stop, _at in moves)


def offset_days(fact: SentenceFacts, days: list[dates_mod.DateMention],
                drafts: list[StopDraft]) -> list[tuple[int, dates_mod.DateMention]]:
    """(stop, its day) for destinations in a clause a stated number of days from the
    sentence's one day: "held talks in Sarajevo on Wednesday, a day after meeting X in
    Belgrade" gives Belgrade the Tuesday (`grammar.day_offset`). `days` are the sentence's
    dates of the traveller's days; only a sentence with exactly one, a single day, counts."""
    if fact.parse is None or len(days) != 1 or days[0].is_range or days[0].first is None:
        return []
    day = days[0]
    if grammar.day_offset(fact.parse, day.start) is not None:
        return []  # (the date is itself in the offset clause)
    found = []
    for sig in fact.signals:
        stop = stop_for_signal(sig, drafts)
        offset = grammar.day_offset(fact.parse, sig.position) if stop is not None else None
        if offset is None:
            continue
        direction, count = offset
        first = day.first - timedelta(days=count) if direction == "after" else \
            day.first + timedelta(days=count)
        found.append((stop, replace(day, first=first, last=first)))
    return found


def spoken_there(fact: SentenceFacts, d: dates_mod.DateMention, drafts: list[StopDraft]
                 ) -> bool:
    """The day of a statement is a day at a stop when the statement's own verb places it
    there: "told reporters in Osaka on Tuesday", "said on Thursday in Nairobi" (not "said on
    Tuesday that she will fly to Osaka": the place is another verb's)."""
    return any(stop_for_signal(sig, drafts) is not None and shares_verb(fact, d, sig.position)
               for sig in fact.signals)
