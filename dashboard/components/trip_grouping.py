"""The reader's join/split controls (on the Source page): split the article shown out of its
trip, join another trip to this one, undo either. UI only: the decisions are
`dashboard.merging.decisions`, kept through `dashboard.store.grouping_state`.

Every action runs in a button callback (before the next run draws anything), so the Trip
filter and the article picker can be moved to where the article went.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.merging.decisions import JOIN, GroupingDecision, decisions_for
from dashboard.sidebar import choose_trip_on_next_run
from dashboard.source_link import ARTICLE_PARAM
from dashboard.store.engine import StoreError
from dashboard.store.grouping_state import Outcome, reader_decisions, record, undo
from dashboard.store.ids import looks_like_saved_id
from dashboard.tables import TripTables
from dashboard.trip_grouping import (
    join_candidates,
    join_decision,
    placement,
    source_articles,
    split_decision,
    trip_label,
)
from dashboard.uploads import UPLOADS_KEY
from dashboard.views.markup import escape_markdown

SOURCE_PICK_KEY = "source_page_article"
"""The Source page's article picker (a radio), moved here after a join or split."""
JOIN_PICK_KEY = "grouping_join_pick"
_FLASH_KEY = "_grouping_messages"
_LAST_KEY = "_grouping_last_decision"


def _regrouped(folder: Path | None) -> TripTables:
    """The trips as the decisions now group them (the same cached call app.py makes next)."""
    from dashboard.loading import load_folder

    return load_folder(folder or Path("."), st.session_state.get(UPLOADS_KEY, []),
                       reader_decisions())


def _follow(folder: Path | None, source_id: str) -> TripTables:
    """Show the trip now holding `source_id`, with that article chosen."""
    tables = _regrouped(folder)
    where = placement(tables, source_id)
    if where is not None:
        choose_trip_on_next_run(where.trip_id)
        st.session_state[SOURCE_PICK_KEY] = source_id
        st.query_params[ARTICLE_PARAM] = source_id  # the share link of the next run names it
    return tables


def _flash(kind: str, message: str) -> None:
    st.session_state.setdefault(_FLASH_KEY, []).append((kind, message))


def _kept(outcome: Outcome) -> None:
    st.session_state[_LAST_KEY] = outcome.decision


def _split(folder: Path | None, tables: TripTables, source_id: str, stay_on: str) -> None:
    decision = split_decision(tables, source_id)
    outcome = record(decision)
    _kept(outcome)
    after = _follow(folder, stay_on)
    alone, rest = placement(after, source_id), placement(after, stay_on)
    name = escape_markdown(decision.names[0])
    message = f"Split **{name}** out"
    if alone is not None:
        message += f": it is now a trip of its own, *{escape_markdown(alone.title)}*"
    if rest is not None:
        message += (f". This trip, *{escape_markdown(rest.title)}*, now has {rest.n_sources} "
                    f"source{'s' if rest.n_sources != 1 else ''}")
    _flash("success" if outcome.stored else "warning", f"{message}. {outcome.where()}")


def _join(folder: Path | None, tables: TripTables, trip_id: str, source_id: str) -> None:
    other = st.session_state.get(JOIN_PICK_KEY)
    if not other:
        _flash("warning", "Choose the trip to join to this one first.")
        return
    try:
        decision = join_decision(tables, [trip_id, other])
    except ValueError:
        _flash("warning", "These trips hold the same article: there is nothing to join.")
        return
    outcome = record(decision)
    _kept(outcome)
    st.session_state.pop(JOIN_PICK_KEY, None)
    after = _follow(folder, source_id)
    joined = placement(after, source_id)
    message = f"Joined *{escape_markdown(trip_label(tables, other))}* to this trip"
    if joined is not None:
        message += (f": *{escape_markdown(joined.title)}* now has {joined.n_sources} "
                    "sources")
    _flash("success" if outcome.stored else "warning", f"{message}. {outcome.where()}")


def _undo(folder: Path | None, decision: GroupingDecision, source_id: str) -> None:
    try:
        undo(decision)
    except StoreError as problem:
        _flash("error", f"Not undone: {escape_markdown(problem.reason)}.")
        return
    if st.session_state.get(_LAST_KEY) == decision:
        st.session_state.pop(_LAST_KEY, None)
    _follow(folder, source_id)
    _flash("success", f"Undone: {escape_markdown(decision.describe())}. The trips are grouped "
                      "as before it.")


