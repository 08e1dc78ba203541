"""Article -> Trip: the extraction as a pipeline of small named steps over one document.

Each step takes the `TripState` (the article and the facts so far) and adds one part, in the
manner of spaCy's own components; `STEPS` lists them in order:

1. `read_sentences`: split the body into sentences, flag page clutter;
2. `find_mentions`: places, titled people and the cue patterns' visit signals per sentence;
3. `parse`: one pass of the language model (`nlp.py`), then the grammar steps
   (`parse_steps.py`): destinations, people met, untitled names met;
4. `choose_traveller` (`traveller_steps.py`): the traveller (the first-person speaker where
   the text says "I will visit ...", the headline's visitor, an office the body keeps
   naming) and their home country;
5. `find_dates`: dates per sentence, ordered by clause, and what the narrative implies;
   then `name_by_office`: a traveller named by office or surname alone gets the office
   holder's full name on the anchor day (`office_holders.py`);
6. `drop_other_travel`: someone else's travel and earlier trips are not this trip's;
7. `meetings_as_visits`: a meeting with a named foreign leader places the traveller;
8. `build_itinerary`: the stops in travel order (`itinerary.py`);
9. `place_leaders`: leaders met, at the stop where the meeting happens (`leaders.py`);
10. `date_stops`: dates attached to stops, order by date, the day a stop ends;
11. `fill_cities`: cities from venues and sentences about the stop;
then `assemble.assemble_trip` builds the `Trip` with every fact's provenance.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dashboard.date_range import drop_out_of_range_dates
from dashboard.extraction import dates as dates_mod
from dashboard.extraction import traveller_grammar
from dashboard.extraction.assemble import assemble_trip, headline
from dashboard.extraction.caption_places import add_caption_signals
from dashboard.extraction.cities import fill_cities as fill_stop_cities
from dashboard.extraction.cities import (
    names_a_place,
    sentence_places,
    stateless_dateline,
    us_state_named,
)
from dashboard.extraction.departures import close_on_departure, close_on_the_way_home
from dashboard.extraction.facts import SentenceFacts, TripState
from dashboard.extraction.invisible import clean_article, map_trip_back
from dashboard.extraction.itinerary import (
    CONTINUES,
    GOES_ON,
    assign_context,
    build_stops,
    sentence_stops,
)
from dashboard.extraction.later_trips import drop_later_trips
from dashboard.extraction.leader_names import name_office_holders
from dashboard.extraction.leaders import find_leaders, shared_nationality
from dashboard.extraction.leaving_days import close_on_leaving
from dashboard.extraction.live_entries import date_live_entries
from dashboard.extraction.meeting_rules import is_met
from dashboard.extraction.name_particles import extend_over_particles
from dashboard.extraction.named_bodies import (
    drop_dates_of_things_described,
    drop_places_naming_bodies,
    drop_places_of_things_described,
)
from dashboard.extraction.narrative import earlier_trip, narrative_dates
from dashboard.extraction.newest_first import reading_ranks
from dashboard.extraction.nlp import ModelUnavailable, parse_lines
from dashboard.extraction.others_travel import (
    drop_others_sections,
    reported_by_someone_else,
    someone_elses,
    someone_elses_day,
    spoken_by_someone_else,
    with_the_speaker,
)
from dashboard.extraction.parse_steps import (
    add_destinations,
    add_met_names,
    add_met_objects,
    drop_attributive_countries,
    drop_towns_in_names,
    order_clause_dates,
)
from dashboard.extraction.people import NON_NAME_WORDS, find_people
from dashboard.extraction.places import PlaceMention, find_places, normalize
from dashboard.extraction.programme_days import (
    add_section_place_signals,
    date_programme_lines,
    is_place_line,
    place_item_signals,
)
from dashboard.extraction.range_days import date_counted_days
from dashboard.extraction.referred_places import referred_countries
from dashboard.extraction.returns import add_returns
from dashboard.extraction.sentences import split_sentences
from dashboard.extraction.stop_dates import attach_dates, close_dates, date_anchor
from dashboard.extraction.stop_grammar import (
    elsewhen,
    subject_of_place,
    subject_words_of_place,
    untold,
)
from dashboard.extraction.stop_order import order_stops, overview_sentences
from dashboard.extraction.titles import STAFF_TITLES
from dashboard.extraction.told_back import (
    add_origins,
    mark_after_clauses,
    mark_fronted_before_clauses,
    mark_fronted_places,
    mark_left_here,
    mark_told_back,
)
from dashboard.extraction.towns import add_towns
from dashboard.extraction.transits import drop_transits
from dashboard.extraction.traveller_steps import choose_traveller, name_by_office
from dashboard.extraction.visits import VisitSignal, visit_signals
from dashboard.models import Article, ArticleError, Trip

SIDELINES = re.compile(r"\bon\s+the\s+sidelines?\b|\bsidelines?\s+of\b", re.IGNORECASE)
# (accented names too, "Gutiérrez"; "will join the delegation in X" is travel of one's own)
UNTITLED_TRAVELLER = re.compile(
    r"(?P<name>[A-Z](?:[^\W\d_]|['’-])+(?:\s+[A-Z](?:[^\W\d_]|['’-])+){1,2})\s+"
    r"(?:has\s+|had\s+|also\s+)*"
    r"(?:visited|travell?ed|went|flew|toured|goes|joined|will\s+(?:visit|travel|join))\b")


class NoVisitedPlace(ArticleError):
    """No sentence sends the traveller to a named country or city."""


def read_sentences(state: TripState) -> None:
    """Sentences with offsets and clutter flags; a headline when the header has no title."""
    article = state.article
    state.sentences = split_sentences(state.text, article.body_start, article.title,
                                      state.early_trailers)
    if not article.title:
        state.article = article.model_copy(update={"title": headline(state.sentences)})
    state.facts = [SentenceFacts(s) for s in state.sentences]
    state.active = [f for f in state.facts if not f.sentence.clutter]


def find_mentions(state: TripState) -> None:
    """Places, titled people (nationality from a demonym or country before the title) and
    the cue patterns' visit signals, per sentence."""
    text, active = state.text, state.active
    # nationality map first: demonyms and country names right before titles
    article_codes: set[str] = set()
    dateline_names: set[str] = set()
    raw_places: dict[int, list[PlaceMention]] = {}
    for fact in active:
        found = find_places(text, fact.sentence.start, fact.sentence.end)
        raw_places[fact.sentence.index] = found
        # (only names that mean one country: "Congo" is settled by the others, see cities.py)
        article_codes.update(next(iter(m.countries)) for m in found if len(m.countries) == 1)
        # ("GENEVA, Jan 16 (wire) -", then "flew to Geneva": the dateline's city throughout)
        dateline_names.update(normalize(m.text) for m in found if m.kind == "city" and
                              stateless_dateline(m, text, text[m.end:m.end + 60]))
    if "US" not in article_codes and any(us_state_named(text[f.sentence.start:f.sentence.end])
                                         for f in active):
        # ("arrived in Ithaca", with "New Jersey" further on: a page that names US states
        # is about the US, whose small towns it may name without saying "United States")
        article_codes.add("US")
    for fact in active:
        nationality_at = {m.end: (m.place.code, m.text) for m in raw_places[fact.sentence.index]
                          if m.kind in {"country", "demonym"}}
        country_at = {m.start: (m.place.code, m.end) for m in raw_places[fact.sentence.index]
                      if m.kind == "country"}
        fact.people = [p for p in find_people(text, fact.sentence.start, fact.sentence.end,
                                              nationality_at, country_at)
                       if p.title or not names_a_place(p, raw_places[fact.sentence.index])]
        fact.people = shared_nationality(fact.people, text)
        fact.places = sentence_places(text, raw_places[fact.sentence.index], fact.people,
                                      article_codes, (fact.sentence.start, fact.sentence.end),
                                      frozenset(dateline_names))
        # (every visit signal is a run of the sentence's own places: none named, none found;
        # the cue patterns cost more than anything else per sentence, so not run for nothing)
        fact.signals = visit_signals(fact.sentence.index, text, fact.sentence.start,
                                     fact.sentence.end, fact.places, fact.sentence.heading) \
            if fact.places else []
        if not fact.signals and fact.places:  # "La Guaira: visit to the ship X"
            fact.signals = place_item_signals(fact, text)
        # "will pay official visits to the above-mentioned seven countries"
        if not fact.signals:
            fact.signals = referred_countries(fact.sentence.index, text, fact.sentence.start,
                                              fact.sentence.end, fact.places)


