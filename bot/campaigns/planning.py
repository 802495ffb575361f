"""Plan a campaign inside the database, set-based, with the pure planner's semantics.

The pure :func:`bot.campaigns.planner.plan` loops over accounts in Python. For a million
accounts that means a million rows out of the database and a few million back in, so the
database path works the other way round: the strategy is expanded once per
(time zone, tier, day class) with the same :func:`~bot.campaigns.planner.slots_for` into
a small temporary table of slots, and one ``INSERT ... SELECT`` joins accounts to their
slots. The two paths plan the same attempts (a test compares them).

On PostgreSQL, a plan over at least :data:`BULK_ACCOUNTS` accounts checks the attempts'
foreign keys once for the whole insert instead of once per row
(:func:`bot.storage.bulk.foreign_keys_checked_once`), which more than halves the time of a
large plan. The tables involved are then locked until the plan commits: other campaigns'
workers wait for it instead of claiming in parallel, so plan large campaigns ahead of the
calling hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    Column,
    Connection,
    CursorResult,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    and_,
    delete,
    exists,
    func,
    insert,
    literal,
    select,
    text,
)
from sqlalchemy.orm import aliased

from bot.campaigns.planner import slots_for
from bot.campaigns.service import get_campaign
from bot.campaigns.strategy import Strategy, load_strategy
from bot.compliance.clock import zone as time_zone
from bot.errors import ComplianceError
from bot.storage import Database, audit
from bot.storage.bulk import foreign_keys_checked_once
from bot.storage.models import Account, AttemptState, CallAttempt, Campaign, Contact, Debtor
from bot.storage.types import UTCDateTime

# Below this many accounts the per-row foreign-key checks cost less than locking the tables.
BULK_ACCOUNTS = 20_000
# Hash joins over a million accounts (and the foreign-key validation) stay in memory.
_BULK_WORK_MEM = "256MB"
# Arbitrary constant: the PostgreSQL advisory lock that serialises planners.
_PLAN_LOCK = 0x4B43_0003
_ATTEMPTS = cast(Table, CallAttempt.__table__)
# Claims read the campaign first, then its attempts joined to accounts, then the contact.
_BULK_LOCK_ORDER = tuple(
    cast(Table, model.__table__) for model in (Campaign, CallAttempt, Account, Contact)
)


@dataclass(frozen=True, slots=True)
class PlanReport:
    """What :func:`plan_campaign` did.

    Attributes:
        planned: attempts inserted.
        replaced: planned attempts of the same window removed first (re-planning).
        kept: slots skipped because an attempt for them was already claimed or done.
        by_tier: inserted attempts per tier.
    """

    planned: int
    replaced: int
    kept: int
    by_tier: dict[int, int]


def _slot_table() -> Table:
    return Table(
        "kindcall_plan_slot",
        MetaData(),
        Column("timezone", String(64)),
        Column("tier", SmallInteger),
        Column("every", Integer),
        Column("offset", Integer),
        Column("at", UTCDateTime),
        prefixes=["TEMPORARY"],
    )


def _campaign_filter(campaign: Campaign) -> list[Any]:
    where: list[Any] = [Account.status == "open", Account.tier.is_not(None)]
    if campaign.tiers:
        where.append(Account.tier.in_(campaign.tiers))
    return where


def _slots(
    connection: Connection,
    campaign: Campaign,
    strategy: Strategy,
    start: datetime,
    end: datetime,
) -> tuple[list[dict[str, Any]], int]:
    """The slot rows of every (time zone, tier, day class) present, and the account count."""
    combos = connection.execute(
        select(Debtor.timezone, Account.tier, func.count())
        .join(Debtor, Debtor.id == Account.debtor_id)
        .where(*_campaign_filter(campaign))
        .group_by(Debtor.timezone, Account.tier)
        .order_by(Debtor.timezone, Account.tier)
    ).all()
    rows: list[dict[str, Any]] = []
    for timezone, tier, _ in combos:
        tier_strategy = strategy.tiers.get(tier) if tier is not None else None
        if tier_strategy is None:
            raise ValueError(f"no strategy for tier {tier}")
        try:
            # The check refuses what it cannot read; a plan must not hold such attempts.
            zone = time_zone(timezone)
        except ComplianceError as exc:
            raise ValueError(f"a debtor has an unknown time zone {timezone!r}") from exc
        every = tier_strategy.every_days
        for offset in range(every):
            for at in slots_for(tier_strategy, zone, offset, start, end):
                rows.append(
                    {"timezone": timezone, "tier": tier, "every": every, "offset": offset, "at": at}
                )
    return rows, sum(int(count) for _, _, count in combos)


def _insert_attempts(
    connection: Connection, campaign: Campaign, slot: Table, skip_existing: bool
) -> None:
    source = (
        select(
            literal(campaign.id),
            Account.id,
            Contact.id,
            Account.tier,
            literal(AttemptState.PLANNED.value),
            slot.c.at,
            slot.c.at,
            literal(0),
        )
        .select_from(Account)
        .join(Debtor, Debtor.id == Account.debtor_id)
        .join(Contact, and_(Contact.debtor_id == Debtor.id, Contact.is_primary.is_(True)))
        .join(
            slot,
            and_(
                slot.c.timezone == Debtor.timezone,
                slot.c.tier == Account.tier,
                Account.id % slot.c.every == slot.c.offset,
            ),
        )
        .where(*_campaign_filter(campaign))
    )
    if skip_existing:
        done = aliased(CallAttempt)
        source = source.where(
            ~exists().where(
                done.campaign_id == campaign.id,
                done.account_id == Account.id,
                done.planned_at == slot.c.at,
            )
        )
    columns = [
        "campaign_id",
        "account_id",
        "contact_id",
        "tier",
        "state",
        "planned_at",
        "scheduled_at",
        "reschedules",
    ]
    connection.execute(insert(CallAttempt).from_select(columns, source))


def plan_campaign(
    db: Database,
    name: str,
    window_start: datetime,
    days: int,
    *,
    strategy: Strategy | None = None,
) -> PlanReport:
    """Plan the campaign's attempts for ``days`` days from ``window_start``, in one transaction.

    Re-planning a window replaces its still-planned attempts and keeps slots already claimed
    or done, so running the same plan twice leaves the same attempts.

    Raises:
        StorageError: unknown campaign or a database failure.
        ValueError: a naive ``window_start``, ``days`` < 1, a tier without strategy or an
            unknown time zone in the data.
    """
    if days < 1:
        raise ValueError(f"days must be >= 1, got {days}")
    if window_start.utcoffset() is None:
        raise ValueError("window_start must be timezone-aware")
    strategy = strategy or load_strategy()
    start = window_start.astimezone(UTC)
    end = start + timedelta(days=days)
    with db.transaction(write=True) as session:
        connection = session.connection()
        if connection.dialect.name == "postgresql":
            # Two large plans would both hold the campaign table and wait for each other's
            # lock on it; one planner at a time.
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PLAN_LOCK})
        campaign = get_campaign(session, name)
        rows, accounts = _slots(connection, campaign, strategy, start, end)
        postgres = connection.dialect.name == "postgresql"
        checks: AbstractContextManager[None] = nullcontext()
        if postgres and rows and accounts >= BULK_ACCOUNTS:
            connection.execute(text(f"SET LOCAL work_mem = '{_BULK_WORK_MEM}'"))
            checks = foreign_keys_checked_once(connection, _ATTEMPTS, _BULK_LOCK_ORDER)
        with checks:
            replaced, kept = _clear_window(connection, campaign.id, start, end)
            slot = _slot_table()
            slot.create(connection)
            try:
                if rows:
                    connection.execute(insert(slot), rows)
                    if postgres:
                        # Without statistics the planner expects a handful of rows and joins
                        # the million accounts by nested index look-ups.
                        connection.execute(text(f"ANALYZE {slot.name}"))
                    _insert_attempts(connection, campaign, slot, skip_existing=kept > 0)
            finally:
                slot.drop(connection)
        by_tier = _count_planned(session.connection(), campaign.id, start, end)
        planned = sum(by_tier.values())
        campaign.status = "planned" if campaign.status == "draft" else campaign.status
        audit.append(
            session,
            "campaign_plan",
            f"campaign:{campaign.id}",
            {
                "from": start.isoformat(),
                "to": end.isoformat(),
                "planned": planned,
                "replaced": replaced,
                "kept": kept,
                "by_tier": {str(k): v for k, v in by_tier.items()},
            },
        )
    return PlanReport(planned, replaced, kept, by_tier)


def _clear_window(
    connection: Connection, campaign_id: int, start: datetime, end: datetime
) -> tuple[int, int]:
    """Delete the window's still-planned attempts; return (deleted, claimed or done kept)."""
    in_window = (
        CallAttempt.campaign_id == campaign_id,
        CallAttempt.planned_at >= start,
        CallAttempt.planned_at < end,
    )
    removed = connection.execute(
        delete(CallAttempt).where(*in_window, CallAttempt.state == AttemptState.PLANNED.value)
    )
    kept = connection.scalar(select(func.count()).select_from(CallAttempt).where(*in_window))
    return cast(CursorResult[Any], removed).rowcount, int(kept or 0)


def _count_planned(
    connection: Connection, campaign_id: int, start: datetime, end: datetime
) -> dict[int, int]:
    rows: Sequence[Any] = connection.execute(
        select(CallAttempt.tier, func.count())
        .where(
            CallAttempt.campaign_id == campaign_id,
            CallAttempt.planned_at >= start,
            CallAttempt.planned_at < end,
            CallAttempt.state == AttemptState.PLANNED.value,
        )
        .group_by(CallAttempt.tier)
        .order_by(CallAttempt.tier)
    ).all()
    return {int(tier): int(count) for tier, count in rows}
