"""Topics x stops: which topics arise where, how often, and the sentences that raise them.

Pure functions over the `topics` and `itinerary` tables (see `dashboard.tables`), so the
Topics page only lays them out. Counts are of distinct sentences: a sentence that tags the
same topic twice (two phrases) still counts once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

WHOLE_TRIP = "whole trip"
_SENTENCE_KEY = ["trip_id", "start", "end"]


@dataclass(frozen=True)
class TopicMatrix:
    """Counts of sentences per topic (rows) and column (stops in travel order, then the trip).

    `columns` are display labels ("1 Colombia", ..., "whole trip"; with several trips
    prefixed by the trip), `column_ids` the matching stop ids (None for a trip-level column),
    `column_trips` / `column_stops` the two parts of each label (trip label, "" with one trip;
    stop label), and `examples` a phrase per cell that raised the topic there ("" for 0).
    """

    counts: pd.DataFrame
    examples: pd.DataFrame
    labels: dict[str, str]
    column_ids: list[str | None]
    column_trips: list[str] = field(default_factory=list)
    column_stops: list[str] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        return list(self.counts.columns)

    @property
    def empty(self) -> bool:
        return self.counts.empty


def _trip_order(itinerary: pd.DataFrame, topics: pd.DataFrame) -> list[str]:
    trips = list(dict.fromkeys(itinerary["trip_id"].tolist()))
    trips += [t for t in dict.fromkeys(topics["trip_id"].tolist()) if t not in trips]
    return trips


def stop_labels(
    itinerary: pd.DataFrame, trip_titles: Mapping[str, str] | None = None
) -> dict[str, str]:
    """stop_id -> "1 Colombia" (travel position from 1 and country).

    With several trips in the table the labels would collide ("1 Colombia" twice), so each is
    prefixed by its trip's short title (or id).
    """
    several = itinerary["trip_id"].nunique() > 1
    labels: dict[str, str] = {}
    for row in itinerary.sort_values(["trip_id", "stop_index"], kind="stable").itertuples():
        label = f"{int(row.stop_index) + 1} {row.country}"
        if several:
            label = f"{_short_trip(row.trip_id, trip_titles)} · {label}"
        labels[row.stop_id] = label
    return labels


def short_trip_labels(trips: pd.DataFrame) -> dict[str, str]:
    """trip_id -> a short, unique label for axes: traveller's surname and month ("Blinken Oct
    2022"), else the title cut short. Full titles are too long to label a column with."""
    labels: dict[str, str] = {}
    for row in trips.itertuples():
        traveler = row.traveler if isinstance(row.traveler, str) and row.traveler.strip() else ""
        when = row.first_day if not pd.isna(row.first_day) else row.published
        if traveler:
            label = traveler.split()[-1] + (f" {when:%b %Y}" if not pd.isna(when) else "")
        else:
            label = _short_trip(row.trip_id, {row.trip_id: row.title}, 22)
        n, unique = 1, label
        while unique in labels.values():
            n += 1
            unique = f"{label} ({n})"
        labels[row.trip_id] = unique
    return labels


def _short_trip(trip_id: str, trip_titles: Mapping[str, str] | None, limit: int = 28) -> str:
    title = (trip_titles or {}).get(trip_id) or trip_id
    title = title if isinstance(title, str) else str(trip_id)
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def whole_trip_label(
    trip_id: str, several: bool, trip_titles: Mapping[str, str] | None = None
) -> str:
    return f"{_short_trip(trip_id, trip_titles)} · {WHOLE_TRIP}" if several else WHOLE_TRIP


def topic_labels(topics: pd.DataFrame) -> dict[str, str]:
    """slug -> readable label (the first label the extractor gave it; the slug if none)."""
    labels: dict[str, str] = {}
    for slug, label in zip(topics["topic"], topics["label"], strict=True):
        if slug not in labels:
            labels[slug] = label if isinstance(label, str) and label.strip() else str(slug)
    return labels


