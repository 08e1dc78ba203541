"""Places told as the setting of what the traveller does, by the dependency parse: a sight the
traveller visits that carries its town's name (`sight_destinations`), and a place fronted as
the setting of the clause (`fronted_destinations`). Both are read by
`parse_steps.add_destinations` beside the travel verbs of `destination_grammar`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.extraction.grammar import (
    TRIP_NOUNS,
    WEEKDAYS,
    Destination,
    _can_travel,
    _in_the_past,
    _list_members,
    _offsets,
    _subject,
)
from dashboard.extraction.speaker_grammar import REPORTING_VERBS
from dashboard.extraction.visits import DATELINE

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Verbs of going to see a sight, whose object may carry the name of its town; the
# destination's word for it (a venue's name is a stop here, unlike "at the X Palace")
SIGHTSEEING_VERBS = {"visit", "tour"}
SIGHT = "sight"
# The destination's word for a place fronted as the clause's setting
SETTING = "setting"
# Verbs that, in "with X and Y to follow", make places the stops still to come
FOLLOWING_VERBS = {"follow", "come"}
# The destination's word for such places
FOLLOWING = "following"
# Nouns for stops that carry their places ("with stops in X and Y to follow")
STOP_NOUNS = {"stop", "stopover", "visit", "leg", "trip"}
# "The next morning began in X", "His last day ended at X University": a part of the day
# as the subject of a verb that opens or closes it places the traveller, in a narrative
DAY_NOUNS = {"day", "morning", "afternoon", "evening", "night"}
DAY_BOUNDARY_VERBS = {"begin", "start", "open", "end", "finish", "close", "conclude"}
# The destination's word for such places
DAY = "day"
# Words that put a clause elsewhere than where its subject is ("In Washington, officials
# said", "In Moscow, the Kremlin announced"): reporting is not being there
NOT_THERE = REPORTING_VERBS | {"report", "confirm", "deny", "claim", "warn", "insist"}


def sight_destinations(span: Span) -> list[Destination]:
    """"(travel to the region) to tour the Cape Coast Castle", "will visit the Hiroshima Peace
    Memorial Park": the place named at the head of a sight the traveller visits or tours
    (a verb of `SIGHTSEEING_VERBS` whose subject, or its governing verb's, can travel)."""
    found: list[Destination] = []
    for verb in span:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in SIGHTSEEING_VERBS:
            continue
        subject = _subject(verb) or (_subject(verb.head) if verb.dep_ in {"advcl", "xcomp"}
                                     else None)
        if subject is None or not _can_travel(subject) or _in_the_past(verb):
            continue
        for sight in verb.children:
            if sight.dep_ != "dobj" or sight.pos_ != "PROPN":
                continue
            run = []
            for word in sight.doc[sight.left_edge.i:sight.i]:
                if word.dep_ == "det" and not run:
                    continue
                # (the tagger often leaves a town in a sight's name untagged; a person's
                # name is a memorial's, "the Lincoln Memorial", not a town)
                if word.dep_ != "compound" or word.pos_ != "PROPN" or word.ent_type_ in {
                        "PERSON", "ORG", "NORP"}:
                    break
                run.append(word)
            if run:
                found.append(Destination(_offsets(run[0])[0], _offsets(run[-1])[1],
                                         SIGHT, subject.text))
    return found


# Month names and their short forms: a chronology's date label in capitals ("* MARCH 24 -
# In X, ...") is often not read as a date by the model
MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december", "jan", "feb", "mar", "apr",
               "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def _opens_the_clause(span: Span, i: int) -> bool:
    """Nothing but punctuation, a date or an adverb stands before token `i` in the sentence
    ("In Beijing, ...", "On Friday, in Beijing, ...", "Later, in Beijing, ...", a
    chronology's "* MARCH 24 - In Beijing, ...")."""
    return all(t.is_punct or t.pos_ == "ADV" or t.ent_type_ == "DATE"
               or t.lower_.rstrip(".") in MONTH_WORDS or (t.like_num and t.i > span.start)
               or (t.dep_ == "prep" and t.i + 1 < i and span.doc[t.i + 1].ent_type_ == "DATE")
               for t in span.doc[span.start:i])


def fronted_destinations(span: Span) -> list[Destination]:
    """"In Beijing, PM Lee will call on President Xi", "In Kuwait City, she will open a trade
    fair": a place in an "in"/"at" phrase that opens the clause, before the subject of its
    verb, is where that subject does what the verb says. The subject must be a pronoun or a
    name (whose travel `trip.drop_other_travel` tells from the traveller's), and the verb not
    one of reporting ("In Moscow, Putin said" says nothing of being there)."""
    found: list[Destination] = []
    for verb in span:
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in NOT_THERE:
            continue
        subject = _subject(verb)
        # (a pronoun or a name: an office, "the Special Envoy", or "officials" are often
        # someone else)
        if subject is None or subject.pos_ not in {"PRON", "PROPN"} or any(
                c.dep_ == "det" for c in subject.children):
            continue
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"in", "at"} or prep.i > subject.i \
                    or not _opens_the_clause(span, prep.i):
                continue
            places = [c for c in prep.children if c.dep_ == "pobj"]
            if not places and prep.i + 1 < subject.i:
                # (a name the model does not know, "In Boao he held talks", is often hung
                # from the verb instead of the preposition: the word right after it)
                places = [span.doc[prep.i + 1]]
            for place in places:
                if place.pos_ == "PROPN":
                    a, b = _offsets(place)
                    found.append(Destination(a, b, SETTING, subject.text))
    return found



