from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.campaigns import (
    PlanAccount,
    campaign_status,
    claim_next,
    create_campaign,
    load_strategy,
    plan,
    plan_campaign,
)
from bot.errors import ComplianceError, StorageError
from bot.storage import Database
from bot.storage.debtors import upsert_record
from bot.storage.models import Account, AuditEvent, CallAttempt, Contact, Debtor
from tests.bot.campaigns.helpers import MONDAY, populate
from tests.bot.storage.factories import make_record, with_tier


def test_plan_counts_by_tier_and_replans_idempotently(db: Database) -> None:
    with db.transaction(write=True) as session:
        for n, tier in enumerate([1, 2, 3, 3, 4, 5]):
            upsert_record(session, db.vault, make_record(n), with_tier(tier))
    create_campaign(db, "all", profile="cn", locale="zh")
    report = plan_campaign(db, "all", MONDAY, 1)
    # tier 1: every third day (account id 1: (ordinal + 1) % 3 on 2026-03-02 → 0 or not)
    day_class = (MONDAY.date().toordinal() + 1) % 3 == 0
    assert report.by_tier == {**({1: 1} if day_class else {}), 2: 1, 3: 6, 4: 2, 5: 2}
    assert (report.replaced, report.kept) == (0, 0)
    again = plan_campaign(db, "all", MONDAY, 1)
    assert (again.planned, again.replaced, again.kept) == (report.planned, report.planned, 0)
    with db.transaction() as session:
        times = session.scalars(
            select(CallAttempt.planned_at).where(CallAttempt.tier == 3).order_by(CallAttempt.id)
        ).all()
        assert sorted(set(times)) == [
            datetime(2026, 3, 2, 1, tzinfo=UTC),
            datetime(2026, 3, 2, 6, tzinfo=UTC),
            datetime(2026, 3, 2, 11, tzinfo=UTC),
        ]
        kinds = session.scalars(select(AuditEvent.kind).order_by(AuditEvent.seq)).all()
        assert kinds == ["campaign_create", "campaign_plan", "campaign_plan"]


def test_replan_keeps_claimed_slots(db: Database) -> None:
    populate(db, 2)
    campaign = create_campaign(db, "c", profile="cn", locale="zh", tiers=[3])
    plan_campaign(db, "c", MONDAY, 1)
    claimed = claim_next(db, campaign.id, "w1", datetime(2026, 3, 2, 1, 5, tzinfo=UTC))
    assert claimed is not None
    again = plan_campaign(db, "c", MONDAY, 1)
    assert (again.planned, again.replaced, again.kept) == (5, 5, 1)


def test_tier_filter_and_errors(db: Database) -> None:
    populate(db, 3, tier=4)
    create_campaign(db, "t3", profile="us-regf", locale="en", tiers=[3])
    assert plan_campaign(db, "t3", MONDAY, 2).planned == 0
    with pytest.raises(StorageError, match="campaign 't3' already exists"):
        create_campaign(db, "t3", profile="cn", locale="zh")
    with pytest.raises(ComplianceError, match="nope"):
        create_campaign(db, "x", profile="nope", locale="zh")
    with pytest.raises(StorageError, match=r"no campaign 'zz' \(known: t3\)"):
        plan_campaign(db, "zz", MONDAY, 1)
    status = campaign_status(db, "t3")
    assert (status.profile, status.status, status.by_state) == ("us-regf", "planned", {})


def test_database_plan_equals_pure_plan(db: Database) -> None:
    zones = ["Asia/Shanghai", "America/New_York", "America/Los_Angeles", "Europe/London"]
    with db.transaction(write=True) as session:
        for n in range(40):
            record = make_record(n, timezone=zones[n % 4])
            upsert_record(session, db.vault, record, with_tier(1 + n % 5))
    create_campaign(db, "mix", profile="cn", locale="zh", tiers=[1, 3, 4])
    start = datetime(2026, 3, 6, 5, 17, tzinfo=UTC)  # a Friday, mid-day somewhere
    report = plan_campaign(db, "mix", start, 4)
    with db.transaction() as session:
        accounts = [
            PlanAccount(account.id, contact.id, account.tier or 0, debtor.timezone)
            for account, contact, debtor in session.execute(
                select(Account, Contact, Debtor)
                .join(Debtor, Debtor.id == Account.debtor_id)
                .join(Contact, Contact.debtor_id == Debtor.id)
                .where(Account.tier.in_([1, 3, 4]))
            ).all()
        ]
        stored = sorted(
            (a.account_id, a.contact_id, a.tier, a.planned_at)
            for a in session.scalars(select(CallAttempt))
        )
    expected = sorted(
        (p.account_id, p.contact_id, p.tier, p.at)
        for p in plan(accounts, load_strategy(), start, start + timedelta(days=4))
    )
    assert stored == expected and report.planned == len(expected) > 0
