from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.campaigns import (
    campaign_status,
    claim_next,
    complete_attempt,
    mark_dialled,
    release_attempt,
)
from bot.errors import StorageError
from bot.storage import Database, audit
from bot.storage.models import Account, AttemptResult, AuditEvent, CallAttempt, Debtor
from bot.storage.optouts import record_opt_out
from tests.bot.campaigns.helpers import SH, add_attempts, planned_campaign

AT_0905 = datetime(2026, 3, 2, 9, 5, tzinfo=SH)


def _attempt(db: Database, attempt_id: int) -> CallAttempt:
    with db.transaction() as session:
        attempt = session.get(CallAttempt, attempt_id)
        assert attempt is not None
        return attempt


def _kinds(db: Database) -> list[tuple[str, str]]:
    with db.transaction() as session:
        return [
            (e.kind, e.subject)
            for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq))
        ]


def test_claims_each_due_person_once(db: Database) -> None:
    campaign = planned_campaign(db, 3)
    claims = [claim_next(db, campaign.id, "w1", AT_0905) for _ in range(4)]
    assert claims[3] is None  # the 14:00 and 19:00 touches are not due yet
    got = [c for c in claims if c is not None]
    assert len({c.debtor_id for c in got}) == 3
    first = got[0]
    assert (first.profile, first.timezone, first.tier, first.claimed_by) == (
        "cn",
        "Asia/Shanghai",
        3,
        "w1",
    )
    assert first.decision.allowed and first.lease_until == AT_0905.astimezone(UTC) + timedelta(
        minutes=30
    )
    row = _attempt(db, first.attempt_id)
    assert (row.state, row.claimed_by, row.script_version) == ("claimed", "w1", "v1")
    assert row.compliance is not None and row.compliance["allowed"] is True
    assert row.compliance["flags"]["consent"] is True and row.compliance["attempts_counted"] == 0
    with db.transaction() as session:
        debtor = session.get_one(Debtor, first.debtor_id)
        assert debtor.in_flight_attempt_id == first.attempt_id
    assert _kinds(db)[-6:] == [
        (kind, f"attempt:{c.attempt_id}") for c in got for kind in ("precheck", "claim")
    ]


def test_person_in_flight_is_not_called_twice(db: Database) -> None:
    campaign = planned_campaign(db, 1)
    first = claim_next(db, campaign.id, "w1", AT_0905)
    assert first is not None
    at_1405 = datetime(2026, 3, 2, 14, 5, tzinfo=SH)
    # The lease (30 min) ran out long ago at 14:05, so extend it to model a long call.
    with db.transaction(write=True) as session:
        session.get_one(Debtor, first.debtor_id).in_flight_until = at_1405 + timedelta(hours=1)
    assert claim_next(db, campaign.id, "w2", at_1405) is None
    mark_dialled(db, first.attempt_id, AT_0905)
    complete_attempt(db, first.attempt_id, AttemptResult.NO_ANSWER, at_1405)
    second = claim_next(db, campaign.id, "w2", at_1405)
    assert second is not None and second.debtor_id == first.debtor_id
    assert _attempt(db, second.attempt_id).compliance["attempts_counted"] == 1  # type: ignore[index]
    with pytest.raises(
        StorageError, match=f"attempt {first.attempt_id} is completed, expected claimed"
    ):
        mark_dialled(db, first.attempt_id)


def test_outside_window_reschedules_to_next_allowed_time(db: Database) -> None:
    campaign = planned_campaign(db, 1)
    night = datetime(2026, 3, 2, 22, 30, tzinfo=SH)
    assert claim_next(db, campaign.id, "w1", night) is None
    with db.transaction() as session:
        rows = session.scalars(select(CallAttempt).order_by(CallAttempt.planned_at)).all()
        assert [r.state for r in rows] == ["planned", "planned", "planned"]
        next_morning = datetime(2026, 3, 3, 8, 0, tzinfo=SH)
        assert [r.scheduled_at for r in rows] == [next_morning] * 3
        assert [r.reschedules for r in rows] == [1, 1, 1]
        assert rows[0].compliance is not None
        assert rows[0].compliance["reasons"] == ["outside_calling_window"]
        assert rows[0].compliance["next_allowed_at"] == "2026-03-03T08:00:00+08:00"
    claimed = claim_next(db, campaign.id, "w1", datetime(2026, 3, 3, 8, 0, tzinfo=SH))
    assert claimed is not None


def test_cease_by_phone_blocks_for_good(db: Database) -> None:
    campaign = planned_campaign(db, 2)
    with db.transaction(write=True) as session:
        record_opt_out(session, db.vault, "+8613800000000", "cease", "call:1")
    claims = [claim_next(db, campaign.id, "w1", AT_0905) for _ in range(2)]
    assert claims[1] is None and claims[0] is not None and claims[0].debtor_id == 2
    status = campaign_status(db, "spring")
    assert status.by_state == {"blocked": 1, "claimed": 1, "planned": 4}
    assert status.blocked_reasons == {"cease": 1}
    assert status.by_tier_state == {(3, "blocked"): 1, (3, "claimed"): 1, (3, "planned"): 4}


def test_daily_cap_counts_claims(db: Database) -> None:
    campaign = planned_campaign(db, 1)
    extra = add_attempts(db, campaign.id, "EXT-00000", datetime(2026, 3, 2, 9, 0, tzinfo=SH), 7)
    claimed: list[int] = []
    now = datetime(2026, 3, 2, 10, 0, tzinfo=SH)
    while (claim := claim_next(db, campaign.id, "w1", now)) is not None:
        claimed.append(claim.attempt_id)
        complete_attempt(db, claim.attempt_id, AttemptResult.BUSY, now)
    assert len(claimed) == 6
    with db.transaction() as session:
        rest = session.scalars(
            select(CallAttempt).where(
                CallAttempt.state == "planned", CallAttempt.scheduled_at <= now
            )
        ).all()
        assert rest == []
        moved = session.scalars(select(CallAttempt).where(CallAttempt.reschedules == 1)).all()
        assert {m.compliance["reasons"][0] for m in moved if m.compliance} == {"daily_attempt_cap"}
        assert all(m.scheduled_at == datetime(2026, 3, 3, 8, 0, tzinfo=SH) for m in moved)
    assert set(claimed) <= set(extra) | set(range(1, 4))
    with db.transaction() as session:
        assert audit.verify(session).ok


def test_release_and_closed_account(db: Database) -> None:
    campaign = planned_campaign(db, 1)
    claim = claim_next(db, campaign.id, "w1", AT_0905)
    assert claim is not None
    release_attempt(db, claim.attempt_id, "worker stopping", AT_0905)
    assert _attempt(db, claim.attempt_id).state == "planned"
    with db.transaction(write=True) as session:
        session.scalars(select(Account)).one().status = "paid"
    assert claim_next(db, campaign.id, "w1", AT_0905) is None
    assert _attempt(db, claim.attempt_id).state == "cancelled"
    assert _kinds(db)[-2:] == [
        ("release", f"attempt:{claim.attempt_id}"),
        ("attempt_cancel", f"attempt:{claim.attempt_id}"),
    ]
