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
    welcomed Y with a full arrival ceremony", "received Y at State House, Nairobi": the
    object of a verb of hosting, with the place it is hosted in or welcomed to or the
    ceremony it is welcomed with, is the visitor (the offsets of the object's words). Only a
    visit told as done or under way: "X is expected to host Y at the White House next
    month", "X will host Y in Moscow" are other visits, to the host's home."""
    if not _hosting_now(verb) or not (hosting_places(verb, venues=True) or any(
            c.dep_ == "prep" and c.lower_ == "with" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in WELCOME_NOUNS for g in c.children)
            for c in verb.children)):
        return []
    return [_offsets(w)[0] for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"
            for w in c.subtree]


def _hosting_now(verb: Token) -> bool:
    """An active verb of hosting, told as done or under way ("received", "hosts"), not
    ahead ("will host", "to receive")."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in HOSTING_VERBS and \
        verb.tag_ in {"VBD", "VBZ", "VBP"} and not any(
            c.dep_ in {"auxpass", "nsubjpass", "neg"} or (c.dep_ == "aux" and c.lower_ in {
                "will", "would", "shall", "to"}) for c in verb.children)


# A place's entity labels, and a venue's too ("at the White House", "at Village Urugwiro")
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def hosting_places(verb: Token, venues: bool = False) -> list[Token]:
    """The place words of the "to/in/at" phrases of a verb of hosting: "welcomed Y to
    Amman", "received Y at State House, Nairobi" (a place anywhere in the phrase). With
    `venues`, a proper noun heading the phrase counts too ("hosted Y at Village Urugwiro")."""
    found = []
    # (the parse may hang the phrase from the guest: "hosted Y at Village Urugwiro")
    guests = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in [*verb.children, *(c for g in guests for c in g.children)]:
        if prep.dep_ != "prep" or prep.lower_ not in {"to", "in", "at"}:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            words = [t for t in pobj.subtree if t.ent_type_ in PLACE_LABELS - {"FAC"}]
            if words:
                found.extend(words)
            elif venues and (pobj.pos_ == "PROPN" or pobj.ent_type_ in PLACE_LABELS):
                found.append(pobj)
    return found


def guest_destinations(span: Span) -> list[tuple[Token, Token]]:
    """(verb, place word) of the towns and countries a guest is hosted in, by an active
    verb of hosting told as done or under way whose object is a proper name ("President X
    on Wednesday received Finnish President Y at State House, Nairobi" -> Nairobi): the
    guest is there, whoever tells it (a host-country outlet names no travel verb)."""
    return [(verb, place) for verb in span if _hosting_now(verb) and any(
        c.dep_ == "dobj" and c.pos_ == "PROPN" for c in verb.children)
        for place in hosting_places(verb)]


def meetings_somewhere(span: Span) -> list[tuple[int, list[int], list[int]]]:
    """(subject, people met, places) of active meetings told as done or under way whose
    subject and people met are proper names and whose "in/at" phrase names a place: "Chinese
    President X met with (held talks with) Argentine President Y in Beijing" -> (X, [Y],
    [Beijing]), as the
    offsets of the words' starts. The caller knows whose country the place is: a host
    meeting a foreign guest at home makes the guest the visitor."""
    found = []
    for verb in span:
        # "met (with) Y", or "held talks with Y": the meeting noun holds the partner
        talks = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in {
            "talk", "talks", "meeting", "discussion"}] if verb.lemma_.lower() in {
            "hold", "have"} else []
        if verb.pos_ != "VERB" or (verb.lemma_.lower() != "meet" and not talks) or any(
                c.dep_ in {"auxpass", "nsubjpass", "neg"} or (c.dep_ == "aux" and c.lower_ in {
                    "will", "would", "shall", "to"}) for c in verb.children):
            continue
        # (a dateline may be parsed as a second subject: "BEIJING (Xinhua) -- X met ...")
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        subject = next((c for c in subjects if c.ent_type_ == "PERSON"), None)
        met = [c for c in verb.children if c.dep_ == "dobj"] + [
            o for h in [verb, *talks] for c in h.children if c.dep_ == "prep"
            and c.lower_ == "with" for o in c.children if o.dep_ == "pobj"]
        met = [m for m in met if m.pos_ == "PROPN"]
        if subject is None or not met:
            continue
        places = [t for holder in [verb, *talks, *met] for prep in holder.children
                  if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}
                  for t in prep.subtree if t.ent_type_ in PLACE_LABELS - {"FAC"}]
        if places:
            found.append((_offsets(subject)[0], [_offsets(m)[0] for m in met],
                          [_offsets(t)[0] for t in places]))
    return found


def visiting_guests(span: Span) -> list[tuple[int, int]]:
    """(host, guest) offsets where a host meets someone the text calls visiting: "President
    X held talks with visiting Russian President Y in Hanoi", "X met visiting Finnish
    President Y" (the parse makes "visiting" a verb taking Y, under the host's verb)."""
    found = []
    for token in span:
        if token.tag_ != "VBG" or token.lemma_.lower() != "visit" or not token.lower_.islower():
            continue
        # (or the participle describes the name: "with visiting ... Y", amod of Y)
        guests = [c for c in [*token.children, token.head]
                  if c.pos_ == "PROPN" and c.ent_type_ == "PERSON" and (
                      (c.dep_ == "dobj" and c.head.i == token.i)
                      or (token.dep_ == "amod" and c.i == token.head.i))]
        verb = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
        if not guests or verb is None or token.dep_ not in {"pcomp", "xcomp", "amod"}:
            continue
        host = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"
                     and c.ent_type_ == "PERSON"), None)
        if host is not None:
            found.extend((_offsets(host)[0], _offsets(g)[0]) for g in guests)
    return found


