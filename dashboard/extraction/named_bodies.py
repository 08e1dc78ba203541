"""Places that only name a body or an event held somewhere else ("the Shanghai Cooperation
Organisation summit to be held in Astana" is in Astana, not in Shanghai), or tell a thing's
history ("the Framework ..., signed in Addis Ababa on February 24").

A pipeline helper of `trip.parse`, after the parse: it reads the language model's entities
(ORG, EVENT, LAW), not word lists, so it holds for any body named after a town.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.grammar import (
    MEET_NOUNS,
    PERSON_NOUNS,
    TRAVEL_VERBS,
    TRIP_NOUNS,
    VISIT_VERBS,
    token_at,
    token_start,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Entities that name a body, an event or an agreement, not a place
BODY_LABELS = {"ORG", "EVENT", "LAW"}


def drop_places_naming_bodies(fact: SentenceFacts) -> None:
    """Drops the visit signals of a place that opens a longer entity naming a body or an
    event ("the Shanghai Cooperation Organisation Summit") when the parse hangs another
    place's "in"/"at" phrase from it ("... to be held in Astana"): that place is where
    the event is, and the traveller's stop if any. A body named alone ("at the Boao Forum
    for Asia") may still be where it meets, and is left as it is."""
    if fact.parse is None or not fact.signals:
        return
    offset = fact.parse.doc.user_data.get("offset", 0)
    dropped = []
    for ent in fact.parse.ents:
        words = [t for t in ent if t.lower_ != "the"]
        if ent.label_ not in BODY_LABELS | {"FAC"} or len(words) < 2:
            continue
        start = token_start(words[0])
        opening = [m for m in fact.places if m.kind in {"country", "city"}
                   and m.start == start and m.end < start + len(ent.text)]
        if opening and ((ent.label_ in BODY_LABELS and _held_elsewhere(ent, offset, fact))
                        or _in_where_clause_of_a_place(ent, fact)):
            dropped += opening
    if dropped:
        fact.signals = [sig for sig in fact.signals
                        if not any(m.start <= sig.position < m.end for m in dropped)]


def _held_elsewhere(ent: Span, offset: int, fact: SentenceFacts) -> bool:
    """Whether the parse hangs an "in"/"at" phrase naming another place of the sentence
    from the entity, or from a verb or noun below it within two steps ("the X Summit to be
    held in Astana", "the X summit in Astana")."""
    inside = {t.i for t in ent}
    # "the X Organisation summit": the noun the name is a compound of
    inside |= {t.head.i for t in ent if t.dep_ == "compound" and t.head.i not in inside}
    for mention in fact.places:
        if mention.kind not in {"country", "city"} or mention.start < offset + ent.end_char:
            continue
        token = token_at(fact.parse, mention.start)
        if token is None or token.dep_ != "pobj" or token.head.lower_ not in {"in", "at"}:
            continue
        node = token.head
        for _ in range(3):
            node = node.head
            if node.i in inside:
                return True
            if node.head is node:
                break
    return False


def _in_where_clause_of_a_place(ent: Span, fact: SentenceFacts) -> bool:
    """Whether the entity is inside a "where" clause that describes another place of the
    sentence: "for Singapore, where he will speak at the Shangri-La Dialogue" (the Dialogue,
    a facility's or an event's name, is in Singapore, not in the town of Shangri-La)."""
    node = ent.root
    for _ in range(6):
        if node.dep_ == "relcl" and any(c.lower_ == "where" for c in node.children):
            head = node.head
            return head.pos_ == "PROPN" and head.i not in {t.i for t in ent} and any(
                m.kind in {"country", "city"} and m.start <= token_start(head) < m.end
                for m in fact.places)
        if node.head is node:
            return False
        node = node.head
    return False


def drop_places_of_things_described(fact: SentenceFacts) -> None:
    """"the Cooperation Framework for the region, signed in Addis Ababa on February 24": a
    place in a past participle's phrase that describes a thing (an agreement signed, a
    plant built there) tells the thing's history, not where the traveller goes: its
    signal and its mention go (the sentence's dates are the thing's). Only the
    cue patterns' "locative" reading is judged; a participle of a person, trip or meeting
    ("talks held in Doha", "the delegation led by X") keeps its place. A place inside an
    "about" phrase is a topic and goes too ("the conversation was about ... the talks in
    Vienna")."""
    if fact.parse is None or not any(sig.strength == "locative" for sig in fact.signals):
        return
    described = [sig for sig in fact.signals
                 if sig.strength == "locative" and (_described_thing(fact, sig.position)
                                                    or _talked_about(fact, sig.position))]
    if described:
        # (the mention goes too: the sentence's dates are the thing's, not the stop's)
        fact.signals = [sig for sig in fact.signals if sig not in described]
        fact.places = [m for m in fact.places
                       if not any(m.start <= sig.position < m.end for sig in described)]


