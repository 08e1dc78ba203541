"""Read the Office of the Historian's travel XML into one typed DataFrame.

Format (HistoryAtState/travels): one file per traveller, `<trips><trip role=".." who="..">`
with children `id, role, name, start-date, end-date, country[@id], locale, remarks`. One
`<trip>` element is one country visit.

Bad input never stops the load: a malformed or truncated file keeps the visits read before
the fault, an unknown country keeps its name with no code, an end before the start drops the
end; each case adds a message to `Records.warnings`.

The stdlib parser is enough here: ElementTree never fetches external entities or DTDs, and
the bundled expat (>= 2.4.1) caps entity expansion ("billion laughs").
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from dashboard.date_range import FIRST_DAY, LAST_DAY, out_of_range_note
from dashboard.records.countries import OVERRIDES_PATH, country_code, load_overrides

RECORD_COLUMNS = [
    "id", "role", "who", "name", "start", "end", "country", "country_id", "country_code",
    "locale", "remarks", "source_file",
]
TEXT_COLUMNS = [c for c in RECORD_COLUMNS if c not in ("start", "end")]
# Two rows are the same visit when all of these agree; ids and edit metadata may differ.
DUPLICATE_KEY = ["who", "role", "name", "start", "end", "country", "locale", "remarks"]
ROOT_TAG = "trips"
# Other XML files that live beside the travel files in a clone of the Historian's repository
# (code tables, eXist-db package descriptors): skipped without a message.
KNOWN_OTHER_ROOTS = {"code-table", "package", "meta", "collection"}
_CHUNK = 1 << 16
MAX_FILE_BYTES = 5_000_000
"""A travels file larger than this is refused unread: the largest real one (Kerry) is 250 KB
and the whole record about 3 MB, so 5 MB is room for growth, while a 100 MB file (380,000
visits) took 68 s and 700 MB of memory before the first page."""
MAX_TOTAL_BYTES = 50_000_000
"""Files beyond this total (in name order) are refused unread too."""


class RecordFileError(str):
    """A message about a record file that could not be read whole (malformed, truncated,
    unreadable, not a travels file, missing): a fault, where the other messages (historic
    countries, duplicates, bad dates) are notes. Still a `str` for every reader."""


class Records(NamedTuple):
    """The visits, plus one readable message per problem found while reading."""

    frame: pd.DataFrame
    warnings: list[str]


def empty_records() -> pd.DataFrame:
    return _typed(pd.DataFrame(columns=RECORD_COLUMNS))


def record_files(source: str | Path | Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """The XML files named by `source` (folders are searched recursively), plus problems."""
    sources = [source] if isinstance(source, str | Path) else list(source)
    files: list[Path] = []
    problems: list[str] = []
    for item in sources:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.xml") if p.is_file())
            if not found:
                problems.append(RecordFileError(f"{path}: no .xml files in this folder"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(RecordFileError(f"{path}: no such file or folder"))
    return list(dict.fromkeys(files)), problems


def read_records(source: str | Path | Iterable[str | Path]) -> Records:
    """Every visit in the files or folders of `source`, typed, sorted, duplicates dropped."""
    files, warnings = record_files(source)
    if not load_overrides():
        warnings.append(f"country name table {OVERRIDES_PATH} is missing; only ISO names map")
    rows: list[dict[str, str | None]] = []
    total = 0
    for path in files:
        refused = _refuse_by_size(path, total)
        if refused:
            warnings.append(refused)
            continue
        total += path.stat().st_size
        file_rows, file_warnings = _parse_file(path)
        rows.extend(file_rows)
        warnings.extend(file_warnings)
    if not rows:
        return Records(empty_records(), warnings)
    frame = pd.DataFrame(rows, columns=[c for c in RECORD_COLUMNS if c != "country_code"])
    frame, date_warnings = _parse_dates(frame)
    frame, country_warnings = _map_countries(frame)
    frame = _typed(frame)
    frame = frame.assign(_idnum=pd.to_numeric(frame["id"], errors="coerce"))
    frame = frame.sort_values(["role", "who", "start", "_idnum", "id"], na_position="last")
    frame = frame.drop(columns="_idnum").reset_index(drop=True)
    frame, duplicate_warnings = _drop_duplicates(frame)
    return Records(frame, warnings + date_warnings + country_warnings + duplicate_warnings)


def _refuse_by_size(path: Path, total: int) -> RecordFileError | None:
    """Why `path` is not read (too big alone, or past the total), or None to read it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return RecordFileError(f"{path.name}: cannot be read ({exc.strerror or exc}); skipped")
    if size > MAX_FILE_BYTES:
        return RecordFileError(
            f"{path.name}: {size / 1e6:.1f} MB is over the {MAX_FILE_BYTES / 1e6:.0f} MB limit "
            "for one travels file (the largest real one is 0.25 MB); skipped unread")
    if total + size > MAX_TOTAL_BYTES:
        return RecordFileError(
            f"{path.name}: the record would exceed {MAX_TOTAL_BYTES / 1e6:.0f} MB in all "
            "with this file; skipped unread")
    return None


def _iter_events(path: Path) -> Iterator[tuple[str, ET.Element]]:
    parser = ET.XMLPullParser(events=("start", "end"))
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            parser.feed(chunk)
            yield from parser.read_events()
    parser.close()
    yield from parser.read_events()


