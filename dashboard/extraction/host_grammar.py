"""Hosts: the people who receive (or speak to) the traveller, however far the verb is from
their name.

"Russian President X said on Thursday that ..., as he hosted Indonesian President Y in the
Kremlin": the host is the subject of an active verb of hosting whose object names the
traveller; a pronoun subject ("he", "she") stands for the subject of the clause it hangs
from. Source: the dependency parse (nsubj / dobj of host verbs and their governing verbs).
`guests_at_home` reads the other side: the guest a host meets at home, or meets as
"visiting", is the visitor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from dashboard.extraction.grammar import HOST_VERBS, MEET_NOUNS, REMOTE, token_at, token_start
from dashboard.extraction.meeting_grammar import name_start
from dashboard.extraction.traveller_grammar import (
    MOVING_VERBS,
    meetings_somewhere,
    received_guests,
    visiting_guests,
)

if TYPE_CHECKING:
    from dashboard.extraction.facts import SentenceFacts
    from dashboard.extraction.people import PersonMention

PRONOUNS = {"he", "she"}
# "X told <traveller> as the two leaders sat down": words said to the traveller's face
# (not on a call: "told <traveller> by phone")
TELL_VERBS = {"tell", "assure"}
# "X took him on a walk through the market", "X showed her around the palace": a host
# leading the traveller somewhere in person
GUIDE_VERBS = {"take", "show", "escort", "guide"}
# (a place or a body as a subject is no "he": "Moscow would ensure ..., as he hosted X")
NOT_PEOPLE = {"GPE", "LOC", "FAC", "ORG", "NORP"}


def _named_subject(verb: Token) -> Token | None:
    """The subject of `verb`, or for a pronoun the subject of the nearest governing verb
    with a named subject that is no place or body."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    # (a dateline the parse makes a second subject: "BEIJING (Xinhua) -- X held talks ...")
    subject = next((c for c in subjects if c.ent_type_ == "PERSON"), None) or next(
        iter(subjects), None)
    if subject is None or subject.pos_ == "PROPN":
        return subject
    if subject.lower_ not in PRONOUNS:
        return None
    for governor in verb.ancestors:
        named = [c for c in governor.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"
                 and c.ent_type_ not in NOT_PEOPLE]
        if named:
            # (a person before a dateline the parse also makes a subject: "PYONGYANG, Sept.
            # 17 - North Korean leader X admitted ..., as he held talks with <traveller>")
            return next((c for c in named if c.ent_type_ == "PERSON"), named[0])
    return None


# Offices by which a text names the traveller in the object of a host's verb ("President X
# will welcome the Prime Minister")
TRAVELLER_OFFICES = {"president", "minister", "premier", "chancellor", "secretary", "king",
                     "queen", "pope", "pontiff", "visitor", "guest", "delegation", "adviser"}


# The head noun of a style of address: "His Royal Highness", "Her Majesty", "His Excellency"
STYLE_NOUNS = {"highness", "majesty", "excellency"}


def _stands_for_the_traveller(word: Token) -> bool:
    """"her", "him", "them", or "the Prime Minister" / "the visitor" with no name of its
    own: the object stands for the traveller the story follows."""
    if word.pos_ == "PRON":
        return word.lower_ in {"her", "him", "them"}
    if word.lower_ in STYLE_NOUNS and any(c.dep_ == "poss" and c.lower_ in {"his", "her"}
                                          for c in word.children):
        # "received His Royal Highness in Muscat": a style with no name after it (an
        # agency's way of naming its own leader, the guest)
        return True
    has_name = any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
                   for c in word.children)
    if word.tag_ == "NNS" and word.lemma_.lower() in TRAVELLER_OFFICES | {"leader"}:
        # "X hosted the two leaders", "welcomed both ministers": a pair the traveller is
        # one of (not "the foreign ministers of A and B", a group named by its countries)
        return any((c.dep_ == "nummod" and c.lower_ == "two") or c.lower_ == "both"
                   for c in word.children) and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in word.children)
    return word.lower_ in TRAVELLER_OFFICES and not has_name and any(
        c.dep_ == "det" and c.lower_ == "the" for c in word.children)


