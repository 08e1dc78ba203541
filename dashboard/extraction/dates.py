"""Dates in news phrasing -> day ranges, resolved against the publication date.

Absolute forms: "October 3-7, 2022", "October 3rd and 4th", "July 11- 12", "November 5 through
7", "from November 30 to December 2", "Dec 2", "19 May", "16th May", "[16th May]", "13 May 2023",
"13.05.2023" (day first).
Relative weekdays ("on Monday", "On Wednesday", "on Thursday and Friday") resolve against the
anchor date with the tense of the clause: past tense looks back, future tense looks forward.
A year left out is the one that puts the day closest to the anchor. The calendar
arithmetic behind these (year, weekday and day-number choices) is `calendar_days.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import SA, relativedelta

from dashboard.extraction.calendar_days import (
    WEEKDAYS,
    day_after,
    infer_year,
    nearest_day_number,
    resolve_weekday,
    safe_date,
    weekday_numbered,
    year_of_weekday,
)
from dashboard.extraction.holiday_dates import find_named_days
from dashboard.extraction.tense import clause_tense

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

_M = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
      r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d{2}"
_TO = r"\s*(?:-|–|—|to|through|thru|until|till|and|&)\s*"
_W = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
      r"Mon\.|Tues?\.|Wed\.|Thu(?:rs)?\.|Fri\.|Sat\.|Sun\.)")

# a word glued onto a day number before its month, by a typo or a PDF's text layer ("from
# 26the February", a watermark word run into the day): still that day; never a clock time
# ("10am February 5" is 5 February)
_GLUED = r"(?:(?<=\d)(?!(?:am|pm)\b)[a-z]+)?"

# a day number standing alone ("Sunday 14th, he ..."), not "the 25th anniversary"
# (or a verb: "the talks on the 16th were followed by ..."; not a noun: "the 16th century")
_ALONE = (r"(?=\s*(?:[,.;:)\]]|$|\s(?:he|she|they|it|and|at|in|when|for|with|as|to|"
          r"before|after|where|while|was|were|is|are|will|would|had|has|saw|or|but|by|"
          r"from|until|till|through|then|the)\b))")

DATE_PATTERN = re.compile(
    rf"(?P<md2>(?P<m1>{_M})\s+(?P<d1>{_D})(?:,?\s*(?P<y1>{_Y}))?{_TO}(?P<m2>{_M})\s+(?P<d2>{_D})"
    rf"(?:,?\s*(?P<y2>{_Y}))?)\b"
    rf"|(?P<mdd>(?P<m3>{_M})\s+(?P<d3>{_D}){_TO}(?P<d4>{_D})(?!\s*(?:{_M}|[:.]\d|%|\d))"
    rf"(?:,?\s*(?P<y3>{_Y}))?)\b"
    rf"|(?P<md>(?P<m5>{_M})\s+(?P<d5>{_D})(?!\s*(?:%|\d|[:.]\d))(?:,?\s*(?P<y5>{_Y}))?)\b"
    rf"|(?P<ddm>(?P<d6>{_D}){_TO}(?P<d7>{_D})\s+(?:of\s+)?(?P<m6>{_M})(?:,?\s*(?P<y6>{_Y}))?)\b"
    rf"|(?P<dm>(?P<d8>{_D}){_GLUED}\s+(?:of\s+)?(?P<m8>{_M})(?:,?\s*(?P<y8>{_Y}))?)\b"
    rf"|(?P<wdn>(?P<w3>{_W}),?\s+(?:the\s+)?(?P<d9>{_D})(?![\d:.]|\s*(?:{_M}|%|of\b)){_ALONE})"
    rf"|(?P<wd>(?P<w1>{_W})(?:{_TO}(?P<w2>{_W}))?)"
    rf"|(?<=\bthe\s)(?P<nth>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b"
    rf"(?:{_TO}(?:the\s+)?(?P<nth2>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b)?"
    rf"(?!\s*(?:of\s+)?{_M}){_ALONE}"
    rf"|(?P<iso>(?P<iy>{_Y})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01]))\b"
    # "07.05.2025": day first, as every outlet that writes dates with dots does (German,
    # Polish, Russian, Turkish English-language pages); never a version or a sum ("1.5.2")
    rf"|(?<![\d.])(?P<dotted>(?P<dd>0?[1-9]|[12]\d|3[01])\.(?P<dmo>0?[1-9]|1[0-2])\.(?P<dy>{_Y}))"
    rf"(?![\d]|\.\d)"
    rf"|\b(?P<rel>today|tonight|tomorrow|yesterday|this\s+(?:morning|afternoon|evening)|"
    rf"last\s+(?:night|evening))\b"
    rf"|\b(?P<weekend>(?:this|the|next|last|past)\s+weekend)\b",
    re.IGNORECASE,
)
MAY_HOLD_A_DATE = re.compile(
    r"\d|day\b|weekend|\b(?:Mon|Tues?|Wed|Thu(?:rs)?|Fri|Sat|Sun)\.|tonight|tomorrow|"
    r"this\s+(?:\w+ing|afternoon)\b|last\s+(?:night|evening)\b", re.IGNORECASE)
# "last Saturday", "this past Saturday": strictly before the publication day
LAST_WEEKDAY = re.compile(r"\b(?:last|this\s+past|past)\s+$", re.IGNORECASE)
# ("last night": the evening before the story's day)
RELATIVE_DAYS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1, "last night": -1,
                 "last evening": -1}
# "through Friday" after a date: the range runs on to that weekday
THROUGH = re.compile(r"\b(?:through|thru|until|till|to)\s+$", re.IGNORECASE)
# "from Saturday, March 13, to Tuesday, March 16": two dates that make one range
# One way to split the spaces (no `\s*,?\s*`): linear time on a long run of spaces
RANGE_GAP = re.compile(r"(?<!\s)(?:\s*,)?\s*(?:-|–|—|to|through|thru|until|till)\s*",
                       re.IGNORECASE)
# "between 28 February and 3 March": the two dates bound one range
BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# "May" is also a verb and a name: as a month it needs a day next to it, which the
# patterns already demand; "March" likewise.
# Dates that say when something was said, not when the traveller was somewhere.
# How far before a date its statement's words may start ("told a press briefing at the
# presidential office on Wednesday")
REPORT_REACH = 64
REPORTING_NEAR = re.compile(
    r"(?:\b(?:said|says|announced|statement|told reporters|told|according to|reported|"
    r"confirmed|tweeted|wrote|"
    # (telling the press, as a participle or a noun: "Briefing reporters on Friday, the
    # secretary said ...", "Speaking to journalists on Monday")
    r"(?:briefing|briefed|speaking\s+to|talking\s+to)\s+(?:the\s+)?(?:reporters|journalists|"
    r"press|media))\b[^.;]{0,25}$)|"
    # (a statement's occasion: "..., the spokesman said at a briefing on Friday")
    r"\b(?:said|told\s+\w+)\s+(?:at|during|in)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:briefing|(?:press|news)\s+conference|interview)\s+(?:on\s+)?$|"
    # ("X told a press briefing at the presidential office on Wednesday that ...")
    r"\btold\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:briefing|(?:press|news)\s+conference)"
    r"(?:\s+(?:at|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+)?\s+(?:on\s+)?$",
    re.IGNORECASE)

# The verb of a statement right after its date: "The Prime Minister today announced that he
# will travel ...", "the ministry on Monday said": the day of saying, not of travelling
# (starting only where a run of spaces starts: linear on hostile text)
ANNOUNCED_AFTER = re.compile(r"(?<![ \t])[ \t]+(?:announced|said|says|confirmed)\b",
                             re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date or day range as written, with what it resolved to (None: unresolved)."""

    text: str
    start: int
    end: int
    first: date | None
    last: date | None
    relative: bool = False  # a weekday resolved against the anchor
    year_inferred: bool = False
    reporting: bool = False  # the date a statement was made, not a travel day

    @property
    def is_range(self) -> bool:
        return self.first is not None and self.last is not None and self.last != self.first


