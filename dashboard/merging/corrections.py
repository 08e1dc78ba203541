"""A reader's corrections laid over a merged trip: a correction beats every source.

The correction store (another module) keeps, per trip and stop key (`MergedStop.key`, e.g.
'CL-1'), the values a reader set; `apply_corrections` returns a copy of the merged trip with
them applied. A corrected fact lists the reader first (`Support.source == "reader"`), keeps
the articles that agree with it, and a conflict on that fact is marked resolved by the
reader (kept, not deleted: the disagreement of the sources is still worth seeing).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator

from dashboard.merging.model import READER, Fact, MergedTrip, Support
from dashboard.merging.names import place_key, same_person
from dashboard.merging.stops import parse_span_value, span_value
from dashboard.models import Evidence, Leader


class StopCorrection(BaseModel):
    """What a reader says about one stop; a field left None is not corrected."""

    model_config = ConfigDict(extra="forbid")

    city: str | None = Field(default=None, min_length=1, max_length=120)
    start: date | None = None
    end: date | None = None
    leaders: list[str] | None = Field(default=None, description="the full list of leaders met")
    note: str | None = Field(default=None, max_length=500, description="why, in words")

    @model_validator(mode="after")
    def _order(self) -> StopCorrection:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


def _reader(value: str, note: str | None) -> Support:
    evidence = [Evidence(sentence=note, start=0, end=len(note))] if note else []
    return Support(source=READER, value=value, stated=True, evidence=evidence)


def apply_corrections(trip: MergedTrip,
                      corrections: Mapping[str, StopCorrection]) -> MergedTrip:
    """A copy of `trip` with each stop's correction (keyed by `MergedStop.key`) applied.
    A key that names no stop of the trip is skipped and noted in the copy's `notes`."""
    result = trip.model_copy(deep=True)
    keys = {s.key for s in result.stops}
    for key in corrections:
        if key not in keys:
            result.notes.append(f"correction for stop {key!r} ignored: the trip has no such "
                                "stop (its sources may have changed)")
    for merged in result.stops:
        fix = corrections.get(merged.key)
        if fix is None:
            continue
        stop = merged.stop
        if fix.start is not None or fix.end is not None:
            stop.start = fix.start if fix.start is not None else stop.start
            stop.end = fix.end if fix.end is not None else stop.end
            stop.dates_inferred = False
            value = span_value(stop.start, stop.end)
            wanted = parse_span_value(value)
            agreeing = [s for s in (merged.dates.sources if merged.dates else [])
                        if _within(parse_span_value(s.value), wanted)]
            merged.dates = Fact(field="dates", value=value,
                                sources=[_reader(value, fix.note), *agreeing])
            _resolve(merged.conflicts, "dates")
        if fix.city is not None:
            agreeing = [s for s in (merged.city.sources if merged.city else [])
                        if place_key(s.value) == place_key(fix.city)]
            stop.city, stop.city_inferred, stop.city_basis = fix.city, False, "reader"
            if not agreeing:  # the coordinates were the old city's
                stop.lat = stop.lon = None
            merged.city = Fact(field="city", value=fix.city,
                               sources=[_reader(fix.city, fix.note), *agreeing])
            _resolve(merged.conflicts, "city")
        if fix.leaders is not None:
            facts: list[Fact] = []
            leaders: list[Leader] = []
            for name in fix.leaders:
                old = next((f for f in merged.leaders if same_person(f.value, name)), None)
                facts.append(Fact(field="leader", value=name,
                                  sources=[_reader(name, fix.note),
                                           *(old.sources if old else [])]))
                known = next((x for x in stop.leaders if same_person(x.name, name)), None)
                evidence = (known.evidence if known else
                            Evidence(sentence=fix.note or "corrected by a reader", start=0,
                                     end=len(fix.note or "corrected by a reader")))
                leaders.append(Leader(name=name, title=known.title if known else None,
                                      evidence=evidence))
            merged.leaders, stop.leaders = facts, leaders
    return result


def _within(days: tuple[date, date] | None, span: tuple[date, date] | None) -> bool:
    return bool(days and span and span[0] <= days[0] and days[1] <= span[1])


def _resolve(conflicts: list, field: str) -> None:
    for conflict in conflicts:
        if conflict.field == field:
            conflict.resolved_by = READER
