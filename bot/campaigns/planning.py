"""Plan a campaign inside the database, set-based, with the pure planner's semantics.

The pure :func:`bot.campaigns.planner.plan` loops over accounts in Python. For a million
accounts that means a million rows out of the database and a few million back in, so the
database path works the other way round: the strategy is expanded once per
(time zone, tier, day class) with the same :func:`~bot.campaigns.planner.slots_for` into
a small temporary table of slots, and one ``INSERT ... SELECT`` joins accounts to their
slots. The two paths plan the same attempts (a test compares them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
)
from sqlalchemy.orm import aliased

from bot.campaigns.planner import slots_for
from bot.campaigns.service import get_campaign
from bot.campaigns.strategy import Strategy, load_strategy
from bot.storage import Database, audit
from bot.storage.models import Account, AttemptState, CallAttempt, Campaign, Contact, Debtor
from bot.storage.types import UTCDateTime


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
) -> list[dict[str, Any]]:
    combos = connection.execute(
        select(Debtor.timezone, Account.tier)
        .distinct()
        .join(Debtor, Debtor.id == Account.debtor_id)
        .where(*_campaign_filter(campaign))
    ).all()
    rows: list[dict[str, Any]] = []
    for timezone, tier in combos:
        tier_strategy = strategy.tiers.get(tier) if tier is not None else None
        if tier_strategy is None:
            raise ValueError(f"no strategy for tier {tier}")
        try:
            zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"a debtor has an unknown time zone {timezone!r}") from exc
        every = tier_strategy.every_days
        for offset in range(every):
            for at in slots_for(tier_strategy, zone, offset, start, end):
                rows.append(
                    {"timezone": timezone, "tier": tier, "every": every, "offset": offset, "at": at}
                )
    return rows


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
        campaign = get_campaign(session, name)
        in_window = (
            CallAttempt.campaign_id == campaign.id,
            CallAttempt.planned_at >= start,
            CallAttempt.planned_at < end,
        )
        removed = session.execute(
            delete(CallAttempt).where(*in_window, CallAttempt.state == AttemptState.PLANNED.value)
        )
        replaced = cast(CursorResult[Any], removed).rowcount
        kept = session.scalar(select(func.count()).where(*in_window)) or 0
        connection = session.connection()
        slot = _slot_table()
        slot.create(connection)
        try:
            rows = _slots(connection, campaign, strategy, start, end)
            if rows:
                connection.execute(insert(slot), rows)
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
