"""Article text -> Trip: the trip extractor.

`extract_trip(article)` runs the rules in `trip.py` over an `Article` (see `articles.py`);
`extract_trip_from_file(path)` reads the file first. Both raise `ArticleError` with a message
naming the file when the article cannot be read or describes no visited place.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dashboard.articles import read_article
from dashboard.extraction.serialize import trip_to_json
from dashboard.extraction.trip import extract_trip
from dashboard.models import Trip

__all__ = ["extract_trip", "extract_trip_from_file", "trip_to_json"]


def extract_trip_from_file(path: str | Path, published: date | None = None) -> Trip:
    """Read and extract one article file."""
    return extract_trip(read_article(path, published))