def month_number(text: str) -> int:
    return MONTHS[text.strip(". ").lower()[:3]]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def _absolute(groups: dict, anchor: date | None, future: bool | None
              ) -> tuple[date | None, date | None, bool]:
    """(first, last, year_inferred) for an absolute match."""
    def year_for(explicit: str | None, month: int, day: int) -> tuple[int | None, bool]:
        if explicit:
            return int(explicit), False
        if anchor is None:
            return None, True
        try:
            return infer_year(month, day, anchor, future), True
        except ValueError:
            return None, True

    def in_one_month(month: str, first: str, last: str, year: str | None
                     ) -> tuple[date | None, date | None, bool]:
        # "October 3-7", "3-7 October", "Dec 2", "19 May": days of one month
        m, d1, d2 = month_number(month), _day(first), _day(last)
        if d2 < d1:
            return None, None, False
        y, inferred = year_for(year, m, d1)
        if y is None:
            return None, None, True
        return safe_date(y, m, d1), safe_date(y, m, d2), inferred

    if groups["md2"]:
        m1, d1 = month_number(groups["m1"]), _day(groups["d1"])
        m2, d2 = month_number(groups["m2"]), _day(groups["d2"])
        y2, inferred = year_for(groups["y2"] or groups["y1"], m2, d2)
        if y2 is None:
            return None, None, True
        y1 = int(groups["y1"]) if groups["y1"] else (y2 - 1 if m1 > m2 else y2)
        return safe_date(y1, m1, d1), safe_date(y2, m2, d2), inferred
    if groups["mdd"]:
        return in_one_month(groups["m3"], groups["d3"], groups["d4"], groups["y3"])
    if groups["md"]:
        return in_one_month(groups["m5"], groups["d5"], groups["d5"], groups["y5"])
    if groups["ddm"]:
        return in_one_month(groups["m6"], groups["d6"], groups["d7"], groups["y6"])
    if groups["dm"]:
        return in_one_month(groups["m8"], groups["d8"], groups["d8"], groups["y8"])
    if groups["iso"]:
        d = safe_date(int(groups["iy"]), int(groups["im"]), int(groups["id"]))
        return d, d, False
    if groups["dotted"]:
        d = safe_date(int(groups["dy"]), int(groups["dmo"]), int(groups["dd"]))
        return d, d, False
    return None, None, False


