"""Persistence: SQLAlchemy 2 models, Alembic migrations, encryption, audit chain.

Open with :func:`open_database`; use :meth:`Database.transaction` for a unit of work.
Repositories are plain functions taking a ``Session`` (and the ``Vault`` when personal data
is involved): :mod:`bot.storage.debtors`, :mod:`bot.storage.optouts`,
:mod:`bot.storage.calls`, :mod:`bot.storage.audit`.
"""

from __future__ import annotations

from bot.storage.crypto import Vault, load_master_key
from bot.storage.database import Database, open_database, resolve_url

__all__ = ["Database", "Vault", "load_master_key", "open_database", "resolve_url"]
