"""Rules over the dependency parse that decide whether a place is a stop of this trip.

Split from `grammar.py` (which finds the destinations of travel verbs and nouns): these read
one sentence's spaCy `Span` and answer about a character offset in the original text.

- `trip_destinations`: the trip itself as the subject ("The trip opened in Cairo", "The
  final leg took him to Mozambique", "the tour ends in X");
- `event_destinations`: an event named after its city that the traveller goes to ("will join
  ... at the Munich Security Conference");
- `asked`: the place is only asked about ("Will he attend the summit in X?", "Asked whether
  he would also visit X ...") or supposed ("if he goes to X");
- `dated_earlier`: the clause holding the place is dated to a year before the story's ("in
  2023 his predecessor went to X", "his state visit in 2023, when he travelled to X");
- `ahead_of_event`: the place of an event the trip comes "ahead of";
- `elsewhen`: a meeting set weeks away or called off ("did not take place");
- `subject_of_place`: who the parse says goes to the place, past relative clauses.

Labels are ClearNLP's, as spaCy's English pipelines use them; no rule names a person, place
or article.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dashboard.extraction.grammar import (
    BOUNDARY_VERBS,
    LAST_VERBS,
    TRIP_NOUNS,
    Destination,
    _can_travel,
    _in_the_past,
    _list_members,
    _offsets,
    _subject,
    token_at,
)
from dashboard.extraction.period_grammar import plan_called_off, since_then

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Boundary verbs that open the trip ("the tour began / opened / kicked off in X")
OPENING_VERBS = {"begin", "start", "open", "kick"}
# Verbs whose trip subject carries the traveller somewhere: "the final leg took him to X"
CARRYING_VERBS = {"take", "bring", "lead", "carry"}
# Verbs whose trip subject lists its places: "a tour that also includes X"
INCLUDING_VERBS = {"include", "cover", "span"}
OPENING_WORDS = {"first", "opening", "initial"}
CLOSING_WORDS = {"final", "last", "closing"}
# Subordinators of a clause that is asked or supposed, not told
OPEN_CLAUSE_MARKS = {"whether", "if"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
# A question mark closing the sentence right after a word ("... in Switzerland?"), not a
# bullet glyph that text extraction turned into "?" (" ? Minister X to travel ...")
QUESTION_END = re.compile(r"[\w\"'”’)]\?[\s\"'”’)]*$")


def _place_tokens(head: Token) -> list[Token]:
    return [m for m in _list_members(head)
            if m.pos_ in {"PROPN", "NOUN"} or m.ent_type_ in PLACE_ENTITIES]


def _trip_subject(verb: Token) -> Token | None:
    """The trip noun that is the verb's subject, itself or through a relative pronoun ("a
    three-day trip ... that will also take him to X")."""
    for child in verb.children:
        if child.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if child.lemma_.lower() in TRIP_NOUNS:
            return child
        # (a future or present one only: "a journey that took him from X to Y and Z"
        # retells the whole trip in a wrap-up, whose stops the text tells one by one)
        if child.lower_ in {"that", "which"} and verb.dep_ == "relcl" \
                and verb.head.lemma_.lower() in TRIP_NOUNS and verb.tag_ != "VBD":
            return verb.head
    return None


def _closing(trip: Token) -> bool:
    """"the last / final leg": an order word, the only time word on the trip noun."""
    times = [w.lower_ for c in trip.children if c.dep_ in {"npadvmod", "amod", "advmod"}
             for w in c.subtree]
    return bool(times) and all(w in CLOSING_WORDS for w in times)


