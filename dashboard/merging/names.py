"""Comparing names across articles: 'Antony J. Blinken' and 'Antony Blinken' are one person.

A name is compared as its words without accents, case, punctuation or initials; two names
are the same person when their family names (last word) agree and their given names agree
where both have one ('Blinken' alone matches 'Antony Blinken'; 'Antony Blinken' does not
match 'Donald Blinken'). Place names compare the same way without the initials rule.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")
# Titles an article may leave in front of a name; they say nothing about who it is.
_TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "secretary", "president", "minister",
    "prime", "foreign", "vice", "deputy", "state", "of", "the", "general", "defense",
    "defence", "us", "u", "s", "pm", "premier", "chancellor", "king", "queen", "prince",
    "pope", "his", "her", "holiness", "majesty", "excellency",
})


def plain(text: str) -> str:
    """Lower case without accents: 'Márquez' -> 'marquez'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_words(name: str) -> list[str]:
    """The words that identify a person: no titles, no initials ('J.'), no accents."""
    words = _WORD.findall(plain(name))
    return [w for w in words if len(w) > 1 and w not in _TITLES]


def same_person(a: str | None, b: str | None) -> bool:
    """True when `a` and `b` name the same person (see the module docstring)."""
    if not a or not b:
        return False
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    if wa[-1] != wb[-1]:
        return False
    # Same family name: the given names must not contradict each other.
    ga, gb = wa[:-1], wb[:-1]
    return not ga or not gb or ga[0] == gb[0]


def place_key(name: str | None) -> str:
    """A city's comparison key: 'Bogotá' and 'Bogota' give 'bogota'."""
    return " ".join(_WORD.findall(plain(name or "")))
