"""Re-planning a window gives exactly what a first plan of the same data gives."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from bot.campaigns import claim_next, create_campaign, plan_campaign, release_attempt
from bot.storage import Database, audit
from bot.storage.models import Account, AuditEvent, CallAttempt, Campaign
from tests.bot.campaigns.helpers import MONDAY, SH, populate

FIELDS = (
    "account_id",
    "contact_id",
    "tier",
    "state",
    "planned_at",
    "scheduled_at",
    "reschedules",
    "claimed_at",
    "claimed_by",
    "dialled_at",
    "completed_at",
    "result",
    "compliance",
    "script_version",
)


def _rows(db: Database, campaign: str) -> list[tuple[Any, ...]]:
    with db.transaction() as session:
        attempts = session.scalars(
            select(CallAttempt)
            .join(Campaign, Campaign.id == CallAttempt.campaign_id)
            .where(Campaign.name == campaign)
        )
        return sorted(
            (tuple(getattr(a, f) for f in FIELDS) for a in attempts),
            key=lambda row: repr(row),
        )


def test_replan_after_checks_and_a_tier_change_equals_a_fresh_plan(db: Database) -> None:
    populate(db, 3)
    campaign = create_campaign(db, "a", profile="cn", locale="zh")
    first = plan_campaign(db, "a", MONDAY, 2)
    # 22:30: every due attempt is checked and moved to 08:00 next morning (still planned).
    assert claim_next(db, campaign.id, "w1", datetime(2026, 3, 2, 22, 30, tzinfo=SH)) is None
    # 09:05 next day: one claim, then released (it keeps its compliance snapshot).
    claimed = claim_next(db, campaign.id, "w1", datetime(2026, 3, 3, 9, 5, tzinfo=SH))
    assert claimed is not None
    release_attempt(db, claimed.attempt_id, "shutting down")
    with db.transaction(write=True) as session:
        session.execute(update(Account).where(Account.id == 3).values(tier=4))

    again = plan_campaign(db, "a", MONDAY, 2)

    create_campaign(db, "b", profile="cn", locale="zh")
    fresh = plan_campaign(db, "b", MONDAY, 2)
    assert _rows(db, "a") == _rows(db, "b")
    assert (again.planned, again.kept, again.by_tier) == (fresh.planned, 0, {3: 12, 4: 4})
    assert again.replaced == first.planned == 18
    with db.transaction() as session:
        payloads = session.scalars(
            select(AuditEvent.payload)
            .where(AuditEvent.kind == "campaign_plan")
            .order_by(AuditEvent.seq)
        ).all()
        assert payloads[1]["replaced"] == 18 and payloads[1]["planned"] == 16
        assert audit.verify(session).ok


def test_replan_keeps_a_claimed_slot_and_drops_its_planned_twin(db: Database) -> None:
    populate(db, 1)
    campaign = create_campaign(db, "a", profile="cn", locale="zh")
    plan_campaign(db, "a", MONDAY, 1)
    claimed = claim_next(db, campaign.id, "w1", datetime(2026, 3, 2, 9, 5, tzinfo=SH))
    assert claimed is not None
    with db.transaction(write=True) as session:
        taken = session.get_one(CallAttempt, claimed.attempt_id)
        session.add(
            CallAttempt(
                campaign_id=campaign.id,
                account_id=taken.account_id,
                contact_id=taken.contact_id,
                tier=taken.tier,
                planned_at=taken.planned_at,
                scheduled_at=taken.planned_at,
            )
        )
    again = plan_campaign(db, "a", MONDAY, 1)
    assert (again.planned, again.replaced, again.kept) == (2, 3, 1)
    with db.transaction() as session:
        states = sorted(session.scalars(select(CallAttempt.state)).all())
        assert states == ["claimed", "planned", "planned"]
