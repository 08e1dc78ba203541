"""A reader's corrections of one article of a merged trip, without losing the other articles.

Folder corrections are stored per article (by the SHA-256 of its text). When that article is
one source of a trip told by several, the trip is merged again with the corrected article in
place of the extracted one (`merging.merge_trip` keeps a reader's corrections), so the trip
keeps its other sources, their facts and their conflicts; replacing the whole trip by the
corrected article alone would drop them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from dashboard.merging.grouping import article_order
from dashboard.merging.pipeline import source_ref
from dashboard.merging.stops import merge_trip
from dashboard.models import Trip
from dashboard.tables import TripTables, build_tables, cell_text


def merged_with_corrections(tables: TripTables, trip_id: str, corrected: Mapping[str, Trip],
                            extracted: Callable[[str, str], Trip | None]) -> TripTables | None:
    """The tables of the merged trip `trip_id` rebuilt with `corrected` (source id -> the
    corrected article) in place of those articles, the others extracted again from their
    text by `extracted(name, text)` (cached by the caller); `stored` holds the corrected
    articles by source id, for exports. None when an article cannot be read again."""
    rows = tables.sources[tables.sources["trip_id"] == trip_id].to_dict("records")
    members: list[Trip] = []
    for row in rows:
        source_id = str(row["source_id"])
        article = corrected.get(source_id)
        if article is None:
            text = tables.texts.get(source_id)
            article = extracted(str(row["path"] or source_id), text) if text else None
        if article is None:
            return None
        members.append(article.model_copy(update={"id": source_id}))
    if not members:
        return None
    grouping = {str(r["source_id"]): cell_text(r["grouping"]) for r in rows}
    members.sort(key=article_order)
    titles = tables.trips.loc[tables.trips["trip_id"] == trip_id, "title"]
    title = cell_text(titles.iloc[0]) if len(titles) else None
    merged = merge_trip(members, [source_ref(t, grouping.get(t.id)) for t in members],
                        trip_id=trip_id, title=title if len(members) > 1 else None)
    rebuilt = build_tables([merged])
    return replace(rebuilt, notes=[],
                   stored={t.id: t for t in members if t.id in corrected})
