"""Open the database: resolve the URL, tune the connection, apply migrations.

Default: ``sqlite:///<var>/kindcall.db`` (WAL, foreign keys, busy timeout). Set
``KINDCALL_DATABASE_URL`` (e.g. ``postgresql+psycopg://user@host/db``) to use PostgreSQL; a
``?options=-csearch_path%3Dschema`` suffix selects a schema.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.errors import ConfigError, StorageError
from bot.paths import var_dir
from bot.storage.crypto import KEY_FILE_NAME, Vault, load_master_key
from bot.storage.models import Meta

URL_ENV = "KINDCALL_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_S = 30.0
_BEGIN_OPTION = "kindcall_sqlite_begin"


def resolve_url(url: str | None = None) -> str:
    """The database URL: the argument, else ``KINDCALL_DATABASE_URL``, else the SQLite file."""
    if url:
        return url
    env = os.environ.get(URL_ENV)
    if env:
        return env
    directory = var_dir()
    directory.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{directory / 'kindcall.db'}"


@dataclass(frozen=True, slots=True)
class Database:
    """An open database: engine, session factories and the personal-data vault.

    Attributes:
        engine: the SQLAlchemy engine.
        sessions: ordinary sessions (reads, and writes that cannot conflict).
        writer_sessions: sessions whose transaction takes the write lock up front
            (``BEGIN IMMEDIATE`` on SQLite); use them for read-then-write logic such as
            claims, so two processes cannot both read the same state and then write.
        vault: encrypts names and phone numbers and computes blind indexes.
    """

    engine: Engine
    sessions: sessionmaker[Session]
    writer_sessions: sessionmaker[Session]
    vault: Vault

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Session]:
        """A session inside one transaction: committed on success, rolled back on error.

        Args:
            write: take the write lock at the start (see :attr:`writer_sessions`).

        Raises:
            StorageError: the database failed; the original error is chained.
        """
        factory = self.writer_sessions if write else self.sessions
        try:
            with factory.begin() as session:
                yield session
        except SQLAlchemyError as exc:
            raise StorageError(f"database error: {exc.__class__.__name__}: {exc}") from exc

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's implicit BEGIN is
        # deferred and cannot be made IMMEDIATE per transaction).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def create_database_engine(url: str) -> Engine:
    """Create an engine for ``url`` with KindCall's connection settings (no migrations)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"invalid database URL {url!r}: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            os.makedirs(os.path.dirname(os.path.abspath(parsed.database)), exist_ok=True)
        engine = create_engine(
            parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False}
        )
        _tune_sqlite(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_pre_ping=True, pool_size=10, max_overflow=10)
    raise ConfigError(f"unsupported database {parsed.get_backend_name()!r} in {url!r}")


def open_database(url: str | None = None, *, master_key: bytes | None = None) -> Database:
    """Open (and create or upgrade) the KindCall database.

    Applies the Alembic migrations up to head, then checks that the data key is the one
    the database was written with.

    Args:
        url: SQLAlchemy URL; default from :func:`resolve_url`.
        master_key: 32-byte data key; default from ``KINDCALL_DATA_KEY`` or ``var/data.key``.

    Returns:
        The open :class:`Database`.

    Raises:
        ConfigError: bad URL, or the data key differs from the one used to write the data.
        StorageError: the database is unreachable or a migration failed.
    """
    from bot.storage.migrate import upgrade_to_head

    engine = create_database_engine(resolve_url(url))
    try:
        upgrade_to_head(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(f"cannot open database {engine.url!r}: {exc}") from exc
    if master_key is None:
        master_key = load_master_key(_key_beside(engine))
    vault = Vault(master_key)
    sessions = sessionmaker(engine, expire_on_commit=False)
    writer = engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
    db = Database(
        engine=engine,
        sessions=sessions,
        writer_sessions=sessionmaker(writer, expire_on_commit=False),
        vault=vault,
    )
    _check_key(db)
    return db


def _key_beside(engine: Engine) -> Path | None:
    """A ``data.key`` next to a SQLite database file, if there is one.

    A self-contained database directory (``var/demo/``, a test's temporary folder) keeps
    its key beside the file, so ``--db sqlite:///var/demo/kindcall.db`` opens it without
    further settings. ``KINDCALL_DATA_KEY`` still wins.
    """
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    candidate = Path(database).resolve().parent / KEY_FILE_NAME
    return candidate if candidate.is_file() else None


def _check_key(db: Database) -> None:
    with db.transaction(write=True) as session:
        stored = session.scalar(select(Meta.value).where(Meta.key == "data_key_fingerprint"))
        if stored is None:
            session.add(Meta(key="data_key_fingerprint", value=db.vault.fingerprint))
    if stored is not None and stored != db.vault.fingerprint:
        db.close()
        raise ConfigError(
            f"the data key (fingerprint {db.vault.fingerprint}) is not the key this "
            f"database was written with (fingerprint {stored}); set KINDCALL_DATA_KEY "
            "or restore var/data.key"
        )
