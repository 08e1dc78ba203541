"""What a merged trip is: sources (articles), stops whose facts name their sources, conflicts.

A `MergedStop` carries `stop`, a plain `models.Stop` holding the merged values (so tables,
maps and exports read it like any extracted stop), and beside it the provenance: which
source states each fact (`Fact.sources`) and which stated facts disagree (`conflicts`).
Evidence offsets in a `Support` point into the text of the source it names.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from dashboard.models import Evidence, Stop, Trip

READER = "reader"
"""The `Support.source` of a reader's correction (it beats every article)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceRef(_Model):
    """One article of a trip."""

    id: str = Field(description="unique among the loaded articles; the single-article trip id")
    path: str
    title: str | None = None
    published: date | None = None
    traveler: str | None = None
    grouping: str | None = Field(default=None, description="how the article came into this "
                                 "trip, where worth saying ('joined by a reader', 'also fits "
                                 "…; attached to the nearest in time')")


class Support(_Model):
    """One source stating a fact: what it says, whether stated or inferred, and where."""

    source: str = Field(description="a SourceRef.id, or 'reader' for a correction")
    value: str = Field(description="the value as this source gives it, in words or ISO days")
    stated: bool = True
    evidence: list[Evidence] = Field(default_factory=list)


class Fact(_Model):
    """A fact of a merged stop (its dates, city, a leader, a topic) and who states it."""

    field: str = Field(description="dates | city | leader | topic")
    value: str = Field(description="the merged value: '2022-10-03/2022-10-04', 'Bogotá', ...")
    sources: list[Support] = Field(default_factory=list)

    @property
    def source_ids(self) -> list[str]:
        return list(dict.fromkeys(s.source for s in self.sources))


class Conflict(_Model):
    """Stated facts of one stop that cannot both hold; never resolved silently."""

    field: str = Field(description="dates | city")
    stop_index: int
    stop_key: str
    message: str = Field(description="one line a reader understands, naming both values")
    values: list[Support] = Field(description="each value with its source and sentence(s)")
    resolved_by: str | None = Field(default=None, description="'reader' once corrected")


class MergedStop(_Model):
    """One visit, as every source that reports it tells it."""

    key: str = Field(description="stable id within the trip: '<country code>-<n>', n from 1 "
                                 "in travel order; corrections are keyed on it")
    stop: Stop
    key_source: str = Field(default="", description="source of stop.evidence[0], the key "
                                                    "sentence")
    members: list[tuple[str, int]] = Field(
        description="(source id, stop index in that source's own trip) merged into this stop")
    dates: Fact | None = None
    city: Fact | None = None
    leaders: list[Fact] = Field(default_factory=list)
    topics: list[Fact] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list,
                             description="facts overruled without conflict (inferred vs stated)")

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(source for source, _ in self.members))

    @property
    def open_conflicts(self) -> list[Conflict]:
        return [c for c in self.conflicts if c.resolved_by is None]


class MergedTrip(_Model):
    """A trip told by one or more articles."""

    id: str
    title: str
    traveler: str | None = None
    sources: list[SourceRef]
    articles: list[Trip] = Field(description="each source's own extraction, same order")
    stops: list[MergedStop] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list,
                             description="how the trip was grouped (e.g. an ambiguous match)")

    @property
    def conflicts(self) -> list[Conflict]:
        return [c for s in self.stops for c in s.conflicts]

    @property
    def open_conflicts(self) -> list[Conflict]:
        return [c for s in self.stops for c in s.open_conflicts]

    def article(self, source_id: str) -> Trip:
        for ref, trip in zip(self.sources, self.articles, strict=True):
            if ref.id == source_id:
                return trip
        raise KeyError(source_id)
