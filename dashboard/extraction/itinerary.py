"""Stops from visit signals: which places, in what order, about which sentences, and when.

Builds one stop per visited country (or per city where several cities of one country are
destinations), orders them, decides which stop each sentence is about, and attaches dates
(with the trip's overall range and the rules that close single days).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dashboard.extraction import dates as dates_mod
from dashboard.extraction import places as places_mod
from dashboard.extraction.facts import SentenceFacts, StopDraft
from dashboard.extraction.places import PlaceMention
from dashboard.extraction.visits import VisitSignal, region_targets
from dashboard.models import Article

TRIP_SCOPE = re.compile(r"\b(?:agenda|trip|tour|journey|travels|itinerary|the\s+region|"
                        r"throughout|six-country|five-country|four-country|three-country|"
                        r"two-country|\w+-nation)\b", re.IGNORECASE)
DEMONYM_AS_REFERENCE = re.compile(
    r"^\s*(?:President|Prime|Foreign|Vice|King|Queen|government|officials|counterparts?|"
    r"leaders?|authorities|minister|president|prime|foreign|side|delegation|people)\b")
TRAVEL_DATE_WINDOW = timedelta(days=120)

# ---------------------------------------------------------------- stops

# Signals that only corroborate: a dateline alone says where the statement was issued.
WEAK_SIGNALS = {"dateline"}


def build_stops(facts: list[SentenceFacts], home: str | None,
                home_certain: bool = True) -> list[StopDraft]:
    """Stops from visit signals. The home country is never a stop when the text ties the
    traveller to it; when only its institutions are named, an explicit "travel to" still
    counts (a foreign leader's visit to Washington)."""
    signals = [sig for fact in facts for sig in fact.signals if sig.code != home or (
        not home_certain and sig.strength in {"cue", "stop-words"})]
    by_country: dict[str, list[VisitSignal]] = {}
    for sig in signals:
        by_country.setdefault(sig.code, []).append(sig)
    by_country = {code: sigs for code, sigs in by_country.items()
                  if any(s.strength not in WEAK_SIGNALS for s in sigs)}
    drafts: list[StopDraft] = []
    for code, sigs in by_country.items():
        cities: list[places_mod.Place] = []
        for sig in sigs:
            if sig.city is not None and all(
                    places_mod.normalize(c.name) != places_mod.normalize(sig.city.name)
                    for c in cities):
                cities.append(sig.city)
        # one stop per city only when several cities are travel destinations ("cue")
        cued = [c for c in cities if any(
            s.city is not None and s.city.name == c.name and s.strength in {"cue", "locative"}
            for s in sigs)]
        if len(cued) >= 2:
            for city in cued:
                own = [s for s in sigs if s.city is not None and s.city.name == city.name]
                drafts.append(StopDraft(code, city, own, "named",
                                        sorted({s.sentence for s in own})))
            countrywide = [s for s in sigs if s.city is None or s.city.name not in
                           {c.name for c in cued}]
            drafts[-len(cued)].signals.extend(countrywide)
        else:
            city = cities[0] if cities else None
            with_city = [s for s in sigs if s.city is not None]
            basis = ""
            if city is not None:
                venues = [s.venue for s in with_city if s.venue]
                basis = f"venue: {venues[0]}" if len(venues) == len(with_city) else "named"
            drafts.append(StopDraft(code, city, list(sigs), basis,
                                    sorted({s.sentence for s in with_city})))
    return drafts


def order_key(draft: StopDraft, overview: set[int]) -> tuple:
    """"First stop" first and "end his trip in" last; otherwise where the text first
    describes the stop in detail, overview sentences counting only for stops never detailed."""
    detail = [s for s in draft.signals if s.sentence not in overview]
    if any(s.first for s in draft.signals):
        first = (0,)
    elif any(s.last for s in draft.signals):
        first = (2,)
    else:
        first = (1,)
    chosen = min(detail or draft.signals, key=lambda s: (s.sentence, s.list_index))
    return (*first, 0 if detail else 1, chosen.sentence, chosen.list_index)


def overview_sentences(facts: list[SentenceFacts], lead: int | None) -> set[int]:
    """Headings, a lead that names several destinations (places or regions), and
    sentences that list three or more destinations without saying in what order ("will
    travel to X, Y and Z")."""
    overview = set()
    for fact in facts:
        n = fact.sentence.index
        codes = {s.code for s in fact.signals}
        sequenced = re.search(r"\b(?:then|next|after|before|followed by|later)\b",
                              fact.sentence.text, re.IGNORECASE)
        lead_overview = n == lead and len(codes) + region_targets(
            fact.sentence.text, 0, len(fact.sentence.text),
            [PlaceMention(m.text, m.start - fact.sentence.start, m.end - fact.sentence.start,
                          m.candidates) for m in fact.places]) >= 2
        if fact.sentence.heading or lead_overview or (len(codes) >= 3 and not sequenced) or (
                len(codes) >= 2 and not sequenced and fact.dates and any(
                    d.is_range for d in fact.dates)):
            overview.add(n)
    return overview


def order_stops(drafts: list[StopDraft], overview: set[int]) -> list[StopDraft]:
    """Travel order: text order (see `order_key`), then dated stops put in date order among
    the places they hold."""
    drafts = sorted(drafts, key=lambda d: order_key(d, overview))
    dated = [n for n, d in enumerate(drafts) if d.start is not None]
    chronological = sorted(dated, key=lambda n: drafts[n].start)
    if dated != chronological:
        reordered = list(drafts)
        for slot, n in zip(dated, chronological, strict=True):
            reordered[slot] = drafts[n]
        drafts = reordered
    return drafts


# ---------------------------------------------------------------- sentence context

def sentence_stops(fact: SentenceFacts, drafts: list[StopDraft],
                   leader_stop: dict[str, int], text: str) -> list[int]:
    """The stops a sentence names: places, cities, venues, leaders met there, and demonyms
    used as references ("the Colombian president", "the Greek government")."""
    found: list[int] = []

    def add(n: int | None) -> None:
        if n is not None and n not in found:
            found.append(n)

    for mention in fact.places:
        place = mention.place
        if place.kind == "demonym":
            if not DEMONYM_AS_REFERENCE.match(text[mention.end:mention.end + 20]):
                continue
            if re.match(r"\s+[A-Z][a-z]+(?:n|sh|ese|ot|i)\b", text[mention.end:mention.end + 12]):
                continue  # "Greek Cypriot": a compound, not Greece
        if place.kind not in {"country", "city", "venue", "demonym"}:
            continue
        add(stop_for_place(place, drafts))
    for surname, n in leader_stop.items():
        if re.search(rf"\b{re.escape(surname)}\b", fact.sentence.text):
            add(n)
    return found


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
        if place.kind == "city" and len(same_country) > 1:
            return None
    return same_country[0]


# A paragraph that opens like this goes on about the same place as the one before it.
CONTINUES = re.compile(r"^[\"“‘']?(?:He|She|They|His|Her|There|The\s+(?:Secretary|"
                       r"President|Prime\s+Minister|Chancellor|Minister|Vice\s+President|"
                       r"Foreign\s+Secretary|two|leaders|visit|meeting|talks))\b", re.IGNORECASE)


def assign_context(facts: list[SentenceFacts]) -> None:
    """Which stop each sentence is about: the one it names, else the one the paragraph (or
    the heading above it) is about. A new paragraph that names no stop and does not go on
    with "He ..." or "The Secretary ..." is background, about no stop in particular."""
    current: int | None = None
    line = None
    after_heading = False
    for fact in facts:
        if fact.sentence.clutter:
            fact.context = None
            continue
        new_paragraph = fact.sentence.line != line
        line = fact.sentence.line
        if new_paragraph and not fact.stops and not after_heading and \
                not CONTINUES.match(fact.sentence.text):
            current = None
        after_heading = fact.sentence.heading
        fact.trip_scope = bool(TRIP_SCOPE.search(fact.sentence.text)) and len(fact.stops) != 1
        if len(fact.stops) == 1:
            current = fact.stops[0]
            fact.context = current
        elif len(fact.stops) > 1:
            fact.context = None
            current = fact.stops[-1] if fact.sentence.heading is False else None
            if fact.trip_scope:
                current = None
        elif fact.trip_scope or fact.sentence.heading:
            fact.context = None
            if fact.sentence.heading:
                current = None
        else:
            fact.context = current


# ---------------------------------------------------------------- dates

def date_anchor(article: Article, facts: list[SentenceFacts]) -> date | None:
    """The publication date, else the latest fully written date in the text, which only
    supplies years (weekdays stay unresolved without a publication date)."""
    if article.published:
        return article.published
    best = None
    for fact in facts:
        for d in dates_mod.find_dates(article.text, fact.sentence.start, fact.sentence.end):
            if d.first and not d.year_inferred and (best is None or d.first > best):
                best = d.first
    return best


def nearest_stop(fact: SentenceFacts, d: dates_mod.DateMention, drafts: list[StopDraft]
                 ) -> tuple[int, int, int] | None:
    """(distance, stop, size of its listed group) of the destination named closest before
    the date (else after)."""
    best = None
    for sig in fact.signals:
        stop = stop_for_place(sig.city or places_mod.Place("country", sig.code, ""), drafts)
        if stop is None:
            continue
        gap = fact.sentence.text[d.end - fact.sentence.start:sig.position - fact.sentence.start]
        if sig.position >= d.end and re.fullmatch(r"[\s,]*(?:in|at)\s+(?:the\s+)?", gap):
            return (0, stop, 1)  # "October 5 in Chile": the date introduces its place
        distance = d.start - sig.end if sig.end <= d.start else (sig.position - d.end) * 3 + 30
        # a date after the last of several listed places covers the list; after any other
        # place it is that place's ("Tokyo November 5 through 7 and then Hanoi")
        covers = sig.list_size if sig.list_index == sig.list_size - 1 else 1
        if best is None or distance < best[0]:
            best = (distance, stop, covers)
    return best


def attach_dates(facts: list[SentenceFacts], drafts: list[StopDraft],
                 overview: set[int], anchor: date | None
                 ) -> tuple[date | None, date | None, list[int], list[tuple[int, object]]]:
    """Give each stop the dates of the sentences about it. Returns the trip's own first and
    last days (a range over several destinations), the sentences that gave them, and every
    date used as (stop index, or -1 for the whole trip, DateMention)."""
    trip_start = trip_end = None
    trip_sentences: list[int] = []
    used: list[tuple[int, object]] = []  # (stop index or -1 for trip, DateMention)
    for fact in facts:
        n = fact.sentence.index
        if fact.sentence.clutter or fact.sentence.heading:
            continue
        valid = [d for d in fact.dates if d.first is not None and not d.reporting and (
            anchor is None or abs(d.first - anchor) <= TRAVEL_DATE_WINDOW)]
        stops_here = list(dict.fromkeys(fact.stops))
        for d in valid:
            target = None
            if len(stops_here) >= 2:
                # "X on July 11 and then Y on July 13": each date to the destination named
                # right before it; one range over several destinations spans the whole trip
                nearest = nearest_stop(fact, d, drafts)
                # "travel to X, Y and Z October 3-7": the range covers the listed group;
                # "to Tokyo November 5 through 7 and then to Hanoi": it is Tokyo's
                whole_trip = len(valid) == 1 and (d.is_range or n in overview) and (
                    nearest is None or nearest[0] > 40 or nearest[2] >= 2)
                if whole_trip:
                    # a range spans the trip; a single day over several places is its start
                    trip_start = d.first if trip_start is None else min(trip_start, d.first)
                    if d.is_range:
                        trip_end = d.last if trip_end is None else max(trip_end, d.last)
                    trip_sentences.append(n)
                    used.append((-1, d))
                    continue
                target = nearest[1] if nearest else None
            elif len(stops_here) == 1:
                target = stops_here[0]
            elif fact.context is not None and not fact.trip_scope:
                target = fact.context
            if target is None:
                continue
            draft = drafts[target]
            draft.start = d.first if draft.start is None else min(draft.start, d.first)
            draft.end = d.last if draft.end is None else max(draft.end, d.last)
            draft.start_stated = True
            draft.end_stated = draft.end_stated or d.is_range
            if n not in draft.date_sentences:
                draft.date_sentences.append(n)
            used.append((target, d))
    return trip_start, trip_end, trip_sentences, used


def close_dates(drafts: list[StopDraft], trip_start: date | None, trip_end: date | None
                 ) -> list[bool]:
    """Fill what the text implies: the trip's first day is the first stop's start, its last
    day the last stop's end; a single stated day is the stop's end too unless a gap before the
    next dated stop leaves the departure unknown. Returns, per stop, whether a date was
    inferred rather than stated."""
    inferred = [False] * len(drafts)
    if drafts and trip_start is not None and drafts[0].start is None:
        drafts[0].start = trip_start
        inferred[0] = True
    if drafts and trip_end is not None and (drafts[-1].end is None or (
            not drafts[-1].end_stated and drafts[-1].end < trip_end)):
        last = drafts[-1]
        if last.start is None or last.start <= trip_end:
            last.end = trip_end
            inferred[-1] = True
            last.end_stated = True
    for n, draft in enumerate(drafts):
        # a day the text states closes the stop; a start taken from the trip's first day
        # says nothing about when the traveller moved on
        if draft.start is None or draft.end_stated or not draft.start_stated:
            continue
        following = next((d.start for d in drafts[n + 1:] if d.start is not None), None)
        if following is not None and following > draft.start + timedelta(days=1):
            draft.end = None
        else:
            draft.end = draft.start if draft.end is None or draft.end == draft.start else draft.end
    return inferred