def following_destinations(span: Span) -> list[Destination]:
    """"(expected in X on Monday), with Japan and Malaysia to follow", "with stops in Laos
    and Cambodia to come": places that an infinitive "to follow" / "to come" takes as its
    subject (or whose stop noun it describes), in a "with" phrase, are the stops after the
    ones the clause names; they are marked last, in the order told."""
    found: list[Destination] = []
    for verb in span:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in FOLLOWING_VERBS or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            continue
        heads = []
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in STOP_NOUNS and \
                verb.head.dep_ == "pobj" and verb.head.head.lower_ == "with":
            # "with stops in X and Y to follow": the stop noun's places
            heads = [p for prep in verb.head.children if prep.dep_ == "prep"
                     and prep.lower_ in {"in", "to", "at"}
                     for p in prep.children if p.dep_ == "pobj"]
        elif any(c.lower_ == "with" and c.dep_ in {"mark", "prep"} for c in verb.children) or (
                verb.head.lower_ == "with"):
            # "with Japan and Malaysia to follow" (the model reads "with" as the verb's mark)
            heads = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        for head in heads:
            for member in _list_members(head):
                if member.ent_type_ in {"GPE", "LOC"} or (
                        member.pos_ == "PROPN" and not member.ent_type_):
                    a, b = _offsets(member)
                    found.append(Destination(a, b, FOLLOWING, "", last=True))
    return found


def day_destinations(span: Span) -> list[Destination]:
    """"The next morning began in the West Bank, at the Church of the Nativity in Bethlehem",
    "His last day in Israel ended at Tel Aviv University": a part of the day that a verb
    opens or closes "in"/"at" a place puts the traveller there, in any tense (a narrative
    tells the trip in the past). The places are the phrase's object, the name it starts
    with ("Tel Aviv" of "Tel Aviv University"), and a place an "at" phrase beside it or an
    "in" phrase under it names."""
    found: list[Destination] = []
    for verb in span:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in DAY_BOUNDARY_VERBS:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lemma_.lower() not in DAY_NOUNS:
            continue
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"in", "at"}:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                heads = [pobj, *(c for c in pobj.children if c.dep_ == "compound")]
                for nested in pobj.subtree:
                    if nested.dep_ == "pobj" and nested.head.lower_ == "in" and \
                            nested is not pobj:
                        heads.append(nested)
                for head in heads:
                    if head.pos_ == "PROPN":
                        a, b = _offsets(head)
                        found.append(Destination(a, b, DAY, subject.text))
    return found


def cleft_destinations(span: Span) -> list[Destination]:
    """"It was in Kandy that she met the monks", "It was in X, days earlier, that the trip
    found its centre": a cleft sentence puts the "that" clause's subject (a person or a
    trip) in the place the "in"/"at" phrase of "it was" names."""
    found: list[Destination] = []
    for be in span:
        if be.lemma_.lower() != "be" or not any(
                c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children):
            continue
        # (the model hangs the "that" clause as a complement or, after a comma, a conjunct)
        clause = next((c for c in be.children if c.dep_ in {"ccomp", "conj"} and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        subject = _subject(clause) if clause is not None else None
        if subject is None or not (_can_travel(subject)
                                   or subject.lemma_.lower() in TRIP_NOUNS):
            continue
        for prep in be.children:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "at"} and prep.i < clause.i:
                for place in prep.children:
                    if place.dep_ == "pobj" and place.pos_ == "PROPN":
                        a, b = _offsets(place)
                        found.append(Destination(a, b, SETTING, subject.text))
    return found


# Words that put what the lead sentence tells on the day the story is filed
FILING_DAY = {"today", "tonight"}
# How a place names no setting but describes a noun: "the former U.S. deputy secretary",
# "said Rwanda's recovery"
MODIFIER_DEPS = {"compound", "nmod", "poss", "amod"}


def _on_the_filing_day(verb: Token) -> bool:
    """The verb is dated "today"/"tonight", or by a weekday as wire style dates a lead
    ("laid a wreath on Thursday", "Paul X on Thursday met ...": the AP's day of the week
    in place of "today")."""
    for child in verb.children:
        if child.dep_ in {"npadvmod", "advmod"} and child.lower_ in FILING_DAY | WEEKDAYS:
            return True
        if child.dep_ == "prep" and child.lower_ == "on" and any(
                c.dep_ == "pobj" and c.lower_ in WEEKDAYS for c in child.children):
            return True
    return False


def dateline_destinations(span: Span) -> list[Destination]:
    """"BOAO (Hainan), March 30 (Bernama) -- Prime Minister X today urged ... in a keynote
    address": a lead sentence that has someone do something "today" (not merely say it)
    and names no other place, under a dateline, puts them in the dateline's place that day
    (a dateline alone only says where the story was filed)."""
    dateline = DATELINE.match(span.text)
    if dateline is None:
        return []
    body = [t for t in span if t.idx - span.start_char >= dateline.end()]
    if any(t.ent_type_ == "GPE" and t.dep_ not in MODIFIER_DEPS for t in body):
        return []  # (a region or a venue, "the Boao Forum for Asia", may be in the place)
    for verb in body:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in NOT_THERE or not _on_the_filing_day(
                verb):
            continue
        subject = _subject(verb)
        if subject is not None and subject not in body:
            # (the model may take the dateline for the subject, the name for its apposition)
            subject = next((c for c in subject.children if c.dep_ == "appos" and c in body),
                           None)
        if subject is None or subject.pos_ not in {"PRON", "PROPN"} or \
                not _can_travel(subject) or _in_the_past(verb):
            continue
        place = [t for t in span if t.idx - span.start_char < dateline.end("place")
                 and not t.is_punct]
        if place:
            return [Destination(_offsets(place[0])[0], _offsets(place[-1])[1], SETTING,
                                subject.text)]
    return []
