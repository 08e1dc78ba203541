"""Destinations a sentence takes back: a negated, counterfactual, called-off, earlier or
someone else's leg ("will not visit Berlin", "was originally to have included Amman", "a
proposed stop in X has been removed", "his visit to Kyiv last year", "will be represented at
Davos by its finance minister"). Used by `visits.visit_signals` and the steps that read cue
patterns again (`returns`, `told_back`, `parse_steps`, `date_filters`).
"""

from __future__ import annotations

import re

from dashboard.extraction.places import PlaceMention

# ("ruled out a stop in Somalia", "skipped Kabul": a leg decided against)
NEGATION = re.compile(r"\b(?:not|n't|never|cancel\w*|postpone\w*|call(?:ed)?\s+off|"
                      r"rul(?:e|es|ed|ing)\s+out|skipp(?:ed|ing)|"
                      r"instead\s+of|rather\s+than|scrapp\w*)\b", re.IGNORECASE)
# A leg that did not happen: "was originally to have included a stop in Amman", "a planned
# second leg in Amman fell apart"
COUNTERFACTUAL = re.compile(r"\b(?:originally|(?:was|were)\s+to\s+have|would\s+have)\b",
                            re.IGNORECASE)
CALLED_OFF = re.compile(r"\b(?:fell\s+(?:apart|through)|(?:was|were|has\s+been|had\s+been|"
                        r"is|are)\s+(?:cancel\w*|scrapped|called\s+off|postponed|shelved|"
                        # "a proposed stop in X has been removed from the programme"
                        r"dropped|removed|axed))\b",
                        re.IGNORECASE)
# An event dated before the trip: "a week after the NATO summit in Vilnius", "last month's
# summit in Hiroshima" (but "a day after his visit to Kyiv" is this trip's earlier leg)
PRIOR_EVENT = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|several|few|\d+)\s+(?:days?|weeks?|months?|years?)"
    r"\s+(?:after|since)\s+(?:the|last)\b|"
    r"(?:last|previous)\s+(?:week|month|year)(?:'s|’s)|previous)", re.IGNORECASE)
# "his visit to Kyiv last year": a past trip, not this one
PAST_TRIP = re.compile(r"^[^.;]{0,40}?\b(?:last\s+(?:month|year|spring|summer|autumn|fall|"
                       r"winter)|earlier\s+this\s+(?:year|month)|years?\s+ago|"
                       r"months?\s+ago|previous(?:ly)?|"
                       # "due to travel to Portugal and Spain later this month": another trip
                       r"later\s+this\s+(?:month|year)|next\s+(?:month|year)|"
                       # "would visit X early in the new year": a later trip too
                       r"in\s+the\s+new\s+year|"
                       # "is preparing a visit to Cuba before the end of the year"
                       r"(?:before|by)\s+the\s+end\s+of\s+(?:the|this|next)\s+(?:month|year))\b",
                       re.IGNORECASE)
# "Zimbabwe will be represented at Davos by its finance minister": someone else goes there
REPRESENTED_AT = re.compile(r"\brepresented\s+(?:at|in)\s+(?:the\s+)?$", re.IGNORECASE)
REPRESENTED_BY = re.compile(r"[^.;]{0,60}?\bby\b", re.IGNORECASE)


def ruled_out(text: str, start: int, end: int, mention: PlaceMention) -> bool:
    """A destination the sentence (text[start:end]) takes back: a negated, counterfactual,
    called-off or earlier leg."""
    # "will not visit Berlin", "has postponed a trip to Rome"; a negation in an earlier
    # clause ("who has not been there since 2021, will travel to ...") does not count
    clause_start = max(start, *(text.rfind(mark, start, mention.start) + 1
                                for mark in ";,—("))
    # a counterfactual reaches over commas ("was originally, in March, to have included X")
    # but not past a colon or semicolon, which opens a new statement ("his tour, which was to
    # have started today, has been pushed back: he is now expected in X")
    statement_start = max(start, *(text.rfind(mark, start, mention.start) + 1
                                   for mark in ";:"))
    if NEGATION.search(text, clause_start, mention.start) or \
            COUNTERFACTUAL.search(text, statement_start, mention.start) or \
            CALLED_OFF.search(text, mention.end, end):
        return True
    if PRIOR_EVENT.search(text, clause_start, mention.start):
        return True  # "The tour came a week after the NATO summit in Vilnius"
    if REPRESENTED_AT.search(text, clause_start, mention.start) and \
            REPRESENTED_BY.match(text, mention.end, end):
        return True
    return bool(PAST_TRIP.search(text[mention.end:end]))
