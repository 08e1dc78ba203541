"""Leaders met, attached to the stop where the text says the meeting happens.

`find_leaders` goes through every sentence's people: titled foreign leaders the traveller
meets (`meeting_rules.is_met` and the other rules there), surnames of people named
in full elsewhere, "the crown prince" when one person fits, and the parse's untitled names
(`parse_steps.add_met_names`). A leader goes to the stop the sentence places the meeting at
("in Vilnius he will meet ..."), else their own country's stop, else the sentence's stop.
"""

from __future__ import annotations

import re
from itertools import pairwise

from dashboard.extraction.facts import SentenceFacts, StopDraft, met_objects_of
from dashboard.extraction.invitations import drop_invitations_met_elsewhere
from dashboard.extraction.itinerary import stop_for_signal
from dashboard.extraction.leader_names import agent_of_a_passive, met_by_the_traveller
from dashboard.extraction.leader_places import (
    MOVES_ON,
    countries_only_in_offices,
    in_own_country_named,
    moves_on_by_conjunct,
    of_a_stop_place,
    own_country_here_of,
    placed_before,
    two_people,
)
from dashboard.extraction.meeting_rules import (
    in_earlier_relative_clause,
    in_others_meeting,
    is_met,
    listed_after_met,
    met_at_no_stop,
    narrative_stop,
    past_only_about_a_person,
    placed_elsewhere,
    spoken_with_abroad,
    travelling_companions,
    venue_place_stop,
    where_clause_stop,
)
from dashboard.extraction.people import PersonMention
from dashboard.extraction.titles import BARE_TITLE, STAFF_TITLES, TITLES
from dashboard.extraction.traveller import Traveller

TITLE_WORDS = {w.lower() for t in TITLES for w in t.split()} | {"mr", "mr.", "mrs", "ms"}


def person_entities(facts: list[SentenceFacts]) -> dict[str, str]:
    """Last name -> full name, from the model's PERSON entities of two or more words
    ("Jean-Marc Ayrault"), where one full name has that last name."""
    found: dict[str, set[str]] = {}
    for fact in facts:
        if fact.parse is None:
            continue
        for ent in fact.parse.ents:
            words = ent.text.split()
            if ent.label_ == "PERSON" and len(words) >= 2 and ent.root.pos_ == "PROPN" and \
                    all(w[:1].isupper() and w.lower() not in TITLE_WORDS for w in words):
                found.setdefault(words[-1], set()).add(" ".join(words))
    return {last: next(iter(names)) for last, names in found.items() if len(names) == 1}


def _bare_mentions(fact: SentenceFacts, known: dict[str, PersonMention],
                   text: str, listed: dict[str, PersonMention] | None = None
                   ) -> list[PersonMention]:
    """Surnames alone of people named in full elsewhere, where the sentence meets them:
    `known` anywhere in the met objects, `listed` (named in full with a title, but with no
    country) only after another person in the same list ("talks with Macron and Le Drian",
    not "talks between Trump and Abe", whose first is the traveller's companion)."""
    spans = met_objects_of(fact, text)
    listed = {k: v for k, v in (listed or {}).items() if k not in known}
    if not spans or not (known or listed):
        return []
    taken = [(p.start, p.end) for p in fact.people]
    found = []
    for a, b in spans:
        for surname, person in (known | listed).items():
            for match in re.finditer(rf"\b{re.escape(surname)}\b", text[a:b]):
                at = a + match.start()
                if any(x <= at < y for x, y in taken):
                    continue
                if surname in listed and not any(a <= x < at for x, _y in taken):
                    continue
                found.append(PersonMention(person.title, person.name, at, at + len(surname),
                                           at, person.nationality, None))
    return found