def trip_destinations(span: Span) -> list[Destination]:
    """Places the trip noun that is a verb's subject names: "The trip had opened in Cairo"
    (first), "The tour ends in Nigeria" (last), "The final leg took him to X" (last).
    The subject is the trip, not a person, so `destination_grammar.destinations` (which
    wants a subject who can travel) leaves them out."""
    found: list[Destination] = []
    for verb in span:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in {"VERB", "AUX"} or \
                lemma not in BOUNDARY_VERBS | CARRYING_VERBS | INCLUDING_VERBS:
            continue
        trip = _trip_subject(verb)
        if trip is None or _in_the_past(verb) or (
                _in_the_past(trip) and not _closing(trip)):
            continue  # ("the last leg took him to X" is this trip's last stop, not the past)
        if lemma in INCLUDING_VERBS:
            # "a tour that also includes X and Y": the places are the verb's object
            for obj in verb.children:
                if obj.dep_ == "dobj":
                    for member in _place_tokens(obj):
                        a, b = _offsets(member)
                        found.append(Destination(a, b, lemma, trip.text))
            continue
        if lemma in CARRYING_VERBS and not any(c.dep_ == "dobj" and c.pos_ in {"PRON", "PROPN"}
                                               for c in verb.children):
            continue  # "took him to X" is the traveller carried there
        words = {c.lower_ for c in trip.children if c.dep_ in {"amod", "advmod"}}
        first = lemma in OPENING_VERBS or bool(words & OPENING_WORDS)
        last = (lemma in LAST_VERBS or bool(words & CLOSING_WORDS)) and not first
        preps = {"to", "into"} if lemma in CARRYING_VERBS else {"in", "at"}
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for member in _place_tokens(pobj):
                    a, b = _offsets(member)
                    found.append(Destination(a, b, lemma, trip.text, first, last))
    return found


# Verbs of leaving whose "for" phrase is where the traveller goes next
DEPARTING_VERBS = {"leave", "depart"}
# "... at the end of a week-long visit": leaving then is going home
ENDING_NOUNS = {"end", "close", "conclusion"}


def departure_destinations(span: Span) -> list[Destination]:
    """"Blinken leaves Chisinau later Wednesday for Prague", "departs for Tokyo", "left
    Baghdad for the holy city of Najaf": the "for" phrase of a verb of leaving, unless the
    sentence says the trip ends then ("left New Delhi for Ottawa at the end of a week-long
    visit") or the traveller goes home or back."""
    found: list[Destination] = []
    for noun in span:
        # a programme's line "Departure from X for Y", "Departure for Y" (no verb, no subject)
        if noun.pos_ == "NOUN" and noun.lemma_.lower() == "departure" and noun.dep_ == "ROOT":
            origins = [p.children for p in noun.children if p.dep_ == "prep" and p.lower_ == "from"]
            preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"] + [
                c for pobjs in origins for pobj in pobjs for c in pobj.children
                if c.dep_ == "prep" and c.lower_ == "for"]
            for prep in preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        for member in _place_tokens(pobj):
                            a, b = _offsets(member)
                            found.append(Destination(a, b, "depart", ""))
    for verb in span:
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in DEPARTING_VERBS:
            continue
        subject = _subject(verb)
        if not _can_travel(subject) or _in_the_past(verb):
            continue
        if any(w.lemma_.lower() in ENDING_NOUNS and w.head.dep_ == "prep"
               and w.head.lower_ == "at" for w in verb.subtree) or any(
                c.lower_ in {"home", "back"} for c in verb.children):
            continue
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    for member in _place_tokens(pobj):
                        a, b = _offsets(member)
                        found.append(Destination(a, b, verb.lemma_.lower(),
                                                 subject.text if subject is not None else ""))
    return found


def event_destinations(span: Span) -> list[Destination]:
    """A place that names the event the traveller goes to: "He will then join ministers at
    the Munich Security Conference", "will speak at the Shangri-La Dialogue in ..." — a
    place name compounded into the object of "at" / "to" under a verb whose subject can
    travel. (An event that only happened there earlier is `_in_the_past`.)"""
    found: list[Destination] = []
    for prep in span:
        if prep.dep_ != "prep" or prep.lower_ not in {"at", "to"}:
            continue
        verb = prep.head
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        if verb.lemma_.lower() == "return" or any(
                c.lower_ in {"back", "home"} and c.dep_ == "advmod" for c in verb.children):
            continue  # ("before returning to Buenos Aires", "flies back to X": going home)
        subject = _subject(verb)
        if subject is None or not _can_travel(subject) or _in_the_past(verb):
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.pos_ != "PROPN":
                continue
            named = [c for c in pobj.children if c.dep_ == "compound"
                     and c.ent_type_ in PLACE_ENTITIES | {"ORG", "EVENT"}]
            if named and named[0].i == pobj.left_edge.i + (pobj.left_edge.dep_ == "det"):
                a, b = _offsets(named[0])
                found.append(Destination(a, b, verb.lemma_.lower(), subject.text))
    return found


