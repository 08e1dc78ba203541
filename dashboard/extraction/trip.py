"""Article -> Trip: the whole extraction, step by step.

1. split the body into sentences, flag page clutter;
2. find places, people, dates and topics in every sentence that is not clutter;
3. pick the traveller and their home country;
4. collect visit signals and build the stops (one per country, or per city where several
   cities of one country are travel destinations), in travel order;
5. give each sentence the stop it talks about, then attach dates, leaders, topics and
   events by that sentence context; fill cities (named, venue, else capital, inferred);
6. record every highlighted span as a Mention, and a readable trip id.

Who travels is decided in `traveller.py`, the stops, their order, sentence context and dates
in `itinerary.py`; this module finds places and leaders per sentence and puts it together.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta

from dashboard.extraction import dates as dates_mod
from dashboard.extraction import places as places_mod
from dashboard.extraction.events import find_events
from dashboard.extraction.facts import SentenceFacts, StopDraft, met_objects_of
from dashboard.extraction.itinerary import (
    CONTINUES,
    GOES_ON,
    assign_context,
    attach_dates,
    build_stops,
    close_dates,
    date_anchor,
    order_stops,
    overview_sentences,
    sentence_stops,
    stop_for_place,
)
from dashboard.extraction.nlp import ModelUnavailable, parse_lines
from dashboard.extraction.parse_steps import (
    add_destinations,
    add_met_names,
    add_met_objects,
    hosts_first_person_trip,
    order_clause_dates,
    speaker_of_first_person,
)
from dashboard.extraction.people import (
    NON_NAME_WORDS,
    STAFF_TITLES,
    PersonMention,
    find_people,
)
from dashboard.extraction.places import PlaceMention, capital_of, country_name, find_places
from dashboard.extraction.sentences import Sentence, split_sentences
from dashboard.extraction.topics import find_topics
from dashboard.extraction.traveller import (
    Traveller,
    home_country,
    is_met,
    pick_traveller,
    someone_elses,
    traveller_of,
)
from dashboard.extraction.visits import VisitSignal, visit_signals
from dashboard.models import (
    Article,
    ArticleError,
    Event,
    Evidence,
    Leader,
    Mention,
    Stop,
    TopicTag,
    Trip,
)

CITY_MIN_POPULATION = 100_000


def _evidence(s: Sentence) -> Evidence:
    return Evidence(sentence=s.text, start=s.start, end=s.end)


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# ---------------------------------------------------------------- places in sentences

def _keep_city(mention: PlaceMention, text: str, article_codes: set[str],
               sentence_codes: set[str]) -> PlaceMention | None:
    """Choose among a city name's candidates, or drop it when it is probably not a place."""
    words = mention.text
    if words.isupper() and len(words) <= 3:
        return None
    cities = [p for p in mention.candidates if p.kind == "city"]
    if not cities:
        return mention
    following = text[mention.end:mention.end + 60]
    if re.match(r"\s+of\s+(?:the\s+)?[A-Z]", following):
        return None  # "the Temple of Heaven": part of a longer name, not the city Temple
    named_country = None
    if following.startswith(","):
        after = find_places(following, 1, len(following))
        if after and after[0].kind == "country" and not following[1:after[0].start].strip():
            named_country = after[0].place.code

    def score(place: places_mod.Place) -> float:
        # "Lima, Peru" settles it; otherwise capitals and big cities, nudged by countries
        # the sentence or the article names ("Washington" is the US capital even when
        # Britain is mentioned, not the English town)
        if place.code == named_country:
            return float("inf")
        weight = float(place.population or 1)
        if places_mod.normalize(place.name) != places_mod.normalize(words):
            # matched by an alternate name only: "Bethlehem" is not Belém in Brazil when
            # a town of that very name exists ("Kiev", with no such rival, is still Kyiv)
            weight *= 0.01
        if places_mod.is_capital(place):
            weight *= 100
        if place.code in sentence_codes:
            weight *= 10
        elif place.code in article_codes:
            weight *= 3
        return weight

    # on a tie (both in the named country), the entry of that exact name: "New Delhi" is New
    # Delhi, not Delhi (which also lists "New Delhi" among its alternate names)
    best = max(cities, key=lambda p: (score(p), places_mod.normalize(p.name)
                                      == places_mod.normalize(words)))
    confirmed = best.code == named_country or best.code in sentence_codes
    if best.population < CITY_MIN_POPULATION and not confirmed \
            and best.code not in article_codes:
        return None
    others = tuple(p for p in mention.candidates if p is not best)
    return PlaceMention(mention.text, mention.start, mention.end, (best, *others))


