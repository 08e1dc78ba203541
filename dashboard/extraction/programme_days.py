"""Day-by-day programmes: a line that is only a day ("Monday, August 05, 2024", "5 March
(Tuesday)", "Day 2: Wednesday 6 March") heads the lines below it, which rarely repeat the
date or the place ("- Meeting with the Prime Minister", "- Departure for Y"). Government
programme pages (foreign ministries' "programme of the visit", the EU's and the UN's
media advisories) are written this way.

Two things follow, each its own function: the day heading does not end the place the
lines before it were about (`day_headings`, read by `itinerary.assign_context` and
`meeting_rules.narrative_stop`), and every undated line under it happens on that day
(`date_programme_lines`, a step of `trip.date_stops`). A heading may also name the day's
place ("Tuesday 19 April - SINGAPORE", "Day 3: Thursday 6 March, Lima"): that place is the
day's stop, and the lines under it are about it.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from dashboard.extraction.dates import _M
from dashboard.extraction.facts import SentenceFacts, StopDraft
from dashboard.extraction.name_forms import normalize
from dashboard.extraction.places import PlaceMention, gazetteer
from dashboard.extraction.sentences import BULLET
from dashboard.extraction.visits import VisitSignal

# What a day heading may hold besides its date: a weekday, "Day 2", the words of a
# schedule, and punctuation
HEADING_WORDS = re.compile(
    r"(?:\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bday\s+\d+\b|\b(?:programme|program|"
    r"schedule|itinerary)\b|[\W_\d])", re.IGNORECASE)


def is_day_heading(fact: SentenceFacts, with_place: bool = False) -> bool:
    """The sentence holds one day and nothing else that says what happens ("Tuesday, August
    06, 2024"; not "Arrival in Suva, 5 August"). With `with_place`, it also names the day's
    stop or stops and nothing else ("Tuesday 19 April - SINGAPORE")."""
    if not fact.dates or bool(fact.stops) != with_place:
        return False
    # ("3 March 2025 (Monday)" is two mentions of one day)
    if len({d.first for d in fact.dates}) != 1 or any(
            d.first is None or d.is_range for d in fact.dates):
        return False
    offset, rest = fact.sentence.start, list(fact.sentence.text)
    spans = [(d.start, d.end) for d in fact.dates]
    if with_place:
        spans += [(m.start, m.end) for m in fact.places if m.kind in PLACE_KINDS]
        spans += _states_after(fact)
    for a, b in spans:
        rest[a - offset:b - offset] = " " * (b - a)
    rest_text = HEADING_WORDS.sub("", "".join(rest))
    if with_place:
        rest_text = PLACE_JOINERS.sub("", rest_text)
        if _capitals_heading(fact):
            # "SUNDAY 7 APRIL - SANYA / BOAO": a heading in capitals names only places,
            # some of them too small for the gazetteer
            rest_text = CAPITALS_WORD.sub("", rest_text)
    return not rest_text.strip()


CAPITALS_WORD = re.compile(r"\b[A-Z][A-Z'’]+\b")


def _capitals_heading(fact: SentenceFacts) -> bool:
    """Whether every place the heading names is written in capitals ("MONDAY 8 APRIL -
    BOAO / BEIJING"): its other words in capitals are places too."""
    text, offset = fact.sentence.text, fact.sentence.start
    named = [text[m.start - offset:m.end - offset] for m in fact.places
             if m.kind in PLACE_KINDS]
    return bool(named) and all(name.isupper() for name in named)


def is_place_line(fact: SentenceFacts) -> bool:
    """The sentence is a place and nothing else ("Lima.", "Rio de Janeiro.", "Caracas / La
    Guaira."): a programme's line that says where the day's items happen (under a day heading
    naming no place, the first such line is where the day is spent)."""
    named = [m for m in fact.places if m.kind in PLACE_KINDS]
    if not named or fact.dates:
        return False
    offset, rest = fact.sentence.start, list(fact.sentence.text)
    for m in named:
        rest[m.start - offset:m.end - offset] = " " * (m.end - m.start)
    rest_text = PLACE_JOINERS.sub("", "".join(rest))
    if _capitals_heading(fact):
        # ("BAGHDAD - ERBIL - MOSUL - QARAQOSH": a line in capitals names only places, some
        # of them too small for the gazetteer)
        rest_text = CAPITALS_WORD.sub("", rest_text)
    return not re.sub(r"[\W_]", "", rest_text)


# A region after a place and a comma ("HONOLULU, HAWAII", "Austin, Texas"), or its
# initials ("WASHINGTON, D.C.", "Albany, N.Y.")
INITIALS = re.compile(r"(?:[A-Za-z]\.){2,3}")
REGION_AFTER = re.compile(r",[ \t]*([A-Za-z][A-Za-z.]*(?:[ \t][A-Za-z][A-Za-z.]*)?)")


def _states_after(fact: SentenceFacts) -> list[tuple[int, int]]:
    """Spans of the US states or initials that follow a place after a comma ("WILLIAMSBURG,
    VIRGINIA", "WASHINGTON, D.C."): the state is dropped as a place
    (`places._us_states_after_cities`), yet it is part of the place a heading names."""
    text, offset, spans = fact.sentence.text, fact.sentence.start, []
    for m in fact.places:
        after = REGION_AFTER.match(text, m.end - offset)
        if after and (normalize(after.group(1)) in gazetteer().us_states
                      or INITIALS.fullmatch(after.group(1))):
            spans.append((after.start() + offset, after.end() + offset))
    return spans


# What a day-and-place heading may name: the stop or stops ("SINGAPORE", "Lima, Peru",
# "EDINBURGH AND GLASGOW")
PLACE_KINDS = {"country", "city", "venue"}
PLACE_JOINERS = re.compile(r"\b(?:and|then)\b", re.IGNORECASE)
# A programme line of getting from one place to another: another stop it names is where
# the traveller goes or comes from that day, not one spoken of ("Address to the bishops of
# the country")
MOVING_LINE = re.compile(r"\b(?:arriv\w*|depart\w*|leav(?:e|es|ing)|flight|fl(?:y|ies)|"
                         r"transfer\w*|travel\w*|journey|drive|proceed\w*|return\w*)\b",
                         re.IGNORECASE)


def _lines(facts: list[SentenceFacts]) -> dict[int, int]:
    """Line number -> how many sentences it holds."""
    count: dict[int, int] = {}
    for fact in facts:
        count[fact.sentence.line] = count.get(fact.sentence.line, 0) + 1
    return count


# How long an unparsed sentence may be and still be a programme item ("Joint press
# conference."): the parse is skipped for sentences naming nobody and nowhere
SHORT_ITEM_WORDS = 8


def _is_item(fact: SentenceFacts) -> bool:
    """A sentence written as a programme item: a noun phrase with no finite verb ("Arrival
    at the airport.", "Evening: travel to X."), not a clause of prose ("He arrived ...")."""
    if fact.parse is None:
        return len(fact.sentence.text.split()) <= SHORT_ITEM_WORDS
    return not any("Fin" in t.morph.get("VerbForm") for t in fact.parse)


def item_paragraphs(facts: list[SentenceFacts], per_line: dict[int, int]) -> set[int]:
    """Lines of several sentences that are all programme items ("Arrival at X. Meeting with
    Y. Dinner.", a programme whose items of one day run on in one paragraph), by line
    number."""
    by_line: dict[int, list[SentenceFacts]] = {}
    for fact in facts:
        if per_line.get(fact.sentence.line, 0) > 1:
            by_line.setdefault(fact.sentence.line, []).append(fact)
    return {line for line, group in by_line.items() if all(map(_is_item, group))}


def _programme_days(facts: list[SentenceFacts], per_line: dict[int, int]
                    ) -> tuple[set[int], set[int]]:
    """(day headings, day-and-place headings) of a programme: a day line followed by a line
    that is one item by itself (not a paragraph of prose, as under the release's own date),
    by a timed or bulleted item, or by a paragraph of items with no finite verb, and at
    least two such days in the text, of either kind."""
    body = [f for f in facts if not f.sentence.clutter]
    found: tuple[set[int], set[int]] = (set(), set())
    items = item_paragraphs(body, per_line)
    for fact, after in pairwise(body):
        # (a timed or bulleted item may run on: "09.00 Arrival at the airport. The X is
        # greeted by Y.")
        # ("Rio de Janeiro. Russian-Brazilian talks with ...": a paragraph opening with the
        # day's place alone is the day's items, whatever the parse makes of them)
        # (a route under the day, "BAGHDAD - NAJAF - NASIRIYAH - BAGHDAD", is a heading and
        # a place line: the day's places, in order)
        if per_line[fact.sentence.line] != 1 or (
                after.sentence.heading and not is_place_line(after)) or (
                per_line[after.sentence.line] != 1 and not BULLET.match(after.sentence.text)
                and after.sentence.line not in items and not is_place_line(after)):
            continue
        for kind, with_place in enumerate((False, True)):
            if is_day_heading(fact, with_place):
                found[kind].add(fact.sentence.index)
    return found if len(found[0]) + len(found[1]) >= 2 else (set(), set())


def day_headings(facts: list[SentenceFacts], per_line: dict[int, int] | None = None
                 ) -> set[int]:
    """Indices of the sentences that are day headings of a programme naming no place (see
    `_programme_days`): they keep the place of the lines before. `per_line`:
    `_lines(facts)` if the caller has it."""
    return _programme_days(facts, _lines(facts) if per_line is None else per_line)[0]


# Leaving for the next stop, on a programme line under a heading naming the day's place:
# "Evening: depart for Tokyo", "- Departure for Lima"
def place_day_headings(facts: list[SentenceFacts]) -> set[int]:
    """Indices of a programme's day headings that name the day's places ("WEDNESDAY 10
    APRIL - BEIJING / SHANGHAI"; see `_programme_days`)."""
    return _programme_days(facts, _lines(facts))[1]


LEAVING_FOR = re.compile(r"\b(?:departure|depart\w*|leav\w*|flight|fly|flies)\s+(?:on\s+)?"
                         r"(?:for|to)\s+(?:the\s+)?$", re.IGNORECASE)


def _date(draft: StopDraft, day: date, heading_index: int,
          days_of: dict[int, list[date]] | None = None, k: int = -1) -> None:
    """The stop's first and last programme days take `day` in; `days_of` (stop `k` -> its
    programme days) records it."""
    if days_of is not None:
        days_of.setdefault(k, []).append(day)
    if draft.start is None or day < draft.start:
        draft.start = day
        draft.start_stated = True
    if draft.end is None or day > draft.end:
        draft.end = day
        draft.end_stated = True
    draft.open_end = False
    if heading_index not in draft.date_sentences:
        draft.date_sentences.append(heading_index)


def date_programme_lines(facts: list[SentenceFacts], drafts: list[StopDraft],
                         sections: set[int]) -> None:
    """Each undated line under a day heading, up to the next heading, dates the stops it
    names, else the stop it is about, with the heading's day: a stop's first and last such
    day become its start and end unless it has earlier or later dates already. The day of a
    line naming two stops ("Departure from X for Y") ends the first and starts the second,
    the end-date convention's day of moving on. A heading naming the day's place ("Tuesday
    19 April - SINGAPORE") dates that stop; a line under it leaving for another stop
    ("Evening: depart for Tokyo") ends the heading's stop that day, and starts the other
    only if no heading names it (its own heading says when the traveller is there). In
    place."""
    # (itinerary.py reads `day_headings` from here)
    from dashboard.extraction.itinerary import stop_for_place

    # a programme's lines stand alone, one item a line; a paragraph of prose under a date
    # line (the release's own date above its first paragraph) is not a programme
    per_line = _lines(facts)
    plain, placed = _programme_days(facts, per_line)
    if not plain and not placed:
        return
    itemised = {f.sentence.line for f in facts if BULLET.match(f.sentence.text)}
    items = item_paragraphs([f for f in facts if not f.sentence.clutter], per_line)
    day = None
    heading_index = -1
    heading_stops: list[int] = []
    headed: set[int] = set()  # stops a heading names
    left_for: dict[int, tuple[date, int]] = {}  # stop -> (first day left for, heading)
    days_of: dict[int, list[date]] = {}  # stop -> its programme days
    first_line = False  # the sentence is the first under a day heading
    # the stop a section heading names ("CANBERRA" above its day headings; see
    # `add_section_place_signals`): the first day heading under it is a day there
    # (`sections`: the headings' indices, as `add_section_place_signals` returned them)
    section: list[int] = []
    for fact in facts:
        if fact.sentence.clutter:
            continue
        if fact.sentence.index in sections:
            section = list(dict.fromkeys(fact.stops))
            day = None  # (a new section: the day before it is over)
            continue
        if fact.sentence.index in plain or fact.sentence.index in placed:
            day, heading_index = fact.dates[0].first, fact.sentence.index
            heading_stops = list(dict.fromkeys(fact.stops)) or section
            section = []  # (the section's first day; the days after it name their places)
            for k in heading_stops:
                _date(drafts[k], day, heading_index, days_of, k)
                headed.add(k)
            first_line = True
            continue
        if day is not None and first_line and not heading_stops and fact.stops and \
                is_place_line(fact):
            # "November 25, Tuesday" / "Rio de Janeiro. Talks with ...": the day's first
            # item, a place alone, says where the day is spent, as a heading naming it would
            heading_stops = list(dict.fromkeys(fact.stops))
            for k in heading_stops:
                _date(drafts[k], day, heading_index, days_of, k)
                headed.add(k)
            first_line = False
            continue
        first_line = False
        if fact.sentence.heading:
            day = None
            continue
        # (under a heading naming the day's place, an item may run on in a second
        # sentence: "10.30 Arrival at the airport. The X is welcomed by Y.")
        if day is None or any(d.first is not None for d in fact.dates) or (
                per_line[fact.sentence.line] > 1 and fact.sentence.line not in items
                and not (heading_stops and fact.sentence.line in itemised)):
            continue
        named = list(dict.fromkeys(fact.stops))
        targets = named or ([fact.context] if fact.context is not None else [])
        if heading_stops and (not named or not MOVING_LINE.search(fact.sentence.text)) \
                and not _opens_with_place_item(fact):
            # under the day's place, a line that goes nowhere is about that place ("12.45
            # Address to the bishops of <another stop's country>"), and so is one going
            # to no stop ("Departure for Moscow")
            targets = [k for k in named if k in heading_stops] or (
                [fact.context] if fact.context in heading_stops else [])
        if len(heading_stops) == 1 and named and all(
                k not in heading_stops and LEAVING_FOR.search(
                    fact.sentence.text, 0, m.start - fact.sentence.start)
                for m in fact.places if (k := stop_for_place(m.place, drafts)) in named):
            # "Evening: depart for Tokyo" under Singapore's day: Singapore's last day
            _date(drafts[heading_stops[0]], day, heading_index, days_of,
                  heading_stops[0])
            for k in named:
                left_for.setdefault(k, (day, heading_index))
            continue
        for k in targets:
            _date(drafts[k], day, heading_index, days_of, k)
    for k, (first, heading) in left_for.items():
        if k not in headed:
            _date(drafts[k], first, heading, days_of, k)
    _trim_to_programme(drafts, days_of)


def _trim_to_programme(drafts: list[StopDraft], days_of: dict[int, list[date]]) -> None:
    """A stop's programme days say when it is visited: an end beyond its last programme day
    (the trip's range closing the stop found last in the text) goes back to that day when
    the programme has the traveller at another stop after it. In place."""
    last_day = max((max(days) for days in days_of.values()), default=None)
    for k, days in days_of.items():
        draft, own_last = drafts[k], max(days)
        if draft.end is not None and draft.end > own_last and last_day is not None \
                and own_last < last_day:
            draft.end = own_last


# A programme's item headed by its place: "La Guaira: visit to the ship X", "Lima: talks with
# President Y" (a place, a colon, then what the traveller does there)
PLACE_ITEM = re.compile(r"(?<!\s)\s*:\s+(?:an?\s+|the\s+)?(?:(?:official|working|state|bilateral|"
                        r"courtesy|private)\s+)?(?:visit|talks|meetings?|tour|call|wreath|"
                        r"ceremony|lunch|dinner|reception|address|inspection)\b",
                        re.IGNORECASE)

# An itinerary's item headed by its place and days: "-- SHANGHAI, Friday: Yeltsin and Jiang
# are to sign ...", "Lima, 5-6 March: ...", "Hanoi (Wednesday-Thursday): ..." (a place, its
# day or days, a colon, then whatever happens there)
ITEM_MARKS = " \t-–—•*·▪>"
_DAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}(?:st|nd|rd|th)?)"
_DAYS = (rf"{_DAY}(?:\s*(?:[-–/]|and|to)\s*{_DAY})?(?:\s+{_M})?|{_M}\s+\d{{1,2}}"
         rf"(?:\s*[-–]\s*\d{{1,2}})?")
