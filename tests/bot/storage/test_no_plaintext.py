"""Names and phone numbers never reach the database file in clear text."""

from __future__ import annotations

import sqlite3

import psycopg
from sqlalchemy import inspect

from bot.storage import Database
from bot.storage.debtors import (
    contact_phone,
    debtor_name,
    find_debtors_by_phone,
    upsert_record,
)
from bot.storage.models import Base
from bot.storage.optouts import record_opt_out
from bot.storage.testing import _libpq
from tests.bot.storage.factories import make_record, with_tier

NAMES = ["王小明", "Margaret Oyelaran-Smith"]
PHONES = ["+8613912345678", "+16175550123"]


def _raw_dump(db: Database) -> bytes:
    """Every cell of every table, read without SQLAlchemy, as one blob."""
    url = db.engine.url
    chunks: list[bytes] = []
    tables = [t.name for t in Base.metadata.sorted_tables]
    if url.get_backend_name() == "sqlite":
        assert url.database is not None
        db.close()  # checkpoint the WAL so the main file holds everything
        with open(url.database, "rb") as handle:
            chunks.append(handle.read())
        conn = sqlite3.connect(url.database)
        rows = [r for t in tables for r in conn.execute(f"SELECT * FROM {t}")]
        conn.close()
    else:
        with psycopg.connect(_libpq(url.render_as_string(hide_password=False))) as conn:
            rows = [r for t in tables for r in conn.execute(f"SELECT * FROM {t}")]
    for row in rows:
        for cell in row:
            if isinstance(cell, (bytes, bytearray, memoryview)):
                chunks.append(bytes(cell))
            else:
                chunks.append(str(cell).encode("utf-8"))
    return b"\n".join(chunks)


def test_raw_database_holds_no_name_or_phone(db: Database) -> None:
    with db.transaction(write=True) as session:
        for n, (name, phone) in enumerate(zip(NAMES, PHONES, strict=True)):
            upsert_record(
                session, db.vault, make_record(n, full_name=name, phone_e164=phone), with_tier(3)
            )
        record_opt_out(session, db.vault, PHONES[1], "cease", "call:1")
    # The application can still read them back and find people by phone.
    with db.transaction() as session:
        found = find_debtors_by_phone(session, db.vault, PHONES[1])
        assert [debtor_name(db.vault, d) for d in found] == [NAMES[1]]
        assert contact_phone(db.vault, found[0].contacts[0]) == PHONES[1]
        assert sorted(inspect(db.engine).get_table_names()) == sorted(
            ["alembic_version", *Base.metadata.tables]
        )
    blob = _raw_dump(db)
    assert b"Example Bank" in blob  # the dump really contains the rows
    for secret in [*NAMES, *PHONES, *(p.lstrip("+") for p in PHONES), *(p[-8:] for p in PHONES)]:
        assert secret.encode("utf-8") not in blob, secret
