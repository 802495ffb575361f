"""Column types shared by the schema: UTC datetimes that survive SQLite.

SQLite has no time zone support, so a naive datetime would come back without its offset and
comparisons with aware datetimes would fail. :class:`UTCDateTime` refuses naive input,
stores UTC (naive on SQLite, ``timestamptz`` on PostgreSQL) and always returns an aware UTC
value, so every datetime KindCall reads from the database is comparable.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer, Numeric
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Convert an aware datetime to UTC; naive values are a programming error."""
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()} given; use an aware datetime")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Return the stored instant as an aware UTC datetime."""
        if value is None:
            return None
        assert isinstance(value, datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    """The current instant, aware, in UTC."""
    return datetime.now(UTC)


#: Integer primary keys: 64-bit on PostgreSQL, ``INTEGER PRIMARY KEY`` (rowid) on SQLite.
BigID = BigInteger().with_variant(Integer(), "sqlite")

#: Money: exact decimal with two places (amounts are stored in the account's currency).
Money = Numeric(14, 2, asdecimal=True)
