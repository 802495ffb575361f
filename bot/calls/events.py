"""The live event stream of a process's calls: what a supervisor's console or a table watches.

Every call publishes its lifecycle (ringing, connected, ended with the outcome), each
transcript line with the policy's decision, escalations with their reasons, and a
supervisor joining or leaving. Listeners are either plain callbacks (run inline, so they
must be quick) or async subscribers, each with its own bounded queue: a slow subscriber
loses its oldest events (counted in :attr:`Subscription.dropped`), never slows a call.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.calls.ports import CallRecorder, TurnRecord

logger = logging.getLogger(__name__)

EventKind = Literal[
    "refused",
    "ringing",
    "connected",
    "turn",
    "escalated",
    "supervisor_joined",
    "supervisor_left",
    "ended",
]


@dataclass(frozen=True, slots=True)
class CallEvent:
    """One thing that happened in a call.

    Attributes:
        call_id: The call (``a<attempt id>``).
        kind: What happened.
        data: Details: ``turn`` has speaker, text, at_ms, policy_action, reasons;
            ``escalated`` has reasons; ``supervisor_*`` has supervisor and escalation;
            ``ended`` has outcome, handoff and reasons.
        at: Monotonic time of publication.
    """

    call_id: str
    kind: EventKind
    data: Mapping[str, Any] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)


class Subscription:
    """An async iterator over the events published after it was opened."""

    def __init__(self, limit: int) -> None:
        self._queue: asyncio.Queue[CallEvent] = asyncio.Queue(maxsize=limit)
        self.dropped = 0

    def _offer(self, event: CallEvent) -> None:
        if self._queue.full():
            self._queue.get_nowait()
            self.dropped += 1
        self._queue.put_nowait(event)

    def __aiter__(self) -> AsyncIterator[CallEvent]:
        return self

    async def __anext__(self) -> CallEvent:
        return await self._queue.get()

    def pending(self) -> list[CallEvent]:
        """The events waiting now, without waiting for more."""
        events = []
        while not self._queue.empty():
            events.append(self._queue.get_nowait())
        return events


class CallEvents:
    """The bus: :meth:`publish` from the calls, :meth:`listen` or :meth:`subscribe` to watch."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[CallEvent], None]] = []
        self._subscriptions: list[Subscription] = []

    def publish(self, event: CallEvent) -> None:
        """Hand ``event`` to every listener; a failing callback is logged, never raised."""
        for callback in list(self._callbacks):
            try:
                callback(event)
            except Exception:
                logger.exception("call event listener failed on %s", event.kind)
        for subscription in list(self._subscriptions):
            subscription._offer(event)

    def listen(self, callback: Callable[[CallEvent], None]) -> Callable[[], None]:
        """Call ``callback`` with every event; returns the function that stops it."""
        self._callbacks.append(callback)
        return lambda: self._callbacks.remove(callback)

    @contextlib.contextmanager
    def subscribe(self, limit: int = 1000) -> Iterator[Subscription]:
        """``with events.subscribe() as stream: async for event in stream: ...``."""
        subscription = Subscription(limit)
        self._subscriptions.append(subscription)
        try:
            yield subscription
        finally:
            self._subscriptions.remove(subscription)


class PublishingRecorder:
    """A :class:`CallRecorder` that also publishes transcript lines and escalations.

    Args:
        inner: Where the evidence is stored.
        events: The bus.
        call_id: The call the records belong to.
    """

    def __init__(self, inner: CallRecorder, events: CallEvents, call_id: str) -> None:
        self._inner = inner
        self._events = events
        self._call_id = call_id

    def turn(self, record: TurnRecord) -> None:
        """Store the line, then publish it."""
        self._inner.turn(record)
        data = {
            "speaker": record.speaker,
            "text": record.text,
            "at_ms": record.started_ms,
            "policy_action": record.policy_action,
            "reasons": list(record.policy_reasons),
        }
        self._events.publish(CallEvent(self._call_id, "turn", data))

    def event(self, kind: str, payload: Mapping[str, Any]) -> None:
        """Store the event; an escalation is also published."""
        self._inner.event(kind, payload)
        if kind == "escalation":
            reasons = list(payload.get("reasons", []))
            self._events.publish(CallEvent(self._call_id, "escalated", {"reasons": reasons}))


__all__ = ["CallEvent", "CallEvents", "EventKind", "PublishingRecorder", "Subscription"]
