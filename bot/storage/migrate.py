"""Apply the Alembic migrations programmatically (no ``alembic.ini`` needed at run time).

``alembic -c bot/storage/migrations/alembic.ini upgrade head`` works too, for operators; it
reads the URL from ``KINDCALL_DATABASE_URL`` like the application.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Arbitrary constant: the PostgreSQL advisory lock that serialises concurrent upgrades.
_MIGRATION_LOCK = 0x4B43_0001


def alembic_config() -> Config:
    """An Alembic config pointing at KindCall's migration scripts."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to the newest revision, safely when several processes start at once."""
    config = alembic_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
