"""Reading and writing saved trips, corrections and their revisions.

`TripStore(engine)` is the only code that touches the tables. Every statement goes through
SQLAlchemy with bound parameters (no SQL is built from text a visitor or an article gave).

Two kinds of subject can be corrected:

- a **saved trip** (`Subject.saved(trip_id)`): an article a visitor saved; the extraction is
  stored with it, so it looks the same after a restart and on every replica;
- a **folder article** (`Subject.folder(content_hash, name)`): a trip read from the articles
  folder; only its corrections are stored, keyed by the SHA-256 of the article text, and
  applied to each new extraction of that text.

Writes are versioned (optimistic concurrency): a correction names the version it was made
on (`base_version`, the number of the latest revision it saw); when another correction was
saved in between, `ConflictError` is raised and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, TypeVar

from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from dashboard.models import Trip
from dashboard.store.corrections import (
    CorrectionSet,
    StopEdit,
    apply_corrections,
    check_edits,
    edits_from_trip,
)
from dashboard.store.engine import StoreError, explain
from dashboard.store.ids import looks_like_saved_id, new_trip_id
from dashboard.store.schema import ArticleRow, FolderCorrectionRow, RevisionRow, TripRow
from dashboard.store.trip_json import stored_json, trip_from_json

T = TypeVar("T")
Action = Literal["correct", "restore", "reset"]


class ConflictError(StoreError):
    """Someone saved this trip since it was loaded; reload, then correct again."""

    def __init__(self, current_version: int, base_version: int) -> None:
        super().__init__(
            f"This trip was changed by someone else while you edited it (it is now at "
            f"revision {current_version}, you started from revision {base_version}). "
            "Your edit was not saved: reload the trip and make it again.")
        self.current_version = current_version
        self.base_version = base_version


class NotFound(StoreError):
    """No saved trip (or revision) by that id."""


class InvalidEdit(StoreError):
    """An edit with values that cannot be saved (see `check_edits`)."""

    def __init__(self, problems: Sequence[object]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = list(problems)


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the article text as UTF-8: the key of a folder article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def extractor_version() -> str:
    """The package version and a digest of the extraction rules and data files, so a trip
    records which extractor read it (`0.1.0+3f2a9c1e04bd`)."""
    from dashboard import __version__

    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    files = [*sorted((package / "extraction").glob("*.py")), package / "articles.py"]
    data = package.parent / "data"
    if data.is_dir():
        files += sorted(p for p in data.iterdir() if p.suffix in (".toml", ".csv", ".gz"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


@dataclass(frozen=True)
class Subject:
    """What a correction is about: a saved trip, or an article of the folder."""

    kind: Literal["saved", "folder"]
    key: str
    """The saved trip's id, or the SHA-256 of the folder article's text."""
    name: str | None = None
    """The folder article's file name (to flag corrections when its text changes)."""

    @classmethod
    def saved(cls, trip_id: str) -> Subject:
        return cls("saved", trip_id)

    @classmethod
    def folder(cls, text_hash: str, name: str) -> Subject:
        return cls("folder", text_hash, name)


@dataclass(frozen=True)
class Revision:
    """One saved correction, for the History view."""

    number: int
    action: str
    created_at: dt.datetime
    note: str | None
    edits: list[StopEdit]


@dataclass(frozen=True)
class StoredTrip:
    """A trip as the store holds it now."""

    subject: Subject
    extracted: Trip
    """The trip as the extractor read it."""
    trip: Trip
    """The trip as shown: the latest revision applied (== extracted when never corrected)."""
    edits: list[StopEdit]
    """The latest revision's stops (or the extracted ones): where a new correction starts."""
    version: int
    """Number of the latest revision (0: never corrected); pass it back as base_version."""
    corrected_at: dt.datetime | None
    extractor_version: str | None = None
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class StaleCorrections:
    """Corrections saved for a folder article whose text has changed since."""

    name: str
    old_hash: str
    version: int
    edits: list[StopEdit]
    corrected_at: dt.datetime


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes for what was written as UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _edits(data: dict) -> list[StopEdit]:
    return CorrectionSet.model_validate(data).stops


