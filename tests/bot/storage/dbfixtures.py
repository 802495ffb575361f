"""Database fixtures shared by the storage, campaign and debtor-command tests.

``db_url`` runs each test on SQLite (a fresh file) and on PostgreSQL (one schema per test
session, created and dropped here, emptied before each test). Without PostgreSQL the
PostgreSQL half skips with the reason.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.storage import Database, open_database
from bot.storage.database import create_database_engine
from bot.storage.testing import (
    postgres_unavailable_reason,
    temporary_schema,
    test_postgres_url,
    truncate_all,
)

TEST_KEY = bytes(range(32))
TEST_KEY_B64 = base64.b64encode(TEST_KEY).decode("ascii")


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    url = test_postgres_url()
    reason = postgres_unavailable_reason(url)
    if reason is not None:
        pytest.skip(reason)
    with temporary_schema(url) as scoped:
        open_database(scoped, master_key=TEST_KEY).close()
        yield scoped


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("KINDCALL_DATA_KEY", TEST_KEY_B64)
    monkeypatch.setenv("KINDCALL_VAR", str(tmp_path / "var"))
    monkeypatch.delenv("KINDCALL_DATABASE_URL", raising=False)
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kindcall.db'}"
    url: str = request.getfixturevalue("pg_url")
    engine = create_database_engine(url)
    truncate_all(engine)
    engine.dispose()
    return url


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.close()
