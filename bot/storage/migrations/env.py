"""Alembic environment: use the caller's connection, or KindCall's URL resolution."""

from __future__ import annotations

from alembic import context

from bot.storage.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite needs batch mode for ALTER TABLE
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from bot.storage.database import create_database_engine, resolve_url

    engine = create_database_engine(resolve_url())
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
