"""Topics: which topics arise at which stop, how often, and the sentences that raise them."""

from __future__ import annotations

import streamlit as st

from dashboard.session import current_view, show_empty_result
from dashboard.views.highlight import quotes_html
from dashboard.views.topic_heatmap import topic_heatmap
from dashboard.views.topic_matrix import (
    sentences_for_topic,
    short_trip_labels,
    topic_counts,
    topic_matrix,
)

TOPIC_PICK_KEY = "topics_page_topic"

st.header("Topics", anchor=False)
state = current_view()
if state.is_empty:
    show_empty_result("topics")
    st.stop()

view = state.view
# Columns are labelled by stop; with several trips each is grouped under a short trip label
# (traveller and month), since full titles would not fit an axis.
trip_labels = short_trip_labels(view.trips) if state.all_trips else dict(state.trip_titles)
matrix = topic_matrix(view.topics, view.itinerary, trip_labels)
if matrix.empty:
    st.info(
        "No topic is tagged for the stops in view, and no agenda is stated for the trip. "
        "The source page shows the article text.",
        icon=":material/label_off:",
    )
    st.stop()

st.markdown(
    "Sentences raising each topic at each stop, in travel order; “whole trip” is the agenda "
    "stated for the tour. Hover over a cell for an example phrase."
)
st.plotly_chart(
    topic_heatmap(matrix),
    width="stretch",
    config={"displayModeBar": False, "responsive": True},
)

st.subheader("Sentences that raise a topic", anchor=False)
slugs = list(matrix.counts.index)
if st.session_state.get(TOPIC_PICK_KEY) not in slugs:
    st.session_state.pop(TOPIC_PICK_KEY, None)
chosen = st.selectbox(
    "Topic",
    slugs,
    format_func=lambda slug: matrix.labels.get(slug, slug),
    key=TOPIC_PICK_KEY,
    help="Topics are listed most raised first.",
)
rows = sentences_for_topic(view.topics, chosen, view.itinerary, trip_labels)
if rows.empty:
    st.info("No sentence in view raises this topic.")
else:
    quotes = [
        (row.stop, row.sentence, str(row.phrase).split(", "), state.colors.get(row.stop_id))
        for row in rows.itertuples()
    ]
    st.markdown(f"{len(rows)} sentence(s); the words that signalled the topic are marked.")
    st.html(quotes_html(quotes))

st.subheader("Counts", anchor=False)
counts = topic_counts(view.topics, view.itinerary, trip_labels)
st.dataframe(
    counts,
    hide_index=True,
    width="stretch",
    column_order=["label", "sentences", "n_stops", "stops", "whole_trip"],
    column_config={
        "label": st.column_config.TextColumn("Topic", width="medium"),
        "sentences": st.column_config.NumberColumn(
            "Sentences", help="Distinct sentences that raise the topic", format="%d"
        ),
        "n_stops": st.column_config.NumberColumn("Stops", format="%d"),
        "stops": st.column_config.ListColumn("Where", width="large"),
        "whole_trip": st.column_config.CheckboxColumn(
            "Trip agenda", help="Stated as a topic of the whole tour"
        ),
    },
)