def _meets_the_traveller(verb: Token, traveller: str) -> bool:
    """`verb` is "meet (with) <traveller>" or "hold talks / a summit ... with <traveller>",
    in the active voice and not negated."""
    if any(c.dep_ in {"auxpass", "nsubjpass", "neg"} for c in verb.children):
        return False
    lemma = verb.lemma_.lower()

    def names_traveller(token: Token) -> bool:
        return any(t.text == traveller for t in token.subtree)
    if lemma == "spend":
        # "X spent two days with his guest (discussing ...)": the guest, "him" or "her" is
        # the traveller (the parse may make the guest the subject of what follows)
        withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
        partners = [o for c in withs for o in c.children if o.dep_ == "pobj"] + [
            o for c in withs for p in c.children if p.dep_ == "pcomp"
            for o in p.children if o.dep_ == "nsubj"]
        return any(names_traveller(o) or o.lower_ in {"him", "her"} or (
            o.lemma_.lower() in {"guest", "visitor"} and any(
                d.dep_ in {"poss", "det"} for d in o.children)) for o in partners)
    if lemma == "meet":
        return any(c.dep_ == "dobj" and names_traveller(c) for c in verb.children) or any(
            c.dep_ == "prep" and c.lower_ == "with" and names_traveller(c)
            for c in verb.children)
    if lemma not in {"hold", "have"}:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in MEET_NOUNS and any(
        t.lower_ == "with" and names_traveller(t) for t in c.subtree) for c in verb.children)


# "X hosted a banquet in his honour", "Y gives a state dinner for her": a meal a host gives
# for the traveller, whose guest the traveller is in person
MEALS = {"banquet", "dinner", "lunch", "luncheon", "reception", "breakfast", "supper"}


def _meal_for_the_traveller(verb: Token) -> bool:
    """`verb` hosts or gives a meal ("banquet", "dinner") that is a state one, in "his" or
    "her" honour, or for "him" or "her"; active and not negated."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in {"host", "give", "throw", "offer"} or \
            any(c.dep_ in {"auxpass", "nsubjpass", "neg"} for c in verb.children):
        return False
    meals = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in MEALS]
    if not meals:
        return False
    if any(c.dep_ in {"amod", "compound"} and c.lower_ == "state" for m in meals
           for c in m.children):
        return True
    for token in [t for m in meals for t in m.subtree] + [
            t for c in verb.children if c.dep_ in {"prep", "dative"} for t in c.subtree]:
        if token.lemma_.lower() in {"honour", "honor"} and any(
                c.dep_ == "poss" and c.lower_ in {"his", "her", "their"} for c in token.children):
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "for" and _stands_for_the_traveller(
                token):
            return True
    return False


def hosts_of(span: Span, traveller: str) -> list[int]:
    """Offsets (into the article) of the name heads that host, receive, welcome or greet
    the traveller, or tell the traveller something face to face (`traveller`: the
    traveller's surname, one word of their name)."""
    found = []
    remote = any(t.lower_ in REMOTE for t in span)
    for verb in span:
        lemma = verb.lemma_.lower()
        if lemma == "call" and verb.pos_ == "VERB" and not remote:
            # "X called on her at her hotel": a courtesy call on the traveller
            on = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "on"]
            if any(_stands_for_the_traveller(o) or o.text == traveller
                   for p in on for o in p.children if o.dep_ == "pobj"):
                subject = _named_subject(verb)
                if subject is not None and subject.text != traveller:
                    found.append(token_start(subject))
            continue
        if _meal_for_the_traveller(verb):
            subject = _named_subject(verb)
            if subject is not None and subject.text != traveller:
                found.append(token_start(subject))
            continue
        if verb.pos_ == "VERB" and not remote and _meets_the_traveller(verb, traveller):
            # "X ..., as he held the first summit with <traveller>": X meets the traveller
            subject = _named_subject(verb)
            if subject is not None and subject.text != traveller:
                found.append(token_start(subject))
            continue
        if verb.pos_ != "VERB" or not (lemma in HOST_VERBS or (
                lemma in TELL_VERBS | GUIDE_VERBS and not remote)):
            continue
        if any(c.dep_ in {"auxpass", "nsubjpass", "neg"} for c in verb.children):
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not any(t.text == traveller for o in objects for t in o.subtree) and not any(
                _stands_for_the_traveller(o) for o in objects):
            continue
        subject = _named_subject(verb)
        if subject is not None:
            found.append(token_start(subject))
    return found


def host_names(span: Span) -> list[tuple[int, int, str, str, bool]]:
    """Proper names, titled or not, that host, receive, welcome or greet "him", "her" or
    "the visitor" in person ("where X received him in a tent", "Y greeted her as a
    friend"), in the shape of `meeting_grammar.met_names` (start, end, title, entity label,
    described): the traveller's hosts, whom the caller checks as it checks names met."""
    found = []
    for verb in span:
        meal = _meal_for_the_traveller(verb)
        if not meal and (verb.pos_ != "VERB" or verb.lemma_.lower() not in HOST_VERBS or any(
                c.dep_ in {"auxpass", "nsubjpass", "neg"} for c in verb.children)):
            continue
        if not meal and not any(_stands_for_the_traveller(c) for c in verb.children
                                if c.dep_ == "dobj"):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ != "PERSON":
            continue
        first = name_start(subject)
        found.append((token_start(first), token_start(subject) + len(subject), "",
                      "PERSON", False))
    return found


