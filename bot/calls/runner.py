"""The orchestrator: run a claimed call attempt from dial to stored outcome.

For each claimed attempt: read the account, mark it dialled, ask the :class:`Dialer` to
ring the far end at this process's offer endpoint, wait for the WebRTC session, run the
:class:`bot.calls.conversation.Conversation` over it, then store the outcome, its effects
(cease → opt-out, wrong party → the number is marked do-not-call) and the recording's
SHA-256, each audited. A failure inside a live call ends it safely (recorded as a handoff
for a human to follow up), never as a crash of the worker.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal, Protocol

from bot.calls.accounts import CallAccount, load_call_account
from bot.calls.conversation import CallResult, CallSetup, Conversation
from bot.calls.events import CallEvent, CallEvents, PublishingRecorder
from bot.calls.evidence import EvidenceWriter, StorageCallRecorder
from bot.calls.outcome import CallOutcome
from bot.calls.rasa_dialogue import RasaDialogue
from bot.calls.spoken import day, disclosed_terms, money
from bot.calls.voice_channel import AudioVoiceChannel
from bot.campaigns.attempts import complete_attempt, mark_dialled
from bot.dialogue.client import RasaClient
from bot.errors import StorageError
from bot.storage import audit
from bot.storage.calls import record_outcome
from bot.storage.database import Database
from bot.storage.models import AttemptResult, Debtor
from bot.storage.optouts import record_opt_out
from bot.storage.types import utcnow
from voice.asr.base import ASREngine
from voice.transport import CallSession
from voice.tts.cache import TTSCache

logger = logging.getLogger(__name__)


class Dialer(Protocol):
    """Rings the far end of a call and makes it connect to ``offer_url``."""

    def dial(self, call_id: str, account: CallAccount, offer_url: str) -> asyncio.Task[object]:
        """Start ringing; the task ends when the far end is done with the call."""
        ...


class SessionHub:
    """Hands sessions arriving at the signalling server to the call that expects them."""

    def __init__(self) -> None:
        self._waiting: dict[str, asyncio.Future[CallSession]] = {}
        self._done: dict[str, asyncio.Event] = {}

    def live(self, call_id: str) -> CallSession | None:
        """The session of a call in progress, or None."""
        future = self._waiting.get(call_id)
        if future is None or not future.done() or future.cancelled():
            return None
        session = future.result()
        return None if session.closed.is_set() else session

    def expect(self, call_id: str) -> asyncio.Future[CallSession]:
        """Register a call about to be dialled; the future gets its session."""
        future: asyncio.Future[CallSession] = asyncio.get_running_loop().create_future()
        self._waiting[call_id] = future
        self._done[call_id] = asyncio.Event()
        return future

    def finish(self, call_id: str) -> None:
        """The call is over: release its session handler."""
        self._waiting.pop(call_id, None)
        done = self._done.pop(call_id, None)
        if done is not None:
            done.set()

    async def handle(self, session: CallSession) -> None:
        """The signalling server's handler: keep the session open until the call finishes."""
        future = self._waiting.get(session.call_id)
        if future is None or future.done():
            logger.warning("call %s: nobody expects this session", session.call_id)
            return
        done = self._done[session.call_id]
        future.set_result(session)
        await done.wait()


@dataclass
class CallServices:
    """What every call of one process shares."""

    db: Database
    writer: EvidenceWriter
    rasa: Mapping[str, RasaClient]
    asr: Mapping[str, ASREngine]
    tts: Mapping[str, TTSCache]
    hub: SessionHub
    base_url: str
    ring_timeout_s: float = 20.0
    listen_timeout_s: float = 10.0
    hold_seconds: float = 5.0
    events: CallEvents = field(default_factory=CallEvents)
    #: The worker id the attempts were claimed under: a claim another worker took over
    #: after its lease ran out is not dialled (see ``bot.campaigns.attempts.mark_dialled``).
    worker_id: str | None = None
    #: The wall clock used for attempt rows (a demo runs inside a simulated calling day).
    clock: Callable[[], datetime] = utcnow


@dataclass(frozen=True, slots=True)
class CallReport:
    """The orchestrator's summary of one attempt."""

    attempt_id: int
    call_id: str
    account: CallAccount
    outcome: CallOutcome
    result: CallResult | None
    recording: Path | None
    recording_sha256: str | None
    tts_hits: int
    tts_misses: int


def call_slots(account: CallAccount) -> dict[str, str]:
    """The dialogue slots for ``account`` (amounts and dates as they are spoken)."""
    locale = account.locale
    return {
        "debtor_name": account.debtor_name,
        "creditor_name": account.creditor_name,
        "amount_due": money(account.amount_due, account.currency, locale),
        "minimum_due": money(account.minimum_due, account.currency, locale),
        "due_date": day(account.due_date, locale),
    }


