"""Calendar arithmetic for dates written without all their parts: the year that puts a
month and day nearest the anchor (`infer_year`), the weekday nearest it in the direction of
the tense (`resolve_weekday`), a day number alone or beside a weekday ("the 6th", "Sunday
14th"), and a weekday that says which year ("Thursday 2 May").

Split from `dates.py`, which finds the date expressions in the text and calls these to
resolve them; the month and weekday steps are python-dateutil's `relativedelta`.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

WEEKDAYS = {"mon": MO, "tue": TU, "wed": WE, "thu": TH, "fri": FR, "sat": SA, "sun": SU}


def infer_year(month: int, day: int, anchor: date | None, future: bool | None = None) -> int:
    """The year that puts month/day closest to the anchor (bias by tense when close)."""
    if anchor is None:
        raise ValueError("no anchor")
    best: tuple[float, int] | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        delta = (candidate - anchor).days
        cost = abs(delta)
        if future is True and delta < -14:
            cost += 60
        if future is False and delta > 14:
            cost += 60
        if best is None or cost < best[0]:
            best = (cost, year)
    if best is None:
        raise ValueError("impossible day")
    return best[1]


def resolve_weekday(name: str, anchor: date, future: bool | None) -> date:
    """The weekday nearest the anchor in the direction the tense points."""
    weekday = WEEKDAYS[name.strip(". ").lower()[:3]]
    if future is True:
        return anchor + relativedelta(weekday=weekday(+1))
    if future is False:
        return anchor + relativedelta(weekday=weekday(-1))
    ahead = anchor + relativedelta(weekday=weekday(+1))
    behind = anchor + relativedelta(weekday=weekday(-1))
    return ahead if (ahead - anchor) <= (anchor - behind) else behind


def weekday_numbered(name: str, day: int, anchor: date | None) -> date | None:
    """"Sunday 14th": the day numbered `day`, in the anchor's month or the one before or
    after, that falls on the weekday `name` ("Sun", "sunday."), nearest the anchor; None
    without an anchor or such a day."""
    if anchor is None:
        return None
    weekday = WEEKDAYS[name.strip(". ").lower()[:3]].weekday
    candidates = [d for d in _numbered_around(day, anchor) if d.weekday() == weekday]
    return min(candidates, key=lambda d: abs(d - anchor)) if candidates else None


def nearest_day_number(day: int, anchor: date | None, future: bool | None) -> date | None:
    """"On the 6th": the day numbered `day` in the anchor's month or the one before or
    after, nearest the anchor, on the side the tense points (`future`) when there is one;
    None without an anchor."""
    if anchor is None:
        return None
    candidates = _numbered_around(day, anchor)
    if future is True:
        candidates = [d for d in candidates if d >= anchor] or candidates
    elif future is False:
        candidates = [d for d in candidates if d <= anchor] or candidates
    return min(candidates, key=lambda d: abs(d - anchor)) if candidates else None


def _numbered_around(day: int, anchor: date) -> list[date]:
    """The days numbered `day` in the month before the anchor's, its own and the next, in
    that order (a month without such a day gives none)."""
    candidates = []
    for months in (-1, 0, 1):
        month_start = anchor.replace(day=1) + relativedelta(months=months)
        found = safe_date(month_start.year, month_start.month, day)
        if found is not None:
            candidates.append(found)
    return candidates


def day_after(written: date, day: int) -> date | None:
    """Day `day` of the month of `written`, or of the next month when it would fall before
    it ("on 30 June ... on the 2nd" is 2 July)."""
    same = safe_date(written.year, written.month, day)
    if same is not None and same >= written:
        return same
    following = written.replace(day=1) + relativedelta(months=1)
    return safe_date(following.year, following.month, day)


def year_of_weekday(name: str, first: date, last: date | None) -> tuple[date, date | None]:
    """`first` (and `last`) moved by a year when the weekday written beside the date
    falls in that year and not in the inferred one; unchanged otherwise."""
    weekday = WEEKDAYS[name.strip(". ").lower()[:3]].weekday
    if first.weekday() == weekday:
        return first, last
    for years in (-1, 1):
        moved = safe_date(first.year + years, first.month, first.day)
        if moved is not None and moved.weekday() == weekday:
            later = last + relativedelta(years=years) if last is not None else None
            return moved, later
    return first, last


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None where the month has no such day (30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None
