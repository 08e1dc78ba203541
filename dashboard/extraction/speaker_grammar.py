"""Rules over the dependency parse about who speaks: whether "I" or "we" travel, and who
says the sentence.

Split from `grammar.py` (whose word lists of travel and visit verbs these share). Each
function reads one sentence's spaCy `Span` (see `nlp.py`); `parse_steps.speaker_of_first_person`
uses them to give a first-person trip ("I will visit Ghana, then Brazil") to its speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.extraction.grammar import TRAVEL_VERBS, VISIT_VERBS, _offsets

if TYPE_CHECKING:
    from spacy.tokens import Span

FIRST_PERSON = {"i", "we"}
REPORTING_VERBS = {"say", "tell", "announce", "state", "write", "declare", "add", "note"}


def asks_to_travel_oneself(span: Span) -> bool:
    """"I seek approval to travel to X", "we have plans to visit X", "my intention to visit
    X": a travel verb hanging from a noun that "I"/"we" seek, have or own is the speaker's own
    travel (the verb itself has no subject of its own)."""
    for token in span:
        if token.pos_ != "VERB" or token.dep_ != "acl" or token.head.pos_ != "NOUN" or \
                token.lemma_.lower() not in TRAVEL_VERBS | VISIT_VERBS:
            continue
        noun = token.head
        if any(c.dep_ == "poss" and c.lower_ in {"my", "our"} for c in noun.children):
            return True
        verb = noun.head
        if noun.dep_ == "dobj" and any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON
                                       for c in verb.children):
            return True
    return False


def speaker(span: Span) -> tuple[int, int] | None:
    """The one who says the sentence: the subject of its reporting verb ("..., Modi said",
    "Foreign Minister Motegi said: I ..."), when it is a name (not a pronoun)."""
    for token in span:
        if token.lemma_.lower() in REPORTING_VERBS and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ == "nsubj" and child.pos_ == "PROPN":
                    return _offsets(child)
    return None
