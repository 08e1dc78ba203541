"""Where a stop's stay ends: its told days, or a stated stay length.

A stop whose stated days run up to the day the next stop begins ("We flew to Tokyo on
Wednesday. Yesterday I met X. This morning I spoke at Y before flying here") has no gap
before the next stop: its last stated day is the day the traveller moved on, so it is the
stop's end (end-date convention in ../shared/articles/README.md: the day the text says the
traveller moved on ends the stop before). Used by `stop_dates.close_dates`.

A stay length ("a two-day visit") counts from the day a clause ties it to: "on Saturday ...,
opening a two-day visit", "arrived this morning at the start of a two-day visit" (used by
`narrative.narrative_dates`, which sets `SentenceFacts.stay_days`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from dashboard.extraction.facts import StopDraft
from dashboard.extraction.visits import DATELINE


def reaches_the_next_stop(draft: StopDraft, following: date) -> bool:
    """True when the stop has stated days after its first (`draft.start` < `draft.end`)
    and the last of them is `following`, the next dated stop's first day: the stay is told
    up to the day of the move, so its end is known. A last day the day before `following`
    leaves the night open (the traveller may have left the next morning); one after it
    contradicts the order."""
    if draft.start is None or draft.end is None or draft.end <= draft.start:
        return False
    return draft.end == following


# "on Saturday ..., opening a two-day visit": a participle clause after a comma opens the
# stay on the main clause's day, however long the clause before it
PARTICIPLE_OPENING = re.compile(
    r",\s*(?:opening|beginning|starting|kicking\s+off|launching)\s+(?:a|an|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "arrived on Monday at the start of a three-day visit", "... at the beginning of his stay"
AT_THE_START_OF = re.compile(
    r"[^.;]{0,40}?\bat\s+the\s+(?:start|beginning|outset|opening)\s+of\s+"
    r"(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?", re.IGNORECASE)
MAX_CLAUSE = 240  # characters between the day and the stay length: one sentence's worth


def opens_the_stay(between: str) -> bool:
    """True when `between`, the text from a stated day to a stay length ("two-day visit")
    after it, makes the day the stay's first: "on Saturday and was embraced by X, opening a
    two-day visit", "arrived this morning at the start of a two-day visit". A full stop or
    semicolon in between breaks the tie."""
    if len(between) > MAX_CLAUSE or ";" in between:
        return False
    return bool(AT_THE_START_OF.fullmatch(between) or PARTICIPLE_OPENING.search(between))


def after_the_dateline(sentence_text: str, sentence_start: int, days: list) -> list:
    """`days` (DateMentions) without the dateline's ("LAHORE, Feb 20 (Reuters) - "): the day
    a story was filed is not a day the sentence tells of."""
    dateline = DATELINE.match(sentence_text)
    if dateline is None:
        return days
    return [d for d in days if d.start >= sentence_start + dateline.end()]


# "a day trip to X", "a one-day visit", "a day-long stop": a stay of that one day
ONE_DAY_STAY = re.compile(r"\b(?:day[- ]trip|(?:one|single)[- ]day\s+(?:visit|trip|stop|"
                          r"stopover)|day-long\s+(?:visit|trip|stop|stopover))\b",
                          re.IGNORECASE)
DAY_TRIP_REACH = 40  # characters after the day: the phrase that names the day's stay


def one_day_stay(text: str, start: int, end: int, day_end: int) -> bool:
    """True when `text[start:end]` (a sentence) calls the stay told after the day ending at
    `day_end` a one-day one ("MARCH 20 - Day trip to Dhaka", "on Monday, a one-day visit to
    X"), within `DAY_TRIP_REACH` characters of the day: the day is the stop's start and
    end."""
    return ONE_DAY_STAY.search(text, max(start, day_end),
                               min(end, day_end + DAY_TRIP_REACH)) is not None


# "arrived on Sunday for three days of talks", "(in X) on Monday for two days": a stay
# counted in days right after the day ("for a week" is left alone: often a plan, not days)
DAYS_STAY = re.compile(r"[^.;:]{0,30}?\bfor\s+(?P<n>two|three|four|five|six|seven|[2-7])\s+"
                       r"days\b(?!\s+(?:before|after|later|earlier|ago))", re.IGNORECASE)
DAY_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def days_of_stay(text: str, end: int, day_end: int) -> int:
    """The number of days "for N days" gives a stay that opens on the day ending at
    `day_end` (within the sentence, up to `end`, and within a short phrase of it), else 0."""
    found = DAYS_STAY.match(text, day_end, end)
    if found is None:
        return 0
    n = found.group("n").lower()
    return DAY_COUNTS.get(n) or int(n)


# "wrapped up a three-day visit", "ends her two-day state visit": the stay length closes
ENDS_THE_STAY = re.compile(r"\b(?:wrap(?:s|ped|ping)?\s+up|end(?:s|ed|ing)?|"
                           r"conclud(?:e|es|ed|ing)|finish(?:es|ed|ing)?)\s+"
                           r"(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
ENDS_REACH = 40  # characters between the stay length and its closing day


def closed_stay(dates: list, text: str, length: re.Match | None, singles: list,
                places: list) -> list:
    """`dates` with the one day of a sentence that closes a stay of stated length in a
    country ("wrapped up a three-day visit to X on Tuesday", "On Tuesday, she concluded a
    two-day visit to X") as the stay's days, counted back from it (`length` is the "N-day
    visit" match, `singles` the sentence's single travel days, `places` its place mentions).
    A visit "in" a city may be the last leg of a longer one ("end the three-day visit in
    Y on Friday", after a stop in another city): left alone."""
    if length is None or len(singles) != 1 or not ENDS_THE_STAY.search(
            text, max(0, length.start() - ENDS_REACH), length.start()):
        return dates
    where = min((m for m in places if m.start >= length.end()), default=None,
                key=lambda m: m.start)
    if where is None or where.kind != "country" or not re.fullmatch(
            r"(?<!\s)\s+to\s+(?:the\s+)?", text[length.end():where.start]):
        return dates
    d = singles[0]
    # ("... visit to X on Tuesday"; "On Tuesday, X concluded a ...": a fronted day)
    if not (d.start >= length.end() and re.fullmatch(r"[^,;.]{0,40}", text[length.end():
                                                                            d.start])) and \
            not (d.end <= length.start() and re.fullmatch(r",?[^,;.]{0,80}",
                                                          text[d.end:length.start()])):
        return dates
    n = length.group("n").lower()
    first = d.first - timedelta(days=(DAY_COUNTS.get(n) or int(n)) - 1)
    return [replace(x, first=first) if x is d else x for x in dates]
