"""The trip data model: what the extractor produces and every later stage reads.

Every fact carries the sentence it came from (`Evidence`, with character offsets into
`Article.text`) and whether it was stated in the text or inferred by a rule.
"""

from __future__ import annotations

import datetime
from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(frozen=False, extra="forbid")


class Evidence(_Model):
    """The sentence that supports a fact, located in the article text."""

    sentence: str
    start: int = Field(ge=0, description="offset of the sentence's first character in Article.text")
    end: int = Field(ge=0, description="offset one past the sentence's last character")


class Mention(_Model):
    """One highlighted span of the article: the words that state a fact."""

    kind: str = Field(description="place | city | date | leader | topic | event | traveler")
    value: str = Field(description="normalised value: ISO code, ISO date, name or topic slug")
    text: str = Field(description="the words as written in the article")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    stop_index: int | None = Field(default=None, description="stop it supports; None: whole trip")


class Leader(_Model):
    name: str
    title: str | None = None
    evidence: Evidence


class TopicTag(_Model):
    slug: str
    label: str
    phrase: str = Field(description="the phrase in the text that signalled the topic")
    evidence: Evidence


class Event(_Model):
    kind: str = Field(description="meeting | press conference | summit | visit | speech | ...")
    label: str
    # datetime.date: the field name `date` would shadow the type inside this class body
    date: datetime.date | None = None
    stop_index: int | None = None
    evidence: Evidence


class FieldCorrection(_Model):
    """A stop field a reader corrected: when, and what the extractor had read there.

    Provenance has three kinds: *stated* (read in the text), *inferred* (a rule filled it in)
    and *corrected* (a reader changed it; this record). See `dashboard.store.corrections`.
    """

    corrected_at: datetime.datetime
    extracted: str | float | list[str] | None = Field(
        default=None, description="the extracted value (ISO day, code, name list); None: none"
    )


class Stop(_Model):
    index: int = Field(ge=0, description="position in travel order, from 0")
    country_code: str = Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2")
    country: str
    city: str | None = None
    city_inferred: bool = False
    city_basis: str | None = Field(
        default=None, description="how the city was found: named | venue: ... | capital ..."
    )
    lat: float | None = None
    lon: float | None = None
    start: date | None = None
    end: date | None = None
    dates_inferred: bool = False
    leaders: list[Leader] = Field(default_factory=list)
    topics: list[TopicTag] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list, description="why this is a stop")
    city_evidence: list[Evidence] = Field(default_factory=list)
    date_evidence: list[Evidence] = Field(default_factory=list)
    corrections: dict[str, FieldCorrection] = Field(
        default_factory=dict, description="field name (as in the JSON stop) -> correction"
    )


class Article(_Model):
    """An article as read from disk, before extraction."""

    path: str
    title: str | None = None
    published: date | None = None
    published_basis: str = Field(default="", description="where the publication date came from")
    source: str | None = None
    header: dict[str, str] = Field(default_factory=dict)
    text: str = Field(description="the whole file as decoded; all offsets point into it")
    body_start: int = Field(default=0, ge=0, description="offset where the header block ends")


class Trip(_Model):
    id: str = Field(description="stable readable id, e.g. blinken-2022-10-latin-america")
    article: Article
    traveler: str | None = None
    traveler_evidence: Evidence | None = None
    stops: list[Stop] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    topics: list[TopicTag] = Field(
        default_factory=list, description="agenda stated for the whole tour"
    )
    mentions: list[Mention] = Field(default_factory=list)
    sentences: list[Evidence] = Field(default_factory=list, description="the body, split")
    warnings: list[str] = Field(default_factory=list)

    @property
    def title(self) -> str:
        """The article's title (header or headline); without one, what the trip is, in words
        ("Antony Blinken's trip to Colombia and Peru, October 2022"), never the raw id."""
        if self.article.title:
            return self.article.title
        countries = list(dict.fromkeys(stop.country for stop in self.stops))
        where = (", ".join(countries[:-1]) + " and " + countries[-1] if len(countries) > 1
                 else "".join(countries) or "an unknown destination")
        days = [d for stop in self.stops for d in (stop.start, stop.end) if d is not None]
        when = min(days) if days else self.published
        who = f"{self.traveler}'s trip" if self.traveler else "Trip"
        return f"{who} to {where}" + (f", {when:%B %Y}" if when else "")

    @property
    def published(self) -> date | None:
        return self.article.published


class ArticleError(ValueError):
    """An article that cannot be read or yields no trip; the message names the file."""
