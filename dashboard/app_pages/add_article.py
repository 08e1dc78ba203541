"""Add an article: upload a .txt/.md file or paste text; it is extracted for this visitor only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import streamlit as st

from dashboard.loading import load_folder
from dashboard.merging.grouping import DEFAULT_SLACK_DAYS
from dashboard.models import ArticleError, Trip
from dashboard.session import current_view
from dashboard.sidebar import choose_trip_on_next_run
from dashboard.store.app_state import save_trip, saved_ids, share_url
from dashboard.store.engine import StoreError
from dashboard.store.grouping_state import reader_decisions, record
from dashboard.tables import unique_trip_id
from dashboard.trip_grouping import placement, split_decision
from dashboard.uploads import (
    MAX_PASTE_CHARS,
    MAX_SESSION_TEXT_BYTES,
    MAX_UPLOAD_BYTES,
    MAX_UPLOADS_PER_SESSION,
    UPLOADS_KEY,
    check_session_room,
    check_upload_name,
    decode_upload,
    extract_upload_isolated,
)
from dashboard.views.markup import escape_markdown, markdown_code

st.header("Add an article", anchor=False)
st.caption(
    "Upload a news article about a trip, or paste its text. It is read with the same rules as "
    "the articles on the server and shown on every page like them. **Add** keeps it in this "
    "browser session only: nothing is saved on the server, and no other visitor sees it. "
    "**Save and get a link** stores it on the server: anyone with the link can open it (and "
    "only they: saved trips are not listed), and you can correct it on the *Correct* page. "
    f"One session can add up to {MAX_UPLOADS_PER_SESSION} articles "
    f"({MAX_SESSION_TEXT_BYTES // 1_000_000} MB in all)."
)

_FLASH_KEY = "_upload_messages"

state = current_view()
uploads: list[Trip] = st.session_state.setdefault(UPLOADS_KEY, [])
# Messages of the last submit survive the rerun that puts new trips into the sidebar filters.
for kind, message in st.session_state.pop(_FLASH_KEY, []):
    getattr(st, kind)(message)


def _add(name: str, text: str, published: date | None,
         encoding: str | None = None, placed: bool = True) -> list[tuple[str, str]]:
    """Extract and keep an article in this session; `placed`: group it with the loaded trips
    and say where it went (not when it is saved at once: a saved trip stands alone)."""
    check_session_room(uploads, name, text)
    with st.spinner(f"Reading {name}…"):
        trip = extract_upload_isolated(name, text, published)
    # Source ids too: an article merged into a trip keeps its own id for its text.
    taken = (set(state.tables.trips["trip_id"]) | set(state.tables.sources["source_id"])
             | {t.id for t in uploads})
    trip.id = unique_trip_id(trip.id, taken)
    uploads.append(trip)
    stops = ", ".join(s.city or s.country for s in trip.stops)
    messages = [("success", f"Added **{escape_markdown(trip.title)}**: {len(trip.stops)} "
                            f"stop(s), {escape_markdown(stops)}. "
                            + (_where_it_went(trip) if placed else "")
                            + (f" (File read as {encoding}.)" if encoding else ""))]
    # the extractor's warnings may already name the article
    messages += [("info", escape_markdown(w if w.startswith(f"{name}:") else f"{name}: {w}"))
                 for w in trip.warnings]
    return messages


def _where_it_went(trip: Trip) -> str:
    """Group the new upload with the loaded trips (the same cached call app.py makes on the
    next run), choose its trip in the Trip filter, and say which trip that is."""
    tables = load_folder(state.articles_dir or Path("."), uploads, reader_decisions())
    where = placement(tables, trip.id)
    if where is None:  # not grouped (unreadable): show it as it is
        choose_trip_on_next_run(trip.id)
        return "It is now chosen in the Trip filter."
    choose_trip_on_next_run(where.trip_id)
    if where.n_sources == 1:
        why = (escape_markdown(where.grouping) if where.grouping else
               f"no loaded trip of the same traveller within {DEFAULT_SLACK_DAYS} days takes it")
        return f"It is a trip of its own ({why}), now chosen in the Trip filter."
    sources = tables.sources
    others = sources[(sources["trip_id"] == where.trip_id) & (sources["source_id"] != trip.id)]
    titles = [str(t) for t in others["title"].head(3)]
    why = f"same traveller, dates within {DEFAULT_SLACK_DAYS} days"
    if where.title in titles:  # the trip keeps its name
        said = (f"It joined the trip *{escape_markdown(where.title)}* ({why}), which now has "
                f"{where.n_sources} sources and is chosen in the Trip filter.")
    else:  # the new article tells most of it, so the trip is named after it now
        told_by = ", ".join(f"*{escape_markdown(t)}*" for t in titles)
        said = (f"It joined the trip of {told_by} ({why}): one trip of {where.n_sources} "
                f"sources now, named *{escape_markdown(where.title)}*, chosen in the Trip "
                "filter.")
    if where.grouping and "nearest" in where.grouping:
        said += f" It {escape_markdown(where.grouping)}."
    return said + " Not the same trip? Split it out below or on the *Source* page."


def _split_out(trip: Trip) -> list[tuple[str, str]]:
    """Make a session upload a trip of its own again (a reader's split)."""
    outcome = record(split_decision(state.tables, trip.id))
    choose_trip_on_next_run(trip.id)
    return [("success" if outcome.stored else "warning",
             f"**{escape_markdown(trip.title)}** is a trip of its own again. "
             f"{outcome.where()}")]


def _save(trip: Trip) -> list[tuple[str, str]]:
    """Save a session upload; it becomes a saved trip of this visitor, with its link."""
    try:
        new_id = save_trip(trip)
    except StoreError as problem:
        return [("error", escape_markdown(f"Not saved: {problem.reason}. "
                                          "It stays in this session."))]
    uploads.remove(trip)
    return [("success", f"Saved **{escape_markdown(trip.title)}**. Anyone with this link "
                        f"can open it:\n\n`{share_url(new_id)}`")]


with st.form("add_article", clear_on_submit=True, enter_to_submit=False):
    files = st.file_uploader(
        "Article files", type=["txt", "md"], accept_multiple_files=True,
        help=f"Plain text or Markdown, up to {MAX_UPLOAD_BYTES // 1_000_000} MB each. "
             "UTF-8 is best; other text encodings are detected.",
    )
    pasted = st.text_area(
        f"…or paste the article text (up to {MAX_PASTE_CHARS:,} characters)", height=200,
        max_chars=MAX_PASTE_CHARS,
        placeholder="Title: …\nDate: 2022-10-04\n\nThe text of the article…",
        help=f"Longer text is refused by the browser before it is sent: the box takes at most "
             f"{MAX_PASTE_CHARS:,} characters (about {MAX_UPLOAD_BYTES // 1_000_000} MB). "
             "For a longer article, upload only the part about the trip.")
    published = st.date_input(
        "Publication date (optional)", value=None, format="YYYY-MM-DD",
        help="Used when the article prints no date of its own: weekdays such as 'on Monday' "
             "are resolved against it. Leave empty otherwise.",
    )
    add_col, save_col = st.columns(2)
    submitted = add_col.form_submit_button("Add", icon=":material/add:", width="stretch")
    save_now = save_col.form_submit_button("Save and get a link", type="primary",
                                           icon=":material/link:", width="stretch")
    submitted = submitted or save_now

if submitted:
    given = published if isinstance(published, date) else None
    messages: list[tuple[str, str]] = []
    if not files and not pasted.strip():
        messages.append(("warning", "Choose a file or paste some text first. The paste box "
                         f"takes up to {MAX_PASTE_CHARS:,} characters: the browser refuses a "
                         "longer paste as a whole, so the box stays empty. Paste only the part "
                         "about the trip, or upload the article as a file (up to "
                         f"{MAX_UPLOAD_BYTES // 1_000_000} MB)."))
    sources = [(f.name, f.getvalue()) for f in files or []]
    if pasted.strip():
        sources.append(("pasted text", pasted))
    for name, content in sources:
        try:
            encoding = None
            if isinstance(content, bytes):
                check_upload_name(name)
                content, encoding = decode_upload(name, content)
            added = _add(name, content, given, encoding, placed=not save_now)
            if save_now:  # "saved, here is the link" says it all; warnings still show
                added = [m for m in added if m[0] != "success"] + _save(uploads[-1])
            messages += added
        except ArticleError as exc:
            messages.append(("error", escape_markdown(str(exc))))
    st.session_state[_FLASH_KEY] = messages
    st.rerun()

if uploads:
    st.subheader("Added in this session", anchor=False)
    for n, trip in enumerate(list(uploads)):
        left, right = st.columns([5, 1], vertical_alignment="center")
        stops = " → ".join(s.city or s.country for s in trip.stops)
        where = placement(state.tables, trip.id)
        joined = (f"  \nPart of *{escape_markdown(where.title)}* ({where.n_sources} sources)"
                  if where is not None and where.n_sources > 1 else "")
        in_trip = where.trip_id if where is not None else trip.id
        left.markdown(f"**{escape_markdown(trip.title)}**  \n{markdown_code(f'trip={in_trip}')}"
                      f" · {escape_markdown(stops)}{joined}")
        if right.button("Save and get a link", key=f"save_upload_{n}_{trip.id}",
                        icon=":material/link:", width="stretch"):
            st.session_state[_FLASH_KEY] = _save(trip)
            st.rerun()
        if joined and right.button("Split out", key=f"split_upload_{n}_{trip.id}",
                                   icon=":material/call_split:", width="stretch",
                                   help="Make this article a trip of its own"):
            st.session_state[_FLASH_KEY] = _split_out(trip)
            st.rerun()
        if right.button("Remove", key=f"remove_upload_{n}_{trip.id}",
                        icon=":material/delete:", width="stretch"):
            uploads.remove(trip)
            st.rerun()

if saved_ids():
    st.subheader("Saved by you", anchor=False)
    st.caption("Only you see this list, in this browser session; the links work for anyone "
               "you give them to, on any device, after a restart.")
    titles = state.trip_titles
    for trip_id in saved_ids():
        st.markdown(f"**{escape_markdown(titles.get(trip_id, trip_id))}**")
        st.code(share_url(trip_id), language=None, wrap_lines=True)
