"""The day a stop ends because the traveller moves on (`close_on_departure`): "flew from
Riyadh to Israel on Monday", "(met X on Wednesday) before leaving for Seoul", "He will then fly
on to Y on Thursday" after an arrival, "From there I go to Y", a programme's "Departure for Y"
line, and a stop named after "before flying to" that starts the same day. Called by
`trip.date_stops` after `stop_dates.close_dates`; then `close_on_the_way_home`, the day of the
journey home for the last stop.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dashboard.extraction import grammar
from dashboard.extraction.date_filters import (
    arrival_only,
    leaves_a_stop_for_the_next,
)
from dashboard.extraction.facts import SentenceFacts, StopDraft
from dashboard.extraction.first_days import first_day_dates
from dashboard.extraction.itinerary import stop_for_place

# Leaving the stop before, dated: "flew directly from Riyadh to Israel on Monday", "(on
# Wednesday he met ...) before leaving for Seoul". A bare "will then travel to Y on D" leaves
# the day of departure open, as previews do.
BEFORE_MOVING = re.compile(r"\bbefore\s+(?:leav|head|travel|depart|fly|flying|go|mov|cross|"
                           r"continu)\w*\b[^.;:]{0,40}$", re.IGNORECASE)
# Getting to the next stop, told as what ends the stay before: "(three days of talks in X)
# before the King arrived in Y on the 15th"
BEFORE_ARRIVING = re.compile(r"\bbefore\s+(?:[\w'’-]+\s+){0,3}?(?:arriv|land|reach)\w*\s+"
                             r"(?:(?:in|at)\s+)?(?:the\s+)?$", re.IGNORECASE)
LEAVING = re.compile(r"\b(?:(?:fl(?:y|ies|ew)|travel\w*|head\w*|depart\w*|drove|went)\s+"
                     r"(?:\w+\s+)?from|left|leaves|leaving|(?:flew|flies)\s+out\s+of)\s+"
                     r"(?:the\s+)?$", re.IGNORECASE)


# Getting to the stop from the one before: "arrived in Y on Saturday from X", "landed in Y
# late on Monday from X" (up to the name of the place left)
ARRIVED_FROM = re.compile(r"\b(?:arriv|land|reach)\w*\s+(?:in\s+|at\s+)?[^.;:,]{1,60}?"
                          r"\s+from\s+(?:the\s+)?$", re.IGNORECASE)


# Moving on, told after the fact: "flew to the coastal city of Mombasa on Thursday", "The
# president flew on to Doha on Tuesday": leaving the stop before is that day too
MOVED_ON = re.compile(r"\b(?:flew|travell?ed|headed|went|drove|moved|continued|crossed|"
                      r"jetted|sailed|proceeded)\s+(?:(?:on|onward|onwards|directly|straight)"
                      r"\s+)?(?:to|into)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?$",
                      re.IGNORECASE)


ONE_DAY = timedelta(days=1)
ZERO_DAYS = timedelta(0)
# The traveller sleeps at the stop: "will spend the night in the capital", "stays overnight"
OVERNIGHT = re.compile(r"\b(?:spend(?:s|ing)?|spent)\s+the\s+night\b|"
                       r"\bstay(?:s|ed|ing)?\s+overnight\b|\bovernight\s+(?:stay|in)\b",
                       re.IGNORECASE)

# Verbs of moving from one place to the next (not of being there: "arrives", "is in")
MOVING_VERBS = {"travel", "go", "head", "fly", "continue", "proceed", "move", "jet", "drive",
                "cross", "sail", "depart", "leave"}


def moves_on_that_day(fact: SentenceFacts, position: int, day, from_before: bool = False
                      ) -> bool:
    """By the parse, the place at `position` is where a verb of moving goes, and a date of
    `day` hangs from the same verb ("He will then fly to Y on Thursday", "On Friday she
    travels on to Y"); with `from_before`, the verb also says where from ("From there I go
    to Y on Thursday", "From X, she will fly to Y on Saturday")."""
    if fact.parse is None:
        return False
    verb = grammar.governing_verb(fact.parse, position, grammar.DESTINATION_PREPS)
    if verb is None or fact.parse.doc[verb].lemma_.lower() not in MOVING_VERBS:
        return False
    if from_before and not any(child.dep_ == "prep" and child.lower_ == "from"
                               for child in fact.parse.doc[verb].children):
        return False
    return any(d.first == day and not d.is_range
               and grammar.governing_verb(fact.parse, d.start) == verb for d in fact.dates)


# Leaving for the next stop, in a programme's line: "10:00 Departure for Tokyo"
DEPARTURE_FOR = re.compile(r"\b(?:departure|depart\w*|leav\w*|flight)\s+(?:for|to)\s+"
                           r"(?:the\s+)?$", re.IGNORECASE)


# A programme's line that opens with its day and a dash: "Friday 10 June - Flight to Y",
# "10 June: departure for Y"
PROGRAMME_DAY_LINE = re.compile(r"\b(?:\w{1,20},?[ \t]{1,4}){1,3}?\w{1,20}[ \t]{0,4}[-–—:][ \t]")


# A programme's item of going home: "- Return to X", "18.45 Departure for X", "Flight home"
# (opening the line, or after its day or clock time)
RETURN_LINE = re.compile(r"(?:^|[-–—:][ \t]|\d[.:]\d\d[ \t]{1,4})(?:return|departure|flight|"
                         r"fly|flies)\w{0,4}[ \t]{1,4}(?:(?:back|by[ \t]plane)[ \t]{1,4})?"
                         r"(?:to|for|home)\b", re.IGNORECASE)


def _departures_in_a_programme(drafts: list[StopDraft], active: list[SentenceFacts],
                               text: str) -> None:
    """A programme's line "10:00 Departure for Y" under the line of a day that is Y's first,
    or dated itself ("Friday 10 June - Flight to Y"): that day is the last at the stop
    before (end-date convention: the day of moving on ends the stop before); so is the day
    of a line going home ("Monday 13 June - Return to <home>") for the last stop."""
    day = None
    for fact in active:
        stated = [d.first for d in fact.dates if d.first and not d.is_range]
        if stated:
            day = stated[-1]
            # a programme's dated line opens with its one day; a day told in a sentence
            # ("On Sunday he will leave for X", after the way home) is the main rule's
            if len(set(stated)) > 1 or not PROGRAMME_DAY_LINE.match(
                    text, fact.sentence.start, fact.sentence.end):
                continue
        if day is None:
            continue
        for m in fact.places:
            k = stop_for_place(m.place, drafts)
            if k is None or k == 0 or drafts[k].start != day or not DEPARTURE_FOR.search(
                    text, max(fact.sentence.start, m.start - 30), m.start):
                continue
            before = drafts[k - 1]
            if before.start is not None and before.start <= day and (
                    before.end is None or before.end < day):
                before.end = day
                if fact.sentence.index not in before.date_sentences:
                    before.date_sentences.append(fact.sentence.index)
        if RETURN_LINE.search(text, fact.sentence.start, fact.sentence.end) and not any(
                stop_for_place(m.place, drafts) is not None for m in fact.places
                if m.kind in {"country", "city", "venue"}):
            # "Monday 13 June - Return to <home>": the journey home leaves the last stop
            # begun by that day on that day (the day of moving on ends the stop before)
            last = next((d for d in reversed(drafts) if d.start is not None
                         and d.start <= day), None)
            if last is not None and last.end is not None and last.start <= last.end < day:
                last.end = day
                if fact.sentence.index not in last.date_sentences:
                    last.date_sentences.append(fact.sentence.index)


def _arrivals_the_same_day(drafts: list[StopDraft], by_index: dict[int, SentenceFacts],
                           text: str) -> None:
    """An undated stop named only after "before flying to" in a sentence whose one day is the
    last at the stop before ("This morning they visit a project in X before flying to Y"):
    the traveller gets to Y that day; with the next stop begun by the day after, that day
    is Y's only one."""
    for k in range(1, len(drafts)):
        before, draft = drafts[k - 1], drafts[k]
        if draft.start is not None or before.end is None:
            continue
        for sig in draft.signals:
            fact = by_index.get(sig.sentence)
            if fact is None or sig.strength != "cue":
                continue
            days = [d for d in fact.dates if d.first is not None and not d.is_range]
            if len(days) == 1 and days[0].first == before.end and days[0].end <= sig.position \
                    and BEFORE_MOVING.search(text, max(fact.sentence.start, sig.position - 60),
                                             sig.position):
                draft.start = before.end
                draft.start_stated = True
                draft.date_sentences.append(sig.sentence)
                # (a single day, closed as `stop_dates.close_dates` closes one: when the
                # next dated stop begins by the next day)
                following = next((d.start for d in drafts[k + 1:] if d.start is not None),
                                 None)
                if draft.end is None and following is not None and \
                        draft.start <= following <= draft.start + ONE_DAY:
                    draft.end = draft.start
                break


def _arrived_that_day(draft: StopDraft, by_index: dict[int, SentenceFacts]) -> bool:
    """The stop's first day is only told as the day the traveller got there ("will arrive
    in X on Monday", "flew to X on Sunday"), not as a day of doing something there."""
    return any(arrival_only(fact, d) for n in draft.date_sentences
               if (fact := by_index.get(n)) is not None
               for d in fact.dates if d.first == draft.start)


# Verbs of getting to a place (not of travelling towards it): "arrived in X on Wednesday",
# and "flew into X"
ARRIVED = {"arrive", "land", "reach"}


def _arrived_on(draft: StopDraft, by_index: dict[int, SentenceFacts]) -> bool:
    """By the parse, the stop's one day is told as the day the traveller got there ("arrived
    in X on Wednesday afternoon, and that evening met ..."): the stay runs on to the day the
    traveller leaves."""
    for n in draft.date_sentences:
        fact = by_index.get(n)
        if fact is None or fact.parse is None:
            continue
        for d in fact.dates:
            verb = grammar.governing_verb(fact.parse, d.start) if d.first == draft.start \
                else None
            if verb is None:
                continue
            token = fact.parse.doc[verb]
            # ("flew into Yangon yesterday morning": getting there by air)
            if token.lemma_.lower() in ARRIVED or (token.lemma_.lower() in {"fly", "jet"} and any(
                    c.dep_ == "prep" and c.lower_ == "into" for c in token.children)):
                return True
    return False


# "From the 22nd he will be in Y", "From Thursday, Y": a stay told from its first day on
FROM_DAY = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)


