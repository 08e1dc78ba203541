"""The official travel record (U.S. Office of the Historian): read, check, group, download.

    from dashboard.records import read_records, check_stops, assign_journeys
    records, warnings = read_records("cache/records")
    check = check_stops(itinerary, records, "Antony Blinken")
"""

from dashboard.records.crosscheck import (
    CONFIRMED,
    DIFFERS,
    NOT_COVERED,
    NOT_IN_RECORD,
    check_stops,
    record_lane,
    trip_record,
)
from dashboard.records.journeys import (
    assign_journeys,
    journey_table,
    records_in_range,
    rows_for_chart,
)
from dashboard.records.reader import Records, read_records
from dashboard.records.settings import find_records_dir, records_dir
from dashboard.records.traveler import TravelerMatch, match_traveler

__all__ = [
    "CONFIRMED", "DIFFERS", "NOT_COVERED", "NOT_IN_RECORD", "Records", "TravelerMatch",
    "assign_journeys",
    "check_stops", "find_records_dir", "journey_table", "match_traveler", "read_records",
    "record_lane", "records_dir", "records_in_range", "rows_for_chart", "trip_record",
]
