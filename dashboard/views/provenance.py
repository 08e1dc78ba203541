"""How many articles report a stop and whether they disagree, in the words every view uses."""

from __future__ import annotations

from collections.abc import Mapping

CONFLICT_MARK = "⚠"


def _count(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 1


def stop_conflicts(stop: Mapping[str, object]) -> list[str]:
    """The stop's open conflicts (itinerary column `conflicts`), as messages."""
    value = stop.get("conflicts")
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def sources_label(stop: Mapping[str, object]) -> str:
    """'2 sources', '1 source'."""
    n = _count(stop.get("n_sources", 1))
    return f"{n} source{'s' if n != 1 else ''}"


def provenance_line(stop: Mapping[str, object]) -> str:
    """'2 sources', '2 sources · ⚠ sources disagree (dates)', or '' for one source that
    cannot disagree with itself. Plain text; callers escape it for their markup."""
    n = _count(stop.get("n_sources", 1))
    conflicts = stop_conflicts(stop)
    if n <= 1 and not conflicts:
        return ""
    line = sources_label(stop)
    if conflicts:
        fields = sorted({_field(c) for c in conflicts})
        line += f" · {CONFLICT_MARK} sources disagree ({', '.join(fields)})"
    return line


def _field(message: str) -> str:
    # Messages read "Sources disagree on the dates in Chile: ..." (merging.stops).
    for word in ("dates", "city"):
        if f"on the {word}" in message:
            return word
    return "facts"
