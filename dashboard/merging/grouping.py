"""Which articles report the same trip.

Rule: two articles are about one trip when they name the same traveller (`names.same_person`)
and their dates overlap or lie at most `slack_days` apart (an announcement of "October 3-7"
and a report from the second stop). An article's dates are the days of its stops, or its
publication day when no stop is dated; an article with neither, or with no traveller, is a
trip of its own.

Groups are built from the longest itinerary down (a full announcement founds the trip, the
report of one stop joins it); an article within reach of two trips joins the nearest in time
(then the one with the most days in common, then the earliest) and the trip notes it.
Different travellers on the same days stay different trips. A `TripsPlan` (trips.toml) can
name trips outright (join) and keep articles apart (split). The result does not depend on
the order the articles come in: they are ordered by `article_order` first.

A reader's own joins and splits (`decisions.ReaderGrouping`, kept in the store) apply on top
of trips.toml: a reader's split takes an article out of any group, a reader's join makes one
trip of its articles and of any trips.toml group they share an article with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dashboard.merging.decisions import ReaderGrouping, article_key
from dashboard.merging.names import same_person
from dashboard.merging.trips_file import TripsPlan
from dashboard.models import Trip

DEFAULT_SLACK_DAYS = 3
"""Days that may separate two articles' dates and still be one trip."""


@dataclass
class TripGroup:
    """Articles of one trip, in `article_order`, and how they were grouped."""

    articles: list[Trip]
    notes: list[str] = field(default_factory=list)
    title: str | None = None
    explicit: bool = False  # named by a trips.toml join or a reader
    open_to_nearby: bool = False
    """A reader's join (explicit, yet not closed as a trips.toml join is): another article
    still joins it when it is within the slack of one of its articles (not of its whole
    span, which a join of two distant trips makes wide)."""
    how_joined: dict[str, str] = field(default_factory=dict)
    """trip (source) id -> how that article came into this trip, in words, where it is worth
    saying: 'also fits …; attached to the nearest in time', 'joined by a reader'."""

    @property
    def span(self) -> tuple[date, date] | None:
        spans = [s for s in (article_span(t) for t in self.articles) if s is not None]
        if not spans:
            return None
        return min(s[0] for s in spans), max(s[1] for s in spans)


def file_name(trip: Trip) -> str:
    return Path(trip.article.path).name


def article_order(trip: Trip) -> tuple:
    """The canonical order of articles: by publication day, then file name, then path, then
    text, so reading the files in another order gives the same trips."""
    published = trip.article.published or date.max
    return (published, file_name(trip), trip.article.path, trip.article.text)


def article_span(trip: Trip) -> tuple[date, date] | None:
    """First and last day the article gives its stops, else its publication day."""
    days = [d for s in trip.stops for d in (s.start, s.end) if d is not None]
    if days:
        return min(days), max(days)
    if trip.article.published is not None:
        return trip.article.published, trip.article.published
    return None