# A capitalised word right before a word: "Nam Sun." is a name, unless the word is one that
# leads a date ("On Sun.", "From Sat.", "Next Wed.")
WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]$")
DATE_LEADS = {"on", "by", "from", "until", "till", "through", "last", "next", "this", "since",
              "before", "after", "and", "or", "to", "every", "each"}


def _after_a_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends with a capitalised word that is no date's lead-in:
    an abbreviated weekday after it ("Paek Nam Sun.") ends a person's name."""
    word = WORD_BEFORE.search(text, start, end)
    return word is not None and word.group(1).lower() not in DATE_LEADS | set(MONTHS) and \
        word.group(1).lower()[:3] not in MONTHS


def find_dates(text: str, start: int = 0, end: int | None = None,
               anchor: date | None = None, year_anchor: date | None = None) -> list[DateMention]:
    """Every date expression in text[start:end], resolved where the anchors allow.

    `anchor` (the publication date) resolves weekdays; `year_anchor` (the anchor, or failing
    that a dated line elsewhere in the text) supplies missing years.
    """
    end = len(text) if end is None else end
    year_anchor = year_anchor or anchor
    found: list[DateMention] = []
    if not MAY_HOLD_A_DATE.search(text, start, end):
        return found  # most sentences have no digit and no day name: skip the big pattern
    matches = list(DATE_PATTERN.finditer(text, start, end))
    skip_until = -1
    for i, match in enumerate(matches):
        if match.start() < skip_until:
            continue
        groups = match.groupdict()
        announced = bool(ANNOUNCED_AFTER.match(text, match.end(), end))
        if groups["rel"]:
            if anchor is not None:
                word = " ".join(groups["rel"].lower().split())
                day = anchor + timedelta(days=RELATIVE_DAYS.get(word, 0))
                found.append(DateMention(match.group(0), match.start(), match.end(), day, day,
                                         True, reporting=announced))
            continue
        if groups["wd"] and not groups["w2"] and groups["w1"].endswith(".") and \
                _after_a_name(text, max(start, match.start() - 24), match.start()):
            continue  # "Foreign Minister Paek Nam Sun.": the last word of a name
        future = clause_tense(text, match.start())
        if groups["weekend"]:
            # "this weekend", "spend the weekend in X": Saturday and Sunday, the coming
            # ones (the past ones in a past clause or after "last")
            if anchor is not None:
                back = future is False or groups["weekend"].lower().startswith(("last", "past"))
                saturday = anchor + relativedelta(weekday=SA(-1 if back else +1))
                if groups["weekend"].lower().startswith("next") and saturday - anchor < \
                        timedelta(days=2):
                    saturday += timedelta(days=7)  # "next weekend" on a Friday: a week on
                found.append(DateMention(match.group(0), match.start(), match.end(), saturday,
                                         saturday + timedelta(days=1), True))
            continue
        reporting = announced or bool(REPORTING_NEAR.search(
            text[max(start, match.start() - REPORT_REACH):match.start()]))
        if groups["wdn"]:
            # "Sunday 14th": the day of that number, near the anchor, that is that weekday
            first = weekday_numbered(groups["w3"], _day(groups["d9"]), year_anchor)
            found.append(DateMention(match.group(0), match.start(), match.end(), first, first,
                                     False, True, reporting))
            continue
        if groups["nth"]:
            # "talks are expected on the 6th": the anchor's month, or the one around it
            first = nearest_day_number(_day(groups["nth"]), year_anchor, future)
            written = [d for d in found if d.last is not None and not d.relative]
            if written:
                # "on 26 February ..., then on the 27th": the month of the date written
                # before it in the sentence (or the next month when the day is earlier)
                first = day_after(written[-1].last, _day(groups["nth"])) or first
            last = first
            if first is not None and groups["nth2"]:
                # "on the 5th and 6th": the second day in the same month, or the next
                day2 = _day(groups["nth2"])
                month = first if day2 > first.day else first + relativedelta(months=1)
                last = safe_date(month.year, month.month, day2) or first
            found.append(DateMention(match.group(0), match.start(), match.end(), first, last,
                                     False, True, reporting))
            continue
        if groups["wd"] and found and re.fullmatch(r"(?<!\s)\s*[(,]\s*", text[found[-1].end:
                                                                      match.start()]):
            # "May 21 (Sun.)", "May 21, Sunday": the weekday only confirms the date
            previous = found[-1]
            if not previous.relative and previous.first is not None:
                tail = match.end() + (1 if text[match.end():match.end() + 1] == ")" else 0)
                found[-1] = DateMention(text[previous.start:tail], previous.start, tail,
                                        previous.first, previous.last, False,
                                        previous.year_inferred, previous.reporting)
                continue
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        dated_weekday = nxt is not None and not nxt.group("wd") and re.fullmatch(
            r"[\s,(\[]*(?:the\s+)?", text[match.end():nxt.start()])
        if groups["wd"] and not groups["w2"] and not dated_weekday and found and \
                found[-1].last is not None and \
                THROUGH.search(text, max(start, match.start() - 12), match.start()):
            # "On Wednesday, March 29, ... talks ... through Friday"
            previous = found[-1]
            last = previous.last + relativedelta(days=1, weekday=WEEKDAYS[
                groups["w1"].strip(". ").lower()[:3]](+1))
            if last - previous.last <= timedelta(days=7):
                found[-1] = DateMention(text[previous.start:match.end()], previous.start,
                                        match.end(), previous.first, last, previous.relative,
                                        previous.year_inferred, previous.reporting)
                continue
        if groups["wd"]:
            # "Tuesday [16th May]" / "Wednesday, October 5": the absolute date wins
            nxt = matches[i + 1] if i + 1 < len(matches) else None
            if nxt is not None and not nxt.group("wd") and re.fullmatch(
                    r"[\s,(\[]*(?:the\s+)?", text[match.end():nxt.start()]):
                first, last, inferred = _absolute(nxt.groupdict(), year_anchor, future)
                if inferred and first is not None:
                    # "Thursday 2 May" with no year: the weekday says which year
                    first, last = year_of_weekday(groups["w1"], first, last)
                tail = nxt.end()
                if text[tail:tail + 1] in ")]":
                    tail += 1
                found.append(DateMention(text[match.start():tail], match.start(), tail,
                                         first, last, False, inferred, reporting))
                skip_until = nxt.end()
                continue
            first = last = None
            if anchor is not None:
                first = resolve_weekday(groups["w1"], anchor, future)
                if LAST_WEEKDAY.search(text, max(start, match.start() - 16), match.start()):
                    # "landed in Riyadh last Saturday" in a Saturday story: a week back
                    first = resolve_weekday(groups["w1"], anchor - timedelta(days=1), False)
                elif future is False:
                    first = _after_the_arrival(text, start, match.start(), found, first,
                                               groups["w1"])
                last = first
                if groups["w2"]:
                    last = first + relativedelta(weekday=WEEKDAYS[
                        groups["w2"].strip(". ").lower()[:3]](+1))
                    if last - first > timedelta(days=6):
                        last = first
            found.append(DateMention(match.group(0), match.start(), match.end(), first, last,
                                     True, False, reporting))
            continue
        first, last, inferred = _absolute(groups, year_anchor, future)
        if first is not None and last is not None and last < first:
            first, last = last, first
        found.append(DateMention(match.group(0), match.start(), match.end(), first, last,
                                 False, inferred, reporting))
    # "On New Year's Day", "Anzac Day": named days, where no written date covers them
    for named_start, named_end, day in find_named_days(text, start, end, year_anchor):
        # ("Easter Monday" is one day, not the Monday of this week)
        found = [d for d in found if not (d.relative and d.start < named_end and
                                          named_start < d.end)]
        if not any(d.start < named_end and named_start < d.end for d in found):
            found.append(DateMention(text[named_start:named_end], named_start, named_end, day,
                                     day, False, True))
    found.sort(key=lambda d: d.start)
    return _merge_ranges(text, found)