def asked(span: Span, start: int) -> bool:
    """The place at `start` is in a question ("Will the Secretary attend the summit in
    X?") or in a clause opened by "whether" / "if" ("Asked whether he would also visit X or
    Y, ..."): asked about or supposed, so it is no stop on its own."""
    if QUESTION_END.search(span.text):
        return True
    node = token_at(span, start)
    for _ in range(12):
        if node is None:
            return False
        if any(c.dep_ == "mark" and c.lower_ in OPEN_CLAUSE_MARKS for c in node.children):
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def _year(token: Token) -> int | None:
    """The year a DATE phrase names ("2023", "in May 2019"), or None."""
    if token.ent_type_ != "DATE":
        return None
    for word in token.subtree:
        if word.ent_type_ == "DATE" and word.like_num and len(word.text) == 4 \
                and word.text.isdigit() and 1800 <= int(word.text) <= 2200:
            return int(word.text)
    return None


def dated_earlier(span: Span, start: int, year: int) -> bool:
    """The place at `start` is told in a clause dated to a year before `year`: a date
    phrase attached to a word on its head chain ("in 2023 ... went to X", "the 1955
    conference in X"), or the chain runs through such a date ("his visit to France in 2023,
    when he travelled to X")."""
    node = token_at(span, start)
    for _ in range(12):
        if node is None:
            return False
        found = _year(node)
        if found is not None and found < year:
            return True
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "during"}:
                years = [_year(p) for p in child.children if p.dep_ == "pobj"]
                if any(y is not None and y < year for y in years):
                    return True
            elif child.dep_ in {"npadvmod", "nummod"}:
                # ("the 1955 conference in X": an occasion of an earlier year)
                found = _year(child)
                if found is not None and found < year:
                    return True
        if node.head is node:
            return False
        node = node.head
    return False


# Spans of time that put a clause on another trip ("two weeks after he travelled to X");
# days do not ("a day after his visit to X" is this trip's earlier leg)
OTHER_TRIP_SPANS = {"week", "fortnight", "month", "year", "decade"}


def weeks_apart(span: Span, start: int) -> bool:
    """The place at `start` is in a clause set weeks or more before or after the story's
    own ("The visit comes two weeks after Blinken travelled to X", "a month before his trip
    to X"): a `before` / `after` clause or phrase measured in weeks, months or years."""
    node = token_at(span, start)
    for _ in range(12):
        if node is None:
            return False
        mark = node if node.lower_ in {"after", "before"} and node.dep_ == "prep" else next(
            (c for c in node.children if c.dep_ == "mark" and c.lower_ in {"after", "before"}),
            None)
        # the measure hangs from the clause or, right before "after", from the verb above
        # it ("flew to X a month after she travelled to Y")
        measures = list(node.children) + [c for c in node.head.children
                                          if mark is not None and mark.i - 3 <= c.i < mark.i]
        if mark is not None and any(c.dep_ == "npadvmod" and c.lemma_.lower()
                                    in OTHER_TRIP_SPANS for c in measures):
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def untold(span: Span | None, start: int, year: int | None) -> bool:
    """The place at `start` is not told as a stop of this trip: only asked about or
    supposed (`asked`), dated to an earlier year (`dated_earlier`), weeks away from the
    story (`weeks_apart`), among the travels of a period before it (`since_then`) or in a
    plan told in the past perfect (`plan_called_off`) or called off (`called_off`: "the state
    visit to X has been postponed"). False without a parse."""
    if span is None:
        return False
    return asked(span, start) or weeks_apart(span, start) or ahead_of_event(span, start) or (
        year is not None and dated_earlier(span, start, year)) or since_then(span, start) \
        or plan_called_off(span, start) or called_off(span, start)


