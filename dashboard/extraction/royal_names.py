"""Monarchs' names: a regnal name with no title before it ("Felipe VI" after "The King and
Queen of Spain,") and the title each name of a royal couple takes. Used by
`people.find_people`.
"""

from __future__ import annotations

import re

from dashboard.extraction.name_patterns import ROMAN

# "The King and Queen of X": a couple's titles, the first one the first name's
COUPLE_TITLES = re.compile(r"\b(?P<title>King|Emperor|Prince|Grand[ \t]Duke|President)"
                           r"[ \t]++and[ \t]++$")


AND_A_NAME = re.compile(r"(?<![ \t])[ \t]++and[ \t]++[A-Z]")


def paired_title(text: str, start: int, match: re.Match[str], name_end: int) -> str:
    """The title of the name a title match ends on; in "The King and Queen of Spain, Felipe VI
    and Letizia" the first name takes the first title of the couple."""
    paired = COUPLE_TITLES.search(text, max(start, match.start() - 30), match.start())
    if paired and AND_A_NAME.match(text, name_end):
        return " ".join(paired.group("title").split())
    return match.group("title")


# "The King and Queen of Spain, Felipe VI and Letizia": a given name and a regnal number, with
# a monarch's title earlier in the sentence
REGNAL_NAME = re.compile(rf"(?<![\w-])(?P<name>[A-Z][a-z]++(?:[ \t][A-Z][a-z]++)?+[ \t]{ROMAN})"
                         r"(?![\w-])")
MONARCH_BEFORE = re.compile(r"\b(?P<title>King|Queen|Emperor|Empress|Pope|Sultan|Emir|"
                            r"Grand[ \t]Duke)\b")


def regnal_names(text: str, start: int, end: int, taken: list[tuple[int, int]]
                 ) -> list[tuple[str, str, int, int]]:
    """Monarchs named by a regnal name with no title before it, when a monarch's title comes
    earlier in the same sentence ("The King and Queen of Spain, Felipe VI and Letizia"): the
    first such title is theirs: [(title, name, start, end)], none inside `taken` spans."""
    found = []
    for match in REGNAL_NAME.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in taken):
            continue
        titles = list(MONARCH_BEFORE.finditer(text, start, match.start()))
        if not titles:
            continue
        title = " ".join(titles[0].group("title").split())
        found.append((title, match.group("name"), match.start(), match.end()))
    return found
