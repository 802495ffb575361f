"""The relational schema, as SQLAlchemy 2 typed models.

::

    debtor ─┬─ contact (phone, encrypted + blind index)
            └─ account ── tier_assessment (current)
    campaign ── call_attempt (planned → claimed → dialled → completed | blocked | cancelled)
                    ├── turn (transcript, policy decision per caller turn)
                    ├── outcome (promise to pay, hardship, dispute, ...)
                    └── escalation (handoff queue for the console)
    opt_out, consent   keyed by the phone's blind index, so a cease request matches every
                       debtor with that number without decrypting anything
    audit_event        append-only hash chain (see :mod:`bot.storage.audit`)

Names and phone numbers are stored only as ciphertext (``*_enc``); see
:mod:`bot.storage.crypto`. Money is ``Numeric(14, 2)``; every datetime is aware UTC.
The Alembic migrations in ``migrations/versions`` create exactly this schema (a test compares
them).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.storage.types import BigID, Money, UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with stable constraint names (so migrations can refer to them)."""

    metadata = MetaData(naming_convention=NAMING)


class AttemptState(StrEnum):
    """Life cycle of one planned call."""

    PLANNED = "planned"
    CLAIMED = "claimed"
    DIALLED = "dialled"
    COMPLETED = "completed"
    BLOCKED = "blocked"
    CANCELLED = "cancelled"


class AttemptResult(StrEnum):
    """What the telephone did; the vocabulary of the compliance engine's attempt history."""

    NO_ANSWER = "no_answer"
    BUSY = "busy"
    VOICEMAIL = "voicemail"
    CONVERSATION = "conversation"


class EscalationStatus(StrEnum):
    """Where a handoff stands in the supervisors' queue."""

    OPEN = "open"
    TAKEN = "taken"
    CLOSED = "closed"


class Meta(Base):
    """Key/value facts about the database itself (e.g. the data key fingerprint)."""

    __tablename__ = "kindcall_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Debtor(Base):
    """A person an agency may call, identified by the agency's external id."""

    __tablename__ = "debtor"
    __table_args__ = (UniqueConstraint("agency", "external_id"),)

    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    agency: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str] = mapped_column(String(128))
    name_enc: Mapped[bytes] = mapped_column(LargeBinary)
    locale: Mapped[str] = mapped_column(String(16))
    timezone: Mapped[str] = mapped_column(String(64))
    region: Mapped[str] = mapped_column(String(32))
    profile: Mapped[str] = mapped_column(String(32))
    consent: Mapped[bool] = mapped_column(Boolean, default=True)
    dnc: Mapped[bool] = mapped_column(Boolean, default=False)
    cease: Mapped[bool] = mapped_column(Boolean, default=False)
    bankruptcy: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set while a call to this person is claimed or ringing; a lease, so a dead worker's
    # claim expires instead of blocking the person forever.
    in_flight_attempt_id: Mapped[int | None] = mapped_column(BigID, default=None)
    in_flight_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    contacts: Mapped[list[Contact]] = relationship(back_populates="debtor")
    accounts: Mapped[list[Account]] = relationship(back_populates="debtor")


class Contact(Base):
    """A phone number of a debtor (ciphertext plus blind index)."""

    __tablename__ = "contact"
    __table_args__ = (UniqueConstraint("debtor_id", "phone_bidx"),)

    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id", ondelete="CASCADE"))
    phone_enc: Mapped[bytes] = mapped_column(LargeBinary)
    phone_bidx: Mapped[str] = mapped_column(String(64), index=True)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    debtor: Mapped[Debtor] = relationship(back_populates="contacts")


class Account(Base):
    """One debt: what is owed to which creditor, and its current tier."""

    __tablename__ = "account"
    __table_args__ = (UniqueConstraint("debtor_id", "account_ref"),)

    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id", ondelete="CASCADE"))
    account_ref: Mapped[str] = mapped_column(String(128))
    creditor_name: Mapped[str] = mapped_column(String(200))
    amount_due: Mapped[Decimal] = mapped_column(Money)
    minimum_due: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3))
    due_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    dispute: Mapped[bool] = mapped_column(Boolean, default=False)
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    tier: Mapped[int | None] = mapped_column(SmallInteger, default=None, index=True)
    soft_handling: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    debtor: Mapped[Debtor] = relationship(back_populates="accounts")


