"""A supervisor takes over an escalated call, and hands it back.

The call must be live and escalated (an open row in the supervisors' queue): the
supervisor's audio replaces the bot's on the line (the recording keeps both sides), the
escalation becomes ``taken`` by that supervisor, and the bus announces it. While the line
is taken the bot stays silent; when the supervisor hands it back the escalation is
``closed`` and the bot ends the call without another word (see
:meth:`bot.calls.conversation.Conversation`'s handoff). Every step is audited through the
storage functions. The web console (a later issue) calls these two methods.
"""

from __future__ import annotations

import asyncio

from aiortc.mediastreams import MediaStreamTrack
from sqlalchemy import select

from bot.calls.events import CallEvent, CallEvents
from bot.calls.evidence import EvidenceWriter
from bot.calls.runner import SessionHub
from bot.errors import CallError
from bot.storage.calls import set_escalation_status
from bot.storage.database import Database
from bot.storage.models import Escalation, EscalationStatus

__all__ = ["Supervision", "attempt_of"]


def attempt_of(call_id: str) -> int:
    """The attempt id of a call id ``a<attempt id>``.

    Raises:
        CallError: ``call_id`` is not of that form.
    """
    if not (call_id.startswith("a") and call_id[1:].isdigit()):
        raise CallError(f"{call_id!r} is not a call id (expected a<attempt id>)")
    return int(call_id[1:])


class Supervision:
    """Take-over and hand-back for the calls of one process.

    Args:
        db: The database holding the escalations.
        writer: The evidence writer (drained first, so a just-raised escalation is there).
        hub: Finds the live session of a call.
        events: Where joins and leaves are announced.
    """

    def __init__(
        self, db: Database, writer: EvidenceWriter, hub: SessionHub, events: CallEvents
    ) -> None:
        self._db = db
        self._writer = writer
        self._hub = hub
        self._events = events
        self._taken: dict[str, int] = {}

    def _escalation(self, attempt_id: int, supervisor: str) -> int:
        with self._db.transaction(write=True) as session:
            row = session.scalars(
                select(Escalation)
                .where(
                    Escalation.call_id == attempt_id,
                    Escalation.status == EscalationStatus.OPEN.value,
                )
                .order_by(Escalation.id.desc())
            ).first()
            if row is None:
                raise CallError(f"call a{attempt_id} has no open escalation to take")
            set_escalation_status(session, row.id, EscalationStatus.TAKEN, by=supervisor)
            return row.id

    def _close(self, escalation_id: int, supervisor: str) -> None:
        with self._db.transaction(write=True) as session:
            set_escalation_status(session, escalation_id, EscalationStatus.CLOSED, by=supervisor)

    async def take(self, call_id: str, supervisor: str, source: MediaStreamTrack) -> int:
        """Put ``source`` on the line of escalated call ``call_id``; returns the escalation id.

        Raises:
            CallError: The call is not live, has no open escalation, or is already taken.
        """
        if call_id in self._taken:
            raise CallError(f"call {call_id} is already taken over")
        attempt_id = attempt_of(call_id)
        session = self._hub.live(call_id)
        if session is None:
            raise CallError(f"call {call_id} is not in progress")
        await self._writer.drain()
        escalation_id = await asyncio.to_thread(self._escalation, attempt_id, supervisor)
        self._taken[call_id] = escalation_id
        session.take_over(source)
        data = {"supervisor": supervisor, "escalation": escalation_id}
        self._events.publish(CallEvent(call_id, "supervisor_joined", data))
        return escalation_id

    async def hand_back(self, call_id: str, supervisor: str) -> None:
        """The supervisor is done: the escalation closes and the bot ends the call.

        Raises:
            CallError: ``call_id`` is not taken over.
        """
        escalation_id = self._taken.pop(call_id, None)
        if escalation_id is None:
            raise CallError(f"call {call_id} is not taken over")
        session = self._hub.live(call_id)
        if session is not None:
            session.hand_back()
        await asyncio.to_thread(self._close, escalation_id, supervisor)
        data = {"supervisor": supervisor, "escalation": escalation_id}
        self._events.publish(CallEvent(call_id, "supervisor_left", data))
