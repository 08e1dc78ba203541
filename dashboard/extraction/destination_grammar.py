"""Rules over the dependency parse about where someone goes: the destinations of travel and
visit verbs, of trip nouns, of boundary verbs with a trip, and "the leaders of X, Y and Z"
met.

Split from `grammar.py` (which keeps the word lists and the parse helpers these rules share
with `meeting_grammar.py`, `stop_grammar.py` and `told_back.py`). `destinations` reads the
places of this trip, for the pipeline (`parse_steps.add_destinations`); `sent_to` reads one
place word in any tense, for the towns tier (`towns.add_towns`); both take the
preposition a travel verb governs from `travel_preposition`. Answers are character offsets
into the original text; labels are ClearNLP's, as spaCy's English pipelines use them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from dashboard.extraction.grammar import (
    BOUNDARY_VERBS,
    DESTINATION_PREPS,
    LAST_VERBS,
    LOCATED_VERBS,
    MEET_NOUNS,
    MEET_VERBS,
    PLACE_GROUPS,
    REMOTE,
    TRAVEL_VERBS,
    TRIP_NOUNS,
    VISIT_VERBS,
    WEEKDAYS,
    Destination,
    _in_the_past,
    _list_members,
    _offsets,
    _subject,
    carries,
    carries_someone,
    is_trip_noun,
)
from dashboard.extraction.traveller_grammar import guest_destinations

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# What someone does where they are: "..., where he held talks / laid a wreath / addressed",
# and how long they are there: "..., where the delegation spent two days"
WHERE_VERBS = {"hold", "attend", "sign", "deliver", "address", "lay", "inaugurate", "open",
               "speak", "give", "tour", "see", "pay", "spend"}
# People met by office: "the leaders of X", "ministers of the governments of X"
OFFICE_NOUNS = {"leader", "minister", "government", "counterpart", "president", "king",
                "head", "official", "authority", "authorities", "representative"}
# Meeting nouns that name an event somewhere else, not where the traveller is
GENERIC_EVENTS = {"summit", "conference", "agreement", "deal", "memorandum", "press"}
# Trip nouns that name a part of this trip: "his first stop was X" (unlike "his first trip
# abroad was to X", an earlier trip)
STOP_SUBJECTS = {"stop", "leg", "stopover", "destination"}
# Verbs of setting out, the only ones whose "for" gives a destination ("heads for X")
SETTING_OUT = {"head", "set", "fly", "embark"}


def travel_preposition(verb: str, preposition: str) -> bool:
    """Whether a travel verb's preposition gives where it sends someone: a verb of motion
    takes "to/into/onto" ("flew to X"), a verb of being somewhere "in/at" ("arrived in X"),
    and "for" only a verb of setting out ("heads for X"). `verb` is the lemma, lower case."""
    if preposition not in DESTINATION_PREPS:
        return False
    if preposition == "for":
        return verb in SETTING_OUT
    return (preposition in {"in", "at"}) == (verb in LOCATED_VERBS)


def sent_to(token: Token) -> bool:
    """Whether the parse sends someone to this place word, in any tense and without asking
    who goes (`destinations` asks both): the object of a visit verb ("visited X") or of a
    travel verb's preposition ("will fly to X", "arrived in X"; not "for"), of any trip
    noun's ("a visit to X", "the trip to X"), or of a verb that carries ("took a plane to
    X"). "The town of X", "the port city of X" stand where the group noun stands ("toured
    the town of X")."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and \
            head.head.lemma_.lower() in PLACE_GROUPS and head.head is not token:
        token, head = head.head, head.head.head
    if token.dep_ == "dobj" and head.lemma_.lower() in VISIT_VERBS:
        return True
    if token.dep_ == "pobj" and head.dep_ == "prep" and \
            head.lower_ in DESTINATION_PREPS and head.lower_ != "for":
        governor = head.head.lemma_.lower()
        if governor in TRIP_NOUNS or (governor in TRAVEL_VERBS and
                                      travel_preposition(governor, head.lower_)):
            return True
        # "took a military plane to X", "made a day trip ... to X"
        return head.lower_ in {"to", "into", "onto"} and carries(head.head)
    return False


# Words that put someone somewhere ahead of time: "is due in X", "is expected in X"
EXPECTED_WORDS = {"due", "expect"}


def expected_there(token: Token) -> bool:
    """"due" as the complement of "be", or a passive "expected", whose "in"/"at" phrase is
    where the subject is to be; not "due back in X" (going home) nor a thing expected ("a
    deal is expected in Lima": `destinations` asks whether the subject can travel)."""
    if token.lemma_.lower() not in EXPECTED_WORDS or any(c.lower_ == "back"
                                                        for c in token.children):
        return False
    if token.lower_ == "due":
        return token.dep_ == "acomp" and token.head.lemma_.lower() == "be"
    return token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children)