def gap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two spans; 0 when they overlap or touch."""
    return max(0, (b[0] - a[1]).days - 1, (a[0] - b[1]).days - 1)


def _overlap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    return max(0, (min(a[1], b[1]) - max(a[0], b[0])).days + 1)


def _describe(group: TripGroup) -> str:
    span = group.span
    names = ", ".join(file_name(t) for t in group.articles)
    return f"{names} ({span[0]:%-d %b %Y} – {span[1]:%-d %b %Y})" if span else names


def _explicit_groups(trips: Sequence[Trip], plan: TripsPlan,
                     reader: ReaderGrouping) -> list[TripGroup]:
    """The groups named outright: trips.toml joins, then a reader's joins and splits on top."""
    by_name: dict[str, list[Trip]] = {}
    by_key: dict[str, list[Trip]] = {}
    for trip in trips:
        by_name.setdefault(file_name(trip), []).append(trip)
        by_key.setdefault(article_key(trip), []).append(trip)
    alone = {id(t) for key in reader.alone for t in by_key.get(key, [])}
    groups: list[TripGroup] = []
    for entry in plan.joins:
        members = [t for name in entry.articles for t in by_name.get(name, [])
                   if id(t) not in alone]
        if len(members) >= 2:
            groups.append(TripGroup(members, notes=["grouped by trips.toml"], title=entry.title,
                                    explicit=True))
    for keys in reader.joins:
        members = [t for key in sorted(keys) for t in by_key.get(key, [])]
        ids = {id(t) for t in members}
        if len(members) < 2:
            continue  # an article of it is not loaded now: the join waits for it
        touching = [g for g in groups if ids & {id(t) for t in g.articles}]
        title = next((g.title for g in touching if g.title), None)
        for group in touching:
            groups.remove(group)
            members += [t for t in group.articles if id(t) not in ids]
            ids |= {id(t) for t in group.articles}
        group = TripGroup(members, notes=["joined by a reader"], title=title, explicit=True,
                          open_to_nearby=not touching)  # a trips.toml trip stays closed
        group.how_joined = {t.id: "joined by a reader" for t in members}
        groups.append(group)
    for trip in trips:
        if id(trip) in alone:
            groups.append(TripGroup([trip], notes=[f"{file_name(trip)} split out by a reader"],
                                    explicit=True,
                                    how_joined={trip.id: "split out by a reader"}))
    for group in groups:
        group.articles.sort(key=article_order)
    return groups


def group_articles(trips: Sequence[Trip], slack_days: int = DEFAULT_SLACK_DAYS,
                   plan: TripsPlan | None = None,
                   reader: ReaderGrouping | None = None) -> list[TripGroup]:
    """Group extracted articles into trips (see the module docstring); groups come in the
    order of their first day, articles within a group in `article_order`. `reader`: a
    reader's joins and splits (`decisions.fold_decisions`), applied over `plan`."""
    if slack_days < 0:
        raise ValueError(f"slack_days must be 0 or more, not {slack_days}")
    plan = plan or TripsPlan()
    groups = _explicit_groups(trips, plan, reader or ReaderGrouping())
    placed: set[int] = {id(t) for g in groups for t in g.articles}

    def founding_order(trip: Trip) -> tuple:
        span = article_span(trip)
        length = (span[1] - span[0]).days if span else -1
        return (-length, span[0] if span else date.max, *article_order(trip))

    for trip in sorted((t for t in trips if id(t) not in placed), key=founding_order):
        span = article_span(trip)
        candidates: list[tuple[tuple, TripGroup]] = []
        if trip.traveler and span is not None:
            for group in groups:
                group_span = group.span
                if (group.explicit and not group.open_to_nearby) or group_span is None:
                    continue
                if group.open_to_nearby:  # the nearest of its articles stands for it
                    group_span = min(
                        (s for s in (article_span(t) for t in group.articles) if s),
                        key=lambda s: (gap_days(span, s), -_overlap_days(span, s)))
                if not all(same_person(trip.traveler, other.traveler)
                           for other in group.articles):
                    continue
                if any(plan.apart(file_name(trip), file_name(other))
                       for other in group.articles):
                    continue
                gap = gap_days(span, group_span)
                if gap <= slack_days:
                    rank = (gap, -_overlap_days(span, group_span), group_span[0])
                    candidates.append((rank, group))
        if not candidates:
            groups.append(TripGroup([trip]))
            continue
        candidates.sort(key=lambda item: item[0])
        chosen = candidates[0][1]
        if len(candidates) > 1:
            others = "; ".join(_describe(g) for _, g in candidates[1:])
            chosen.notes.append(
                f"{file_name(trip)} also fits another trip ({others}); attached to the "
                "nearest in time")
            chosen.how_joined[trip.id] = (f"also fits another trip ({others}); attached to the "
                                      "nearest in time")
        chosen.articles.append(trip)
        chosen.articles.sort(key=article_order)
    groups.sort(key=lambda g: ((g.span or (date.max, date.max))[0],
                               article_order(g.articles[0])))
    return groups
