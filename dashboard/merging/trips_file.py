"""`trips.toml`: a reader's explicit grouping of the articles of a folder into trips.

    # Beside the articles. File names as in the folder.
    [[join]]                      # these articles are one trip, and only these
    articles = ["000_2088198bdb06ddc9.txt", "02_state_statement.txt"]
    title = "Blinken in Latin America, October 2022"   # optional

    [[split]]                     # these articles are never in the same trip
    articles = ["a.txt", "b.txt"] # one name alone: that article is a trip of its own

Every entry is checked on its own: a bad entry (unknown key, unknown article, an article
already joined elsewhere, a split that contradicts a join) is dropped with a message naming
it, and the good entries still apply. A file that is not valid TOML is ignored as a whole,
with a message. Nothing here raises.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

TRIPS_FILE_NAME = "trips.toml"


class JoinEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[str] = Field(min_length=2, description="file names of one trip's articles")
    title: str | None = Field(default=None, max_length=200)

    @field_validator("articles")
    @classmethod
    def _names(cls, value: list[str]) -> list[str]:
        return _file_names(value)


class SplitEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[str] = Field(min_length=1, description="file names kept in separate trips")

    @field_validator("articles")
    @classmethod
    def _names(cls, value: list[str]) -> list[str]:
        return _file_names(value)


def _file_names(value: list[str]) -> list[str]:
    names = [v.strip() for v in value]
    if any(not n or "/" in n or "\\" in n for n in names):
        raise ValueError("article names are file names in the folder, without a path")
    return list(dict.fromkeys(names))


@dataclass(frozen=True)
class TripsPlan:
    """The valid part of a trips.toml: explicit trips and articles kept apart."""

    joins: tuple[JoinEntry, ...] = ()
    splits: tuple[SplitEntry, ...] = ()
    problems: tuple[str, ...] = field(default_factory=tuple)

    def apart(self, a: str, b: str) -> bool:
        """True when a split entry keeps file names `a` and `b` out of one trip."""
        for entry in self.splits:
            names = entry.articles
            if len(names) == 1 and (a in names or b in names) and a != b:
                return True
            if a in names and b in names and a != b:
                return True
        return False


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "entry"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def parse_trips_plan(data: dict[str, object], known_names: Iterable[str],
                     where: str = TRIPS_FILE_NAME) -> TripsPlan:
    """Check the parsed TOML `data` entry by entry against the folder's file names."""
    known = set(known_names)
    problems: list[str] = []
    for key in data:
        if key not in ("join", "split"):
            problems.append(f"{where}: unknown section '{key}' ignored (use [[join]] or "
                            "[[split]])")
    joins: list[JoinEntry] = []
    splits: list[SplitEntry] = []
    joined: dict[str, int] = {}
    for kind, model, kept in (("join", JoinEntry, joins), ("split", SplitEntry, splits)):
        raw = data.get(kind, [])
        if not isinstance(raw, list):
            problems.append(f"{where}: '{kind}' must be a list of tables ([[{kind}]])")
            continue
        for n, entry in enumerate(raw, start=1):
            label = f"{where}: {kind} #{n}"
            if not isinstance(entry, dict):
                problems.append(f"{label}: not a table; ignored")
                continue
            try:
                parsed = model.model_validate(entry)
            except ValidationError as exc:
                problems.append(f"{label} ignored: {_describe(exc)}")
                continue
            unknown = [a for a in parsed.articles if a not in known]
            if unknown:
                problems.append(f"{label}: no such article in the folder: {', '.join(unknown)}")
            names = [a for a in parsed.articles if a in known]
            if kind == "join":
                taken = [a for a in names if a in joined]
                if taken:
                    problems.append(f"{label}: already joined by join #{joined[taken[0]]}: "
                                    f"{', '.join(taken)}")
                names = [a for a in names if a not in joined]
                if len(names) < 2:
                    problems.append(f"{label} ignored: fewer than two usable articles")
                    continue
                for a in names:
                    joined[a] = n
                kept.append(JoinEntry(articles=names, title=parsed.title))
            else:
                if not names:
                    problems.append(f"{label} ignored: no usable article")
                    continue
                kept.append(SplitEntry(articles=names))
    plan = TripsPlan(joins=tuple(joins), splits=tuple(splits))
    # A split that contradicts a join: the join is the more specific wish only if they agree;
    # when they do not, the reader must decide, so the join is dropped and both are named.
    consistent: list[JoinEntry] = []
    for n, entry in enumerate(joins, start=1):
        clash = [(a, b) for i, a in enumerate(entry.articles) for b in entry.articles[i + 1:]
                 if plan.apart(a, b)]
        if clash:
            a, b = clash[0]
            problems.append(f"{where}: join #{n} ignored: a split keeps {a} and {b} apart")
            continue
        consistent.append(entry)
    return TripsPlan(joins=tuple(consistent), splits=tuple(splits), problems=tuple(problems))


def read_trips_file(location: str | Path, known_names: Iterable[str]) -> TripsPlan:
    """The trips.toml in the folder `location`, or the TOML file `location` itself; an empty
    plan when there is none."""
    path = Path(location)
    if path.is_dir() or path.suffix.lower() != ".toml":
        path = path / TRIPS_FILE_NAME
    if not path.is_file():
        return TripsPlan()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return TripsPlan(problems=(f"{path.name} ignored: {exc}",))
    return parse_trips_plan(data, known_names, path.name)