def _bare_mentions(fact: SentenceFacts, known: dict[str, PersonMention],
                   text: str) -> list[PersonMention]:
    """Surnames alone of people named in full elsewhere, where the sentence meets them."""
    spans = met_objects_of(fact, text)
    if not spans or not known:
        return []
    taken = [(p.start, p.end) for p in fact.people]
    found = []
    for a, b in spans:
        for surname, person in known.items():
            for match in re.finditer(rf"\b{re.escape(surname)}\b", text[a:b]):
                at = a + match.start()
                if any(x <= at < y for x, y in taken):
                    continue
                found.append(PersonMention(person.title, person.name, at, at + len(surname),
                                           at, person.nationality, None))
    return found


def own_country_here_of(person: PersonMention, fact: SentenceFacts,
                        drafts: list[StopDraft]) -> bool:
    return any(person.nationality and drafts[i].code == person.nationality
               for i in fact.stops)


def _shared_nationality(people: list[PersonMention], text: str) -> list[PersonMention]:
    """"Italian President Sergio Mattarella and Prime Minister Paolo Gentiloni": the second
    title shares the first one's nationality."""
    shared = list(people)
    for n in range(1, len(shared)):
        first, second = shared[n - 1], shared[n]
        if second.nationality is None and first.nationality and second.title and \
                re.fullmatch(r",?\s+and\s+", text[first.end:second.start]):
            shared[n] = PersonMention(second.title, second.name, second.start, second.end,
                                      second.name_start, first.nationality, None)
    return shared


def _names_a_place(person: PersonMention, raw: list[PlaceMention]) -> bool:
    """An untitled "name" that is a place ("met Buenos Aires officials") or starts with a
    country or demonym ("met Saudi Aramco executives")."""
    for mention in raw:
        if mention.end <= person.name_start or mention.start >= person.end:
            continue
        if mention.kind != "city" or (mention.start <= person.name_start
                                      and mention.end >= person.end):
            return True
    return False


def _sentence_places(text: str, raw: list[PlaceMention], people: list[PersonMention],
                     article_codes: set[str]) -> list[PlaceMention]:
    name_spans = [(p.name_start, p.end) for p in people]
    sentence_codes = {m.place.code for m in raw if m.kind in {"country", "demonym"}}
    kept = []
    for mention in raw:
        if any(a <= mention.start < b for a, b in name_spans):
            continue  # "Antony" in "Antony Blinken" is not the French town
        if mention.kind == "city":
            mention = _keep_city(mention, text, article_codes, sentence_codes)
            if mention is None:
                continue
        kept.append(mention)
    return kept


# ---------------------------------------------------------------- leaders

# "the crown prince received Erdogan", "he met the emir": a title standing for a person
TITLE_ONLY = re.compile(r"\b[Tt]he\s+(?P<title>(?:crown\s+prince|emir|king|queen|sultan|"
                        r"emperor|pope|chancellor|prime\s+minister|premier|president|"
                        r"taoiseach))\b(?!\s+(?-i:[A-Z])|\s+of\b)")
# titles too common to stand for one person
GENERIC_TITLES = {"minister", "leader", "chief", "counterpart", "top diplomat", "secretary",
                  "foreign minister", "spokesperson", "spokesman", "ambassador"}

