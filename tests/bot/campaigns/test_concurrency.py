"""8 workers claim from one campaign at once (PostgreSQL: SKIP LOCKED; SQLite: BEGIN IMMEDIATE)."""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from datetime import datetime

from sqlalchemy import select

from bot.campaigns import claim_next, complete_attempt, create_campaign
from bot.storage import Database, audit
from bot.storage.models import AttemptResult, AuditEvent, CallAttempt
from tests.bot.campaigns.helpers import SH, add_attempts, populate

WORKERS = 8
PEOPLE = 5  # fewer people than workers: they compete for the same persons
ATTEMPTS_EACH = 9
CAP = 6  # cn: 6 unanswered attempts per local day and contact
NOW = datetime(2026, 3, 2, 11, 0, tzinfo=SH)


def test_eight_workers_never_share_a_person_or_pass_the_cap(db: Database) -> None:
    populate(db, PEOPLE)
    campaign = create_campaign(db, "rush", profile="cn", locale="zh")
    for n in range(PEOPLE):
        add_attempts(
            db, campaign.id, f"EXT-{n:05d}", datetime(2026, 3, 2, 9, 0, tzinfo=SH), ATTEMPTS_EACH
        )

    lock = threading.Lock()
    in_flight: set[int] = set()
    overlaps: list[int] = []
    claims: list[tuple[str, int, int]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(WORKERS)

    def worker(name: str) -> None:
        try:
            start.wait()
            while (claim := claim_next(db, campaign.id, name, NOW)) is not None:
                with lock:
                    if claim.debtor_id in in_flight:
                        overlaps.append(claim.debtor_id)
                    in_flight.add(claim.debtor_id)
                    claims.append((name, claim.attempt_id, claim.debtor_id))
                time.sleep(0.005)  # "the call": the person stays in flight meanwhile
                with lock:
                    in_flight.discard(claim.debtor_id)
                complete_attempt(db, claim.attempt_id, AttemptResult.NO_ANSWER, NOW)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert overlaps == []
    attempt_ids = [a for _, a, _ in claims]
    assert len(attempt_ids) == len(set(attempt_ids))  # zero duplicate claims
    per_person = Counter(d for _, _, d in claims)
    assert per_person == {d: CAP for d in range(1, PEOPLE + 1)}  # cap reached, never passed
    assert len({w for w, _, _ in claims}) > 1  # the work was really shared

    with db.transaction() as session:
        # The audit log orders every claim and result: per person they must alternate.
        attempt_to_debtor = {a: d for _, a, d in claims}
        sequence: dict[int, list[str]] = defaultdict(list)
        for event in session.scalars(
            select(AuditEvent)
            .where(AuditEvent.kind.in_(["claim", "attempt_result"]))
            .order_by(AuditEvent.seq)
        ):
            attempt_id = int(event.subject.split(":")[1])
            sequence[attempt_to_debtor[attempt_id]].append(event.kind)
        assert all(kinds == ["claim", "attempt_result"] * CAP for kinds in sequence.values())
        states = Counter(session.scalars(select(CallAttempt.state)))
        assert states == {"completed": PEOPLE * CAP, "planned": PEOPLE * (ATTEMPTS_EACH - CAP)}
        assert audit.verify(session).ok