DAYS_ITEM = re.compile(rf"(?<!\s)\s*(?:,\s*|\(\s*)(?:{_DAYS})\s*\)?\s*:\s+\S",
                       re.IGNORECASE)


def _opens_with_place_item(fact: SentenceFacts) -> bool:
    """The line opens with a city, a colon and what is done there ("Da Nang: visit to the
    shipyard"): the day moves to that city, whatever place line came before."""
    text, offset = fact.sentence.text, fact.sentence.start
    first = min(fact.places, key=lambda m: m.start, default=None)
    return first is not None and first.kind == "city" and not text[:first.start - offset].strip() \
        and PLACE_ITEM.match(text, first.end - offset) is not None


def place_item_signals(fact: SentenceFacts, text: str) -> list[VisitSignal]:
    """A visit signal for a sentence that opens with a city's name, a colon and an activity
    ("La Guaira: visit to the anti-submarine ship ..."), or is the city's name alone
    ("Lima. Opening of the summit."), as official programmes list the items of a day; none
    for any other sentence."""
    s = fact.sentence
    first = min(fact.places, key=lambda m: m.start, default=None)
    # (after an item's bullet: "-- SHANGHAI, Friday: ...")
    if first is None or first.kind != "city" or text[s.start:first.start].strip(ITEM_MARKS) \
            or not (PLACE_ITEM.match(text, first.end, s.end)
                    or DAYS_ITEM.match(text, first.end, s.end)
                    or text[first.end:s.end].strip() == "."):
        return []
    return [VisitSignal(first.place.code, first.place, s.index, first.start, first.end,
                        "locative", text=first.text)]