def _from_that_day(fact: SentenceFacts, day: date) -> bool:
    """The sentence tells a stay from `day` on ("From the 22nd he will be in Y"): the
    traveller moves there that day, which ends the stop before (end-date convention)."""
    s = fact.sentence
    return any(d.first == day and not d.is_range and FROM_DAY.search(
        s.text, max(0, d.start - s.start - 12), d.start - s.start) for d in fact.dates)


# The late part of a day: an arrival then means a night at the place
LATE_IN_THE_DAY = re.compile(r"\b(?:evening|night|tonight|late)\b", re.IGNORECASE)


def _arrived_at_night(draft: StopDraft, by_index: dict[int, SentenceFacts]) -> bool:
    """By the parse, the stop's first day is told as an arrival late in the day ("is due
    to arrive in X this evening", "lands in X late on Monday", "arrives on Monday night"):
    the traveller spends that night there."""
    for fact, d, verb in first_day_dates(draft, by_index):
        # (the part of the day in the date's own words, or right around them)
        around = fact.sentence.text[max(0, d.start - fact.sentence.start - 8):
                                    d.end - fact.sentence.start + 10]
        if verb is not None and fact.parse.doc[verb].lemma_.lower() in ARRIVED and \
                LATE_IN_THE_DAY.search(around):
            return True
    return False


