"""The sidebar filters every page shares, kept in the URL so a copied link reopens the view.

The URL is read when a session starts (or when it changes under us, e.g. browser history):
its values are checked by `parse_query_values`, bad ones are dropped with a notice, good ones
seed the widgets. After the widgets run, the URL is rewritten from their values, so the
address bar always holds the current selection: `?trip=…&country=CL&topic=migration&from=…`.

Why not `bind="query-params"`: Streamlit binds the *displayed* option text, which would put
`country=Chile` in the URL instead of the ISO code, and it drops invalid values silently,
where the user must be told.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import streamlit as st

from dashboard.filters import (
    QUERY_PARAMS,
    STOP_PARAM,
    Selection,
    apply_selection,
    available_countries,
    available_topics,
    date_bounds,
    parse_query_values,
    stop_mask,
    to_query_params,
)
from dashboard.tables import TripTables
from dashboard.views.markup import escape_markdown

if TYPE_CHECKING:
    from dashboard.session import ViewState

ALL_TRIPS = "__all__"
TRIP_KEY = "filter_trip"
COUNTRY_KEY = "filter_country"
TOPIC_KEY = "filter_topic"
DATES_KEY = "filter_dates"
CLEAR_KEY = "filter_clear"
_SEEDED = "_filters_seeded"
_WRITTEN = "_filters_url_written"
_NOTICES = "_filters_url_notices"
_PENDING_TRIP = "_filters_pending_trip"
_FIRST_URL = "_filters_first_url"
# The highlighted stop (the Overview's "Highlight a stop" box; app.py hands it to every page).
STOP_KEY = "selected_stop_id"
NO_STOP = ""
_DATE_BOUNDS = "_filters_date_bounds"

UrlValues = dict[str, list[str]]


def read_url() -> UrlValues:
    """Our parameters from the address bar (repeated parameters as lists)."""
    return {name: st.query_params.get_all(name) for name in QUERY_PARAMS
            if name in st.query_params}


def _signature(params: Mapping[str, list[str]]) -> tuple:
    return tuple(sorted((name, tuple(values)) for name, values in params.items() if values))


def trip_scope(tables: TripTables, trip_id: str | None) -> TripTables:
    """The tables of one trip, or all of them: what the other filters choose from."""
    if not trip_id or trip_id == ALL_TRIPS:
        return tables
    return apply_selection(tables, Selection(trip_ids=(trip_id,)))


def remember_first_url() -> None:
    """Keep the address the session was opened with until the filters have been seeded.

    app.py calls this first, before anything is drawn: a click on another page while the
    first run is still loading interrupts that run, and Streamlit opens the new page without
    the link's query parameters, so without this copy the shared filters would be lost."""
    if _SEEDED not in st.session_state and _FIRST_URL not in st.session_state:
        st.session_state[_FIRST_URL] = read_url()


def _stops_in_view(tables: TripTables, selection: Selection) -> list[str]:
    return tables.itinerary.loc[stop_mask(tables, selection), "stop_id"].tolist()


def _seed_from_url(tables: TripTables, url: UrlValues) -> None:
    """Check the URL's values and put the good ones into the widgets' state."""
    trips = tables.trips["trip_id"].tolist()
    first = parse_query_values({k: v for k, v in url.items() if k == "trip"},
                               trip_ids=trips, countries=(), topics=())
    trip_id = first.selection.trip_ids[0] if first.selection.trip_ids else None
    scope = trip_scope(tables, trip_id)
    rest = parse_query_values({k: v for k, v in url.items() if k != "trip"},
                              trip_ids=trips, countries=available_countries(scope),
                              topics=available_topics(scope))
    selection = rest.selection
    st.session_state[TRIP_KEY] = trip_id or ALL_TRIPS
    st.session_state[COUNTRY_KEY] = list(selection.countries)
    st.session_state[TOPIC_KEY] = list(selection.topics)
    st.session_state.pop(DATES_KEY, None)
    bounds = date_bounds(scope)
    if bounds and (selection.date_from or selection.date_to):
        st.session_state[DATES_KEY] = (selection.date_from or bounds[0],
                                       selection.date_to or bounds[1])
    st.session_state[_DATE_BOUNDS] = bounds  # the seeded range is relative to this span
    stop = parse_query_values({STOP_PARAM: url.get(STOP_PARAM, [])}, trip_ids=trips,
                              countries=(), topics=(),
                              stop_ids=_stops_in_view(scope, selection))
    st.session_state[STOP_KEY] = stop.selection.stop_id or NO_STOP
    st.session_state[_NOTICES] = first.notices + rest.notices + stop.notices