def _leaders(facts: list[SentenceFacts], drafts: list[StopDraft], traveller: Traveller,
             home: str | None, text: str) -> dict[str, int]:
    """Leaders met, attached to stops. Returns surname -> stop for sentence context."""
    leader_stop: dict[str, int] = {}
    for draft in drafts:
        draft.leaders.clear()
    own_surnames = {traveller.surname} if traveller.surname else set()
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

    def full_form(person: PersonMention) -> PersonMention:
        words = person.name.split()
        fuller = longest.get(person.surname)
        if len(words) == 1 and fuller is not None and len(fuller.name.split()) > 1 \
                and fuller.title.lower() == person.title.lower():
            return PersonMention(person.title, fuller.name, person.start, person.end,
                                 person.name_start, person.nationality or fuller.nationality,
                                 person.nationality_text)
        same = by_first.get(words[0], []) if len(words) == 1 else []
        if len(same) == 1 and same[0].surname != person.surname:
            full = same[0]
            return PersonMention(full.title, full.name, person.start, person.end,
                                 person.name_start, full.nationality, full.nationality_text)
        return person

    def by_title_only(fact: SentenceFacts) -> list[PersonMention]:
        found = []
        for match in TITLE_ONLY.finditer(text, fact.sentence.start, fact.sentence.end):
            same = by_title.get(" ".join(match.group("title").lower().split()), [])
            if len(same) == 1:
                full = same[0]
                found.append(PersonMention(full.title, full.name, match.start(), match.end(),
                                           match.start("title"), full.nationality, None))
        return found

    for fact in facts:
        n = fact.sentence.index
        if fact.sentence.clutter or fact.earlier_trip:
            continue
        for person in [full_form(p) for p in fact.people] + _bare_mentions(fact, known, text) \
                + by_title_only(fact):
            if person.surname in own_surnames or person.title.lower() in STAFF_TITLES:
                continue
            if person.nationality is not None and person.nationality == home:
                continue
            if text[person.end:person.end + 2] in {"'s", "’s"}:
                continue  # "Macron's diplomatic adviser Emmanuel Bonne": met the adviser
            met = is_met(person, fact, traveller.surname, text)
            nationality_stop = None
            if person.nationality:
                nationality_stop = next(
                    (i for i, d in enumerate(drafts) if d.code == person.nationality), None)
            if not met:
                continue
            if person.title.lower() in {"secretary", "senator", "governor", "mayor"} and \
                    not person.nationality:
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
                                    r"[\s,]*(?:(?:on|late|early)\s+\w+\s+)?(?:in|at)\s+"
                                    r"(?:the\s+)?", text[person.end:sig.position])), None)
            if right_after is not None:
                closest = right_after
            located = stop_for_place(
                closest.city or places_mod.Place("country", closest.code, ""),
                drafts) if closest else None
            # else a stop of the leader's country that the sentence names ("received by
            # Chinese President Xi at the Great Hall of the People": Beijing, not Shanghai);
            # else the one stop the sentence's places name; else the leader's country's first
            # ... counting only places in the person's own clause: "met Zelenskiy on Sunday,
            # two days after she held talks with Putin at the Kremlin" is not at the Kremlin
            other_clause = [sig for sig in fact.signals if (
                re.search(r"\bthen\b", text[sig.end:person.start]) if sig.end <= person.start
                else MOVES_ON.search(text, person.end, sig.position))]
            named_here = list(dict.fromkeys(
                stop_for_place(sig.city or places_mod.Place("country", sig.code, ""), drafts)
                for sig in fact.signals if sig.strength != "leader" and sig not in other_clause))
            named_here = [i for i in named_here if i is not None]
            if other_clause and not named_here and len(fact.stops) == 1 and \
                    not own_country_here_of(person, fact, drafts):
                continue  # the sentence's one stop is another clause's place
            own_country_here = [i for i in fact.stops if person.nationality
                                and drafts[i].code == person.nationality]
            if located is not None:
                target = located
            elif own_country_here:
                target = own_country_here[0]
            elif len(named_here) == 1:
                target = named_here[0]
            elif nationality_stop is not None:
                target = nationality_stop
            else:
                target = fact.stops[0] if len(fact.stops) == 1 else fact.context
            if target is None:
                continue
            key = person.surname
            existing = drafts[target].leaders.get(key)
            if existing is not None and person.name.split()[0] == person.surname and \
                    len(person.name.split()) > 1 and len(existing[0].name.split()) > 1 and \
                    person.name != existing[0].name:
                # two people of one family name: "Nguyen Xuan Phuc and Nguyen Phu Trong"
                key = person.name
                existing = drafts[target].leaders.get(key)
            if existing is None or len(person.name) > len(existing[0].name):
                drafts[target].leaders[key] = (person, n)
            leader_stop[key] = target
    return leader_stop