def _range_ends(draft: StopDraft, by_index: dict[int, SentenceFacts]) -> bool:
    """The stop's last day is the end of a range the text states ("from 23 to 24 August")."""
    return any(d.is_range and d.last == draft.end for n in draft.date_sentences
               if (fact := by_index.get(n)) is not None for d in fact.dates)


def close_on_departure(drafts: list[StopDraft], active: list[SentenceFacts], text: str,
                        inferred: list[bool], home_day: date | None = None) -> None:
    """The day the traveller moves on to the next stop is the last day at the stop before,
    when the text dates the move ("flew from Riyadh to Israel on Monday"); not a leg that
    starts after `home_day`, the day of the journey home ("return to the capital on
    Wednesday evening. On Sunday he will leave for X"): that trip starts from home."""
    by_index = {f.sentence.index: f for f in active}
    overnight = {f.context for f in active if f.context is not None
                 and OVERNIGHT.search(text, f.sentence.start, f.sentence.end)}
    overnight |= {k for k, draft in enumerate(drafts) if _arrived_at_night(draft, by_index)}
    _departures_in_a_programme(drafts, active, text)
    _arrivals_the_same_day(drafts, by_index, text)
    for k in range(1, len(drafts)):
        before, draft = drafts[k - 1], drafts[k]
        if draft.start is None or before.start is None or before.start > draft.start or (
                before.end is not None and before.end >= draft.start):
            continue
        if home_day is not None and before.start <= home_day < draft.start:
            continue
        for sig in draft.signals:
            fact = by_index.get(sig.sentence)
            if fact is None:
                continue
            arriving = BEFORE_ARRIVING.search(text, max(fact.sentence.start, sig.position - 60),
                                              sig.position)
            # "arrived in Y on Saturday from X": the day of getting to Y is X's last
            came_from = any(
                m.start > sig.position and stop_for_place(m.place, drafts) == k - 1
                and ARRIVED_FROM.search(text, max(fact.sentence.start, sig.position - 30),
                                        m.start)
                for m in fact.places)
            from_day = _from_that_day(fact, draft.start)
            if sig.strength != "cue" and not ((arriving or came_from or from_day)
                                              and sig.strength == "locative"):
                continue
            left_before = came_from or any(
                m.start < sig.position and stop_for_place(m.place, drafts) == k - 1
                and LEAVING.search(text, max(fact.sentence.start, m.start - 40), m.start)
                for m in fact.places)
            # the day of moving on ("flew on to Y on Tuesday", "will then fly to Y on
            # Thursday") ends a stop whose end is open (only an arrival day), and a stay told
            # over several days when told after the fact; a stated one-day activity keeps its
            # own day, and a start that is only the trip's first day (leaving home) says
            # nothing of the stay (end-date convention)
            # (a stay stated as a range, "in X from April 7 to 9", "on Jan. 9 and 10",
            # keeps its own last day however the move on is told)
            moved_on = (
                before.end is not None and before.end > before.start
                and not _range_ends(before, by_index) and MOVED_ON.search(
                    text, max(fact.sentence.start, sig.position - 60), sig.position)) or (
                before.end is None and not inferred[k - 1]
                and _arrived_that_day(before, by_index)
                and moves_on_that_day(fact, sig.position, draft.start)) or (
                # "From there I go to Y on Thursday": leaving the stop before, in so many words
                moves_on_that_day(fact, sig.position, draft.start, from_before=True)) or (
                # "(in X on Sunday and Monday) will travel to Y on Tuesday": a move dated the
                # day after the last day told at X ends X; a stay stated as a range ("in X
                # from 23 to 24 August") keeps its own last day; so does a day of arriving
                # in a preview ("will arrive in X on Thursday ... On Friday he will travel
                # to Y"), but not when told after the fact ("arrived in X on Wednesday
                # afternoon ... flew into Y yesterday": the night was spent in X)
                before.end is not None and draft.start - before.end == ONE_DAY
                and not _range_ends(before, by_index) and (
                    (before.end > before.start
                     and moves_on_that_day(fact, sig.position, draft.start))
                    or ((before.end > before.start or _arrived_on(before, by_index))
                        and MOVED_ON.search(text, max(fact.sentence.start, sig.position - 60),
                                            sig.position))))
            # "From the 22nd he will be in Y": the first day there, told as such, is the day
            # of moving on from X, when X's stay is open or told over days up to the day before
            moved_on = moved_on or (from_day and (
                before.end is None or (before.end > before.start
                                       and draft.start - before.end == ONE_DAY
                                       and not _range_ends(before, by_index))))
            # "(in X today) He leaves tomorrow for Y": leaving X, in so many words, that day
            moved_on = moved_on or (
                before.end is not None and ONE_DAY >= draft.start - before.end > ZERO_DAYS
                and any(d.first == draft.start and leaves_a_stop_for_the_next(fact, d, drafts)
                        for d in fact.dates))
            # "He will spend the night in X. On Friday he will travel to Y", "arrives in X
            # this evening. Tomorrow he will fly to Y": a night at X told, and the move the
            # next day ends X (whatever opened it)
            moved_on = moved_on or (
                (before.end is None or before.end == before.start)
                and draft.start - before.start == ONE_DAY and k - 1 in overnight
                and moves_on_that_day(fact, sig.position, draft.start))
            if not left_before and not moved_on and not BEFORE_MOVING.search(
                    text, max(fact.sentence.start, sig.position - 60), sig.position) and \
                    not arriving:
                continue
            if any(d.first == draft.start and not d.is_range for d in fact.dates):
                before.end = draft.start
                if not before.date_sentences or sig.sentence not in before.date_sentences:
                    before.date_sentences.append(sig.sentence)
                break


def close_on_the_way_home(drafts: list[StopDraft], home_days: list[tuple[int, date]]) -> None:
    """The day of the journey home ("before returning to Tokyo on Wednesday", "They fly home
    tomorrow") ends the last stop begun by that day when its end is still open (a start
    alone, as in ../shared/articles file 43); a stated day at the stop stays its end (the
    flight home may be overnight), and a leg dated after the way home is left alone. In
    place."""
    if not drafts or not home_days:
        return
    n, day = max(home_days, key=lambda item: item[1])
    # the last stop begun by that day: a leg dated after the way home is no part of the
    # stay it closes (and a stop without a day says nothing)
    last = next((d for d in reversed(drafts) if d.start is not None and d.start <= day),
                drafts[-1])
    if last.end is None and last.start is not None and last.start <= day:
        last.end = day
        last.end_stated = True
        if n not in last.date_sentences:
            last.date_sentences.append(n)
