"""Stops a story tells after the stop they come before.

Wire stories open at the latest stop and tell the trip backwards: "arrived in X on Friday
night from Y, where he held talks ..." (Y is the stop before X), "Earlier on Friday he had
been in Z" (Z is before what the sentence before told), "hosted him in X a day after he met
Y's leader in Y" (X comes after Y). The relations are read from the dependency parse and
recorded on the visit signals as `precedes` (the text offset of the place a stop comes
before) or `follows` (the place it comes after), which `stop_order.order_stops` honours where
the dates do not decide.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.grammar import (
    DESTINATION_PREPS,
    TRAVEL_VERBS,
    _can_travel,
    _in_the_past,
    _list_members,
    _offsets,
    _subject,
    carries,
)
from dashboard.extraction.taken_back import ruled_out
from dashboard.extraction.visits import VisitSignal

if TYPE_CHECKING:
    from spacy.tokens import Span

# Adverbs that set a clause before the one told just before it
EARLIER = {"earlier", "before", "previously"}


def origins(span: Span) -> list[tuple[int, int, int]]:
    """Where a journey in this sentence starts and where it ends: (origin start, origin
    end, destination start) in text offsets, for each travel verb (or a verb taking a craft
    or trip) with both a "from" phrase and a destination ("arrived in X from Y", "flew from
    Y to X", "took a train from Y to X")."""
    found = []
    for verb in span:
        if verb.pos_ not in {"VERB", "AUX"} or not (
                verb.lemma_.lower() in TRAVEL_VERBS or carries(verb)):
            continue
        if not _can_travel(_subject(verb)) or _in_the_past(verb):
            continue
        preps = [c for c in verb.children if c.dep_ == "prep"]
        goals = [p for c in preps if c.lower_ in DESTINATION_PREPS - {"for"}
                 for p in c.children if p.dep_ == "pobj"]
        sources = [p for c in preps if c.lower_ == "from" for p in c.children
                   if p.dep_ == "pobj"]
        if not goals or not sources:
            continue
        goal = _offsets(goals[0])[0]
        for source in sources:
            for member in _list_members(source):
                if member.pos_ == "PROPN" or member.ent_type_ in {"GPE", "LOC"}:
                    a, b = _offsets(member)
                    found.append((a, b, goal))
    return found


def add_origins(facts: list[SentenceFacts], text: str) -> None:
    """A visit signal for each place a journey starts from that no other sentence makes a
    stop, placed before the journey's destination ("arrived in X from Y, where he held
    talks": Y is a stop only this clause tells). Only places the gazetteer knows as
    countries or cities count, and only where the destination is itself a signal of the
    sentence; the home country ("arrived in Tokyo from Washington") is dropped later with
    the rest of home. A place the trip already stops at keeps its own evidence: a second
    reading in the arrival sentence would move that sentence's people and dates to it."""
    signalled = {s.code for fact in facts for s in fact.signals if s.strength != "dateline"}
    for fact in facts:
        if fact.parse is None or fact.sentence.heading:
            continue
        for a, _b, goal in origins(fact.parse):
            target = next((s for s in fact.signals if s.position <= goal < s.end), None)
            mention = next((m for m in fact.places if m.start <= a < m.end
                            and m.kind in {"country", "city"}), None)
            if target is None or mention is None or mention.place.code in signalled:
                continue
            if ruled_out(text, fact.sentence.start, fact.sentence.end, mention):
                continue
            city = mention.place if mention.kind == "city" else None
            fact.signals.append(VisitSignal(mention.place.code, city, fact.sentence.index,
                                            mention.start, mention.end, "locative",
                                            text=mention.text, precedes=target.position))
            signalled.add(mention.place.code)


def opens_earlier(fact: SentenceFacts) -> bool:
    """The sentence's main verb is set before what came just before ("Earlier on Friday
    he had been in X", "Before that, she stopped in Y")."""
    if fact.parse is None:
        return False
    root = next((t for t in fact.parse if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    for child in root.children:
        if child.i > root.i:
            continue
        if child.dep_ == "advmod" and child.lower_ in EARLIER:
            return True
        # "Earlier this week he visited X", "Earlier on Tuesday, ...": the adverb on the
        # time phrase that opens the clause; "Before that, she stopped in Y"
        if child.dep_ in {"npadvmod", "prep"} and any(
                c.dep_ == "advmod" and c.lower_ in EARLIER and c.i < child.i
                for c in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "before" and any(
                c.dep_ == "pobj" and c.lower_ in {"that", "this", "then"}
                for c in child.children):
            return True
    return False


def mark_told_back(facts: list[SentenceFacts]) -> None:
    """Signals of a sentence that opens with "Earlier ..." come before the earliest stop
    the last sentence with signals placed (that sentence's own "from Y" origin if it gave
    one)."""
    previous: list[VisitSignal] = []
    for fact in facts:
        if not fact.signals:
            continue
        if previous and opens_earlier(fact):
            told = [s for s in previous if s.strength != "dateline"]
            anchor = next((s for s in told if s.precedes >= 0), told[0] if told else None)
            if anchor is not None:
                fact.signals = [replace(s, precedes=anchor.position)
                                if s.precedes < 0 and s.strength != "dateline"
                                and s.code != anchor.code else s for s in fact.signals]
        previous = fact.signals


def mark_after_clauses(facts: list[SentenceFacts]) -> None:
    """A main clause's place comes after the place an "after" clause names ("hosted him in
    the Kremlin a day after he met X in Kyiv": the Moscow stop follows the Kyiv one); the
    main clause's signals record the after-clause's last place as the one they follow.
    Whether that place is a stop at all is left to the itinerary (`after_origins`)."""
    for fact in facts:
        if fact.parse is None or not fact.signals:
            continue
        offset = fact.parse.doc.user_data.get("offset", 0)
        for word in fact.parse:
            # (a finite clause only: "after attending X", "after his visit to X" are the cue
            # patterns' `AFTER_CLAUSE`; "after a tour that also takes him to X" is ambiguous)
            if word.lower_ != "after" or word.dep_ != "mark":
                continue
            clause = word.head
            a = offset + clause.left_edge.idx
            b = offset + clause.right_edge.idx + len(clause.right_edge)
            earlier = [m for m in fact.places if a <= m.start < b
                       and m.kind in {"country", "city"}]
            if not earlier:
                continue
            before = earlier[-1].place
            fact.signals = [replace(s, follows=before) if not a <= s.position < b
                            and s.position < a and s.strength != "dateline"
                            and s.follows is None and s.precedes < 0
                            and s.code != before.code else s for s in fact.signals]


def _on_the_way(word) -> bool:
    """"On his way to X", "En route to X": a fronted phrase naming where the traveller
    goes after the main clause's stop (by the parse: the preposition, its "way"/"route"
    object and that noun's "to")."""
    return word.dep_ == "prep" and word.lower_ in {"on", "en"} and any(
        c.dep_ == "pobj" and c.lower_ in {"way", "route"} and any(
            p.dep_ == "prep" and p.lower_ == "to" for p in c.children)
        for c in word.children)


def mark_fronted_before_clauses(facts: list[SentenceFacts]) -> None:
    """A fronted "before" clause names a stop after the main clause's: "Before arriving in
    Berlin on Thursday, she will spend a day in Prague", "Before he flew to Rome, the
    minister met students in Athens", "On his way to the summit in Rome, he will stop in
    Dubai" (Prague, Athens, Dubai come first). The main clause's signals
    record the clause's first stop as the one they come before (`precedes`), which
    `stop_order.order_stops` honours where the dates do not decide. A trailing clause
    ("stopped in X before heading to Y") is already told in travel order."""
    for fact in facts:
        if fact.parse is None or not fact.signals:
            continue
        offset = fact.parse.doc.user_data.get("offset", 0)
        for word in fact.parse:
            if word.i != fact.parse.start or not ((word.lower_ == "before" and (
                    word.dep_ == "mark" or (word.dep_ == "prep" and any(
                        c.dep_ == "pcomp" for c in word.children)))) or _on_the_way(word)):
                continue
            clause = word.head if word.dep_ == "mark" else word
            a = offset + clause.left_edge.idx
            b = offset + clause.right_edge.idx + len(clause.right_edge)
            inside = [s for s in fact.signals if a <= s.position < b
                      and s.strength != "dateline"]
            if not inside:
                continue
            later = min(inside, key=lambda s: s.position)
            fact.signals = [replace(s, precedes=later.position) if s.position >= b
                            and s.strength != "dateline" and s.precedes < 0
                            and s.follows is None and s.code != later.code else s
                            for s in fact.signals]


# "X left here this afternoon for Canada": "here" is the dateline's place
LEFT_HERE = re.compile(r"\b(?:left|leaves|leaving|departed|departs)\s+here\b", re.IGNORECASE)


def mark_left_here(facts: list[SentenceFacts], text: str) -> None:
    """Under a dateline, a place the traveller "left here ... for" comes right after the
    dateline's place ("BOSTON, April 14 -- Zhu left here this afternoon for Canada": Canada
    follows Boston), which `stop_order.after_origins` honours."""
    for fact in facts:
        dateline = next((s for s in fact.signals if s.strength == "dateline"), None)
        left = LEFT_HERE.search(text, fact.sentence.start, fact.sentence.end)
        if dateline is None or dateline.city is None or left is None:
            continue
        fact.signals = [replace(s, follows=dateline.city)
                        if s.position > left.end() and s.code != dateline.code
                        and s.follows is None and s.strength != "dateline" else s
                        for s in fact.signals]


# "Before New York, Samia was in Washington", "After Lima, she flew to Quito": a bare place
# fronted by "before"/"after" and a comma is a stop of the trip, after or before the main
# clause's
FRONTED_PLACE = re.compile(r"[\"“‘']?(?P<word>Before|After)\s+(?P<place>[A-Z][^,]{1,40}?),\s")


def mark_fronted_places(facts: list[SentenceFacts], text: str) -> None:
    """A sentence that opens with "Before X," or "After X," (X a city or country alone) and
    sends the traveller somewhere in its main clause: X is a stop, after the main clause's
    stops ("Before New York, Samia was in Washington": Washington, then New York) or before
    them ("After Lima, she flew to Quito"); `precedes` records the order for
    `stop_order.order_stops`, which keeps it where the dates do not decide. Only a place no
    other sentence makes a stop: the rest of the sentence ("After Brixton, he has lunch with
    X, then leaves London") is not about it. In place."""
    told = {(s.code, s.text.lower()) for f in facts for s in f.signals}
    for fact in facts:
        main = [s for s in fact.signals if s.strength != "dateline"]
        match = FRONTED_PLACE.match(text, fact.sentence.start, fact.sentence.end)
        if not main or match is None:
            continue
        place = next((m for m in fact.places if m.start == match.start("place")
                      and m.end == match.end("place") and m.kind in {"city", "country"}), None)
        if place is None or (place.place.code, place.text.lower()) in told:
            continue
        first = min(main, key=lambda s: s.position)
        city = place.place if place.kind == "city" else None
        fronted = VisitSignal(place.place.code, city, fact.sentence.index, place.start,
                              place.end, "cue", text=place.text)
        if match.group("word") == "Before":
            fact.signals = [replace(s, precedes=place.start) if s in main and s.precedes < 0
                            and s.code != place.place.code else s for s in fact.signals]
        else:
            fronted = replace(fronted, precedes=first.position)
        fact.signals.append(fronted)
