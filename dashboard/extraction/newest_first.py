"""Live pages written newest entry first: each entry opens with its clock time ("19:42",
"17:31 - Wheels down", "09:05  RECAP - yesterday"), and the times run down the page. The
trip is told backwards entry by entry, so text order would give the stops from the last to
the first; `reading_ranks` gives each sentence its place in the order the entries were
written (oldest entry first, each entry's own sentences in their order), which
`stop_order.order_key` reads instead of the sentence index.

A page whose stamps do not all run down (a forward live blog, a programme of timed items,
a blog of several days whose clock starts again) is read as it stands.
"""

from __future__ import annotations

import re
from itertools import pairwise

from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.live_entries import MIN_ENTRIES

# A clock time opening a line: "19:42", "9.45am", "2:10 p.m. -", "09:05  RECAP" (single
# characters between the parts, one way to match: linear on hostile text)
OPENING_TIME = re.compile(r"(?P<hour>\d{1,2})[:.](?P<minute>[0-5]\d)(?!\d)"
                          r"(?:[ \t]?(?P<half>[ap])\.?m\b\.?)?", re.IGNORECASE)


def _minutes(text: str) -> int | None:
    found = OPENING_TIME.match(text)
    if found is None:
        return None
    hour, minute = int(found.group("hour")), int(found.group("minute"))
    if hour > 23 or (found.group("half") and not 1 <= hour <= 12):
        return None
    half = (found.group("half") or "").lower()
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    return hour * 60 + minute


def reading_ranks(facts: list[SentenceFacts]) -> dict[int, int] | None:
    """{sentence index: rank in writing order} for a page of at least `MIN_ENTRIES` entries
    whose opening clock times never go up and do go down from the first to the last; None
    for any other page. Sentences above the first entry keep their ranks ahead of all
    entries; the entries come oldest first."""
    lines_seen: set[int] = set()
    stamps: list[tuple[int, int]] = []  # (position in facts, minutes)
    for n, fact in enumerate(facts):
        s = fact.sentence
        first_on_line = s.line not in lines_seen
        lines_seen.add(s.line)
        if s.clutter or not first_on_line:
            continue
        minutes = _minutes(s.text)
        if minutes is not None:
            stamps.append((n, minutes))
    if len(stamps) < MIN_ENTRIES:
        return None
    times = [m for _n, m in stamps]
    if any(later > earlier for earlier, later in pairwise(times)) or times[0] == times[-1]:
        return None
    starts = [n for n, _m in stamps]
    blocks = [list(range(a, b)) for a, b in pairwise([*starts, len(facts)])]
    order = list(range(starts[0])) + [n for block in reversed(blocks) for n in block]
    return {facts[n].sentence.index: rank for rank, n in enumerate(order)}