class TierAssessmentRow(Base):
    """The current tier assessment of an account, with the explanation of each score."""

    __tablename__ = "tier_assessment"

    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), unique=True
    )
    tier: Mapped[int] = mapped_column(SmallInteger)
    value: Mapped[float] = mapped_column(Float)
    risk: Mapped[float] = mapped_column(Float)
    need: Mapped[float] = mapped_column(Float)
    soft_handling: Mapped[bool] = mapped_column(Boolean)
    explanation: Mapped[list[str]] = mapped_column(JSON)
    assessed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Campaign(Base):
    """A set of accounts to call under one compliance profile and script version."""

    __tablename__ = "campaign"

    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    profile: Mapped[str] = mapped_column(String(32))
    locale: Mapped[str] = mapped_column(String(16))
    script_version: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="draft")
    # None means every tier; otherwise the list of tiers included.
    tiers: Mapped[list[int] | None] = mapped_column(JSON, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CallAttempt(Base):
    """One planned call and everything that happened to it up to its result."""

    __tablename__ = "call_attempt"
    __table_args__ = (Index(None, "campaign_id", "state", "scheduled_at"),)

    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    tier: Mapped[int] = mapped_column(SmallInteger)
    state: Mapped[str] = mapped_column(String(16), default=AttemptState.PLANNED.value)
    # planned_at is the strategy's slot and never moves; scheduled_at is when it is due
    # (moved to the compliance engine's next allowed time when a check blocks it).
    planned_at: Mapped[datetime] = mapped_column(UTCDateTime)
    scheduled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reschedules: Mapped[int] = mapped_column(SmallInteger, default=0)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    claimed_by: Mapped[str | None] = mapped_column(String(64), default=None)
    dialled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    result: Mapped[str | None] = mapped_column(String(16), default=None)
    compliance: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    script_version: Mapped[str | None] = mapped_column(String(64), default=None)


class Turn(Base):
    """One utterance in a call, with the NLU reading and the policy's decision."""

    __tablename__ = "turn"
    __table_args__ = (UniqueConstraint("call_id", "seq"),)

    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("call_attempt.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    started_ms: Mapped[int] = mapped_column(Integer)
    ended_ms: Mapped[int] = mapped_column(Integer)
    asr_confidence: Mapped[float | None] = mapped_column(Float, default=None)
    intent: Mapped[str | None] = mapped_column(String(64), default=None)
    intent_confidence: Mapped[float | None] = mapped_column(Float, default=None)
    policy_action: Mapped[str | None] = mapped_column(String(16), default=None)
    policy_reasons: Mapped[list[str] | None] = mapped_column(JSON, default=None)


class Outcome(Base):
    """The business result of a call: promise to pay (amount, date), hardship, dispute, ..."""

    __tablename__ = "outcome"

    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    call_id: Mapped[int] = mapped_column(
        ForeignKey("call_attempt.id", ondelete="CASCADE"), unique=True
    )
    kind: Mapped[str] = mapped_column(String(24))
    amount: Mapped[Decimal | None] = mapped_column(Money, default=None)
    promise_date: Mapped[date | None] = mapped_column(Date, default=None)
    callback_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Escalation(Base):
    """A handoff to a human, with the policy's reasons."""

    __tablename__ = "escalation"

    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    call_id: Mapped[int] = mapped_column(
        ForeignKey("call_attempt.id", ondelete="CASCADE"), index=True
    )
    reasons: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(8), default=EscalationStatus.OPEN.value)
    taken_by: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class OptOut(Base):
    """A cease request or do-not-call entry for a phone number (by blind index)."""

    __tablename__ = "opt_out"

    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    phone_bidx: Mapped[str] = mapped_column(String(64), index=True)
    reason: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Consent(Base):
    """Consent to be called given or withdrawn for a phone number; the latest row wins."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(BigID, primary_key=True)
    phone_bidx: Mapped[str] = mapped_column(String(64), index=True)
    granted: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEvent(Base):
    """One link of the append-only, hash-chained audit log."""

    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(BigID, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    subject: Mapped[str] = mapped_column(String(128), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
