"""Article -> Trip: the whole extraction, step by step.

1. split the body into sentences, flag page clutter;
2. find places, people, dates and topics in every sentence that is not clutter;
3. pick the traveller and their home country;
4. collect visit signals and build the stops (one per country, or per city where several
   cities of one country are travel destinations), in travel order;
5. give each sentence the stop it talks about, then attach dates, leaders, topics and
   events by that sentence context; fill cities (named, venue, else capital, inferred);
6. record every highlighted span as a Mention, and a readable trip id.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from dashboard.extraction import dates as dates_mod
from dashboard.extraction import places as places_mod
from dashboard.extraction.events import find_events
from dashboard.extraction.people import (
    STAFF_TITLES,
    TRAVELLER_TITLES,
    PersonMention,
    find_people,
    meeting_objects,
)
from dashboard.extraction.places import PlaceMention, capital_of, country_name, find_places
from dashboard.extraction.sentences import Sentence, split_sentences
from dashboard.extraction.topics import find_topics
from dashboard.extraction.visits import VisitSignal, region_targets, visit_signals
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
TRIP_SCOPE = re.compile(r"\b(?:agenda|trip|tour|journey|travels|itinerary|the\s+region|"
                        r"throughout|six-country|five-country|four-country|three-country|"
                        r"two-country|\w+-nation)\b", re.IGNORECASE)
DEMONYM_AS_REFERENCE = re.compile(
    r"^\s*(?:President|Prime|Foreign|Vice|King|Queen|government|officials|counterparts?|"
    r"leaders?|authorities|minister|president|prime|foreign|side|delegation|people)\b")
TRAVEL_DATE_WINDOW = timedelta(days=120)


@dataclass
class SentenceFacts:
    sentence: Sentence
    places: list[PlaceMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    dates: list[dates_mod.DateMention] = field(default_factory=list)
    signals: list[VisitSignal] = field(default_factory=list)
    stops: list[int] = field(default_factory=list)  # stops the sentence names
    context: int | None = None  # the stop it is about (named or carried over)
    trip_scope: bool = False


@dataclass
class StopDraft:
    code: str
    city: places_mod.Place | None
    signals: list[VisitSignal] = field(default_factory=list)
    city_basis: str = ""
    city_evidence: list[int] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    start_stated: bool = False
    end_stated: bool = False
    date_sentences: list[int] = field(default_factory=list)
    leaders: dict[str, tuple[PersonMention, int]] = field(default_factory=dict)


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
        if places_mod.is_capital(place):
            weight *= 100
        if place.code in sentence_codes:
            weight *= 10
        elif place.code in article_codes:
            weight *= 3
        return weight

    best = max(cities, key=score)
    confirmed = best.code == named_country or best.code in sentence_codes
    if best.population < CITY_MIN_POPULATION and not confirmed \
            and best.code not in article_codes:
        return None
    others = tuple(p for p in mention.candidates if p is not best)
    return PlaceMention(mention.text, mention.start, mention.end, (best, *others))


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


# ---------------------------------------------------------------- traveller

@dataclass
class Traveller:
    name: str | None
    surname: str | None
    person: PersonMention | None
    sentence: Sentence | None
    home: str | None


SUBJECT_VERB = (r"(?:will|would|is|was|has|had|met|meets|said|says|travel\w*|arriv\w*|depart\w*|"
                r"visit\w*|continu\w*|head\w*|wrap\w*|made|makes|flew|flies|left|leaves|"
                r"landed|lands|criticis\w*|criticiz\w*|urged|urges|called|told|held|holds|"
                r"spoke|speaks|began|begins|embark\w*|kick\w*|toured|tours|stopped|"
                r"attend\w*|plans|hopes|wants|discuss\w*|praised|announced)\b")
NOT_SUBJECTS = {"He", "She", "They", "It", "The", "This", "That", "There", "We", "I", "On",
                "In", "At", "After", "Before", "During", "While", "Then", "But", "And", "A",
                "An", "His", "Her", "Their", "Our", "Its", "When", "Secretary", "President"}


def _pick_traveller(facts: list[SentenceFacts], text: str) -> Traveller:
    """The person the trip is about: the titled person who is most often the subject of the
    sentences ("Blinken met", "Secretary Blinken will travel"), never one being met."""
    scores: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    best_form: dict[str, PersonMention] = {}
    where: dict[str, Sentence] = {}
    subject_after = re.compile(r"[\s,]+(?:[\w-]+\s+){0,2}?" + SUBJECT_VERB)
    met_spans: list[tuple[int, int]] = []
    for n, fact in enumerate(facts):
        s = fact.sentence
        spans = meeting_objects(text, s.start, s.end)
        met_spans.extend(spans)
        for person in fact.people:
            title = person.title.lower()
            if title in STAFF_TITLES:
                continue
            key = person.surname
            weight = 1 + (title in TRAVELLER_TITLES)
            if any(a <= person.start < b for a, b in spans):
                weight -= 5
            elif subject_after.match(text, person.end, s.end):
                weight += 3
            if s.heading:
                weight += 1
            scores[key] += weight
            first_seen.setdefault(key, n)
            previous = best_form.get(key)
            if previous is None or len(person.name) > len(previous.name) or (
                    previous.nationality is None and person.nationality is not None):
                best_form[key] = person
                where[key] = s
    # bare surnames as subjects ("Blinken said", "Blinken met") count too
    for key in list(scores):
        for match in re.finditer(rf"\b{re.escape(key)}\b", text):
            if any(a <= match.start() < b for a, b in met_spans):
                continue
            if subject_after.match(text, match.end()):
                scores[key] += 1
    # the one who travels: named before the destination in sentences that send someone
    # somewhere ("Pence will first stop in Tokyo"), not the one discussed in passing
    for fact in facts:
        if not fact.signals:
            continue
        first_place = min(sig.position for sig in fact.signals)
        head = text[fact.sentence.start:first_place]
        for key in list(scores):
            match = re.search(rf"\b{re.escape(key)}\b", head)
            if match and not any(a <= fact.sentence.start + match.start() < b
                                 for a, b in met_spans):
                scores[key] += 2
    candidates = [k for k in scores if scores[k] > 0]
    if not candidates:
        return _untitled_traveller(facts, text)
    surname = max(candidates, key=lambda k: (scores[k], -first_seen[k]))
    person = best_form[surname]
    name = person.name if len(person.name.split()) > 1 else f"{person.title} {person.name}"
    if " " in name and re.search(r"\s[A-Z]\.\s", name):
        name = re.sub(r"\s[A-Z]\.\s", " ", name)  # "Antony J. Blinken" -> "Antony Blinken"
    home = None
    for fact in facts:
        for p in fact.people:
            if p.surname == surname and p.nationality:
                home = p.nationality
                break
        if home:
            break
    return Traveller(name, surname, person, where[surname], home)


def _untitled_traveller(facts: list[SentenceFacts], text: str) -> Traveller:
    """No titled traveller: the capitalised word most often opening a sentence as its
    subject ("Blinken criticised ...")."""
    counts: Counter[str] = Counter()
    where: dict[str, Sentence] = {}
    pattern = re.compile(r"([A-Z][\w'’-]+)\s+" + SUBJECT_VERB)
    for fact in facts:
        match = pattern.match(fact.sentence.text)
        if not match or match.group(1) in NOT_SUBJECTS:
            continue
        word = match.group(1)
        if any(m.start <= fact.sentence.start < m.end for m in fact.places):
            continue
        counts[word] += 1
        where.setdefault(word, fact.sentence)
    if not counts:
        return Traveller(None, None, None, None, None)
    word = counts.most_common(1)[0][0]
    return Traveller(word, word, None, where[word], None)


OWN_TRAVEL = re.compile(r"\b(?:visit(?:s|ed)|travel(?:s|l?ed)|went|toured|arrived|flew|"
                        r"has\s+been|had\s+been)\b", re.IGNORECASE)
PRONOUN = re.compile(r"\b(?:he|she|him|her|his|they|them|their)\b", re.IGNORECASE)


def _someone_elses(sig: VisitSignal, fact: SentenceFacts, others: set[str],
                   traveller: str | None, text: str) -> bool:
    """True when the place is where another person went: the last actor named before it is
    not the traveller, no pronoun stands for the traveller in between, and that person is not
    travelling with them ("Tillerson and Trump will travel to ...")."""
    if sig.strength in {"leader", "dateline"} or not others:
        return False
    before = text[fact.sentence.start:sig.position]
    met = meeting_objects(text, fact.sentence.start, fact.sentence.end)
    actors = [(m.end(), m.group(0), fact.sentence.start + m.start()) for name in others if name
              for m in re.finditer(rf"\b{re.escape(name)}\b", before)]
    if not actors:
        return False
    last_end, last_name, last_at = max(actors)
    if any(a <= last_at < b for a, b in met):
        # someone the traveller meets: "meet Castillo, a former union leader, in Peru" is
        # where they meet; only "Kagame, who visited France" is Kagame's own travel
        return bool(OWN_TRAVEL.search(before[last_end:]))
    if traveller and re.search(rf"\b{re.escape(traveller)}\b", before[last_end:]):
        return False
    if PRONOUN.search(before[last_end:]):
        return False
    together = traveller and re.search(
        rf"\b{re.escape(traveller)}\b[^.;]{{0,40}}\band\s+"
        rf"(?:[A-Z][\w.'’-]*\s+){{0,4}}{re.escape(last_name)}\b", before)
    return not together


def _is_met(person: PersonMention, fact: SentenceFacts, traveller: str | None,
            text: str) -> bool:
    """The person is someone the traveller meets: the object of "meet with ...", "talks
    with ...", or the subject of "... met (with) / hosted / welcomed <traveller>"."""
    spans = meeting_objects(text, fact.sentence.start, fact.sentence.end)
    if any(a <= person.start < b for a, b in spans):
        return True
    if not traveller:
        return False
    after = text[person.end:fact.sentence.end]
    return bool(re.match(
        r"[^.;]{0,40}?\b(?:met|meets|will\s+meet|hosted|hosts|will\s+host|welcomed|welcomes|"
        r"will\s+welcome|received|receives|will\s+receive|held\s+talks\s+with)\s+(?:with\s+)?"
        rf"(?:[A-Z][\w.'’-]*\s+){{0,5}}{re.escape(traveller)}\b", after))


