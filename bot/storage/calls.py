"""What happens inside a call: transcript turns, the business outcome, escalations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.errors import StorageError
from bot.storage import audit
from bot.storage.models import Escalation, EscalationStatus, Outcome, Turn
from bot.storage.types import utcnow


def add_turn(
    session: Session,
    call_id: int,
    *,
    speaker: str,
    text: str,
    started_ms: int,
    ended_ms: int,
    asr_confidence: float | None = None,
    intent: str | None = None,
    intent_confidence: float | None = None,
    policy_action: str | None = None,
    policy_reasons: Sequence[str] | None = None,
) -> Turn:
    """Append the next turn of a call's transcript (``seq`` is assigned 1, 2, ...)."""
    last = session.scalar(select(func.max(Turn.seq)).where(Turn.call_id == call_id))
    turn = Turn(
        call_id=call_id,
        seq=(last or 0) + 1,
        speaker=speaker,
        text=text,
        started_ms=started_ms,
        ended_ms=ended_ms,
        asr_confidence=asr_confidence,
        intent=intent,
        intent_confidence=intent_confidence,
        policy_action=policy_action,
        policy_reasons=list(policy_reasons) if policy_reasons is not None else None,
    )
    session.add(turn)
    session.flush()
    return turn


def record_outcome(
    session: Session,
    call_id: int,
    kind: str,
    *,
    amount: Decimal | None = None,
    promise_date: date | None = None,
    callback_at: datetime | None = None,
    note: str | None = None,
) -> Outcome:
    """Store the business outcome of a call and audit it (one outcome per call)."""
    if session.scalar(select(Outcome.id).where(Outcome.call_id == call_id)) is not None:
        raise StorageError(f"call {call_id} already has an outcome")
    row = Outcome(
        call_id=call_id,
        kind=kind,
        amount=amount,
        promise_date=promise_date,
        callback_at=callback_at,
        note=note,
    )
    session.add(row)
    session.flush()
    audit.append(
        session,
        "outcome",
        f"attempt:{call_id}",
        {
            "kind": kind,
            "amount": str(amount) if amount is not None else None,
            "promise_date": promise_date.isoformat() if promise_date else None,
            "callback_at": callback_at.isoformat() if callback_at else None,
        },
    )
    return row


def open_escalation(session: Session, call_id: int, reasons: Sequence[str]) -> Escalation:
    """Put a call in the supervisors' queue with the policy's reasons, and audit it."""
    row = Escalation(call_id=call_id, reasons=list(reasons))
    session.add(row)
    session.flush()
    audit.append(
        session, "escalation", f"attempt:{call_id}", {"escalation": row.id, "reasons": row.reasons}
    )
    return row


def set_escalation_status(
    session: Session, escalation_id: int, status: EscalationStatus, *, by: str | None = None
) -> Escalation:
    """Move an escalation to ``taken`` or ``closed`` and audit who did it."""
    row = session.get(Escalation, escalation_id, with_for_update=True)
    if row is None:
        raise StorageError(f"no escalation {escalation_id}")
    row.status = status.value
    row.taken_by = by if by is not None else row.taken_by
    row.updated_at = utcnow()
    audit.append(
        session,
        "escalation_status",
        f"attempt:{row.call_id}",
        {"escalation": row.id, "status": status.value, "by": by},
    )
    return row
