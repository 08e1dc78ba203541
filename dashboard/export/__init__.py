"""Exports of the current selection: CSV, GeoJSON, iCalendar, JSON and a standalone report.

The app's download buttons and the command line (`python -m dashboard.export`) both go
through `render_export`, so a file is the same whichever way it was made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from dashboard.export.common import EMPTY_NOTE, file_stem
from dashboard.models import Trip
from dashboard.tables import TripTables

if TYPE_CHECKING:
    from dashboard.filters import Selection


@dataclass(frozen=True)
class ExportFormat:
    name: str
    label: str
    extension: str
    mime: str
    description: str
    name_suffix: str = ""
    """Added to the file's stem, so two formats with one extension get different names."""

    def file_name(self, stem: str) -> str:
        """`stem` + suffix + extension: "trip-x.csv", "trip-x-plain.csv"."""
        return f"{stem}{self.name_suffix}.{self.extension}"


FORMATS: dict[str, ExportFormat] = {
    f.name: f for f in (
        ExportFormat("csv", "CSV", "csv", "text/csv",
                     "Itinerary, one row per stop, for spreadsheets (Excel, LibreOffice): "
                     "UTF-8 with a byte order mark, formula-like cells made inert"),
        ExportFormat("csv-plain", "CSV (plain)", "csv", "text/csv",
                     "The same itinerary for scripts: UTF-8 without a byte order mark, "
                     "every value exactly as extracted", name_suffix="-plain"),
        ExportFormat("geojson", "GeoJSON", "geojson", "application/geo+json",
                     "Stops and route for GIS and web maps (RFC 7946)"),
        ExportFormat("ics", "Calendar", "ics", "text/calendar",
                     "One all-day event per stop, for calendar programs (RFC 5545)"),
        ExportFormat("json", "JSON", "json", "application/json",
                     "Full extraction with evidence, as the extract command prints it"),
        ExportFormat("html", "HTML report", "html", "text/html",
                     "One self-contained page: map, timeline, stops and sources; no network"),
    )
}


@dataclass(frozen=True)
class Export:
    """A rendered file and what a person should know about it."""

    format: ExportFormat
    content: str
    file_name: str
    notes: tuple[str, ...] = ()

    @property
    def data(self) -> bytes:
        return self.content.encode("utf-8")


def export_notes(format_name: str, view: TripTables) -> tuple[str, ...]:
    """Warnings to show beside an export: empty selection, stops a format cannot hold."""
    from dashboard.export.ics_export import undated_stops
    from dashboard.export.static_map import stops_without_position

    if view.itinerary.empty:
        return (EMPTY_NOTE,)
    notes: list[str] = []
    if format_name == "ics":
        skipped = undated_stops(view)
        if skipped:
            notes.append("Not in the calendar (no date): " + "; ".join(skipped))
    if format_name in ("geojson", "html"):
        unplaced = stops_without_position(view.itinerary)
        if unplaced:
            notes.append("Not on the map (no coordinates): " + "; ".join(unplaced))
    return tuple(notes)


def render_export(format_name: str, view: TripTables, *, trips: Iterable[Trip] = (),
                  selection: Selection | None = None, title: str | None = None,
                  now: datetime | None = None) -> Export:
    """Render `view` (already filtered by `selection`) in one of `FORMATS`.

    `trips` are needed by the JSON export only (it carries the full extraction); `selection`
    is named in the report's header; `now` fixes the time stamps (for reproducible files).
    """
    if format_name not in FORMATS:
        raise ValueError(f"unknown export format {format_name!r}; "
                         f"choose one of {', '.join(FORMATS)}")
    renderers: dict[str, Callable[[], str]] = {
        "csv": lambda: _spreadsheet_csv(view),
        "csv-plain": lambda: _csv(view),
        "geojson": lambda: _geojson(view),
        "ics": lambda: _ics(view, title, now),
        "json": lambda: _json(trips, view),
        "html": lambda: _html(view, selection, title, now),
    }
    fmt = FORMATS[format_name]
    return Export(format=fmt, content=renderers[format_name](),
                  file_name=fmt.file_name(file_stem(view, selection)),
                  notes=export_notes(format_name, view))


def _spreadsheet_csv(view: TripTables) -> str:
    from dashboard.export.csv_export import to_spreadsheet_csv

    return to_spreadsheet_csv(view)


def _csv(view: TripTables) -> str:
    from dashboard.export.csv_export import to_csv

    return to_csv(view)


def _geojson(view: TripTables) -> str:
    from dashboard.export.geojson_export import to_geojson

    return to_geojson(view)


def _ics(view: TripTables, title: str | None, now: datetime | None) -> str:
    from dashboard.export.ics_export import to_ics

    return to_ics(view, calendar_name=title, now=now)


def _json(trips: Iterable[Trip], view: TripTables) -> str:
    from dashboard.export.json_export import to_json

    return to_json(trips, view)


def _html(view: TripTables, selection: Selection | None, title: str | None,
          now: datetime | None) -> str:
    from dashboard.export.report import build_report

    return build_report(view, selection=selection, title=title, now=now)


__all__ = ["FORMATS", "Export", "ExportFormat", "export_notes", "render_export"]