class TripStore:
    """Saved trips and corrections over one SQLAlchemy engine (SQLite or PostgreSQL).

    Every method raises `StoreUnavailable`/`StoreReadOnly` (from `store.engine`) when the
    database fails, with a message for people; `ConflictError`, `NotFound` and `InvalidEdit`
    as documented per method."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _run(self, work: Callable[[Session], T]) -> T:
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                return work(session)
        except StoreError:
            raise
        except SQLAlchemyError as exc:
            raise explain(exc, self.engine.url.render_as_string()) from None

    # --- saving -------------------------------------------------------------------------

    def save(self, trip: Trip, name: str | None = None) -> str:
        """Store an extracted trip with its article; returns its new id (slug of the trip's
        id + 70 random bits). The same article saved twice gets two independent ids."""
        now = _now()
        trip_id = new_trip_id(trip.id)

        def work(session: Session) -> str:
            article = ArticleRow(
                content_hash=content_hash(trip.article.text),
                name=(name or trip.article.path)[:255], title=trip.article.title,
                published=trip.article.published, source=trip.article.source,
                header=dict(trip.article.header), text=trip.article.text, created_at=now,
            )
            session.add(article)
            session.flush()
            saved = trip.model_copy(update={"id": trip_id})
            session.add(TripRow(id=trip_id, article_id=article.id, extracted=stored_json(saved),
                                extractor_version=extractor_version(), version=0,
                                created_at=now, updated_at=now))
            return trip_id

        return self._run(work)

    # --- reading ------------------------------------------------------------------------

    def load(self, trip_id: str) -> StoredTrip | None:
        """The saved trip `trip_id` with its corrections applied, or None when there is none.
        A value that is not shaped like a saved id is not looked up at all."""
        if not looks_like_saved_id(trip_id):
            return None

        def work(session: Session) -> StoredTrip | None:
            row = session.get(TripRow, trip_id)
            if row is None:
                return None
            article = session.get(ArticleRow, row.article_id)
            assert article is not None  # foreign key
            extracted = trip_from_json(row.extracted, article.text)
            latest = _latest_revision(session, Subject.saved(trip_id))
            return _stored(Subject.saved(trip_id), extracted, latest, row.version,
                           row.extractor_version, _aware(row.created_at))

        return self._run(work)

    def load_folder(self, extracted: Trip) -> StoredTrip | None:
        """A folder trip with its stored corrections applied, or None when it has none.
        Looked up by the SHA-256 of its article text."""
        subject = Subject.folder(content_hash(extracted.article.text), extracted.article.path)

        def work(session: Session) -> StoredTrip | None:
            row = session.get(FolderCorrectionRow, subject.key)
            if row is None:
                return None
            latest = _latest_revision(session, subject)
            return _stored(subject, extracted, latest, row.version, None,
                           _aware(row.created_at))

        return self._run(work)

    def versions(self, subjects: Sequence[Subject]) -> dict[str, int]:
        """key -> current version of the subjects that exist: saved trips (any version) and
        folder articles with at least one revision. One query per kind; cheap per rerun."""
        saved = [s.key for s in subjects if s.kind == "saved" and looks_like_saved_id(s.key)]
        folder = [s.key for s in subjects if s.kind == "folder"]

        def work(session: Session) -> dict[str, int]:
            found: dict[str, int] = {}
            if saved:
                rows = session.execute(
                    select(TripRow.id, TripRow.version).where(TripRow.id.in_(saved)))
                found.update({key: version for key, version in rows})
            if folder:
                rows = session.execute(
                    select(FolderCorrectionRow.content_hash, FolderCorrectionRow.version)
                    .where(FolderCorrectionRow.content_hash.in_(folder),
                           FolderCorrectionRow.version > 0))
                found.update({key: version for key, version in rows})
            return found

        return self._run(work)

    def folder_corrections(self, hashes: Sequence[str]) -> set[str]:
        """Which of these article hashes have stored corrections (one query for a folder)."""
        if not hashes:
            return set()

        def work(session: Session) -> set[str]:
            rows = session.scalars(select(FolderCorrectionRow.content_hash).where(
                FolderCorrectionRow.content_hash.in_(list(hashes)),
                FolderCorrectionRow.version > 0))
            return set(rows)

        return self._run(work)

    def stale_corrections(self, name: str, current_hash: str) -> StaleCorrections | None:
        """The latest corrections saved for the file `name` under an earlier text (another
        hash), when the current text has none of its own: they need a reader's review."""
        def work(session: Session) -> StaleCorrections | None:
            if session.get(FolderCorrectionRow, current_hash) is not None:
                return None
            row = session.scalars(
                select(FolderCorrectionRow)
                .where(FolderCorrectionRow.article_name == name,
                       FolderCorrectionRow.content_hash != current_hash,
                       FolderCorrectionRow.version > 0)
                .order_by(FolderCorrectionRow.updated_at.desc()).limit(1)).first()
            if row is None:
                return None
            latest = _latest_revision(session, Subject.folder(row.content_hash, name))
            if latest is None:
                return None
            return StaleCorrections(name=name, old_hash=row.content_hash, version=row.version,
                                    edits=_edits(latest.stops),
                                    corrected_at=_aware(latest.created_at))

        return self._run(work)

    def history(self, subject: Subject) -> list[Revision]:
        """Every revision of `subject`, newest first. Raises NotFound for an unknown trip."""
        def work(session: Session) -> list[Revision]:
            self._head(session, subject, lock=False)
            rows = session.scalars(_revisions_of(subject).order_by(RevisionRow.number.desc()))
            return [Revision(number=r.number, action=r.action, created_at=_aware(r.created_at),
                             note=r.note, edits=_edits(r.stops)) for r in rows]

        return self._run(work)

    # --- writing ------------------------------------------------------------------------

    def correct(self, subject: Subject, edits: Sequence[StopEdit], base_version: int, *,
                action: Action = "correct", note: str | None = None) -> int:
        """Save `edits` as the next revision of `subject`; returns its number.

        Raises InvalidEdit (nothing saved) when `check_edits` finds a problem, ConflictError
        when the subject's version is no longer `base_version`, NotFound for an unknown
        saved trip. A folder article gets its corrections record on its first revision."""
        problems = check_edits(edits)
        if problems:
            raise InvalidEdit(problems)
        payload = CorrectionSet(stops=list(edits)).model_dump(mode="json")
        now = _now()

        def work(session: Session) -> int:
            head = self._head(session, subject, lock=False, create=True, now=now)
            table = type(head)
            key_column = table.id if table is TripRow else table.content_hash
            # The compare-and-set: only the writer that still sees base_version moves it on.
            moved = session.execute(
                update(table).where(key_column == subject.key, table.version == base_version)
                .values(version=base_version + 1, updated_at=now)
                .execution_options(synchronize_session=False))
            if moved.rowcount != 1:
                current = session.scalar(select(table.version).where(key_column == subject.key))
                raise ConflictError(int(current or 0), base_version)
            session.add(RevisionRow(
                trip_id=subject.key if subject.kind == "saved" else None,
                article_hash=subject.key if subject.kind == "folder" else None,
                number=base_version + 1, action=action, stops=payload, note=note,
                created_at=now))
            return base_version + 1

        try:
            return self._run(work)
        except StoreError:
            raise
        except IntegrityError:  # pragma: no cover - the unique (subject, number) backstop
            raise ConflictError(base_version + 1, base_version) from None

    def restore(self, subject: Subject, number: int, base_version: int) -> int:
        """A new revision with the stops of revision `number`; returns its number."""
        def work(session: Session) -> RevisionRow:
            self._head(session, subject, lock=False)
            row = session.scalars(_revisions_of(subject).where(RevisionRow.number == number)
                                  ).first()
            if row is None:
                raise NotFound(f"no revision {number} of this trip")
            return row

        row = self._run(work)
        return self.correct(subject, _edits(row.stops), base_version, action="restore",
                            note=f"restored revision {number}")

    def reset(self, subject: Subject, extracted: Trip, base_version: int) -> int:
        """A new revision with the extracted stops: every correction undone (history kept)."""
        return self.correct(subject, edits_from_trip(extracted), base_version, action="reset",
                            note="reset to the extracted trip")

    def carry_over(self, stale: StaleCorrections, extracted: Trip) -> int:
        """A reader reviewed corrections made on an earlier text of a folder article: store
        them for the current text (a new record keyed by its hash; the old one stays)."""
        subject = Subject.folder(content_hash(extracted.article.text), stale.name)
        edits = [e for e in stale.edits if e.origin is None or e.origin < len(extracted.stops)]
        number = self.correct(subject, edits, 0, action="restore",
                              note=f"carried over from an earlier text ({stale.old_hash[:12]})")

        def mark(session: Session) -> None:
            session.execute(update(FolderCorrectionRow)
                            .where(FolderCorrectionRow.content_hash == subject.key)
                            .values(carried_from=stale.old_hash))

        self._run(mark)
        return number

    # --- helpers --------------------------------------------------------------------------

    def _head(self, session: Session, subject: Subject, *, lock: bool, create: bool = False,
              now: dt.datetime | None = None) -> TripRow | FolderCorrectionRow:
        if subject.kind == "saved":
            row = session.get(TripRow, subject.key) if looks_like_saved_id(subject.key) \
                else None
            if row is None:
                raise NotFound(f"no saved trip '{subject.key[:40]}'")
            return row
        folder = session.get(FolderCorrectionRow, subject.key)
        if folder is None:
            if not create:
                raise NotFound("no corrections saved for this article")
            folder = FolderCorrectionRow(content_hash=subject.key,
                                         article_name=(subject.name or "")[:255], version=0,
                                         created_at=now or _now(), updated_at=now or _now())
            session.add(folder)
            try:
                with session.begin_nested():
                    session.flush()
            except IntegrityError:  # another writer created it first: use theirs
                folder = session.get(FolderCorrectionRow, subject.key, populate_existing=True)
                assert folder is not None
        return folder

    def count_trips(self) -> int:
        """How many trips are saved (for the status line and tests)."""
        return self._run(lambda s: int(s.scalar(select(func.count()).select_from(TripRow))
                                       or 0))


def _revisions_of(subject: Subject):  # type: ignore[no-untyped-def]
    column = RevisionRow.trip_id if subject.kind == "saved" else RevisionRow.article_hash
    return select(RevisionRow).where(column == subject.key)


def _latest_revision(session: Session, subject: Subject) -> RevisionRow | None:
    return session.scalars(_revisions_of(subject).order_by(RevisionRow.number.desc())
                           .limit(1)).first()


def _stored(subject: Subject, extracted: Trip, latest: RevisionRow | None, version: int,
            extractor: str | None, created_at: dt.datetime | None) -> StoredTrip:
    if latest is None:
        return StoredTrip(subject=subject, extracted=extracted, trip=extracted,
                          edits=edits_from_trip(extracted), version=version, corrected_at=None,
                          extractor_version=extractor, created_at=created_at)
    edits = _edits(latest.stops)
    when = _aware(latest.created_at)
    return StoredTrip(subject=subject, extracted=extracted,
                      trip=apply_corrections(extracted, edits, when), edits=edits,
                      version=version, corrected_at=when, extractor_version=extractor,
                      created_at=created_at)
