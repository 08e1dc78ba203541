"""Where the shown trips come from, as Markdown for the Overview: outlet, date, title, link.

The facts come from the trips table (`outlet`, `published`, `title`, `url`, `source_path`;
see `dashboard.source_info` for how they are read). Every word is Markdown-escaped; a link
is only made of an http(s) address the article itself gives, percent-encoded so it cannot
break out of the Markdown link.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from urllib.parse import quote

import pandas as pd

from dashboard.views.highlight import safe_url
from dashboard.views.markup import escape_markdown

MAX_LISTED = 4


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _day(value: object) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    day = pd.Timestamp(value)
    return f"{day:%a} {day.day} {day:%b %Y}"


def _markdown_link(url: str) -> str:
    # Spaces, brackets and parentheses would end a Markdown link early: encode them.
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def source_line(trip: Mapping[str, object], *, with_title: bool = True) -> str:
    """'Source: **DW**, Tue 4 Oct 2022 · “Title” · [the article](url)' for one trips row,
    from what is known; the file name when nothing else is. `with_title=False` leaves the
    title out (a page whose heading already is the title)."""
    outlet, title = _text(trip.get("outlet")), _text(trip.get("title"))
    day = _day(trip.get("published"))
    url = safe_url(trip.get("url"))
    parts: list[str] = []
    if outlet:
        parts.append(f"**{escape_markdown(outlet)}**" + (f", {escape_markdown(day)}"
                                                          if day else ""))
    elif day:
        parts.append(f"published {escape_markdown(day)}")
    if title and with_title:
        parts.append(f"“{escape_markdown(title)}”")
    if url:
        parts.append(f"[open the article]({_markdown_link(url)})")
    if not parts:
        path = _text(trip.get("source_path"))
        name = PurePath(path).name if path else None
        return f"Source: {escape_markdown(name)}" if name else ""
    return "Source: " + " · ".join(parts)


def sources_summary(trips: pd.DataFrame, *, with_title: bool = True) -> str:
    """The Overview's line: `source_line` for one trip; for several, outlets and dates of up
    to four articles."""
    rows = trips.to_dict("records")
    if len(rows) == 1:
        return source_line(rows[0], with_title=with_title)
    listed = []
    for row in rows[:MAX_LISTED]:
        outlet = _text(row.get("outlet")) or _text(row.get("title")) or "an article"
        day = _day(row.get("published"))
        listed.append(escape_markdown(outlet + (f", {day}" if day else "")))
    more = len(rows) - len(listed)
    tail = f" and {more} more" if more > 0 else ""
    return (f"From {len(rows)} news articles: " + "; ".join(listed) + tail
            + ". The *Source* page shows each one with its facts marked.")
