"""Overview: the route map and the timeline side by side, then one card per stop.

A stop picked on the map, on the timeline or in the "Highlight a stop" box is highlighted
everywhere on the page (and kept for the other pages as `ViewState.selected_stop_id`).
"""

from __future__ import annotations

import streamlit as st

from dashboard.figure_cache import route_deck, timeline_figure
from dashboard.records.trip_checks import lane_in_view
from dashboard.session import current_view, show_empty_result
from dashboard.sidebar import keep_stop_in_url
from dashboard.views.basemap import served_outlines_url
from dashboard.views.cards import card_html, card_key, stop_cards
from dashboard.views.markup import escape_markdown
from dashboard.views.route_map import place_name, selected_stop
from dashboard.views.sources import sources_summary
from dashboard.views.timeline import picked_stop, stop_lane, undated_stops

MAP_KEY = "overview_map"
TIMELINE_KEY = "overview_timeline"
FOCUS_KEY = "selected_stop_id"  # shared with app.py: the selection other pages see
TILES_KEY = "map_tiles"
_LAST_MAP_PICK = "_overview_last_map_pick"
_LAST_TIMELINE_PICK = "_overview_last_timeline_pick"
NO_FOCUS = ""
NO_FOCUS_LABEL = "No stop highlighted"
CARDS_PER_ROW = 3
TRIPS_PER_PAGE = 10
CARD_PAGE_KEY = "overview_card_page"

state = current_view()
view = state.view
itinerary = view.itinerary.sort_values(["trip_id", "stop_index"]).reset_index(drop=True)
all_trips = state.all_trips  # a property that counts the trips: read it once

if all_trips:
    st.header(f"All trips ({itinerary['trip_id'].nunique()})", anchor=False)
elif state.trip_id:
    st.header(escape_markdown(state.trip_titles.get(state.trip_id, state.trip_id)),
              anchor=False)
else:
    st.header("Overview", anchor=False)

if state.is_empty:
    show_empty_result("overview")
    st.stop()

# "of" counts the stops of the chosen trip(s), not of every loaded trip.
scope = state.tables.itinerary
if state.selection.trip_ids:
    scope = scope[scope["trip_id"].isin(state.selection.trip_ids)]
shown, total = len(itinerary), len(scope)
facts = [f"{shown} of {total} stops shown"]
if state.trip_id:
    trip = view.trips.set_index("trip_id").loc[state.trip_id]
    if isinstance(trip["traveler"], str) and trip["traveler"]:
        facts.insert(0, f"Traveller: {trip['traveler']}")
    n_sources = int(trip.get("n_sources", 1) or 1)
    if n_sources > 1:  # the trip merges several articles (dashboard.merging)
        facts.append(f"told by {n_sources} articles (see Source)")
        n_open = sum(len(c) for c in view.itinerary["conflicts"])
        if n_open:
            facts.append(f"⚠ {n_open} conflict(s) between them")
st.caption(escape_markdown(" · ".join(facts)))
# Where the data comes from, on the first screen: outlet, publication date, link when known
# (the title is the heading above when one trip is shown).
st.caption(sources_summary(view.trips[view.trips["trip_id"].isin(itinerary["trip_id"])],
                           with_title=state.trip_id is None))


def _adopt_pick(pick: str | None, last_key: str) -> None:
    """A new click on the map or timeline becomes the highlighted stop."""
    if pick is not None and pick != st.session_state.get(last_key):
        st.session_state[FOCUS_KEY] = pick
    st.session_state[last_key] = pick


# Chart clicks arrive as widget state before the script reaches the charts: read them first so
# the highlight box, the map, the timeline and the cards all agree within this run.
_adopt_pick(selected_stop(st.session_state.get(MAP_KEY)), _LAST_MAP_PICK)
_adopt_pick(picked_stop(st.session_state.get(TIMELINE_KEY)), _LAST_TIMELINE_PICK)

stop_ids = itinerary["stop_id"].tolist()
if st.session_state.get(FOCUS_KEY) not in (NO_FOCUS, *stop_ids):
    st.session_state[FOCUS_KEY] = NO_FOCUS
labels = {
    row["stop_id"]: (f"{state.trip_titles.get(row['trip_id'], row['trip_id'])} — "
                     if all_trips else "") + stop_lane(row)
    for row in itinerary.to_dict("records")
}
focus_column, tiles_column = st.columns([3, 2], vertical_alignment="bottom")
focus = focus_column.selectbox(
    "Highlight a stop", [NO_FOCUS, *stop_ids], key=FOCUS_KEY,
    format_func=lambda sid: NO_FOCUS_LABEL if sid == NO_FOCUS else labels.get(sid, sid),
    help="Or click a stop on the map or a bar on the timeline.",
    persist_state="session",  # the other pages see the choice (ViewState.selected_stop_id)
) or None
keep_stop_in_url(focus)  # the highlighted stop is part of the link (stop=<id>)
online = tiles_column.toggle("Street map tiles (online, Carto)", key=TILES_KEY,
                             persist_state="session",
                             help="Off: country outlines shipped with the app, so the map "
                                  "needs no network.")

