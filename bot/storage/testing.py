"""Helpers for tests that need a real PostgreSQL: a throw-away schema per test session.

Used by the test suites' fixtures; nothing in the application imports this module.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import psycopg
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from bot.storage.models import Base

TEST_POSTGRES_ENV = "KINDCALL_TEST_POSTGRES_URL"
DEFAULT_TEST_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def test_postgres_url() -> str:
    """The PostgreSQL URL tests use (``KINDCALL_TEST_POSTGRES_URL`` or the local default)."""
    return os.environ.get(TEST_POSTGRES_ENV, DEFAULT_TEST_POSTGRES_URL)


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def postgres_unavailable_reason(url: str) -> str | None:
    """None when PostgreSQL at ``url`` answers, else why not (for ``pytest.skip``)."""
    try:
        with psycopg.connect(_libpq(url), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return f"PostgreSQL not reachable at {url} ({TEST_POSTGRES_ENV}): {exc}".strip()
    return None


@contextmanager
def temporary_schema(url: str) -> Iterator[str]:
    """Create a unique schema, yield a URL whose connections use it, then drop it."""
    schema = f"kc_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in url else "?"
    scoped = f"{url}{separator}options={quote(f'-csearch_path={schema}')}"
    try:
        yield scoped
    finally:
        with psycopg.connect(_libpq(url), autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def truncate_all(engine: Engine) -> None:
    """Empty every KindCall table of a PostgreSQL schema except the key fingerprint."""
    names = [t.name for t in Base.metadata.sorted_tables if t.name != "kindcall_meta"]
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
