"""A stop's first day, by the verb its date modifies: a day of doing something there
("held talks on 24 October with ...") or of getting there ("arrived on Monday", "the tour
began on 18 October in X"). Used by `stop_dates` (a one-day stop keeps its day) and
`departures` (an arrival late in the day means a night there).
"""

from __future__ import annotations

from collections.abc import Iterator

from dashboard.extraction import dates as dates_mod
from dashboard.extraction import grammar
from dashboard.extraction.date_filters import ARRIVING
from dashboard.extraction.facts import SentenceFacts, StopDraft

# Verbs whose date tells when a stay begins, not a day spent doing something there
STAY_OPENING = ARRIVING | {"begin", "start", "open", "set", "leave", "depart", "visit",
                           "stay", "spend", "wrap", "end", "conclude", "make", "pay", "embark"}


def first_day_dates(draft: StopDraft, by_index: dict[int, SentenceFacts]
                    ) -> Iterator[tuple[SentenceFacts, dates_mod.DateMention, int | None]]:
    """(sentence, date, index of the verb it modifies or None) for each single-day date of
    the stop's sentences that is the stop's first day, in a parsed sentence."""
    for n in draft.date_sentences:
        fact = by_index.get(n)
        if fact is None or fact.parse is None:
            continue
        for d in fact.dates:
            if d.first == draft.start and not d.is_range:
                yield fact, d, grammar.governing_verb(fact.parse, d.start)


def activity_day(draft: StopDraft, by_index: dict[int, SentenceFacts]) -> bool:
    """By the parse, the stop's one day is told as a day of doing something there ("held
    talks on 24 October with ...", "met the president on Monday"), not of getting there or
    of a stay's opening ("arrived on Monday", "the tour began on 18 October in X")."""
    for fact, _d, verb in first_day_dates(draft, by_index):
        if verb is None or fact.parse.doc[verb].lemma_.lower() in STAY_OPENING:
            return False
        # "was in X on Friday for talks with Y" is a day of doing something there; "On
        # Tuesday he was in X" alone says only where he was
        if fact.parse.doc[verb].lemma_.lower() == "be" and not any(
                (c.dep_ == "prep" and c.lower_ == "for") or c.dep_ in {"xcomp", "advcl"}
                for c in fact.parse.doc[verb].children):
            return False
        # "After meeting X in Y on Tuesday, he said ...": a day told as the time after
        # which something else happened, not as the stay's
        head = fact.parse.doc[verb].head
        return not (fact.parse.doc[verb].dep_ == "pcomp"
                    and head.lower_ in {"after", "since", "following"})
    return False
