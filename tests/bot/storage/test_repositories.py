from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from bot.campaigns import create_campaign
from bot.errors import StorageError
from bot.storage import Database
from bot.storage.calls import add_turn, open_escalation, record_outcome, set_escalation_status
from bot.storage.debtors import debtor_name, upsert_record
from bot.storage.models import (
    Account,
    AuditEvent,
    CallAttempt,
    Contact,
    Debtor,
    EscalationStatus,
    TierAssessmentRow,
)
from bot.storage.optouts import PhoneFlags, phone_flags, record_consent, record_opt_out
from tests.bot.storage.factories import assessment_for, make_record, with_tier


def _counts(db: Database) -> tuple[int, int, int, int]:
    with db.transaction() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model))
            for model in (Debtor, Contact, Account, TierAssessmentRow)
        )


def test_upsert_is_idempotent_and_updates_in_place(db: Database) -> None:
    records = [make_record(n) for n in range(3)]
    with db.transaction(write=True) as session:
        assert [upsert_record(session, db.vault, r, assessment_for(r)) for r in records] == [
            "created"
        ] * 3
    with db.transaction(write=True) as session:
        assert [upsert_record(session, db.vault, r, assessment_for(r)) for r in records] == [
            "unchanged"
        ] * 3
    assert _counts(db) == (3, 3, 3, 3)
    changed = dataclasses.replace(
        records[1], full_name="王小红", phone_e164="+8613700000000", amount_due=Decimal("99.90")
    )
    with db.transaction(write=True) as session:
        assert upsert_record(session, db.vault, changed, with_tier(5)) == "updated"
    # A second phone is kept (old one no longer primary); nothing else is duplicated.
    assert _counts(db) == (3, 4, 3, 3)
    with db.transaction() as session:
        debtor = session.scalars(select(Debtor).where(Debtor.external_id == "EXT-00001")).one()
        assert debtor_name(db.vault, debtor) == "王小红"
        primary = [c for c in debtor.contacts if c.is_primary]
        assert [c.phone_bidx for c in primary] == [db.vault.blind_index("+8613700000000")]
        account = debtor.accounts[0]
        assert (account.amount_due, account.tier) == (Decimal("99.90"), 5)


def test_same_external_id_in_another_agency_is_another_debtor(db: Database) -> None:
    record = make_record(7)
    with db.transaction(write=True) as session:
        assert upsert_record(session, db.vault, record, with_tier(3)) == "created"
        assert upsert_record(session, db.vault, record, with_tier(3), agency="b") == "created"
    assert _counts(db)[0] == 2


def test_opt_out_and_consent_flags_by_phone(db: Database) -> None:
    phone = "+8613800000042"
    with db.transaction(write=True) as session:
        assert phone_flags(session, [db.vault.blind_index(phone)]) == PhoneFlags(False, False, None)
        record_consent(session, db.vault, phone, granted=True, source="import")
        record_opt_out(session, db.vault, phone, "dnc", "call:9")
    with db.transaction(write=True) as session:
        record_consent(session, db.vault, phone, granted=False, source="call:10")
    with db.transaction() as session:
        assert phone_flags(session, [db.vault.blind_index(phone)]) == PhoneFlags(
            cease=False, dnc=True, consent=False
        )
        assert phone_flags(session, [db.vault.blind_index("+8613800000043")]) == PhoneFlags(
            False, False, None
        )
        kinds = session.scalars(select(AuditEvent.kind).order_by(AuditEvent.seq)).all()
        assert kinds == ["consent", "opt_out", "consent"]


def test_turns_outcome_and_escalation(db: Database) -> None:
    with db.transaction(write=True) as session:
        upsert_record(session, db.vault, make_record(1), with_tier(3))
    campaign = create_campaign(db, "c", profile="cn", locale="zh")
    with db.transaction(write=True) as session:
        account = session.scalars(select(Account)).one()
        contact = session.scalars(select(Contact)).one()
        at = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
        call = CallAttempt(
            campaign_id=campaign.id,
            account_id=account.id,
            contact_id=contact.id,
            tier=3,
            planned_at=at,
            scheduled_at=at,
        )
        session.add(call)
        session.flush()
        first = add_turn(session, call.id, speaker="bot", text="您好", started_ms=0, ended_ms=900)
        second = add_turn(
            session,
            call.id,
            speaker="caller",
            text="我下周五还五百",
            started_ms=1200,
            ended_ms=2500,
            asr_confidence=0.91,
            intent="promise_to_pay",
            intent_confidence=0.88,
            policy_action="continue",
            policy_reasons=[],
        )
        assert (first.seq, second.seq) == (1, 2)
        record_outcome(
            session,
            call.id,
            "promise_to_pay",
            amount=Decimal("500.00"),
            promise_date=date(2026, 3, 6),
        )
        with pytest.raises(StorageError, match=f"call {call.id} already has an outcome"):
            record_outcome(session, call.id, "hardship")
        escalation = open_escalation(session, call.id, ["distress", "asked_for_human"])
        set_escalation_status(session, escalation.id, EscalationStatus.TAKEN, by="sup-1")
    with db.transaction() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        assert [(e.kind, e.subject) for e in events[1:]] == [
            ("outcome", f"attempt:{call.id}"),
            ("escalation", f"attempt:{call.id}"),
            ("escalation_status", f"attempt:{call.id}"),
        ]
        assert events[1].payload == {
            "kind": "promise_to_pay",
            "amount": "500.00",
            "promise_date": "2026-03-06",
            "callback_at": None,
        }
