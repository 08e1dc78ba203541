"""Every trip of a table set against the official record: per-stop status and timeline lanes.

The pages show what this returns (status chips on the stop cards, an "official record" lane
on the timeline, status columns in the data table); it runs once per set of tables and record
files (cached in `dashboard.records.cache`), not on every filter change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard.filters import Selection
from dashboard.records.crosscheck import (
    CHECK_COLUMNS,
    check_frame,
    check_rows,
    record_lane,
    trip_days,
)
from dashboard.records.traveler import TravelerIndex, TravelerMatch, match_traveler
from dashboard.tables import TripTables, cell_text

LANE_COLUMNS = ["trip_id", "id", "start", "end", "country", "country_code", "locale", "status"]


@dataclass(frozen=True)
class RecordChecks:
    """The cross-check of all trips: `stops` has one row per stop (CHECK_COLUMNS), `lanes` the
    record visits during each trip with the status of the stop they match."""

    stops: pd.DataFrame
    lanes: pd.DataFrame
    notes: tuple[str, ...] = field(default_factory=tuple)

    def for_stops(self, stop_ids: pd.Series) -> pd.DataFrame:
        return self.stops[self.stops["stop_id"].isin(set(stop_ids))]

    def lane_for(self, trip_ids: pd.Series) -> pd.DataFrame:
        return self.lanes[self.lanes["trip_id"].isin(set(trip_ids))]


def lane_in_view(lane: pd.DataFrame, selection: Selection,
                 shown_stop_checks: pd.DataFrame) -> pd.DataFrame:
    """The record lane's visits that belong to the view the filters leave, the same way the
    stops do: in a chosen country (`selection.countries`, ISO codes), overlapping the date
    range, and, when topics are chosen, matched to a shown stop (`shown_stop_checks`: the
    checks of the stops in view), since a record visit carries no topic of its own."""
    keep = pd.Series(True, index=lane.index)
    if selection.countries:
        keep &= lane["country_code"].isin(selection.countries)
    start = pd.to_datetime(lane["start"])
    end = pd.to_datetime(lane["end"]).fillna(start)
    if selection.date_from is not None:
        keep &= end >= pd.Timestamp(selection.date_from)
    if selection.date_to is not None:
        keep &= start <= pd.Timestamp(selection.date_to)
    if selection.topics:
        keep &= lane["id"].isin(set(shown_stop_checks["record_id"].dropna()))
    return lane[keep]


def empty_checks(note: str = "") -> RecordChecks:
    return RecordChecks(
        stops=pd.DataFrame(columns=CHECK_COLUMNS), lanes=pd.DataFrame(columns=LANE_COLUMNS),
        notes=(note,) if note else (),
    )


def _record_on_conflicts(check: pd.DataFrame, tables: TripTables) -> pd.DataFrame:
    """Where the articles disagree on a stop's dates, say which of them the record agrees
    with. The conflict stays open: the record is one more witness, not a verdict."""
    from dashboard.merging.stops import parse_span_value

    conflicts = tables.conflicts
    if conflicts.empty or check.empty:
        return check
    names = {sid: str(path).rsplit("/", 1)[-1] for sid, path in
             zip(tables.sources["source_id"], tables.sources["path"], strict=True)}
    notes = check["note"].astype("object").copy()
    for n, row in check.iterrows():
        if pd.isna(row["record_start"]):
            continue
        first = row["record_start"].date()
        last = (row["record_end"] if pd.notna(row["record_end"]) else row["record_start"]).date()
        disputes = conflicts[(conflicts["stop_id"] == row["stop_id"])
                             & (conflicts["field"] == "dates")]
        agree = []
        for values in disputes["values"]:
            for value in values:
                days = parse_span_value(value["value"])
                if days and first <= days[0] and days[1] <= last:
                    agree.append(names.get(value["source"], value["source"]))
        if len(disputes):
            said = ", ".join(dict.fromkeys(agree)) if agree else "none of them"
            notes[n] = f"{row['note']}; of the articles that disagree, the record agrees " \
                       f"with {said}"
    return check.assign(note=notes.astype("string"))


def check_all_trips(tables: TripTables, records: pd.DataFrame) -> RecordChecks:
    """Check each trip's stops against the record of its own traveller."""
    if records.empty or tables.itinerary.empty:
        return empty_checks()
    stops, lanes = [], []
    # Built once for all trips: the traveller index (each match used to rebuild the table
    # from every visit, twice per trip), each traveller's visits, each trip's stops.
    index = TravelerIndex.build(records)
    visits_of = {str(who): visits for who, visits in records.groupby("who", sort=False)}
    stops_of = dict(iter(tables.itinerary.groupby("trip_id", sort=False)))
    matches: dict[tuple[object, tuple[pd.Timestamp, ...]], TravelerMatch] = {}
    for trip in tables.trips.to_dict("records"):
        itinerary = stops_of.get(trip["trip_id"])
        if itinerary is None or itinerary.empty:
            continue
        published = trip["published"] if pd.notna(trip["published"]) else None
        traveler = cell_text(trip["traveler"])
        days = tuple(trip_days(itinerary, published))
        key = (traveler, days)
        if key not in matches:
            matches[key] = match_traveler(traveler, records, days, index)
        match = matches[key]
        visits = visits_of.get(match.who, records.iloc[0:0]) if match.who else records.iloc[0:0]
        rows = check_rows(itinerary, visits, match, published)
        stops.extend(rows)
        lane = record_lane(itinerary, visits, traveler, published,
                           check=pd.DataFrame(rows, columns=CHECK_COLUMNS), match=match)
        if not lane.empty:
            lanes.append(lane.assign(trip_id=trip["trip_id"])[LANE_COLUMNS])
    return RecordChecks(
        stops=_record_on_conflicts(check_frame(stops), tables) if stops
        else empty_checks().stops,
        lanes=pd.concat(lanes, ignore_index=True) if lanes else empty_checks().lanes,
    )
