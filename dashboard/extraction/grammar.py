"""Rules over the dependency parse: who travels where, who is met, what comes first.

Each function reads one sentence's spaCy `Span` (see `nlp.py`) and answers in character
offsets into the original text, so the facts keep their provenance. The rules name grammar
(the object of a meeting verb, the destination of a travel verb, a list joined by `conj`),
never a person, place or article. The dependency labels are ClearNLP's, as spaCy's English
pipelines use them (https://spacy.io/models/en, "Label scheme").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Verbs whose object, or whose "with" phrase, is a person met.
# ("join President X" and "accompany" are travelling together, not a meeting)
MEET_VERBS = {"meet", "hug", "brief", "thank"}
# Verbs that meet only a named person: "see Sultan X" (not "see the old town"). Not "call":
# "to call President X" is a telephone call; "call on X" is a visit (`meeting_grammar.met_objects`).
SEE_VERBS = {"see", "visit", "consult"}
# Verbs whose agent is the person met: "was received by President X"
HOST_VERBS = {"host", "receive", "welcome", "greet"}
# Nouns whose "with" phrase is a person met ("talks with", "meetings with", "an audience
# with", "a courtesy call on").
MEET_NOUNS = {"meeting", "talk", "talks", "discussion", "audience", "call", "dialogue",
              "consultation", "conversation", "bilateral", "bilaterals", "lunch", "dinner",
              "breakfast", "session", "exchange", "meet", "summit", "interaction",
              "engagement", "press", "conference", "agreement", "memorandum", "deal"}
# Verbs that take "with" for a partner when they govern a meeting noun or sign something.
WITH_VERBS = {"sign", "agree", "hold", "have", "speak", "confer", "dine", "lunch", "sit",
              # "to discuss the G7 preparations ... with Mr. X, Minister for ...": a partner
              "discuss", "consult", "talk"}
# Verbs of travel, and the prepositions that give their destination.
# (Going home, "return to", "leave X for home", is not a destination; "left for" and
# "depart for" are the cue patterns', which know when the trip ends.)
TRAVEL_VERBS = {"travel", "go", "head", "fly", "arrive", "land", "continue", "proceed",
                "move", "come", "stop", "jet", "drive", "cross", "press", "set", "embark",
                "be", "stay"}
DESTINATION_PREPS = {"to", "into", "in", "for", "at", "onto"}
# Verbs of being somewhere take "in"/"at"; verbs of motion "to"/"into"/"onto"; "for" only
# after setting out ("heads for", "set off for")
LOCATED_VERBS = {"arrive", "land", "stop", "be", "stay"} | {
    "finish", "end", "conclude", "wrap", "begin", "start", "open", "close", "cap", "kick",
    "complete"}
SETTING_OUT = {"head", "set", "fly", "embark"}
# Subjects that can travel: pronouns, names, and nouns for a person or an office
PERSON_NOUNS = {"pontiff", "secretary", "minister", "president", "king", "queen", "leader",
                "envoy", "chancellor", "premier", "delegation", "pope", "prince", "emperor",
                "diplomat", "head", "representative", "commissioner", "monarch", "sultan",
                "emir", "official", "couple", "team", "general", "governor", "speaker"}
# What someone does where they are: "..., where he held talks / laid a wreath / addressed"
WHERE_VERBS = {"hold", "attend", "sign", "deliver", "address", "lay", "inaugurate", "open",
               "speak", "give", "tour", "see", "pay"}
# People met by office: "the leaders of X", "ministers of the governments of X"
OFFICE_NOUNS = {"leader", "minister", "government", "counterpart", "president", "king",
                "head", "official", "authority", "authorities", "representative"}
# Meeting nouns that name an event somewhere else, not where the traveller is
GENERIC_EVENTS = {"summit", "conference", "agreement", "deal", "memorandum", "press"}
REMOTE = {"virtual", "virtually", "video", "online", "phone", "telephone", "remote"}
PAST_WORDS = {"last", "previous", "ago", "earlier", "former", "past"}
VISIT_VERBS = {"visit", "tour", "reach"}
# "finish/begin/wrap up his tour in X": the verb takes a trip noun and says where
BOUNDARY_VERBS = {"finish", "end", "conclude", "wrap", "begin", "start", "open", "close",
                  "cap", "kick", "complete"}
TRIP_NOUNS = {"visit", "trip", "tour", "journey", "stop", "leg", "swing", "stopover",
              "travels", "destination"}
LAST_VERBS = {"finish", "end", "conclude", "wrap", "cap", "close", "complete"}
FIRST_PERSON = {"i", "we"}
REPORTING_VERBS = {"say", "tell", "announce", "state", "write", "declare", "add", "note"}
# Where a place list may go on below an object: lists, appositions, "countries in X".
LIST_DEPS = {"conj", "appos", "pobj", "compound", "dobj", "nmod", "npadvmod", "dep", "cc",
             "punct", "preconj", "det", "amod", "nummod", "quantmod"}
LIST_PREPS = {"in", "of", "including", "like", "namely", "to"}
PLACE_GROUPS = {"country", "nation", "city", "capital", "state", "region", "island",
                "destination", "place", "stop", "leg", "town", "village", "port"}
# What carries someone somewhere: a verb with one of these as its object moves them, and its
# "to" phrase is where ("took a military plane to X", "will make a day trip aboard ... to X")
CONVEYANCES = {"plane", "flight", "helicopter", "train", "boat", "ferry", "car", "motorcade",
               "jet", "aircraft", "ship", "bus", "ride", "shuttle"}


def carries(verb: Token) -> bool:
    """Whether `verb` moves its subject because its object is a trip or a craft ("take a
    plane", "make a day trip", "catch a flight"): its "to" phrase then gives a destination."""
    return verb.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "dobj" and c.lemma_.lower() in TRIP_NOUNS | CONVEYANCES
        for c in verb.children)


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


