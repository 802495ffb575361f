"""What a worker does with a claimed attempt: dial, complete, or give it back.

Each step is one transaction that also appends an audit row, and completing or releasing
an attempt ends the person's in-flight lease so their next planned call can be claimed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from bot.campaigns.claim import dial_check, instant
from bot.errors import StorageError
from bot.storage import Database, audit
from bot.storage.models import Account, AttemptResult, AttemptState, CallAttempt, Debtor


def _load(session: Session, attempt_id: int, expected: tuple[AttemptState, ...]) -> CallAttempt:
    attempt = session.get(CallAttempt, attempt_id, with_for_update=True)
    if attempt is None:
        raise StorageError(f"no call attempt {attempt_id}")
    if attempt.state not in {state.value for state in expected}:
        wanted = " or ".join(state.value for state in expected)
        raise StorageError(f"attempt {attempt_id} is {attempt.state}, expected {wanted}")
    return attempt


def _end_lease(session: Session, attempt: CallAttempt) -> None:
    account = session.get_one(Account, attempt.account_id)
    session.execute(
        update(Debtor)
        .where(Debtor.id == account.debtor_id, Debtor.in_flight_attempt_id == attempt.id)
        .values(in_flight_attempt_id=None, in_flight_until=None)
    )


def mark_dialled(
    db: Database, attempt_id: int, now: datetime | None = None, *, worker_id: str | None = None
) -> None:
    """Record that the claimed attempt is being dialled now.

    Args:
        db: the database.
        attempt_id: the claimed attempt.
        now: the instant of the dial; defaults to the current time.
        worker_id: when given, the attempt must still be claimed by this worker. A claim
            whose lease ran out is taken over by the next worker; a slow worker that passes
            its id learns here that it must not dial.

    The compliance check runs again at ``now``: a claim may wait for its dial, and the
    calling window may have closed or a cease been stored meanwhile. When it no longer
    allows the call, the attempt goes back to the plan (the next claim moves or blocks it),
    the refusal is audited (``dial_refused``, with the decision) and nothing is dialled.

    Raises:
        StorageError: the attempt is not claimed, is claimed by another worker, or may no
            longer be dialled at ``now`` (the message lists the reasons).
        ValueError: ``now`` is naive.
    """
    when = instant(now)
    refused: tuple[str, ...] = ()
    with db.transaction(write=True) as session:
        attempt = _load(session, attempt_id, (AttemptState.CLAIMED,))
        if worker_id is not None and attempt.claimed_by != worker_id:
            raise StorageError(
                f"attempt {attempt_id} is claimed by {attempt.claimed_by}, not {worker_id}"
            )
        decision, snapshot = dial_check(session, attempt, attempt.claimed_by or "", when)
        if decision.allowed:
            attempt.state = AttemptState.DIALLED.value
            attempt.dialled_at = when
            audit.append(session, "dial", f"attempt:{attempt_id}", {}, at=when)
        else:
            refused = decision.reasons
            attempt.compliance = snapshot
            attempt.state = AttemptState.PLANNED.value
            attempt.claimed_at = None
            attempt.claimed_by = None
            _end_lease(session, attempt)
            audit.append(session, "dial_refused", f"attempt:{attempt_id}", snapshot, at=when)
    if refused:
        raise StorageError(
            f"attempt {attempt_id} may not be dialled at {when.isoformat()}: "
            f"{', '.join(refused)}; it is planned again"
        )


def complete_attempt(
    db: Database, attempt_id: int, result: AttemptResult, now: datetime | None = None
) -> None:
    """Record the telephone result of a claimed or dialled attempt and end the lease.

    The business outcome (promise, hardship, ...) is stored separately with
    :func:`bot.storage.calls.record_outcome`.
    """
    when = instant(now)
    with db.transaction(write=True) as session:
        attempt = _load(session, attempt_id, (AttemptState.CLAIMED, AttemptState.DIALLED))
        attempt.state = AttemptState.COMPLETED.value
        attempt.result = result.value
        attempt.completed_at = when
        if attempt.dialled_at is None:
            attempt.dialled_at = attempt.claimed_at
        _end_lease(session, attempt)
        audit.append(
            session, "attempt_result", f"attempt:{attempt_id}", {"result": result.value}, at=when
        )


def release_attempt(
    db: Database, attempt_id: int, reason: str, now: datetime | None = None
) -> None:
    """Give a claimed, not yet dialled attempt back to the plan (e.g. worker shutting down)."""
    when = instant(now)
    with db.transaction(write=True) as session:
        attempt = _load(session, attempt_id, (AttemptState.CLAIMED,))
        attempt.state = AttemptState.PLANNED.value
        attempt.claimed_at = None
        attempt.claimed_by = None
        _end_lease(session, attempt)
        audit.append(session, "release", f"attempt:{attempt_id}", {"reason": reason}, at=when)
