"""Every trip of a table set against the official record: per-stop status and timeline lanes.

The pages show what this returns (status chips on the stop cards, an "official record" lane
on the timeline, status columns in the data table); it runs once per set of tables and record
files (cached in `dashboard.records.cache`), not on every filter change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard.records.crosscheck import CHECK_COLUMNS, check_stops, record_lane
from dashboard.tables import TripTables

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
    for trip in tables.trips.to_dict("records"):
        itinerary = tables.itinerary[tables.itinerary["trip_id"] == trip["trip_id"]]
        if itinerary.empty:
            continue
        published = trip["published"] if pd.notna(trip["published"]) else None
        check = check_stops(itinerary, records, trip["traveler"], published)
        check = _record_on_conflicts(check, tables)
        stops.append(check)
        lane = record_lane(itinerary, records, trip["traveler"], published, check=check)
        if not lane.empty:
            lanes.append(lane.assign(trip_id=trip["trip_id"])[LANE_COLUMNS])
    return RecordChecks(
        stops=pd.concat(stops, ignore_index=True) if stops else empty_checks().stops,
        lanes=pd.concat(lanes, ignore_index=True) if lanes else empty_checks().lanes,
    )