def _bare_hosts(fact: SentenceFacts, titled: dict[str, PersonMention],
                surnames: re.Pattern[str] | None, text: str) -> list[PersonMention]:
    """Surnames alone, outside the met objects, of people named in full with a title
    elsewhere ("Netanyahu and President Herzog greeted Biden on the tarmac"): candidates for
    `is_met`, which keeps only those who meet, host or greet the traveller. `surnames` is
    one pattern of all of them (built once per article: long texts stay fast)."""
    if surnames is None:
        return []
    taken = [(p.start, p.end) for p in fact.people] + met_objects_of(fact, text)
    found = []
    for match in surnames.finditer(text, fact.sentence.start, fact.sentence.end):
        at = match.start()
        if any(x <= at < y for x, y in taken):
            continue
        person = titled[match.group(0)]
        found.append(PersonMention(person.title, person.name, at, match.end(), at,
                                   person.nationality, None))
    return found


def shared_nationality(people: list[PersonMention], text: str) -> list[PersonMention]:
    """"Italian President Sergio Mattarella and Prime Minister Paolo Gentiloni": the second
    title shares the first one's nationality."""
    shared = list(people)
    for n in range(1, len(shared)):
        first, second = shared[n - 1], shared[n]
        if second.nationality is None and first.nationality and second.title and \
                re.fullmatch(r"(?<!\s),?\s+and\s+", text[first.end:second.start]):
            shared[n] = PersonMention(second.title, second.name, second.start, second.end,
                                      second.name_start, first.nationality, None)
    return shared



# ---------------------------------------------------------------- leaders

# titles too common to stand for one person
GENERIC_TITLES = {"minister", "leader", "chief", "counterpart", "top diplomat", "secretary",
                  "foreign minister", "spokesperson", "spokesman", "ambassador"}

