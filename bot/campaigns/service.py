"""Campaigns in the database: create, look up and report status (planning: ``planning``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.compliance import load_profile
from bot.errors import StorageError
from bot.storage import Database, audit
from bot.storage.models import (
    AttemptState,
    CallAttempt,
    Campaign,
    Outcome,
)

DEFAULT_SCRIPT_VERSION = "v1"


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
