"""A claim whose worker died (lease ran out, never dialled) is claimed again, checked anew."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.campaigns import claim_next, complete_attempt, mark_dialled
from bot.errors import StorageError
from bot.storage import Database, audit
from bot.storage.models import AttemptResult, AuditEvent, CallAttempt, Debtor
from bot.storage.optouts import record_opt_out
from tests.bot.campaigns.helpers import SH, planned_campaign

AT_0905 = datetime(2026, 3, 2, 9, 5, tzinfo=SH)
AT_1405 = datetime(2026, 3, 2, 14, 5, tzinfo=SH)


def _attempt(db: Database, attempt_id: int) -> CallAttempt:
    with db.transaction() as session:
        return session.get_one(CallAttempt, attempt_id)


def _events(db: Database, since: int) -> list[AuditEvent]:
    with db.transaction() as session:
        return list(
            session.scalars(
                select(AuditEvent).where(AuditEvent.seq > since).order_by(AuditEvent.seq)
            )
        )


def _last_seq(db: Database) -> int:
    with db.transaction() as session:
        return session.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc())) or 0


def _in_flight(db: Database, debtor_id: int) -> tuple[int | None, datetime | None]:
    with db.transaction() as session:
        debtor = session.get_one(Debtor, debtor_id)
        return debtor.in_flight_attempt_id, debtor.in_flight_until


def test_live_claim_is_kept_and_expired_claim_is_taken_over(db: Database) -> None:
    campaign = planned_campaign(db, 1)
    first = claim_next(db, campaign.id, "w1", AT_0905)
    assert first is not None
    # Within the lease (until 09:35) nobody else gets the attempt or the person.
    assert claim_next(db, campaign.id, "w2", AT_0905 + timedelta(minutes=29)) is None
    assert _attempt(db, first.attempt_id).claimed_by == "w1"
    seq = _last_seq(db)

    again = claim_next(db, campaign.id, "w2", AT_1405)

    assert again is not None and again.attempt_id == first.attempt_id
    assert (again.claimed_by, again.lease_until) == ("w2", AT_1405 + timedelta(minutes=30))
    subject = f"attempt:{first.attempt_id}"
    events = _events(db, seq)
    assert [(e.kind, e.subject) for e in events] == [
        ("claim_expired", subject),
        ("precheck", subject),
        ("claim", subject),
    ]
    assert events[0].payload == {
        "worker": "w1",
        "claimed_at": "2026-03-02T01:05:00+00:00",
        "lease_until": "2026-03-02T01:35:00+00:00",
        "debtor": first.debtor_id,
    }
    # Checked anew; the dead worker's claim was never dialled, so it is not counted twice.
    assert events[1].payload["allowed"] is True and events[1].payload["attempts_counted"] == 0
    row = _attempt(db, first.attempt_id)
    assert (row.state, row.claimed_by, row.claimed_at) == (
        "claimed",
        "w2",
        AT_1405.astimezone(UTC),
    )
    assert _in_flight(db, first.debtor_id) == (first.attempt_id, again.lease_until)
    # The slow first worker, should it wake up, learns that it must not dial.
    with pytest.raises(StorageError, match=f"attempt {first.attempt_id} is claimed by w2, not w1"):
        mark_dialled(db, first.attempt_id, AT_1405, worker_id="w1")
    # The person is in flight again: the 14:00 attempt waits.
    assert claim_next(db, campaign.id, "w3", AT_1405 + timedelta(minutes=1)) is None
    mark_dialled(db, again.attempt_id, AT_1405, worker_id="w2")
    complete_attempt(db, again.attempt_id, AttemptResult.NO_ANSWER, AT_1405)
    after = claim_next(db, campaign.id, "w3", AT_1405 + timedelta(minutes=2))
    assert after is not None and after.attempt_id != first.attempt_id
    assert _attempt(db, after.attempt_id).compliance["attempts_counted"] == 1  # type: ignore[index]
    with db.transaction() as session:
        assert audit.verify(session).ok


def _subject_kinds(db: Database, attempt_id: int) -> list[str]:
    with db.transaction() as session:
        assert audit.verify(session).ok
        return list(
            session.scalars(
                select(AuditEvent.kind)
                .where(AuditEvent.subject == f"attempt:{attempt_id}")
                .order_by(AuditEvent.seq)
            )
        )


def test_expired_claim_outside_the_window_moves_to_the_next_morning(db: Database) -> None:
    campaign = planned_campaign(db, 1)
    first = claim_next(db, campaign.id, "w1", AT_0905)
    assert first is not None

    assert claim_next(db, campaign.id, "w2", datetime(2026, 3, 2, 22, 30, tzinfo=SH)) is None

    stale = _attempt(db, first.attempt_id)
    assert (stale.state, stale.claimed_by, stale.claimed_at) == ("planned", None, None)
    assert (stale.scheduled_at, stale.reschedules) == (datetime(2026, 3, 3, 8, 0, tzinfo=SH), 1)
    assert stale.compliance is not None
    assert stale.compliance["reasons"] == ["outside_calling_window"]
    assert _in_flight(db, first.debtor_id) == (None, None)
    assert _subject_kinds(db, first.attempt_id) == [
        "precheck",
        "claim",
        "claim_expired",
        "precheck",
    ]


def test_expired_claim_of_a_person_who_asked_to_cease_is_blocked(db: Database) -> None:
    campaign = planned_campaign(db, 1)
    first = claim_next(db, campaign.id, "w1", AT_0905)
    assert first is not None
    with db.transaction(write=True) as session:
        record_opt_out(session, db.vault, "+8613800000000", "cease", "call:9")

    assert claim_next(db, campaign.id, "w2", AT_1405) is None

    stale = _attempt(db, first.attempt_id)
    assert (stale.state, stale.claimed_by) == ("blocked", None)
    assert stale.compliance is not None and stale.compliance["reasons"] == ["cease"]
    assert _in_flight(db, first.debtor_id) == (None, None)
    assert _subject_kinds(db, first.attempt_id)[-2:] == ["claim_expired", "precheck"]


def test_dialled_attempt_is_never_taken_over(db: Database) -> None:
    campaign = planned_campaign(db, 1)
    first = claim_next(db, campaign.id, "w1", AT_0905)
    assert first is not None
    mark_dialled(db, first.attempt_id, AT_0905)
    again = claim_next(db, campaign.id, "w2", AT_1405)
    assert again is not None and again.attempt_id != first.attempt_id
    assert _attempt(db, first.attempt_id).state == "dialled"
    # The dialled call still counts as an (unanswered) attempt.
    assert _attempt(db, again.attempt_id).compliance["attempts_counted"] == 1  # type: ignore[index]


def test_workers_racing_for_an_expired_claim_take_it_once(db: Database) -> None:
    campaign = planned_campaign(db, 1)
    first = claim_next(db, campaign.id, "w0", AT_0905)
    assert first is not None
    workers = 6
    start = threading.Barrier(workers)
    results: list[int | None] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker(name: str) -> None:
        try:
            start.wait()
            claim = claim_next(db, campaign.id, name, AT_1405)
            with lock:
                results.append(None if claim is None else claim.attempt_id)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(f"w{i + 1}",)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(results, key=lambda r: r is None) == [first.attempt_id] + [None] * (workers - 1)
    with db.transaction() as session:
        expired = session.scalars(
            select(AuditEvent.kind).where(AuditEvent.kind == "claim_expired")
        ).all()
        assert len(expired) == 1
        assert audit.verify(session).ok
