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
# "to call President X" is a telephone call; "call on X" is a visit (`met_objects`).
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
                "destination", "place", "stop", "leg"}


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
    return subject.pos_ in {"PRON", "PROPN"} or subject.lemma_.lower() in PERSON_NOUNS


def _in_the_past(token: Token) -> bool:
    """"his visit last month to X", "a trip two years ago": a time word says another trip."""
    return any(w.lower_ in PAST_WORDS for c in token.children
               if c.dep_ in {"npadvmod", "amod", "advmod"} for w in c.subtree)


def _has_first(token: Token) -> bool:
    return any(c.lower_ in {"first", "initially"} and c.dep_ in {"advmod", "amod", "npadvmod"}
               for c in token.children)


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
            last = lemma in LAST_VERBS and bool(trip_object) and not _has_first(token)
            if lemma in VISIT_VERBS:
                for child in token.children:
                    if child.dep_ == "dobj":
                        add(child, token, first)
            if lemma in TRAVEL_VERBS or (lemma in BOUNDARY_VERBS and trip_object):
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ in DESTINATION_PREPS:
                        if (child.lower_ in {"in", "at"}) != (lemma in LOCATED_VERBS):
                            continue
                        if child.lower_ == "for" and lemma not in SETTING_OUT:
                            continue
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                add(pobj, token, first, last)
            for noun in trip_object:
                # "is first wrapping up a visit to Senegal": the verb's first/last go on
                for child in noun.children:
                    if child.dep_ == "prep" and child.lower_ in {"to", "of", "in"}:
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                add(pobj, noun, first or _has_first(noun), last)
        elif token.pos_ == "NOUN" and lemma in TRIP_NOUNS and token.dep_ != "dobj" and (
                any(c.dep_ == "poss" for c in token.children) or _setting_out_on(token)):
            # "his visit to X", "I embark on a five-nation visit to X" (not "the first visit
            # by a US president to X")
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in {"to", "of", "in"}:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            add(pobj, token, _has_first(token))
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


def _clip(token: Token) -> tuple[int, int]:
    """The character span of a token's subtree, without a relative clause or a
    prepositional phrase of place or time hanging from it."""
    left, right = token.left_edge, token
    for child in token.children:
        if child.i > token.i and (child.dep_ not in {"relcl", "acl", "prep", "advcl"}
                                  or (child.dep_ == "prep" and child.lower_ == "of")):
            right = max(right, child.right_edge, key=lambda t: t.i)
    a, _ = _offsets(left)
    _, b = _offsets(right)
    return a, b


