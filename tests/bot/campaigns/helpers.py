"""Build a small imported population and a planned campaign for claim tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.campaigns import create_campaign, plan_campaign
from bot.storage import Database
from bot.storage.debtors import upsert_record
from bot.storage.models import Account, CallAttempt, Campaign, Contact
from tests.bot.storage.factories import make_record, with_tier

SH = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2026, 3, 2, tzinfo=SH)


def populate(db: Database, n: int, *, tier: int = 3, profile: str = "cn") -> None:
    with db.transaction(write=True) as session:
        for i in range(n):
            upsert_record(session, db.vault, make_record(i, profile=profile), with_tier(tier))


def planned_campaign(db: Database, n: int, *, name: str = "spring") -> Campaign:
    populate(db, n)
    campaign = create_campaign(db, name, profile="cn", locale="zh")
    plan_campaign(db, name, MONDAY, 1)
    return campaign


def add_attempts(
    db: Database, campaign_id: int, external: str, at: datetime, count: int
) -> list[int]:
    """``count`` extra planned attempts for one debtor, all due at ``at``."""
    with db.transaction(write=True) as session:
        account = session.scalars(
            select(Account).where(Account.account_ref == external.replace("EXT", "ACC"))
        ).one()
        contact = session.scalars(
            select(Contact).where(Contact.debtor_id == account.debtor_id)
        ).one()
        rows = [
            CallAttempt(
                campaign_id=campaign_id,
                account_id=account.id,
                contact_id=contact.id,
                tier=3,
                planned_at=at + timedelta(seconds=i),
                scheduled_at=at + timedelta(seconds=i),
            )
            for i in range(count)
        ]
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]