def describes_someone(span: Span | None, start: int) -> bool:
    """The place at `start` only says who someone is ("said X, who studies ... at a
    university in Lagos", "X, a defence analyst at a Warsaw think tank"): its head chain
    goes through a relative clause or an apposition hanging from a person's name; or the
    words are part of a person's name."""
    if span is None:
        return False
    node = token_at(span, start)
    if node is not None and node.ent_type_ == "PERSON":
        return True  # "said Lucia Prado": a name, not the town of Prado
    for _ in range(12):
        if node is None or node.head is node:
            return False
        if node.dep_ in {"relcl", "acl", "appos"} and node.head.ent_type_ == "PERSON":
            return True
        node = node.head
    return False


def _verb_of_place(span: Span | None, start: int) -> Token | None:
    """The first verb above the place at `start` (six steps at most), or None."""
    if span is None:
        return None
    node = token_at(span, start)
    for _ in range(6):
        if node is None or node.head is node:
            break
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
    return None


def subject_of_place(span: Span | None, start: int) -> str | None:
    """The subject of the verb the place at `start` hangs from ("Qin, who succeeded X,
    arrived in Y": "Qin"), or None without a parse or a subject. A name in a relative
    clause between them is not who goes there."""
    verb = _verb_of_place(span, start)
    subject = _subject(verb) if verb is not None else None
    return subject.text if subject is not None else None


def subject_words_of_place(span: Span | None, start: int) -> set[str]:
    """The words of the whole name that is the subject of the verb the place at `start` hangs
    from, with the parts of hyphenated words joined ("Vice President Lai Ching-te attended
    ... in Asuncion": {"Vice", "President", "Lai", "Ching-te"}); empty without one."""
    verb = _verb_of_place(span, start)
    if verb is None:
        return set()
    # (every subject the parse gives the verb: a dateline may be one of them, "Taipei, Aug.
    # 16 (TNN) Vice President X attended ...")
    return {word for subject in verb.children if subject.dep_ == "nsubj"
            for word in re.split(r"\s+", subject.doc[subject.left_edge.i:subject.i + 1].text)}


# Verbs that call a meeting or a leg off ("the talks were postponed", "the visits to X and Y
# will be rescheduled": put off to another time, not part of this trip)
CALLING_OFF = {"cancel", "postpone", "scrap", "shelve", "drop", "delay", "reschedule", "defer",
               "suspend"}


def called_off(span: Span | None, start: int) -> bool:
    """The word at `start` sits in the subject or object of a negated verb or one that
    calls it off ("A planned meeting with X did not take place", "talks with X were
    postponed"): no meeting, no stop. False without a parse."""
    if span is None:
        return False
    node = token_at(span, start)
    for _ in range(12):
        if node is None or node.head is node:
            return False
        if node.dep_ in {"nsubj", "nsubjpass", "dobj"}:
            verb = node.head
            return verb.lemma_.lower() in CALLING_OFF or any(
                c.dep_ == "neg" for c in verb.children)
        node = node.head
    return False


def ahead_of_event(span: Span, start: int) -> bool:
    """The place at `start` only says where an event the trip comes "ahead of" is held
    ("will travel to X ahead of the summit that will take place in Y", "ahead of talks in
    Y"): a later occasion the sentence measures the trip against, not a leg it tells. A trip
    noun there ("ahead of her visit to Y") is still a leg."""
    node = token_at(span, start)
    for _ in range(12):
        if node is None or node.head is node:
            return False
        if node.dep_ == "pobj" and node.head.lower_ == "of" and \
                node.head.head.lower_ == "ahead":
            return node.lemma_.lower() not in TRIP_NOUNS and node.pos_ != "VERB"
        node = node.head
    return False


def elsewhen(span: Span | None, start: int) -> bool:
    """A meeting (the person met at `start`) the parse sets weeks away ("comes weeks after
    X's visit to Washington, where he was hosted by ...") or calls off ("A planned meeting
    with X did not take place"): it places the traveller nowhere on this trip."""
    return span is not None and (weeks_apart(span, start) or called_off(span, start))
