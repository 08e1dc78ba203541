"""Extracted articles -> merged trips: give each article a source id, group, merge."""

from __future__ import annotations

from collections.abc import Sequence

from dashboard.merging.decisions import GroupingDecision, fold_decisions
from dashboard.merging.grouping import DEFAULT_SLACK_DAYS, article_order, group_articles
from dashboard.merging.model import MergedTrip, SourceRef
from dashboard.merging.stops import merge_trip
from dashboard.merging.trips_file import TripsPlan
from dashboard.models import Trip


def source_ref(trip: Trip, grouping: str | None = None) -> SourceRef:
    return SourceRef(id=trip.id, path=trip.article.path, title=trip.article.title,
                     published=trip.article.published, traveler=trip.traveler,
                     grouping=grouping)


def single_source(trip: Trip) -> MergedTrip:
    """A trip told by one article, as a merged trip (its own stops, its id)."""
    return merge_trip([trip], [source_ref(trip)])


def assign_source_ids(trips: Sequence[Trip]) -> list[Trip]:
    """Copies of `trips` with unique ids, numbered in `article_order` ('x', 'x-2', ...), so the
    ids do not depend on the order the files were read. Expects the extractor's own ids."""
    from dashboard.tables import unique_trip_id

    taken: set[str] = set()
    renamed: dict[int, Trip] = {}
    for trip in sorted(trips, key=article_order):
        copy = trip.model_copy()
        copy.id = unique_trip_id(trip.id, taken)
        taken.add(copy.id)
        renamed[id(trip)] = copy
    return [renamed[id(t)] for t in trips]


def merge_articles(trips: Sequence[Trip], *, slack_days: int = DEFAULT_SLACK_DAYS,
                   plan: TripsPlan | None = None,
                   decisions: Sequence[GroupingDecision] = ()) -> list[MergedTrip]:
    """Group the articles into trips and merge each group; trips in order of their first day.

    `trips` carry the extractor's ids (duplicates allowed: they are numbered here); each
    merged trip is named by the id of the article that tells most of it, so a trip of one
    article keeps that article's id. `decisions`: a reader's joins and splits, in the order
    they were made (`decisions.fold_decisions`), applied over `plan` (trips.toml).
    """
    named = assign_source_ids(trips)
    merged: list[MergedTrip] = []
    reader = fold_decisions(decisions)
    for group in group_articles(named, slack_days=slack_days, plan=plan, reader=reader):
        refs = [source_ref(t, group.how_joined.get(t.id)) for t in group.articles]
        merged.append(merge_trip(group.articles, refs,
                                 title=group.title, notes=group.notes))
    return merged
