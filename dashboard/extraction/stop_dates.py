"""Dates of the stops: which date in which sentence belongs to which stop, the trip's
overall range, and the rules that close single days (`attach_dates`, `close_dates`), with
the anchor date that relative days resolve against (`date_anchor`). Which of several stops
a sentence names takes its date is `date_targets.py`'s.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dashboard.extraction import dates as dates_mod
from dashboard.extraction.date_filters import (
    anothers_leg,
    attributive,
    goes_home,
    is_departure_date,
    leaves_a_stop_for_the_next,
    leaves_home_for_the_trip,
    named_only_aside,
    negated,
    placed_elsewhere,
    sends_elsewhere,
)
from dashboard.extraction.date_targets import (
    before_the_move,
    clauses_of,
    listed_after,
    listed_before,
    nearest_stop,
    offset_days,
    spoken_there,
)
from dashboard.extraction.facts import SentenceFacts, StopDraft
from dashboard.extraction.first_days import activity_day
from dashboard.extraction.itinerary import stop_for_place
from dashboard.extraction.narrative import ALSO_TRAVELS, ENTRY_STAMP, UNTIL_BOUND
from dashboard.extraction.noun_dates import names_a_dated_thing
from dashboard.extraction.stay_ends import reaches_the_next_stop
from dashboard.extraction.visits import DATELINE, LAST_STOP
from dashboard.models import Article

TRAVEL_DATE_WINDOW = timedelta(days=120)
# A date only carried over from the paragraph's stop (the sentence names no place) is kept
# when it lies this close to the days the text ties to the stop by name: "the attack carried
# out by Hamas on 7 October" in a readout dated 19 October is not a travel day.
CONTEXT_DATE_REACH = timedelta(days=3)

# A month and year without a day: "April to May 2019", a "May 2017" line over a page
MONTH_YEAR = re.compile(r"\b(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|"
                        r"June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|"
                        r"Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+(?P<year>(?:19|20)\d{2})\b")
# A year alone, in a title: "Visit to Africa 2019"
YEAR_ALONE = re.compile(r"(?<![\d/-])(?P<year>(?:19|20)\d{2})(?![\d/-])")


def date_anchor(article: Article, facts: list[SentenceFacts]) -> date | None:
    """The publication date, else the latest fully written date in the text, else the latest
    month and year written without a day (in the title or the text: "April to May 2019"),
    else a year in the title. All but the first only supply years (weekdays stay unresolved
    without a publication date)."""
    if article.published:
        return article.published
    best = None
    for fact in facts:
        for d in dates_mod.find_dates(article.text, fact.sentence.start, fact.sentence.end):
            if d.first and not d.year_inferred and (best is None or d.first > best):
                best = d.first
    if best is not None:
        return best
    # (a year in the running text, "the decade to begin in 2015", may be any year; a month
    # with its year, or the title's year, dates the story itself)
    lines = [article.title or ""] + [article.text[f.sentence.start:f.sentence.end]
                                     for f in facts]
    months = [date(int(m.group("year")), dates_mod.month_number(m.group("month")), 15)
              for line in lines for m in MONTH_YEAR.finditer(line)]
    if months:
        return max(months)
    years = [int(m.group("year")) for m in YEAR_ALONE.finditer(article.title or "")]
    return date(max(years), 7, 1) if years else None


def _only_before_the_date(fact: SentenceFacts, d: dates_mod.DateMention,
                          drafts: list[StopDraft], target: int) -> bool:
    """The sentence names the stop only in an "after" clause that the date is not in ("talks
    on Monday, a day after wrapping up a visit to X"): the date is a later day's."""
    named = [m for m in fact.places if m.kind in {"country", "city", "venue"}
             and stop_for_place(m.place, drafts) == target]
    return bool(named) and all(clauses_of(fact, d, m.start)[1] == "after" != clauses_of(
        fact, d, m.start)[0] for m in named)


COUNTRY_CLOSING = re.compile(r"\b(?:wrap(?:s|ped|ping)?\s+up|end(?:s|ed|ing)?|conclud\w*|"
                             r"finish\w*|leav(?:e|es|ing)|left)\b", re.IGNORECASE)


def _names_city_stop(fact: SentenceFacts, target: int, drafts: list[StopDraft]) -> bool:
    """Whether the sentence names the stop itself, not only its country, when the country
    has several city stops ("visit China from 4 to 7 November" covers Shanghai and Beijing)."""
    code = drafts[target].code
    if sum(1 for d in drafts if d.code == code) < 2:
        return True
    return any(m.kind in {"city", "venue"} and stop_for_place(m.place, drafts) == target
               for m in fact.places)


# A dateline with the year after its date: "WASHINGTON, May 20, 2013 - " (linear: one way
# to match each part)
DATED_DATELINE = re.compile(r"[A-Z][A-Z.'’-]*(?:[ \t][A-Z][A-Z.'’-]*){0,3},[ \t]*"
                            r"[A-Z][a-z]{2,8}\.?[ \t]\d{1,2},[ \t]*(?:19|20)\d{2}[ \t]*"
                            r"(?:[:—–]|-{1,2})[ \t]")
# ... or a news agency's: "Taipei, Aug. 16 (TNN) Vice President X ...", "Beijing, May 3
# (Xinhua) --" (the city in any case, the agency in brackets after the date)
AGENCY_DATELINE = re.compile(r"[A-Z][\w'’.-]*+(?:[ \t][A-Z][\w'’.-]*+){0,3}+,[ \t]*+"
                             r"[A-Z][a-z]{2,8}\.?[ \t]\d{1,2}[ \t]*+"
                             r"\([A-Z][A-Za-z ]{1,30}\)")
MOVE_ON = re.compile(r"\b(?:then|left|leaves|departed|departs)\b", re.IGNORECASE)


def _put_listed(drafts: list[StopDraft], group: list[int], d: dates_mod.DateMention,
                fact: SentenceFacts, n: int) -> None:
    """A date over a list of stops: a range opens the first and closes the last (the days
    between stay unknown, so neither edge is closed by inference); a single day is each
    one's."""
    if not d.is_range:
        for target in group:
            _put_date(drafts[target], d, fact, n)
        return
    first, last = drafts[group[0]], drafts[group[-1]]
    first.start = d.first if first.start is None else min(first.start, d.first)
    first.start_stated = True
    first.end_stated = True  # (its last day is not said)
    last.end = d.last if last.end is None else max(last.end, d.last)
    last.end_stated = True
    for draft in (first, last):
        if n not in draft.date_sentences:
            draft.date_sentences.append(n)


def _put_date(draft: StopDraft, d: dates_mod.DateMention, fact: SentenceFacts, n: int,
              moving_day: bool = False) -> None:
    # (the first date decides, a later one that is not an arrival or day of moving there
    # ("leaves tomorrow for X") reopens the question)
    arrival = not d.is_range and (moving_day or bool(ENTRY_STAMP.fullmatch(d.text)))
    draft.open_end = arrival and (draft.open_end or draft.start is None)
    draft.start = d.first if draft.start is None else min(draft.start, d.first)
    draft.end = d.last if draft.end is None else max(draft.end, d.last)
    draft.start_stated = True
    # several days stated in sentences that name the place: the last one closes it
    draft.end_stated = draft.end_stated or d.is_range or draft.end > draft.start
    if fact.stay_days and not d.is_range:
        draft.stay_end = d.first + timedelta(days=fact.stay_days - 1)
    elif d.relative and ALSO_TRAVELS.fullmatch(d.text) and draft.stay_end is None:
        # "On Monday he will be in Cairo ... He will also travel to Rafah": a side trip
        # within the paragraph's day, that one day (start = end), however long the gap
        # before the next stop
        draft.stay_end = d.first
    if n not in draft.date_sentences:
        draft.date_sentences.append(n)


def attach_dates(facts: list[SentenceFacts], drafts: list[StopDraft],
                 overview: set[int], anchor: date | None,
                 home_days: list[tuple[int, date]] | None = None
                 ) -> tuple[date | None, date | None, list[int], list[tuple[int, object]]]:
    """Give each stop the dates of the sentences about it. Returns the trip's own first and
    last days (a range over several destinations), the sentences that gave them, and every
    date used as (stop index, or -1 for the whole trip, DateMention). `home_days`, when
    given, gets (sentence, day) for each day of the journey home (`close_on_the_way_home`)."""
    trip_start = trip_end = None
    trip_sentences: list[int] = []
    used: list[tuple[int, object]] = []  # (stop index or -1 for trip, DateMention)
    carried: list[tuple[int, int, dates_mod.DateMention]] = []  # (stop, sentence, date)
    country_ranges: dict[str, tuple[date | None, date]] = {}
    for fact in facts:
        n = fact.sentence.index
        if fact.sentence.clutter or fact.sentence.heading or fact.others_travel:
            continue  # "Scholz visited Israel on Tuesday": not the traveller's day there
        # "BRASILIA, April 11 (Reuters) -": the dateline's date is when the story was filed
        dateline = DATELINE.match(fact.sentence.text) or DATED_DATELINE.match(
            fact.sentence.text) or AGENCY_DATELINE.match(fact.sentence.text)
        filed_until = fact.sentence.start + dateline.end() if dateline else -1
        # "will depart tomorrow (Monday, 4 July) on a visit to X, Y and Z": the day of
        # leaving home for the trip is its first day (end-date convention: a trip start)
        for d in fact.dates:
            if d.first is not None and not d.reporting and not d.is_range and (
                    anchor is None or abs(d.first - anchor) <= TRAVEL_DATE_WINDOW) and \
                    leaves_home_for_the_trip(fact, d, drafts):
                trip_start = d.first if trip_start is None else min(trip_start, d.first)
                trip_sentences.append(n)
            elif home_days is not None and d.first is not None and not d.reporting and \
                    not d.is_range and (anchor is None or abs(d.first - anchor) <=
                                        TRAVEL_DATE_WINDOW) and goes_home(fact, d, drafts):
                # "left Beijing on Saturday for Riyadh": the day the trip ends
                home_days.append((n, d.first))
        valid = [d for d in fact.dates if d.first is not None and (
            not d.reporting or spoken_there(fact, d, drafts)) and (
            anchor is None or abs(d.first - anchor) <= TRAVEL_DATE_WINDOW)
            and d.end > filed_until and not is_departure_date(fact, d, drafts)
            and not sends_elsewhere(fact, d, drafts) and not negated(fact, d)
            and not attributive(fact, d) and not names_a_dated_thing(fact, d)]
        # another person's days in the sentence are not the traveller's, but they still
        # make it an itinerary of several days rather than one span over the trip
        sole_date = len(valid) == 1
        valid = [d for d in valid if not anothers_leg(fact, d)]
        stops_here = list(dict.fromkeys(fact.stops))
        for d in valid:
            target = None
            moved_to = before_the_move(fact, d, drafts, valid)
            if moved_to is not None:
                if moved_to > 0:  # (a day at the stop the traveller then moves on from)
                    carried.append((moved_to - 1, n, d))
                continue
            if len(stops_here) >= 2:
                # "X on July 11 and then Y on July 13": each date to the destination named
                # right before it; one range over several destinations spans the whole trip
                nearest = nearest_stop(fact, d, drafts)
                # "travel to X, Y and Z October 3-7": the range covers the listed group;
                # "to Tokyo November 5 through 7 and then to Hanoi": it is Tokyo's
                group = listed_before(fact, d, drafts)
                # ("Today, I embark on a visit to X, Y and Z from 2 to 9 July": the range
                # after a list of every stop spans the trip, whatever else the sentence dates)
                whole_trip = (sole_date or (d.is_range and len(group) == len(drafts))) \
                    and (d.is_range or n in overview) and (
                        nearest is None or nearest[0] > 40 or nearest[2] >= 2)
                if whole_trip:
                    # a range spans the trip; a single day over several places is its start,
                    # or its end when the sentence ends the trip ("on Sunday wrapped up") or
                    # the day closes a span whose first day is unreadable ("from [noise] to
                    # 3 March")
                    at = d.start - fact.sentence.start
                    ends = not d.is_range and (LAST_STOP.search(fact.sentence.text) or
                                               dates_mod.THROUGH.search(
                                                   fact.sentence.text, max(0, at - 12), at))
                    if not ends:
                        trip_start = d.first if trip_start is None else min(trip_start, d.first)
                    if d.is_range or ends:
                        trip_end = d.last if trip_end is None else max(trip_end, d.last)
                    trip_sentences.append(n)
                    used.append((-1, d))
                    continue
                if len(group) >= 2:
                    # "to X and Y between 28 February and 3 March": the range opens the
                    # first listed stop and closes the last; "talks in X and Y on Wednesday":
                    # one day at each
                    _put_listed(drafts, group, d, fact, n)
                    used.extend((target, d) for target in group)
                    continue
                listed = listed_after(fact, d, drafts) if sole_date and not d.is_range else []
                if listed:
                    # "On 5 June he will travel to the region, visiting X and Y": that day
                    # at each
                    _put_listed(drafts, listed, d, fact, n)
                    used.extend((target, d) for target in listed)
                    continue
                named_after = [m.start for m in fact.places if m.start >= d.end and
                               stop_for_place(m.place, drafts) in stops_here]
                if sole_date and not d.is_range and len(named_after) >= 2 and \
                        not any(m.start < d.start for m in fact.places
                                if stop_for_place(m.place, drafts) in stops_here) and \
                        MOVE_ON.search(fact.sentence.text):
                    if len({stop_for_place(m.place, drafts) for m in fact.places
                            if m.start >= d.end} & set(stops_here)) >= 3:
                        # "on Sunday departed for a visit to four countries, namely X, Y, Z
                        # and W": the day the trip starts, not a day at each
                        trip_start = d.first if trip_start is None else min(trip_start,
                                                                             d.first)
                        trip_sentences.append(n)
                        used.append((-1, d))
                        continue
                    # "On Thursday he will visit a memorial in Buenos Aires and then fly to
                    # Bariloche", "Early on Saturday he left Baghdad for Najaf": both that day
                    for target in stops_here:
                        _put_date(drafts[target], d, fact, n)
                        used.append((target, d))
                    continue
                target = nearest[1] if nearest else None
            elif len(stops_here) == 1:
                target = stops_here[0]
                if placed_elsewhere(fact, d, drafts) or _only_before_the_date(
                        fact, d, drafts, target) or named_only_aside(fact, d, drafts, target):
                    continue
                if not any(m.kind in {"country", "city", "venue"} and m.start >= filed_until
                           and stop_for_place(m.place, drafts) == target for m in fact.places):
                    # only a demonym or a leader ties the sentence to the stop ("solidarity
                    # with the Israeli people"): as weak as the paragraph's context
                    carried.append((target, n, d))
                    continue
            elif fact.context is not None and not fact.trip_scope:
                if any(sig.strength != "dateline" for sig in fact.signals):
                    # "In Lyon on Saturday, he hosted a summit": the sentence puts the
                    # traveller somewhere that is no stop (home, or a home territory); its
                    # day is that place's, not the paragraph's stop's
                    continue
                carried.append((fact.context, n, d))
                continue
            if target is None:
                continue
            # ("will stay in X until next Friday, June 23": the bound of the country's stay)
            at = d.start - fact.sentence.start
            closing = not d.is_range and (COUNTRY_CLOSING.search(fact.sentence.text) or
                                          UNTIL_BOUND.search(fact.sentence.text, max(0, at - 20),
                                                             at))
            if (d.is_range or closing) and not _names_city_stop(fact, target, drafts):
                # "visit China from 4 to 7 November", "wrap up the China leg on Friday": the
                # country's, when it has several city stops and the sentence names none
                code = drafts[target].code
                first, last = country_ranges.get(code, (None, d.last))
                if not closing:
                    first = d.first if first is None else min(first, d.first)
                country_ranges[code] = (first, max(last, d.last))
                used.append((target, d))
                continue
            _put_date(drafts[target], d, fact, n, leaves_a_stop_for_the_next(fact, d, drafts))
            used.append((target, d))
        for target, d in offset_days(fact, valid, drafts):
            if drafts[target].start is None:  # (a day the text states outranks a count)
                _put_date(drafts[target], d, fact, n)
                used.append((target, d))
    for target, n, d in carried:
        draft = drafts[target]
        if trip_start is not None and trip_end is not None and (
                d.last < trip_start or d.first > trip_end):
            continue  # ("will travel ... from June 10 to 12. He spoke yesterday with X"): a
            # day outside the trip's stated range, in a sentence that does not name the stop
        if draft.start is not None and draft.end is not None and not (
                draft.start - CONTEXT_DATE_REACH <= d.first
                and d.last <= draft.end + CONTEXT_DATE_REACH):
            continue
        draft.start = d.first if draft.start is None else min(draft.start, d.first)
        draft.end = d.last if draft.end is None else max(draft.end, d.last)
        draft.start_stated = True
        draft.end_stated = draft.end_stated or d.is_range
        draft.open_end = draft.open_end and bool(ENTRY_STAMP.fullmatch(d.text))
        stay_days = next((f.stay_days for f in facts if f.sentence.index == n), 0)
        if stay_days and not d.is_range:
            # "(met X) on Tuesday, on the second day of a three-day visit"
            draft.stay_end = d.first + timedelta(days=stay_days - 1)
        if n not in draft.date_sentences:
            draft.date_sentences.append(n)
        used.append((target, d))
    for code, (first, last) in country_ranges.items():
        # the country's range opens its first city stop and closes its last one
        own = [draft for draft in drafts if draft.code == code]
        if first is not None and (own[0].start is None or own[0].start > first):
            own[0].start = first
            own[0].start_stated = True
        if own[-1].end is None or own[-1].end <= last:
            own[-1].end = last
            own[-1].end_stated = True
    return trip_start, trip_end, trip_sentences, used


def close_dates(drafts: list[StopDraft], trip_start: date | None, trip_end: date | None,
                facts: list[SentenceFacts] | None = None, anchor: date | None = None
                ) -> list[bool]:
    """Fill what the text implies: the trip's first day is the first stop's start, its last
    day the last stop's end; a single stated day is the stop's end too unless a gap before the
    next dated stop leaves the departure unknown. A story told after the next stop began
    (`anchor`, the story's day, on or after it) that gives a day of doing something at the
    stop (`facts`, the sentences, tell which) knew the stay and told that day: start = end.
    Returns, per stop, whether a date was inferred rather than stated."""
    by_index = {f.sentence.index: f for f in facts or []}
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
        following = next((d.start for d in drafts[n + 1:] if d.start is not None), None)
        if draft.stay_end is not None and draft.end is not None and draft.end_stated and \
                draft.stay_end > draft.end and (following is None or draft.stay_end <= following):
            # stated days, and a stay length told on one of them ("on the second day of a
            # three-day visit") that runs past the last stated one
            draft.end = draft.stay_end
        if draft.start is None or draft.end_stated or not draft.start_stated:
            continue
        if draft.stay_end is not None and (following is None or draft.stay_end < following) \
                and (draft.end is None or draft.end <= draft.stay_end):
            # "for a two-day visit", unless the next stop begins before the stay would end
            draft.end = draft.stay_end
            continue
        if draft.open_end or (following is not None
                               and following > draft.start + timedelta(days=1)
                               and not reaches_the_next_stop(draft, following)
                               and not (anchor is not None and following <= anchor
                                        and activity_day(draft, by_index))):
            draft.end = None
        else:
            draft.end = draft.start if draft.end is None or draft.end == draft.start else draft.end
    for n in range(1, len(drafts) - 1):
        # "Sunday in Berlin, then Aachen, and by Sunday evening Paris": an undated stop
        # between two stops on the same day is on that day too
        before, draft, after = drafts[n - 1], drafts[n], drafts[n + 1]
        day = before.end or before.start
        if draft.start is None and draft.end is None and day is not None and day == after.start:
            draft.start = draft.end = day
            inferred[n] = True
    return inferred