def parse(state: TripState) -> None:
    """One pass of the language model over the body, then the grammar steps per sentence."""
    text, active = state.text, state.active
    # (page clutter is never parsed: menus and teasers only cost time; nor is a sentence that
    # names no one and nowhere, which no grammar step can use: the parse is most of the
    # extraction's time, and a long text of such sentences must stay fast)
    parsed = parse_lines(text, state.article.body_start,
                         spans=[(f.sentence.start, f.sentence.end) for f in active
                                if may_name_someone_or_somewhere(f, text)])
    named = {p.surname for f in active for p in f.people if p.title}
    countries = {m.place.code for f in active for m in f.places
                 if m.kind in {"country", "demonym"}}
    for fact in active:
        fact.parse = parsed.span(fact.sentence.start, fact.sentence.end)
        extend_over_particles(fact)
        # a town the main gazetteer lacks, in a country the article names ("Tillia, Niger")
        if add_towns(fact, text, countries, named):
            fact.signals = visit_signals(fact.sentence.index, text, fact.sentence.start,
                                         fact.sentence.end, fact.places, fact.sentence.heading)
        add_met_objects(fact, text)
        add_met_names(fact, text, named)
        add_destinations(fact, text)
        drop_attributive_countries(fact)
        drop_towns_in_names(fact)
        drop_places_naming_bodies(fact)
        drop_places_of_things_described(fact)


