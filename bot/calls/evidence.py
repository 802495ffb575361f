"""The :class:`bot.calls.ports.CallRecorder` port over the database.

Every transcript line becomes a ``turn`` row and every call event an audit row, written
while the call runs (so the console and a crash both see the call up to now). Writes go to
one writer thread per process, in order: the event loop never waits on SQLite or
PostgreSQL, and SQLite sees one writer at a time.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy.orm import Session

from bot.calls.ports import TurnRecord
from bot.storage import audit
from bot.storage.calls import add_turn, open_escalation
from bot.storage.database import Database

logger = logging.getLogger(__name__)


class EvidenceWriter:
    """A single background thread that runs database writes in submission order."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="evidence")
        self.failures = 0

    def submit(self, write: Callable[[Session], None]) -> None:
        """Queue ``write`` to run in its own write transaction."""

        def run() -> None:
            try:
                with self.db.transaction(write=True) as session:
                    write(session)
            except Exception:
                # Evidence must never crash a live call; the failure is logged and counted.
                self.failures += 1
                logger.exception("writing call evidence failed")

        self._executor.submit(run)

    async def drain(self) -> None:
        """Wait until everything submitted so far is written."""
        marker = self._executor.submit(lambda: None)
        await asyncio.wrap_future(marker)

    def close(self) -> None:
        """Finish pending writes and stop the thread."""
        self._executor.shutdown(wait=True)


class StorageCallRecorder:
    """Records one call attempt's transcript and events.

    Args:
        writer: The process's evidence writer.
        attempt_id: The ``call_attempt`` row of this call.
    """

    def __init__(self, writer: EvidenceWriter, attempt_id: int) -> None:
        self._writer = writer
        self._attempt_id = attempt_id
        self._subject = f"attempt:{attempt_id}"

    def turn(self, record: TurnRecord) -> None:
        """Store one transcript line (with the policy decision for caller lines)."""
        attempt_id = self._attempt_id

        def write(session: Session) -> None:
            add_turn(
                session,
                attempt_id,
                speaker=record.speaker,
                text=record.text,
                started_ms=record.started_ms,
                ended_ms=record.ended_ms,
                asr_confidence=record.asr_confidence,
                intent=record.intent,
                intent_confidence=record.intent_confidence,
                policy_action=record.policy_action,
                policy_reasons=record.policy_reasons or None,
            )

        self._writer.submit(write)

    def event(self, kind: str, payload: Mapping[str, Any]) -> None:
        """Append an audit row; an escalation also enters the supervisors' queue."""
        data = dict(payload)
        attempt_id = self._attempt_id
        subject = self._subject

        def write(session: Session) -> None:
            if kind == "escalation":
                open_escalation(session, attempt_id, list(data.get("reasons", [])))
            else:
                audit.append(session, kind, subject, data)

        self._writer.submit(write)
