"""A reader's joins and splits inside the app: read from the store, written through it.

    from dashboard.store.grouping_state import reader_decisions

    tables = load_folder(folder, uploads, reader_decisions())   # app.py

Decisions are shared by every visitor (like corrections of folder articles): the store keeps
them, keyed by the SHA-256 of each article's text (`dashboard.merging.decisions`). When the
store cannot be written (read-only, locked, unreachable), a decision is kept in this browser
session instead and the message says so; nothing the reader did is lost, and it is gone
when the session ends.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

import streamlit as st

from dashboard.merging.decisions import GroupingDecision
from dashboard.store.app_state import note_store_problem, store_status
from dashboard.store.engine import StoreError
from dashboard.store.groupings import active_decisions, add_decision, undo_decision
from dashboard.store.repository import NotFound

SESSION_DECISIONS_KEY = "_grouping_session_decisions"
"""Session-state key: decisions kept in this session only (the store refused them)."""
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    """What became of a reader's join, split or undo: kept in the store or in the session."""

    decision: GroupingDecision
    stored: bool
    problem: str | None = None

    def where(self) -> str:
        """'Saved for every reader.' / 'Kept for this browser session only: …'."""
        if self.stored:
            return "Saved for every reader of this dashboard."
        return (f"Kept for this browser session only: {self.problem or 'saving is off'}, so "
                "it is not saved for other readers or after the session ends.")


def _session_decisions() -> list[GroupingDecision]:
    return st.session_state.setdefault(SESSION_DECISIONS_KEY, [])


def reader_decisions() -> list[GroupingDecision]:
    """The joins and splits in force: the store's, oldest first, then this session's own.
    On a database fault only the session's (the banner says saving is off)."""
    status = store_status()
    stored: list[GroupingDecision] = []
    if status.store is not None:
        try:
            stored = active_decisions(status.store)
        except StoreError as problem:
            note_store_problem(problem)
    return [*stored, *_session_decisions()]


def record(decision: GroupingDecision) -> Outcome:
    """Keep `decision`: in the store, else (read-only, unreachable) in this session."""
    status = store_status()
    problem = status.problem
    if status.store is not None:
        try:
            number = add_decision(status.store, decision)
        except StoreError as failed:
            note_store_problem(failed)
            problem = failed.reason
        else:
            note_store_problem(None)
            return Outcome(replace(decision, id=number), stored=True)
    session = _session_decisions()
    # Session decisions are numbered -1, -2, …: never a store number.
    kept = replace(decision, id=-(len(session) + 1))
    session.append(kept)
    _log.info("grouping kept in the session only: %s", problem)
    return Outcome(kept, stored=False, problem=problem)


def undo(decision: GroupingDecision) -> Outcome:
    """Take `decision` back (a session one, or a stored one through the store). Raises
    StoreError (reason in words) when the store cannot do it; NotFound when someone else
    undid it first."""
    session = _session_decisions()
    if decision.id is None or decision.id < 0:
        session[:] = [d for d in session if d.id != decision.id]
        return Outcome(decision, stored=False)
    status = store_status()
    if status.store is None:
        raise StoreError(status.problem or "the database is unavailable")
    try:
        undone = undo_decision(status.store, decision.id)
    except NotFound:
        raise
    except StoreError as failed:
        note_store_problem(failed)
        raise
    note_store_problem(None)
    return Outcome(undone, stored=True)