# ---------------------------------------------------------------- the whole trip

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


def _fill_cities(drafts: list[StopDraft], active: list[SentenceFacts]) -> None:
    """Cities for stops whose travel cues named none: a venue in the text ("Casa Narino
    palace" -> Bogotá), else a city of the stop's country named in a sentence about the stop
    ("the Vilnius summit"). The capital fallback comes later, marked inferred."""
    for fact in active:
        for mention in fact.places:
            if mention.kind != "venue":
                continue
            target = stop_for_place(mention.place, drafts)
            if target is not None and drafts[target].city is None and mention.place.city:
                venue = mention.place
                drafts[target].city = places_mod.Place("city", venue.code, venue.city,
                                                       venue.lat, venue.lon)
                drafts[target].city_basis = f"venue: {mention.text}"
                drafts[target].city_evidence.append(fact.sentence.index)

    for n, draft in enumerate(drafts):
        if draft.city is not None:
            continue
        for fact in active:
            if n not in fact.stops and fact.context != n:
                continue
            named = next((m for m in fact.places if m.kind == "city"
                          and m.place.code == draft.code), None)
            if named is not None:
                draft.city = named.place
                draft.city_basis = f"named: {named.text}"
                draft.city_evidence.append(fact.sentence.index)
                break


SAME_DAY = re.compile(r"\b(?:(?:later|earlier)\s+(?:that|the\s+same)\s+day|the\s+same\s+day|"
                      r"the\s+same\s+(?:morning|afternoon|evening|night)|"
                      r"(?:later\s+)?that\s+(?:morning|afternoon|evening|night))\b",
                      re.IGNORECASE)
NEXT_DAY = re.compile(r"\b(?:the\s+(?:next|following)\s+(?:day|morning)|the\s+day\s+after)\b",
                      re.IGNORECASE)
