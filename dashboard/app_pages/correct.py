"""Correct: edit one trip's stops, save them as a revision, see the history, restore or reset."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.session import current_view
from dashboard.store.app_state import (
    extracted_trip,
    note_store_problem,
    save_upload,
    store_status,
    subject_of,
)
from dashboard.store.corrections import (
    FIRST_DAY,
    LAST_DAY,
    country_codes,
    edits_from_trip,
    topic_labels,
)
from dashboard.store.editor import (
    corrected_labels,
    describe_changes,
    editor_frame,
    edits_from_frame,
)
from dashboard.store.engine import StoreError
from dashboard.store.repository import ConflictError, InvalidEdit, StoredTrip
from dashboard.views.markup import escape_markdown

DRAFTS_KEY = "_correct_drafts"
FLASH_KEY = "_correct_flash"
CONFLICT_KEY = "_correct_conflict"

st.header("Correct a trip", anchor=False)
st.caption(
    "Fix what the extractor read wrong: change a stop's country, city, coordinates, dates, "
    "leaders or topics; add a row for a missed stop, delete a row for a stop that was not one, "
    "change # to move a stop. Saving keeps the extracted value beside yours, marks the field "
    "*corrected* on every page and in every download, and adds a revision to the history."
)

state = current_view()
for kind, message in st.session_state.pop(FLASH_KEY, []):
    getattr(st, kind)(message)

trip_id = state.selection.trip_ids[0] if state.selection.trip_ids else None
if trip_id is None:
    st.info("Choose one trip in the sidebar's **Trip** filter to correct its stops.",
            icon=":material/arrow_back:")
    st.stop()
title = state.trip_titles.get(trip_id, trip_id)
st.subheader(escape_markdown(title), anchor=False)

subject = subject_of(state.tables, trip_id)
if subject is None:
    st.info("This article is in your browser session only. Save it first: a correction needs "
            "a place to live, and the saved trip gets a link you can share.",
            icon=":material/save:")
    if st.button("Save and get a link", type="primary", icon=":material/link:"):
        save_upload(trip_id)
        st.rerun()
    st.stop()

status = store_status()
if status.store is None:
    st.warning("Corrections cannot be made while the database is unavailable; the trip is "
               "shown as it is.", icon=":material/cloud_off:")
    st.stop()
store = status.store

extracted = extracted_trip(state.tables, trip_id, subject)
if extracted is None:
    st.error("This trip could not be read again; it cannot be corrected now.")
    st.stop()
try:
    loaded = (store.load(trip_id) if subject.kind == "saved" else store.load_folder(extracted))
    stale = (store.stale_corrections(subject.name or "", subject.key)
             if subject.kind == "folder" and loaded is None else None)
except StoreError as problem:
    note_store_problem(problem)
    st.warning(f"The trip's corrections cannot be read now: {escape_markdown(problem.reason)}",
               icon=":material/cloud_off:")
    st.stop()
current: StoredTrip = loaded or StoredTrip(
    subject=subject, extracted=extracted, trip=extracted, edits=edits_from_trip(extracted),
    version=0, corrected_at=None)
extracted_edits = edits_from_trip(extracted)
countries = country_codes()
labels = topic_labels()

if stale is not None:
    with st.container(border=True):
        st.warning(
            f"Corrections were saved for **{escape_markdown(stale.name)}** on "
            f"{stale.corrected_at:%Y-%m-%d %H:%M} UTC, but the article's text has changed since. "
            "They are not applied until you review them:", icon=":material/rate_review:")
        for line in describe_changes(extracted_edits, stale.edits, countries) or ["(none)"]:
            st.markdown(f"- {escape_markdown(line)}")
        if st.button("Keep these corrections for the new text", icon=":material/done_all:"):
            try:
                store.carry_over(stale, extracted)
            except StoreError as problem:
                note_store_problem(problem)
                st.error(escape_markdown(problem.reason))
            else:
                st.session_state[FLASH_KEY] = [("success", "Corrections kept for the new text.")]
                st.rerun()

drafts: dict[str, dict] = st.session_state.setdefault(DRAFTS_KEY, {})
draft = drafts.get(subject.key)
if draft is None:
    draft = drafts[subject.key] = {"version": current.version, "edits": list(current.edits),
                                   "nonce": 0}


def _restart(version: int, edits: list, message: tuple[str, str] | None = None) -> None:
    """Start the editor again from `edits` at `version` (after a save, reload or restore)."""
    old = drafts.get(subject.key, {"nonce": 0})
    drafts[subject.key] = {"version": version, "edits": list(edits), "nonce": old["nonce"] + 1}
    st.session_state.pop(CONFLICT_KEY, None)
    if message:
        st.session_state[FLASH_KEY] = [message]


where = ("a saved trip: everyone with its link sees your corrections" if subject.kind == "saved"
         else "a trip of the articles folder: your corrections are shown to every visitor "
              "and kept for this article's text")
revision = f"revision {current.version}" if current.version else "as extracted"
st.caption(f"This is {where}. Now: {revision}.")

leaders = sorted({name for edit in [*draft["edits"], *extracted_edits] for name in edit.leaders})
base_frame = editor_frame(draft["edits"])
base_frame["corrected"] = corrected_labels(draft["edits"], extracted_edits)
edited = st.data_editor(
    base_frame,
    key=f"correct_editor_{subject.key[:24]}_{draft['version']}_{draft['nonce']}",
    num_rows="dynamic",
    hide_index=True,
    width="stretch",
    column_order=["order", "country", "city", "start", "end", "corrected", "leaders", "topics",
                  "lat", "lon"],
    disabled=["corrected"],
    column_config={
        "order": st.column_config.NumberColumn(
            "#", min_value=1, step=1, width="small",
            help="Order of travel: change the number to move a stop"),
        "country": st.column_config.SelectboxColumn(
            "Country", options=list(countries), required=True, width="medium",
            format_func=lambda code: f"{countries.get(code, code)} ({code})",
            help="Chosen by name, stored as the ISO 3166-1 code"),
        "city": st.column_config.TextColumn(
            "City", help="Looked up in the gazetteer for coordinates; for a place it does not "
                         "know, type latitude and longitude too"),
        "start": st.column_config.DateColumn("From", format="YYYY-MM-DD", min_value=FIRST_DAY,
                                             max_value=LAST_DAY),
        "end": st.column_config.DateColumn("To", format="YYYY-MM-DD", min_value=FIRST_DAY,
                                           max_value=LAST_DAY),
        "leaders": st.column_config.MultiselectColumn(
            "Leaders met", options=leaders, accept_new_options=True, width="medium",
            help="Pick or type names"),
        "topics": st.column_config.MultiselectColumn(
            "Topics", options=list(labels), format_func=lambda slug: labels.get(slug, slug),
            width="medium"),
        "corrected": st.column_config.TextColumn(
            "Corrected", width="small",
            help="Fields saved with a value other than the extracted one"),
        "lat": st.column_config.NumberColumn("Latitude", format="%.4f", min_value=-90.0,
                                             max_value=90.0),
        "lon": st.column_config.NumberColumn("Longitude", format="%.4f", min_value=-180.0,
                                             max_value=180.0),
    },
)
edits, problems = edits_from_frame(edited, draft["edits"])
changed = edits != list(draft["edits"])
if problems:
    st.error("These values cannot be saved; fix them and save again (the rest of your edit is "
             "kept):\n\n" + "\n".join(f"- {escape_markdown(str(p))}" for p in problems),
             icon=":material/error:")
    st.dataframe(pd.DataFrame([{"stop": p.row + 1, "column": p.column, "reason": p.reason}
                               for p in problems]),
                 hide_index=True, key="correct_problems")

note = st.text_input("Note (optional)", placeholder="Why: e.g. the State Department's "
                     "schedule says Wednesday", max_chars=300, key="correct_note")
save_col, discard_col = st.columns([1, 1])
save = save_col.button("Save correction", type="primary", icon=":material/save:",
                       disabled=not changed, width="stretch",
                       help="Saves the whole table as a new revision")
if discard_col.button("Discard my changes", icon=":material/undo:", disabled=not changed,
                      width="stretch"):
    _restart(current.version, current.edits)
    st.rerun()

if save:
    try:
        number = store.correct(subject, edits, draft["version"], note=note or None)
    except InvalidEdit as refused:
        st.error("Not saved: " + escape_markdown(str(refused)), icon=":material/error:")
    except ConflictError as conflict:
        st.session_state[CONFLICT_KEY] = str(conflict)
    except StoreError as problem:
        note_store_problem(problem)
        st.error(f"Not saved: {escape_markdown(problem.reason)}. Your edit is still here; try "
                 "again when the database is back.", icon=":material/cloud_off:")
    else:
        note_store_problem(None)
        _restart(number, edits, ("success", f"Saved as revision {number}. Every page and "
                                            "download now shows the corrected values."))
        st.rerun()

if st.session_state.get(CONFLICT_KEY):
    st.error(escape_markdown(st.session_state[CONFLICT_KEY]), icon=":material/sync_problem:")
    if st.button("Reload the latest version", icon=":material/refresh:",
                 help="Discards your unsaved edit and shows the trip as saved now"):
        _restart(current.version, current.edits)
        st.rerun()

st.divider()
st.subheader("History", anchor=False)
try:
    revisions = store.history(subject) if current.version else []
except StoreError as problem:
    revisions = []
    st.warning(escape_markdown(problem.reason))
if not revisions:
    st.caption("No corrections yet: the trip is as the extractor read it.")
for item in revisions:
    is_current = item.number == current.version
    label = (f"Revision {item.number} · {item.created_at:%Y-%m-%d %H:%M} UTC · {item.action}"
             + (" · current" if is_current else ""))
    with st.expander(label, expanded=is_current):
        if item.note:
            st.markdown(f"*{escape_markdown(item.note)}*")
        lines = describe_changes(extracted_edits, item.edits, countries)
        for line in lines or ["Same as extracted."]:
            st.markdown(f"- {escape_markdown(line)}")
        if not is_current and st.button("Restore this revision", key=f"restore_{item.number}",
                                        icon=":material/history:"):
            try:
                number = store.restore(subject, item.number, current.version)
            except (ConflictError, StoreError) as problem:
                note_store_problem(None if isinstance(problem, ConflictError) else problem)
                st.error(escape_markdown(problem.reason))
            else:
                restored = store.history(subject)[0].edits
                _restart(number, restored, ("success", f"Revision {item.number} restored "
                                                       f"as revision {number}."))
                st.rerun()
can_reset = bool(current.version) and current.edits != extracted_edits
if can_reset and st.button("Reset to extracted", icon=":material/restart_alt:",
                           help="Undo every correction (a new revision; the history is kept)"):
    try:
        number = store.reset(subject, extracted, current.version)
    except (ConflictError, StoreError) as problem:
        st.error(escape_markdown(problem.reason))
    else:
        _restart(number, extracted_edits, ("success", "Reset to the extracted trip "
                                                      f"(revision {number})."))
        st.rerun()
