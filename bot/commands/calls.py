"""``kindcall calls``: list calls and print a call's transcript with its evidence."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table
from sqlalchemy import desc, select

from bot.calls.accounts import load_call_account
from bot.commands.options import db_option
from bot.storage import open_database
from bot.storage.models import CallAttempt, Escalation, Outcome, Turn


@click.group()
def calls() -> None:
    """List calls and show their transcripts (speaker, time, ASR confidence, intent, policy)."""


@calls.command("list")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@db_option
def list_command(limit: int, db_url: str | None) -> None:
    """The most recent completed calls with their outcomes."""
    db = open_database(db_url)
    table = Table(title="Calls")
    for column in ("id", "tier", "state", "result", "outcome", "turns"):
        table.add_column(column)
    with db.transaction() as session:
        attempts = session.scalars(
            select(CallAttempt)
            .where(CallAttempt.dialled_at.is_not(None))
            .order_by(desc(CallAttempt.id))
            .limit(limit)
        ).all()
        for attempt in attempts:
            outcome = session.scalar(select(Outcome.kind).where(Outcome.call_id == attempt.id))
            turns = session.scalars(select(Turn.id).where(Turn.call_id == attempt.id)).all()
            table.add_row(
                str(attempt.id),
                str(attempt.tier),
                attempt.state,
                attempt.result or "",
                outcome or "",
                str(len(turns)),
            )
    db.close()
    Console().print(table)


@calls.command("show")
@click.argument("call_id", type=int)
@click.option("--show-pii", is_flag=True, help="Show the person's name and number (decrypted).")
@db_option
def show_command(call_id: int, show_pii: bool, db_url: str | None) -> None:
    """Print call CALL_ID: who, outcome, escalation, and the turn-by-turn transcript.

    Caller lines carry their ASR confidence, the Rasa intent and the policy's decision.
    """
    console = Console()
    db = open_database(db_url)
    try:
        with db.transaction() as session:
            attempt = session.get(CallAttempt, call_id)
            if attempt is None:
                raise click.ClickException(f"no call {call_id}")
            account = load_call_account(session, db.vault, call_id)
            outcome = session.scalar(select(Outcome).where(Outcome.call_id == call_id))
            escalations = session.scalars(
                select(Escalation).where(Escalation.call_id == call_id)
            ).all()
            turns = session.scalars(
                select(Turn).where(Turn.call_id == call_id).order_by(Turn.seq)
            ).all()
            who = (
                f"{account.debtor_name} {account.phone_e164}"
                if show_pii
                else f"debtor #{account.debtor_id}"
            )
            console.print(
                f"[bold]Call {call_id}[/] — {who}, tier {attempt.tier}, {account.locale}, "
                f"state {attempt.state}, result {attempt.result or '-'}, "
                f"script {attempt.script_version or '-'}"
            )
            if outcome is not None:
                extra = ""
                if outcome.amount is not None:
                    extra = f" {outcome.amount} on {outcome.promise_date}"
                console.print(f"Outcome: [bold]{outcome.kind}[/]{extra} ({outcome.note or ''})")
            for escalation in escalations:
                console.print(
                    f"Escalation #{escalation.id}: {', '.join(escalation.reasons)} "
                    f"[{escalation.status}]"
                )
            for turn in turns:
                at = f"{turn.started_ms / 1000:7.1f}s"
                if turn.speaker == "bot":
                    console.print(f"{at}  [cyan]bot[/]     {turn.text}")
                    continue
                facts = []
                if turn.asr_confidence is not None:
                    facts.append(f"asr {turn.asr_confidence:.2f}")
                if turn.intent:
                    facts.append(f"{turn.intent} {turn.intent_confidence or 0:.2f}")
                if turn.policy_action:
                    reasons = ",".join(turn.policy_reasons or [])
                    facts.append(
                        f"policy {turn.policy_action}" + (f" ({reasons})" if reasons else "")
                    )
                console.print(f"{at}  [yellow]callee[/]  {turn.text}  [dim]{' · '.join(facts)}[/]")
    finally:
        db.close()
