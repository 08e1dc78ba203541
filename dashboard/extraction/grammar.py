"""What the rules over the dependency parse share: the word lists (travel, visit, meeting
verbs and nouns), the parse helpers (a token's offsets, the list below a word, a verb's
subject, whether it can travel, a time word that tells of another trip), the `Destination`
record, and how a date or place hangs from its clause (`governing_clause`, `governing_verb`).

The rules themselves live by job: `destination_grammar.py` (who goes where),
`meeting_grammar.py` and `host_grammar.py` (who is met), `stop_grammar.py` (whether a place
is a stop of this trip), `speaker_grammar.py` (who speaks), `told_back.py` (stops told
backwards). Each function reads one sentence's spaCy `Span` (see `nlp.py`) and answers in
character offsets into the original text, so the facts keep their provenance. The rules
name grammar (the object of a meeting verb, the destination of a travel verb, a list joined
by `conj`), never a person, place or article. The dependency labels are ClearNLP's, as
spaCy's English pipelines use them (https://spacy.io/models/en, "Label scheme").
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
              "engagement", "press", "conference", "agreement", "memorandum", "deal",
              # ("a bruising encounter with X", "a sit-down with Y", "a tête-à-tête with Z")
              "encounter", "sit-down"}
# Verbs that take "with" for a partner when they govern a meeting noun or sign something.
WITH_VERBS = {"sign", "agree", "hold", "have", "speak", "confer", "dine", "lunch", "sit",
              # "to discuss the G7 preparations ... with Mr. X, Minister for ...": a partner
              "discuss", "consult", "talk",
              # "spent the day at the palace with President X": time spent with a person
              "spend"}
# Stretches of time whose "with" phrase is a person met: "after an hour with President X"
TIME_WITH_NOUNS = {"hour", "minute", "day", "morning", "afternoon", "evening"}
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
# Subjects that can travel: pronouns, names, and nouns for a person or an office
PERSON_NOUNS = {"pontiff", "secretary", "minister", "president", "king", "queen", "leader",
                "envoy", "chancellor", "premier", "delegation", "pope", "prince", "emperor",
                "diplomat", "head", "representative", "commissioner", "monarch", "sultan",
                "emir", "official", "couple", "team", "general", "governor", "speaker",
                # (the traveller's company: "the mission moved to X", "his entourage flew")
                "mission", "entourage"}
REMOTE = {"virtual", "virtually", "video", "online", "phone", "telephone", "remote"}
PAST_WORDS = {"last", "previous", "ago", "earlier", "former", "past"}
VISIT_VERBS = {"visit", "tour", "reach"}
# "finish/begin/wrap up his tour in X": the verb takes a trip noun and says where
BOUNDARY_VERBS = {"finish", "end", "conclude", "wrap", "begin", "start", "open", "close",
                  "cap", "kick", "complete"}
TRIP_NOUNS = {"visit", "trip", "tour", "journey", "stop", "leg", "swing", "stopover",
              "travels", "destination"}
LAST_VERBS = {"finish", "end", "conclude", "wrap", "cap", "close", "complete"}
# Where a place list may go on below an object: lists, appositions, "countries in X".
LIST_DEPS = {"conj", "appos", "pobj", "compound", "dobj", "nmod", "npadvmod", "dep", "cc",
             "punct", "preconj", "det", "amod", "nummod", "quantmod"}
LIST_PREPS = {"in", "of", "including", "like", "namely", "to"}
PLACE_GROUPS = {"country", "nation", "city", "capital", "state", "region", "island",
                "destination", "place", "stop", "leg", "town", "village", "port",
                # (countries by their tie to the traveller's: "four allies in the Caribbean:")
                "ally", "partner", "neighbour", "neighbor"}
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


def is_trip_noun(token: Token) -> bool:
    """A trip noun, also in the Title Case of official headers and statements ("on State
    Visits to X", "an Official Visit to Y"), which the model tags as a proper noun and leaves
    unlemmatised."""
    if token.pos_ == "NOUN":
        return token.lemma_.lower() in TRIP_NOUNS
    if token.pos_ != "PROPN" or not token.text.istitle():
        return False
    word = token.lower_
    return word in TRIP_NOUNS or (word.endswith("s") and word[:-1] in TRIP_NOUNS)


def token_start(token: Token) -> int:
    """The character offset of a token in the original text (a parsed document is one
    paragraph, whose own offset `nlp.parse_lines` keeps in the document's user data)."""
    return token.doc.user_data.get("offset", 0) + token.idx


def token_at(span: Span, start: int) -> Token | None:
    """The token of `span` that covers character offset `start` of the original text, or
    None."""
    offset = span.doc.user_data.get("offset", 0)
    return next((t for t in span if t.idx + offset <= start < t.idx + offset + len(t)), None)


def _offsets(token: Token) -> tuple[int, int]:
    start = token_start(token)
    return start, start + len(token.text)


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


def _can_travel(subject: Token | None) -> bool:
    """A subject that can travel: a pronoun, a name, a person or office ("the pontiff");
    not "the trip", "aid", "a planned second leg"."""
    if subject is None:
        return True
    if subject.lower_ in {"that", "which"}:
        # "a network that is eventually to reach X": the relative pronoun is the noun its
        # clause hangs from, which travels only if that noun can ("the envoy, who ...")
        clause = next((t for t in (subject.head, *subject.head.ancestors)
                       if t.dep_ == "relcl"), None)
        if clause is not None and clause.head is not subject:
            return _can_travel(clause.head)
    return subject.pos_ in {"PRON", "PROPN"} or subject.lemma_.lower() in PERSON_NOUNS \
        or _mistagged_name(subject)


def carries_someone(subject: Token | None) -> bool:
    """A subject that travels or carries its passengers somewhere: as `_can_travel`, or a
    conveyance ("Kim's armoured train headed first to X"; only for going to a place: "the
    train has left Kyiv for Poland" at the end of a visit is the way home)."""
    return _can_travel(subject) or (subject is not None
                                    and subject.lemma_.lower() in CONVEYANCES)


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
    # ("Earlier this week / in the week she was in Paris": the trip's own week; not "last
    # week", which is often another trip)
    within = WEEKDAYS | DAY_PARTS
    if any(w.lower_ == "earlier" for c in token.children for w in c.subtree):
        within = within | {"week"}
    return past and not any(w.lower_ in within for c in token.children
                            if c.dep_ in {"npadvmod", "advmod", "prep"} for w in c.subtree)


# How a place or date may hang under the event noun of "after talks in X on Monday"
EVENT_PHRASE_DEPS = {"prep", "pobj", "compound", "nummod", "npadvmod", "amod", "det",
                     "appos", "conj", "cc", "punct", "poss"}


def governing_clause(span: Span, start: int) -> str:
    """How the clause holding the token at `start` hangs from the sentence: "before" for
    "(arrived ..., ) before travelling to X on Wednesday", "after" for "after visiting X"
    or "After talks in X on Monday, (he travelled to Y)", else ""."""
    node = token_at(span, start)
    phrase = True  # (reached through prepositions and nouns only, no clause of its own)
    for _ in range(8):
        if node is None or node.head is node:
            return ""
        if node.head.lower_ in {"before", "after"} and (node.dep_ == "pcomp" or (
                node.dep_ == "pobj" and phrase)):
            # (a noun too: "after talks in X on Monday" names an event there; not a clause
            # on that noun: "after the meeting that the United States ...")
            return node.head.lower_
        if node.dep_ == "pobj" and node.lower_ in {"way", "route"} and phrase and \
                node.head.lower_ in {"on", "en"} and any(
                    c.dep_ == "prep" and c.lower_ == "to" for c in node.children):
            return "before"  # "On his way to the summit in X on Thursday, (he stops in Y)"
        phrase = phrase and node.dep_ in EVENT_PHRASE_DEPS
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
    destination). (Dates and order only; see `date_targets.py`.)"""
    token = token_at(span, start)
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


# Verbs that take the traveller somewhere else (`TRAVEL_VERBS` without the verbs of being
# somewhere, and leaving): the second of two coordinated verbs moves on.
MOVING_ON_VERBS = (TRAVEL_VERBS - {"be", "stay", "stop"}) | {"leave", "depart", "journey",
                                                              "return"}


def later_move(span: Span, start: int, place_start: int) -> int | None:
    """Where the later coordinated verb of travel starts (a character offset), when the place
    at `place_start` is where it goes and the token at `start` hangs from the verb before it:
    "met X on Monday and travelled to Seoul on Wednesday", "held talks with X and then flew
    to Cairo" (X and Monday come before the move); else None. The place's verb is a `conj`
    of the other's and comes after it."""
    first, later = governing_verb(span, start), governing_verb(span, place_start)
    if first is None or later is None or later <= first:
        return None
    mover = span.doc[later]
    if mover.dep_ != "conj" or mover.head.i != first or \
            mover.lemma_.lower() not in MOVING_ON_VERBS:
        return None
    return token_start(mover)


# "a day after", "two days before", "a week after": how far the clause's day is from the
# main clause's, in days (the number as the parse tags it: a digit or a word)
DAY_UNITS = {"day": 1, "week": 7}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7}


def _count_of(unit: Token) -> int | None:
    for child in unit.children:
        if child.dep_ in {"nummod", "det"}:
            word = child.lower_
            if word.isdigit():
                return int(word)
            return NUMBER_WORDS.get(word)
    return None


def day_offset(span: Span, start: int) -> tuple[str, int] | None:
    """("after" or "before", days) when the token at `start` is in a clause a stated number
    of days after or before the main clause: "(held talks on Wednesday,) a day after meeting
    X in Belgrade" -> ("after", 1); "(arrived ...) two days after visiting Belgrade" ->
    ("after", 2); else None."""
    node = token_at(span, start)
    for _ in range(8):
        if node is None or node.head is node:
            return None
        if node.dep_ == "pcomp" and node.head.lower_ in {"after", "before"}:
            marker = node.head
            units = [c for c in marker.children if c.dep_ == "npadvmod"]
            if marker.head.dep_ == "npadvmod":
                units.append(marker.head)
            for unit in units:
                days = DAY_UNITS.get(unit.lemma_.lower())
                count = _count_of(unit)
                if days and count:
                    return marker.lower_, days * count
            return None
        node = node.head
    return None