def _saved(tables: TripTables, trip_id: str) -> bool:
    """A trip saved by a visitor (opened by its link): kept whole, outside the grouping."""
    return trip_id in tables.stored and looks_like_saved_id(trip_id)


def show_grouping_messages() -> None:
    """The outcome of the last join, split or undo (once)."""
    for kind, message in st.session_state.pop(_FLASH_KEY, []):
        getattr(st, kind)(message, icon=":material/merge:")


def render_grouping_controls(tables: TripTables, trip_id: str, source_id: str,
                             folder: Path | None) -> None:
    """The controls for the trip `trip_id` while its article `source_id` is shown."""
    if _saved(tables, trip_id):
        st.caption("A saved trip stands on its own: joining and splitting trips applies to the "
                   "articles of the dashboard and those added in this session.")
        return
    articles = source_articles(tables, trip_id)
    shown = next((a for a in articles if a.source_id == source_id), None)
    others = [t for t in join_candidates(tables, trip_id) if not _saved(tables, t)]
    decisions = reader_decisions()
    mine = decisions_for(decisions, [a.key for a in articles])
    last = st.session_state.get(_LAST_KEY)
    if last is not None and last not in mine and last in decisions:
        mine.append(last)  # "Undo" right after a split, from the trip left behind
    with st.expander("Join or split trips", icon=":material/call_split:",
                     expanded=bool(mine)):
        st.caption(
            "Articles about the same trip are grouped automatically (same traveller, dates "
            "within a few days). When that is wrong, split an article out or join two trips; "
            "the choice is saved for every reader and can be undone.")
        split_col, join_col = st.columns(2, gap="medium")
        with split_col:
            if len(articles) > 1 and shown is not None:
                stay_on = next(a.source_id for a in articles if a.source_id != source_id)
                title = shown.title if len(shown.title) <= 60 else shown.title[:59] + "…"
                st.button(f"Split “{escape_markdown(title)}” out of this trip",
                          key="grouping_split",
                          icon=":material/call_split:", on_click=_split,
                          args=(folder, tables, source_id, stay_on),
                          help="This article becomes a trip of its own; the others stay "
                               "together.")
            else:
                st.caption("This trip is told by one article: there is nothing to split.")
        with join_col:
            if others:
                if st.session_state.get(JOIN_PICK_KEY) not in others:
                    st.session_state.pop(JOIN_PICK_KEY, None)
                st.selectbox("Join another trip to this one", others, index=None,
                             key=JOIN_PICK_KEY, placeholder="Choose a trip",
                             format_func=lambda t: trip_label(tables, t),
                             help="Likeliest first: the same traveller, the nearest dates.")
                st.button("Join", key="grouping_join", icon=":material/merge:",
                          on_click=_join, args=(folder, tables, trip_id, source_id),
                          disabled=not st.session_state.get(JOIN_PICK_KEY))
            else:
                st.caption("No other trip is loaded to join this one to.")
        for n, decision in enumerate(mine):
            _decision_row(decision, f"grouping_undo_{n}_{decision.id}", folder, source_id)
        others_made = [d for d in reversed(decisions) if d not in mine]
        if others_made:
            st.caption(f"Other joins and splits in force ({len(others_made)}), newest first"
                       + (f"; the {MAX_LISTED} newest are listed (all: `python -m "
                          "dashboard.store groupings`)" if len(others_made) > MAX_LISTED
                          else ""))
            for n, decision in enumerate(others_made[:MAX_LISTED]):
                _decision_row(decision, f"grouping_undo_other_{n}_{decision.id}", folder,
                              source_id)


MAX_LISTED = 10
"""Decisions about other trips listed under the controls (the newest)."""


def _decision_row(decision: GroupingDecision, key: str, folder: Path | None,
                  source_id: str) -> None:
    text_col, undo_col = st.columns([5, 1], vertical_alignment="center")
    where = "this session only" if decision.id is None or decision.id < 0 else "saved"
    verb = "Joined" if decision.action == JOIN else "Split out"
    names = ", ".join(decision.names) or f"{len(decision.articles)} article(s)"
    note = f" — {decision.note}" if decision.note else ""
    text_col.markdown(f"{verb} {escape_markdown(names)}{escape_markdown(note)} · *{where}*")
    undo_col.button("Undo", key=key, icon=":material/undo:", on_click=_undo,
                    args=(folder, decision, source_id), width="stretch")
