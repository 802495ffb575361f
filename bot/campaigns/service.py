"""Campaigns in the database: create, plan (bulk) and report status."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Connection, CursorResult, and_, delete, func, select
from sqlalchemy.orm import Session

from bot.campaigns.planner import PlanAccount, PlannedAttempt, plan
from bot.campaigns.strategy import Strategy, load_strategy
from bot.compliance import load_profile
from bot.errors import StorageError
from bot.storage import Database, audit
from bot.storage.models import (
    Account,
    AttemptState,
    CallAttempt,
    Campaign,
    Contact,
    Debtor,
    Outcome,
)

DEFAULT_SCRIPT_VERSION = "v1"
_INSERT_COLUMNS = (
    "campaign_id",
    "account_id",
    "contact_id",
    "tier",
    "state",
    "planned_at",
    "scheduled_at",
    "reschedules",
)
_CHUNK = 50_000


def create_campaign(
    db: Database,
    name: str,
    *,
    profile: str,
    locale: str,
    tiers: Sequence[int] | None = None,
    script_version: str = DEFAULT_SCRIPT_VERSION,
) -> Campaign:
    """Create a campaign over the open accounts of the given tiers (all tiers when None).

    Raises:
        ComplianceError: ``profile`` is unknown.
        StorageError: a campaign with this name exists.
    """
    load_profile(profile)
    with db.transaction(write=True) as session:
        if session.scalar(select(Campaign.id).where(Campaign.name == name)) is not None:
            raise StorageError(f"campaign {name!r} already exists")
        campaign = Campaign(
            name=name,
            profile=profile,
            locale=locale,
            script_version=script_version,
            status="draft",
            tiers=sorted(set(tiers)) if tiers else None,
        )
        session.add(campaign)
        session.flush()
        audit.append(
            session,
            "campaign_create",
            f"campaign:{campaign.id}",
            {"name": name, "profile": profile, "locale": locale, "tiers": campaign.tiers},
        )
    return campaign


def get_campaign(session: Session, name: str) -> Campaign:
    """The campaign called ``name``; StorageError when there is none."""
    campaign = session.scalar(select(Campaign).where(Campaign.name == name))
    if campaign is None:
        known = ", ".join(session.scalars(select(Campaign.name).order_by(Campaign.name)).all())
        raise StorageError(f"no campaign {name!r} (known: {known or 'none'})")
    return campaign


def _accounts(connection: Connection, campaign: Campaign) -> Iterator[PlanAccount]:
    query = (
        select(Account.id, Contact.id, Account.tier, Debtor.timezone)
        .join(Debtor, Debtor.id == Account.debtor_id)
        .join(Contact, and_(Contact.debtor_id == Debtor.id, Contact.is_primary.is_(True)))
        .where(Account.status == "open", Account.tier.is_not(None))
        .order_by(Account.id)
    )
    if campaign.tiers:
        query = query.where(Account.tier.in_(campaign.tiers))
    result = connection.execution_options(yield_per=_CHUNK).execute(query)
    for account_id, contact_id, tier, timezone in result:
        yield PlanAccount(account_id, contact_id, tier or 0, timezone)


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


def _insert_sqlite(connection: Connection, rows: list[tuple[Any, ...]]) -> None:
    sql = (
        f"INSERT INTO call_attempt ({', '.join(_INSERT_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in _INSERT_COLUMNS)})"
    )
    raw = connection.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    cursor.executemany(sql, rows)
    cursor.close()


def _copy_postgres(connection: Connection, rows: list[tuple[Any, ...]]) -> None:
    raw = connection.connection.driver_connection
    assert raw is not None
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(map(str, row)))
        buffer.write("\n")
    with raw.cursor() as cursor:
        with cursor.copy(f"COPY call_attempt ({', '.join(_INSERT_COLUMNS)}) FROM STDIN") as copy:
            copy.write(buffer.getvalue())


def _bulk_insert(
    connection: Connection, campaign_id: int, attempts: list[PlannedAttempt], skip: set[Any]
) -> tuple[int, int, Counter[int]]:
    dialect = connection.dialect.name
    stamps: dict[datetime, str] = {}

    def stamp(at: datetime) -> str:
        value = stamps.get(at)
        if value is None:
            # Same text form as bot.storage.types.UTCDateTime gives each backend.
            if dialect == "sqlite":
                value = at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
            else:
                value = at.astimezone(UTC).isoformat()
            stamps[at] = value
        return value

    writer = _insert_sqlite if dialect == "sqlite" else _copy_postgres
    inserted, kept, by_tier = 0, 0, Counter[int]()
    state = AttemptState.PLANNED.value
    for begin in range(0, len(attempts), _CHUNK):
        rows: list[tuple[Any, ...]] = []
        for item in attempts[begin : begin + _CHUNK]:
            if skip and (item.account_id, item.at) in skip:
                kept += 1
                continue
            at = stamp(item.at)
            rows.append(
                (campaign_id, item.account_id, item.contact_id, item.tier, state, at, at, 0)
            )
            by_tier[item.tier] += 1
        if rows:
            writer(connection, rows)
            inserted += len(rows)
    return inserted, kept, by_tier


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
        ValueError: a naive ``window_start`` or ``days`` < 1.
    """
    if days < 1:
        raise ValueError(f"days must be >= 1, got {days}")
    strategy = strategy or load_strategy()
    start = window_start.astimezone(UTC)
    end = start + timedelta(days=days)
    with db.transaction(write=True) as session:
        campaign = get_campaign(session, name)
        in_window = and_(
            CallAttempt.campaign_id == campaign.id,
            CallAttempt.planned_at >= start,
            CallAttempt.planned_at < end,
        )
        removed = session.execute(
            delete(CallAttempt).where(in_window, CallAttempt.state == AttemptState.PLANNED.value)
        )
        replaced = cast(CursorResult[Any], removed).rowcount
        skip = {
            (account_id, at)
            for account_id, at in session.execute(
                select(CallAttempt.account_id, CallAttempt.planned_at).where(in_window)
            )
        }
        connection = session.connection()
        attempts = plan(_accounts(connection, campaign), strategy, start, end)
        inserted, kept, by_tier = _bulk_insert(connection, campaign.id, attempts, skip)
        campaign.status = "planned" if campaign.status == "draft" else campaign.status
        audit.append(
            session,
            "campaign_plan",
            f"campaign:{campaign.id}",
            {
                "from": start.isoformat(),
                "to": end.isoformat(),
                "planned": inserted,
                "replaced": replaced,
                "kept": kept,
                "by_tier": {str(k): v for k, v in sorted(by_tier.items())},
            },
        )
    return PlanReport(inserted, replaced, kept, dict(sorted(by_tier.items())))


