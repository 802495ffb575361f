from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text

from bot.errors import StorageError
from bot.storage import Database, audit
from bot.storage.models import AuditEvent

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def _fill(db: Database, n: int) -> None:
    for i in range(n):
        with db.transaction(write=True) as session:
            audit.append(
                session, "precheck", f"attempt:{i}", {"allowed": i % 2 == 0, "n": i}, at=T0
            )


def test_chain_links_and_verifies(db: Database) -> None:
    _fill(db, 5)
    with db.transaction() as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        assert [r.seq for r in rows] == [1, 2, 3, 4, 5]
        assert rows[0].prev_hash == audit.GENESIS_HASH
        assert all(b.prev_hash == a.hash for a, b in zip(rows, rows[1:], strict=False))
        assert rows[2].hash == audit.compute_hash(
            3, T0, "precheck", "attempt:2", {"allowed": True, "n": 2}, rows[1].hash
        )
        assert audit.verify(session) == audit.VerifyReport(count=5)


def test_hash_is_over_the_documented_canonical_form() -> None:
    import hashlib

    body = '[1,"2026-03-02T01:00:00.000000+00:00","k","s",{"a":"é","b":1},"' + "0" * 64 + '"]'
    expected = hashlib.sha256(body.encode()).hexdigest()
    assert audit.compute_hash(1, T0, "k", "s", {"b": 1, "a": "é"}, "0" * 64) == expected


def test_database_refuses_update_and_delete(db: Database) -> None:
    _fill(db, 2)
    for statement in ("UPDATE audit_event SET kind = 'x'", "DELETE FROM audit_event"):
        with pytest.raises(StorageError, match="audit_event is append-only"):
            with db.transaction(write=True) as session:
                session.execute(text(statement))


def _drop_guard(db: Database) -> None:
    with db.engine.begin() as conn:
        if db.dialect == "postgresql":
            conn.execute(text("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only"))
        else:
            conn.execute(text("DROP TRIGGER audit_event_no_update"))
            conn.execute(text("DROP TRIGGER audit_event_no_delete"))


def test_verify_names_an_edited_row(db: Database) -> None:
    _fill(db, 6)
    _drop_guard(db)
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_event SET payload = :p WHERE seq = 4"),
            {"p": '{"allowed": true, "n": 3}'},
        )
    with db.transaction() as session:
        report = audit.verify(session)
    assert (report.ok, report.count, report.broken_seq) == (False, 3, 4)
    assert report.problem is not None and report.problem.startswith(
        "content does not match its hash"
    )


def test_verify_names_a_deleted_row_and_a_relinked_row(db: Database) -> None:
    _fill(db, 6)
    _drop_guard(db)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_event WHERE seq = 3"))
    with db.transaction() as session:
        report = audit.verify(session)
    assert (report.broken_seq, report.problem) == (4, "sequence gap: expected seq 3, found 4")
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET seq = seq - 1 WHERE seq > 3"))
    with db.transaction() as session:
        report = audit.verify(session)
    assert report.broken_seq == 3
    assert report.problem is not None and "does not match the hash of seq 2" in report.problem


def test_concurrent_appends_keep_one_chain(db: Database) -> None:
    errors: list[BaseException] = []

    def worker(w: int) -> None:
        try:
            for i in range(15):
                with db.transaction(write=True) as session:
                    audit.append(session, "claim", f"w{w}", {"i": i})
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with db.transaction() as session:
        assert audit.verify(session) == audit.VerifyReport(count=90)


def test_payload_must_be_json(db: Database) -> None:
    with pytest.raises(StorageError, match="audit payload is not JSON-serialisable"):
        with db.transaction(write=True) as session:
            audit.append(session, "x", "y", {"when": datetime(2026, 1, 1, tzinfo=UTC)})
