"""A claim the compliance check refuses at the dial instant is never dialled."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from bot.calls.accounts import CallAccount
from bot.calls.evidence import EvidenceWriter
from bot.calls.runner import CallServices, DialRefused, SessionHub, run_attempt
from bot.campaigns import claim_next
from bot.storage import Database
from bot.storage.models import AuditEvent, CallAttempt
from tests.bot.campaigns.helpers import SH, planned_campaign
from tests.bot.storage.dbfixtures import db, db_url, pg_url  # noqa: F401  (fixtures)

AT_2159 = datetime(2026, 3, 2, 21, 59, 30, tzinfo=SH)


class _NeverDial:
    def __init__(self) -> None:
        self.dialled: list[str] = []

    def dial(self, call_id: str, account: CallAccount, offer_url: str) -> object:
        self.dialled.append(call_id)
        raise AssertionError("a refused claim was dialled")


async def test_a_claim_whose_window_closed_before_the_dial_is_not_dialled(
    db: Database,  # noqa: F811
) -> None:
    campaign = planned_campaign(db, 1)
    claim = claim_next(db, campaign.id, "w1", AT_2159)
    if claim is None:
        pytest.fail("the helper campaign has no attempt due at 21:59:30")
    writer = EvidenceWriter(db)
    services = CallServices(
        db=db,
        writer=writer,
        rasa={},
        asr={},
        tts={},
        hub=SessionHub(),
        base_url="http://127.0.0.1:9",
        worker_id="w1",
        clock=lambda: AT_2159 + timedelta(seconds=35),  # 22:00:05, after the cn window
    )
    seen: list[str] = []
    services.events.listen(lambda event: seen.append(event.kind))
    dialer = _NeverDial()
    with pytest.raises(DialRefused) as refused:
        await run_attempt(claim.attempt_id, services, dialer)  # type: ignore[arg-type]
    writer.close()
    assert refused.value.call_id == f"a{claim.attempt_id}"
    assert dialer.dialled == []
    with db.transaction() as session:
        row = session.get_one(CallAttempt, claim.attempt_id)
        assert row.state == "planned"
        kinds = [e.kind for e in session.scalars(select(AuditEvent))]
    assert "dial_refused" in kinds
    assert seen == ["refused"]
