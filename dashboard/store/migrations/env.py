"""Alembic environment: run the migrations on the connection `store.engine` hands over.

The store builds Alembic's Config in code (no alembic.ini) and passes an open connection in
`config.attributes["connection"]`, so migrations run the same from a checkout, an installed
package or any working directory.
"""

from __future__ import annotations

from alembic import context

from dashboard.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the store always passes a connection
    raise RuntimeError("run the store's migrations through dashboard.store.engine.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place: batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
