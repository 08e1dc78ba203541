"""A reader's joins and splits of trips in the store (table `trip_groupings`, migration 0003).

    from dashboard.store.groupings import add_decision, active_decisions, undo_decision

    number = add_decision(store, GroupingDecision("split", (content_hash(text),), ("b.txt",)))
    decisions = active_decisions(store)   # oldest first: what `merge_articles` applies
    undo_decision(store, number)          # the grouping is as if it had never been made

What a decision means is `dashboard.merging.decisions`; here it is only kept. Articles are
named by the SHA-256 of their text (as folder corrections are), so a decision outlives a
restart and a renamed file. Every function raises `StoreUnavailable`/`StoreReadOnly` (with a
message for people) when the database fails, `NotFound` for an unknown or undone decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update

from dashboard.merging.decisions import GroupingDecision
from dashboard.store.repository import NotFound, TripStore
from dashboard.store.schema import HASH_LENGTH, TripGroupingRow

MAX_ARTICLES = 200
"""Articles one decision may name (a join of two trips of a large folder stays far below)."""


@dataclass(frozen=True)
class StoredDecision:
    """A decision as the store holds it, undone ones included (for a history)."""

    decision: GroupingDecision
    created_at: dt.datetime
    undone_at: dt.datetime | None


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes for what was written as UTC.
    return value if value is None or value.tzinfo else value.replace(tzinfo=dt.UTC)


def _check(decision: GroupingDecision) -> None:
    if len(decision.articles) > MAX_ARTICLES:
        raise ValueError(f"a decision names at most {MAX_ARTICLES} articles")
    for key in decision.articles:
        if len(key) != HASH_LENGTH or any(c not in "0123456789abcdef" for c in key):
            raise ValueError(f"not an article hash (64 hex digits): {key[:70]!r}")


def _decision(row: TripGroupingRow) -> GroupingDecision:
    return GroupingDecision(
        action=row.action,  # type: ignore[arg-type]
        articles=tuple(str(a["hash"]) for a in row.articles),
        names=tuple(str(a.get("name") or "") for a in row.articles), id=row.id, note=row.note)


def add_decision(store: TripStore, decision: GroupingDecision) -> int:
    """Keep `decision`; returns its number (it applies after every earlier one). Raises
    ValueError for a key that is not a SHA-256 hex digest (nothing is written)."""
    _check(decision)
    names = list(decision.names) + [""] * (len(decision.articles) - len(decision.names))
    articles = [{"hash": key, "name": name[:255]}
                for key, name in zip(decision.articles, names, strict=True)]
    now = dt.datetime.now(dt.UTC)

    def work(session) -> int:  # type: ignore[no-untyped-def]
        row = TripGroupingRow(action=decision.action, articles=articles,
                              note=decision.note, created_at=now, undone_at=None)
        session.add(row)
        session.flush()
        return int(row.id)

    return store._run(work)


def active_decisions(store: TripStore) -> list[GroupingDecision]:
    """The decisions in force, oldest first (one query)."""
    def work(session) -> list[GroupingDecision]:  # type: ignore[no-untyped-def]
        rows = session.scalars(select(TripGroupingRow)
                               .where(TripGroupingRow.undone_at.is_(None))
                               .order_by(TripGroupingRow.id))
        return [_decision(r) for r in rows]

    return store._run(work)


def decision_history(store: TripStore) -> list[StoredDecision]:
    """Every decision, undone ones too, newest first."""
    def work(session) -> list[StoredDecision]:  # type: ignore[no-untyped-def]
        rows = session.scalars(select(TripGroupingRow).order_by(TripGroupingRow.id.desc()))
        return [StoredDecision(_decision(r), _aware(r.created_at), _aware(r.undone_at))
                for r in rows]

    return store._run(work)


def undo_decision(store: TripStore, number: int) -> GroupingDecision:
    """Undo decision `number` (kept, marked undone); returns it. Raises NotFound when there
    is no such decision in force (never made, or already undone)."""
    now = dt.datetime.now(dt.UTC)

    def work(session) -> GroupingDecision:  # type: ignore[no-untyped-def]
        # Only the writer that still sees it in force undoes it: two readers clicking
        # "Undo" at once get one success and one NotFound, never a double write.
        moved = session.execute(
            update(TripGroupingRow)
            .where(TripGroupingRow.id == number, TripGroupingRow.undone_at.is_(None))
            .values(undone_at=now).execution_options(synchronize_session=False))
        if moved.rowcount != 1:
            raise NotFound(f"no join or split number {number} in force")
        row = session.get(TripGroupingRow, number)
        assert row is not None
        return _decision(row)

    return store._run(work)