if all_trips:
    colors = {sid: state.trip_colors.get(tid, "#8C8C8C")
              for sid, tid in zip(itinerary["stop_id"], itinerary["trip_id"], strict=True)}
else:
    colors = dict(state.colors)

checks = state.record_checks
# The official record gets its own lane only for a single trip: one lane per trip is enough
# clutter in the all-trips view, where the cards still carry each stop's status.
stop_checks = checks.for_stops(itinerary["stop_id"]) if checks is not None else None
record_lane = (lane_in_view(checks.lane_for(itinerary["trip_id"]), state.selection, stop_checks)
               if checks is not None and stop_checks is not None and not all_trips
               else None)

# Hundreds of trips would be a timeline thousands of pixels tall and thousands of cards in
# every run: the timeline lanes and the cards page through the trips, ten at a time; the map
# keeps every route.
trip_ids = list(dict.fromkeys(itinerary["trip_id"]))
if len(trip_ids) > TRIPS_PER_PAGE:
    trip_count = len(trip_ids)
    first_trip = st.selectbox(
        "Trips on the timeline and in the stop list", list(range(0, trip_count, TRIPS_PER_PAGE)),
        key=CARD_PAGE_KEY,
        format_func=lambda n: f"{n + 1}–{min(n + TRIPS_PER_PAGE, trip_count)} of {trip_count}",
    ) or 0
    trip_ids = trip_ids[first_trip:first_trip + TRIPS_PER_PAGE]
shown_stops = itinerary[itinerary["trip_id"].isin(trip_ids)]

dark = st.context.theme.type == "dark"
map_column, timeline_column = st.columns(2, gap="medium")
with map_column:
    st.subheader("Route", anchor=False)
    deck = route_deck(itinerary, colors, topic_labels=state.topic_labels,
                      trip_titles=state.trip_titles, selected_stop_id=focus,
                      online_basemap=online, dark=dark, show_trip=all_trips,
                      outlines_url=served_outlines_url())
    route_words = " → ".join(place_name(r) for r in itinerary.to_dict("records"))
    unlocated = itinerary[itinerary["lat"].isna() | itinerary["lon"].isna()]
    if len(unlocated) < len(itinerary):
        st.pydeck_chart(deck, on_select="rerun", selection_mode="single-object",
                        key=MAP_KEY, height=460, alt=f"Map of the route: {route_words}")
    else:
        st.info("None of these stops has known coordinates, so there is no route to draw.",
                icon=":material/wrong_location:")
    if not unlocated.empty:
        st.caption("Not on the map (no coordinates): " + escape_markdown(
            ", ".join(place_name(r) for r in unlocated.to_dict("records"))))

with timeline_column:
    st.subheader("Timeline", anchor=False)
    figure = timeline_figure(shown_stops, view.events, colors=colors,
                             topic_labels=state.topic_labels, trip_titles=state.trip_titles,
                             lanes="trip" if all_trips else "stop",
                             selected_stop_id=focus, record=record_lane)
    undated = undated_stops(shown_stops)
    if len(undated) < len(shown_stops):
        st.plotly_chart(figure, key=TIMELINE_KEY, on_select="rerun",
                        selection_mode="points", config={"displayModeBar": False},
                        alt="Timeline of the stops, one lane per "
                            + ("trip" if all_trips else "stop"))
    else:
        st.info("None of these stops has a known date, so there is no timeline to draw.",
                icon=":material/event_busy:")
    if not undated.empty:
        st.markdown("**No date known for:**")
        st.markdown("\n".join(f"- {escape_markdown(labels.get(sid, sid))}"
                              for sid in undated["stop_id"]))
    if record_lane is not None and not record_lane.empty:
        st.caption("Official record lane (U.S. Office of the Historian): ✓ the article's "
                   "dates agree, ≠ they differ, + a recorded visit the article does not "
                   "mention. Hover a bar for the record's dates.")
    if not view.events.empty:
        st.caption("◆ marks a dated event (meeting, press conference, …). "
                   "Hover a bar for leaders, topics and the sentence it comes from.")

st.subheader("Stops", anchor=False)
# One pass over the shown stops, each card with its own stop's record check only.
all_cards = stop_cards(shown_stops, colors, state.topic_labels, record_checks=stop_checks)
cards_of_trip: dict[str, list] = {}
for trip_id, card in zip(shown_stops["trip_id"], all_cards, strict=True):
    cards_of_trip.setdefault(trip_id, []).append(card)
for trip_id in trip_ids:
    if all_trips:
        st.markdown(f"**{escape_markdown(state.trip_titles.get(trip_id, trip_id))}**")
    cards = cards_of_trip.get(trip_id, [])
    for first in range(0, len(cards), CARDS_PER_ROW):
        columns = st.columns(CARDS_PER_ROW, gap="small")
        for column, card in zip(columns, cards[first:first + CARDS_PER_ROW], strict=False):
            with column, st.container(border=True, key=card_key(card.stop_id)):
                st.html(card_html(card, selected=card.stop_id == focus))
