"""One trip, many articles: group articles into trips and merge their stops with provenance.

- `grouping.group_articles` decides which articles report the same trip (same traveller,
  overlapping or adjacent dates, or as `trips.toml` names them);
- `stops.merge_trip` merges the stops of one group into one itinerary where every fact lists
  the sources that state it, and stated facts that cannot both hold are kept as conflicts;
- `corrections.apply_corrections` lays a reader's corrections over a merged trip.

Everything here is plain Python on the extractor's `Trip` objects: no Streamlit, no I/O
except reading `trips.toml` (`trips_file.read_trips_file`).
"""

from __future__ import annotations

from dashboard.merging.corrections import StopCorrection, apply_corrections
from dashboard.merging.grouping import DEFAULT_SLACK_DAYS, TripGroup, group_articles
from dashboard.merging.model import (
    Conflict,
    Fact,
    MergedStop,
    MergedTrip,
    SourceRef,
    Support,
)
from dashboard.merging.pipeline import merge_articles, single_source
from dashboard.merging.stops import merge_trip
from dashboard.merging.trips_file import TRIPS_FILE_NAME, TripsPlan, read_trips_file

__all__ = [
    "DEFAULT_SLACK_DAYS", "TRIPS_FILE_NAME", "Conflict", "Fact", "MergedStop", "MergedTrip",
    "SourceRef", "StopCorrection", "Support", "TripGroup", "TripsPlan", "apply_corrections",
    "group_articles", "merge_articles", "merge_trip", "read_trips_file", "single_source",
]