def _with_appositions(tokens: list[Token]) -> list[Token]:
    return tokens + [c for t in tokens for c in t.children if c.dep_ == "appos"]


# Verbs that two subjects do with each other: "A and B talked trade", "A and B signed a pact"
TOGETHER_VERBS = {"talk", "discuss", "agree", "sign", "meet", "negotiate", "confer", "hold"}


def fellow_subjects(span: Span, traveller: str, together_only: bool = False) -> list[int]:
    """Offsets of the name heads that share a subject with the traveller ("<traveller> and his
    Congolese counterpart X clashed openly", "X and <traveller> signed a deal"): the two
    are together. Verbs of moving do not count ("A and B will travel to ...": companions),
    nor a subject the parse gives a dateline ("KINSHASA, March 4 - A and B ..."), whose
    list members are then the subjects. With `together_only`, only verbs the two do with
    each other (`TOGETHER_VERBS`, with no "with" partner of their own)."""
    found = []
    for verb in span:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in MOVING_VERBS:
            continue
        if together_only and (verb.lemma_.lower() not in TOGETHER_VERBS or any(
                c.dep_ == "prep" and c.lower_ == "with" for c in verb.children) or any(
                c.lower_ == "with" for o in verb.children if o.dep_ == "dobj"
                for c in o.children) or any(
                c.dep_ == "dobj" and c.pos_ == "PROPN" for c in verb.children)):
            # (with each other, not "A and B held talks with C" nor "A and B will meet
            # President C": B goes with A)
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            # ("A and Prime Minister B talked": the parse may make B a second subject)
            siblings = [c for c in verb.children if c.dep_ == "nsubj" and c is not subject
                        and any(t.dep_ == "cc" and t.lower_ == "and" for t in
                                span.doc[min(c.i, subject.i):max(c.i, subject.i)])]
            group = _with_appositions([subject, *subject.conjuncts, *siblings])
            # "HANOI, March 8 -- A and his counterpart B agreed": the parse makes the
            # dateline the subject and hangs the list from its apposition
            group = _with_appositions(list(dict.fromkeys(
                group + [c for t in group for c in t.conjuncts])))
            # ("he and Fiji's prime minister X unveiled ...": the pronoun is the traveller's,
            # as in the pattern `meeting_rules.is_met` falls back on)
            if not any(t.text == traveller or t.lower_ in {"he", "she"} for t in group):
                continue
            found.extend(token_start(t) for t in group if t.text != traveller
                         and t.pos_ in {"PROPN", "NOUN"})
    return found


def alongside(span: Span) -> list[int]:
    """Offsets of the words of the names someone stands, speaks or sits "alongside" ("Standing
    alongside Russian President X at a news conference, <traveller> praised the talks"): in
    the same place, in person. Whether that is a leader met (one of another country) or a
    companion is the caller's to say."""
    return [token_start(t) for prep in span if prep.lower_ == "alongside" and prep.dep_ == "prep"
            for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"
            for t in o.subtree]


def guests_at_home(fact: SentenceFacts, known: dict[str, PersonMention] | None = None
                   ) -> list[tuple[PersonMention, PersonMention]]:
    """(host, guest) for the people a host meets at home, by the parse
    (`meetings_somewhere`): the host's country (a demonym before the title) is the country
    of the place of the meeting, and the guest's is another one. `known` (family name ->
    the person the article names in full) lets a guest be named by family name alone:
    "Chinese President Hu held talks with Kim in Beijing"."""
    if fact.parse is None:
        return []

    def person_at(at: int) -> PersonMention | None:
        return next((p for p in fact.people if p.start <= at < p.end), None)

    def guest_at(at: int) -> PersonMention | None:
        token = token_at(fact.parse, at)
        return person_at(at) or (known or {}).get(token.text if token is not None else "")
    found = []
    for subject_at, met_at, places_at in meetings_somewhere(fact.parse):
        host = person_at(subject_at)
        codes = {m.place.code for m in fact.places for at in places_at
                 if m.start <= at < m.end and m.kind in {"city", "country"}}
        if host is None or host.nationality is None or codes != {host.nationality}:
            continue
        found.extend((host, guest) for at in met_at if (guest := guest_at(at)) is not None
                     and guest.nationality and guest.nationality != host.nationality)
    # "X held talks with visiting Russian President Y": the text says who the guest is
    for host_at, guest_at in visiting_guests(fact.parse):
        host, guest = person_at(host_at), person_at(guest_at)
        if host is not None and guest is not None and host.surname != guest.surname:
            found.append((host, guest))
    # "X received his Chilean counterpart Y at the Casa Rosada", "X welcomed Y to Z"
    for host_at, guest_offset in received_guests(fact.parse):
        host, guest = person_at(host_at), guest_at(guest_offset)
        if host is not None and guest is not None and host.surname != guest.surname:
            found.append((host, guest))
    return found
