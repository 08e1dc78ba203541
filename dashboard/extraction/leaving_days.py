"""The day the traveller left a stop, told in the sentence about the stop with no place
after the verb: "flew into X on Sunday for talks with Y, and left Monday afternoon", "arrived
in X on Friday and departed on Saturday". The end-date convention (../shared/articles
README) makes that day the stop's last; a day of leaving "for" somewhere, or back home, is
`departures.py`'s and `date_filters.goes_home`'s.
"""

from __future__ import annotations

import re

from dashboard.extraction import dates as dates_mod
from dashboard.extraction.date_filters import DEPARTURE, is_departure_date
from dashboard.extraction.facts import SentenceFacts, StopDraft
from dashboard.extraction.itinerary import stop_for_place

# The verbs of leaving a place that need no destination: "left", "leaves", "departed"
LEAVING_VERB = re.compile(r"(?:leav(?:e|es|ing)|left|depart(?:s|ed|ing)?)", re.IGNORECASE)
PLACE_KINDS = {"country", "city", "venue"}


def _left_stop(fact: SentenceFacts, d: dates_mod.DateMention,
               drafts: list[StopDraft]) -> int | None:
    """The stop the sentence's leaving verb before `d` leaves: the one stop it names before
    the verb, when no place follows the verb. None otherwise."""
    s = fact.sentence
    verbs = list(DEPARTURE.finditer(s.text, 0, d.start - s.start))
    if not verbs or not LEAVING_VERB.fullmatch(verbs[-1].group(0)):
        return None
    verb_at = s.start + verbs[-1].start()
    if any(m.start >= verb_at for m in fact.places if m.kind in PLACE_KINDS):
        return None  # "left for X", "left X on Monday": another rule's
    stops = {stop_for_place(m.place, drafts) for m in fact.places
             if m.kind in PLACE_KINDS and m.start < verb_at} - {None}
    return stops.pop() if len(stops) == 1 else None


def close_on_leaving(facts: list[SentenceFacts], drafts: list[StopDraft]) -> None:
    """A departure day told in the sentence that brings the traveller to a stop ("flew into
    X on Sunday ..., and left Monday afternoon") is that stop's end, when it falls on or
    after the stop's start, after its end so far, and not after the next dated stop's start.
    In place."""
    for fact in facts:
        if fact.sentence.clutter or fact.sentence.heading or fact.others_travel:
            continue
        for d in fact.dates:
            if d.first is None or d.reporting or d.is_range or \
                    not is_departure_date(fact, d, drafts):
                continue
            k = _left_stop(fact, d, drafts)
            if k is None:
                continue
            draft = drafts[k]
            following = next((x.start for x in drafts[k + 1:] if x.start is not None), None)
            if draft.start is None or d.first < draft.start or (
                    draft.end is not None and draft.end >= d.first) or (
                    following is not None and d.first > following):
                continue
            draft.end = d.first
            draft.end_stated = True
            draft.open_end = False
            if fact.sentence.index not in draft.date_sentences:
                draft.date_sentences.append(fact.sentence.index)
