"""``kindcall demo``: the main job on embedded defaults."""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from typing import Any, Literal

import click
from rich.console import Console, Group
from rich.live import Live
from rich.table import Table

from bot import paths
from bot.calls.runner import CallReport
from bot.demo.population import prepare
from bot.demo.run import DemoRun, expected_outcome, report_json, run_calls

_STYLE = {"queued": "dim", "rendering": "dim", "ringing": "yellow", "connected": "cyan"}


def _table(state: DemoRun) -> Group:
    table = Table(title=f"KindCall demo — {state.stage}", expand=False)
    for column in ("call", "persona", "tier", "state", "expected", "turns"):
        table.add_column(column)
    for call_id, persona in state.personas.items():
        status = state.states.get(call_id, "queued")
        expected = expected_outcome(persona)
        report: CallReport | None = state.reports.get(call_id)
        turns = len(report.result.turns) if report and report.result else ""
        style = _STYLE.get(status, "green" if status == expected else "red")
        table.add_row(
            call_id,
            persona,
            str(state.tiers.get(call_id, "")),
            f"[{style}]{status}[/]",
            expected,
            str(turns),
        )
    return Group(table)


def _summary(console: Console, doc: dict[str, Any]) -> None:
    totals = doc["totals"]
    table = Table(title="Summary", show_header=False)
    table.add_row("calls", str(totals["calls"]))
    table.add_row("ended as expected", f"{totals['as_expected']} / {totals['calls']}")
    table.add_row("handed over", str(totals["handoffs"]))
    for kind, count in sorted(totals["outcomes"].items()):
        table.add_row(f"  {kind}", str(count))
    lat = totals["latency_ms"]
    table.add_row("bot reply latency p50 / p95", f"{lat['p50']} / {lat['p95']} ms")
    table.add_row("audit chain", "intact" if totals["audit_ok"] else "BROKEN")
    table.add_row("database", totals["database"])
    console.print(table)
    console.print("Transcripts: kindcall calls show ID --db sqlite:///" + totals["database"])


@click.command()
@click.option(
    "--calls",
    "n_calls",
    type=click.IntRange(1, 200),
    default=8,
    show_default=True,
    help="How many calls to place (personas cycle: cooperative, hardship, distress, "
    "refusal, cease, wrong number, third party, no answer).",
)
@click.option(
    "--locale",
    type=click.Choice(["en", "zh"]),
    default="en",
    show_default=True,
    help="Language of the population, the bot and the simulated people.",
)
@click.option(
    "--concurrency",
    type=click.IntRange(1, 32),
    default=2,
    show_default=True,
    help="Calls running at the same time (2 keeps Whisper on 2 cores responsive).",
)
@click.option(
    "--population",
    type=click.IntRange(10, 100_000),
    default=None,
    help="Synthetic people to import (default: 10 per call, at least 60).",
)
@click.option("--seed", type=int, default=7, show_default=True, help="Synthetic data seed.")
@click.option(
    "--hold",
    "hold_seconds",
    type=float,
    default=3.0,
    show_default=True,
    help="Seconds a handed-over call waits on hold for a supervisor.",
)
@click.option(
    "--callee-ears",
    type=click.Choice(["whisper", "captions"]),
    default="whisper",
    show_default=True,
    help="How the simulated people hear the bot: whisper transcribes its audio (mishearings "
    "included); captions reads the text of each bot line from the call's captions data "
    "channel and needs no ASR at the far end (use it for many concurrent calls on few cores). "
    "The bot always hears the people through its own ASR.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print only one JSON object (calls with transcripts, totals).",
)
def demo(
    n_calls: int,
    locale: Literal["en", "zh"],
    concurrency: int,
    population: int | None,
    seed: int,
    hold_seconds: float,
    callee_ears: Literal["whisper", "captions"],
    as_json: bool,
) -> None:
    """Run a demo campaign end to end on embedded defaults.

    A fresh SQLite database under var/demo/, a synthetic population imported and tiered,
    a campaign planned under the locale's profile (cn or us-regf) with a simulated clock
    inside the calling window, then N real calls: WebRTC audio both ways, Whisper ASR,
    Piper/espeak TTS, the Rasa dialogue and the safety policy, against simulated people.
    Afterwards: kindcall calls show ID, kindcall audit verify --db sqlite:///var/demo/kindcall.db
    """
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    console = Console(stderr=as_json)
    directory = paths.var_dir() / "demo"
    data = prepare(
        directory,
        locale=locale,
        calls=n_calls,
        population=population or max(60, 10 * n_calls),
        seed=seed,
    )
    if not data.claims:
        raise click.ClickException("no attempt was allowed at the demo clock; nothing to call")
    state = DemoRun()
    try:
        if as_json:
            reports = asyncio.run(
                run_calls(
                    on_stage=lambda stage: console.print(f"[dim]demo: {stage}[/]"),
                    data=data,
                    locale=locale,
                    concurrency=concurrency,
                    hold_seconds=hold_seconds,
                    state=state,
                    callee_ears=callee_ears,
                )
            )
        else:
            console.print(
                f"Imported {data.imported} people ({data.rejected} rejected); "
                f"claimed {len(data.claims)} calls at {data.clock:%Y-%m-%d %H:%M} UTC."
            )
            with Live(_table(state), console=console, refresh_per_second=4) as live:

                async def go() -> list[CallReport]:
                    async def refresh() -> None:
                        while True:
                            live.update(_table(state))
                            await asyncio.sleep(0.25)

                    ticker = asyncio.ensure_future(refresh())
                    try:
                        return await run_calls(
                            data,
                            locale=locale,
                            concurrency=concurrency,
                            hold_seconds=hold_seconds,
                            state=state,
                            callee_ears=callee_ears,
                        )
                    finally:
                        ticker.cancel()
                        live.update(_table(state))

                reports = asyncio.run(go())
        doc = report_json(data, state, reports)
    finally:
        data.db.close()
    if as_json:
        click.echo(json.dumps(doc, ensure_ascii=False))
    else:
        _summary(console, doc)