TODAY_WORDS = re.compile(r"^(?:today|tonight|this\s+\w+)$", re.IGNORECASE)
# "for a two-day visit": the stated day opens a stay of that length
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
STAY_LENGTH = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|[2-7])[- ]day\s+(?:(?:state|official|working|"
    r"international|\w+'s)\s+)*(?:visit|stay|conference|summit|meeting|forum|talks)\b",
    re.IGNORECASE)
ENDING = re.compile(r"\b(?:end(?:s|ed|ing)?|wrap\w*|conclud\w*|clos(?:e|es|ed|ing)|"
                    r"last|final)\b", re.IGNORECASE)


# An appositive or relative clause about a person, up to the next comma or full stop
BIOGRAPHY = re.compile(r",\s+(?:(?:a|an|the)\s+|who\s|whose\s)[^,;.]*")
MOVES_ON = re.compile(r"\b(?:then|before|after)\b", re.IGNORECASE)
SIDELINES = re.compile(r"\bon\s+the\s+sidelines?\b|\bsidelines?\s+of\b", re.IGNORECASE)
UNTITLED_TRAVELLER = re.compile(
    r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\s+(?:has\s+|had\s+|also\s+)*"
    r"(?:visited|travell?ed|went|flew|toured|goes|will\s+(?:visit|travel))\b")
EARLIER_TRIP = re.compile(
    r"\b(?:last\s+(?:month|year)|earlier\s+this\s+year|(?:months|years)\s+ago|"
    r"in\s+(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b(?!\s*\d)|"
    r"in\s+(?:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+)?(?P<year>(?:19|20)\d{2})\b)", re.IGNORECASE)


def _earlier_trip(fact: SentenceFacts, position: int, text: str, anchor) -> bool:
    """The clause after `position` dates what it says to an earlier trip: "(met Biden) in
    Washington in February" in an April story, "a state visit to Washington last month"."""
    s = fact.sentence
    # "In July 2022 he travelled to Cameroon": a time that opens the sentence governs it
    opening = EARLIER_TRIP.match(text, s.start)
    if opening and opening.end() <= position and _is_earlier(opening, anchor, s.start):
        return True
    for match in EARLIER_TRIP.finditer(text, position, s.end):
        clause = text[position:match.start()]
        if ";" in clause or (position > s.start and len(clause) > 80):
            continue
        if re.search(r"\bsince\b[^,;]{0,40}$", text[max(s.start, match.start() - 50):
                                                    match.start()]):
            continue  # "his first trip since his re-election in May": a reference point
        if _is_earlier(match, anchor, s.start):
            return True
    return False


def _is_earlier(match: re.Match, anchor, floor: int = 0) -> bool:
    """The matched time lies before the story, or months after it in a future clause."""
    month = match.group("month")
    if match.group("year"):
        # "Blinken last visited Kyiv in April 2022" in a 2023 story
        return anchor is not None and int(match.group("year")) < anchor.year
    if month is None:
        return True
    if anchor is not None:
        back = (anchor.month - dates_mod.month_number(month)) % 12
        # "expected to travel to Laos in September" in a May story: another, later trip
        # the nearest verb before the month says the tense ("will meet X, who came to power
        # in March" is past)
        before = match.string[max(floor, match.start() - 80):match.start()]
        future = [m.end() for m in dates_mod.FUTURE_MARKERS.finditer(before)]
        past = [m.end() for m in dates_mod.PAST_MARKERS.finditer(before)]
        later = 2 <= 12 - back <= 5 and bool(future) and max(future) > max(past, default=-1)
        return 1 <= back <= 6 or later
    return False


def _narrative_dates(facts: list[SentenceFacts], text: str, published) -> None:
    """Dates the narrative implies: "the next day" / "later that day" after a dated sentence;
    "today" in a readout under its own dated heading ("...: 19 October 2023"); "arrived on
    Thursday for a two-day visit" is a two-day range."""
    last_day = None
    section_day = None
    for fact in facts:
        s = fact.sentence
        if s.heading:
            stated = [d for d in fact.dates if d.first and not d.year_inferred
                      and not d.relative and not d.is_range]
            if stated:
                section_day = stated[-1].first
            continue
        if section_day is not None and published is not None and section_day != published:
            shift = section_day - published
            fact.dates = [dates_mod.DateMention(d.text, d.start, d.end, d.first + shift,
                                                d.last + shift, True, False, d.reporting)
                          if TODAY_WORDS.match(d.text) and d.first else d for d in fact.dates]
        if not fact.dates and last_day is not None:
            for pattern, days in ((SAME_DAY, 0), (NEXT_DAY, 1)):
                match = pattern.search(text, s.start, s.end)
                if match:
                    day = last_day + timedelta(days=days)
                    fact.dates = [dates_mod.DateMention(match.group(0), match.start(),
                                                        match.end(), day, day, True)]
                    break
        length = STAY_LENGTH.search(text, s.start, s.end)
        singles = [d for d in fact.dates if d.first and not d.is_range and not d.reporting]
        if length and len(singles) == 1 and not ENDING.search(text, s.start, s.end):
            d = singles[0]
            # "on Thursday for a two-day visit", "a two-day conference, starting on Wednesday"
            opens = (d.end <= length.start() and re.fullmatch(
                r"[^.;]{0,40}?\b(?:for|on)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?",
                text[d.end:length.start()])) or (
                length.end() <= d.start and re.fullmatch(
                    r"[^.;]{0,60}?\b(?:starting|beginning|opening)\s+(?:on\s+)?",
                    text[length.end():d.start]))
            if opens:
                fact.stay_days = NUMBER_WORDS.get(length.group("n").lower()) or int(
                    length.group("n"))
        dated = [d for d in fact.dates if d.first and not d.reporting]
        if dated:
            last_day = dated[-1].last if not dated[-1].is_range else dated[-1].first
            if dated[-1].is_range:
                last_day = None  # "the next day" after a range is ambiguous


# Leaving the stop before, dated: "flew directly from Riyadh to Israel on Monday", "(on
# Wednesday he met ...) before leaving for Seoul". A bare "will then travel to Y on D" leaves
# the day of departure open, as previews do.
BEFORE_MOVING = re.compile(r"\bbefore\s+(?:leav|head|travel|depart|fly|flying|go|mov|cross|"
                           r"continu)\w*\b[^.;:]{0,40}$", re.IGNORECASE)
LEAVING = re.compile(r"\b(?:(?:fl(?:y|ies|ew)|travel\w*|head\w*|depart\w*|drove|went)\s+"
                     r"(?:\w+\s+)?from|left|leaves|leaving|(?:flew|flies)\s+out\s+of)\s+"
                     r"(?:the\s+)?$", re.IGNORECASE)


def _close_on_departure(drafts: list[StopDraft], active: list[SentenceFacts], text: str,
                        inferred: list[bool]) -> None:
    """The day the traveller moves on to the next stop is the last day at the stop before,
    when the text dates the move ("flew from Riyadh to Israel on Monday")."""
    by_index = {f.sentence.index: f for f in active}
    for k in range(1, len(drafts)):
        before, draft = drafts[k - 1], drafts[k]
        if draft.start is None or before.start is None or before.start > draft.start or (
                before.end is not None and before.end >= draft.start):
            continue
        for sig in draft.signals:
            fact = by_index.get(sig.sentence)
            if sig.strength != "cue" or fact is None:
                continue
            left_before = any(
                m.start < sig.position and stop_for_place(m.place, drafts) == k - 1
                and LEAVING.search(text, max(fact.sentence.start, m.start - 40), m.start)
                for m in fact.places)
            if not left_before and not BEFORE_MOVING.search(
                    text, max(fact.sentence.start, sig.position - 60), sig.position):
                continue
            if any(d.first == draft.start and not d.is_range for d in fact.dates):
                before.end = draft.start
                if not before.date_sentences or sig.sentence not in before.date_sentences:
                    before.date_sentences.append(sig.sentence)
                break


def _headline(sentences: list[Sentence]) -> str | None:
    """Without a Title header, the first heading line of the body that is not a date."""
    for s in sentences:
        if s.clutter or not s.heading or len(s.text.split()) < 3:
            continue
        if dates_mod.DATE_PATTERN.fullmatch(s.text.strip()):
            continue
        return s.text.strip()
    return None


def extract_trip(article: Article) -> Trip:
    """The trip an article describes. Raises ArticleError when no visited place is found.

    Any other failure is a bug in a rule; it is reported as an ArticleError naming the file
    too, so one odd article never takes the other articles (or the dashboard) down with it.
    """
    try:
        return _extract_trip(article)
    except (ArticleError, ModelUnavailable):
        raise  # (a missing model is the setup's fault, not this article's: said once)
    except Exception as exc:  # a safety net; tests exercise it with a monkeypatched rule
        raise ArticleError(f"{article.path}: the extractor failed on this article "
                           f"({type(exc).__name__}: {exc})") from exc


def _extract_trip(article: Article) -> Trip:
    text = article.text
    sentences = split_sentences(text, article.body_start, article.title)
    if not article.title:
        article = article.model_copy(update={"title": _headline(sentences)})
    facts = [SentenceFacts(s) for s in sentences]
    active = [f for f in facts if not f.sentence.clutter]

    # nationality map first: demonyms and country names right before titles
    article_codes: set[str] = set()
    raw_places: dict[int, list[PlaceMention]] = {}
    for fact in active:
        found = find_places(text, fact.sentence.start, fact.sentence.end)
        raw_places[fact.sentence.index] = found
        article_codes.update(m.place.code for m in found if m.kind in {"country", "demonym"})
    for fact in active:
        nationality_at = {m.end: (m.place.code, m.text) for m in raw_places[fact.sentence.index]
                          if m.kind in {"country", "demonym"}}
        country_at = {m.start: (m.place.code, m.end) for m in raw_places[fact.sentence.index]
                      if m.kind == "country"}
        fact.people = [p for p in find_people(text, fact.sentence.start, fact.sentence.end,
                                              nationality_at, country_at)
                       if p.title or not _names_a_place(p, raw_places[fact.sentence.index])]
        fact.people = _shared_nationality(fact.people, text)
        fact.places = _sentence_places(text, raw_places[fact.sentence.index], fact.people,
                                       article_codes)
        fact.signals = visit_signals(fact.sentence.index, text, fact.sentence.start,
                                     fact.sentence.end, fact.places, fact.sentence.heading)
    # the parse: one pass of the language model over the body, then the grammar steps
    parsed = parse_lines(text, article.body_start)
    named = {p.surname for f in active for p in f.people if p.title}
    for fact in active:
        fact.parse = parsed.span(fact.sentence.start, fact.sentence.end)
        add_met_objects(fact, text)
        add_met_names(fact, text, named)
        add_destinations(fact, text)
    traveller = pick_traveller(active, text)
    speaker = speaker_of_first_person(active, article.title, text)
    if speaker is not None and speaker.surname != traveller.surname and \
            hosts_first_person_trip(active, traveller, text):
        traveller = traveller_of(speaker, active)
    home, home_certain = home_country(traveller, active, text, article.body_start)

    # captions count here ("FILE - ... Oct. 13, 2017"), teasers after the article do not
    anchor = date_anchor(article, [f for f in facts if "after the end" not in
                                    f.sentence.clutter_reason and "teasers" not in
                                    f.sentence.clutter_reason])
    for fact in active:
        fact.dates = dates_mod.find_dates(text, fact.sentence.start, fact.sentence.end,
                                          anchor=article.published, year_anchor=anchor)
        order_clause_dates(fact)
    _narrative_dates(active, text, article.published)

    # "Russian Foreign Minister Sergey Lavrov visited Egypt": someone else's travel
    others = {p.surname for f in active for p in f.people} - {traveller.surname}
    # "His predecessor Angela Merkel visited China": an untitled name travelling
    for fact in active:
        for match in UNTITLED_TRAVELLER.finditer(text, fact.sentence.start, fact.sentence.end):
            name = match.group("name")
            if any(word in NON_NAME_WORDS for word in name.split()):
                continue  # "The Prime Minister will travel": a title, maybe the traveller's
            if not find_places(name) and (traveller.surname or "") not in name.split():
                others.add(name.split()[-1])
    for fact in active:
        theirs = [sig for sig in fact.signals
                  if someone_elses(sig, fact, others, traveller.surname, text)]
        fact.others_travel = bool(theirs) and len(theirs) == len(fact.signals)
        fact.signals = [sig for sig in fact.signals if sig not in theirs
                        and not _earlier_trip(fact, sig.end, text, anchor)]

    # meetings with named foreign leaders are visit evidence too, unless the sentence says
    # where the meeting is ("in Berlin ... meet with Israeli Prime Minister Netanyahu")
    line, placed_in = None, set()
    # a foreign dateline ("VIENNA (Reuters) - ...") places the traveller for the whole story,
    # so a leader of another country met later on no stated day is met there ("talks with
    # Iranian Foreign Minister Zarif" in Vienna), while the dateline country's own leader
    # confirms it, and a dated meeting ("set out on Monday to hold talks with ...") may be
    # another leg
    datelined: set[str] = set()
    for fact in active:
        # a sentence about an earlier trip and nothing else: its meetings are not this trip's
        fact.earlier_trip = not fact.signals and _earlier_trip(fact, fact.sentence.start, text,
                                                               anchor)
        if fact.sentence.line != line:
            # a new paragraph goes on from the same place when it opens like "He ...",
            # "The following day he ..."
            if not (CONTINUES.match(fact.sentence.text)
                    or GOES_ON.match(fact.sentence.text)):
                placed_in = set()
            line = fact.sentence.line
        datelined.update(sig.code for sig in fact.signals if sig.strength == "dateline")
        if fact.signals or fact.earlier_trip:
            # one destination, not a listed itinerary ("a tour that includes X, Y and Z")
            placed_in.update(sig.code for sig in fact.signals if not fact.earlier_trip
                             and sig.list_size == 1 and sig.strength in {"cue", "locative"})
            continue
        if placed_in or SIDELINES.search(fact.sentence.text):
            # "Trump landed in Riyadh ... On Sunday he met Egyptian President el-Sisi", "talks
            # on the sidelines with Japanese Prime Minister Abe": met where the traveller is
            continue
        for person in fact.people:
            if person.nationality and person.nationality != home and \
                    (not datelined or person.nationality in datelined or fact.dates) and \
                    person.surname != traveller.surname and \
                    person.title.lower() not in STAFF_TITLES and \
                    is_met(person, fact, traveller.surname, text):
                demonym_end = person.start + len(person.nationality_text or "")
                fact.signals.append(VisitSignal(person.nationality, None, fact.sentence.index,
                                                person.start, demonym_end, "leader",
                                                text=person.nationality_text or ""))

    drafts = build_stops(active, home, home_certain)
    if not drafts:
        raise ArticleError(f"{article.path}: no visited place found (no sentence says the "
                           "traveller goes to a named country or city)")
    lead = next((f.sentence.index for f in active if not f.sentence.heading), None)
    overview = overview_sentences(active, lead)
    drafts = order_stops(drafts, overview)

    leader_stop: dict[str, int] = {}
    for _ in range(2):  # leaders refine sentence context, which places more leaders
        for fact in active:
            fact.stops = sentence_stops(fact, drafts, leader_stop, text)
        assign_context(active, traveller.surname)
        leader_stop = _leaders(active, drafts, traveller, home, text)

    trip_start, trip_end, trip_sentences, used_dates = attach_dates(
        active, drafts, overview, article.published or anchor)
    # dates may change the order (a stop named first but dated last)
    order_before = list(drafts)
    drafts = order_stops(drafts, overview)
    if drafts != order_before:
        remap = {order_before.index(d): n for n, d in enumerate(drafts)}
        for fact in active:
            fact.stops = [remap[s] for s in fact.stops]
            fact.context = remap.get(fact.context) if fact.context is not None else None
        leader_stop = {k: remap[v] for k, v in leader_stop.items()}
        used_dates = [(remap.get(i, i) if i >= 0 else i, d) for i, d in used_dates]
    inferred = close_dates(drafts, trip_start, trip_end)
    # a date taken from the trip's overall range cites the sentence that gave the range
    for n in {0, len(drafts) - 1}:
        if inferred[n]:
            drafts[n].date_sentences.extend(
                i for i in trip_sentences if i not in drafts[n].date_sentences)

    _close_on_departure(drafts, active, text, inferred)
    _fill_cities(drafts, active)

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
            Leader(name=person.display, title=person.title,
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
            mentions.append(Mention(kind="leader", value=person.display,
                                    text=text[person.name_start:person.end],
                                    start=person.name_start, end=person.end, stop_index=n))

    # topics: by sentence context; agenda-wide sentences belong to the trip
    trip_topics: list[TopicTag] = []
    events: list[Event] = []
    first_offset = min((f.sentence.start for f in active), default=article.body_start)
    body_topics = find_topics(text, first_offset, len(text), first_only=False)
    for fact in active:
        s = fact.sentence
        target = fact.context if not fact.trip_scope else None
        seen_here: set[str] = set()
        # "Boric, a former student protest leader", "Castillo, ... who is the son of peasant
        # farmers": a person's biography is not what is on the agenda
        biography = [(m.start(), m.end()) for p in fact.people
                     if (m := BIOGRAPHY.match(text, p.end, s.end))]
        for hit in body_topics:
            if hit.start < s.start or hit.end > s.end or hit.slug in seen_here:
                continue
            if any(a <= hit.start < b for a, b in biography):
                continue
            seen_here.add(hit.slug)
            tag = TopicTag(slug=hit.slug, label=hit.label, phrase=hit.phrase,
                           evidence=_evidence(s))
            if target is None:
                if all(t.slug != hit.slug for t in trip_topics):
                    trip_topics.append(tag)
            elif all(t.slug != hit.slug for t in stops[target].topics):
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
            met = [p.display for p, sent in draft.leaders.values() if sent == s.index]
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