def url_notices() -> tuple[str, ...]:
    """What was dropped from the URL, shown until the user changes a filter."""
    return tuple(st.session_state.get(_NOTICES, ()))


def _forget_notices() -> None:
    st.session_state[_NOTICES] = ()


def _trip_changed() -> None:
    # Another trip has other days: the date range starts over from its whole span.
    st.session_state.pop(DATES_KEY, None)
    _forget_notices()


def choose_trip_on_next_run(trip_id: str) -> None:
    """Make `trip_id` the chosen trip from the next run on (e.g. an article just added).

    The Trip box is drawn before the page runs, so a page cannot set it directly; the sidebar
    applies this at the start of the next run, like a change made by hand."""
    st.session_state[_PENDING_TRIP] = trip_id


def clear_filters() -> None:
    """Button callback: drop country, topic and date constraints (the trip stays chosen)."""
    st.session_state[COUNTRY_KEY] = []
    st.session_state[TOPIC_KEY] = []
    st.session_state.pop(DATES_KEY, None)
    _forget_notices()


def _keep_valid(key: str, options: Mapping[str, str]) -> None:
    """Drop chosen values that are not options any more (e.g. after a trip change)."""
    chosen = st.session_state.get(key, [])
    valid = [value for value in chosen if value in options]
    if valid != chosen:
        st.session_state[key] = valid


def _dates_from_widget(value: object, bounds: tuple[date, date]) -> tuple[date | None,
                                                                          date | None]:
    """The widget's range as a constraint; the whole span means no constraint."""
    days = [d for d in (value if isinstance(value, (tuple, list)) else (value,)) if d]
    if not days:
        return None, None
    start, end = days[0], days[-1] if len(days) > 1 else None
    return (start if start > bounds[0] else None,
            end if end is not None and end < bounds[1] else None)


def _follow_bounds(current: tuple, old: tuple[date, date] | None,
                   new: tuple[date, date]) -> tuple:
    """The range box's value when the span of the trips in scope changes (an article added
    or removed): an end that sat on the old edge meant "no limit" and moves to the new
    edge, so the whole span stays the whole span and no date appears in the URL; an end
    the user set inside the span stays where it was."""
    if old is None or old == new or not current:
        return current
    start, end = current[0], current[-1] if len(current) > 1 else None
    if start is not None and start <= old[0]:
        start = new[0]
    if end is not None and end >= old[1]:
        end = new[1]
    return (start, end) if len(current) > 1 else (start,)


def keep_stop_in_url(stop_id: str | None) -> None:
    """Put the highlighted stop into the address bar (or take it out), leaving the filters.

    The Overview calls this when a click on the map or timeline picks a stop during its run,
    after the sidebar has already written the URL."""
    value = [stop_id] if stop_id else []
    if st.query_params.get_all(STOP_PARAM) != value:
        if value:
            st.query_params[STOP_PARAM] = value
        elif STOP_PARAM in st.query_params:
            del st.query_params[STOP_PARAM]
    st.session_state[_WRITTEN] = _signature(read_url())


def _show_in_widget(key: str) -> None:
    """Hand a widget its value again before it is drawn.

    A value put into a widget's state from the URL reaches the browser only with the run
    that sets it; when that run is cut short (a fast click on another page), the browser
    never receives it and would show the default ("All countries") while the filter still
    applies. Setting the value again on every run sends it every time."""
    if key in st.session_state:
        value = st.session_state[key]
        st.session_state[key] = list(value) if isinstance(value, list) else value


def write_url(selection: Selection) -> None:
    """Make the address bar hold `selection` (only our parameters; others are left alone)."""
    wanted = to_query_params(selection)
    for name in QUERY_PARAMS:
        value = wanted.get(name, [])
        if st.query_params.get_all(name) == value:
            continue
        if value:
            st.query_params[name] = value
        elif name in st.query_params:
            del st.query_params[name]
    st.session_state[_WRITTEN] = _signature(wanted)


