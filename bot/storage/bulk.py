"""Bulk inserts on PostgreSQL: check a table's foreign keys once per load, not once per row.

PostgreSQL checks a foreign key with one trigger call per inserted row (a lookup and a row
lock in the referenced table). For millions of rows these calls cost more than the insert
itself. :func:`foreign_keys_checked_once` drops the table's foreign keys, lets the caller
insert, and adds them back, which validates every row of the table in one join. The
PostgreSQL manual recommends the same for populating a database.

Nothing is weakened: the constraints come from the models (the schema the migrations
create), the whole exchange happens inside the caller's transaction under ``ACCESS
EXCLUSIVE`` locks, so no other session ever sees the table without them, and a row that
breaks a constraint makes the re-add fail and the transaction roll back. The price is that
other sessions wait for the transaction to end before they can read or write the table or
the tables it refers to; use it for batch work only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection, Table, text
from sqlalchemy.schema import AddConstraint, DropConstraint


@contextmanager
def foreign_keys_checked_once(
    connection: Connection, table: Table, lock_order: Sequence[Table]
) -> Iterator[None]:
    """Drop ``table``'s foreign keys for the block, then re-add (and so validate) them.

    PostgreSQL only. Call it inside a transaction that is rolled back when the block
    raises: the constraints are not re-added then, the rollback restores them.

    Args:
        connection: a connection inside an open transaction.
        table: the table about to receive many rows.
        lock_order: ``table`` and every table it refers to, in the order other
            transactions first touch them, so waiting for the locks cannot deadlock.

    Raises:
        ValueError: not PostgreSQL, or ``lock_order`` misses a table.
    """
    if connection.dialect.name != "postgresql":
        raise ValueError(f"foreign keys are checked per row on {connection.dialect.name}")
    constraints = sorted(table.foreign_key_constraints, key=lambda fk: str(fk.name))
    needed = {table.name, *(fk.referred_table.name for fk in constraints)}
    missing = needed - {t.name for t in lock_order}
    if missing:
        raise ValueError(f"lock_order misses {', '.join(sorted(missing))}")
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(t.name) for t in lock_order)
    connection.execute(text(f"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE"))
    for fk in constraints:
        connection.execute(DropConstraint(fk))
    yield
    for fk in constraints:
        connection.execute(AddConstraint(fk))
