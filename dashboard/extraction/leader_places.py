"""Where a leader is met: the rules `leaders.find_leaders` uses to place a person at a
stop, each about one person in one sentence: a stop of the person's own country that the
sentence names, an office of a stop's place ("Atlanta Mayor X", "Shanghai Party Secretary
Y"), the stop of the person met before in the same clause, and whether two full names of one
family name are two people.
"""

from __future__ import annotations

import re

from dashboard.extraction import grammar
from dashboard.extraction.facts import SentenceFacts, StopDraft
from dashboard.extraction.itinerary import stop_for_place
from dashboard.extraction.people import PersonMention

# (not "after" the meeting itself: "will end the tour in Lusaka on Saturday after talks with
# President X" meets X there)
MOVES_ON = re.compile(r"\b(?:then|before|after(?!\s+(?:(?:holding\s+)?talks|(?:a\s+)?meetings?|"
                      r"meeting|discussions|an\s+audience)\s+with\b))\b", re.IGNORECASE)


def own_country_here_of(person: PersonMention, fact: SentenceFacts,
                        drafts: list[StopDraft]) -> bool:
    return any(person.nationality and drafts[i].code == person.nationality
               for i in fact.stops)


def in_own_country_named(person: PersonMention, fact: SentenceFacts,
                         located: StopDraft) -> bool:
    """The person leads another country than the stop's, and the sentence names a place of
    the person's own country before them (outside their own title)."""
    return bool(person.nationality) and located.code != person.nationality and any(
        m.kind in {"city", "country"} and m.place.code == person.nationality
        and m.end <= person.start for m in fact.places)


LOCAL_BODY = re.compile(r" (?:(?:Communist )?Party|Provincial|Municipal|City|Regional) ")


def of_a_stop_place(person: PersonMention, fact: SentenceFacts, drafts: list[StopDraft],
                    text: str) -> bool:
    """The title is prefixed by a stop's place ("Atlanta Mayor Andre Dickens", "Hokkaido
    Governor X", or "the Mayor of Atlanta, X"): the office of a place the traveller visits,
    not the traveller's own."""
    # (or a state of a stop's country: "Washington State Governor X" on a visit to Seattle)
    stop_codes = {d.code for d in drafts}
    # ... or of a body of that place: "Shanghai Party Secretary X", "Hanoi Municipal Governor"
    return any(((0 <= person.start - m.end <= 1 or LOCAL_BODY.fullmatch(text, m.end,
                                                                       person.start))
                and stop_for_place(m.place, drafts) is not None)
               or (m.place.code in stop_codes and 0 < person.start - m.end <= 14 and re.fullmatch(
                   r" (?:State|Province|Region|County|Prefecture) ", text[m.end:person.start]))
               # ... or named after the title: "the Lord Mayor of Lyon, Monsieur X"
               or (person.start < m.start and m.end <= person.name_start
                   and stop_for_place(m.place, drafts) is not None)
               for m in fact.places if m.kind in {"city", "country"})


def placed_before(person: PersonMention, fact: SentenceFacts,
                  placed: list[tuple[int, int]], text: str) -> int | None:
    """The stop of the last person before `person` whom the sentence itself places, when
    no place, "then", "before" or "after" comes between them."""
    earlier = [(end, stop) for end, stop in placed if end <= person.start]
    if not earlier:
        return None
    end, stop = max(earlier)
    if any(end <= sig.position < person.start for sig in fact.signals) or \
            MOVES_ON.search(text, end, person.start):
        return None
    return stop


def two_people(name: str, other: str) -> bool:
    """Two full names of one family name that are not one person's ("Kim Jong Il" and "Kim
    Dae-jung"; not "Shinzo Abe" and "Abe")."""
    return len(name.split()) > 1 and len(other.split()) > 1 and name != other and \
        not name.startswith(other) and not other.startswith(name)


def countries_only_in_offices(fact: SentenceFacts) -> set[str]:
    """Countries of the places the sentence names, when every one is inside someone's
    office ("There he met former President of the United States X"): the sentence names no
    place of its own, and a stop of those countries is not its place (else empty)."""
    places = [m for m in fact.places if m.kind in {"city", "country"}]
    if places and all(any(p.start <= m.start < p.end for p in fact.people) for m in places):
        return {m.place.code for m in places}
    return set()


def moves_on_by_conjunct(fact: SentenceFacts, person_start: int, place_start: int) -> bool:
    """The place is the destination of a later coordinated verb of travel than the one the
    person hangs from: "met X on Monday and travelled to Seoul on Wednesday" (X is met before
    the move, where the narrative was); see `grammar.later_move`."""
    return fact.parse is not None and \
        grammar.later_move(fact.parse, person_start, place_start) is not None
