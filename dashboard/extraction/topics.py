"""Topic tags from the taxonomy in `data/topics.toml` (slug, label, signal phrases)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TOPICS_FILE = Path(__file__).resolve().parents[2] / "data" / "topics.toml"


@dataclass(frozen=True)
class Topic:
    slug: str
    label: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class TopicHit:
    slug: str
    label: str
    phrase: str
    start: int
    end: int


def _phrase_regex(phrase: str) -> str:
    wildcard = phrase.endswith("*")
    words = phrase.rstrip("*").split()
    body = r"[\s-]+".join(re.escape(w) for w in words)
    tail = r"[\w-]*" if wildcard else r"(?:e?s)?"
    return rf"(?<![\w-]){body}{tail}(?![\w-])"


def load_topics(path: Path = TOPICS_FILE) -> list[Topic]:
    """Parse a taxonomy file; a bad entry raises ValueError naming the file and entry."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{path}: cannot read the topic taxonomy ({exc})") from None
    topics = []
    for n, entry in enumerate(data.get("topic", []), start=1):
        slug, label = entry.get("slug"), entry.get("label")
        phrases = entry.get("phrases", [])
        patterns = entry.get("patterns", [])
        if not slug or not label or not (phrases or patterns):
            raise ValueError(f"{path}: topic #{n} needs slug, label and phrases")
        # longest phrases first, so the highlighted words are the most specific ones
        alternatives = [_phrase_regex(p) for p in sorted(phrases, key=len, reverse=True)]
        alternatives += list(patterns)
        try:
            pattern = re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{path}: topic {slug!r} has a bad pattern ({exc})") from None
        topics.append(Topic(slug, label, pattern))
    return topics


@lru_cache(maxsize=1)
def taxonomy() -> tuple[Topic, ...]:
    """The taxonomy, read once per process."""
    return tuple(load_topics())


def find_topics(text: str, start: int = 0, end: int | None = None,
                topics: tuple[Topic, ...] | None = None) -> list[TopicHit]:
    """Each topic signalled in text[start:end], once per topic (its first signal).

    A phrase inside a longer phrase of another topic does not count: "drug trade" is drug
    trafficking, not trade.
    """
    end = len(text) if end is None else end
    candidates: list[TopicHit] = []
    for topic in topics if topics is not None else taxonomy():
        for match in topic.pattern.finditer(text, start, end):
            if match.end() > match.start():
                candidates.append(TopicHit(topic.slug, topic.label, match.group(0),
                                           match.start(), match.end()))
    candidates.sort(key=lambda h: (-(h.end - h.start), h.start))
    accepted: list[TopicHit] = []
    for hit in candidates:
        inside_other = any(a.slug != hit.slug and a.start <= hit.start and hit.end <= a.end
                           for a in accepted)
        if not inside_other:
            accepted.append(hit)
    first: dict[str, TopicHit] = {}
    for hit in sorted(accepted, key=lambda h: h.start):
        first.setdefault(hit.slug, hit)
    return list(first.values())


def topic_label(slug: str) -> str:
    for topic in taxonomy():
        if topic.slug == slug:
            return topic.label
    return slug