# "arrived here on Saturday": the day the sentence's stay opens
ARRIVED_ON = re.compile(r"\b(?:arrived|landed|touched\s+down)\b[^.;]{0,60}$", re.IGNORECASE)
# ("had met", "from X, where he attended ... on Saturday", "after talks in X on Friday"):
# what came before the arrival, told after it
TOLD_BEFORE = re.compile(r"\b(?:had|where|after|from|following)\b", re.IGNORECASE)


def _after_the_arrival(text: str, start: int, at: int, found: list[DateMention], first: date,
                       name: str) -> date:
    """A weekday read back (a past clause) that would fall before the arrival day told
    earlier in the same sentence ("arrived here on Saturday ..., with a meeting with the
    President on Monday the centrepiece of the trip" in a Sunday paper) is the one after the
    arrival: what a sentence tells after the arrival does not come before it, unless "had",
    "where" or "after" puts it there."""
    if not found or found[-1].first is None or not found[-1].relative:
        return first
    arrival = found[-1]
    between = text[arrival.end:at]
    if first >= arrival.first or re.search(r"[.!?]\s|\n", between) or \
            TOLD_BEFORE.search(between) or not ARRIVED_ON.search(
                text, max(start, arrival.start - 80), arrival.start):
        return first
    return arrival.first + relativedelta(days=1, weekday=WEEKDAYS[name.strip(". ").lower()[:3]](+1))