def _talked_about(fact: SentenceFacts, position: int) -> bool:
    """Whether the place is inside an "about" phrase: "the conversation was about the war in
    Ukraine, ... and the nuclear talks with Iran in Vienna" (a topic, not where anyone is):
    an "about" before it with no verb between (the parse often hangs such a list's later
    items elsewhere, so the words between decide, not the tree)."""
    place = token_at(fact.parse, position)
    if place is None:
        return False
    for token in reversed(fact.parse.doc[fact.parse.start:place.i]):
        if token.pos_ in {"VERB", "AUX"}:
            return False  # (a clause of its own: "talked about it, then flew to X")
        if token.lower_ == "about" and token.dep_ == "prep":
            return True
    return False


def _head_of(fact: SentenceFacts, position: int, through: set[str]) -> Token | None:
    """The word at `position`, climbed up to three heads through `through` labels ("Addis"
    -> "Ababa": a name's head; "24" -> "February": a date's)."""
    token = token_at(fact.parse, position)
    for _ in range(3):
        if token is None or token.dep_ not in through:
            break
        token = token.head
    return token


def _described_thing(fact: SentenceFacts, position: int) -> bool:
    token = _head_of(fact, position, {"compound", "flat"})
    if token is None or token.dep_ != "pobj" or token.head.lower_ not in {"in", "at"}:
        return False
    owner = token.head.head
    if owner.dep_ == "pobj" and owner.head.dep_ == "agent":
        # "the conclusions adopted by the Foreign Affairs Council in Brussels": the place of
        # the participle's agent, a body acting in its own seat
        owner = owner.head.head
    return _describes_a_thing(owner)


def drop_dates_of_things_described(fact: SentenceFacts) -> None:
    """"the Framework ..., signed in Addis Ababa on February 24": a date in the phrase of a
    past participle describing a thing (see `drop_places_of_things_described`) is the
    thing's, and dates no stop the sentence names."""
    if not fact.dates:
        return
    text, start = fact.sentence.text, fact.sentence.start
    fact.dates = [d for d in fact.dates
                  if not SINCE_A_THING.search(text, max(0, d.start - start - 60), d.start - start)]
    if fact.parse is None:
        return
    fact.dates = [d for d in fact.dates if not _in_a_thing_described(fact, d.start)]


# "the first such meeting since the invasion of Ukraine on 24 February": a date in a "since"
# phrase that names a thing dates that thing (the parse often hangs it on the verb or noun
# before); not "since Monday" (the date itself) nor "since arriving in X on Monday"
SINCE_A_THING = re.compile(r"\bsince\s+(?:the|a|an|its|his|her|their|last|this)\s+"
                           r"[^\s,;:.]+(?:\s+[^\s,;:.]+){0,5}?\s+(?:on|in)\s+$",
                           re.IGNORECASE)


def _in_a_thing_described(fact: SentenceFacts, position: int) -> bool:
    token = _head_of(fact, position, {"compound", "nummod"})
    if token is None or token.dep_ != "pobj" or token.head.dep_ != "prep":
        return False
    return _describes_a_thing(token.head.head)


# Participles that order an itinerary, not tell a thing's history: "Her first stop is X,
# followed by Y on Wednesday", "a visit to Z, preceded by a stop in W on Monday"
SEQUENCE_VERBS = {"follow", "precede"}


def _describes_a_thing(participle: Token) -> bool:
    """A past participle hanging from a thing it describes ("the Framework ..., signed"),
    not from a person, a trip or a meeting ("talks held", "the delegation led by"), nor
    one ordering the stops ("X, followed by Y on Wednesday")."""
    thing = participle.head
    return participle.dep_ == "acl" and participle.tag_ == "VBN" \
        and participle.lemma_.lower() not in TRAVEL_VERBS | VISIT_VERBS | SEQUENCE_VERBS \
        and thing.pos_ in {"NOUN", "PROPN"} and thing.ent_type_ != "PERSON" \
        and thing.lemma_.lower() not in PERSON_NOUNS | TRIP_NOUNS | MEET_NOUNS
