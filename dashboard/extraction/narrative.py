"""Dates the narrative implies, earlier trips, and the day a stop ends.

`narrative_dates`: "the next day" / "later that day" after a dated sentence, "today" under a
dated heading, "arrived on Thursday for a two-day visit"; `earlier_trip`: a clause about an
earlier trip ("visited Washington last month"). The day a stop ends by the traveller moving
on is `departures.py`'s.
"""

from __future__ import annotations

import re
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from dashboard.extraction import dates as dates_mod
from dashboard.extraction import grammar, stay_ends, tense
from dashboard.extraction.counted_days import counted_later, nth_day_of_the_visit, opening_next_day
from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.perfect_arrivals import perfect_arrival_day
from dashboard.extraction.preview_weeks import align_named_weekdays, forward_weekdays
from dashboard.extraction.stay_ends import after_the_dateline, one_day_stay, opens_the_stay
from dashboard.extraction.titled_stamps import titled_stamp_day

SAME_DAY = re.compile(r"\b(?:(?:later|earlier)\s+(?:that|the\s+same|in\s+the)\s+day|"
                      r"the\s+same\s+day|"
                      r"the\s+same\s+(?:morning|afternoon|evening|night)|"
                      r"(?:later\s+)?that\s+(?:morning|afternoon|evening|night))\b",
                      re.IGNORECASE)
# A sentence that opens on a part of the day told before: "In the evening, ...", "That
# night ...", "Later, ..."
PART_OF_DAY_OPENING = re.compile(r"((?:in\s+the|that|later\s+that)\s+(?:morning|afternoon|"
                                 r"evening|night)|later\s+that\s+day)\b", re.IGNORECASE)
# ("planning for the day after", "talks about the day after": the time after a war, named
# as a thing, not a day of the trip)
NEXT_DAY = re.compile(r"\b(?:the\s+(?:next|following)\s+(?:day|morning)|"
                      r"(?<!\bfor\s)(?<!\babout\s)(?<!\bof\s)the\s+day\s+after)\b",
                      re.IGNORECASE)
# "will spend the following two days in X": the days after the one told, as a range
FOLLOWING_DAYS = re.compile(r"\bthe\s+(?:following|next)\s+(?P<n>two|three|four|five|six|"
                            r"seven|[2-7])\s+days\b", re.IGNORECASE)
