"""``kindcall chat``: a call in the terminal, through the real Rasa and action servers."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Mapping

import click
from rich.console import Console
from rich.markup import escape

from bot.dialogue import server
from bot.dialogue.client import BotMessage, RasaClient, Turn
from bot.dialogue.training import Project, current_model, ensure_model

_DEFAULTS: dict[str, dict[str, str]] = {
    "en": {
        "debtor_name": "Alex Morgan",
        "creditor_name": "Northwind Bank",
        "amount_due": "$1,250",
        "due_date": "November 1",
        "minimum_due": "$75",
    },
    "zh": {
        "debtor_name": "王芳",
        "creditor_name": "华信银行",
        "amount_due": "2500元",
        "due_date": "11月1日",
        "minimum_due": "300元",
    },
}
_QUIT = {"/quit", "/exit", "quit", "exit"}


def account_slots(
    locale: str, tier: int, tone: str, overrides: Mapping[str, str | None]
) -> dict[str, str]:
    """The slots the orchestrator would set for this account (defaults per locale)."""
    slots = {**_DEFAULTS[locale], "tier": str(tier), "tone": tone, "locale": locale}
    slots.update({k: v for k, v in overrides.items() if v})
    return slots


def _print_bot(console: Console, messages: tuple[BotMessage, ...]) -> None:
    for message in messages:
        if message.text is not None:
            console.print(f"[bold cyan]bot:[/] {escape(message.text)}")
        if message.custom is not None:
            payload = f"[{message.kind}: {message.custom.get('reason')}]"
            console.print(f"[yellow]     {escape(payload)}[/]")


def _print_understood(console: Console, turn: Turn) -> None:
    confidence = turn.tracker.confidence
    score = f"{confidence:.2f}" if confidence is not None else "-"
    console.print(f"[dim]      {escape(str(turn.tracker.intent))} ({score})[/]")


async def _converse(console: Console, url: str, slots: dict[str, str]) -> None:
    sender = f"chat-{uuid.uuid4().hex[:12]}"
    async with RasaClient(url) as client:
        turn = await client.start_call(sender, slots)
        _print_bot(console, turn.bot)
        while not any(m.kind in ("end_call", "handoff") for m in turn.bot):
            try:
                line = await asyncio.to_thread(console.input, "[bold green]you:[/] ")
            except EOFError:
                break
            line = line.strip()
            if not line:
                continue
            if line in _QUIT:
                break
            if line == "/slots":
                view = await client.tracker(sender)
                console.print(f"[dim]{escape(str(dict(view.slots)))}[/]")
                continue
            turn = await client.turn(sender, line)
            _print_understood(console, turn)
            _print_bot(console, turn.bot)


@click.command()
@click.option(
    "--locale",
    type=click.Choice(["zh", "en"]),
    default="en",
    show_default=True,
    help="Language of the call: selects the model and scripts_library/<locale>.",
)
@click.option(
    "--tier",
    type=click.IntRange(1, 5),
    default=3,
    show_default=True,
    help="Account tier: 1 = early and cooperative ... 5 = long overdue.",
)
@click.option(
    "--tone",
    type=click.Choice(["standard", "hardship"]),
    default="standard",
    show_default=True,
    help="Start in the hardship tone (the bot also switches itself).",
)
@click.option("--name", "debtor_name", help="Debtor's name (slot debtor_name).")
@click.option("--creditor", "creditor_name", help="Creditor's name (slot creditor_name).")
@click.option("--amount", "amount_due", help="Amount due as it should be spoken, e.g. '$1,250'.")
@click.option("--due-date", "due_date", help="Due date as it should be spoken.")
@click.option("--minimum", "minimum_due", help="Minimum payment as it should be spoken.")
def chat(locale: str, tier: int, tone: str, **overrides: str | None) -> None:
    """Talk to the bot as the called person, through the real Rasa and action servers.

    The servers are started if they are not running (about 40 s; training first if the
    model is out of date) and stopped when the chat ends, unless `kindcall rasa up` had
    started them. Under each of your lines, dimmed, is the intent Rasa understood and its
    confidence. Type /slots to see the slots, /quit (or Ctrl-D) to hang up; the chat also
    ends when the bot ends the call or hands over to a person.

    Example: kindcall chat --locale zh --tier 5 --name 李雷 --amount 8000元
    """
    console = Console(highlight=False)
    project = Project.default()
    info = server.read_info(locale)
    started_here = info is None or not server.is_ready(info)
    if started_here:
        if current_model(project, locale) is None:
            console.print(f"Training the {locale} model first (1-2 min on 2 cores) ...")
        model = ensure_model(project, locale).model
        with console.status(f"Starting Rasa ({locale}) and the action server, about 40 s ..."):
            info = server.start(project, locale, model)
    elif info is not None and current_model(project, locale) is None:
        console.print(
            "[dim]note: the running model is older than dialogues/ (kindcall rasa train)[/]"
        )
    assert info is not None
    slots = account_slots(locale, tier, tone, overrides)
    try:
        asyncio.run(_converse(console, info.rasa_url, slots))
    except KeyboardInterrupt:
        console.print()
    finally:
        if started_here:
            server.stop(locale)
