"""What the join/split controls and the Add article page need to know about trips and their
articles, read from the tables (plain functions, no Streamlit).

- `source_keys`: each article of a trip with its key (SHA-256 of the text), what a reader's
  decision names it by;
- `join_candidates`: the other trips a reader may join to one, likeliest first;
- `placement`: which trip an article ended up in, with how many sources and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.merging.decisions import JOIN, SPLIT, GroupingDecision, text_key
from dashboard.merging.names import same_person
from dashboard.tables import TripTables, cell_text


@dataclass(frozen=True)
class SourceArticle:
    """One article of a trip as the controls show it."""

    source_id: str
    key: str
    name: str
    title: str


def source_articles(tables: TripTables, trip_id: str) -> list[SourceArticle]:
    """The articles of `trip_id` (in the trip's order) with their keys; an article whose text
    is not loaded is left out (nothing could name it)."""
    rows = tables.sources[tables.sources["trip_id"] == trip_id]
    found = []
    for row in rows.itertuples():
        text = tables.texts.get(row.source_id)
        if text is None:
            continue
        name = Path(str(row.path or row.source_id)).name
        found.append(SourceArticle(row.source_id, text_key(text), name,
                                   cell_text(row.title) or name))
    return found


def source_keys(tables: TripTables, trip_id: str) -> list[str]:
    return [a.key for a in source_articles(tables, trip_id)]


def join_decision(tables: TripTables, trip_ids: list[str]) -> GroupingDecision:
    """A join of every article of `trip_ids` into one trip. Raises ValueError when they hold
    fewer than two different articles."""
    articles = {a.key: a.name for t in trip_ids for a in source_articles(tables, t)}
    return GroupingDecision(JOIN, tuple(articles), tuple(articles.values()))


def split_decision(tables: TripTables, source_id: str) -> GroupingDecision:
    """Split the article `source_id` out of its trip. Raises KeyError for an unknown one."""
    text = tables.texts[source_id]
    rows = tables.sources[tables.sources["source_id"] == source_id]
    name = Path(str(rows["path"].iloc[0])).name if len(rows) else source_id
    return GroupingDecision(SPLIT, (text_key(text),), (name,))


def _span(row: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    first, last = row["first_day"], row["last_day"]
    if pd.isna(first) and pd.isna(row["published"]):
        return None
    first = row["published"] if pd.isna(first) else first
    last = first if pd.isna(last) else last
    return first, last


def _gap(a: tuple | None, b: tuple | None) -> float:
    if a is None or b is None:
        return float("inf")
    return float(max(0, (b[0] - a[1]).days, (a[0] - b[1]).days))


def join_candidates(tables: TripTables, trip_id: str) -> list[str]:
    """The other trips, likeliest first: the same traveller before others, then the fewest
    days apart, then the table's order."""
    trips = tables.trips.set_index("trip_id", drop=False)
    if trip_id not in trips.index:
        return []
    this = trips.loc[trip_id]
    here = _span(this)
    ranked = []
    for n, (other, row) in enumerate(trips.iterrows()):
        if other == trip_id:
            continue
        same = same_person(cell_text(this["traveler"]), cell_text(row["traveler"]))
        ranked.append(((not same, _gap(here, _span(row)), n), str(other)))
    return [other for _, other in sorted(ranked)]


@dataclass(frozen=True)
class Placement:
    """Where an article is: its trip, that trip's number of sources, and how it got there."""

    trip_id: str
    title: str
    n_sources: int
    grouping: str | None


def placement(tables: TripTables, source_id: str) -> Placement | None:
    """The trip holding the article `source_id`, or None when it is not loaded."""
    rows = tables.sources[tables.sources["source_id"] == source_id]
    if rows.empty:
        return None
    trip_id = str(rows["trip_id"].iloc[0])
    trip = tables.trips[tables.trips["trip_id"] == trip_id].iloc[0]
    return Placement(trip_id, str(trip["title"]), int(trip["n_sources"]),
                     cell_text(rows["grouping"].iloc[0]))


def trip_label(tables: TripTables, trip_id: str) -> str:
    """'Title (3–7 Oct 2022, 2 sources)': a trip in a list of trips to join."""
    rows = tables.trips[tables.trips["trip_id"] == trip_id]
    if rows.empty:
        return trip_id
    row = rows.iloc[0]
    parts = []
    span = _span(row)
    if span is not None:
        first, last = span
        start = f"{first:%-d %b}" if first.year == last.year else f"{first:%-d %b %Y}"
        parts.append(f"{first:%-d %b %Y}" if first == last else f"{start} – {last:%-d %b %Y}")
    if cell_text(row["traveler"]):
        parts.append(str(row["traveler"]))
    if int(row["n_sources"]) > 1:
        parts.append(f"{int(row['n_sources'])} sources")
    return f"{row['title']} ({', '.join(parts)})" if parts else str(row["title"])