@dataclass(frozen=True)
class Destination:
    """A place the sentence sends its subject to: offsets of a token inside the place name,
    the governing word, its subject's text, and whether it is said to come first or last."""

    start: int
    end: int
    verb: str
    subject: str
    first: bool = False
    last: bool = False
    leaders_of: bool = False  # "meet the leaders of X, Y and Z"


def _offsets(token: Token) -> tuple[int, int]:
    doc_offset = token.doc.user_data.get("offset", 0)
    return doc_offset + token.idx, doc_offset + token.idx + len(token.text)


def _list_members(head: Token) -> Iterator[Token]:
    """The head and what hangs below it as a list: "X, Y and Z", "four countries in Central
    America – A, B, C and D –", "Berlin, Germany", without relative clauses or other
    prepositions ("in May", "for talks")."""
    yield head
    # "four countries in Central America": a group of places goes on to its members; "a
    # Samsung plant in X" is somewhere inside a stop, not a list of destinations
    group = head.pos_ == "PROPN" or head.lemma_.lower() in PLACE_GROUPS or head.dep_ == "prep"
    for child in head.children:
        if child.dep_ in LIST_DEPS or (
                group and child.dep_ == "prep" and child.lower_ in LIST_PREPS):
            yield from _list_members(child)


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it hangs from ("will travel to X, where he")."""
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
        if node.dep_ in {"xcomp", "conj", "advcl", "pcomp", "ccomp", "relcl", "acl"} \
                and node.head is not node:
            # ("returned home to host X, before flying to Y": a gerund after a preposition
            # that trails its verb takes that verb's subject; a fronted one, "After returning
            # to X, ...", is left as it was)
            if node.dep_ == "pcomp" and node.head.dep_ == "prep" \
                    and node.head.head is not node.head and node.head.i > node.head.head.i:
                node = node.head
            node = node.head
            continue
        break
    return None


def _setting_out_on(noun: Token) -> bool:
    """"embark on / set out on / leave on / be on a visit ...": the trip noun is the object
    of "on" after a verb of setting out."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "on" and prep.head.pos_ in {"VERB", "AUX"} \
        and prep.head.lemma_.lower() in {"embark", "set", "leave", "depart", "go", "be",
                                         "head", "start", "begin"}


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


def _can_travel(subject: Token | None) -> bool:
    """A subject that can travel: a pronoun, a name, a person or office ("the pontiff");
    not "the trip", "aid", "a planned second leg"."""
    if subject is None:
        return True
    return subject.pos_ in {"PRON", "PROPN"} or subject.lemma_.lower() in PERSON_NOUNS \
        or _mistagged_name(subject)


def _mistagged_name(token: Token) -> bool:
    """A name the tagger took for a common noun: capitalised where English does not
    capitalise nouns (inside the sentence), or marked a name by the entity recogniser
    ("Guterres arrived in X" at the head of a sentence: NOUN, ORG)."""
    return token.pos_ == "NOUN" and token.text[:1].isupper() \
        and (token.ent_type_ in {"PERSON", "ORG"} or not token.is_sent_start)


WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
DAY_PARTS = {"day", "morning", "afternoon", "evening", "night"}


def _in_the_past(token: Token) -> bool:
    """"his visit last month to X", "a trip two years ago": a time word says another trip
    ("He reached X last Friday" is within the week: this trip, told after it)."""
    past = any(w.lower_ in PAST_WORDS for c in token.children
               if c.dep_ in {"npadvmod", "amod", "advmod"} and c.lower_ not in WEEKDAYS
               for w in c.subtree)
    # "Earlier on Friday he had been in X", "the previous evening", "earlier that day": a
    # time within the trip's days, told back from a later stop
    return past and not any(w.lower_ in WEEKDAYS | DAY_PARTS for c in token.children
                            if c.dep_ in {"npadvmod", "advmod", "prep"} for w in c.subtree)


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