# A capitalised word after the sentence's first: a name, a place, a weekday or a month. The
# look-behind starts a match only at the beginning of a run of spaces (linear time).
CAPITALISED_LATER = re.compile(r"(?<=\S)\s+[A-Z]")


def may_name_someone_or_somewhere(fact: SentenceFacts, text: str) -> bool:
    """Whether the parse of this sentence can tell anything: it names a place, a person, a
    travel cue, or has a capitalised word (a name, weekday or month) after its first word.
    "They discussed trade and investment." has none of them."""
    s = fact.sentence
    return bool(fact.places or fact.people or fact.signals
                or CAPITALISED_LATER.search(text, s.start, s.end))


def find_dates(state: TripState) -> None:
    """Dates per sentence against the dateline, by clause, and as the narrative implies."""
    article, text = state.article, state.text
    # captions count here ("FILE - ... Oct. 13, 2017"), teasers after the article do not
    state.anchor = date_anchor(article, [f for f in state.facts if "after the end" not in
                                         f.sentence.clutter_reason and "teasers" not in
                                         f.sentence.clutter_reason])
    for fact in state.active:
        fact.dates = dates_mod.find_dates(text, fact.sentence.start, fact.sentence.end,
                                          anchor=article.published, year_anchor=state.anchor)
        order_clause_dates(fact)
        drop_dates_of_things_described(fact)
        add_caption_signals(fact, text)  # "..., Moscow, Saturday 9 May." (needs the dates)
    date_counted_days(state.active, text)
    state.sections = add_section_place_signals(state.active)  # "CANBERRA" above a day
    date_live_entries(state.active, article.published)
    narrative_dates(state.active, text, article.published)


