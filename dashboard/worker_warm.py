"""Imported once by the worker forkserver (`dashboard.worker`): the extractor with its
gazetteer and topic taxonomy already built, so every forked worker starts warm."""

from __future__ import annotations

from dashboard.extraction import extract_trip  # noqa: F401  (imported to be inherited)
from dashboard.extraction.places import gazetteer
from dashboard.extraction.topics import taxonomy
from dashboard.uploads import extract_upload  # noqa: F401

gazetteer()
taxonomy()
