"""Where an article comes from: outlet, publication date, title and link, for the pages.

Plain functions over an `Article` (no Streamlit). The rules, in order of trust:

- **Header lines** (`Title:`, `Source:` / `Publisher:` / `Outlet:`, `URL:` / `Link:`) say it
  outright. A `Source:` that is a web address gives the link, and its host the outlet.
- **The headline**: without a `Title:` header, the short line right above the publication
  date line under it ("Blinken discusses drug trafficking in Colombia" above
  "October 4, 2022"), as news pages print them.
- **The outlet from the page's own furniture**: a saved web page names its site in its
  navigation and trailers ("Skip to more DW sites", "More stories from DW", "DW's Top
  Story", "© 2022 Reuters"); the name such lines agree on is the outlet. Nothing is keyed to
  a particular outlet: the grammar of site furniture is.

A link is only ever taken from the article itself (never looked up: no network at run time).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from dashboard.models import Article

# Only the top of a page carries its headline and date line.
HEADLINE_SEARCH_CHARS = 1500
HEADLINE_MAX_CHARS = 160
HEADLINE_WORDS = (3, 25)
OUTLET_KEYS = ("source", "publisher", "outlet", "site", "publication", "source name")
URL_KEYS = ("url", "link", "source url", "canonical", "canonical url")

_NAME = r"(?P<name>[A-Z0-9][\w&.'’-]{0,24}(?: [A-Z0-9][\w&.'’-]{0,24}){0,3})"
# Site furniture that names the site. Each is matched against one stripped line (bounded
# repetition, no nesting: linear time on any input).
_FURNITURE = [
    re.compile(rf"(?:\d{{1,2}}\.\s?)?Skip to (?:more|other) {_NAME} (?:sites|services)"),
    re.compile(rf"(?:Skip next section )?More (?:stories|news|articles|videos) from {_NAME}"),
    re.compile(rf"(?:Skip next section )?{_NAME}[’']s? (?:Top|Latest|Most read) Stor(?:y|ies)"),
    re.compile(rf"(?:©|\(c\)|Copyright)\s?(?:©\s?)?(?:\d{{4}}\s?)?{_NAME}\.?"
               r"(?: All rights reserved\.?)?", re.IGNORECASE),
]
_DATE_ONLY = re.compile(
    r"(?:(?:Published|Updated|Posted|Date)\s?(?:on)?\s?:?\s?)?"
    r"(?:[A-Za-z]{3,9},?\s)?"
    r"(?:[A-Za-z]{3,9}\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s\d{4}|\d{1,2}(?:st|nd|rd|th)?\s[A-Za-z]{3,9}\.?,?\s\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})"
    r"(?:,?\s(?:at\s)?\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s[A-Z]{2,4})?)?"
)
_NOT_A_HEADLINE = re.compile(r"(?:skip to|go to|image:|photo:|credit:|by\s)", re.IGNORECASE)


@dataclass(frozen=True)
class ArticleSource:
    """What a reader needs to find the article again. Every field may be unknown (None)."""

    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    """An http(s) address given by the article itself; never guessed."""
    file_name: str | None = None

    def summary(self) -> str:
        """One plain line: 'DW · Tue 4 Oct 2022 · “Blinken discusses …”' (parts known)."""
        parts = [self.outlet or "", _day(self.published) if self.published else "",
                 f"“{self.title}”" if self.title else ""]
        return " · ".join(p for p in parts if p)


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _header(article: Article, keys: tuple[str, ...]) -> str | None:
    wanted = {k: n for n, k in enumerate(keys)}
    found = sorted((wanted[name.lower()], value.strip()) for name, value in article.header.items()
                   if name.lower() in wanted and value.strip())
    return found[0][1] if found else None


def web_address(value: str | None) -> str | None:
    """`value` when it is an http(s) URL with a host, else None."""
    if not value:
        return None
    value = value.strip()
    if not re.fullmatch(r"https?://\S{1,2000}", value):
        return None
    parts = urlsplit(value)
    return value if parts.scheme in ("http", "https") and parts.netloc else None


def host_name(url: str) -> str:
    """'https://www.dw.com/en/x' -> 'dw.com'."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def find_headline(text: str, body_start: int = 0) -> str | None:
    """The headline: the short line right above the first date line at the top of the body
    (blank lines between allowed), when it reads like a headline (3-25 words, at most 160
    characters, starting with a capital, no full stop at the end, not page furniture or a
    caption). None otherwise."""
    top = text[body_start:body_start + HEADLINE_SEARCH_CHARS]
    lines = [line.strip() for line in top.splitlines()]
    for n, line in enumerate(lines):
        if not line or not _DATE_ONLY.fullmatch(line):
            continue
        above = [candidate for candidate in lines[:n] if candidate]
        if not above:
            return None
        headline = above[-1]
        words = len(headline.split())
        if (HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1]
                and len(headline) <= HEADLINE_MAX_CHARS
                and (headline[0].isupper() or headline[0].isdigit() or headline[0] in "\"“‘'")
                and not headline.endswith((".", ":", ";", ","))
                and not _NOT_A_HEADLINE.match(headline)):
            return headline
        return None
    return None


def find_outlet(text: str, body_start: int = 0) -> str | None:
    """The site a saved page names in its own furniture, when at least one line names it
    and no other name is as frequent; None otherwise."""
    names: Counter[str] = Counter()
    for raw in text[body_start:].splitlines():
        line = raw.strip()
        if not line or len(line) > 80:
            continue
        for pattern in _FURNITURE:
            match = pattern.fullmatch(line)
            if match:
                names[match.group("name").strip(" .")] += 1
                break
    if not names:
        return None
    ranked = names.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def article_source(article: Article) -> ArticleSource:
    """Outlet, date, title and link of `article` (see the module docstring for the rules)."""
    outlet = _header(article, OUTLET_KEYS)
    url = web_address(_header(article, URL_KEYS))
    # "Source: https://a.example/x (reprint of ...)": the address is the link, its host the
    # outlet (the whole line stays on the Source page).
    first_word = outlet.split()[0] if outlet else None
    if first_word and web_address(first_word):
        url = url or web_address(first_word)
        outlet = host_name(first_word)
    if not outlet:
        outlet = find_outlet(article.text, article.body_start) or (host_name(url) if url else None)
    title = article.title or find_headline(article.text, article.body_start)
    file_name = re.split(r"[\\/]", article.path)[-1] or None
    return ArticleSource(title=title, outlet=outlet, published=article.published, url=url,
                         file_name=file_name)
