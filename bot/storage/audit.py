"""The append-only, hash-chained audit log.

Every row carries ``hash = SHA-256(canonical JSON of [seq, at, kind, subject, payload,
prev_hash])`` and ``prev_hash`` = the previous row's hash (64 zeros for the first row).
Changing, inserting or deleting any row breaks the chain at that row, which
:func:`verify` reports. Canonical JSON: keys sorted, no whitespace, UTF-8, ``at`` as ISO-8601
UTC with microseconds.

Appends are serialised so two writers never take the same ``seq``: PostgreSQL takes a
transaction-scoped advisory lock, SQLite relies on the write lock (``BEGIN IMMEDIATE`` or
the first write of the transaction).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from hashlib import sha256
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from bot.errors import StorageError
from bot.storage.models import AuditEvent
from bot.storage.types import utcnow

GENESIS_HASH = "0" * 64
# Arbitrary constant: the PostgreSQL advisory lock that serialises audit appends.
_AUDIT_LOCK = 0x4B43_0002
_VERIFY_BATCH = 5000


def canonical(value: Any) -> str:
    """The canonical JSON text of a JSON-compatible value."""
    try:
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise StorageError(f"audit payload is not JSON-serialisable: {exc}") from exc


def compute_hash(
    seq: int, at: datetime, kind: str, subject: str, payload: Any, prev_hash: str
) -> str:
    """The SHA-256 (hex) of one row's canonical form."""
    at_iso = at.astimezone(UTC).isoformat(timespec="microseconds")
    body = canonical([seq, at_iso, kind, subject, payload, prev_hash])
    return sha256(body.encode("utf-8")).hexdigest()


def append(
    session: Session,
    kind: str,
    subject: str,
    payload: dict[str, Any],
    *,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one event to the chain inside the caller's transaction.

    The row becomes visible (and the append lock is released) when the caller commits, so
    the event is recorded atomically with whatever it describes.

    On SQLite call it in a write transaction (``db.transaction(write=True)``): a deferred
    transaction that read the chain's end could otherwise lose the race to upgrade its lock.

    Args:
        session: an open session; its transaction must be committed by the caller.
        kind: what happened, e.g. ``precheck``, ``claim``, ``outcome``, ``opt_out``.
        subject: what it happened to, e.g. ``attempt:42``.
        payload: JSON-compatible details (use strings for Decimal and dates).
        at: when; defaults to now (UTC).

    Returns:
        The new (flushed) :class:`AuditEvent`.
    """
    # Round-trip through canonical JSON so the hashed value equals what is read back.
    stored_payload = json.loads(canonical(payload))
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _AUDIT_LOCK})
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    seq, prev_hash = (last[0] + 1, last[1]) if last is not None else (1, GENESIS_HASH)
    when = (at or utcnow()).astimezone(UTC)
    event = AuditEvent(
        seq=seq,
        at=when,
        kind=kind,
        subject=subject,
        payload=stored_payload,
        prev_hash=prev_hash,
        hash=compute_hash(seq, when, kind, subject, stored_payload, prev_hash),
    )
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The result of :func:`verify`.

    Attributes:
        count: rows checked (all rows when the chain is intact).
        broken_seq: ``seq`` of the first broken row, or None.
        problem: what mismatched at that row.
    """

    count: int
    broken_seq: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        """True when every row links to its predecessor and matches its hash."""
        return self.broken_seq is None


def _rows(session: Session) -> Iterator[AuditEvent]:
    after = 0
    while True:
        batch = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.seq > after)
            .order_by(AuditEvent.seq)
            .limit(_VERIFY_BATCH)
        ).all()
        if not batch:
            return
        yield from batch
        after = batch[-1].seq
        session.expunge_all()


def verify(session: Session) -> VerifyReport:
    """Walk the chain from the first row and report the first row that does not hold."""
    expected_seq, prev_hash, count = 1, GENESIS_HASH, 0
    for row in _rows(session):
        if row.seq != expected_seq:
            return VerifyReport(
                count, row.seq, f"sequence gap: expected seq {expected_seq}, found {row.seq}"
            )
        if row.prev_hash != prev_hash:
            return VerifyReport(
                count,
                row.seq,
                f"prev_hash {row.prev_hash[:12]}… does not match the hash of seq "
                f"{row.seq - 1} ({prev_hash[:12]}…)",
            )
        recomputed = compute_hash(
            row.seq, row.at, row.kind, row.subject, row.payload, row.prev_hash
        )
        if recomputed != row.hash:
            return VerifyReport(
                count,
                row.seq,
                f"content does not match its hash (stored {row.hash[:12]}…, "
                f"recomputed {recomputed[:12]}…): at, kind, subject or payload was edited",
            )
        prev_hash, expected_seq, count = row.hash, expected_seq + 1, count + 1
    return VerifyReport(count)


def tail(session: Session, limit: int = 20) -> list[AuditEvent]:
    """The newest ``limit`` events, oldest first."""
    rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)).all()
    return list(reversed(rows))