def topic_matrix(
    topics: pd.DataFrame,
    itinerary: pd.DataFrame,
    trip_titles: Mapping[str, str] | None = None,
) -> TopicMatrix:
    """The topic x stop matrix of distinct-sentence counts.

    Columns: every stop of `itinerary` in travel order (stops with no topic keep a column of
    zeros, so the axis reads as the route), then a "whole trip" column per trip holding the
    agenda stated for the tour. Rows: topics, most raised first.
    """
    several = len(_trip_order(itinerary, topics)) > 1
    names = stop_labels(itinerary, trip_titles)
    plain = {
        sid: f"{int(i) + 1} {c}"
        for sid, i, c in zip(
            itinerary["stop_id"], itinerary["stop_index"], itinerary["country"], strict=True
        )
    }
    column_ids: list[str | None] = []
    column_labels: list[str] = []
    column_trips: list[str] = []
    column_stops: list[str] = []
    column_trip_ids: list[str] = []
    column_keys: list[tuple[str, str | None]] = []
    for trip_id in _trip_order(itinerary, topics):
        trip_label = _short_trip(trip_id, trip_titles) if several else ""
        stops = itinerary[itinerary["trip_id"] == trip_id].sort_values("stop_index")
        for sid in stops["stop_id"]:
            column_ids.append(sid)
            column_labels.append(names[sid])
            column_trips.append(trip_label)
            column_trip_ids.append(trip_id)
            column_stops.append(plain[sid])
            column_keys.append((trip_id, sid))
        if ((topics["trip_id"] == trip_id) & topics["stop_id"].isna()).any():
            label = whole_trip_label(trip_id, several, trip_titles)
            column_ids.append(None)
            column_labels.append(label)
            column_trips.append(trip_label)
            column_trip_ids.append(trip_id)
            column_stops.append(WHOLE_TRIP)
            column_keys.append((trip_id, None))

    # Two trips whose labels shorten to the same words would merge their columns: fall back
    # to the (unique) trip ids for those.
    if len(set(column_labels)) < len(column_labels):
        column_trips = [
            trip_id if column_labels.count(label) > 1 else trip
            for label, trip, trip_id in zip(
                column_labels, column_trips, column_trip_ids, strict=True
            )
        ]
        renamed = [
            f"{trip} · {stop}" for trip, stop in zip(column_trips, column_stops, strict=True)
        ]
        column_labels = renamed
    column_of = dict(zip(column_keys, column_labels, strict=True))

    labels = topic_labels(topics)
    rows = topics.assign(
        column=[
            column_of.get((t, None if pd.isna(s) else s))
            for t, s in zip(topics["trip_id"], topics["stop_id"], strict=True)
        ]
    ).dropna(subset=["column"])
    # One sentence raising a topic at one stop counts once, however many phrases matched.
    rows = rows.drop_duplicates(subset=["topic", "column", *_SENTENCE_KEY])
    counts = (
        rows.groupby(["topic", "column"])
        .size()
        .unstack("column")
        .reindex(columns=column_labels)
        .fillna(0)
        .astype(int)
    )
    examples = (
        rows.groupby(["topic", "column"])["phrase"]
        .first()
        .unstack("column")
        .reindex(index=counts.index, columns=column_labels)
        .astype(object)
        .fillna("")
    )
    order = sorted(counts.index, key=lambda slug: (-counts.loc[slug].sum(), labels[slug].lower()))
    counts, examples = counts.loc[order], examples.loc[order]
    counts.columns.name = examples.columns.name = None
    return TopicMatrix(
        counts=counts,
        examples=examples,
        labels=labels,
        column_ids=column_ids,
        column_trips=column_trips,
        column_stops=column_stops,
    )


def topic_counts(
    topics: pd.DataFrame,
    itinerary: pd.DataFrame | None = None,
    trip_titles: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One row per topic: label, distinct sentences, stops where it arises, trip agenda flag.

    Columns: topic, label, sentences, stops, n_stops, whole_trip. `stops` lists the stop labels
    in travel order (needs `itinerary`; otherwise "stop N").
    """
    columns = ["topic", "label", "sentences", "stops", "n_stops", "whole_trip"]
    if topics.empty:
        return pd.DataFrame(columns=columns)
    names = stop_labels(itinerary, trip_titles) if itinerary is not None else {}
    labels = topic_labels(topics)
    rows = []
    for slug, group in topics.groupby("topic", sort=False):
        at_stops = group.dropna(subset=["stop_id"]).sort_values(["trip_id", "stop_index"])
        stop_ids = list(dict.fromkeys(at_stops["stop_id"]))
        rows.append(
            {
                "topic": slug,
                "label": labels[slug],
                "sentences": len(group.drop_duplicates(subset=_SENTENCE_KEY)),
                "stops": [names.get(s, _fallback_stop_label(s)) for s in stop_ids],
                "n_stops": len(stop_ids),
                "whole_trip": bool(group["stop_id"].isna().any()),
            }
        )
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.assign(_key=frame["label"].str.lower())
    return (
        frame.sort_values(["sentences", "_key"], ascending=[False, True])
        .drop(columns="_key")
        .reset_index(drop=True)
    )


def _fallback_stop_label(stop_id: str) -> str:
    index = str(stop_id).rsplit("/", 1)[-1]
    return f"stop {int(index) + 1}" if index.isdigit() else str(stop_id)


def sentences_for_topic(
    topics: pd.DataFrame,
    slug: str,
    itinerary: pd.DataFrame | None = None,
    trip_titles: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The distinct sentences that raise topic `slug`, in trip and text order.

    Columns: trip_id, stop (labels of the stops it is tagged at, or "whole trip"), stop_id
    (the first of those stops, None for the whole trip), phrase (the words that signalled
    it), sentence, start, end. A sentence tagged at two stops, or at a stop and as trip
    agenda, appears once with both labels.
    """
    columns = ["trip_id", "stop", "stop_id", "phrase", "sentence", "start", "end"]
    rows = topics[topics["topic"] == slug]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    names = stop_labels(itinerary, trip_titles) if itinerary is not None else {}
    several = itinerary is not None and itinerary["trip_id"].nunique() > 1
    out = []
    # trips in the order the tables hold them (the loader's), sentences in text order
    trip_order = {t: n for n, t in enumerate(dict.fromkeys(topics["trip_id"]))}
    rows = rows.assign(_trip=rows["trip_id"].map(trip_order)).sort_values(
        ["_trip", "start", "end"], kind="stable"
    )
    for (trip_id, start, end), group in rows.groupby(_SENTENCE_KEY, sort=False):
        stop_ids = group.sort_values("stop_index", na_position="last")["stop_id"].tolist()
        places = [
            whole_trip_label(trip_id, several, trip_titles)
            if pd.isna(s)
            else names.get(s, _fallback_stop_label(s))
            for s in stop_ids
        ]
        phrases = [p for p in dict.fromkeys(group["phrase"]) if isinstance(p, str) and p]
        out.append(
            {
                "trip_id": trip_id,
                "stop": ", ".join(dict.fromkeys(places)),
                "stop_id": None if pd.isna(stop_ids[0]) else stop_ids[0],
                "phrase": ", ".join(phrases),
                "sentence": group["sentence"].iloc[0],
                "start": int(start),
                "end": int(end),
            }
        )
    return pd.DataFrame(out, columns=columns)