def find_leaders(facts: list[SentenceFacts], drafts: list[StopDraft], traveller: Traveller,
             home: str | None, text: str) -> dict[str, int]:
    """Leaders met, attached to stops. Returns surname -> stop for sentence context."""
    leader_stop: dict[str, int] = {}
    for draft in drafts:
        draft.leaders.clear()
    own_surnames = {traveller.surname} if traveller.surname else set()
    own_surnames |= travelling_companions(facts, traveller, home, text)
    for fact in facts:
        for person in fact.people:
            if person.nationality and person.nationality == home:
                own_surnames.add(person.surname)
    # people named in full somewhere, for bare mentions ("held talks with Xi at the Great
    # Hall" after "Chinese President Xi Jinping")
    known: dict[str, PersonMention] = {}
    for fact in facts:
        for person in fact.people:
            # only foreign leaders named with their country: "Chinese President Xi Jinping"
            if person.title and len(person.name.split()) > 1 and person.nationality \
                    and person.nationality != home:
                known.setdefault(person.surname, person)
    # ... and anyone named in full with a title, for "<surname> greeted <traveller>"
    titled = {p.surname: p for f in facts for p in f.people
              if p.title and len(p.name.split()) > 1 and p.nationality in {None} | (
                  {p.nationality} - {home}) and p.surname not in own_surnames
              and p.title.lower() not in STAFF_TITLES}
    titled_surnames = re.compile(r"\b(?:" + "|".join(
        re.escape(k) for k in sorted(titled, key=len, reverse=True)) + r")\b(?!['’]s)") \
        if titled else None
    # a leader named in full once, then by a short form: "Sheikh Mohamed" after "UAE President
    # Sheikh Mohamed bin Zayed Al Nahyan", "the crown prince" after "Saudi Crown Prince
    # Mohammed bin Salman" (only when one person fits)
    by_first: dict[str, list[PersonMention]] = {}
    by_title: dict[str, list[PersonMention]] = {}
    for person in known.values():
        by_first.setdefault(person.name.split()[0], []).append(person)
        by_title.setdefault(person.title.lower(), []).append(person)
    own_title = traveller.person.title.lower() if traveller.person else ""
    for title in [t for t in by_title if t == own_title or t in GENERIC_TITLES]:
        del by_title[title]

    # "Prime Minister Abe" after "Prime Minister Shinzo Abe": the full name as written
    longest: dict[str, PersonMention] = {}
    for fact in facts:
        for person in fact.people:
            if person.title and len(person.name) > len(longest.get(person.surname,
                                                                   person).name):
                longest[person.surname] = person
            longest.setdefault(person.surname, person)

    entity_names = person_entities(facts)

    def full_form(person: PersonMention) -> PersonMention:
        words = person.name.split()
        fuller = longest.get(person.surname)
        if len(words) == 1 and fuller is not None and len(fuller.name.split()) > 1 \
                and fuller.title.lower() == person.title.lower():
            return PersonMention(person.title, fuller.name, person.start, person.end,
                                 person.name_start, person.nationality or fuller.nationality,
                                 person.nationality_text)
        if len(words) > 1 and fuller is not None and len(fuller.name) > len(person.name) and \
                fuller.name.split()[:len(words)] == words:
            # "Sheikh Mohamed bin Zayed" after "UAE President Sheikh Mohamed bin Zayed Al
            # Nahyan": the fullest form the text gives
            return PersonMention(person.title, fuller.name, person.start, person.end,
                                 person.name_start, person.nationality or fuller.nationality,
                                 person.nationality_text)
        same = by_first.get(words[0], []) if len(words) == 1 else []
        if len(same) == 1 and same[0].surname != person.surname:
            full = same[0]
            return PersonMention(full.title, full.name, person.start, person.end,
                                 person.name_start, full.nationality, full.nationality_text)
        if len(words) == 1 and person.name in entity_names:
            # "Minister Ayrault" after "Mr. Jean-Marc Ayrault": the model's PERSON entity
            # gives the full name the text uses
            return PersonMention(person.title, entity_names[person.name], person.start,
                                 person.end, person.name_start, person.nationality,
                                 person.nationality_text)
        return person

    def by_title_only(fact: SentenceFacts) -> list[PersonMention]:
        found = []
        for match in BARE_TITLE.finditer(text, fact.sentence.start, fact.sentence.end):
            same = by_title.get(" ".join(match.group("title").lower().split()), [])
            if len(same) == 1:
                full = same[0]
                found.append(PersonMention(full.title, full.name, match.start(), match.end(),
                                           match.start("title"), full.nationality, None))
        return found

    placed_as: dict[str, tuple[int, str]] = {}  # key -> (stop, name) placed last
    shared: set[str] = set()
    last_named = narrative_stop(facts)
    order = [f.sentence.index for f in facts if not f.sentence.clutter]
    earlier_named = {n: last_named.get(m) for m, n in pairwise(order)}
    for fact in facts:
        n = fact.sentence.index
        placed_here: list[tuple[int, int]] = []  # (end, stop) of people the sentence places
        if fact.sentence.clutter or (fact.earlier_trip and
                                     not past_only_about_a_person(fact, text)):
            continue
        for person in [full_form(p) for p in fact.people] + _bare_mentions(
                fact, known, text, titled) + by_title_only(fact) + _bare_hosts(
                fact, titled, titled_surnames, text):
            if person.surname in own_surnames or person.title.lower() in STAFF_TITLES:
                continue
            if person.nationality is not None and person.nationality == home:
                continue
            if text[person.end:person.end + 2] in {"'s", "’s"}:
                continue  # "Macron's diplomatic adviser Emmanuel Bonne": met the adviser
            met = (is_met(person, fact, traveller.surname, text) or
                   person.start in listed_after_met(fact, text)) and \
                not in_others_meeting(person, fact, traveller) and \
                not in_earlier_relative_clause(person, fact, text)
            nationality_stop = None
            if person.nationality:
                nationality_stop = next(
                    (i for i, d in enumerate(drafts) if d.code == person.nationality), None)
            if not met:
                continue
            if fact.others_travel and fact.others_legs and any(
                    a <= person.start < b for a, b in met_objects_of(fact, text)) and \
                    not agent_of_a_passive(fact, person) and \
                    not met_by_the_traveller(fact, person, traveller):
                # "X travels to Moscow today to meet Y": X's meeting, on X's trip (not "were
                # received at the Kremlin by Y", whoever the sentence's legs are given to)
                continue
            # (a secretary or senator with no country may be the traveller's own colleague; a
            # governor or mayor is met where the sentence itself places the meeting at a stop:
            # checked with the stop below)
            local_office = person.title.lower() in {"governor", "mayor"}
            # (only an office with no country needs a stop's place before it)
            of_stop_place = person.title.lower() in {"secretary", "senator", "governor",
                                                     "mayor"} and not person.nationality \
                and of_a_stop_place(person, fact, drafts, text)
            if person.title.lower() in {"secretary", "senator", "governor", "mayor"} and \
                    not person.nationality and not of_stop_place and not local_office:
                continue
            # where the sentence says the meeting happens: the destination named shortly
            # before the person ("visit to Kyiv, where he met Ukrainian President ...", "In
            # Vilnius he will meet Finnish President ..."); else the leader's own country's
            # stop; else the sentence's stop
            before = [sig for sig in fact.signals if sig.strength != "leader"
                      and sig.end <= person.start and person.start - sig.end <= 80]
            closest = max(before, key=lambda sig: sig.end) if before else None
            if closest is not None and MOVES_ON.search(text, closest.end, person.start) and \
                    not re.search(r"\bwhere\b", text[closest.end:person.start]):
                closest = None  # "audience with the Pope at the Vatican, then met ..."
            # "meet Abbas in Bethlehem", "an audience with Pope Francis at the Vatican": the
            # place right after the person says where
            right_after = next((sig for sig in fact.signals if sig.strength != "leader"
                                and 0 <= sig.position - person.end <= 30 and re.fullmatch(
                                    r"(?<![\s,])[\s,]*(?:(?:on|late|early)\s+\w+\s+)?(?:in|at)\s+"
                                    r"(?:the\s+)?", text[person.end:sig.position])), None)
            if met_at_no_stop(person, fact, drafts, text):
                continue  # "will also meet X in <home city> before leaving": not on the trip
            if right_after is not None:
                closest = right_after
            located = stop_for_signal(closest, drafts) if closest else None
            if right_after is None:
                # (the place a "where" clause hangs from outranks an earlier destination:
                # "arrived in Cairo from Washington, where he met X")
                where_stop = where_clause_stop(person, fact, drafts, text)
                located = located if where_stop is None else where_stop
                # "talks with X at her lakeside home in Rangoon": the place of the venue
                # right after the person
                venue_stop = venue_place_stop(person, fact, drafts, text)
                located = located if venue_stop is None else venue_stop
            if located is None:
                # "... in Washington ..., where he held talks with A at the White House and
                # met B": met where the one before in the same clause was
                located = placed_before(person, fact, placed_here, text)
            # else a stop of the leader's country that the sentence names ("received by
            # Chinese President Xi at the Great Hall of the People": Beijing, not Shanghai);
            # else the one stop the sentence's places name; else the leader's country's first
            # ... counting only places in the person's own clause: "met Zelenskiy on Sunday,
            # two days after she held talks with Putin at the Kremlin" is not at the Kremlin
            other_clause = [sig for sig in fact.signals if (
                re.search(r"\bthen\b", text[sig.end:person.start]) if sig.end <= person.start
                else MOVES_ON.search(text, person.end, sig.position)
                or moves_on_by_conjunct(fact, person.name_start, sig.position))]
            # (a country inside someone's office is no place of the sentence: "met former
            # President of the United States X" after "arrived in San Francisco")
            in_office = [sig for sig in fact.signals if any(
                p.start <= sig.position < p.end for p in fact.people)]
            named_here = list(dict.fromkeys(
                stop_for_signal(sig, drafts) for sig in fact.signals
                if sig.strength != "leader" and sig not in other_clause and sig not in in_office))
            named_here = [i for i in named_here if i is not None]
            moved_on_from = None
            other_stops = {stop_for_signal(sig, drafts) for sig in other_clause}
            before = earlier_named.get(n)
            if other_clause and not named_here and fact.stops and \
                    not own_country_here_of(person, fact, drafts) and \
                    before is not None and before not in other_stops and \
                    all(i in other_stops or i == before for i in fact.stops) and \
                    (MOVES_ON.search(text, person.end, fact.sentence.end) or any(
                        sig.position >= person.end for sig in other_clause)) and not (
                        person.nationality and drafts[before].code != person.nationality):
                # the sentence's stop is another clause's place: "met President X, ...,
                # before leaving for Seoul" is met where the narrative was before
                moved_on_from = before
            elif other_clause and not named_here and len(fact.stops) == 1 and \
                    not own_country_here_of(person, fact, drafts):
                continue  # the sentence's one stop is another clause's place
            office_codes = countries_only_in_offices(fact)
            office_only = bool(office_codes)
            stops_here = [i for i in fact.stops if drafts[i].code not in office_codes]
            own_country_here = [i for i in stops_here if person.nationality
                                and drafts[i].code == person.nationality]
            if nationality_stop is not None and office_only and not stops_here and \
                    before is not None and drafts[before].code == person.nationality:
                # the sentence names no place of its own, and the leader's country has more
                # stops than one: met where the narrative is, not at that country's first
                nationality_stop = before
            if moved_on_from is not None:
                target = moved_on_from
            elif located is not None:
                target = located
            elif own_country_here:
                target = own_country_here[0]
            elif len(named_here) == 1:
                target = named_here[0]
            elif nationality_stop is not None:
                target = nationality_stop
            else:
                target = stops_here[0] if len(stops_here) == 1 else None if (
                    fact.context is not None and drafts[fact.context].code in office_codes
                ) else fact.context
            if target is None:
                # a meeting in a paragraph of its own ("On Tuesday, the envoy will meet with
                # Foreign Minister X."): at the stop the narrative last named
                # (not when it names a place of its own: "will meet X in Auckland" is not at
                # a stop), nor for a leader of another country than that stop's ("talks on the
                # sidelines with Japanese Prime Minister X" at a summit in Riyadh)
                target = None if placed_elsewhere(fact, drafts, text, frozenset(longest)) \
                    else last_named.get(n)
                if target is not None and person.nationality and \
                        drafts[target].code != person.nationality:
                    target = None
            if target is not None and in_own_country_named(person, fact, drafts[target]):
                # "arrived in A from B, ..., where he held talks with B's President X": met
                # in X's own country, which the sentence names, not at the destination
                target = nationality_stop
            if target is not None and spoken_with_abroad(person, fact, drafts[target]):
                continue  # "spoke yesterday with <another country's leader>": a call
            if target is None:
                continue
            if local_office and not person.nationality and not of_stop_place and (
                    drafts[target].code == home or (target != located and (
                        home is None or any(m.kind in {"city", "country"}
                                            for m in fact.places)))):
                # (a stop abroad: placed by the sentence, or, when the home country is known
                # and the sentence names no place, by the narrative: "On Wednesday he will
                # meet Mayor X there"; not "Before leaving London he met Governor X")
                continue
            if target == located:
                placed_here.append((person.end, target))
            key = person.surname
            existing = drafts[target].leaders.get(key)
            if existing is not None and len(person.name.split()) > 1 and \
                    len(existing[0].name.split()) > 1 and person.name != existing[0].name and (
                        person.name.split()[0] == person.surname
                        or person.name.split()[0] != existing[0].name.split()[0]):
                # two people of one family name: "Nguyen Xuan Phuc and Nguyen Phu Trong",
                # "President Serdar X" and his father "Gurbanguly X"
                key = person.name
                existing = drafts[target].leaders.get(key)
            if existing is None or len(person.name) > len(existing[0].name):
                drafts[target].leaders[key] = (person, n)
            earlier = placed_as.get(key)
            if earlier is not None and earlier[0] != target and two_people(earlier[1],
                                                                           person.name):
                shared.add(key)
            placed_as[key] = (target, person.name)
            leader_stop[key] = target
    drop_invitations_met_elsewhere(drafts, leader_stop, text)
    # a family name two people met at two stops share ("Chairman Kim X" in Pyongyang,
    # "President Kim Y" in Seoul) names neither stop in a sentence
    return {key: stop for key, stop in leader_stop.items() if key not in shared}