def _home_country(traveller: Traveller, facts: list[SentenceFacts], text: str,
                  body_start: int) -> tuple[str | None, bool]:
    """The traveller's own country, and whether the text says so of the traveller
    ("U.S. Secretary of State ...") rather than merely naming its institutions ("the White
    House", which a visiting leader may well go to)."""
    if traveller.home:
        return traveller.home, True
    votes: Counter[str] = Counter()
    own_office: set[str] = set()
    for code, _a, _b in places_mod.home_marker_country(text[body_start:]):
        votes[code] += 1
    title = traveller.person.title if traveller.person else None
    for fact in facts:
        # "a British Prime Minister" with no other name after it: the traveller's own office
        if not title:
            continue
        for mention in fact.places:
            if mention.kind in {"demonym", "country"} and text.startswith(
                    title, mention.end + 1):
                after = text[mention.end + 1 + len(title):mention.end + 40 + len(title)]
                named = re.match(r"\s+[A-Z]", after)
                theirs = traveller.surname and re.match(
                    r"\s+(?:(?:[A-Z][\w'’-]*|[A-Z]\.)\s+){0,3}"
                    + re.escape(traveller.surname) + r"\b", after)
                if not named or theirs:
                    votes[mention.place.code] += 2
                    own_office.add(mention.place.code)
    if votes:
        code = votes.most_common(1)[0][0]
        return code, code in own_office
    return None, False


