"""Places where the traveller does something, by the dependency parse: "told reporters in
Canberra", "said in Nairobi on Thursday", "toured a car factory near Munich", "spent Monday
in Doha and Tuesday in Kuwait City". Someone who speaks, tours or spends a day in a place is
there; whether that someone is the traveller is asked later, as for every destination
(`parse_steps.add_destinations`, then `others_travel`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.extraction.grammar import (
    REMOTE,
    Destination,
    _can_travel,
    _in_the_past,
    _offsets,
    _subject,
)
from dashboard.extraction.places import find_places

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Verbs of doing something in person, whose "in"/"at" phrase (or their object's) is where
# the doer is. Not verbs of talking about a place ("discussed the war in Ukraine") nor of
# having something somewhere ("has troops in Mali").
# ("open" is left out: companies open plants and offices somewhere)
ACTIVITY_VERBS = {"say", "tell", "speak", "tour", "inspect", "spend", "address", "brief",
                  "unveil", "inaugurate", "lay", "attend", "watch"}
# Pronouns that stand for a person ("it would open a line in X", "both were closely watched
# in Y" stand for things)
PERSONAL_PRONOUNS = {"i", "we", "he", "she", "they", "who"}


def _a_country(subject: Token) -> bool:
    """"China has spent billions in Kenya": a country as the doer (the model's entity label
    alone would also catch "Sanchez", which it sometimes takes for a place)."""
    return any(m.kind in {"country", "region"} and m.text == subject.text
               for m in find_places(subject.text))
# Prepositions that place the doer: in or at a place, or just outside it
PLACING_PREPS = {"in", "at", "near", "outside"}
# Objects whose own "in X" is no place of the doer: "told reporters about the war in X"
ABOUT_NOUNS = {"war", "crisis", "conflict", "situation", "fighting", "violence", "election",
               "elections", "investment", "investments", "troops", "forces", "people"}


def _placing_phrases(verb: Token) -> list[Token]:
    """The verb's own placing prepositions and those of its objects and time phrases
    ("spent Monday in Doha", "toured a factory near Munich")."""
    phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in PLACING_PREPS]
    for child in verb.children:
        if child.dep_ in {"dobj", "npadvmod"} and child.lemma_.lower() not in ABOUT_NOUNS:
            phrases.extend(c for c in child.children
                           if c.dep_ == "prep" and c.lower_ in PLACING_PREPS)
    return phrases


# Verbs of speaking: where someone speaks is told only when the sentence sends no one
# anywhere else ("told reporters in Brasilia: 'Tomorrow I leave for Shanghai'" is said
# before setting out, perhaps at home)
SPEAKING = {"say", "tell", "speak", "brief"}


def activity_destinations(span: Span, travel_told: bool = False) -> list[Destination]:
    """Places named as where the subject of a verb of doing something in person does it;
    not in the past of another trip ("spoke in Ottawa last year"), not by video link; with
    `travel_told` (the sentence has destinations of its own), not a place of speaking."""
    if any(t.lower_ in REMOTE for t in span):
        return []
    found = []
    for verb in span:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ACTIVITY_VERBS or \
                _in_the_past(verb) or (travel_told and verb.lemma_.lower() in SPEAKING):
            continue
        subject = _subject(verb)
        # (the doer is the active subject: "was welcomed in X" is the host's doing)
        # (a person: not "China has spent billions in Kenya")
        if subject is None or subject.dep_ != "nsubj" or not _can_travel(subject) or (
                subject.pos_ == "PRON" and subject.lower_ not in PERSONAL_PRONOUNS) or \
                _a_country(subject):
            continue
        for prep in _placing_phrases(verb):
            for place in prep.children:
                if place.dep_ == "pobj" and place.pos_ == "PROPN" and not _in_the_past(place):
                    a, b = _offsets(place)
                    found.append(Destination(a, b, verb.lemma_.lower(), subject.text))
    return found
