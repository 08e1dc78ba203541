"""Add an article: upload a .txt/.md file or paste text; it is extracted for this visitor only."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.models import ArticleError, Trip
from dashboard.session import current_view
from dashboard.tables import unique_trip_id
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
from dashboard.views.markup import escape_markdown

st.header("Add an article", anchor=False)
st.caption(
    "Upload a news article about a trip, or paste its text. It is read with the same rules as "
    "the articles on the server and shown on every page like them. It stays in this browser "
    "session only: nothing is saved on the server, and no other visitor sees it. "
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
         encoding: str | None = None) -> list[tuple[str, str]]:
    check_session_room(uploads, name, text)
    with st.spinner(f"Reading {name}…"):
        trip = extract_upload_isolated(name, text, published)
    taken = set(state.tables.trips["trip_id"]) | {t.id for t in uploads}
    trip.id = unique_trip_id(trip.id, taken)
    uploads.append(trip)
    stops = ", ".join(s.city or s.country for s in trip.stops)
    messages = [("success", f"Added **{escape_markdown(trip.title)}**: {len(trip.stops)} "
                            f"stop(s), {escape_markdown(stops)}. Choose it in the Trip filter."
                            + (f" (File read as {encoding}.)" if encoding else ""))]
    messages += [("info", escape_markdown(f"{name}: {w}")) for w in trip.warnings]
    return messages


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
    submitted = st.form_submit_button("Add", type="primary", icon=":material/add:")

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
            messages += _add(name, content, given, encoding)
        except ArticleError as exc:
            messages.append(("error", escape_markdown(str(exc))))
    st.session_state[_FLASH_KEY] = messages
    st.rerun()

if uploads:
    st.subheader("Added in this session", anchor=False)
    for n, trip in enumerate(list(uploads)):
        left, right = st.columns([5, 1], vertical_alignment="center")
        stops = " → ".join(s.city or s.country for s in trip.stops)
        left.markdown(f"**{escape_markdown(trip.title)}**  \n`trip={escape_markdown(trip.id)}`"
                      f" · {escape_markdown(stops)}")
        if right.button("Remove", key=f"remove_upload_{n}_{trip.id}",
                        icon=":material/delete:"):
            uploads.remove(trip)
            st.rerun()
