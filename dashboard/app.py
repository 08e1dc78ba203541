"""Trip timeline dashboard: `streamlit run dashboard/app.py` from the repository root.

The entry point only sets the page up, loads the tables (cached), draws the shared sidebar
filters, stores the filtered view for the pages (`dashboard.session`) and runs the page
chosen in the navigation. The pages live in `dashboard/app_pages/`: a folder named `pages`
beside this file would switch Streamlit to its older directory-based multipage mode for the
first run of a process (and every AppTest run), which runs a page without this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the repository root; the
# package is normally pip-installed (`make run`), this keeps a bare checkout working too.
if __package__ in (None, "") and str(Path(__file__).resolve().parents[1]) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import streamlit as st

from dashboard.components.share import share_link
from dashboard.failures import show_failure
from dashboard.filters import apply_selection, available_countries, available_topics
from dashboard.heap import freeze_if_slow
from dashboard.loading import articles_dir, load_folder, streamlit_secrets
from dashboard.records.cache import load_trip_checks
from dashboard.records.settings import records_dir
from dashboard.session import ViewState, set_current_view
from dashboard.sidebar import remember_first_url, render_filters, url_notices
from dashboard.store.app_state import store_banner, with_stored_trips
from dashboard.store.grouping_state import reader_decisions
from dashboard.uploads import UPLOADS_KEY
from dashboard.views.colors import stop_colors, trip_colors
from dashboard.views.markup import escape_markdown

PAGES_DIR = Path(__file__).resolve().parent / "app_pages"
SELECTED_STOP_KEY = "selected_stop_id"

# Before anything is drawn (so before a click can interrupt this run): keep the address the
# session was opened with, so a shared link's filters survive a page switch while loading.
remember_first_url()

st.set_page_config(
    page_title="Trip timeline", page_icon="🧭", layout="wide",  # emoji: no favicon download
    menu_items={"About": "Trip timeline: a diplomatic trip's itinerary, read from news "
                         "articles, with every fact tied to its sentence."},
)

page = st.navigation([
    st.Page(PAGES_DIR / "overview.py", title="Overview", icon=":material/map:",
            url_path="overview", default=True),
    st.Page(PAGES_DIR / "topics.py", title="Topics", icon=":material/label:",
            url_path="topics"),
    st.Page(PAGES_DIR / "source.py", title="Source", icon=":material/article:",
            url_path="source"),
    st.Page(PAGES_DIR / "data.py", title="Data", icon=":material/table:", url_path="data"),
    st.Page(PAGES_DIR / "records.py", title="Official record", icon=":material/verified:",
            url_path="records"),
    st.Page(PAGES_DIR / "correct.py", title="Correct", icon=":material/edit_note:",
            url_path="correct"),
    st.Page(PAGES_DIR / "add_article.py", title="Add article", icon=":material/upload_file:",
            url_path="add"),
])

folder = articles_dir(secrets=streamlit_secrets())
# The visitor's own uploads (session only) are grouped with the folder's articles (an upload
# about a folder trip joins it), and readers' joins and splits apply on top (cached).
tables = load_folder(folder, st.session_state.get(UPLOADS_KEY, []), reader_decisions())
# Saved trips (this visitor's, and the one a ?trip= link names) and stored corrections.
tables = with_stored_trips(tables)
if tables.errors:
    with st.expander(f"{len(tables.errors)} article(s) could not be used", expanded=True,
                     icon=":material/warning:"):
        for error in tables.errors:
            st.warning(escape_markdown(error))
if tables.notes:  # how articles were grouped into trips: ambiguous matches, trips.toml
    with st.expander(f"{len(tables.notes)} note(s) on how the articles were grouped into trips",
                     icon=":material/merge:"):
        for note in tables.notes:
            st.info(escape_markdown(note))
if tables.trips.empty:
    st.error(f"No trip could be read from {escape_markdown(folder)}. Add .txt or .md articles "
             "there, point the TRIP_ARTICLES_DIR setting at a folder of articles, or add one "
             "on the *Add article* page.", icon=":material/error:")
    if page.url_path != "add":
        st.stop()

selection = render_filters(tables)
share_link(selection, container=st.sidebar.expander("Share this view", icon=":material/share:"))
view = apply_selection(tables, selection)
notices = url_notices()
store_banner()
for notice in notices:
    st.warning(escape_markdown(notice), icon=":material/link_off:")

try:
    record_checks = load_trip_checks(tables, records_dir())
except Exception as exc:  # the record is an extra: a fault in it must not take every page
    show_failure(exc, "Checking the trips against the official record",
                 "the pages show the trips without it")
    record_checks = None

selected = st.session_state.get(SELECTED_STOP_KEY)
set_current_view(ViewState(
    tables=tables,
    view=view,
    selection=selection,
    colors=stop_colors(tables.itinerary),
    trip_colors=trip_colors(tables.trips["trip_id"]),
    country_names=available_countries(tables),
    topic_labels=available_topics(tables),
    trip_titles=dict(zip(tables.trips["trip_id"], tables.trips["title"], strict=True)),
    notices=notices,
    selected_stop_id=selected if selected in set(view.itinerary["stop_id"]) else None,
    articles_dir=folder,
    record_checks=record_checks,
))
try:
    page.run()
except Exception as exc:  # st.stop / st.rerun are not Exceptions: they pass through
    show_failure(exc, f"The {page.title} page", "the other pages still work")
finally:
    # Streamlit's full garbage collection after each run must not walk the language model,
    # the gazetteer and the tables every time (dashboard.heap).
    freeze_if_slow()
