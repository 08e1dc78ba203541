"""Data: the itinerary, events and topics tables of the current selection."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.components.share import download_buttons
from dashboard.session import current_view, show_empty_result
from dashboard.views.data_tables import (
    MISSING,
    conflicts_table,
    events_table,
    for_display,
    itinerary_table,
    topics_table,
)
from dashboard.views.topic_matrix import short_trip_labels

DAY_HELP = f"Year-month-day and weekday; {MISSING} where the article does not say"

st.header("Data", anchor=False)
state = current_view()
if state.is_empty:
    show_empty_result("data")
    st.stop()

view = state.view
several = state.all_trips
# Short labels ("Blinken Oct 2022") keep the trip column narrow; titles are on other pages.
trip_labels = short_trip_labels(view.trips)
trip_column = st.column_config.TextColumn("Trip", help="Traveller and month of the trip")
sentence_column = st.column_config.TextColumn(
    "Sentence", width="large", help="The sentence of the article this row was read from"
)

itinerary_tab, events_tab, topics_tab = st.tabs(["Itinerary", "Events", "Topics"])
# Articles by file name: what a reader sees in the folder and on the Source page.
source_names = {sid: Path(str(path)).name for sid, path in
                zip(state.tables.sources["source_id"], state.tables.sources["path"], strict=True)}

with itinerary_tab:
    checks = state.record_checks
    itinerary = for_display(itinerary_table(
        view.itinerary,
        trip_labels,
        state.topic_labels,
        checks.for_stops(view.itinerary["stop_id"]) if checks else None,
        source_names=source_names,
    ), day_columns=("start", "end"))
    st.markdown(f"{len(itinerary)} stop(s), in travel order.")
    st.dataframe(
        itinerary,
        hide_index=True,
        width="stretch",
        # The table's own column order (views.data_tables), less the trip for a single trip.
        column_order=[c for c in itinerary.columns if several or c != "trip"],
        column_config={
            "trip": trip_column,
            "stop": st.column_config.NumberColumn("#", format="%d", help="Order of travel"),
            "country": st.column_config.TextColumn("Country"),
            "country_code": st.column_config.TextColumn("ISO", help="ISO 3166-1 alpha-2"),
            "city": st.column_config.TextColumn("City"),
            "city_inferred": st.column_config.CheckboxColumn(
                "City inferred", help="Not named in the text (e.g. the capital)"
            ),
            "start": st.column_config.TextColumn("From", help=DAY_HELP),
            "end": st.column_config.TextColumn("To", help=DAY_HELP),
            "dates_inferred": st.column_config.CheckboxColumn(
                "Dates inferred", help="Worked out from context, not stated for this stop"
            ),
            "corrected": st.column_config.ListColumn(
                "Corrected", help="Fields a reader corrected, with the extracted value"
            ),
            "leaders": st.column_config.ListColumn("Leaders met"),
            "topics": st.column_config.ListColumn("Topics"),
            "sources": st.column_config.ListColumn(
                "Sources", help="The articles that report this stop"
            ),
            "conflicts": st.column_config.ListColumn(
                "Conflicts", help="What the articles disagree on (see Conflicts below)"
            ),
            "lat": st.column_config.NumberColumn("Latitude", format="%.4f"),
            "lon": st.column_config.NumberColumn("Longitude", format="%.4f"),
            "key_sentence": st.column_config.TextColumn(
                "Key sentence", width="large", help="Why this is a stop"
            ),
            "record_status": st.column_config.TextColumn(
                "Official record",
                help="confirmed, differs or not-in-record: the U.S. Office "
                "of the Historian's travel record for this traveller and dates; "
                "not-covered: the record covers U.S. presidents and secretaries of state",
            ),
            "record_dates": st.column_config.TextColumn("Record dates"),
            "record_note": st.column_config.TextColumn("Record note", width="large"),
        },
    )

    conflicts = conflicts_table(view.conflicts, view.itinerary, trip_labels, source_names)
    if not conflicts.empty:
        open_count = int((view.conflicts["resolved_by"].isna()).sum())
        st.subheader(f"Conflicts ({open_count} open)", anchor=False)
        st.caption("Facts the articles state differently. Both values are kept with their "
                   "sentences; nothing is chosen for you (the stop spans both on the map and "
                   "timeline).")
        st.dataframe(
            conflicts,
            hide_index=True,
            width="stretch",
            column_order=[*(["trip"] if several else []), "stop", "field", "value", "source",
                          "sentence", "status"],
            column_config={
                "trip": trip_column,
                "stop": st.column_config.TextColumn("Stop"),
                "field": st.column_config.TextColumn("Fact"),
                "value": st.column_config.TextColumn("Says", help="What this source states"),
                "source": st.column_config.TextColumn("Source", help="The article"),
                "sentence": sentence_column,
                "status": st.column_config.TextColumn(
                    "Status", help="open, or settled by a reader's correction"),
            },
        )

with events_tab:
    events = for_display(events_table(view.events, view.itinerary, trip_labels),
                         day_columns=("date",))
    if events.empty:
        st.info("No dated or named events for the stops in view.")
    else:
        st.markdown(f"{len(events)} event(s).")
        st.dataframe(
            events,
            hide_index=True,
            width="stretch",
            column_order=[
                *(["trip"] if several else []),
                "stop",
                "date",
                "kind",
                "label",
                "sentence",
            ],
            column_config={
                "trip": trip_column,
                "stop": st.column_config.TextColumn("Stop"),
                "date": st.column_config.TextColumn("Date", help=DAY_HELP),
                "kind": st.column_config.TextColumn("Kind"),
                "label": st.column_config.TextColumn("Event", width="medium"),
                "sentence": sentence_column,
            },
        )

with topics_tab:
    topics = for_display(topics_table(view.topics, view.itinerary, trip_labels))
    if topics.empty:
        st.info("No topics tagged for the stops in view.")
    else:
        st.markdown(f"{len(topics)} topic tag(s); “whole trip” rows are the tour's agenda.")
        st.dataframe(
            topics,
            hide_index=True,
            width="stretch",
            column_order=[*(["trip"] if several else []), "stop", "label", "phrase", "sentence"],
            column_config={
                "trip": trip_column,
                "stop": st.column_config.TextColumn("Stop"),
                "label": st.column_config.TextColumn("Topic"),
                "phrase": st.column_config.TextColumn("Phrase", help="The words that signalled it"),
                "sentence": sentence_column,
            },
        )

st.subheader("Download", anchor=False)
# The exports of the current selection (CSV, GeoJSON, iCalendar, JSON, HTML report) are
# added here by the export module's page helper, called with `state`.
download_buttons(state.view, state.selection, key="data_downloads", columns=3)
