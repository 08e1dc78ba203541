"""Where each stop field's value comes from: stated, inferred or corrected.

*stated*: read in the article; *inferred*: filled in by a rule (the capital for a city named
nowhere, dates from context); *corrected*: set by a reader (`Stop.corrections`, written by
`dashboard.store.corrections.apply_corrections`), with the time and the extracted value.
"""

from __future__ import annotations

from typing import Any

from dashboard.models import Stop

PROVENANCE_FIELDS = ("country_code", "country", "city", "lat", "lon", "start", "end",
                     "leaders", "topics")
"""Stop fields that carry a provenance (named as in the extract JSON)."""
FIELD_WORDS = {"country_code": "country", "country": "country", "city": "city",
               "lat": "coordinates", "lon": "coordinates", "start": "dates", "end": "dates",
               "leaders": "leaders", "topics": "topics"}
"""A field's name in words, for marks such as "corrected: dates, city"."""


def stop_provenance(stop: Stop) -> dict[str, dict[str, Any]]:
    """Each stop field's provenance, for the `show` command and the JSON export:
    {"start": {"provenance": "stated"}, "city": {"provenance": "corrected",
    "corrected_at": "2026-…Z", "extracted": "Lima"}, ...}. Stated: read in the text;
    inferred: filled in by a rule (the capital for a city, dates from context)."""
    inferred = {"city": stop.city_inferred, "lat": stop.city_inferred,
                "lon": stop.city_inferred, "start": stop.dates_inferred,
                "end": stop.dates_inferred}
    result: dict[str, dict[str, Any]] = {}
    for name in PROVENANCE_FIELDS:
        fix = stop.corrections.get(name)
        if fix is not None:
            result[name] = {"provenance": "corrected",
                            "corrected_at": fix.corrected_at.isoformat(),
                            "extracted": fix.extracted}
        else:
            result[name] = {"provenance": "inferred" if inferred.get(name) else "stated"}
    return result


def corrected_fields(stop: Stop) -> list[str]:
    """The names of the stop's corrected fields, in `PROVENANCE_FIELDS` order."""
    return [name for name in PROVENANCE_FIELDS if name in stop.corrections]


def corrected_words(fields: list[str] | tuple[str, ...]) -> list[str]:
    """Corrected field names as readers say them, without repeats: ["dates", "city"]."""
    return list(dict.fromkeys(FIELD_WORDS.get(name, name) for name in fields))
