"""The contract between the app entry point and its pages: what a page is shown.

`dashboard/app.py` loads the tables, reads the sidebar filters (which live in the URL),
applies them and stores one `ViewState` per run with `set_current_view`. A page never loads
or filters anything itself; it starts with::

    from dashboard.session import current_view, show_empty_result

    state = current_view()
    if state.is_empty:
        show_empty_result()        # words + a "Clear filters" button, never blank charts
        st.stop()
    itinerary = state.view.itinerary   # the stops that pass the filters
    color = state.colors[stop_id]      # the stop's colour, same on every page

`state.tables` holds everything loaded (unfiltered) for pages that need the context, e.g.
the source page shows the whole article text but highlights only `state.view.mentions`.
The public names of this module are stable; other engineers' pages depend on them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from dashboard.filters import Selection
from dashboard.records.trip_checks import RecordChecks
from dashboard.tables import TripTables

_STATE_KEY = "_trip_view_state"


@dataclass(frozen=True)
class ViewState:
    """Everything a page needs for one run of the app."""

    tables: TripTables
    """All trips loaded from the articles folder, unfiltered."""
    view: TripTables
    """`tables` filtered by `selection` (trip, countries, topics, date range)."""
    selection: Selection
    """The filters in force, already validated (unknown URL values dropped)."""
    colors: Mapping[str, str] = field(default_factory=dict)
    """stop_id -> hex colour (colour-blind-safe), the same on map, timeline and cards."""
    trip_colors: Mapping[str, str] = field(default_factory=dict)
    """trip_id -> hex colour, used in the all-trips view (one lane/route per trip)."""
    country_names: Mapping[str, str] = field(default_factory=dict)
    """ISO alpha-2 code -> country name, for every country in `tables`."""
    topic_labels: Mapping[str, str] = field(default_factory=dict)
    """topic slug -> human label, for every topic in `tables`."""
    trip_titles: Mapping[str, str] = field(default_factory=dict)
    """trip_id -> title, for every trip in `tables`."""
    notices: tuple[str, ...] = ()
    """Messages already shown to the user (dropped URL values, unreadable articles)."""
    selected_stop_id: str | None = None
    """The stop the user picked on the map (overview page), if it is still in view."""
    articles_dir: Path | None = None
    """The folder the trips were read from."""
    record_checks: RecordChecks | None = None
    """Every loaded stop checked against the official travel record (None: no record)."""

    @property
    def is_empty(self) -> bool:
        """True when no stop passes the filters (pages then call `show_empty_result`)."""
        return self.view.itinerary.empty

    @property
    def all_trips(self) -> bool:
        """True when more than one trip is in view: draw one route/lane per trip."""
        return self.view.itinerary["trip_id"].nunique() > 1

    @property
    def trip_id(self) -> str | None:
        """The single trip in view, or None in the all-trips view / an empty view."""
        ids = self.view.itinerary["trip_id"].unique()
        return str(ids[0]) if len(ids) == 1 else None


def set_current_view(state: ViewState) -> None:
    """Called once per run by app.py, before the page runs."""
    st.session_state[_STATE_KEY] = state


def current_view() -> ViewState:
    """The view of this run. Pages call this first."""
    state = st.session_state.get(_STATE_KEY)
    if state is None:
        raise RuntimeError(
            "No view state: run the dashboard with `streamlit run dashboard/app.py`, "
            "not a page file on its own."
        )
    return state


def show_empty_result(where: str = "page") -> None:
    """Say in words that the filters leave nothing, with a button that clears them.

    `where` makes the button's key unique when several empty notices share a page.
    """
    from dashboard.sidebar import clear_filters, describe_selection

    state = current_view()
    st.info(
        f"No stop matches the current filters ({describe_selection(state)}). "
        "Widen the date range, choose other countries or topics, or clear the filters.",
        icon=":material/filter_alt_off:",
    )
    st.button(
        "Clear filters", key=f"clear_filters_{where}", on_click=clear_filters,
        icon=":material/restart_alt:", help="Show every stop again",
    )
