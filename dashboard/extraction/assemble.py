"""The last pipeline step: the facts so far -> a `models.Trip`.

Stops with their cities (named, venue, else the capital, marked inferred), leaders, dates
and evidence; every highlighted span as a `Mention` (character offsets into the original
text); topics and events by sentence context (an agenda stated for the whole tour belongs to
the trip); warnings; and a readable trip id ("blinken-2022-10-latin-america").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left

from dashboard.extraction import dates as dates_mod
from dashboard.extraction import places as places_mod
from dashboard.extraction.events import find_events
from dashboard.extraction.facts import TripState
from dashboard.extraction.impossible_dates import impossible_dates
from dashboard.extraction.places import capital_of, country_name
from dashboard.extraction.sentences import Sentence
from dashboard.extraction.topics import find_topics
from dashboard.models import Event, Evidence, Leader, Mention, Stop, TopicTag, Trip

# An appositive or relative clause about a person, up to the next comma or full stop
BIOGRAPHY = re.compile(r",\s+(?:(?:a|an|the)\s+|who\s|whose\s)[^,;.]*")


def _evidence(s: Sentence) -> Evidence:
    return Evidence(sentence=s.text, start=s.start, end=s.end)


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")



CONTINENTS = {"EU": "europe", "AS": "asia", "AF": "africa", "OC": "oceania",
              "NA": "north-america", "SA": "south-america", "AN": "antarctica"}


def _region_slug(codes: list[str]) -> str:
    unique = list(dict.fromkeys(codes))
    if not unique:
        return "trip"
    if len(unique) == 1:
        return _slug(country_name(unique[0]))
    regions = {places_mod.region_of(c) for c in unique}
    subregions = {r[1] for r in regions}
    if len(subregions) == 1 and next(iter(subregions)):
        sub = next(iter(subregions))
        return "latin-america" if sub.startswith("Latin America") else _slug(sub)
    continents = {places_mod.gazetteer().countries.get(c, {}).get("continent", "")
                  for c in unique}
    if len(continents) == 1 and next(iter(continents)) in CONTINENTS:
        return CONTINENTS[next(iter(continents))]
    return "-".join(_slug(country_name(c)) for c in unique[:3])



def headline(sentences: list[Sentence]) -> str | None:
    """Without a Title header, the first heading line of the body that is not a date."""
    for s in sentences:
        if s.clutter or not s.heading or len(s.text.split()) < 3:
            continue
        if dates_mod.DATE_PATTERN.fullmatch(s.text.strip()):
            continue
        return s.text.strip()
    return None



def assemble_trip(state: TripState) -> Trip:
    """The Trip the facts describe (the `extract` JSON's shape, see `serialize.py`)."""
    article, text, active, facts = state.article, state.text, state.active, state.facts
    drafts, traveller, used_dates = state.drafts, state.traveller, state.used_dates
    inferred, anchor = state.inferred, state.anchor
    stops: list[Stop] = []
    mentions: list[Mention] = []
    by_index = {f.sentence.index: f for f in active}
    for n, draft in enumerate(drafts):
        city_inferred = False
        city = draft.city
        if city is None:
            city = capital_of(draft.code)
            same_name = city is not None and places_mod.normalize(city.name) == \
                places_mod.normalize(country_name(draft.code))
            # "Singapore" names the city as well as the country; elsewhere the capital is a guess
            city_inferred = city is not None and not same_name
            draft.city_basis = ("named (city-state)" if same_name else
                                "capital (no city named)" if city else "")
        evidence = [_evidence(by_index[s].sentence)
                    for s in dict.fromkeys(sig.sentence for sig in draft.signals)]
        leaders = [
            Leader(name=person.leader_name, title=person.title,
                   evidence=_evidence(by_index[sent].sentence))
            for person, sent in draft.leaders.values()
        ]
        city_name = city.name if city else None
        if city_name and city_name.endswith(" City") and any(
                sig.city is not None and places_mod.normalize(sig.text)
                == places_mod.normalize(city_name[:-5]) for sig in draft.signals):
            city_name = city_name[:-5]  # the text says "New York", the gazetteer "New York City"
        stops.append(Stop(
            index=n, country_code=draft.code, country=country_name(draft.code),
            city=city_name, city_inferred=city_inferred,
            city_basis=draft.city_basis or None,
            lat=city.lat if city else None, lon=city.lon if city else None,
            start=draft.start, end=draft.end, dates_inferred=inferred[n],
            leaders=leaders, evidence=evidence,
            city_evidence=[_evidence(by_index[s].sentence)
                           for s in dict.fromkeys(draft.city_evidence)],
            date_evidence=[_evidence(by_index[s].sentence)
                           for s in dict.fromkeys(draft.date_sentences)],
        ))
        for sig in draft.signals:
            mentions.append(Mention(kind="city" if sig.city else "place",
                                    value=sig.city.name if sig.city else sig.code,
                                    text=text[sig.position:sig.end], start=sig.position,
                                    end=sig.end, stop_index=n))
        for person, _sent in draft.leaders.values():
            mentions.append(Mention(kind="leader", value=person.leader_name,
                                    text=text[person.name_start:person.end],
                                    start=person.name_start, end=person.end, stop_index=n))

    # topics: by sentence context; agenda-wide sentences belong to the trip
    trip_topics: list[TopicTag] = []
    events: list[Event] = []
    first_offset = min((f.sentence.start for f in active), default=article.body_start)
    body_topics = find_topics(text, first_offset, len(text), first_only=False)
    # hits are in text order: each sentence looks only at its own hits (bisect), so the whole
    # loop is linear in the text, not sentences x hits (a 1 MB upload took minutes)
    topic_starts = [hit.start for hit in body_topics]
    for fact in active:
        s = fact.sentence
        target = fact.context if not fact.trip_scope else None
        seen_here: set[str] = set()
        # "Boric, a former student protest leader", "Castillo, ... who is the son of peasant
        # farmers": a person's biography is not what is on the agenda
        biography = [(m.start(), m.end()) for p in fact.people
                     if (m := BIOGRAPHY.match(text, p.end, s.end))]
        first_hit = bisect_left(topic_starts, s.start)
        last_hit = bisect_left(topic_starts, s.end, first_hit)
        for hit in body_topics[first_hit:last_hit]:
            if hit.end > s.end or hit.slug in seen_here:
                continue
            if any(a <= hit.start < b for a, b in biography):
                continue
            seen_here.add(hit.slug)
            tag = TopicTag(slug=hit.slug, label=hit.label, phrase=hit.phrase,
                           evidence=_evidence(s))
            # One tag per sentence that raises the topic (not per topic): how often a topic
            # comes up at a stop is what the Topics page counts and lists.
            if target is None:
                trip_topics.append(tag)
            else:
                stops[target].topics.append(tag)
            mentions.append(Mention(kind="topic", value=hit.slug, text=hit.phrase,
                                    start=hit.start, end=hit.end, stop_index=target))
        if s.heading:
            continue
        event_target = fact.context if fact.context is not None else (
            fact.stops[0] if len(fact.stops) == 1 else None)
        sentence_dates = [d for i, d in used_dates if d.start >= s.start and d.end <= s.end]
        event_date = sentence_dates[0].first if len(sentence_dates) == 1 else None
        for hit in find_events(text, s.start, s.end):
            same = [e for e in events if e.label == hit.label]
            if any(e.stop_index == event_target or event_target is None for e in same):
                continue
            if hit.label.lower() == "summit" and any(
                    e.kind == "summit" and e.stop_index == event_target for e in events):
                continue  # "the Summit" again, after its full name
            events.append(Event(kind=hit.kind, label=hit.label, date=event_date,
                                stop_index=event_target, evidence=_evidence(s)))
            mentions.append(Mention(kind="event", value=hit.label,
                                    text=text[hit.start:hit.end], start=hit.start,
                                    end=hit.end, stop_index=event_target))
        # a meeting per stop whose leaders this sentence names, dated by that stop's date here
        for n, draft in enumerate(drafts):
            met = [p.leader_name for p, sent in draft.leaders.values() if sent == s.index]
            if not met:
                continue
            label = "Meeting with " + ", ".join(met)
            if any(e.kind == "meeting" and e.stop_index == n and e.label == label
                   for e in events):
                continue
            stop_dates = [d for i, d in used_dates if i == n and s.start <= d.start < s.end]
            events.append(Event(kind="meeting", label=label,
                                date=stop_dates[0].first if stop_dates else (
                                    event_date if n == event_target else None),
                                stop_index=n, evidence=_evidence(s)))

    # an event first seen without a stop and later at one is that stop's
    located_labels = {e.label for e in events if e.stop_index is not None}
    events = [e for e in events if e.stop_index is not None or e.label not in located_labels]

    for stop_index, d in used_dates:
        mentions.append(Mention(kind="date", value=d.first.isoformat() + (
            f"/{d.last.isoformat()}" if d.is_range else ""), text=d.text, start=d.start,
            end=d.end, stop_index=None if stop_index < 0 else stop_index))

    traveler_evidence = None
    if traveller.surname:
        surname = re.compile(rf"\b{re.escape(traveller.surname)}\b")
        for fact in active:
            titled = [(p.start, p.end) for p in fact.people if p.surname == traveller.surname]
            for a, b in titled:
                mentions.append(Mention(kind="traveler", value=traveller.name or "",
                                        text=text[a:b], start=a, end=b))
            for match in surname.finditer(text, fact.sentence.start, fact.sentence.end):
                if not any(a <= match.start() < b for a, b in titled):
                    mentions.append(Mention(kind="traveler", value=traveller.name or "",
                                            text=match.group(0), start=match.start(),
                                            end=match.end()))
        if traveller.sentence is not None:
            traveler_evidence = _evidence(traveller.sentence)

    mentions.sort(key=lambda m: (m.start, m.end))
    warnings = []
    if article.published is None:
        warnings.append(f"{article.path}: no publication date; weekdays left unresolved"
                        + (f", years taken from {anchor.isoformat()}" if anchor else ""))
    if traveller.name is None:
        warnings.append(f"{article.path}: no traveller named with a title (e.g. 'Secretary of "
                        "State ...'); leaders met may include the traveller's own officials")
    # "February 30, 2022" stays undated: say why rather than drop it silently
    warnings += [f"{article.path}: {problem}; left undated" for fact in active
                 for problem in impossible_dates(text, fact.sentence.start,
                                                 fact.sentence.end)]
    undated = [s.country for s in stops if s.start is None and s.end is None]
    if undated and len(undated) < len(stops):
        warnings.append(f"{article.path}: no dates stated for {', '.join(undated)}")
    first_day = next((s.start for s in stops if s.start), None) or article.published or anchor
    surname = _slug(traveller.surname or "trip")
    month = first_day.strftime("%Y-%m") if first_day else "undated"
    trip_id = f"{surname}-{month}-{_region_slug([s.country_code for s in stops])}"
    return Trip(
        id=trip_id, article=article, traveler=traveller.name,
        traveler_evidence=traveler_evidence, stops=stops, events=events, topics=trip_topics,
        mentions=mentions, sentences=[_evidence(f.sentence) for f in facts],
        warnings=warnings,
    )

