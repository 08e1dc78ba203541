"""The itinerary as CSV: one row per stop, in travel order, in two flavours.

- **For spreadsheets** (`to_spreadsheet_csv`, the default download): starts with a UTF-8 byte
  order mark, so Excel reads "Bogotá" instead of "BogotÃ¡", and every text cell that a
  spreadsheet would run as a formula is neutralised (OWASP, "CSV Injection": a cell starting
  with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`). A dash-bulleted
  itinerary line or "@StateDept: ..." quoted from an article stays text. Numbers (latitude
  -33.45) are numbers, not formulas, and are left alone.
- **Plain** (`to_csv`, for scripts): UTF-8 without a mark, every value exactly as extracted.

Dates are ISO days (empty when unknown); leaders, topics, sources (the ids of the articles
that report the stop) and conflicts (what they disagree on) are readable lists joined with
"; " so a cell reads like prose and still splits cleanly. An empty selection gives the
header row alone (a CSV file cannot carry a note without breaking parsers; the command line
and the app say it instead).
"""

from __future__ import annotations

import pandas as pd

from dashboard.export.common import (
    LIST_SEPARATOR,
    iso_day,
    label_topics,
    ordered_stops,
    text_or_none,
    topic_labels,
)
from dashboard.provenance import row_corrections
from dashboard.tables import TripTables

CSV_COLUMNS = [
    "trip_id", "stop_number", "stop_id", "traveler", "country_code", "country", "city",
    "city_inferred", "lat", "lon", "start", "end", "dates_inferred", "leaders", "topics",
    "topic_slugs", "key_sentence", "corrected", "extracted_values", "sources", "conflicts",
]


def itinerary_frame(view: TripTables) -> pd.DataFrame:
    """The CSV's table: one row per stop, columns `CSV_COLUMNS`."""
    labels = topic_labels(view)
    rows = []
    for stop in ordered_stops(view).to_dict("records"):
        slugs = list(stop["topics"])
        rows.append({
            "trip_id": stop["trip_id"],
            "stop_number": int(stop["stop_index"]) + 1,
            "stop_id": stop["stop_id"],
            "traveler": text_or_none(stop["traveler"]),
            "country_code": stop["country_code"],
            "country": stop["country"],
            "city": text_or_none(stop["city"]),
            "city_inferred": bool(stop["city_inferred"]),
            "lat": stop["lat"],
            "lon": stop["lon"],
            "start": iso_day(stop["start"]),
            "end": iso_day(stop["end"]),
            "dates_inferred": bool(stop["dates_inferred"]),
            "leaders": LIST_SEPARATOR.join(stop["leaders"]),
            "topics": LIST_SEPARATOR.join(label_topics(slugs, labels)),
            "topic_slugs": LIST_SEPARATOR.join(slugs),
            "key_sentence": text_or_none(stop["key_sentence"]),
            # a reader's corrections: the fields, and what the extractor had read there
            "corrected": LIST_SEPARATOR.join(row_corrections(stop)),
            "extracted_values": LIST_SEPARATOR.join(
                f"{word}: {why.removeprefix('extracted ')}"
                for word, why in row_corrections(stop).items()),
            # The articles that report the stop (source ids, as in the JSON export), and what
            # they disagree on: a conflict is data, never a reason to fail the export.
            "sources": LIST_SEPARATOR.join(_list(stop.get("sources"))),
            "conflicts": LIST_SEPARATOR.join(_list(stop.get("conflicts"))),
        })
    return pd.DataFrame(rows, columns=CSV_COLUMNS)


UTF8_BOM = "\ufeff"
# RFC 4180 line ends. Python's csv writer quotes a cell holding any character of the line end,
# so a stray carriage return inside an article's sentence is quoted and cannot split a row.
LINE_END = "\r\n"
# OWASP CSV injection guidance: a cell starting with any of these is a formula (or becomes one
# once a spreadsheet strips the tab / carriage return).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, made inert with a leading `'`.

    Only strings are changed; numbers, booleans and missing values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _list(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def to_csv(view: TripTables) -> str:
    """The plain CSV for scripts: the itinerary of `view` (UTF-8, no BOM, header row first,
    values exactly as extracted)."""
    return itinerary_frame(view).to_csv(index=False, lineterminator=LINE_END)


def to_spreadsheet_csv(view: TripTables) -> str:
    """The CSV for spreadsheets: a UTF-8 BOM, then the itinerary with formula-like text
    cells neutralised (`neutralise_cell`); the same columns and rows as `to_csv`."""
    frame = itinerary_frame(view).map(neutralise_cell)
    return UTF8_BOM + frame.to_csv(index=False, lineterminator=LINE_END)