def _parse_file(path: Path) -> tuple[list[dict[str, str | None]], list[str]]:
    rows: list[dict[str, str | None]] = []
    root: str | None = None
    try:
        for event, element in _iter_events(path):
            if root is None and event == "start":
                root = element.tag.rpartition("}")[2]  # drop any {namespace}
                if root in KNOWN_OTHER_ROOTS:
                    return [], []
                if root != ROOT_TAG:
                    return [], [RecordFileError(
                        f"{path.name}: not a travels file (root element <{root}>, "
                        f"expected <{ROOT_TAG}>); skipped")]
            elif event == "end" and element.tag == "trip":
                rows.append(_trip_row(element, path))
                element.clear()
    except ET.ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":")[0]
        kept = f"the {len(rows)} visits before that point were kept" if rows else "nothing read"
        return rows, [RecordFileError(
            f"{path.name}: malformed or truncated XML at line {line}, column {column} "
            f"({reason}); {kept}, the rest of the file was skipped")]
    except OSError as exc:
        return [], [RecordFileError(f"{path.name}: cannot be read ({exc.strerror or exc}); "
                                    "skipped")]
    return rows, []


def _text(element: ET.Element, tag: str) -> str | None:
    child = element.find(tag)
    if child is None or child.text is None:
        return None
    return " ".join(child.text.split()) or None


def _trip_row(trip: ET.Element, path: Path) -> dict[str, str | None]:
    country = trip.find("country")
    return {
        "id": _text(trip, "id"),
        "role": trip.get("role") or _text(trip, "role"),
        "who": trip.get("who") or path.stem,
        "name": _text(trip, "name"),
        "start": _text(trip, "start-date"),
        "end": _text(trip, "end-date"),
        "country": _text(trip, "country"),
        "country_id": country.get("id") if country is not None else None,
        "locale": _text(trip, "locale"),
        "remarks": _text(trip, "remarks"),
        "source_file": path.name,
    }


def _label(row: pd.Series) -> str:
    return f"{row['source_file']}: visit {row['id'] or '(no id)'} ({row['country'] or '?'})"


def _parse_dates(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    warnings: list[str] = []
    parsed = {
        col: pd.to_datetime(frame[col], format="%Y-%m-%d", errors="coerce")
        for col in ("start", "end")
    }
    for col, label in (("start", "start date"), ("end", "end date")):
        bad = parsed[col].isna() & frame[col].notna()
        for _, row in frame[bad].iterrows():
            warnings.append(f"{_label(row)}: {label} {row[col]!r} is not a YYYY-MM-DD date; "
                            "left unknown")
        outside = parsed[col].notna() & ((parsed[col] < pd.Timestamp(FIRST_DAY))
                                         | (parsed[col] > pd.Timestamp(LAST_DAY)))
        for _, row in frame[outside].iterrows():
            warnings.append(f"{_label(row)}: {out_of_range_note(label, row[col])}")
        parsed[col] = parsed[col].mask(outside)
        missing = frame[col].isna()
        if col == "start":
            for _, row in frame[missing].iterrows():
                warnings.append(f"{_label(row)}: no start date; left unknown")
    backwards = parsed["end"] < parsed["start"]
    for idx in frame.index[backwards]:
        row = frame.loc[idx]
        warnings.append(f"{_label(row)}: end {row['end']} is before start {row['start']}; "
                        "end date ignored")
    parsed["end"] = parsed["end"].mask(backwards)
    return frame.assign(start=parsed["start"], end=parsed["end"]), warnings


def _map_countries(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    warnings: list[str] = []
    codes: dict[str, str | None] = {}
    for name, group in frame.groupby(frame["country"].fillna(""), sort=True):
        match = country_code(str(name))
        codes[str(name)] = match.code
        if match.code is not None:
            continue
        ids = ", ".join(str(i) for i in group["id"].head(5))
        more = f" and {len(group) - 5} more" if len(group) > 5 else ""
        files = ", ".join(group["source_file"].unique())
        where = f"{len(group)} visit(s): ids {ids}{more} in {files}"
        if match.historic:
            warnings.append(f"country {name!r} has no ISO alpha-2 code ({match.note}); "
                            f"kept by name with no code [{where}]")
        elif not name:
            warnings.append(f"no country given [{where}]; kept with no code")
        else:
            warnings.append(f"unknown country name {name!r}; kept by name with no code [{where}]")
    return frame.assign(country_code=frame["country"].fillna("").map(codes)), warnings


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.reindex(columns=RECORD_COLUMNS)
    for col in TEXT_COLUMNS:
        out[col] = out[col].astype("string")
    for col in ("start", "end"):
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
    return out


def _drop_duplicates(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    key = frame[DUPLICATE_KEY].astype("string").fillna("\0")
    repeats = key.duplicated(keep="first")
    if not repeats.any():
        return frame, []
    first_ids = frame.groupby([key[c] for c in DUPLICATE_KEY], sort=False)["id"].transform("first")
    pairs = [f"{row['id']} repeats {first_ids[idx]} ({row['who']}, {row['country']}, "
             f"{row['start']:%Y-%m-%d})" for idx, row in frame[repeats].iterrows()]
    message = f"dropped {int(repeats.sum())} exact duplicate visit(s): " + "; ".join(pairs)
    return frame[~repeats].reset_index(drop=True), [message]