def met_objects(span: Span) -> list[tuple[int, int]]:
    """Spans of people met: the object of "meet", the "with" phrase of a meeting noun or of
    "hold/have/sign ... with", the agent of "be received/hosted by", "call on X"."""
    spans: list[tuple[int, int]] = []

    def objects(token: Token) -> Iterator[Token]:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"with", "on"}:
                if child.lower_ == "on" and token.lemma_.lower() != "call":
                    continue
                yield from (c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ == "including":
                # "official meetings, including with President X"; "discussions with
                # commissioners, including Commission President X and Y": the members met
                yield from objects(child)
                yield from (c for c in child.children if c.dep_ == "pobj")

    for token in span:
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"}:
            passive = any(c.dep_ in {"agent", "auxpass", "nsubjpass"} for c in token.children)
            if lemma in HOST_VERBS:
                # "was received by X": the agent is met; "X hosted A, B and C": the guests
                # are whoever X is with, not people the traveller meets
                for child in token.children:
                    if child.dep_ == "agent":
                        spans.extend(_clip(c) for c in child.children if c.dep_ == "pobj")
                continue
            if passive or token.dep_ == "acl":
                continue  # "the summit, held virtually by Biden with ...": someone else's
            if lemma in MEET_VERBS:
                spans.extend(_clip(c) for c in token.children if c.dep_ == "dobj")
                spans.extend(_clip(c) for c in objects(token))
            elif lemma in SEE_VERBS:
                # "is expected to see Sultan X in Muscat": seeing a named person is meeting
                # them ("see the old town" is not)
                spans.extend(_clip(c) for c in token.children if c.dep_ == "dobj"
                             and c.pos_ == "PROPN" and c.ent_type_ == "PERSON")
            elif lemma in WITH_VERBS:
                spans.extend(_clip(c) for c in objects(token))
                spans.extend(_clip(c) for c in _low_with_people(token))
        elif token.pos_ in {"NOUN", "PROPN"} and lemma in MEET_NOUNS:
            spans.extend(_clip(c) for c in objects(token))
    return spans


def _nearest_verb(token: Token) -> Token | None:
    """The first verb above the token in the tree."""
    node = token.head
    for _ in range(8):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _low_with_people(verb: Token) -> Iterator[Token]:
    """"discuss the preparations ... and the bilateral relationship ... with Mr. X": a "with"
    phrase that the parse hangs from a noun inside the verb's object, when it takes a
    person's name (the small model often attaches a late "with" to the nearest noun)."""
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        for token in obj.subtree:
            nearest = _nearest_verb(token) if token.dep_ == "prep" and \
                token.lower_ == "with" and token.head.i != verb.i else None
            if nearest is not None and nearest.i == verb.i:
                # (tokens are compared by position: spaCy makes a new object per access)
                yield from (c for c in token.children if c.dep_ == "pobj"
                            and c.ent_type_ == "PERSON")


def others_meetings(span: Span) -> list[tuple[str, tuple[int, int]]]:
    """Meetings the text gives to a named owner ("President A's talks with B", "A's exchange
    of letters with B"): [(owner's text, span of the one they meet)]. Whether the owner is
    the traveller is the caller's to say."""
    found = []
    for token in span:
        if token.pos_ not in {"NOUN", "PROPN"} or token.lemma_.lower() not in MEET_NOUNS:
            continue
        owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        if not owners:
            continue
        # "with" on the noun, or on its "of" object ("exchange of letters with B")
        holders = [token] + [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                             for p in c.children if p.dep_ == "pobj"]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ == "with":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            found.append((owners[0].text, _clip(pobj)))
    return found


# Office nouns a name may stand in apposition to: "the emir, X", "his counterpart, X"
OFFICE_TITLES = {"emir", "king", "queen", "president", "minister", "speaker", "counterpart",
                 "chancellor", "premier", "sultan", "prince", "princess", "leader", "chairman",
                 "chairwoman", "governor", "mayor", "secretary", "host", "monarch", "pontiff",
                 "commissioner", "envoy", "representative", "ruler", "sheikh"}


def _names_an_office(token: Token) -> bool:
    """A name in apposition after an office noun: "the emir, Sabah ...", "the speaker of
    the lower house, X" (not "his half-sister, Auma")."""
    return token.dep_ == "appos" and token.pos_ == "PROPN" and token.i > token.head.i and \
        token.head.pos_ == "NOUN" and token.head.lemma_.lower() in OFFICE_TITLES


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


def _appositions_of(head: Token, root: Token) -> list[Token]:
    """Nouns in apposition after a name ("X, Minister for ..."); for the last name of a list,
    also the apposition the parse hangs from the list's first name when it comes right after
    this one ("President A and B, the EU High Representative ...": B's title)."""
    found = [c for c in head.children if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}
             and c.i > head.i]
    if not found and root.i != head.i:
        found = [c for c in root.children if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}
                 and 0 < c.left_edge.i - head.i <= 2 and not any(
                     t.pos_ == "PROPN" and t.dep_ == "conj" for t in
                     head.doc[head.i + 1:c.left_edge.i])]
    return found


def met_names(span: Span, objects: list[tuple[int, int]] | None = None
              ) -> list[tuple[int, int, str, str, bool]]:
    """Proper names heading a met object, with any "title of <country>" apposition after
    them: [(start, end, title, entity label, described)]. "met with Buhari", "meet with
    Angela Merkel, Chancellor of Germany" -> ("Angela Merkel", "Chancellor"); `described`
    when a common noun stands before the name ("his half-sister Auma", "actor ...").
    The caller rules out places."""
    names: list[tuple[int, int, str, str, bool]] = []
    heads: list[Token] = []
    for a, b in (met_objects(span) if objects is None else objects):
        sub = span.doc.char_span(a - span.doc.user_data.get("offset", 0),
                                 b - span.doc.user_data.get("offset", 0),
                                 alignment_mode="expand")
        if sub is None:
            continue
        root = sub.root
        heads.extend(t for t in _list_members(root) if t.dep_ in {"conj", "pobj", "dobj"}
                     or t is root or _names_an_office(t))
    for head in dict.fromkeys(heads):
        if head.pos_ != "PROPN":
            continue
        if _names_an_office(head):
            # "talks with the emir, Sabah ...", "met his counterpart, X": the office noun
            # before the name is the title
            office = head.head
            title = " ".join([t.text for t in office.lefts if t.dep_ in {"amod", "compound"}]
                             + [office.text])
            words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            first = words[0] if words else head
            a, _ = _offsets(first)
            _, b = _offsets(head)
            names.append((a, b, title, head.ent_type_, False))
            continue
        root = head
        while root.dep_ == "conj" and root.head is not root:
            root = root.head
        if root.dep_ in {"amod", "compound", "nmod", "poss"}:
            continue  # "with Muslim, Yazidi and Christian leaders": words describing a noun
        words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        first = words[0] if words else head
        if any(t.pos_ != "PROPN" for t in span.doc[first.i:head.i + 1]):
            first = head
        title = ""
        for child in _appositions_of(head, root):
            title = " ".join(t.text for t in span.doc[child.left_edge.i:child.i + 1]
                             if t.dep_ != "det")
        a, _ = _offsets(first)
        _, b = _offsets(head)
        described = any(t.pos_ == "NOUN" and t.dep_ in {"compound", "amod", "nmod", "appos"}
                        for t in head.lefts) or (head.dep_ == "appos" and head.head.pos_
                                                 == "NOUN")
        names.append((a, b, title, head.ent_type_, described))
    return names


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
