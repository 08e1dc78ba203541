"""Days a trip starts on that no stop's sentence gives: "will leave on Monday for a tour of
the region" (the verb sets off on a trip noun), "The trip, which begins Thursday, ..." (a
trip noun begins). Read from the dependency parse; used by
`date_filters.leaves_home_for_the_trip`.
"""

from __future__ import annotations

from dashboard.extraction import dates as dates_mod
from dashboard.extraction import grammar
from dashboard.extraction.facts import SentenceFacts


def trip_begins(fact: SentenceFacts, d: dates_mod.DateMention) -> bool:
    """The date's verb is "begin"/"start" with a trip noun as its subject, or hangs as a
    relative clause from one ("The tour begins on Monday", "The trip, which starts
    Thursday, ..."), by the parse."""
    if fact.parse is None:
        return False
    verb = grammar.governing_verb(fact.parse, d.start)
    node = fact.parse.doc[verb] if verb is not None else None
    if node is None or node.lemma_.lower() not in {"begin", "start"}:
        return False
    subject = node.head if node.dep_ == "relcl" else grammar._subject(node)
    return subject is not None and grammar.is_trip_noun(subject)


def sets_off_on_a_trip(fact: SentenceFacts, d: dates_mod.DateMention) -> bool:
    """The date's verb sets off on a trip noun ("will leave on Monday for a tour of the
    region", "departs Sunday on a week-long trip"), by the parse."""
    if fact.parse is None:
        return False
    verb = grammar.governing_verb(fact.parse, d.start)
    return verb is not None and any(
        prep.dep_ == "prep" and prep.lower_ in {"for", "on"} and any(
            obj.dep_ == "pobj" and grammar.is_trip_noun(obj) for obj in prep.children)
        for prep in fact.parse.doc[verb].children)