def render_filters(tables: TripTables) -> Selection:
    """Draw the filters in the sidebar and return the selection they make."""
    url = read_url()
    if _SEEDED not in st.session_state:
        # The first run of a session: the address it was opened with (see
        # remember_first_url), even when a page switch has since emptied the address bar.
        _seed_from_url(tables, url or st.session_state.get(_FIRST_URL) or {})
        st.session_state[_SEEDED] = True
    elif url and _signature(url) != st.session_state.get(_WRITTEN):
        _seed_from_url(tables, url)  # the address changed under us (history, a pasted link)
    st.session_state.pop(_FIRST_URL, None)

    trips = dict(zip(tables.trips["trip_id"], tables.trips["title"], strict=True))
    pending = st.session_state.pop(_PENDING_TRIP, None)
    if pending in trips:
        st.session_state[TRIP_KEY] = pending
        _trip_changed()
    # A trip told by several articles says so: "Title (2 sources)".
    n_sources = dict(zip(tables.trips["trip_id"], tables.trips["n_sources"], strict=True))
    sidebar = st.sidebar
    sidebar.header("Filters", anchor=False)
    if st.session_state.get(TRIP_KEY) not in (ALL_TRIPS, *trips):
        st.session_state[TRIP_KEY] = ALL_TRIPS
    _show_in_widget(TRIP_KEY)
    trip_id = sidebar.selectbox(
        "Trip", [ALL_TRIPS, *trips], key=TRIP_KEY, on_change=_trip_changed,
        format_func=lambda t: f"All trips ({len(trips)})" if t == ALL_TRIPS else trips[t]
        + (f" ({n_sources[t]} sources)" if n_sources.get(t, 1) > 1 else ""),
        help="Articles about the same trip (same traveller, dates within a few days) are "
             "merged into one trip. In the URL as trip=<id>.",
    )
    scope = trip_scope(tables, trip_id)

    countries = available_countries(scope)
    _keep_valid(COUNTRY_KEY, countries)
    _show_in_widget(COUNTRY_KEY)
    chosen_countries = sidebar.multiselect(
        "Country", list(countries), key=COUNTRY_KEY, on_change=_forget_notices,
        format_func=lambda code: f"{countries.get(code, code)} ({code})",
        placeholder="All countries",
        help="Stops in any of these countries. In the URL as country=<ISO code>.",
    )
    topics = available_topics(scope)
    _keep_valid(TOPIC_KEY, topics)
    _show_in_widget(TOPIC_KEY)
    chosen_topics = sidebar.multiselect(
        "Topic", list(topics), key=TOPIC_KEY, on_change=_forget_notices,
        format_func=lambda slug: topics.get(slug, slug), placeholder="All topics",
        help="Stops where any of these topics came up. A topic stated only for a whole trip "
             "counts for each of its stops. In the URL as topic=<name>.",
    )

    date_from = date_to = None
    bounds = date_bounds(scope)
    if bounds is None:
        sidebar.caption("No dates known for these stops, so there is no date filter.")
    else:
        current = st.session_state.get(DATES_KEY)
        if not isinstance(current, (tuple, list)) or not current:
            current = st.session_state[DATES_KEY] = bounds
        else:
            current = st.session_state[DATES_KEY] = _follow_bounds(
                tuple(current), st.session_state.get(_DATE_BOUNDS), bounds)
        st.session_state[_DATE_BOUNDS] = bounds
        lowest = min(bounds[0], *[d for d in current if d])
        highest = max(bounds[1], *[d for d in current if d])
        value = sidebar.date_input(
            "Dates", key=DATES_KEY, min_value=lowest, max_value=highest,
            on_change=_forget_notices, format="YYYY-MM-DD",
            help="Stops on any day in this range. In the URL as from=YYYY-MM-DD&to=YYYY-MM-DD.",
        )
        date_from, date_to = _dates_from_widget(value, bounds)

    selection = Selection(
        trip_ids=() if trip_id == ALL_TRIPS else (trip_id,),
        countries=tuple(chosen_countries), topics=tuple(chosen_topics),
        date_from=date_from, date_to=date_to,
    )
    stop_id = st.session_state.get(STOP_KEY)
    if stop_id and stop_id in set(_stops_in_view(tables, selection)):
        selection = replace(selection, stop_id=stop_id)
    sidebar.button(
        "Clear filters", key=CLEAR_KEY, on_click=clear_filters, icon=":material/restart_alt:",
        disabled=not (selection.countries or selection.topics or date_from or date_to),
        help="Show every stop of the chosen trip again",
    )
    write_url(selection)
    return selection


def describe_selection(state: ViewState) -> str:
    """The filters in force, in words (Markdown-escaped): "country Chile; topic Migration"."""
    selection = state.selection
    parts: list[str] = []
    if selection.trip_ids:
        parts.append("trip " + ", ".join(state.trip_titles.get(t, t) for t in selection.trip_ids))
    if selection.countries:
        parts.append("country " + ", ".join(state.country_names.get(c, c)
                                            for c in selection.countries))
    if selection.topics:
        parts.append("topic " + ", ".join(state.topic_labels.get(t, t) for t in selection.topics))
    if selection.date_from or selection.date_to:
        start = selection.date_from.isoformat() if selection.date_from else "…"
        end = selection.date_to.isoformat() if selection.date_to else "…"
        parts.append(f"dates {start} to {end}")
    return escape_markdown("; ".join(parts) or "no filters")