# ---------------------------------------------------------------- stops

# Signals that only corroborate: a dateline alone says where the statement was issued.
WEAK_SIGNALS = {"dateline"}


def _build_stops(facts: list[SentenceFacts], home: str | None,
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


def _order_key(draft: StopDraft, overview: set[int]) -> tuple:
    detail = [s for s in draft.signals if s.sentence not in overview]
    if any(s.first for s in draft.signals):
        first = (0,)
    elif any(s.last for s in draft.signals):
        first = (2,)
    else:
        first = (1,)
    chosen = min(detail or draft.signals, key=lambda s: (s.sentence, s.list_index))
    return (*first, 0 if detail else 1, chosen.sentence, chosen.list_index)


def _overview_sentences(facts: list[SentenceFacts], lead: int | None) -> set[int]:
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


def _order_stops(drafts: list[StopDraft], overview: set[int]) -> list[StopDraft]:
    drafts = sorted(drafts, key=lambda d: _order_key(d, overview))
    dated = [n for n, d in enumerate(drafts) if d.start is not None]
    chronological = sorted(dated, key=lambda n: drafts[n].start)
    if dated != chronological:
        reordered = list(drafts)
        for slot, n in zip(dated, chronological, strict=True):
            reordered[slot] = drafts[n]
        drafts = reordered
    return drafts


# ---------------------------------------------------------------- sentence context

def _sentence_stops(fact: SentenceFacts, drafts: list[StopDraft],
                    leader_stop: dict[str, int], text: str) -> list[int]:
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
        add(_stop_for_place(place, drafts))
    for surname, n in leader_stop.items():
        if re.search(rf"\b{re.escape(surname)}\b", fact.sentence.text):
            add(n)
    return found


def _stop_for_place(place: places_mod.Place, drafts: list[StopDraft]) -> int | None:
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


def _assign_context(facts: list[SentenceFacts]) -> None:
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

def _date_anchor(article: Article, facts: list[SentenceFacts]) -> date | None:
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


def _nearest_stop(fact: SentenceFacts, d: dates_mod.DateMention, drafts: list[StopDraft]
                  ) -> tuple[int, int, int] | None:
    """(distance, stop, size of its listed group) of the destination named closest before
    the date (else after)."""
    best = None
    for sig in fact.signals:
        stop = _stop_for_place(sig.city or places_mod.Place("country", sig.code, ""), drafts)
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


def _attach_dates(facts: list[SentenceFacts], drafts: list[StopDraft],
                  overview: set[int], anchor: date | None
                  ) -> tuple[date | None, date | None, list[int], list[tuple[int, object]]]:
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
                nearest = _nearest_stop(fact, d, drafts)
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


def _close_dates(drafts: list[StopDraft], trip_start: date | None, trip_end: date | None
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


# ---------------------------------------------------------------- leaders

def _leaders(facts: list[SentenceFacts], drafts: list[StopDraft], traveller: Traveller,
             home: str | None, text: str) -> dict[str, int]:
    """Leaders met, attached to stops. Returns surname -> stop for sentence context."""
    leader_stop: dict[str, int] = {}
    own_surnames = {traveller.surname} if traveller.surname else set()
    for fact in facts:
        for person in fact.people:
            if person.nationality and person.nationality == home:
                own_surnames.add(person.surname)
    for fact in facts:
        n = fact.sentence.index
        if fact.sentence.clutter:
            continue
        for person in fact.people:
            if person.surname in own_surnames or person.title.lower() in STAFF_TITLES:
                continue
            if person.nationality is not None and person.nationality == home:
                continue
            met = _is_met(person, fact, traveller.surname, text)
            nationality_stop = None
            if person.nationality:
                nationality_stop = next(
                    (i for i, d in enumerate(drafts) if d.code == person.nationality), None)
            if not met:
                continue
            if person.title.lower() in {"secretary", "senator", "governor", "mayor"} and \
                    not person.nationality:
                continue
            # where the sentence says the meeting happens ("In Vilnius he will meet Finnish
            # President ..."), else the leader's own country, else the sentence's stop
            # the destination named shortly before the person ("visit to Kyiv, where he met
            # Ukrainian President ...", "In Vilnius he will meet Finnish President ...")
            before = [sig for sig in fact.signals if sig.strength != "leader"
                      and sig.end <= person.start and person.start - sig.end <= 80]
            closest = max(before, key=lambda sig: sig.end) if before else None
            located = _stop_for_place(
                closest.city or places_mod.Place("country", closest.code, ""),
                drafts) if closest else None
            if located is not None:
                target = located
            elif nationality_stop is not None:
                target = nationality_stop
            else:
                target = fact.stops[0] if len(fact.stops) == 1 else fact.context
            if target is None:
                continue
            key = person.surname
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
    except ArticleError:
        raise
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
        fact.people = find_people(text, fact.sentence.start, fact.sentence.end, nationality_at)
        fact.places = _sentence_places(text, raw_places[fact.sentence.index], fact.people,
                                       article_codes)
        fact.signals = visit_signals(fact.sentence.index, text, fact.sentence.start,
                                     fact.sentence.end, fact.places, fact.sentence.heading)
    traveller = _pick_traveller(active, text)
    home, home_certain = _home_country(traveller, active, text, article.body_start)

    # captions count here ("FILE - ... Oct. 13, 2017"), teasers after the article do not
    anchor = _date_anchor(article, [f for f in facts if "after the end" not in
                                    f.sentence.clutter_reason and "teasers" not in
                                    f.sentence.clutter_reason])
    for fact in active:
        fact.dates = dates_mod.find_dates(text, fact.sentence.start, fact.sentence.end,
                                          anchor=article.published, year_anchor=anchor)

    # "Russian Foreign Minister Sergey Lavrov visited Egypt": someone else's travel
    others = {p.surname for f in active for p in f.people} - {traveller.surname}
    for fact in active:
        fact.signals = [sig for sig in fact.signals
                        if not _someone_elses(sig, fact, others, traveller.surname, text)]

    # meetings with named foreign leaders are visit evidence too, unless the sentence says
    # where the meeting is ("in Berlin ... meet with Israeli Prime Minister Netanyahu")
    for fact in active:
        if fact.signals:
            continue
        for person in fact.people:
            if person.nationality and person.nationality != home and \
                    person.surname != traveller.surname and \
                    person.title.lower() not in STAFF_TITLES and \
                    _is_met(person, fact, traveller.surname, text):
                demonym_end = person.start + len(person.nationality_text or "")
                fact.signals.append(VisitSignal(person.nationality, None, fact.sentence.index,
                                                person.start, demonym_end, "leader",
                                                text=person.nationality_text or ""))

    drafts = _build_stops(active, home, home_certain)
    if not drafts:
        raise ArticleError(f"{article.path}: no visited place found (no sentence says the "
                           "traveller goes to a named country or city)")
    lead = next((f.sentence.index for f in active if not f.sentence.heading), None)
    overview = _overview_sentences(active, lead)
    drafts = _order_stops(drafts, overview)

    leader_stop: dict[str, int] = {}
    for _ in range(2):  # leaders refine sentence context, which places more leaders
        for fact in active:
            fact.stops = _sentence_stops(fact, drafts, leader_stop, text)
        _assign_context(active)
        leader_stop = _leaders(active, drafts, traveller, home, text)

    trip_start, trip_end, _trip_sentences, used_dates = _attach_dates(
        active, drafts, overview, article.published or anchor)
    # dates may change the order (a stop named first but dated last)
    order_before = list(drafts)
    drafts = _order_stops(drafts, overview)
    if drafts != order_before:
        remap = {order_before.index(d): n for n, d in enumerate(drafts)}
        for fact in active:
            fact.stops = [remap[s] for s in fact.stops]
            fact.context = remap.get(fact.context) if fact.context is not None else None
        leader_stop = {k: remap[v] for k, v in leader_stop.items()}
        used_dates = [(remap.get(i, i) if i >= 0 else i, d) for i, d in used_dates]
    inferred = _close_dates(drafts, trip_start, trip_end)

    # venues locate cities ("Casa Narino palace" -> Bogotá)
    for fact in active:
        for mention in fact.places:
            if mention.kind != "venue":
                continue
            target = _stop_for_place(mention.place, drafts)
            if target is not None and drafts[target].city is None and mention.place.city:
                venue = mention.place
                drafts[target].city = places_mod.Place("city", venue.code, venue.city,
                                                       venue.lat, venue.lon)
                drafts[target].city_basis = f"venue: {mention.text}"
                drafts[target].city_evidence.append(fact.sentence.index)

    # a city of the stop's country named in a sentence about that stop ("the Vilnius summit")
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
        stops.append(Stop(
            index=n, country_code=draft.code, country=country_name(draft.code),
            city=city.name if city else None, city_inferred=city_inferred,
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
    body_topics = find_topics(text, article.body_start, len(text), first_only=False)
    for fact in active:
        s = fact.sentence
        target = fact.context if not fact.trip_scope else None
        seen_here: set[str] = set()
        for hit in body_topics:
            if hit.start < s.start or hit.end > s.end or hit.slug in seen_here:
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