def drop_other_travel(state: TripState) -> None:
    """"Russian Foreign Minister Sergey Lavrov visited Egypt": someone else's travel; "his
    visit to Washington last month": an earlier trip. Neither is this trip's."""
    text, active, surname = state.text, state.active, state.traveller.surname
    drop_transits(active, text)
    # ("asked whether he would visit X", "in 2023 his predecessor went to X": see stop_grammar)
    story = state.article.published or state.anchor
    year = story.year if story is not None else None
    # (any part of the traveller's name: "Qin" of "Qin Gang" is the family name, first;
    # "hye" of "Geun-hye", a hyphenated given name, is no one else either)
    name_parts = set(re.split(r"[\s‐-]+", state.traveller.name or "")) - {""}
    others = {p.surname for f in active for p in f.people} - {surname} - name_parts
    # "His predecessor Angela Merkel visited China": an untitled name travelling
    for fact in active:
        for match in UNTITLED_TRAVELLER.finditer(text, fact.sentence.start, fact.sentence.end):
            name = match.group("name")
            if any(word in NON_NAME_WORDS for word in name.split()):
                continue  # "The Prime Minister will travel": a title, maybe the traveller's
            if not find_places(name) and (surname or "") not in name.split():
                others.add(name.split()[-1])
    # "his successor, Qin Gang, went to ...": whoever else the parse sends somewhere
    others |= {name for f in active if f.parse is not None
               for name in traveller_grammar.people_moving(f.parse)} - {surname} - name_parts
    # in a first-person text "with me" is the traveller: a companion's leg "with me" is theirs
    speaker_travels = any(f.first_person and not f.sentence.heading for f in active)
    own_names = {name for name in [*(state.traveller.name or "").split(), surname] if name}
    person = state.traveller.person
    office = {person.title.split()[-1].lower()} if person and person.title else set()
    for fact in active:
        theirs = [sig for sig in fact.signals
                  if (someone_elses(sig, fact, others, surname, text, frozenset(own_names))
                      or reported_by_someone_else(sig, fact, frozenset(own_names))
                      or spoken_by_someone_else(sig, fact))
                  and not (speaker_travels and with_the_speaker(sig, fact, text))
                  # the parse's subject is the traveller ("Qin, who succeeded X, arrived"),
                  # or the traveller's office ("X said the premier will arrive in Y")
                  and (subject_of_place(fact.parse, sig.position) or "").lower()
                  not in {n.lower() for n in own_names} | office
                  # (a name the parse cuts at a hyphen: "Lai Ching-te" heads on "te")
                  and not (len(own_names) > 1 and own_names <= subject_words_of_place(
                      fact.parse, sig.position))]
        fact.others_travel = bool(theirs) and len(theirs) == len(fact.signals)
        fact.others_legs = [(sig.position, sig.end) for sig in theirs]
        # "Turkish Prime Minister X is expected in Y on Friday": that day is X's
        fact.others_legs += [(d.start, d.start) for d in fact.dates if someone_elses_day(
            fact, d.start, others, frozenset(own_names))]
        fact.signals = [sig for sig in fact.signals if sig not in theirs
                        and not earlier_trip(fact, sig.end, text, state.anchor)
                        and not untold(fact.parse, sig.position, year)]
    drop_others_sections(active, surname)  # a roundup's section on someone else
    drop_later_trips(active)


def meetings_as_visits(state: TripState) -> None:
    """Meetings with named foreign leaders are visit evidence too, unless the sentence or
    its paragraph already says where the traveller is."""
    text, traveller, home = state.text, state.traveller, state.home
    line, placed_in = None, set()
    # a foreign dateline ("VIENNA (Reuters) - ...") places the traveller for the whole story,
    # so a leader of another country met later on no stated day is met there ("talks with
    # Iranian Foreign Minister Zarif" in Vienna), while the dateline country's own leader
    # confirms it, and a dated meeting ("set out on Monday to hold talks with ...") may be
    # another leg
    datelined: set[str] = set()
    for fact in state.active:
        # a sentence about an earlier trip and nothing else: its meetings are not this trip's
        fact.earlier_trip = not fact.signals and earlier_trip(fact, fact.sentence.start, text,
                                                              state.anchor)
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
        if is_place_line(fact):
            # "Lima. ... Bilateral meetings with President of China X": a programme's place
            # line puts the traveller there for the items after it
            placed_in.update(m.place.code for m in fact.places)
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
                    is_met(person, fact, traveller.surname, text) and \
                    not elsewhen(fact.parse, person.start):
                demonym_end = person.start + len(person.nationality_text or "")
                fact.signals.append(VisitSignal(person.nationality, None, fact.sentence.index,
                                                person.start, demonym_end, "leader",
                                                text=person.nationality_text or ""))


def build_itinerary(state: TripState) -> None:
    """The stops in travel order. Raises ArticleError when no visited place is found."""
    # "arrived in X from Y": Y is the stop before X; "Earlier on Friday he had been in Z"
    add_origins(state.active, state.text)
    mark_left_here(state.active, state.text)  # "BOSTON - X left here for Canada"
    # "then back in X on Sunday" (a home the text is unsure of may be a stop returned to)
    add_returns(state.active, state.text, state.home if state.home_certain else None)
    mark_told_back(state.active)
    mark_after_clauses(state.active)
    mark_fronted_before_clauses(state.active)
    mark_fronted_places(state.active, state.text)  # "Before New York, she was in X"
    drafts = build_stops(state.active, state.home, state.home_certain)
    if not drafts:
        raise NoVisitedPlace(f"{state.article.path}: no visited place found (no sentence says "
                           "the traveller goes to a named country or city)")
    lead = next((f.sentence.index for f in state.active if not f.sentence.heading), None)
    # (a programme's section heading, "RWANDA" above its items, tells one stop in turn)
    state.overview = overview_sentences(state.active, lead) - state.sections
    state.drafts = order_stops(drafts, state.overview, reading_ranks(state.active))


