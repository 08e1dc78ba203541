"""The Correct page's table: stop edits <-> the DataFrame `st.data_editor` shows and returns.

Plain functions (tested without Streamlit). One row per stop: `order` (its place in travel
order, editable to move a stop), `country` (ISO code; the page shows names), `city`, `lat`,
`lon`, `start`, `end`, `leaders` and `topics` (lists), and the hidden `origin` (the extracted
stop the row came from; empty for an added row).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd

from dashboard.store.corrections import CellProblem, StopEdit, check_edits, locate

EDITOR_COLUMNS = ["order", "country", "city", "lat", "lon", "start", "end", "leaders",
                  "topics", "origin"]


def editor_frame(edits: Sequence[StopEdit]) -> pd.DataFrame:
    """The rows the editor starts from (dates as `datetime.date`, lists as lists)."""
    rows = [{
        "order": n + 1, "country": edit.country_code, "city": edit.city or "",
        "lat": edit.lat, "lon": edit.lon, "start": edit.start, "end": edit.end,
        "leaders": list(edit.leaders), "topics": list(edit.topics),
        "origin": edit.origin,
    } for n, edit in enumerate(edits)]
    frame = pd.DataFrame(rows, columns=EDITOR_COLUMNS)
    frame["order"] = frame["order"].astype("Int64")
    frame["origin"] = frame["origin"].astype("Int64")
    for column in ("lat", "lon"):
        frame[column] = frame[column].astype("float64")
    for column in ("start", "end"):
        frame[column] = frame[column].astype("object")
    return frame


def corrected_labels(edits: Sequence[StopEdit], extracted: Sequence[StopEdit]) -> list[str]:
    """Per edit, what differs from the extracted stop it came from, in words ("dates, city"),
    "added" for a stop the reader added, "" for an unchanged one: the editor's read-only
    *Corrected* column."""
    originals = {edit.origin: edit for edit in extracted}
    words = {"country_code": "country", "city": "city", "lat": "coordinates",
             "lon": "coordinates", "start": "dates", "end": "dates", "leaders": "leaders",
             "topics": "topics"}
    labels: list[str] = []
    for edit in edits:
        base = originals.get(edit.origin) if edit.origin is not None else None
        if base is None:
            labels.append("added")
            continue
        changed = [words[name] for name in words if getattr(edit, name) != getattr(base, name)]
        labels.append(", ".join(dict.fromkeys(changed)))
    return labels


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, (list, tuple)) else False
    except (TypeError, ValueError):
        return False


def _day(value: Any) -> date | None:
    if _missing(value):
        return None
    if isinstance(value, datetime | pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _names(value: Any) -> list[str]:
    if _missing(value):
        return []
    if isinstance(value, str):  # typed as text: "Petro; Boric"
        parts = value.replace(",", ";").split(";")
    else:
        parts = [str(v) for v in value]
    return list(dict.fromkeys(p.strip() for p in parts if p and p.strip()))


def _number(value: Any) -> float | None:
    return None if _missing(value) else float(value)


def edits_from_frame(frame: pd.DataFrame, before: Sequence[StopEdit] = ()
                     ) -> tuple[list[StopEdit], list[CellProblem]]:
    """The editor's rows as stop edits in travel order, and every value that is refused.

    Rows are ordered by `order` (ties and empty orders keep their row position, so an added
    row goes last). A city typed without coordinates gets the gazetteer's (`locate`); a
    city changed while the old coordinates stayed gets new ones. Problems name the row in
    travel order (0-based) and the column; the edits are returned even then, so the page
    keeps them on screen."""
    previous = {edit.origin: edit for edit in before if edit.origin is not None}
    rows = frame.reset_index(drop=True).copy()
    rows["_position"] = range(len(rows))
    rows["_order"] = [len(rows) + 1 + n if _missing(v) else float(v)
                      for n, v in enumerate(rows["order"])]
    rows = rows.sort_values(["_order", "_position"], kind="stable")
    edits: list[StopEdit] = []
    problems: list[CellProblem] = []
    for n, row in enumerate(rows.to_dict("records")):
        origin = None if _missing(row.get("origin")) else int(row["origin"])
        code = "" if _missing(row.get("country")) else str(row["country"]).strip().upper()
        if len(code) != 2 or not code.isalpha():
            problems.append(CellProblem(n, "country", "choose a country"))
            code = "ZZ"  # kept on screen; refused below as unknown
        try:
            start, end = _day(row.get("start")), _day(row.get("end"))
        except ValueError:
            problems.append(CellProblem(n, "start", "not a date (YYYY-MM-DD)"))
            start = end = None
        lat, lon = _number(row.get("lat")), _number(row.get("lon"))
        bad_position = False
        for column, value, limit in (("lat", lat, 90), ("lon", lon, 180)):
            if value is not None and not -limit <= value <= limit:
                problems.append(CellProblem(n, column, f"{value} is outside ±{limit}°"))
                bad_position = True
        city = "" if _missing(row.get("city")) else str(row["city"]).strip()
        edit = StopEdit(
            origin=origin, country_code=code, city=city or None,
            lat=None if bad_position else lat, lon=None if bad_position else lon,
            start=start, end=end, leaders=_names(row.get("leaders")),
            topics=_names(row.get("topics")),
        )
        edits.append(locate(edit, previous.get(origin)))
    problems += [p for p in check_edits(edits)
                 if not (p.column == "country" and any(q.row == p.row and q.column == "country"
                                                         for q in problems))]
    return edits, sorted(problems, key=lambda p: (p.row, EDITOR_COLUMNS.index(p.column)
                                                   if p.column in EDITOR_COLUMNS else 99))


def _shown(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(value) or "none"
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if value else "none"


def describe_changes(extracted: Sequence[StopEdit], edits: Sequence[StopEdit],
                     names: dict[str, str] | None = None) -> list[str]:
    """What a revision changed against the extracted stops, in words for the History view:
    ["Stop 2 (Chile): start 2022-10-05 → 2022-10-06", "Stop 4 (Ecuador) added", ...]."""
    names = names or {}
    originals = {edit.origin: edit for edit in extracted}
    lines: list[str] = []
    kept: set[int] = set()
    for n, edit in enumerate(edits):
        place = names.get(edit.country_code, edit.country_code)
        base = originals.get(edit.origin) if edit.origin is not None else None
        if base is None:
            lines.append(f"Stop {n + 1} ({place}) added")
            continue
        kept.add(edit.origin)
        if edit.origin != n:
            lines.append(f"Stop {n + 1} ({place}) was stop {edit.origin + 1}")
        for field in ("country_code", "city", "start", "end", "leaders", "topics"):
            old, new = getattr(base, field), getattr(edit, field)
            if old != new:
                lines.append(f"Stop {n + 1} ({place}): {field.replace('_code', '')} "
                             f"{_shown(old)} → {_shown(new)}")
    for edit in extracted:
        if edit.origin is not None and edit.origin not in kept:
            place = names.get(edit.country_code, edit.country_code)
            lines.append(f"Stop {edit.origin + 1} ({place}) deleted")
    return lines
