"""Who a leader met is, said more fully: the holder's full name for "President Clinton" or
"Prime Minister Abiy" (`name_office_holders`), and whether a person met in a sentence of
someone else's travel is met by the traveller all the same (`agent_of_a_passive`,
`met_by_the_traveller`). Used by `leaders.find_leaders` and `trip.place_leaders`.
"""

from __future__ import annotations

from datetime import date

from dashboard.extraction.facts import SentenceFacts, StopDraft
from dashboard.extraction.grammar import token_at
from dashboard.extraction.office_holders import full_name, office_of
from dashboard.extraction.people import PersonMention
from dashboard.extraction.titles import MONARCH_TITLES
from dashboard.extraction.traveller import Traveller


def agent_of_a_passive(fact: SentenceFacts, person: PersonMention) -> bool:
    """The person's name is, by the parse, inside the "by" phrase of a passive ("received
    by the President (Mr X)")."""
    if fact.parse is None:
        return False
    # (the title's word or the name's: the parse may hang a bracketed name elsewhere)
    tokens = [token_at(fact.parse, at) for at in (person.start, person.name_start)]
    return any(t is not None and any(a.dep_ == "agent" for a in t.ancestors) for t in tokens)


def met_by_the_traveller(fact: SentenceFacts, person: PersonMention,
                          traveller: Traveller) -> bool:
    """By the parse, the nearest verb above the person, or the verb it depends on ("travels
    to X to meet Y"), has the traveller among its subjects, by name or as "he"/"she" ("He and
    Secretary X, who arrives in Y from Z, will hold talks with W")."""
    if fact.parse is None:
        return True
    token = token_at(fact.parse, person.name_start)
    # (the speaker too: "where in The Hague we will meet X", a statement's first person)
    own = {traveller.surname, *(traveller.name or "").split(), "he", "she", "He", "She", "I",
           "we", "We"} - {None}
    for node in [] if token is None else token.ancestors:
        if node.pos_ not in {"VERB", "AUX"}:
            continue
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return any(t.text in own for c in subjects for t in [c, *c.conjuncts])
    return False


def name_office_holders(drafts: list[StopDraft], day: date | None,
                        facts: list[SentenceFacts] = ()) -> None:
    """A leader the text names by title and one name only ("President Clinton", "Prime
    Minister Abiy") gets the one full name the text gives elsewhere that opens or ends with
    that name ("Prime Minister Dr. Abiy Ahmed"), else the full name of the one holder of that
    office on `day` with that name, from `data/office_holders.csv` ("Bill Clinton" in January
    1994); others stay. In place."""
    # (one name, title) -> the full names the text gives under that title or office
    fuller: dict[tuple[str, str], set[str]] = {}
    for fact in facts:
        for p in fact.people:
            words = p.name.split()
            if p.title and len(words) > 1:
                for word in (words[0], words[-1]):
                    fuller.setdefault((word, _office_key(p.title)), set()).add(p.name)
    for draft in drafts:
        for key, (person, n) in list(draft.leaders.items()):
            office = office_of(person.title)
            if len(person.name.split()) != 1:
                continue
            named = fuller.get((person.name, _office_key(person.title)), set())
            if len(named) == 1 and person.title.lower() not in MONARCH_TITLES:
                name = next(iter(named))
                draft.leaders[key] = (PersonMention(
                    person.title, name, person.start, person.end, person.name_start,
                    person.nationality, person.nationality_text), n)
                continue
            if office is None or person.title.lower() in MONARCH_TITLES:
                continue  # (a sovereign's one name is the whole of it: "King Talal")
            countries = frozenset({person.nationality or draft.code})
            name = full_name(person.surname, day, office, countries)
            if name and len(name.split()) > 1 and name.split()[-1] == person.surname:
                draft.leaders[key] = (PersonMention(
                    person.title, name, person.start, person.end, person.name_start,
                    person.nationality, person.nationality_text), n)


def _office_key(title: str) -> str:
    """A title's office kind ("Prime Minister" and "Premier" are one), else the title."""
    return office_of(title) or title.lower()