def call_setup(account: CallAccount, call_id: str, services: CallServices) -> CallSetup:
    """Everything the conversation loop needs for ``account``."""
    slots = call_slots(account)
    # The actions read relative dates ("next Friday") against the person's calling day.
    extra = {"locale": account.locale, "call_date": services.clock().date().isoformat()}
    locale: Literal["zh", "en"] = "zh" if account.locale == "zh" else "en"
    return CallSetup(
        call_id=call_id,
        locale=locale,
        tier=account.tier,
        tone="hardship" if account.soft_handling else "standard",
        slots={**slots, **extra},
        disclosed_terms=disclosed_terms(
            creditor=slots["creditor_name"],
            amount=slots["amount_due"],
            due=slots["due_date"],
            minimum=slots["minimum_due"],
        ),
        listen_timeout_s=services.listen_timeout_s,
        hold_seconds=services.hold_seconds,
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


class DialRefused(StorageError):
    """The attempt was not dialled: the check at the dial instant refused it.

    Between the claim and the dial the window may have closed or the person may have asked
    not to be called; :func:`bot.campaigns.attempts.mark_dialled` then puts the attempt
    back to planned with a ``dial_refused`` audit row. Nothing was said to anyone.
    """

    def __init__(self, call_id: str, reason: str) -> None:
        super().__init__(f"call {call_id} not dialled: {reason}")
        self.call_id = call_id
        self.reason = reason


def call_id_of(attempt_id: int) -> str:
    """The id a call of ``attempt_id`` goes by (signalling path, Rasa sender id, events)."""
    return f"a{attempt_id}"


async def run_attempt(attempt_id: int, services: CallServices, dialer: Dialer) -> CallReport:
    """Dial one claimed attempt and run it to its stored outcome.

    Raises:
        DialRefused: The compliance check at the dial instant refused the call (the
            attempt is planned again; no far end was dialled).
    """
    db = services.db
    account = await asyncio.to_thread(_load, db, attempt_id)
    call_id = call_id_of(attempt_id)
    try:
        await asyncio.to_thread(
            mark_dialled, db, attempt_id, services.clock(), worker_id=services.worker_id
        )
    except StorageError as exc:
        services.events.publish(CallEvent(call_id, "refused", {"reason": str(exc)}))
        raise DialRefused(call_id, str(exc)) from exc
    waiting = services.hub.expect(call_id)
    far_end = dialer.dial(call_id, account, f"{services.base_url}/calls/{call_id}/offer")
    services.events.publish(CallEvent(call_id, "ringing"))
    tts = services.tts[account.locale].for_call()
    result: CallResult | None = None
    recording: Path | None = None
    try:
        try:
            async with asyncio.timeout(services.ring_timeout_s):
                session = await asyncio.shield(waiting)
                await session.wait_connected()
        except TimeoutError:
            session = None
        if session is None:
            outcome = CallOutcome("no_answer", handoff=False, reasons=("no_answer",))
        else:
            services.events.publish(CallEvent(call_id, "connected"))
            recording = session.recorder.path if session.recorder is not None else None
            result = await _converse(session, account, call_id, services, tts)
            outcome = result.outcome
    finally:
        services.hub.finish(call_id)
        # The far end notices the hang-up by itself; give it a moment, then stop it.
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(far_end, timeout=10)
    await services.writer.drain()
    sha = await asyncio.to_thread(_sha256, recording) if recording and recording.exists() else None
    await asyncio.to_thread(_store_outcome, db, account, outcome, recording, sha, services.clock())
    ended = {"outcome": outcome.kind, "handoff": outcome.handoff, "reasons": list(outcome.reasons)}
    services.events.publish(CallEvent(call_id, "ended", ended))
    return CallReport(
        attempt_id, call_id, account, outcome, result, recording, sha, tts.hits, tts.misses
    )


def _load(db: Database, attempt_id: int) -> CallAccount:
    with db.transaction() as session:
        return load_call_account(session, db.vault, attempt_id)


async def _converse(
    session: CallSession,
    account: CallAccount,
    call_id: str,
    services: CallServices,
    tts: TTSCache,
) -> CallResult:
    locale = account.locale
    channel = AudioVoiceChannel(session, services.asr[locale], tts, locale)
    await channel.start()
    conversation = Conversation(
        call_setup(account, call_id, services),
        RasaDialogue(services.rasa[locale], call_id, locale),
        channel,
        PublishingRecorder(
            StorageCallRecorder(services.writer, account.attempt_id), services.events, call_id
        ),
    )
    return await conversation.run()


def _promise_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _store_outcome(
    db: Database,
    account: CallAccount,
    outcome: CallOutcome,
    recording: Path | None,
    sha: str | None,
    now: datetime,
) -> None:
    answered = outcome.kind != "no_answer"
    result = AttemptResult.CONVERSATION if answered else AttemptResult.NO_ANSWER
    subject = f"attempt:{account.attempt_id}"
    # The outcome and any opt-out first, while the person is still locked by this call's
    # lease: ending the lease first would let another worker claim them before a cease
    # heard on this call is stored (no quiet period under cn).
    with db.transaction(write=True) as session:
        record_outcome(
            session,
            account.attempt_id,
            outcome.kind,
            amount=outcome.promised_amount,
            promise_date=_promise_date(outcome.promised_date),
            note=",".join(outcome.reasons) or None,
        )
        if recording is not None:
            audit.append(session, "recording", subject, {"path": str(recording), "sha256": sha})
        if outcome.kind == "cease":
            record_opt_out(session, db.vault, account.phone_e164, "cease", f"call:{subject}")
            debtor = session.get_one(Debtor, account.debtor_id)
            debtor.cease = True
        elif outcome.kind == "wrong_party":
            # The number is not the debtor's: never dial it again for this debt.
            record_opt_out(session, db.vault, account.phone_e164, "dnc", f"call:{subject}")
    complete_attempt(db, account.attempt_id, result, now)


__all__ = [
    "CallReport",
    "CallServices",
    "Dialer",
    "SessionHub",
    "call_id_of",
    "call_setup",
    "call_slots",
    "DialRefused",
    "run_attempt",
]
