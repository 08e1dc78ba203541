"""A traveller the body names only by office: "The Secretary-General left New York last night
and is due to arrive in Bangkok", "The Vice President will meet President X" in a briefing
that names everyone else (hosts, a deputy, a spokesperson) in full.

`office_traveller` returns the office as the traveller (name = the title, no surname, as for a
statement whose header gives only an office); `traveller_steps.name_by_office` later turns it
into the holder's name from `data/office_holders.csv` when the country or organisation is
known.
"""

from __future__ import annotations

import re

from dashboard.extraction.facts import SentenceFacts, met_objects_of
from dashboard.extraction.name_index import index_of
from dashboard.extraction.office_holders import ACRONYMS, OFFICES, office_of
from dashboard.extraction.traveller import (
    SUBJECT_AFTER,
    SUBJECT_VERB,
    Traveller,
    traveller_of,
)

_OFFICE_NAMES = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in OFFICES),
                                key=len, reverse=True))
# "The Vice President will", "the Secretary-General left": the office, bare (no name, no "of
# X" after it), then a verb of its own; with a companion ("The Vice President and Mrs. Pence
# will depart", "The Queen and The Duke of Edinburgh arrive" (a court circular), or an office
# the press writes as an acronym ("POTUS met", pool reports)
_CO_SUBJECT = (r"(?:\s++and\s++(?:(?:Mrs|Mr|Ms)\.?\s++[A-Z][\w'’-]++"
               r"|[Tt]he\s++[A-Z][\w'’-]++(?:\s++[A-Z][\w'’-]++)?(?:\s++of\s++[A-Z][\w'’-]++)?))?")
# a time of day between the subject and its verb, as a court circular writes it: "The Queen
# this morning left Heathrow", "The Duke today travelled"
_TIME_WORDS = r"(?:today|tonight|yesterday|(?:this|that)\s++(?:morning|afternoon|evening))"
_ACRONYMS = "|".join(sorted(ACRONYMS, key=len, reverse=True))
BARE_OFFICE_SUBJECT = re.compile(
    rf"(?:\b[Tt]he\s+(?P<office>(?i:{_OFFICE_NAMES}))(?![\w-]|\s+[A-Z]|\s+of\b)"
    rf"|\b(?P<acronym>{_ACRONYMS})\b){_CO_SUBJECT}[\s,]++(?:{_TIME_WORDS}\s++)?{SUBJECT_VERB}")
# "Deputy Secretary-General X": a lower rank of the office, someone else
RANK_BEFORE = re.compile(
    r"\b(?:[Dd]eputy|[Aa]ssistant|[Vv]ice|[Aa]cting|[Ff]ormer|[Uu]nder)[\s-]*$")
# the office must be the one the text keeps coming back to, not a passing "the President said"
MIN_SUBJECT_SENTENCES = 2


def holds_the_office(text: str, surname: str, office: str) -> bool:
    """Whether the text gives `surname` the office itself ("Prime Minister Jacinda Ardern",
    "Secretary-General Guterres"), not a lower rank of it ("Deputy Secretary-General X")."""
    words = r"\s+".join(re.escape(w) for w in office.split())
    # (only the office is caseless: the words between it and the name are capitalised, so
    # "POTUS said Secretary Rice" gives Rice no office)
    before_name = re.compile(rf"(?<![\w-])(?i:{words})\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}$")
    for at in index_of(text).occurrences(surname):
        before = text[max(0, at - 60):at]
        found = before_name.search(before)
        if found and not RANK_BEFORE.search(before, 0, found.start()):
            return True
    return False


def office_traveller(facts: list[SentenceFacts], text: str,
                     picked: Traveller) -> tuple[Traveller, Traveller] | None:
    """(the office as the traveller, the traveller to keep when the office holder cannot be
    named) when a capitalised bare office ("The Vice President") is the subject of more
    sentences than the picked traveller's name is, in at least `MIN_SUBJECT_SENTENCES`
    sentences, and the text never gives the picked traveller that office. None when the
    picked traveller stands."""
    counts: dict[str, int] = {}
    for fact in facts:
        s = fact.sentence
        if s.heading:
            continue
        seen = set()
        for match in BARE_OFFICE_SUBJECT.finditer(text, s.start, s.end):
            office = " ".join((match.group("office") or match.group("acronym")).split())
            if office[:1].isupper() and office_of(office) is not None:
                seen.add(office)
        for office in seen:
            counts[office] = counts.get(office, 0) + 1
    if not counts:
        return None
    office = max(counts, key=lambda o: counts[o])
    if counts[office] < MIN_SUBJECT_SENTENCES:
        return None
    met = bool(picked.surname) and _met(facts, text, picked.surname)
    if picked.surname and holds_the_office(text, picked.surname, office) and not met:
        # "Prime Minister Jacinda Ardern ... The Prime Minister will": one person (not
        # "Talks with Prime Minister Narendra Modi": a host of that office, met)
        return None
    named = 0
    if picked.surname:
        index = index_of(text)
        named = sum(1 for at in index.occurrences(picked.surname)
                    if SUBJECT_AFTER.match(text, at + len(picked.surname)))
    if counts[office] <= named:
        return None
    # if the table cannot name the office's holder: the picked traveller, unless the text
    # gives them another office and gives this one to a single person ("President Isaias"
    # picked, "Prime Minister Dr. Abiy Ahmed" the one Prime Minister)
    # (a host the text meets is no fallback: the office stays the traveller)
    fallback = Traveller(office, None, None, None, None) if met else picked
    picked_office = office_of(picked.person.title) if picked.person is not None else None
    if picked_office is not None and picked_office != office_of(office):
        holders = {p.surname: p for fact in facts for p in fact.people
                   if office_of(p.title) == office_of(office)
                   and holds_the_office(text, p.surname, office)}
        if len(holders) == 1:
            fallback = traveller_of(next(iter(holders.values())), facts)
    return Traveller(office, None, None, None, None), fallback


def _met(facts: list[SentenceFacts], text: str, surname: str) -> bool:
    """Whether the text meets the person of that surname ("Talks with Prime Minister X")."""
    return any(surname in text[a:b] for fact in facts for a, b in met_objects_of(fact, text))