TODAY_WORDS = re.compile(r"^(?:today|tonight|this\s+\w+)$", re.IGNORECASE)
# "for a two-day visit": the stated day opens a stay of that length
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
STAY_LENGTH = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|[2-7])[- ]day\s+(?:(?:state|official|working|"
    r"international|\w+'s)\s+)*(?:visit|stay|conference|summit|meeting|forum|talks)\b",
    re.IGNORECASE)
# "on the second day of a three-day visit", "the final day of his four-day stay"
NTH_DAY_OF = re.compile(r"\bthe\s+(?P<nth>first|second|third|fourth|fifth|final|last)\s+day\s+"
                        r"of\s+(?:a|an|his|her|their|the)\s+$", re.IGNORECASE)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
ENDING = re.compile(r"\b(?:end(?:s|ed|ing)?|wrap\w*|conclud\w*|clos(?:e|es|ed|ing)|"
                    r"last|final)\b", re.IGNORECASE)


# An appositive or relative clause about a person, up to the next comma or full stop
EARLIER_TRIP = re.compile(
    # ("last September": a month's name is capitalised, "the last march" is no time)
    r"\b(?:last\s+(?:month|year|spring|summer|autumn|fall|winter|(?-i:January|February|"
    r"March|April|May|June|July|August|September|October|November|December))\b|"
    r"earlier\s+this\s+year|(?:months|years)\s+ago|"
    r"in\s+(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b(?!\s*\d)|"
    r"in\s+(?:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+)?(?P<year>(?:19|20)\d{2})\b)", re.IGNORECASE)


# A caption of an archive picture: another day than this trip's
FILE_PICTURE = re.compile(r"^\W*(?:file|archive)\s+(?:picture|photo|image)\b", re.IGNORECASE)


def earlier_trip(fact: SentenceFacts, position: int, text: str, anchor) -> bool:
    """The clause after `position` dates what it says to an earlier trip: "(met Biden) in
    Washington in February" in an April story, "a state visit to Washington last month"."""
    s = fact.sentence
    if FILE_PICTURE.match(s.text):
        return True  # "File picture: X and Y shake hands at the summit in Z, 11 April"
    # "In July 2022 he travelled to Cameroon": a time that opens the sentence governs it
    opening = EARLIER_TRIP.match(text, s.start)
    if opening and opening.end() <= position and is_earlier(opening, anchor, s.start):
        return True
    if _earlier_time_on_its_verb(fact, position, text, anchor):
        return True
    for match in EARLIER_TRIP.finditer(text, position, s.end):
        clause = text[position:match.start()]
        if ";" in clause or (position > s.start and len(clause) > 80):
            continue
        if re.search(r"\bsince\b[^,;]{0,40}$", text[max(s.start, match.start() - 50):
                                                    match.start()]):
            continue  # "his first trip since his re-election in May": a reference point
        if _dates_a_thing_described(fact, match.start()) and (
                position == s.start or not _inside_clause_of(fact, match.start(), position)):
            # "(met X to discuss) an agreement signed in May": the agreement's time does not
            # make the whole sentence an earlier trip's, nor a place outside that clause ("fly
            # to X on Sunday to honour the king, who died in October"); a place inside the
            # clause ("the envoy, who visited X in May") keeps the clause's time
            continue
        if is_earlier(match, anchor, s.start):
            return True
    return False


def _earlier_time_on_its_verb(fact: SentenceFacts, position: int, text: str, anchor) -> bool:
    """"talks held last month at the State House in X", "who flew last year to X": an
    earlier time told before the place, hanging (by the parse) from the same verb as the
    place, dates the place to that time; one on another verb ("visited Y last week and
    arrives in X today") does not."""
    if fact.parse is None:
        return False
    s = fact.sentence
    # (`position` may be the place's end: its last character is then the place's)
    verb = grammar.governing_verb(fact.parse, position)
    if verb is None and position > s.start:
        verb = grammar.governing_verb(fact.parse, position - 1)
    if verb is None:
        return False
    verbs = {verb, *_when_heads(fact.parse.doc[verb])}
    for match in EARLIER_TRIP.finditer(text, s.start, position):
        if match.start() > s.start and grammar.governing_verb(
                fact.parse, match.end() - 1) in verbs and is_earlier(match, anchor, s.start):
            return True
    return False


def _when_heads(verb) -> list[int]:
    """The verbs whose time a "when" clause takes: "She last travelled abroad in November,
    when she attended a summit in X" puts X in November (indices into the document)."""
    heads: list[int] = []
    node = verb
    while node.dep_ in {"advcl", "relcl"} and node.head is not node and any(
            c.lower_ == "when" and c.dep_ == "advmod" for c in node.children):
        # (a "when" clause on the time itself, "in November, when ...", hangs from the noun)
        node = node.head
        for _ in range(3):
            if node.pos_ in {"VERB", "AUX"} or node.head is node:
                break
            node = node.head
        heads.append(node.i)
        if len(heads) > 3:
            break
    return heads


# Occasions a traveller or a leader attends: a time describing one dates a meeting ("the
# summit hosted by X in September"), unlike one describing a thing ("an agreement signed in
# May")
OCCASIONS = {"summit", "conference", "meeting", "forum", "talk", "talks", "session", "congress",
             "ceremony", "election", "assembly", "dialogue", "gathering"}


def _dates_a_thing_described(fact: SentenceFacts, position: int) -> bool:
    """By the parse, the time at `position` hangs from a clause that describes a noun other
    than a trip or an occasion ("an agreement signed in May", "a deal that was agreed in
    March"): it dates that thing, not the sentence's own events. "His visit, which took place
    in February" and "the summit hosted by X in September" still date a meeting."""
    if fact.parse is None:
        return False
    at = grammar.governing_verb(fact.parse, position)
    if at is None:
        return False
    verb = fact.parse.doc[at]
    return verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"} and \
        verb.head.lemma_.lower() not in grammar.TRIP_NOUNS | OCCASIONS


def _inside_clause_of(fact: SentenceFacts, time_at: int, position: int) -> bool:
    """Whether the place at `position` lies inside the clause whose verb governs the time
    at `time_at` (its subtree in the parse)."""
    at = grammar.governing_verb(fact.parse, time_at)
    place = grammar.token_at(fact.parse, position) or grammar.token_at(fact.parse, position - 1)
    if at is None or place is None:
        return True
    return place in fact.parse.doc[at].subtree


def is_earlier(match: re.Match, anchor, floor: int = 0) -> bool:
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
        future = [m.end() for m in tense.FUTURE_MARKERS.finditer(before)]
        past = [m.end() for m in tense.PAST_MARKERS.finditer(before)]
        later = 2 <= 12 - back <= 5 and bool(future) and max(future) > max(past, default=-1)
        return 1 <= back <= 6 or later
    return False


# A live blog's time stamp on a line of its own: "22:18", "2:10 p.m.", "13 May 2023, 18:05
# BST", "11 Aug 2022, 18:35 GMT+10" (a date, if any, then a clock time and a zone; single
# spaces, one way to match: linear on hostile text)
ENTRY_STAMP = re.compile(
    r"(?:(?:\d{1,2}\s[A-Z][a-z]{2,8}\.?(?:\s\d{4})?|[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,?\s\d{4})?)"
    r",?\s(?:at\s)?)?\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?"
    r"(?:\s(?:[A-Z]{2,4}(?:[+-]\d{1,2})?|local\stime))?"
    # (the time first, then the day: "14:10  Fri 15 Sep", "09:30 Saturday, September 16")
    r"(?:,?[ \t]+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]+)?"
    r"(?:\d{1,2}[ \t][A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?[ \t]\d{1,2})(?:,?[ \t]\d{4})?)?",
    re.IGNORECASE)

# "He will also travel to X", "She also visited X": one more place, in the same time frame
ALSO_TRAVELS = re.compile(r"\balso\s+(?:(?:will|would|to)\s+)?(?:travel|visit|go|fly|head|"
                          r"stop|tour|drive)\w*\b", re.IGNORECASE)
WEEKDAY_START = re.compile(r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b",
                           re.IGNORECASE)
COMING_WEEKEND = re.compile(r"(?:this|the|next)\s+weekend", re.IGNORECASE)
def _next_day_after_a_date(fact: SentenceFacts, text: str) -> list:
    """The sentence's dates, with "the following day" / "the next day" after a day it states
    ("arriving May 31 and meeting the minister the following day") as that day plus one."""
    s = fact.sentence
    dated = [d for d in fact.dates if d.first is not None and not d.reporting]
    if not dated:
        return fact.dates
    added = []
    for match in NEXT_DAY.finditer(text, s.start, s.end):
        before = [d for d in dated if d.end <= match.start()]
        if before and not any(d.start >= match.start() for d in fact.dates):
            day = before[-1].last + timedelta(days=1)
            added.append(dates_mod.DateMention(match.group(0), match.start(), match.end(),
                                               day, day, True))
    return fact.dates + added


def _same_day_in_a_dated_sentence(fact: SentenceFacts, text: str, last_day) -> list:
    """The sentence's dates, with "that afternoon" / "the same day" in a sentence that dates
    something else as well: the day stated before it in the sentence ("On Monday, talks in X,
    before continuing to Y that afternoon"), else the day the narrative had reached ("...
    will head to Z that evening to attend the summit on 22-24 August"). A sentence with no
    date of its own is `narrative_dates`' own case."""
    s = fact.sentence
    if not any(d.first is not None and not d.reporting for d in fact.dates):
        return fact.dates
    added = []
    for match in SAME_DAY.finditer(text, s.start, s.end):
        if any(d.start <= match.start() < d.end for d in fact.dates):
            continue
        before = [d for d in fact.dates if d.end <= match.start() and d.first is not None
                  and not d.reporting and not d.is_range]
        day = before[-1].first if before else last_day
        if day is not None and not any(d.first is not None and d.start < match.start()
                                       and d.is_range for d in fact.dates):
            added.append(dates_mod.DateMention(match.group(0), match.start(), match.end(),
                                               day, day, True))
    return sorted(fact.dates + added, key=lambda d: d.start)


# The last day of a stay, told as its bound: "until next Friday, June 23", "through the 9th"
UNTIL_BOUND = re.compile(r"\b(?:until|till|through|thru)\s+(?:(?:next|this|the)\s+)?$",
                         re.IGNORECASE)


def _from_stated_day(fact: SentenceFacts, text: str, stated_day, published) -> None:
    """A bare weekday counted from the day the text has just stated, not from the
    publication, when the story looks ahead and the publication's weekday would fall before
    the day the narrative has reached ("from December 2 to 4 ... on Tuesday" in a story a
    week before; "on November 27 ... the following day ... on Sunday" in one filed
    in October): the first such weekday on or after the stated day. A reporting date ("the
    office said Tuesday") and a past day ("laid out last Friday", "met on Monday") stay the
    publication's."""
    # (only ahead of the publication: a story told after the fact counts its weekdays from
    # the day it was written, "arrived on June 27 ... the deal was agreed on Tuesday")
    if stated_day is None or published is None or stated_day <= published:
        return
    moved = []
    for d in fact.dates:
        if d.relative and d.first is not None and d.first < stated_day and not d.reporting and \
                (WEEKDAY_START.match(d.text) or COMING_WEEKEND.fullmatch(d.text)) and \
                not TODAY_WORDS.match(d.text) and \
                not dates_mod.LAST_WEEKDAY.search(text, max(0, d.start - 16), d.start) and \
                tense.clause_tense(text, d.start) is not False:
            day = stated_day + relativedelta(weekday=d.first.weekday())  # on or after
            shift = day - d.first
            d = dates_mod.DateMention(d.text, d.start, d.end, d.first + shift, d.last + shift,
                                      True, d.year_inferred, d.reporting)
        moved.append(d)
    fact.dates = moved


# what follows a date that labels its entry: "October 17: The Queen ...", "17 June - ..."
LABEL_END = re.compile(r"(?<![ \t])[ \t]*+(?::|[-–—](?=[ \t]))")


def _date_label_day(fact: SentenceFacts):
    """The day of a diary's entry that opens on its own date and a colon or dash ("October 17:
    The Queen this morning left ...", a court circular, a chronology), which its "today" and
    "this morning", and the sentences after it, mean; None for any other sentence."""
    s = fact.sentence
    first = next((d for d in fact.dates if d.start == s.start), None)
    if first is None or first.relative or first.is_range or not first.first or \
            not LABEL_END.match(s.text, first.end - s.start):
        return None
    return first.first


def narrative_dates(facts: list[SentenceFacts], text: str, published) -> None:
    """Dates the narrative implies: "the next day" / "later that day" after a dated sentence;
    "today" in a readout under its own dated heading ("...: 19 October 2023"); "arrived on
    Thursday for a two-day visit" is a two-day range."""
    align_named_weekdays(facts)
    forward_weekdays(facts, text, published)
    last_day = day_line = None
    section_day = stated_day = entry = None
    for fact in facts:
        s = fact.sentence
        # (a time stamp in front of its day, "14:10  Fri 15 Sep", reads as a timed item:
        # it heads its entry all the same)
        stamp = ENTRY_STAMP.fullmatch(s.text.strip())
        titled = [] if s.heading or stamp else titled_stamp_day(fact)
        if s.heading or (stamp and fact.dates) or titled:
            stated = titled or [d for d in fact.dates if d.first and not d.relative
                                and not d.is_range and (not d.year_inferred or stamp)]
            if stated and not titled:
                section_day = stated[-1].first
            # a live blog's entry opens on its time stamp ("22:18", "13 May 2023, 18:05
            # BST"): the entry reports that day, the stamp's own or the page's
            entry = None
            if stamp or titled:
                # ("09:05  RECAP - Tuesday": the entry looks back on the day it names)
                day = stated[-1].first if stated else published
                if day is not None:
                    entry = (day, s.start, s.end, s.text)
            continue
        label = _date_label_day(fact)
        if label is not None:
            section_day = label  # "October 19: The Queen today travelled ..."
        if entry is not None and not fact.dates and fact.signals:
            day, start, end, stamp = entry
            fact.dates = [dates_mod.DateMention(stamp, start, end, day, day, True)]
        if section_day in (None, published) and entry is None:
            # ("X has arrived in Kyiv": on the page's day, `perfect_arrivals.py`)
            fact.dates = fact.dates or perfect_arrival_day(fact, text, published)
        if section_day is not None and published is not None and section_day != published:
            shift = section_day - published
            fact.dates = [dates_mod.DateMention(d.text, d.start, d.end, d.first + shift,
                                                d.last + shift, True, False, d.reporting)
                          if TODAY_WORDS.match(d.text) and d.first else d for d in fact.dates]
        _from_stated_day(fact, text, stated_day, published)
        fact.dates = opening_next_day(fact, last_day) + _next_day_after_a_date(fact, text)
        fact.dates = _same_day_in_a_dated_sentence(fact, text, last_day)
        opener = PART_OF_DAY_OPENING.match(s.text)
        if opener and fact.dates and last_day is not None and all(
                d.start >= s.start + opener.end() and d.first and d.first > last_day
                for d in fact.dates):
            # "In the evening she will continue to Y, where on 14 June she will meet ...":
            # the opening goes on from the day told before; the later date is the meeting's
            fact.dates = [dates_mod.DateMention(opener.group(1), s.start, s.start + len(
                opener.group(1)), last_day, last_day, True), *fact.dates]
        following = FOLLOWING_DAYS.search(text, s.start, s.end)
        if not fact.dates and last_day is not None and following:
            n = NUMBER_WORDS.get(following.group("n").lower()) or int(following.group("n"))
            fact.dates = [dates_mod.DateMention(following.group(0), following.start(),
                                                following.end(), last_day + timedelta(days=1),
                                                last_day + timedelta(days=n), True)]
        fact.dates = fact.dates or counted_later(fact, last_day)  # "Two days later ..."
        if not fact.dates and last_day is not None:
            for pattern, days in ((SAME_DAY, 0), (NEXT_DAY, 1)):
                match = pattern.search(text, s.start, s.end)
                if match:
                    day = last_day + timedelta(days=days)
                    fact.dates = [dates_mod.DateMention(match.group(0), match.start(),
                                                        match.end(), day, day, True)]
                    break
            also = ALSO_TRAVELS.search(text, s.start, s.end)
            if not fact.dates and also and s.line == day_line and fact.signals:
                # "On Monday, the envoy will be in Cairo ... He will also travel to Rafah":
                # a further destination of the same dated paragraph, on its day
                fact.dates = [dates_mod.DateMention(also.group(0), also.start(), also.end(),
                                                    last_day, last_day, True)]
        length = STAY_LENGTH.search(text, s.start, s.end)
        singles = after_the_dateline(s.text, s.start, [
            d for d in fact.dates if d.first and not d.is_range and not d.reporting])
        fact.dates = stay_ends.closed_stay(fact.dates, text, length, singles, fact.places)
        if length and len(singles) == 1 and not ENDING.search(text, s.start, s.end):
            d = singles[0]
            # "on Thursday for a two-day visit", "a two-day conference, starting on Wednesday",
            # "on Monday, opening a three-day state visit"
            opens = (d.end <= length.start() and re.fullmatch(
                r"[^.;]{0,40}?\b(?:for|on|opening|beginning|starting|kicking\s+off)\s+"
                r"(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?",
                text[d.end:length.start()])) or (
                d.end <= length.start() and opens_the_stay(text[d.end:length.start()])) or (
                length.end() <= d.start and re.fullmatch(
                    r"[^.;]{0,60}?\b(?:starting|beginning|opening)\s+(?:on\s+)?",
                    text[length.end():d.start]))
            total = NUMBER_WORDS.get(length.group("n").lower()) or int(length.group("n"))
            nth = NTH_DAY_OF.search(text, max(s.start, length.start() - 40), length.start())
            if opens:
                fact.stay_days = total
            elif nth and d.start < length.start():
                # "on Tuesday, on the second day of a three-day visit": the days left,
                # counted from that one
                fact.stay_days = total - ORDINALS.get(nth.group("nth").lower(), total) + 1
        if not fact.stay_days and len(singles) == 1 and one_day_stay(text, s.start, s.end,
                                                                     singles[0].end):
            fact.stay_days = 1  # "MARCH 20 - Day trip to Dhaka"
        if not fact.stay_days and len(singles) == 1 and not length:
            fact.stay_days = stay_ends.days_of_stay(text, s.end, singles[0].end)  # "for three days"
        dated = [d for d in fact.dates if d.first and not d.reporting]
        if dated:
            # the narrative's day: a written date (a range: its first day), or a day counted
            # from one ("the following day")
            # (not the bound of a stay, "will stay until next Friday, June 23": the days
            # after it are told from the start of the stay, not counted on from its end)
            if (not dated[-1].relative or (stated_day is not None
                                           and dated[-1].first >= stated_day)) and \
                    not UNTIL_BOUND.search(text, max(s.start, dated[-1].start - 20),
                                           dated[-1].start):
                stated_day = dated[-1].first
            day_line = s.line
            last_day = dated[-1].last if not dated[-1].is_range else dated[-1].first
            if dated[-1].is_range:
                last_day = None  # "the next day" after a range is ambiguous
    nth_day_of_the_visit(facts)  # "On the second day of his visit, ..."
