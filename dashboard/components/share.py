"""Share and download controls for the pages: the link of this view, and the exports.

UI only; the link is built by `dashboard.export.links` and the files by
`dashboard.export.render_export`, both plain functions tested without Streamlit.

    from dashboard.components.share import download_buttons, share_link

    share_link(state.selection, container=st.sidebar)          # in the sidebar
    download_buttons(state.view, state.selection, key="data")  # on the Data page
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from dashboard.export import FORMATS, export_notes, render_export
from dashboard.export.common import file_stem
from dashboard.export.links import merge_query, view_url
from dashboard.filters import QUERY_PARAMS, Selection, to_query_params
from dashboard.models import Trip
from dashboard.tables import TripTables
from dashboard.views.markup import escape_markdown

ICONS = {
    "csv": ":material/table_view:",
    "csv-plain": ":material/data_array:",
    "geojson": ":material/map:",
    "ics": ":material/calendar_month:",
    "json": ":material/data_object:",
    "html": ":material/description:",
}


def current_view_url(selection: Selection | None = None) -> str:
    """The full address of this page with the current filters, as the visitor reached it.

    Starts from the query parameters in the address bar (so anything else a page keeps there
    survives) and, when `selection` is given, sets the filter parameters from it.
    """
    current = {name: st.query_params.get_all(name) for name in st.query_params}
    if selection is not None:
        current = merge_query(current, to_query_params(selection), managed=QUERY_PARAMS)
    return view_url(st.context.url, current)


def share_link(selection: Selection | None = None, *, container: Any = None,
               label: str = "Share this view") -> str:
    """Show the link that reopens this page with these filters, with a copy button."""
    where = container if container is not None else st
    url = current_view_url(selection)
    where.markdown(f"**{label}**")
    where.code(url, language=None, wrap_lines=True)
    if url.startswith("?"):
        where.caption("Add this to the dashboard's address to reopen this view.")
    else:
        where.caption("Copy the link (button at the right of the box) to reopen this page "
                      "with these filters.")
    return url


def _deferred(format_name: str, view: TripTables, selection: Selection | None,
              trips: Sequence[Trip] | None, title: str | None) -> Callable[[], bytes]:
    """The file, made only when the button is clicked (the report is several megabytes)."""
    def make() -> bytes:
        chosen = trips
        if format_name == "json" and chosen is None:
            from dashboard.export.json_export import trips_from_texts

            chosen = trips_from_texts(view)
        return render_export(format_name, view, trips=chosen or (), selection=selection,
                             title=title).data
    return make


def download_buttons(view: TripTables, selection: Selection | None = None, *,
                     trips: Sequence[Trip] | None = None, title: str | None = None,
                     key: str = "downloads", container: Any = None,
                     columns: int = 1, formats: Sequence[str] = tuple(FORMATS)) -> None:
    """One download button per export format, for the stops in `view` (the filtered tables).

    `trips` (the extracted trips) feed the JSON export; without them it extracts the trips
    of `view` again from the article texts when the button is clicked.
    """
    where = container if container is not None else st
    stem = file_stem(view, selection)
    slots: list[Any] = []
    for n, format_name in enumerate(formats):
        if n % max(columns, 1) == 0:
            # One row of columns at a time, so the page (and the keyboard's tab order) reads
            # the buttons row by row, as they are seen.
            slots = where.columns(columns) if columns > 1 else [where]
        fmt = FORMATS[format_name]
        slots[n % len(slots)].download_button(
            fmt.label, data=_deferred(format_name, view, selection, trips, title),
            file_name=fmt.file_name(stem), mime=fmt.mime, key=f"{key}_{format_name}",
            help=fmt.description, icon=ICONS.get(format_name), on_click="ignore",
            width="stretch",
        )
    notes = dict.fromkeys(note for format_name in formats
                          for note in export_notes(format_name, view))
    for note in notes:
        where.caption(escape_markdown(note))
