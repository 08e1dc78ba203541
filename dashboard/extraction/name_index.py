"""Where names occur in an article, found through one index of its words.

The people rules ask, again and again, "where does this surname occur in this stretch of
text?" for every person the article names. One regular expression per name and question is
quadratic on a long, name-dense article (thousands of names, each compiled again once the
`re` cache of 512 patterns overflows). This index reads the text's words once; a question
is then a dictionary look-up and a bisection.

A name occurs at a position when the text there reads the name and a word boundary (as the
`\\b` of Python's `re`) stands on each side of it: what `\\bNAME\\b` finds, except that a
word cut by the end of a stretch is that word, not a shorter name ("Has" is not in "Hassan"
cut after three letters).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache

WORD = re.compile(r"\w+")


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


class NameIndex:
    """The start offsets of every word of a text, by word."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[str, list[int]] = {}
        self._all: list[int] = []
        self._words: list[str] = []
        for match in WORD.finditer(text):
            self._starts.setdefault(match.group(0), []).append(match.start())
            self._all.append(match.start())
            self._words.append(match.group(0))

    def _boundary_after(self, end: int, limit: int) -> bool:
        text = self.text
        if end >= limit:
            return True  # the end of the stretch searched, as the end of a sliced string
        before = _is_word(text[end - 1]) if end > 0 else False
        return before != _is_word(text[end])

    def occurrences(self, name: str, start: int = 0, end: int | None = None) -> list[int]:
        """Start offsets of `name` as a whole word or phrase within text[start:end], in order
        (what `re.finditer(rf"\\b{re.escape(name)}\\b", text[start:end])` finds, shifted by
        `start`). Names that do not open with a word character are found by that regex."""
        end = len(self.text) if end is None else end
        first = WORD.match(name)
        if not name or first is None:
            return [start + m.start() for m in
                    re.finditer(rf"\b{re.escape(name)}\b", self.text[start:end])]
        starts = self._starts.get(first.group(0), [])
        found = []
        size = len(name)
        for at in starts[bisect_left(starts, start):]:
            if at + size > end:
                break
            if self.text.startswith(name, at) and self._boundary_after(at + size, end):
                found.append(at)
        return found

    def names_in(self, names: Iterable[str], start: int, end: int) -> Iterator[tuple[str, int]]:
        """(name, offset) for every occurrence of any of `names` within text[start:end], in
        the order of the text: one pass over the stretch's words, not one search per name."""
        by_first, odd = _by_first_word(frozenset(names))
        for name in odd:
            for at in self.occurrences(name, start, end):
                yield name, at
        lo = bisect_left(self._all, start)
        for n in range(lo, len(self._all)):
            at = self._all[n]
            if at >= end:
                break
            for name in by_first.get(self._words[n], ()):
                size = len(name)
                if at + size <= end and self.text.startswith(name, at) and \
                        self._boundary_after(at + size, end):
                    yield name, at


@lru_cache(maxsize=8)
def _by_first_word(names: frozenset[str]) -> tuple[dict[str, list[str]], list[str]]:
    """Names grouped by their first word, and those not opening with a word character (kept:
    the same people are asked about for every sentence of an article)."""
    by_first: dict[str, list[str]] = {}
    odd = []
    for name in names:
        first = WORD.match(name)
        if first is None:
            odd.append(name)
        else:
            by_first.setdefault(first.group(0), []).append(name)
    return by_first, odd


@lru_cache(maxsize=4)
def index_of(text: str) -> NameIndex:
    """The index of an article's text, built once per text (the last few are kept)."""
    return NameIndex(text)
