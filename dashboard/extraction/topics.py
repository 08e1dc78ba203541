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
    phrases: tuple[str, ...]
    pattern: re.Pattern[str] | None  # the optional regular-expression signals


@dataclass(frozen=True)
class TopicHit:
    slug: str
    label: str
    phrase: str
    start: int
    end: int


WORD = re.compile(r"[^\W_][\w'’]*")


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


@lru_cache(maxsize=1 << 16)  # (asked for every word of the body: the same words again and again)
def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(("s", "x", "ch", "sh")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@dataclass
class _PhraseIndex:
    """Phrases as word tuples (singular last word) -> topics, and single-word prefixes."""

    exact: dict[tuple[str, ...], list[Topic]]
    prefixes: list[tuple[tuple[str, ...], str, Topic]]
    longest: int
    first_words: frozenset[str] = frozenset()  # words a phrase can start with
    prefix_starts: tuple[str, ...] = ()  # for str.startswith on wildcard first words


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
        try:
            pattern = re.compile("|".join(f"(?:{p})" for p in patterns),
                                 re.IGNORECASE) if patterns else None
        except re.error as exc:
            raise ValueError(f"{path}: topic {slug!r} has a bad pattern ({exc})") from None
        topics.append(Topic(slug, label, tuple(phrases), pattern))
    return topics


def _index(topics: tuple[Topic, ...]) -> _PhraseIndex:
    exact: dict[tuple[str, ...], list[Topic]] = {}
    prefixes: list[tuple[tuple[str, ...], str, Topic]] = []
    longest = 1
    for topic in topics:
        for phrase in topic.phrases:
            words = _words(phrase.rstrip("*"))
            if not words:
                continue
            longest = max(longest, len(words))
            if phrase.endswith("*"):
                prefixes.append((tuple(words[:-1]), words[-1], topic))
                continue
            key = (*words[:-1], _singular(words[-1]))
            if topic not in exact.setdefault(key, []):
                exact[key].append(topic)
    first_words = {key[0] for key in exact} | {head[0] for head, _p, _t in prefixes if head}
    prefix_starts = tuple(p for head, p, _t in prefixes if not head)
    return _PhraseIndex(exact, prefixes, longest, frozenset(first_words), prefix_starts)


@lru_cache(maxsize=1)
def taxonomy() -> tuple[Topic, ...]:
    """The taxonomy, read once per process."""
    return tuple(load_topics())


@lru_cache(maxsize=8)
def _cached_index(topics: tuple[Topic, ...]) -> _PhraseIndex:
    return _index(topics)


def find_topics(text: str, start: int = 0, end: int | None = None,
                topics: tuple[Topic, ...] | None = None, first_only: bool = True
                ) -> list[TopicHit]:
    """Topics signalled in text[start:end], in text order: once per topic (its first
    signal), or every signal with `first_only=False`.

    Matching is by whole words, case-insensitive, plural-tolerant; the longest phrase at a
    position wins, so "drug trade" is drug trafficking, not trade.
    """
    end = len(text) if end is None else end
    topics = topics if topics is not None else taxonomy()
    index = _cached_index(topics)
    tokens = [(m.start(), m.end(), m.group(0).lower().replace("’", "'"))
              for m in WORD.finditer(text, start, end)]
    singular = [_singular(t[2]) for t in tokens]
    hits: list[TopicHit] = []
    i = 0
    while i < len(tokens):
        matched = 0
        found: list[Topic] = []
        word = tokens[i][2]
        if word not in index.first_words and singular[i] not in index.first_words and not (
                index.prefix_starts and word.startswith(index.prefix_starts)):
            i += 1
            continue
        for n in range(min(index.longest, len(tokens) - i), 0, -1):
            words = [t[2] for t in tokens[i:i + n]]
            # the words must be adjacent: spaces or hyphens only between them
            if n > 1 and any(text[tokens[k][1]:tokens[k + 1][0]].strip(" -\n") for k in
                             range(i, i + n - 1)):
                continue
            key = (*words[:-1], singular[i + n - 1])
            found = list(index.exact.get(key, []))
            for head, prefix, topic in index.prefixes:
                if len(head) == n - 1 and tuple(words[:-1]) == head and \
                        words[-1].startswith(prefix) and topic not in found:
                    found.append(topic)
            if found:
                matched = n
                break
        if matched:
            a, b = tokens[i][0], tokens[i + matched - 1][1]
            hits.extend(TopicHit(t.slug, t.label, text[a:b], a, b) for t in found)
            i += matched
        else:
            i += 1
    for topic in topics:
        if topic.pattern is not None:
            hits.extend(TopicHit(topic.slug, topic.label, m.group(0), m.start(), m.end())
                        for m in topic.pattern.finditer(text, start, end))
    hits.sort(key=lambda h: (h.start, -h.end))
    if not first_only:
        return hits
    first: dict[str, TopicHit] = {}
    for hit in hits:
        first.setdefault(hit.slug, hit)
    return list(first.values())


def topic_label(slug: str) -> str:
    for topic in taxonomy():
        if topic.slug == slug:
            return topic.label
    return slug
