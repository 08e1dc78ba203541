"""The store's tables (SQLAlchemy 2 declarative models).

The schema itself is created and changed only by the Alembic migrations in
`dashboard/store/migrations/versions/`; these classes must match the latest one (a test
compares them). Every JSON column holds plain JSON (dates as ISO strings).

- `articles`: an article's text and metadata, and the SHA-256 of its text.
- `trips`: a saved trip: its id (slug + unguessable part), the article, the extracted trip in
  the `python -m dashboard.extract` JSON shape with the extractor's version, and `version`,
  the number of its latest revision (0: never corrected), for optimistic concurrency.
- `folder_corrections`: corrections of a trip read from the articles folder, keyed by the
  SHA-256 of the article's text, so they outlive a restart and a new extractor and can be
  flagged for review when the text under that file name changes.
- `revisions`: every correction, numbered 1, 2, ... per trip (or per folder article).
- `extraction_cache`: what the extractor made of an article text, keyed by the SHA-256 of the
  text and the extractor's version (rules, spaCy model and their versions), so a restart
  does not run the language model over articles it has already read
  (`dashboard.store.extraction_cache`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

HASH_LENGTH = 64
TRIP_ID_LENGTH = 120


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    content_hash: Mapped[str] = mapped_column(String(HASH_LENGTH), index=True)
    name: Mapped[str] = mapped_column(String(255))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(Text)
    header: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class TripRow(Base):
    __tablename__ = "trips"

    id: Mapped[str] = mapped_column(String(TRIP_ID_LENGTH), primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    extracted: Mapped[dict[str, Any]] = mapped_column(JSON)
    extractor_version: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class FolderCorrectionRow(Base):
    __tablename__ = "folder_corrections"

    content_hash: Mapped[str] = mapped_column(String(HASH_LENGTH), primary_key=True)
    article_name: Mapped[str] = mapped_column(String(255), index=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    carried_from: Mapped[str | None] = mapped_column(String(HASH_LENGTH))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class RevisionRow(Base):
    __tablename__ = "revisions"
    __table_args__ = (
        UniqueConstraint("trip_id", "number", name="uq_revisions_trip_number"),
        UniqueConstraint("article_hash", "number", name="uq_revisions_article_number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    trip_id: Mapped[str | None] = mapped_column(ForeignKey("trips.id"), index=True)
    article_hash: Mapped[str | None] = mapped_column(
        ForeignKey("folder_corrections.content_hash"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    stops: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class TripGroupingRow(Base):
    """A reader's join or split of trips (`dashboard.merging.decisions`), migration 0003.

    `articles` is a JSON list of {"hash": SHA-256 of the article text, "name": file name};
    the hashes decide, the names are for people. Undoing sets `undone_at` (the row stays, so
    what was decided and undone can be seen); the active decisions apply in `id` order."""

    __tablename__ = "trip_groupings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action: Mapped[str] = mapped_column(String(10))
    articles: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), index=True)


EXTRACTOR_VERSION_LENGTH = 200


class ExtractionCacheRow(Base):
    __tablename__ = "extraction_cache"

    content_hash: Mapped[str] = mapped_column(String(HASH_LENGTH), primary_key=True)
    extractor_version: Mapped[str] = mapped_column(String(EXTRACTOR_VERSION_LENGTH),
                                                   primary_key=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
