"""Rules over the dependency parse about who travels: the subjects of verbs of travel
(`travelling_subjects`, `people_moving`, `named_travellers`) and the visitor a sentence
describes ("the visiting French President, X", "King X welcomed President Y to Manama":
`described_as_visiting`). Split from `meeting_grammar.py`, which reads who meets whom; used
by `traveller.py`, `trip.py`, `others_travel.py`, `host_grammar.py` and `couples.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.extraction.grammar import _offsets

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# Verbs whose subject is the one travelling or meeting someone on the trip
TRAVELLER_VERBS = {"travel", "fly", "arrive", "land", "depart", "head", "visit", "tour",
                   "meet", "hold", "reach", "embark"}


def travelling_subjects(span: Span) -> list[str]:
    """The words of proper-name subjects of active, affirmative verbs of travel or meeting
    ("Xi landed at Vnukovo airport" -> ["Xi"]); not of a verb in a relative clause about
    someone else, nor of "last visited" (an earlier trip)."""
    found = []
    for token in span:
        if token.pos_ != "VERB" or token.lemma_.lower() not in TRAVELLER_VERBS:
            continue
        if any(c.dep_ in {"neg", "auxpass", "nsubjpass"} for c in token.children) or any(
                c.lower_ in {"last", "previously", "ago", "once"} for c in token.children
                if c.dep_ in {"advmod", "npadvmod"}):
            continue
        for child in token.children:
            if child.dep_ == "nsubj" and child.pos_ == "PROPN":
                found.append(child.text)
    return found


# ... and of being somewhere a while: "X spent Sunday and Monday in Windhoek"
MOVING_VERBS = (TRAVELLER_VERBS - {"meet", "hold"}) | {"spend", "stay", "leave", "return"}


def people_moving(span: Span) -> list[str]:
    """Last words of the people's names the parse makes the subjects of verbs of moving,
    named or in apposition to the subject ("his successor, Qin Gang, went to Ethiopia" ->
    ["Gang"]): whose travel a sentence tells, for telling the traveller's from others'."""
    found = []
    for token in span:
        if token.pos_ != "VERB" or token.lemma_.lower() not in MOVING_VERBS | {"go"}:
            continue
        for child in token.children:
            if child.dep_ != "nsubj":
                continue
            names = [child] + [c for c in child.children if c.dep_ == "appos"]
            found.extend(n.text for n in names
                         if n.pos_ == "PROPN" and n.ent_type_ == "PERSON")
    return found


# Verbs whose object is a guest: "welcomed X to Amman", "hosted X in Cairo"
HOSTING_VERBS = {"welcome", "host", "receive"}


def described_as_visiting(span: Span) -> list[int]:
    """Offsets of the words a "visiting" / "touring" participle describes ("a toast to the
    visiting French President, X", "a banquet for the visiting President X of Chile"):
    the one it modifies, or the word right after it when the parse hangs it elsewhere. The
    person so described is the visitor, whoever speaks first in the article."""
    found = []
    for token in span:
        if token.lemma_.lower() in HOSTING_VERBS and token.pos_ == "VERB":
            found.extend(_hosted_here(token))
        if token.tag_ != "VBG" or token.lemma_.lower() not in {"visit", "tour"}:
            continue
        if token.dep_ == "amod":
            found.append(_offsets(token.head)[0])
        if token.i + 1 < len(token.doc):
            found.append(_offsets(token.doc[token.i + 1])[0])
    return found


# What a host welcomes a visitor with: "welcomed Y with a full arrival ceremony", "received
# Y with military honours" (a state's welcome, given only to a guest)
WELCOME_NOUNS = {"ceremony", "honours", "honors", "guard", "salute", "carpet", "banquet"}


def _hosted_here(verb: Token) -> list[int]:
    """"King X welcomed President Y to Amman", "Z hosted Prime Minister Y in Cairo", "X
    welcomed Y with a full arrival ceremony": the object of a verb of hosting, with the
    place it is hosted in or welcomed to or the ceremony it is welcomed with, is the
    visitor (the offsets of the object's words). Only a visit told as done or under way:
    "X is expected to host Y at the White House next month", "X will host Y in Moscow" are
    other visits, to the host's home."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or any(c.dep_ == "aux" and c.lower_ in {
            "will", "would", "shall", "to"} for c in verb.children):
        return []
    if not any(c.dep_ == "prep" and ((c.lower_ in {"to", "in", "at", "on"} and any(
            g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC", "FAC"} for g in c.children))
            or (c.lower_ == "with" and any(g.dep_ == "pobj" and g.lemma_.lower() in
                                          WELCOME_NOUNS for g in c.children)))
            for c in verb.children):
        return []
    return [_offsets(w)[0] for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"
            for w in c.subtree]


def named_travellers(span: Span) -> list[tuple[int, int]]:
    """Spans of the full proper names that are subjects of active verbs of moving ("After
    crossing the date line, Mr. X Y will arrive in Apia" -> "Mr. X Y"), for a text whose
    traveller has no title: the name with its compound words, as the parse groups them."""
    found = []
    for token in span:
        if token.pos_ != "VERB" or token.lemma_.lower() not in MOVING_VERBS:
            continue
        if any(c.dep_ in {"neg", "auxpass", "nsubjpass"} for c in token.children):
            continue
        for child in token.children:
            if child.dep_ == "nsubj" and child.pos_ == "PROPN" and child.ent_type_ == "PERSON":
                words = [t for t in child.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
                first = words[0] if words else child
                found.append((_offsets(first)[0], _offsets(child)[1]))
    return found