def _merge_ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    merged: list[DateMention] = []
    for mention in found:
        previous = merged[-1] if merged else None
        if (previous is not None and previous.first and mention.first and previous.last
                and (RANGE_GAP.fullmatch(text, previous.end, mention.start) or (
                    BETWEEN.search(text, max(0, previous.start - 12), previous.start)
                    and re.fullmatch(r"(?<!\s)\s+and\s+", text[previous.end:mention.start])))
                and previous.last < mention.first <= previous.last + timedelta(days=31)):
            merged[-1] = DateMention(text[previous.start:mention.end], previous.start,
                                     mention.end, previous.first, mention.last,
                                     previous.relative or mention.relative,
                                     previous.year_inferred or mention.year_inferred,
                                     previous.reporting)
            continue
        if (previous is not None and previous.last and mention.first == mention.last
                and mention.first == previous.last
                and re.fullmatch(r",\s*|(?<!\s)\s*\(", text[previous.end:mention.start])):
            # "from July 27 to today, August 3": the second names the first's last day again
            # (an apposition), it is no date of its own
            merged[-1] = DateMention(text[previous.start:mention.end], previous.start,
                                     mention.end, previous.first, previous.last,
                                     previous.relative, previous.year_inferred,
                                     previous.reporting)
            continue
        merged.append(mention)
    return merged
