"""A supervisor takes over an escalated call on hold: real aiortc both ways, real database."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.calls.events import CallEvents
from bot.calls.evidence import EvidenceWriter
from bot.calls.runner import SessionHub
from bot.calls.supervision import Supervision, attempt_of
from bot.calls.voice_channel import AudioVoiceChannel
from bot.campaigns import create_campaign
from bot.errors import CallError
from bot.storage import Database
from bot.storage.calls import open_escalation
from bot.storage.debtors import upsert_record
from bot.storage.models import Account, AuditEvent, CallAttempt, Contact, Escalation
from tests.bot.storage.dbfixtures import db, db_url, pg_url
from tests.bot.storage.factories import make_record, with_tier
from tests.voice.sim.scripted import ScriptedASR
from tests.voice.transport.signals import dominant_hz, rms, tone
from voice.transport import BotAudioTrack, CallSession, InboundAudio, SignallingServer, connect
from voice.tts import EspeakTTS, TTSCache

__all__ = ["db", "db_url", "pg_url"]

SUPERVISOR_HZ = 880.0


def _attempt(db: Database, *, escalated: bool) -> int:
    with db.transaction(write=True) as session:
        upsert_record(session, db.vault, make_record(1), with_tier(2))
    campaign = create_campaign(db, "c", profile="cn", locale="en")
    with db.transaction(write=True) as session:
        at = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
        call = CallAttempt(
            campaign_id=campaign.id,
            account_id=session.scalars(select(Account)).one().id,
            contact_id=session.scalars(select(Contact)).one().id,
            tier=2,
            planned_at=at,
            scheduled_at=at,
        )
        session.add(call)
        session.flush()
        if escalated:
            open_escalation(session, call.id, ["distress"])
        return call.id


async def _loud_hz(inbound: InboundAudio, seconds: float) -> list[float]:
    """The dominant frequency of every loud 20 ms frame heard for ``seconds``."""
    heard = []
    loop = asyncio.get_running_loop()
    until = loop.time() + seconds
    async for frame in inbound:
        if rms(frame.pcm) > 3000:
            heard.append(dominant_hz(frame.pcm))
        if loop.time() > until:
            break
    return heard


async def _call(
    tmp_path: Path, db: Database, escalated: bool
) -> tuple[str, SessionHub, SignallingServer, CallSession, CallSession]:
    call_id = f"a{_attempt(db, escalated=escalated)}"
    hub = SessionHub()
    server = SignallingServer(hub.handle, record_dir=tmp_path / "rec")
    base = await server.start()
    waiting = hub.expect(call_id)
    callee = await connect(f"{base}/calls/{call_id}/offer")
    async with asyncio.timeout(10):
        bot = await waiting
        await bot.wait_connected()
        await callee.wait_connected()
    return call_id, hub, server, bot, callee


async def test_a_supervisor_takes_the_line_during_hold_and_hands_it_back(
    tmp_path: Path, db: Database
) -> None:
    call_id, hub, server, bot, callee = await _call(tmp_path, db, escalated=True)
    events = CallEvents()
    writer = EvidenceWriter(db)
    supervision = Supervision(db, writer, hub, events)
    # The callee stays silent: this test is about the line, not about understanding.
    tts = TTSCache(tmp_path / "tts", EspeakTTS())
    channel = AudioVoiceChannel(bot, ScriptedASR([]), tts, "en")
    await channel.start()
    inbound = await callee.inbound()
    with events.subscribe() as stream:
        hold = asyncio.ensure_future(channel.hold(30.0))
        await asyncio.sleep(0.5)
        assert not hold.done()
        supervisor = BotAudioTrack()
        supervisor.play(tone(3000, SUPERVISOR_HZ, amplitude=12_000), 48_000)
        escalation_id = await supervision.take(call_id, "sup-1", supervisor)
        async with asyncio.timeout(2):
            assert await hold is True
        # The person hears the supervisor (the hold beep is quiet and at 440 Hz).
        heard = await _loud_hz(inbound, 1.5)
        assert heard and all(abs(hz - SUPERVISOR_HZ) < 30 for hz in heard), heard
        with pytest.raises(CallError, match="already taken over"):
            await supervision.take(call_id, "sup-2", BotAudioTrack())
        supervised = asyncio.ensure_future(channel.supervised())
        await asyncio.sleep(0.3)
        assert not supervised.done()  # the bot stays quiet while the supervisor talks
        await supervision.hand_back(call_id, "sup-1")
        async with asyncio.timeout(2):
            await supervised
        published = [(e.kind, dict(e.data)) for e in stream.pending()]
    data = {"supervisor": "sup-1", "escalation": escalation_id}
    assert published == [("supervisor_joined", data), ("supervisor_left", data)]
    with db.transaction() as session:
        row = session.get_one(Escalation, escalation_id)
        assert (row.status, row.taken_by) == ("closed", "sup-1")
        statuses = [
            e.payload["status"]
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.kind == "escalation_status")
            )
        ]
        assert statuses == ["taken", "closed"]
    await channel.hang_up()
    hub.finish(call_id)
    await callee.close()
    await server.stop()
    writer.close()


async def test_only_a_live_escalated_call_can_be_taken(tmp_path: Path, db: Database) -> None:
    call_id, hub, server, bot, callee = await _call(tmp_path, db, escalated=False)
    writer = EvidenceWriter(db)
    supervision = Supervision(db, writer, hub, CallEvents())
    with pytest.raises(CallError, match="no open escalation"):
        await supervision.take(call_id, "sup-1", BotAudioTrack())
    with pytest.raises(CallError, match="not in progress"):
        await supervision.take("a999", "sup-1", BotAudioTrack())
    with pytest.raises(CallError, match="not taken over"):
        await supervision.hand_back(call_id, "sup-1")
    with pytest.raises(CallError, match="not a call id"):
        attempt_of("call-7")
    hub.finish(call_id)
    await callee.close()
    await server.stop()
    writer.close()