def section_headings(facts: list[SentenceFacts]) -> list[SentenceFacts]:
    """Heading lines that are places alone ("CANBERRA", "SOUTH AFRICA - CAPE TOWN",
    "BOTSWANA"), one city or one country, right above a programme's day heading ("Wednesday
    19 October", then the day's items): a programme's sections by place. Once one such heading
    sits above a day heading, one above bulleted items ("ANGOLA", "- Luanda: meeting with
    ...") is a section too; alone, that is a newsletter's topic ("UKRAINE", "- Shelling ...")."""
    body = [f for f in facts if not f.sentence.clutter]
    per_line = _lines(body)
    # (the day a programme's day heading, not a release's sign-off: "New Delhi / 28 December")
    days = _programme_days(body, per_line)[0]
    dated, listed = [], []
    for fact, after in pairwise(body):
        if not (fact.sentence.heading and per_line[fact.sentence.line] == 1
                and is_place_line(fact) and _section_place(fact) is not None):
            continue
        if after.sentence.index in days:
            dated.append(fact)
        elif BULLET.match(after.sentence.text):
            listed.append(fact)
    return sorted(dated + listed, key=lambda f: f.sentence.index) if dated else []


def _section_place(fact: SentenceFacts) -> PlaceMention | None:
    """The one city a section heading names ("SOUTH AFRICA - CAPE TOWN": Cape Town), else
    its one country; None for anything else."""
    cities = [m for m in fact.places if m.kind == "city"]
    countries = {m.place.code for m in fact.places if m.kind == "country"}
    if len(cities) == 1 and countries <= {cities[0].place.code}:
        return cities[0]
    if not cities and len(countries) == 1 and len(fact.places) == 1:
        return fact.places[0]
    return None


def add_section_place_signals(facts: list[SentenceFacts]) -> set[int]:
    """A programme's section heading naming a place (see `section_headings`) puts the
    traveller there for the days below it: it gets a visit signal. Needs the sentences'
    dates (a day heading is known by them); `facts` are the body's, in order. Returns the
    headings' sentence indices (for `date_programme_lines` and the overview)."""
    headings = section_headings(facts)
    for fact in headings:
        place = _section_place(fact)
        if place is not None:
            city = place.place if place.kind == "city" else None
            fact.signals = [VisitSignal(place.place.code, city, fact.sentence.index,
                                        place.start, place.end, "locative", text=place.text)]
    return {f.sentence.index for f in headings}
