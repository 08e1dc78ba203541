"""Date expressions that name a day their month does not have ("February 30, 2022"): the
extractor leaves them undated, and this says so (split from `dates.py`, which reads dates)."""

from __future__ import annotations

import calendar
import re

from dashboard.extraction.dates import DATE_PATTERN, MAY_HOLD_A_DATE, _day, month_number

# (month group, day group, year group) of every absolute form of DATE_PATTERN
_DAY_GROUPS = (("m1", "d1", "y1"), ("m2", "d2", "y2"), ("m3", "d3", "y3"), ("m3", "d4", "y3"),
               ("m5", "d5", "y5"), ("m6", "d6", "y6"), ("m6", "d7", "y6"), ("m8", "d8", "y8"))
# Every month has 28 days at least, and a day is written in digits (1-31, see dates._D): no
# "29", "30" or "31" in a sentence, no impossible date in it (the date pattern, which costs
# most of this per sentence, is then not run)
LATE_DAY = re.compile(r"29|3[01]")


def impossible_dates(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Date expressions in text[start:end] that name a day their month does not have
    ("February 30, 2022", "April 31", "2023-02-29"), each as "<as written>: <why>". The
    extractor leaves them undated; this says so. Month lengths from `calendar` (a day
    without a year counts as possible when it exists in a leap year: February 29)."""
    end = len(text) if end is None else end
    found: list[str] = []
    if not LATE_DAY.search(text, start, end) or not MAY_HOLD_A_DATE.search(text, start, end):
        return found
    for match in DATE_PATTERN.finditer(text, start, end):
        groups = match.groupdict()
        triples = [(month_number(groups[m]), _day(groups[d]), groups[y])
                   for m, d, y in _DAY_GROUPS if groups[m] and groups[d]]
        if groups["iso"]:
            triples.append((int(groups["im"]), int(groups["id"]), groups["iy"]))
        if groups["dotted"]:
            triples.append((int(groups["dmo"]), int(groups["dd"]), groups["dy"]))
        for month, day, year in triples:
            days = calendar.monthrange(int(year) if year else 2000, month)[1]
            if day > days:
                name = calendar.month_name[month]
                within = f" in {year}" if year and month == 2 else ""
                found.append(f"{match.group(0).strip()!r} is not a date ({name} has {days} "
                             f"days{within})")
                break
    return found
