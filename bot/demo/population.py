"""The demo's data: a fresh database, a synthetic population, a planned campaign, claims.

The demo runs inside a *simulated* calling day: the compliance clock is set to a weekday
mid-morning in the population's time zones, so the claims it makes are ones the profile
really allows at that instant (the checks, claims and their audit rows are the real ones).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Literal

from bot.campaigns.claim import ClaimedAttempt, claim_next
from bot.campaigns.planning import plan_campaign
from bot.campaigns.service import create_campaign
from bot.dialogue.training import Project, content_hash
from bot.importing import write_synthetic
from bot.storage.crypto import load_master_key
from bot.storage.database import Database, open_database
from bot.storage.imports import run_import

#: Per locale: the compliance profile and the UTC hour of the simulated clock. 03:00 UTC is
#: 11:00 in China; 19:00 UTC is 14:00-15:00 on the US east coast and 11:00-12:00 on the
#: west coast, inside every US calling window and after every tier's first touch.
DEMO_PROFILE: dict[str, tuple[str, int]] = {"zh": ("cn", 3), "en": ("us-regf", 19)}

DEMO_WORKER = "demo"
"""The worker id the demo claims its attempts under (and dials them as)."""


@dataclass(frozen=True, slots=True)
class DemoData:
    """The prepared demo: database, campaign and the claimed attempts."""

    db: Database
    directory: Path
    campaign_id: int
    script_version: str
    clock: datetime
    claims: tuple[ClaimedAttempt, ...]
    imported: int
    rejected: int


def open_database_in(directory: Path) -> Database:
    """The demo database kept in ``directory`` (its key beside it, created on first use).

    Several processes may open the same one (WAL, busy timeout): workers that each dial a
    share of the claims, as ``bench/calls.py --workers`` runs them.
    """
    return open_database(
        f"sqlite:///{directory / 'kindcall.db'}",
        master_key=load_master_key(directory / "data.key"),
    )


def demo_clock(locale: str, today: date) -> datetime:
    """The simulated instant: the next Wednesday after ``today`` at the locale's hour."""
    _, hour = DEMO_PROFILE[locale]
    days = (2 - today.weekday()) % 7 or 7
    return datetime.combine(today + timedelta(days=days), time(hour, 5), tzinfo=UTC)


def prepare(
    directory: Path,
    *,
    locale: Literal["zh", "en"],
    calls: int,
    population: int,
    seed: int,
    today: date | None = None,
) -> DemoData:
    """Create the demo's database from scratch and claim up to ``calls`` attempts."""
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    db = open_database_in(directory)
    source = directory / f"population-{locale}.csv"
    write_synthetic(source, population, locale, seed)
    report = run_import(db, source, mapping=None, agency="demo")
    profile, _ = DEMO_PROFILE[locale]
    version = content_hash(Project.default(), locale)
    campaign = create_campaign(db, "demo", profile=profile, locale=locale, script_version=version)
    clock = demo_clock(locale, today or datetime.now(UTC).date())
    plan_campaign(db, "demo", clock.replace(hour=0, minute=0), 1)
    claims: list[ClaimedAttempt] = []
    while len(claims) < calls:
        claim = claim_next(db, campaign.id, DEMO_WORKER, clock)
        if claim is None:
            break
        claims.append(claim)
    imported = sum(report.statuses.values())
    return DemoData(
        db, directory, campaign.id, version, clock, tuple(claims), imported, len(report.errors)
    )