@dataclass(frozen=True, slots=True)
class CampaignStatus:
    """Counts for ``kindcall campaign status``.

    Attributes:
        name: campaign name.
        profile: default compliance profile.
        status: draft, planned, running, ...
        by_state: attempts per state.
        by_tier_state: attempts per (tier, state).
        by_result: completed attempts per telephone result.
        by_outcome: business outcomes per kind.
        blocked_reasons: blocked attempts per compliance reason.
    """

    name: str
    profile: str
    status: str
    by_state: dict[str, int]
    by_tier_state: dict[tuple[int, str], int]
    by_result: dict[str, int]
    by_outcome: dict[str, int]
    blocked_reasons: dict[str, int]


def campaign_status(db: Database, name: str) -> CampaignStatus:
    """Count the campaign's attempts by state, tier, result and outcome."""
    with db.transaction() as session:
        campaign = get_campaign(session, name)
        mine = CallAttempt.campaign_id == campaign.id
        by_tier_state = {
            (tier, state): count
            for tier, state, count in session.execute(
                select(CallAttempt.tier, CallAttempt.state, func.count())
                .where(mine)
                .group_by(CallAttempt.tier, CallAttempt.state)
            )
        }
        by_state: Counter[str] = Counter()
        for (_, state), count in by_tier_state.items():
            by_state[state] += count
        by_result = {
            str(result): count
            for result, count in session.execute(
                select(CallAttempt.result, func.count())
                .where(mine, CallAttempt.result.is_not(None))
                .group_by(CallAttempt.result)
            )
        }
        by_outcome = {
            kind: count
            for kind, count in session.execute(
                select(Outcome.kind, func.count())
                .join(CallAttempt, CallAttempt.id == Outcome.call_id)
                .where(mine)
                .group_by(Outcome.kind)
            )
        }
        reasons: Counter[str] = Counter()
        for (snapshot,) in session.execute(
            select(CallAttempt.compliance).where(
                mine, CallAttempt.state == AttemptState.BLOCKED.value
            )
        ):
            for reason in (snapshot or {}).get("reasons", []):
                reasons[reason] += 1
        return CampaignStatus(
            name=campaign.name,
            profile=campaign.profile,
            status=campaign.status,
            by_state=dict(sorted(by_state.items())),
            by_tier_state=dict(sorted(by_tier_state.items())),
            by_result=dict(sorted(by_result.items())),
            by_outcome=dict(sorted(by_outcome.items())),
            blocked_reasons=dict(sorted(reasons.items())),
        )
