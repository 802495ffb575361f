"""Large plans on PostgreSQL check the attempts' foreign keys once, and never fewer rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import cast

import pytest
from sqlalchemy import Table, insert, inspect, select
from sqlalchemy.exc import IntegrityError

from bot.campaigns import create_campaign, plan_campaign
from bot.campaigns import planning as planning_module
from bot.storage import Database, open_database
from bot.storage.bulk import foreign_keys_checked_once
from bot.storage.database import create_database_engine
from bot.storage.models import Account, CallAttempt, Campaign, Contact, Debtor
from bot.storage.testing import truncate_all
from tests.bot.campaigns.helpers import MONDAY, populate
from tests.bot.storage.dbfixtures import TEST_KEY

ATTEMPTS = cast(Table, CallAttempt.__table__)
ORDER = [cast(Table, m.__table__) for m in (Campaign, CallAttempt, Account, Contact)]


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    engine = create_database_engine(pg_url)
    truncate_all(engine)
    engine.dispose()
    database = open_database(pg_url, master_key=TEST_KEY)
    yield database
    database.close()


def _foreign_keys(db: Database) -> list[tuple[str | None, str, str | None]]:
    with db.engine.connect() as conn:
        return sorted(
            (fk["name"], fk["referred_table"], fk["options"].get("ondelete"))
            for fk in inspect(conn).get_foreign_keys("call_attempt")
        )


EXPECTED_FKS = [
    ("fk_call_attempt_account_id_account", "account", "CASCADE"),
    ("fk_call_attempt_campaign_id_campaign", "campaign", "CASCADE"),
    ("fk_call_attempt_contact_id_contact", "contact", "CASCADE"),
]


def _planned(db: Database) -> list[tuple[int, int, int, datetime]]:
    with db.transaction() as session:
        return sorted(
            (a.account_id, a.contact_id, a.tier, a.planned_at)
            for a in session.scalars(select(CallAttempt))
        )


def test_bulk_path_plans_the_same_attempts(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    populate(db, 4)
    create_campaign(db, "row", profile="cn", locale="zh")
    by_row = plan_campaign(db, "row", MONDAY, 2)
    row_attempts = _planned(db)
    with db.transaction(write=True) as session:
        session.execute(ATTEMPTS.delete())
    monkeypatch.setattr(planning_module, "BULK_ACCOUNTS", 0)
    create_campaign(db, "bulk", profile="cn", locale="zh")
    by_bulk = plan_campaign(db, "bulk", MONDAY, 2)
    again = plan_campaign(db, "bulk", MONDAY, 2)
    assert (by_bulk.planned, by_bulk.by_tier) == (by_row.planned, by_row.by_tier) == (24, {3: 24})
    assert (again.planned, again.replaced, again.kept) == (24, 24, 0)
    assert _planned(db) == row_attempts
    assert _foreign_keys(db) == EXPECTED_FKS


@pytest.mark.postgres
def test_a_violating_row_fails_the_load_and_keeps_the_constraints(pg_db: Database) -> None:
    db = pg_db
    campaign = create_campaign(db, "c", profile="cn", locale="zh")
    at = datetime(2026, 3, 2, 1, tzinfo=UTC)
    row = {
        "campaign_id": campaign.id,
        "account_id": 999,
        "contact_id": 999,
        "tier": 3,
        "state": "planned",
        "planned_at": at,
        "scheduled_at": at,
        "reschedules": 0,
    }
    with pytest.raises(IntegrityError, match="fk_call_attempt_account_id_account"):
        with db.engine.begin() as conn, foreign_keys_checked_once(conn, ATTEMPTS, ORDER):
            conn.execute(insert(ATTEMPTS), [row])
    assert _foreign_keys(db) == EXPECTED_FKS
    with db.transaction() as session:
        assert session.scalars(select(CallAttempt.id)).all() == []


def test_refuses_sqlite_and_an_incomplete_lock_order(db: Database) -> None:
    with db.engine.begin() as conn:
        if db.dialect == "sqlite":
            with pytest.raises(ValueError, match="foreign keys are checked per row on sqlite"):
                with foreign_keys_checked_once(conn, ATTEMPTS, ORDER):
                    pass  # pragma: no cover
            return
        short = [ATTEMPTS, cast(Table, Account.__table__), cast(Table, Debtor.__table__)]
        with pytest.raises(ValueError, match="lock_order misses campaign, contact"):
            with foreign_keys_checked_once(conn, ATTEMPTS, short):
                pass  # pragma: no cover
