from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.exc import StatementError

from bot.storage import Database, open_database
from bot.storage.debtors import upsert_record
from bot.storage.models import Account, Base, Debtor
from tests.bot.storage.factories import make_record, with_tier


def test_migrations_create_exactly_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"


def test_sqlite_connection_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINDCALL_VAR", str(tmp_path / "var"))
    monkeypatch.delenv("KINDCALL_DATABASE_URL", raising=False)
    monkeypatch.delenv("KINDCALL_DATA_KEY", raising=False)
    db = open_database()
    assert str(db.engine.url) == f"sqlite:///{tmp_path / 'var' / 'kindcall.db'}"
    assert (tmp_path / "var" / "data.key").exists()
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    db.close()


def test_datetimes_come_back_aware_utc_and_money_exact(db: Database) -> None:
    shanghai = timezone(timedelta(hours=8))
    with db.transaction(write=True) as session:
        upsert_record(
            session,
            db.vault,
            make_record(1, amount_due=Decimal("10000000.01"), due_date=date(2027, 1, 31)),
            with_tier(3),
        )
        debtor = session.scalars(select(Debtor)).one()
        debtor.in_flight_until = datetime(2026, 3, 1, 9, 30, 0, 123456, tzinfo=shanghai)
    with db.transaction() as session:
        debtor = session.scalars(select(Debtor)).one()
        account = session.scalars(select(Account)).one()
        assert debtor.in_flight_until == datetime(2026, 3, 1, 1, 30, 0, 123456, tzinfo=UTC)
        assert debtor.in_flight_until is not None and debtor.in_flight_until.tzinfo is not None
        assert account.amount_due == Decimal("10000000.01")
        assert isinstance(account.amount_due, Decimal)
        assert account.due_date == date(2027, 1, 31)


def test_naive_datetime_is_refused(db: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime 2026-03-01T09:30:00 given"):
        with db.sessions.begin() as session:
            upsert_record(session, db.vault, make_record(1), with_tier(3))
            debtor = session.scalars(select(Debtor)).one()
            debtor.in_flight_until = datetime(2026, 3, 1, 9, 30)
            session.flush()


def test_foreign_keys_enforced(db: Database) -> None:
    from bot.errors import StorageError

    with pytest.raises(StorageError, match="IntegrityError"):
        with db.transaction(write=True) as session:
            session.execute(
                text(
                    "INSERT INTO contact (debtor_id, phone_enc, phone_bidx, is_primary, "
                    "created_at) VALUES (999, :b, 'x', true, :t)"
                ),
                {"b": b"\x01", "t": datetime(2026, 1, 1, tzinfo=UTC)},
            )


def test_bad_urls_are_clear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.errors import ConfigError, StorageError

    monkeypatch.setenv("KINDCALL_VAR", str(tmp_path))
    with pytest.raises(ConfigError, match="invalid database URL 'not a url'"):
        open_database("not a url")
    with pytest.raises(ConfigError, match="unsupported database 'mysql'"):
        open_database("mysql://localhost/x")
    with pytest.raises(StorageError, match="cannot open database"):
        open_database("postgresql+psycopg://postgres@127.0.0.1:1/nowhere?connect_timeout=2")
