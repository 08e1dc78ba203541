"""Official record: the Office of the Historian's list of every foreign visit of each
Secretary of State and President, as journeys on a map, a timeline and a table."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.records.cache import load_record_views
from dashboard.records.journeys import journey_table, records_in_range
from dashboard.records.reader import RecordFileError
from dashboard.records.settings import CACHE_DIR, ENV_VAR, find_records_dir
from dashboard.sidebar import CLEAR_KEY, COUNTRY_KEY, DATES_KEY, TOPIC_KEY, TRIP_KEY
from dashboard.views.basemap import served_outlines_url
from dashboard.views.markup import escape_markdown
from dashboard.views.record_views import (
    build_record_deck,
    country_key,
    record_map_data,
    record_table,
    record_timeline,
)

WHO_KEY = "records_page_who"
GROUPS = {
    "group:secretary": "All Secretaries of State",
    "group:president": "All Presidents",
    "group:all": "Everyone in the record",
}

# The sidebar's trip, country, topic and date filters belong to the article pages and do
# nothing here: hide them on this page (still rendered, so they keep their values and the
# link for the other pages), and say where this page's own choices are.
_HIDDEN = ", ".join(f'[data-testid="stSidebar"] .st-key-{key}'
                    for key in (TRIP_KEY, COUNTRY_KEY, TOPIC_KEY, DATES_KEY, CLEAR_KEY))
st.html(f"<style>{_HIDDEN}, [data-testid='stSidebar'] [data-testid='stHeading'] "
        "{display: none !important;}</style>")
st.sidebar.caption("The trip, country, topic and date filters apply to the article pages. "
                   "This page has its own traveller and dates, above the map.")

st.header("Official record", anchor=False)
st.caption(
    "Every foreign visit of each U.S. Secretary of State (from 1866) and President (from "
    "1906), as published by the U.S. Department of State's Office of the Historian "
    "(public domain / CC0). Consecutive visits a few days apart form one journey."
)

location = find_records_dir()
if location is None:
    st.info(
        "No official travel record is configured, so this page has nothing to show; the rest "
        "of the app works without it.\n\n"
        f"To add it, run `python -m dashboard.records download` (saves to `{CACHE_DIR}`), or "
        f"set the environment variable `{ENV_VAR}` to a folder holding a copy of the "
        "`HistoryAtState/travels` XML files.",
        icon=":material/info:",
    )
    st.stop()
if not location.path.exists():
    st.warning(f"The records folder {location.description} does not exist.",
               icon=":material/folder_off:")
    st.stop()

records, warnings = load_record_views(location.path)
for fault in [m for m in warnings if isinstance(m, RecordFileError)]:  # not just a note
    st.warning(escape_markdown(fault), icon=":material/error:")
if records.empty:
    st.warning(f"No visits could be read from {location.description}.",
               icon=":material/error:")
    for message in warnings[:20]:
        st.text(message)
    st.stop()

travellers = (records.groupby("who", sort=False)
              .agg(name=("name", "first"), role=("role", "first"), first=("start", "min"),
                   last=("start", "max"))
              .sort_values(["role", "first"], ascending=[False, True]))


def traveller_label(key: str) -> str:
    if key in GROUPS:
        return GROUPS[key]
    row = travellers.loc[key]
    office = "Secretary of State" if row["role"] == "secretary" else "President"
    return f"{row['name']} ({office}, {row['first']:%Y}–{row['last']:%Y})"


options = [*GROUPS, *travellers.index]
if st.session_state.get(WHO_KEY) not in options:
    st.session_state[WHO_KEY] = ("blinken-antony-j" if "blinken-antony-j" in travellers.index
                                 else options[0])
who_key = st.selectbox("Traveller", options, format_func=traveller_label, key=WHO_KEY)

if who_key == "group:all":
    chosen = records
elif who_key in GROUPS:
    chosen = records[records["role"] == who_key.split(":", 1)[1]]
else:
    chosen = records_in_range(records, who_key)
first: date = chosen["start"].min().date()
last: date = chosen["end"].fillna(chosen["start"]).max().date()
picked = st.date_input("Dates", value=(first, last), min_value=first, max_value=last,
                       key=f"records_page_dates_{who_key}", format="YYYY-MM-DD")
if isinstance(picked, tuple | list):
    start = picked[0] if len(picked) > 0 else first
    end = picked[1] if len(picked) > 1 else last
else:
    start, end = picked, picked
selection = records_in_range(chosen, None, start, end)

if selection.empty:
    st.info("No recorded visit in this date range.", icon=":material/event_busy:")
    st.stop()

journeys = journey_table(selection)
visits_col, journeys_col, countries_col = st.columns(3)
visits_col.metric("Visits", f"{len(selection):,}")
journeys_col.metric("Journeys", f"{len(journeys):,}")
countries_col.metric("Countries", f"{country_key(selection).nunique():,}",
                     help="ISO countries, and historic ones (U.S.S.R.) by the record's name")

map_tab, timeline_tab, table_tab = st.tabs(["Map", "Timeline", "Table"])
with map_tab:
    map_data = record_map_data(selection)
    if map_data.message:
        st.info(map_data.message, icon=":material/info:")
    st.pydeck_chart(build_record_deck(map_data, outlines_url=served_outlines_url()),
                    height=480,
                    alt=f"Map of {len(selection)} recorded visits")
with timeline_tab:
    timeline = record_timeline(selection)
    if timeline.message:
        st.info(timeline.message, icon=":material/info:")
    st.plotly_chart(timeline.figure, config={"displayModeBar": False},
                    alt="Timeline of the recorded journeys")
with table_tab:
    table = record_table(selection)
    st.caption(f"{len(table):,} visit(s), in date order.")
    st.dataframe(
        table, hide_index=True, width="stretch",
        column_config={
            "journey_label": st.column_config.TextColumn("Journey"),
            "journey_id": st.column_config.TextColumn("Journey id"),
            "start": st.column_config.DateColumn("Start", format="YYYY-MM-DD"),
            "end": st.column_config.DateColumn("End", format="YYYY-MM-DD"),
            "country": st.column_config.TextColumn("Country (Historian)"),
            "country_code": st.column_config.TextColumn("ISO"),
            "locale": st.column_config.TextColumn("Locale"),
            "remarks": st.column_config.TextColumn("Remarks", width="large"),
            "id": st.column_config.TextColumn("Record id"),
            "who": st.column_config.TextColumn("Traveller"),
        },
    )

st.caption(f"Source: {location.description}.")
if warnings:
    with st.expander(f"Notes from reading the record ({len(warnings)})"):
        # Plain text: messages quote file and country names from the XML.
        st.text("\n".join(warnings))
