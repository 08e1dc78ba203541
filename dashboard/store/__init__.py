"""The store: saved trips, readers' corrections and their revisions, in a real database.

SQLAlchemy 2 over SQLite (default: `var/trips.sqlite3`) or PostgreSQL (`TRIP_DATABASE_URL`
= `postgresql+psycopg://...`), schema managed by the Alembic migrations shipped in
`dashboard/store/migrations/`. See `settings` (where), `engine` (connect and migrate),
`repository` (read and write), `corrections` (what a correction is and how it applies).

    from dashboard.store import TripStore, open_engine, database_url

    store = TripStore(open_engine(database_url()))
    trip_id = store.save(trip)
    stored = store.load(trip_id)            # StoredTrip: .trip (corrected), .version
"""

from dashboard.store.corrections import StopEdit, apply_corrections, check_edits
from dashboard.store.engine import StoreError, StoreReadOnly, StoreUnavailable, open_engine
from dashboard.store.repository import (
    ConflictError,
    InvalidEdit,
    NotFound,
    StoredTrip,
    Subject,
    TripStore,
    content_hash,
)
from dashboard.store.settings import SettingsError, database_url

__all__ = [
    "ConflictError", "InvalidEdit", "NotFound", "SettingsError", "StopEdit", "StoreError",
    "StoreReadOnly", "StoreUnavailable", "StoredTrip", "Subject", "TripStore",
    "apply_corrections", "check_edits", "content_hash", "database_url", "open_engine",
]
