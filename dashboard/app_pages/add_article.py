"""Add an article: upload a .txt/.md file or paste text; it is extracted for this visitor only."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.models import ArticleError, Trip
from dashboard.session import current_view
from dashboard.tables import unique_trip_id
from dashboard.uploads import (
    MAX_UPLOAD_BYTES,
    UPLOADS_KEY,
    check_upload_name,
    decode_upload,
    extract_upload,
)
from dashboard.views.markup import escape_markdown

st.header("Add an article", anchor=False)
st.caption(
    "Upload a news article about a trip, or paste its text. It is read with the same rules as "
    "the articles on the server and shown on every page like them. It stays in this browser "
    "session only: nothing is saved on the server, and no other visitor sees it."
)

_FLASH_KEY = "_upload_messages"

state = current_view()
uploads: list[Trip] = st.session_state.setdefault(UPLOADS_KEY, [])
# Messages of the last submit survive the rerun that puts new trips into the sidebar filters.
for kind, message in st.session_state.pop(_FLASH_KEY, []):
    getattr(st, kind)(message)


def _add(name: str, text: str, published: date | None) -> list[tuple[str, str]]:
    trip = extract_upload(name, text, published)
    # Source ids too: an article merged into a trip keeps its own id for its text.
    taken = (set(state.tables.trips["trip_id"]) | set(state.tables.sources["source_id"])
             | {t.id for t in uploads})
    trip.id = unique_trip_id(trip.id, taken)
    uploads.append(trip)
    stops = ", ".join(s.city or s.country for s in trip.stops)
    messages = [("success", f"Added **{escape_markdown(trip.title)}**: {len(trip.stops)} "
                            f"stop(s), {escape_markdown(stops)}. Choose it in the Trip filter.")]
    messages += [("info", escape_markdown(f"{name}: {w}")) for w in trip.warnings]
    return messages


with st.form("add_article", clear_on_submit=True, enter_to_submit=False):
    files = st.file_uploader(
        "Article files", type=["txt", "md"], accept_multiple_files=True,
        help=f"Plain text or Markdown, up to {MAX_UPLOAD_BYTES // 1_000_000} MB each. "
             "UTF-8 is best; other text encodings are detected.",
    )
    pasted = st.text_area("…or paste the article text", height=200,
                          placeholder="Title: …\nDate: 2022-10-04\n\nThe text of the article…")
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
        messages.append(("warning", "Choose a file or paste some text first."))
    sources = [(f.name, f.getvalue()) for f in files or []]
    if pasted.strip():
        sources.append(("pasted text", pasted))
    for name, content in sources:
        try:
            if isinstance(content, bytes):
                check_upload_name(name)
                content, _ = decode_upload(name, content)
            messages += _add(name, content, given)
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
