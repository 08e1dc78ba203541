"""Where each stop field's value comes from: stated, inferred or corrected.

*stated*: read in the article; *inferred*: filled in by a rule (the capital for a city named
nowhere, dates from context); *corrected*: set by a reader (`Stop.corrections`, written by
`dashboard.store.corrections.apply_corrections`), with the time and the extracted value.
"""

from __future__ import annotations

from collections.abc import Mapping
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


def _shown(value: object) -> str:
    if value is None or value == []:
        return "none"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def row_corrections(row: Mapping[str, Any]) -> dict[str, str]:
    """An itinerary row's corrections in words, one per field word: {"dates": "extracted
    2022-10-05 to 2022-10-05", "city": "extracted Lima"}; {} when nothing was corrected.
    Reads the `corrected` and `extracted` columns of `dashboard.tables` rows."""
    fields = row.get("corrected")
    if not isinstance(fields, (list, tuple)) or not fields:
        return {}
    extracted = row.get("extracted") if isinstance(row.get("extracted"), Mapping) else {}
    words: dict[str, str] = {}
    for name in fields:
        word = FIELD_WORDS.get(name, name)
        if word in words:
            continue
        if word == "dates":
            value = (f"{_shown(extracted.get('start'))} to {_shown(extracted.get('end'))}"
                     if ("start" in extracted or "end" in extracted) else "none")
        elif word == "coordinates":
            value = f"{_shown(extracted.get('lat'))}, {_shown(extracted.get('lon'))}"
        elif word == "country":
            value = _shown(extracted.get("country") or extracted.get("country_code"))
        else:
            value = _shown(extracted.get(name))
        words[word] = f"extracted {value}"
    return words


def correction_note(row: Mapping[str, Any]) -> str:
    """One line for tooltips, calendars and files: "Corrected by a reader: dates (extracted
    2022-10-05 to 2022-10-05); city (extracted Lima)", or "" when nothing was corrected."""
    words = row_corrections(row)
    if not words:
        return ""
    return "Corrected by a reader: " + "; ".join(f"{w} ({why})" for w, why in words.items())
