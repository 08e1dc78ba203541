"""Small hand-made trips for the merging tests: exactly the facts a rule needs, nothing else."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dashboard.models import Article, Evidence, Leader, Stop, TopicTag, Trip

REPO = Path(__file__).resolve().parents[1]
STATEMENT_NAME = "02_state_statement_blinken_colombia_chile_peru.txt"


def shared_statement() -> Path:
    """The State Department statement in ../shared/articles: beside a clone, or two levels up
    from a worktree at /work/wt/X. The returned path may not exist (tests then skip)."""
    candidates = [REPO.parent / "shared" / "articles" / STATEMENT_NAME,
                  REPO.parent.parent / "shared" / "articles" / STATEMENT_NAME]
    return next((c for c in candidates if c.is_file()), candidates[0])


CAPITALS = {"CL": ("Chile", "Santiago"), "PE": ("Peru", "Lima"), "CO": ("Colombia", "Bogotá"),
            "JP": ("Japan", "Tokyo"), "FR": ("France", "Paris")}


def evidence(sentence: str) -> Evidence:
    return Evidence(sentence=sentence, start=0, end=len(sentence))


_SAME = object()


def make_stop(code: str, start: date | None = None, end: object = _SAME, *,
              city: str | None = None, city_inferred: bool = False,
              dates_inferred: bool = False, leaders: tuple[str, ...] = (),
              topics: tuple[str, ...] = (), sentence: str | None = None) -> Stop:
    """A stop; `end` defaults to `start` (a one-day stop), None leaves it unknown."""
    country, capital = CAPITALS[code]
    if end is _SAME:
        end = start
    said = sentence or f"He visits {city or country} on {start}."
    return Stop(
        index=0, country_code=code, country=country,
        city=city or capital, city_inferred=city_inferred if city else True,
        start=start, end=end, dates_inferred=dates_inferred,
        leaders=[Leader(name=n, title="President", evidence=evidence(said)) for n in leaders],
        topics=[TopicTag(slug=t, label=t.title(), phrase=t, evidence=evidence(said))
                for t in topics],
        evidence=[evidence(said)], date_evidence=[evidence(said)] if start else [],
    )


def make_trip(path: str, traveler: str | None, *stops: Stop,
              published: date | None = None) -> Trip:
    numbered = [s.model_copy(update={"index": n}) for n, s in enumerate(stops)]
    surname = (traveler or "someone").split()[-1].lower()
    return Trip(
        id=f"{surname}-trip", traveler=traveler, stops=numbered,
        article=Article(path=path, title=f"Article {path}", published=published,
                        text=" ".join(e.sentence for s in stops for e in s.evidence) or "x"),
    )