def _setting_out_on(noun: Token) -> bool:
    """"embark on / set out on / leave on / be on a visit ...": the trip noun is the object
    of "on" after a verb of setting out."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "on" and prep.head.pos_ in {"VERB", "AUX"} \
        and prep.head.lemma_.lower() in {"embark", "set", "leave", "depart", "go", "be",
                                         "head", "start", "begin"}


def _joined_to_setting_out(noun: Token) -> bool:
    """"departed on the X Journey, state visits to four allies: A, B and C": a trip noun the
    parse joins (as a conjunct or apposition) to a verb of setting out."""
    return noun.dep_ in {"conj", "appos"} and noun.head.pos_ == "VERB" and \
        noun.head.lemma_.lower() in SETTING_OUT | {"depart", "leave"}


def _trip_subject(verb: Token) -> Token | None:
    """The trip noun that is the subject of a form of "be" ("The final state visit is ..."),
    or None."""
    return next((c for c in verb.children if c.dep_ == "nsubj"
                 and c.lemma_.lower() in TRIP_NOUNS), None)


def _under_meeting(token: Token) -> bool:
    """The word is the object of a meeting verb or noun, within three heads; not of a
    summit or a call held from afar ("a virtual summit ... with the leaders of X")."""
    node = token
    for _ in range(4):
        node = node.head
        lemma = node.lemma_.lower()
        if lemma in GENERIC_EVENTS or any(c.lower_ in REMOTE for c in node.children):
            return False
        if lemma in MEET_VERBS or lemma in {"see", "host"} or (
                node.pos_ == "NOUN" and lemma in MEET_NOUNS):
            return True
        if node.head is node:
            break
    return False


def _of_objects(token: Token) -> Iterator[Token]:
    """The "of" objects of an office noun, through nested offices ("ministers of the
    governments of X and Y" -> X)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if pobj.pos_ == "NOUN" and pobj.lemma_.lower() in OFFICE_NOUNS:
                    yield from _of_objects(pobj)
                else:
                    yield pobj


def _has_first(token: Token) -> bool:
    return any(c.lower_ in {"first", "initially"} and c.dep_ in {"advmod", "amod", "npadvmod"}
               for c in token.children)


def _first_of_trip(noun: Token) -> bool:
    """"his first visit will be to X" is the trip's first stop; "the first visit by a
    sitting president to X", "his first visit to X since 2019 / in a decade / ever" is a
    first in history, said of any stop."""
    return _has_first(noun) and not any(
        (c.dep_ == "prep" and (c.lower_ in {"by", "since"} or (c.lower_ == "in" and any(
            p.lemma_.lower() in {"year", "decade", "century"} for p in c.subtree))))
        or c.lower_ == "ever" or (c.dep_ in {"acl", "relcl", "advcl"} and any(
            m.lower_ == "since" for m in c.children)) for c in noun.children)


def _verb_of(token: Token) -> Token:
    """The verb a noun phrase hangs from ("a visit to X" -> the verb of "visit")."""
    node = token
    for _ in range(3):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        node = node.head
    return node


def _trip_places(noun: Token) -> Iterator[Token]:
    """The objects of a trip noun's "to", "of" and "in" phrases ("a visit to X", "a tour of
    X", "a stop in X"), in text order."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"to", "of", "in"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield pobj


def _through_a_date(prep: Token) -> list[Token]:
    """"was in Amman on Thursday, and on Friday in Beirut", "arrived on Monday in X": the
    parse may hang the place's phrase from the date before it, or from its preposition,
    rather than from the verb; the phrases below a time phrase ("on Friday" -> "in
    Beirut")."""
    dates = [d for d in prep.children if d.dep_ == "pobj" and (
        d.ent_type_ == "DATE" or d.lower_ in WEEKDAYS)]
    return [c for head in ([prep, *dates] if dates else []) for c in head.children
            if c.dep_ == "prep"]


def _has_destination(verb: Token) -> bool:
    """The verb has a "to/in/at/into/onto" phrase besides its "from" ("arrived in Y from X")."""
    return any(c.dep_ == "prep" and c.lower_ in DESTINATION_PREPS - {"for"}
               for c in verb.children)


def goes_back(verb: Token) -> bool:
    """"heading back to Washington", "is due back in Brazil", "will be home in Ottawa":
    going home or being back (the adverb on the verb or on its complement), not a stop. An
    adverb with a phrase of its own describes a place instead ("took a plane to X, home to
    a NATO battle group")."""
    complements = [c for c in verb.children if c.dep_ in {"acomp", "xcomp", "attr"}]
    return any(w.lower_ in {"back", "home"} and w.dep_ == "advmod" and not any(
        p.dep_ == "prep" and p.lower_ != "to" for p in w.children) and w.i < next(
        (p.i for p in verb.children if p.dep_ == "prep"), len(verb.doc))
        for c in [verb, *complements] for w in c.children)


# "Then it was on to X", "Next it was off to Y": the narrative's "it" moving on
# ("Then it was west to Los Angeles": a direction moves on too)
ONWARD_WORDS = {"on", "off", "onward", "onwards", "north", "south", "east", "west"}


def _moving_on_to(verb: Token) -> Iterator[Token]:
    """The places of "it was on / off to X" (a form of "be" whose subject is "it", with
    "on", "off" or "onward" taking a "to" phrase): where the story moves on to."""
    if verb.lemma_.lower() != "be" or not any(
            c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children):
        return
    for word in verb.children:
        if word.lower_ in ONWARD_WORDS and word.dep_ in {"prep", "advmod", "prt", "acomp"}:
            for prep in word.children:
                if prep.dep_ == "prep" and prep.lower_ == "to":
                    yield from (p for p in prep.children if p.dep_ == "pobj")



# Verbs the small model often tags as plural nouns: "Ana Costa heads for Madrid", "X packs
# up and heads for Y" (ROOT or conjunct "heads", the name its compound)
MISREAD_VERBS = {"heads"}


def _misread_verb(token: Token) -> bool:
    """A clause's head that the tagger took for a noun but is a verb of travel with its
    preposition: "heads" at the root (or as a conjunct of the root's verb) with a "for" or
    "to" phrase below it."""
    return token.lower_ in MISREAD_VERBS and token.dep_ in {"ROOT", "conj"} and any(
        c.dep_ == "prep" and c.lower_ in {"for", "to"} for c in token.children)


def destinations(span: Span) -> list[Destination]:
    """Places this sentence sends someone to, by the parse: objects of visit verbs, the
    "to/in/for" phrases of travel verbs, of trip nouns ("a visit to X") and of boundary verbs
    with a trip ("finish his tour next week in X"), "the leaders of X, Y and Z" met, and
    where a host receives a named guest."""
    found: list[Destination] = []

    def add(head: Token, word: Token, first: bool = False, last: bool = False,
            leaders_of: bool = False, trip_subject: bool = False) -> None:
        verb = _verb_of(word)
        # (a trip as the subject, "the final visit is to X", is the traveller's trip)
        subject = None if trip_subject else _subject(verb)
        if not carries_someone(subject) or _in_the_past(word) or _in_the_past(verb):
            return
        for member in _list_members(head):
            if member.pos_ not in {"PROPN", "NOUN"} and member.ent_type_ not in {"GPE", "LOC",
                                                                                   "FAC"}:
                continue
            a, b = _offsets(member)
            found.append(Destination(a, b, word.lemma_.lower(),
                                     subject.text if subject is not None else "", first, last,
                                     leaders_of))

    for token in span:
        lemma = token.lemma_.lower()
        if token.pos_ == "AUX" and lemma == "be" and (noun := _trip_subject(token)) is not None \
                and noun.lemma_.lower() in STOP_SUBJECTS:
            # "His first stop, on Saturday, was Maputo", "The next leg is Seoul": a stop
            # named as such, in any tense (a stop is a part of this trip, not another trip)
            for attr in token.children:
                if attr.dep_ == "attr" and attr.pos_ == "PROPN":
                    add(attr, token, _has_first(noun),
                        any(c.lower_ in {"final", "last"} for c in noun.children),
                        trip_subject=True)
        if token.pos_ == "AUX" and lemma == "be" and token.tag_ != "VBD" \
                and (noun := _trip_subject(token)) is not None:
            # "The final state visit is to Castries", "the next leg is to X" (not "his first
            # trip abroad was to X": an earlier trip)
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "to":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            add(pobj, token, _has_first(noun) or _first_of_trip(noun),
                                any(c.lower_ in {"final", "last"} for c in noun.children),
                                trip_subject=True)
        if expected_there(token):
            # "He is due in Podgorica on Friday", "She is expected in Lima next week"
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN":
                            add(pobj, token)
        if token.pos_ in {"VERB", "AUX"} or _misread_verb(token):
            first = _has_first(token)  # ("begin in X": the cue patterns' FIRST_STOP)
            trip_object = [c for c in token.children if c.dep_ == "dobj"
                           and c.lemma_.lower() in TRIP_NOUNS]
            last = lemma in LAST_VERBS and bool(trip_object) and not _has_first(token) and \
                not any(_has_first(noun) for noun in trip_object)  # "wrap up the first leg"
            if lemma in VISIT_VERBS:
                for child in token.children:
                    if child.dep_ == "dobj":
                        add(child, token, first)
            if (lemma in TRAVEL_VERBS or (lemma in BOUNDARY_VERBS and trip_object) or (
                    lemma not in LOCATED_VERBS and carries(token))) and not goes_back(token):
                for child in token.children:
                    # ("travel to X for talks with Y, and to Z": the parse hangs the second
                    # "to" from the verb or from the phrase before it, as its conjunct)
                    if child.dep_ != "prep" and not (child.dep_ == "conj" and child.pos_ == "ADP"):
                        continue
                    for prep in [child, *(c for c in child.children
                                          if c.dep_ == "conj" and c.pos_ == "ADP"),
                                 *_through_a_date(child)]:
                        if travel_preposition(lemma, prep.lower_):
                            for pobj in prep.children:
                                if pobj.dep_ == "pobj":
                                    add(pobj, token, first, last)
            for pobj in _moving_on_to(token):
                add(pobj, token)
            for noun in trip_object:
                # "is first wrapping up a visit to Senegal": the verb's first/last go on
                for pobj in _trip_places(noun):
                    add(pobj, noun, first or _first_of_trip(noun), last)
        elif is_trip_noun(token) and token.dep_ != "dobj" and (
                any(c.dep_ == "poss" for c in token.children) or _setting_out_on(token)
                or _joined_to_setting_out(token)):
            # "his visit to X", "I embark on a five-nation visit to X" (not "the first visit
            # by a US president to X")
            for pobj in _trip_places(token):
                add(pobj, token, _first_of_trip(token))
        elif token.pos_ == "PROPN" and token.dep_ == "pobj" and \
                token.head.lower_ in {"in", "at", "from"}:
            # "Tuesday was devoted to business in Mumbai, where Trudeau also met ...": a place
            # where the clause that follows has someone meet, hold talks or visit; "flies in
            # from New Delhi, where he was the chief guest ... and held talks": the stop before
            # (not "flew in from X, where it had spent the night": a stopover on the way;
            # "arrived in Y from X, where ...", with a destination, is `told_back.origins`')
            verbs = MEET_VERBS | VISIT_VERBS | WHERE_VERBS
            if token.head.lower_ == "from":
                verbs = verbs - {"spend"} if not _has_destination(token.head.head) else set()
            for clause in token.children:
                if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children) \
                        and any(v.lemma_.lower() in verbs
                                for v in [clause, *(c for c in clause.children
                                                    if c.dep_ == "conj")]) \
                        and _subject(clause) is not None:
                    add(token, clause)
        elif token.pos_ == "NOUN" and lemma in OFFICE_NOUNS and token.dep_ in {"dobj", "pobj"} \
                and _under_meeting(token):
            # "meet (with) the leaders of X, Y and Z", "to meet with foreign and defence
            # ministers of the governments of X, Y and Z"
            verb = _verb_of(token)
            for pobj in _of_objects(token):
                add(pobj, verb, leaders_of=True)
        if token.pos_ in {"VERB", "NOUN"} and (lemma in MEET_VERBS or (
                token.pos_ == "NOUN" and lemma in MEET_NOUNS and lemma not in GENERIC_EVENTS)
                or (lemma == "call" and any(
                    c.dep_ == "prep" and c.lower_ == "on" and c.i == token.i + 1 and any(
                        o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
                    for c in token.children))):
            # ("called on Prime Minister X in New Delhi": a courtesy call on a person is a
            # meeting; not "X, on his first trip abroad, called for dialogue in Moscow")
            # "after meeting with authorities in Congo", "held talks in Cairo": where the
            # meeting is (on the meeting word or on the people met)
            # (also "here in Seoul", "there in Lima": the phrase hangs from the adverb)
            places = [c for h in [token, *(a for a in token.children if a.dep_ == "advmod"
                                           and a.lower_ in {"here", "there"})]
                      for c in h.children if c.dep_ == "prep" and c.lower_ == "in"]
            for obj in token.children:
                if obj.dep_ == "dobj" or (obj.dep_ == "prep" and obj.lower_ == "with"):
                    people = [obj] if obj.dep_ == "dobj" else [
                        c for c in obj.children if c.dep_ == "pobj"]
                    places += [c for p in people for c in p.children
                               if c.dep_ == "prep" and c.lower_ == "in"]
            for prep in places:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN":
                        add(pobj, token)
    # "President X on Wednesday received Finnish President Y at State House, Nairobi": where
    # a host receives a named guest, the guest is (a host-country outlet's only travel word)
    for verb, place in guest_destinations(span):
        add(place, verb)
    return found