# Verbs of receiving a guest: "X received his Chilean counterpart Y", "X welcomed Y to Z"
RECEIVING = {"receive", "welcome", "host", "greet"}


def received_guests(span: Span) -> list[tuple[int, int]]:
    """(host, guest) offsets where a named person receives, welcomes, hosts or greets another
    named person ("President X received this Monday his Chilean counterpart Y at the Casa
    Rosada", "X welcomed President Y to his home town of Z"): active, not negated, the guest
    the object (or the name in apposition to an object like "counterpart")."""
    found = []
    for verb in span:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in RECEIVING or any(
                c.dep_ in {"auxpass", "nsubjpass", "neg"} for c in verb.children):
            continue
        host = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"
                     and c.ent_type_ == "PERSON"), None)
        if host is None:
            continue
        # (the parse may take a name after a time for an adverbial: "received this Monday her
        # counterpart Y" makes Y an npadvmod)
        for obj in (c for c in verb.children if c.dep_ == "dobj" or (
                c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > verb.i)):
            names = [obj] if obj.pos_ == "PROPN" else [
                a for a in obj.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
            found.extend((_offsets(host)[0], _offsets(g)[0]) for g in names
                         if g.ent_type_ == "PERSON")
    return found


def welcomed_by_the_speaker(span: Span) -> list[int]:
    """Offsets of the names "I" or "we" receive, welcome or host ("I want to welcome President
    X to the White House", "I had the great pleasure of welcoming President Y to my home
    town"): the speaker is the host, the one named the guest."""
    found = []
    for verb in span:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in RECEIVING or any(
                c.dep_ in {"auxpass", "nsubjpass", "neg"} for c in verb.children):
            continue
        # the subject: the verb's own, or the one of the verb it hangs from ("want to
        # welcome", "had the pleasure of welcoming")
        subject = None
        for node in [verb, *verb.ancestors][:4]:
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                break
        if subject is None or subject.lower_ not in {"i", "we"}:
            continue
        found.extend(_offsets(c)[0] for c in verb.children if c.dep_ == "dobj"
                     and c.pos_ == "PROPN" and c.ent_type_ == "PERSON")
    return found


def owner_of_subject(span: Span, end: int) -> bool:
    """Whether the name ending at character `end` owns the subject of a verb, which is no
    trip ("President X's special envoy, Y, arrived in Z": X does not go; "X's visit to Z
    begins" is X's own)."""
    token = next((t for t in span if _offsets(t)[1] == end), None)
    if token is None or token.dep_ != "poss":
        return False
    owned = token.head
    # ("X's envoy Y arrived": the parse may make the office a compound of the name)
    subject = owned.head if owned.dep_ == "compound" else owned
    return subject.dep_ in {"nsubj", "nsubjpass"} and owned.pos_ == "NOUN" and \
        owned.lemma_.lower() not in TRIP_WORDS


TRIP_WORDS = {"visit", "trip", "tour", "journey", "travel", "stop", "leg", "plane",
              "motorcade", "arrival", "delegation", "entourage"}


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
            if child.dep_ == "nsubj" and child.pos_ == "NOUN":
                # "President X's special envoy, Y, arrived": the name in apposition
                child = next((a for a in child.children if a.dep_ == "appos"), child)
            if child.dep_ in {"nsubj", "appos"} and child.pos_ == "PROPN" and \
                    child.ent_type_ == "PERSON":
                words = [t for t in child.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
                first = words[0] if words else child
                found.append((_offsets(first)[0], _offsets(child)[1]))
    return found
