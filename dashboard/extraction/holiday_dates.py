"""Named days -> dates: "On New Year's Day", "on Anzac Day", "over Easter Monday".

The calendars are the `holidays` package's (a kept library of public holidays, Easter and
other movable feasts included), for the countries whose English names news copy in English
uses. A name counts only when at least two of those calendars give it on the same day
("Anzac Day": Australia and New Zealand, 25 April; "Christmas Day"): a name one country
alone keeps ("Independence Day", "Labour Day", "Thanksgiving") means different days in
different countries, so it stays unread. The year is the one that puts the day nearest
the anchor (as for dates written without a year).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import holidays

CALENDARS = ("US", "GB", "AU", "NZ", "CA", "IE")


def _key(name: str) -> str:
    """"New Year's Day", "New Years Day", "new year’s day" -> one key."""
    return re.sub(r"['’]s\b|s\b", "", name.lower().replace("’", "'")).replace("'", "")


@lru_cache(maxsize=32)
def _shared_days(year: int) -> dict[str, date]:
    """Holiday name key -> its day in `year`, for names two calendars agree on."""
    seen: dict[str, dict[date, set[str]]] = {}
    for country in CALENDARS:
        for day, names in holidays.country_holidays(country, years=year).items():
            for name in names.split("; "):
                if "(" in name or "observed" in name.lower():
                    continue  # "Christmas Day (observed)": a day off, not the feast
                seen.setdefault(_key(name), {}).setdefault(day, set()).add(country)
    return {key: next(iter(days)) for key, days in seen.items()
            if len(days) == 1 and len(next(iter(days.values()))) >= 2}


@lru_cache(maxsize=1)
def _names() -> re.Pattern:
    """One pattern over every shared name (from a fixed year: the names do not change)."""
    spelled: set[str] = set()
    for country in CALENDARS:
        for _day, names in holidays.country_holidays(country, years=2024).items():
            spelled.update(n for n in names.split("; ") if "(" not in n)
    keys = set(_shared_days(2024))
    written = sorted({n for n in spelled if _key(n) in keys}, key=len, reverse=True)
    # "New Year's Day" also as "New Years Day" / "New Year’s Day"
    alternatives = [re.escape(n).replace("'s", "(?:['’]s|s)?") for n in written]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def find_named_days(text: str, start: int, end: int, anchor: date | None
                    ) -> list[tuple[int, int, date]]:
    """(start, end, day) of each shared holiday name in text[start:end], resolved to the
    year nearest the anchor; [] without an anchor."""
    if anchor is None:
        return []
    found = []
    for match in _names().finditer(text, start, end):
        key = _key(match.group(0))
        candidates = [days[key] for year in (anchor.year - 1, anchor.year, anchor.year + 1)
                      if key in (days := _shared_days(year))]
        if candidates:
            day = min(candidates, key=lambda d: abs(d - anchor))
            found.append((match.start(), match.end(), day))
    return found