def destinations(span: Span) -> list[Destination]:
    """Places this sentence sends someone to, by the parse: objects of visit verbs, the
    "to/in/for" phrases of travel verbs, of trip nouns ("a visit to X") and of boundary verbs
    with a trip ("finish his tour next week in X"), and "the leaders of X, Y and Z" met."""
    found: list[Destination] = []

    def add(head: Token, word: Token, first: bool = False, last: bool = False,
            leaders_of: bool = False) -> None:
        verb = _verb_of(word)
        subject = _subject(verb)
        if not _can_travel(subject) or _in_the_past(word) or _in_the_past(verb):
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
        if token.pos_ in {"VERB", "AUX"}:
            first = _has_first(token)  # ("begin in X": the cue patterns' FIRST_STOP)
            trip_object = [c for c in token.children if c.dep_ == "dobj"
                           and c.lemma_.lower() in TRIP_NOUNS]
            last = lemma in LAST_VERBS and bool(trip_object) and not _has_first(token) and \
                not any(_has_first(noun) for noun in trip_object)  # "wrap up the first leg"
            if lemma in VISIT_VERBS:
                for child in token.children:
                    if child.dep_ == "dobj":
                        add(child, token, first)
            if lemma in TRAVEL_VERBS or (lemma in BOUNDARY_VERBS and trip_object) or (
                    lemma not in LOCATED_VERBS and carries(token)):
                for child in token.children:
                    if child.dep_ == "prep" and travel_preposition(lemma, child.lower_):
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                add(pobj, token, first, last)
            for noun in trip_object:
                # "is first wrapping up a visit to Senegal": the verb's first/last go on
                for child in noun.children:
                    if child.dep_ == "prep" and child.lower_ in {"to", "of", "in"}:
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                add(pobj, noun, first or _first_of_trip(noun), last)
        elif token.pos_ == "NOUN" and lemma in TRIP_NOUNS and token.dep_ != "dobj" and (
                any(c.dep_ == "poss" for c in token.children) or _setting_out_on(token)):
            # "his visit to X", "I embark on a five-nation visit to X" (not "the first visit
            # by a US president to X")
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in {"to", "of", "in"}:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            add(pobj, token, _first_of_trip(token))
        elif token.pos_ == "PROPN" and token.dep_ == "pobj" and token.head.lower_ in {"in", "at"}:
            # "Tuesday was devoted to business in Mumbai, where Trudeau also met ...": a place
            # where the clause that follows has someone meet, hold talks or visit
            for clause in token.children:
                if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children) \
                        and clause.lemma_.lower() in MEET_VERBS | VISIT_VERBS | WHERE_VERBS \
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
                token.pos_ == "NOUN" and lemma in MEET_NOUNS and lemma not in GENERIC_EVENTS)):
            # "after meeting with authorities in Congo", "held talks in Cairo": where the
            # meeting is (on the meeting word or on the people met)
            places = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"]
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
    return found


def first_person_travel(span: Span) -> bool:
    """The sentence sends "I" or "we" somewhere ("I will visit Ghana, then Brazil")."""
    return any(d.subject.lower() in FIRST_PERSON for d in destinations(span))


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


def governing_clause(span: Span, start: int) -> str:
    """How the clause holding the token at `start` hangs from the sentence: "before" for
    "(arrived ..., ) before travelling to X on Wednesday", "after" for "after visiting X",
    else ""."""
    offset = span.doc.user_data.get("offset", 0)
    token = next((t for t in span if t.idx + offset <= start < t.idx + offset + len(t)), None)
    node = token
    for _ in range(8):
        if node is None or node.head is node:
            return ""
        if node.dep_ == "pcomp" and node.head.lower_ in {"before", "after"}:
            return node.head.lower_
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"before", "after"}
                                        for c in node.children):
            return next(c.lower_ for c in node.children if c.dep_ == "mark")
        node = node.head
    return ""


def governing_verb(span: Span, start: int, through: set[str] | None = None) -> int | None:
    """The index of the verb that the token at character offset `start` hangs from (the
    token's own head chain, up to the first verb), or None: "on Friday I will be in Beijing"
    puts "Friday" and "Beijing" under one verb, "be"; "Tomorrow I leave for Shanghai" puts
    "Tomorrow" and "Shanghai" under "leave". With `through`, only a chain whose prepositions
    are all in it counts ("flew to X ... from the summit in Y": Y comes under "from", not a
    destination). (Dates and order only; see `stop_dates.py`.)"""
    offset = span.doc.user_data.get("offset", 0)
    token = next((t for t in span if t.idx + offset <= start < t.idx + offset + len(t)), None)
    node = token
    for _ in range(8):
        if node is None:
            return None
        if node is not token and node.pos_ in {"VERB", "AUX"}:
            return node.i
        if through is not None and node.dep_ == "prep" and node.lower_ not in through:
            return None
        if node.head is node:
            return None
        node = node.head
    return None