def place_leaders(state: TripState) -> None:
    """Leaders met at each stop; leaders refine sentence context, which places more."""
    for _ in range(2):
        for fact in state.active:
            fact.stops = sentence_stops(fact, state.drafts, state.leader_stop, state.text)
        assign_context(state.active, state.traveller.surname)
        state.leader_stop = find_leaders(state.active, state.drafts, state.traveller,
                                         state.home, state.text)
    name_office_holders(state.drafts, state.anchor, state.active)


def date_stops(state: TripState) -> None:
    """Dates attached to stops; dates may change the order (a stop named first but dated
    last); inferred start/end; the day the traveller moves on ends the stop before."""
    active, drafts = state.active, state.drafts
    home_days: list = []
    trip_start, trip_end, trip_sentences, used_dates = attach_dates(
        active, drafts, state.overview, state.article.published or state.anchor, home_days)
    date_programme_lines(active, drafts, state.sections)
    order_before = list(drafts)
    drafts = order_stops(drafts, state.overview, reading_ranks(active))
    if drafts != order_before:
        remap = {order_before.index(d): n for n, d in enumerate(drafts)}
        for fact in active:
            fact.stops = [remap[s] for s in fact.stops]
            fact.context = remap.get(fact.context) if fact.context is not None else None
        state.leader_stop = {k: remap[v] for k, v in state.leader_stop.items()}
        used_dates = [(remap.get(i, i) if i >= 0 else i, d) for i, d in used_dates]
    inferred = close_dates(drafts, trip_start, trip_end, active,
                           state.article.published or state.anchor)
    # a date taken from the trip's overall range cites the sentence that gave the range
    for n in {0, len(drafts) - 1}:
        if inferred[n]:
            drafts[n].date_sentences.extend(
                i for i in trip_sentences if i not in drafts[n].date_sentences)
    close_on_departure(drafts, active, state.text, inferred,
                       max((day for _n, day in home_days), default=None))
    close_on_leaving(active, drafts)
    close_on_the_way_home(drafts, home_days)
    state.drafts, state.used_dates, state.inferred = drafts, used_dates, inferred


def fill_cities(state: TripState) -> None:
    """Cities for stops whose travel cues named none (venue, or a sentence about it)."""
    fill_stop_cities(state.drafts, state.active)


Step = Callable[[TripState], None]
STEPS: tuple[Step, ...] = (read_sentences, find_mentions, parse, choose_traveller, find_dates,
                           name_by_office, drop_other_travel, meetings_as_visits, build_itinerary,
                           place_leaders, date_stops, fill_cities)


def extract_trip(article: Article) -> Trip:
    """The trip an article describes. Raises ArticleError when no visited place is found,
    ModelUnavailable when the language model cannot be loaded (see `nlp.py`).

    Any other failure is a bug in a rule; it is reported as an ArticleError naming the file
    too, so one odd article never takes the other articles (or the dashboard) down with it.
    """
    try:
        # zero-width and bidi characters, soft hyphens: out before the rules read the text,
        # offsets mapped back into the original afterwards
        cleaned, offsets = clean_article(article)
        trip = drop_out_of_range_dates(_extract_trip(cleaned))
        return map_trip_back(trip, article, offsets) if offsets is not None else trip
    except (ArticleError, ModelUnavailable):
        raise  # (a missing model is the setup's fault, not this article's: said once)
    except Exception as exc:  # a safety net; tests exercise it with a monkeypatched rule
        raise ArticleError(f"{article.path}: the extractor failed on this article "
                           f"({type(exc).__name__}: {exc})") from exc


def _extract_trip(article: Article) -> Trip:
    first = TripState(article, article.text)
    try:
        return _run_steps(first)
    except NoVisitedPlace:
        # a page whose trailer line came after a line or two of greeting or teaser ("Good
        # morning. ..." then "--- TOP STORY ---"): the story is after it; read once more
        # (only here, and only when the first reading cut a trailer off)
        if not any(s.clutter_reason.startswith("start of teasers") for s in first.sentences):
            raise
        state = TripState(article, article.text, early_trailers=False)
        read_sentences(state)
        if [s.clutter for s in first.sentences] == [s.clutter for s in state.sentences]:
            raise
        return _run_steps(state, STEPS[1:])


def _run_steps(state: TripState, steps: tuple[Step, ...] = STEPS) -> Trip:
    for step in steps:
        step(state)
    return assemble_trip(state)
