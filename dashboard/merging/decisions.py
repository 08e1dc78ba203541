"""A reader's joins and splits of trips, laid over the automatic grouping and trips.toml.

A reader who sees two trips that are one ("the announcement and the report are the same
tour") joins them; one who sees an article that does not belong splits it out. Each choice
is a `GroupingDecision` naming articles by the SHA-256 of their text (`article_key`), as
corrections to folder articles are keyed, so it outlives a restart, a renamed file and a new
extractor, and it applies to an uploaded copy of the same text too. The store keeps them
(`dashboard.store`); this module only says what a list of them means:

- decisions apply in the order they were made, the later one winning;
- `join` puts the named articles into one trip, together with any trip a previous join (or a
  `trips.toml` join) made of some of them; another article still joins that trip
  automatically when it is within the slack of one of its articles (a trips.toml trip stays
  closed);
- `split` makes each named article a trip of its own (out of any join, automatic or not);
- undoing a decision is deleting it: the grouping is what the remaining ones say.

Plain functions, no I/O.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from dashboard.models import Trip

JOIN = "join"
SPLIT = "split"
Action = Literal["join", "split"]


def text_key(text: str) -> str:
    """SHA-256 (hex) of an article text as UTF-8; equal to `dashboard.store.content_hash`."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_key(trip: Trip) -> str:
    """The key a decision names an article by: the SHA-256 of its text."""
    return text_key(trip.article.text)


@dataclass(frozen=True)
class GroupingDecision:
    """One reader's join or split.

    `articles` are article keys (`article_key`): at least two for a join, one or more for a
    split. `names` are the articles' file names when it was made, for people (the keys
    decide). `id` is the store's number (None: kept in this session only)."""

    action: Action
    articles: tuple[str, ...]
    names: tuple[str, ...] = ()
    id: int | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if self.action not in (JOIN, SPLIT):
            raise ValueError(f"action must be 'join' or 'split', not {self.action!r}")
        if not self.articles or (self.action == JOIN and len(set(self.articles)) < 2):
            raise ValueError(f"a {self.action} names at least "
                             f"{2 if self.action == JOIN else 1} article(s)")

    def describe(self) -> str:
        """The decision in words: 'joined a.txt, b.txt' / 'split out c.txt'."""
        names = ", ".join(self.names) or ", ".join(k[:12] for k in self.articles)
        return f"joined {names}" if self.action == JOIN else f"split out {names}"


@dataclass(frozen=True)
class ReaderGrouping:
    """What a list of decisions amounts to: sets of articles that are one trip, and articles
    that are trips of their own (never both)."""

    joins: tuple[frozenset[str], ...] = ()
    alone: frozenset[str] = frozenset()
    by: dict[str, GroupingDecision] = field(default_factory=dict)
    """article key -> the latest decision that placed it (for 'Undo')."""

    def __bool__(self) -> bool:
        return bool(self.joins or self.alone)


def fold_decisions(decisions: Iterable[GroupingDecision]) -> ReaderGrouping:
    """Apply `decisions` in order (see the module docstring) and return where they leave the
    articles. Pure; the result does not depend on anything but the order of `decisions`."""
    joins: list[set[str]] = []
    alone: set[str] = set()
    by: dict[str, GroupingDecision] = {}
    for decision in decisions:
        named = set(decision.articles)
        for key in named:
            by[key] = decision
        if decision.action == SPLIT:
            alone |= named
            for group in joins:
                group -= named
        else:
            alone -= named
            touching = [g for g in joins if g & named]
            for group in touching:
                named |= group
                joins.remove(group)
            joins.append(named)
        joins = [g for g in joins if len(g) >= 2]
    return ReaderGrouping(joins=tuple(frozenset(g) for g in joins), alone=frozenset(alone),
                          by=by)


def decisions_for(decisions: Sequence[GroupingDecision],
                  keys: Iterable[str]) -> list[GroupingDecision]:
    """The decisions that name any of `keys` (the articles of one trip), oldest first."""
    wanted = set(keys)
    return [d for d in decisions if wanted & set(d.articles)]
