"""Stops from visit signals: which places, in what order, about which sentences, and when.

Builds one stop per visited country (or per city where several cities of one country are
destinations) and decides which stop each sentence is about; `stop_order.py` orders them
and `stop_dates.py` attaches the dates.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dashboard.extraction import grammar
from dashboard.extraction import places as places_mod
from dashboard.extraction.facts import SentenceFacts, StopDraft
from dashboard.extraction.home_country import RETURN_TO
from dashboard.extraction.name_index import index_of
from dashboard.extraction.places import PlaceMention
from dashboard.extraction.programme_days import day_headings, is_place_line
from dashboard.extraction.territories import at_home
from dashboard.extraction.visits import (
    VisitSignal,
)

TRIP_SCOPE = re.compile(r"\b(?:agenda|trip|tour|journey|travels|itinerary|the\s+region|"
                        r"throughout|six-country|five-country|four-country|three-country|"
                        r"two-country|\w+-nation)\b", re.IGNORECASE)
DEMONYM_AS_REFERENCE = re.compile(
    r"^\s*(?:President|Prime|Foreign|Vice|King|Queen|government|officials|counterparts?|"
    r"leaders?|authorities|minister|president|prime|foreign|side|delegation|people)\b")
# ---------------------------------------------------------------- stops

# Signals that only corroborate: a dateline alone says where the statement was issued.
WEAK_SIGNALS = {"dateline"}


def build_stops(facts: list[SentenceFacts], home: str | None,
                home_certain: bool = True) -> list[StopDraft]:
    """Stops from visit signals. The home country is never a stop when the text ties the
    traveller to it; when only its institutions are named, an explicit "travel to" still
    counts (a foreign leader's visit to Washington)."""
    every = [sig for fact in facts for sig in fact.signals]
    headings = {fact.sentence.index for fact in facts if fact.sentence.heading}
    homeward = {fact.sentence.index: _home_from(fact, home) for fact in facts}
    if not home_certain and any(sig.code == home and sig.strength in {"cue", "stop-words"}
                                and not sig.returns
                                # ("for Anchorage, Alaska, ... before returning to
                                # Washington": a leg on the way home, in the home country)
                                and not sig.position < homeward[sig.sentence]
                                for sig in every):
        home = None  # the text sends the traveller there: a country visited, not home
    # (home takes in its own territories: a French president in Martinique is at home)
    signals = [sig for sig in every if not at_home(sig.code, home) and not sig.returns]
    by_country: dict[str, list[VisitSignal]] = {}
    for sig in signals:
        by_country.setdefault(sig.code, []).append(sig)
    by_country = {code: sigs for code, sigs in by_country.items()
                  if any(s.strength not in WEAK_SIGNALS for s in sigs)}
    drafts: list[StopDraft] = []
    for code, sigs in by_country.items():
        sigs = _fuller_city_names(sigs)
        cities: list[places_mod.Place] = []
        for sig in sigs:
            if sig.city is not None and all(
                    places_mod.normalize(c.name) != places_mod.normalize(sig.city.name)
                    for c in cities):
                cities.append(sig.city)
        # one stop per city only when several cities are travel destinations ("cue")
        cued = [c for c in cities if any(
            s.city is not None and s.city.name == c.name
            # ("The first stop is New York": a stop named as such is one of its own)
            and s.strength in {"cue", "locative", "stop-words"}
            for s in sigs)]
        if len(cued) >= 2:
            for city in cued:
                own = [s for s in sigs if s.city is not None and s.city.name == city.name]
                drafts.append(StopDraft(code, city, own, "named",
                                        sorted({s.sentence for s in own})))
            countrywide = [s for s in sigs if s.city is None or s.city.name not in
                           {c.name for c in cued}]
            city_drafts = drafts[-len(cued):]
            for sig in countrywide:
                # (the country named alone goes with the city stop the story is telling at
                # that point: "BOAO -- ... Anwar, who arrived on his visit to China")
                before = {id(d): [s.sentence for s in d.signals if s.city is not None
                                  and s.sentence < sig.sentence and s.sentence not in headings]
                          for d in city_drafts}
                at = max((d for d in city_drafts if before[id(d)]),
                         key=lambda d: max(before[id(d)]), default=city_drafts[0])
                # ("will travel to X, meeting Y in A, before travelling on to B": the country
                # goes with the first of its cities the sentence names after it)
                after = [(s.position, n) for n, d in enumerate(city_drafts) for s in d.signals
                         if s.sentence == sig.sentence and s.position > sig.position]
                at = city_drafts[min(after)[1]] if after else at
                at.signals.append(sig)
        else:
            city = cities[0] if cities else None
            with_city = [s for s in sigs if s.city is not None]
            basis = ""
            if city is not None:
                venues = [s.venue for s in with_city if s.venue]
                basis = f"venue: {venues[0]}" if len(venues) == len(with_city) else "named"
            drafts.append(StopDraft(code, city, list(sigs), basis,
                                    sorted({s.sentence for s in with_city})))
    # a return to an earlier stop ("back in X on Sunday") is a stop of its own
    for sig in every:
        if sig.returns and not at_home(sig.code, home) and any(d.code == sig.code for d in drafts):
            drafts.append(StopDraft(sig.code, sig.city, [sig], "named" if sig.city else "",
                                    [sig.sentence] if sig.city else []))
    return drafts


def _fuller_city_names(sigs: list[VisitSignal]) -> list[VisitSignal]:
    """One country's signals, a city named by the last words of another's name taking that
    fuller city ("Deals signed in Delhi" in a headline, "talks in New Delhi" in the body: one
    stop, as `stop_for_place` reads "Delhi" for a stop in New Delhi)."""
    names = {places_mod.normalize(s.city.name): s.city for s in sigs if s.city is not None}
    fuller = {}
    for key in names:
        longer = [k for k in names if k.endswith(" " + key)]
        if len(longer) == 1:
            fuller[key] = names[longer[0]]
    if not fuller:
        return sigs
    return [replace(s, city=fuller[places_mod.normalize(s.city.name)])
            if s.city is not None and places_mod.normalize(s.city.name) in fuller else s
            for s in sigs]


def _home_from(fact: SentenceFacts, home: str | None) -> int:
    """The offset where the sentence sends the traveller back to a place of `home`
    ("before returning to Washington"), or -1."""
    if home is None:
        return -1
    for match in RETURN_TO.finditer(fact.sentence.text):
        at = fact.sentence.start + match.end()
        if any(m.place.code == home and m.kind in {"country", "city"} and at <= m.start <= at + 4
               for m in fact.places):
            return at
    return -1


# ---------------------------------------------------------------- sentence context

def sentence_stops(fact: SentenceFacts, drafts: list[StopDraft],
                   leader_stop: dict[str, int], text: str) -> list[int]:
    """The stops a sentence names: places, cities, venues, leaders met there, and demonyms
    used as references ("the Colombian president", "the Greek government")."""
    found: list[int] = []

    def add(n: int | None) -> None:
        if n is not None and n not in found:
            found.append(n)

    # (a return to an earlier stop names its own stop, not the first visit's)
    returned = {n for n, d in enumerate(drafts) for s in d.signals
                if s.returns and s.sentence == fact.sentence.index}
    for n in sorted(returned):
        add(n)
    returned_at = {s.position for n in returned for s in drafts[n].signals}
    visited_here = {sig.position for sig in fact.signals}
    for mention in fact.places:
        place = mention.place
        if mention.start in returned_at:
            continue
        if mention.start not in visited_here and _describes_a_noun(fact, mention):
            continue  # "to review the results of the Pyongyang talks": no place of the day
        if place.kind == "demonym":
            if not DEMONYM_AS_REFERENCE.match(text[mention.end:mention.end + 20]):
                continue
            if re.match(r"(?<!\s)\s+[A-Z][a-z]+(?:n|sh|ese|ot|i)\b",
                        text[mention.end:mention.end + 12]):
                continue  # "Greek Cypriot": a compound, not Greece
        if place.kind not in {"country", "city", "venue", "demonym"}:
            continue
        add(stop_for_place(place, drafts))
    # "Chinese President Xi ... at the Great Hall of the People": the city stop the sentence
    # names stands for its country there, not the country's first stop
    by_city = {drafts[stop_for_place(m.place, drafts)].code for m in fact.places
               if m.kind in {"city", "venue"} and m.start in visited_here
               and stop_for_place(m.place, drafts) is not None}
    country_level = {stop_for_place(m.place, drafts) for m in fact.places
                     if m.kind in {"country", "demonym"}}
    named_cities = {stop_for_place(m.place, drafts) for m in fact.places
                    if m.kind in {"city", "venue"}}
    found = [n for n in found if not (n in country_level and n not in named_cities
                                      and drafts[n].code in by_city)]
    # a country's name inside another place's ("the South China Sea") names no stop of it
    inside = {stop_for_place(m.place, drafts) for m in fact.places
              if m.kind == "country" and _inside_a_longer_name(fact, m)}
    found = [n for n in found if n not in inside or n in named_cities]
    # (one pass over the sentence's words, not one search per leader: linear on long texts)
    named = {surname for surname, _at in index_of(text).names_in(
        leader_stop, fact.sentence.start, fact.sentence.end)}
    for surname, n in leader_stop.items():
        if surname in named:
            add(n)
    return found


def _describes_a_noun(fact: SentenceFacts, mention: PlaceMention) -> bool:
    """A city or country the parse hangs, as a modifier, from a common noun after it that is
    no trip noun: "the Pyongyang talks", "the Paris agreement" name an event or a thing,
    not where the sentence happens ("his Beijing visit" still names a stop)."""
    if fact.parse is None or mention.kind not in {"city", "country"}:
        return False
    last = grammar.token_at(fact.parse, mention.end - 1)
    return last is not None and last.dep_ in {"compound", "nmod", "amod"} and \
        last.head.pos_ == "NOUN" and last.head.i > last.i and \
        last.head.lemma_.lower() not in grammar.TRIP_NOUNS


LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def _inside_a_longer_name(fact: SentenceFacts, mention: PlaceMention) -> bool:
    """Whether the parse reads the mention as part of a longer place or body's name ("the
    South China Sea", "the Bank of England": an entity reaching past the mention)."""
    if fact.parse is None:
        return False
    offset = fact.parse.doc.user_data.get("offset", 0)
    for ent in fact.parse.ents:
        a, b = offset + ent.start_char, offset + ent.end_char
        # (the model may take the article in: "the Democratic People's Republic of Korea"
        # is the country's own name, not a longer one)
        a += len(ent.text) - len(LEADING_ARTICLE.sub("", ent.text))
        if ent.label_ in {"LOC", "FAC", "ORG"} and a <= mention.start and mention.end <= b \
                and (a, b) != (mention.start, mention.end):
            return True
    return False


def stop_for_signal(sig: VisitSignal, drafts: list[StopDraft]) -> int | None:
    """The stop a visit signal names: the return visit it makes ("back in X on Sunday", see
    `returns.py`), else its place's stop (`stop_for_place`)."""
    if sig.returns:
        held = next((n for n, d in enumerate(drafts) if any(s is sig for s in d.signals)), None)
        if held is not None:
            return held
    return stop_for_place(sig.city or places_mod.Place("country", sig.code, ""), drafts)


def stop_for_place(place: places_mod.Place, drafts: list[StopDraft]) -> int | None:
    """The stop a place refers to: its city's stop, else its country's first stop."""
    same_country = [n for n, d in enumerate(drafts) if d.code == place.code]
    if not same_country:
        return None
    if place.kind in {"city", "venue"}:
        name = place.city if place.kind == "venue" and place.city else place.name
        for n in same_country:
            city = drafts[n].city
            if city is not None and places_mod.normalize(city.name) == places_mod.normalize(name):
                return n
        # "Delhi" for the stop in "New Delhi": the last words of one stop's city name
        key = places_mod.normalize(name)
        ending = [n for n in same_country if drafts[n].city is not None and (
            places_mod.normalize(drafts[n].city.name).endswith(" " + key))]
        if len(ending) == 1:
            return ending[0]
        if place.kind == "city" and len(same_country) > 1:
            return None
    return same_country[0]


# A paragraph that opens like this goes on about the same place as the one before it.
CONTINUES = re.compile(r"^[\"“‘']?(?:He|She|They|His|Her|There|The\s+(?:[\w-]+\s+)?(?:Secretary|"
                       r"President|Prime\s+Minister|Chancellor|Minister|Vice\s+President|"
                       r"Foreign\s+Secretary|two|leaders|visit|meeting|talks|pontiff|pope|"
                       r"premier|king|queen|emperor|crown\s+prince|secretary-general|"
                       r"first\s+lady|envoy|delegation|visitor|guest|taoiseach))\b",
                       re.IGNORECASE)

# ... and so does one that moves on in time from there: "The following day he lunched with ..."
GOES_ON = re.compile(r"(?:The\s+(?:next|following)\s+(?:day|morning)|Later|That\s+"
                     r"(?:morning|afternoon|evening|night))\b", re.IGNORECASE)
# A day first, then the traveller as "he"/"she" or by office: "Tomorrow he will hold talks
# with ...", "On Tuesday, she met ...", "On Wednesday, the premier addressed ..." (the
# paragraph goes on with the traveller's day)
DAY_THEN_PRONOUN = re.compile(r"(?:Tomorrow|Today|Tonight|Yesterday|(?:(?:On|Early|Late|Later)"
                              r"\s+(?:on\s+)?)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
                              r"(?:\s+(?:morning|afternoon|evening|night))?),?\s+(?:he|she|"
                              r"the\s+(?:[\w-]+\s+)?(?:secretary|president|prime\s+minister|"
                              r"chancellor|minister|premier|pontiff|pope|king|queen|envoy))\b",
                              re.IGNORECASE)


def main_stop(fact: SentenceFacts) -> int | None:
    """The stop a sentence that names several leaves the traveller at when the others are
    earlier legs told after it ("flew into Nay Pyi Taw, having attended a conference in
    Busan": the traveller is in Nay Pyi Taw, the later stop), or told leaving an origin
    for it ("From Jakarta he flew to Berlin": Berlin); None otherwise."""
    if len(fact.stops) < 2 or not any(sig.precedes >= 0 or sig.follows is not None
                                      for sig in fact.signals):
        return None
    return max(fact.stops)


def assign_context(facts: list[SentenceFacts], traveller: str | None = None) -> None:
    """Which stop each sentence is about: the one it names, else the one the paragraph (or
    the heading above it) is about. A new paragraph that names no stop and does not go on
    with "He ...", "The Secretary ..." or the traveller's name is background, about no stop
    in particular."""
    own_name = re.compile(rf"^[\"“‘']?{re.escape(traveller)}\b") if traveller else None
    current: int | None = None
    line = None
    after_heading = False
    # a programme's day heading keeps the place, and its lines are one paragraph
    days = day_headings(facts)
    under_day = False
    place_heading = False  # the sentence before is a heading naming one stop
    for fact in facts:
        if fact.sentence.clutter:
            fact.context = None
            continue
        if fact.sentence.index in days:
            # (the first day of a programme starts afresh, as any heading does, unless a
            # heading naming one place, "CANBERRA", opens the section the day is in)
            fact.context = None
            current = current if under_day or place_heading else None
            under_day = True
            continue
        place_heading = fact.sentence.heading and len(fact.stops) == 1
        # under a day, a capitalised line of four words or more is one of the day's items
        # ("Courtesy visit to the President of the Republic, X"), not a section's heading
        heading = fact.sentence.heading and not (
            under_day and len(fact.sentence.text.split()) >= 4 and not is_place_line(fact)
            and not fact.dates)  # (the next day's heading, "WEDNESDAY 10 APRIL - X / Y")
        # (a route line under the day, "KINSHASA - JUBA", is a heading of the day's own)
        under_day = under_day and not (heading and not is_place_line(fact))
        new_paragraph = fact.sentence.line != line and not under_day
        line = fact.sentence.line
        if new_paragraph and not fact.stops and not after_heading and \
                not CONTINUES.match(fact.sentence.text) and \
                not GOES_ON.match(fact.sentence.text) and \
                not DAY_THEN_PRONOUN.match(fact.sentence.text) and not (
                    own_name and own_name.match(fact.sentence.text)):
            current = None
        after_heading = heading
        fact.trip_scope = bool(TRIP_SCOPE.search(fact.sentence.text)) and len(fact.stops) != 1
        if len(fact.stops) == 1:
            current = fact.stops[0]
            fact.context = current
        elif len(fact.stops) > 1:
            fact.context = None
            current = None if heading else (
                main_stop(fact) if main_stop(fact) is not None else fact.stops[-1])
            if fact.trip_scope:
                current = None
        elif fact.trip_scope or heading:
            fact.context = None
            if heading:
                current = None
        else:
            fact.context = current


# ---------------------------------------------------------------- dates
