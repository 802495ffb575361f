"""``kindcall campaign``: create a campaign, plan its calls, watch it, claim by hand."""

from __future__ import annotations

import json
from datetime import datetime

import click
from rich.console import Console
from rich.table import Table

from bot.campaigns import campaign_status, claim_next, create_campaign, get_campaign, plan_campaign
from bot.commands.options import db_option
from bot.compliance import profile_names
from bot.storage import open_database
from bot.storage.types import utcnow


def _instant(value: str, option: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(
            f"{value!r} is not an ISO-8601 date-time", param_hint=option
        ) from exc
    if parsed.utcoffset() is None:
        raise click.BadParameter(
            f"{value!r} has no UTC offset; write e.g. 2026-03-02T00:00:00+08:00", param_hint=option
        )
    return parsed


_CAMPAIGN_HELP = """Create, plan and watch calling campaigns.

\b
A campaign = accounts (all or some tiers) + a compliance profile + a script
version. Planning turns the per-tier strategy (bot/campaigns/strategies.yml,
e.g. tier 3 at 09:00, 14:00 and 19:00 in each person's local time) into
attempts; every attempt is checked against the profile again when a worker
claims it, and the check is written to the audit log.

\b
Typical run:
  kindcall campaign create spring --profile cn --locale zh --all
  kindcall campaign plan spring --from 2026-03-02T00:00:00+08:00 --days 7
  kindcall campaign status spring
"""


_PLAN_HELP = """Plan NAME's calls for the window [--from, --from + --days).

\b
Re-planning the same window replaces the attempts still planned in it and keeps
the ones already claimed or done, so it is safe to run again.
"""


_STATUS_HELP = """Show NAME's attempts by state and tier, results, outcomes and block reasons.

\b
States: planned (due later or now), claimed (a worker owns it), dialled,
completed, blocked (compliance said no beyond the slot's day, or a flag such
as cease/DNC), cancelled (the account was closed or paid).
"""


_CLAIM_HELP = """Claim NAME's next due attempt as a worker would (for debugging); prints JSON.

\b
The claim re-checks compliance, writes the check and the claim to the audit log
and reserves the person for 30 minutes. Prints {"claimed": null} when nothing is
due or everything due was blocked.
"""


@click.group(help=_CAMPAIGN_HELP)
def campaign() -> None:
    """Create, plan and watch calling campaigns."""


@campaign.command("create")
@click.argument("name")
@click.option(
    "--profile",
    required=True,
    help="Default compliance profile (cn, us-regf, us-ma, ...); "
    "a debtor's own imported profile wins.",
)
@click.option("--locale", type=click.Choice(["zh", "en"]), required=True)
@click.option("--all", "all_tiers", is_flag=True, help="Include every tier (the default).")
@click.option(
    "--tier",
    "tiers",
    type=click.IntRange(1, 5),
    multiple=True,
    help="Include this tier; repeat for several.",
)
@click.option("--script-version", default="v1", show_default=True, help="Stored with every call.")
@db_option
def create_command(
    name: str,
    profile: str,
    locale: str,
    all_tiers: bool,
    tiers: tuple[int, ...],
    script_version: str,
    db_url: str | None,
) -> None:
    """Create campaign NAME over the imported accounts of the chosen tiers."""
    if all_tiers and tiers:
        raise click.UsageError("give either --all or --tier, not both")
    if profile not in profile_names():
        raise click.BadParameter(
            f"unknown profile {profile!r} (known: {', '.join(profile_names())})",
            param_hint="--profile",
        )
    db = open_database(db_url)
    try:
        row = create_campaign(
            db,
            name,
            profile=profile,
            locale=locale,
            tiers=list(tiers) or None,
            script_version=script_version,
        )
    finally:
        db.close()
    which = "all tiers" if not tiers else "tier " + ", ".join(map(str, sorted(set(tiers))))
    click.echo(
        f"created campaign {row.name!r} (id {row.id}): {which}, profile {profile}, locale {locale}"
    )


@campaign.command("plan", help=_PLAN_HELP)
@click.argument("name")
@click.option(
    "--from",
    "start",
    required=True,
    metavar="ISO",
    help="Window start with offset, e.g. 2026-03-02T00:00:00+08:00.",
)
@click.option(
    "--days",
    type=click.IntRange(1, 366),
    default=1,
    show_default=True,
    help="Window length in days.",
)
@db_option
def plan_command(name: str, start: str, days: int, db_url: str | None) -> None:
    """Plan NAME's calls for the window [--from, --from + --days)."""
    window_start = _instant(start, "--from")
    db = open_database(db_url)
    try:
        report = plan_campaign(db, name, window_start, days)
    finally:
        db.close()
    tiers = ", ".join(f"tier {t}: {n}" for t, n in report.by_tier.items()) or "none"
    click.echo(
        f"planned {report.planned} attempts ({tiers}); replaced {report.replaced} "
        f"still-planned, kept {report.kept} already claimed or done"
    )


@campaign.command("status", help=_STATUS_HELP)
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
@db_option
def status_command(name: str, as_json: bool, db_url: str | None) -> None:
    """Show NAME's attempts by state and tier, results, outcomes and block reasons."""
    db = open_database(db_url)
    try:
        status = campaign_status(db, name)
    finally:
        db.close()
    if as_json:
        click.echo(
            json.dumps(
                {
                    "name": status.name,
                    "profile": status.profile,
                    "status": status.status,
                    "by_state": status.by_state,
                    "by_tier": {
                        str(tier): {s: n for (t, s), n in status.by_tier_state.items() if t == tier}
                        for tier in sorted({t for t, _ in status.by_tier_state})
                    },
                    "by_result": status.by_result,
                    "by_outcome": status.by_outcome,
                    "blocked_reasons": status.blocked_reasons,
                },
                sort_keys=True,
            )
        )
        return
    console = Console()
    console.print(f"campaign {status.name} — profile {status.profile}, {status.status}")
    states = list(status.by_state)
    table = Table(title="Attempts by tier and state")
    table.add_column("tier", justify="right")
    for state in states:
        table.add_column(state, justify="right")
    for tier in sorted({t for t, _ in status.by_tier_state}):
        table.add_row(str(tier), *(str(status.by_tier_state.get((tier, s), 0)) for s in states))
    table.add_row("all", *(str(status.by_state[s]) for s in states), style="bold")
    console.print(table)
    for title, counts in (
        ("results", status.by_result),
        ("outcomes", status.by_outcome),
        ("blocked because", status.blocked_reasons),
    ):
        if counts:
            console.print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


@campaign.command("claim", help=_CLAIM_HELP)
@click.argument("name")
@click.option("--worker", default="cli", show_default=True, help="Worker id stored with the claim.")
@click.option("--now", "now_text", metavar="ISO", help="Pretend it is this instant (with offset).")
@db_option
def claim_command(name: str, worker: str, now_text: str | None, db_url: str | None) -> None:
    """Claim NAME's next due attempt as a worker would (for debugging); prints JSON."""
    now = _instant(now_text, "--now") if now_text else utcnow()
    db = open_database(db_url)
    try:
        with db.transaction() as session:
            campaign_id = get_campaign(session, name).id
        claim = claim_next(db, campaign_id, worker, now)
    finally:
        db.close()
    if claim is None:
        click.echo(json.dumps({"claimed": None}))
        return
    click.echo(
        json.dumps(
            {
                "claimed": claim.attempt_id,
                "account": claim.account_id,
                "tier": claim.tier,
                "profile": claim.profile,
                "timezone": claim.timezone,
                "lease_until": claim.lease_until.isoformat(),
                "decision": claim.decision.to_json(),
            }
        )
    )
