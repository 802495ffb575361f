"""``kindcall tts``: speak a line, and render ahead every line an account can hear.

The engine chain is edge-tts (online) → Piper (English) / espeak-ng (Mandarin);
``KINDCALL_TTS_OFFLINE=1`` skips edge-tts. Rendered lines are kept in
``var/tts-cache/<sha256 of engine, voice, text>.wav`` (``KINDCALL_VAR`` moves ``var/``).
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from bot.errors import ConfigError, DataFileError
from bot.paths import var_dir

if TYPE_CHECKING:
    from voice.tts.base import Audio

_LOCALE = click.option(
    "--locale",
    type=click.Choice(["zh", "en"]),
    required=True,
    help="Language to speak: zh (Mandarin) or en (English).",
)


@click.group()
def tts() -> None:
    """Speak text and prerender the bot's lines into the TTS cache (var/tts-cache).

    Engines, in order: edge-tts (online neural voices, given 1.5 s to answer), then Piper
    (English, offline) or espeak-ng (Mandarin, offline). Set KINDCALL_TTS_OFFLINE=1 to skip
    edge-tts; KINDCALL_VAR moves var/. Cached files are keyed on engine, voice and text, so
    an edited line is rendered again and never played stale.
    """


_SAY_HELP = """Render TEXT to a WAV file and say which engine produced it.

Uses the cache unless --no-cache; the output names the cache file.

\b
Example:
  kindcall tts say "The balance is 200 dollars." --locale en -o line.wav
"""

_PRERENDER_HELP = """Render every line an account can hear into var/tts-cache before it is called.

Without --lines, the lines come from the scripts library for the given slots
(bot.dialogue.responses.all_lines). Lines already cached are skipped; the summary says
how many were rendered, cached and failed, and the exit status is 1 if any failed.

\b
Example:
  kindcall tts prerender --locale en --tier 2 --name "Ana Lee" --creditor Acme \\
    --amount '$120' --minimum '$25' --due-date "May 3"
"""


@tts.command(help=_SAY_HELP)
@click.argument("text")
@_LOCALE
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="WAV file to write (mono 16-bit, the engine's own sample rate).",
)
@click.option("--no-cache", is_flag=True, help="Render afresh instead of using var/tts-cache.")
def say(text: str, locale: str, output: Path, no_cache: bool) -> None:
    """Render TEXT to a WAV file (see ``_SAY_HELP``)."""
    from voice.audio import write_wav
    from voice.tts import default_cache, default_engine

    async def run() -> tuple[str, Audio]:
        if no_cache:
            rendered = await default_engine(locale).render(text, locale=locale)
            return rendered.engine.name, rendered.audio
        cache = default_cache(locale)
        audio = await cache.get_or_render(text, locale)
        path = cache.find(text, locale)
        source = "the cache" if cache.hits else "a fresh render"
        return f"{source} ({path.name if path else '?'})", audio

    engine, audio = asyncio.run(run())
    write_wav(output, audio)
    click.echo(f"wrote {output} ({audio.duration_ms} ms, {audio.sample_rate} Hz) from {engine}")


def _read_lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(str(path), None, f"not UTF-8: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"cannot read the lines file {path}: {exc}") from exc
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _account_lines(locale: str, slots: dict[str, str]) -> list[str]:
    try:
        module = importlib.import_module("bot.dialogue.responses")
    except ModuleNotFoundError as exc:
        raise ConfigError(
            "bot.dialogue.responses is not available in this build: pass --lines FILE"
        ) from exc
    all_lines = cast(Callable[[str, Mapping[str, str]], Iterable[str]], module.all_lines)
    return list(all_lines(locale, slots))


@tts.command(help=_PRERENDER_HELP)
@_LOCALE
@click.option("--tier", type=click.IntRange(1, 5), help="Account tier 1-5 (slot `tier`).")
@click.option(
    "--tone",
    type=click.Choice(["standard", "hardship"]),
    help="Only this tone's variations (slot `tone`); both tones when omitted.",
)
@click.option("--name", help="The debtor's name as spoken (slot `debtor_name`).")
@click.option("--creditor", help="The creditor as spoken (slot `creditor_name`).")
@click.option("--amount", help="Amount due as written in the script, e.g. '$120' (`amount_due`).")
@click.option("--minimum", help="Minimum payment, e.g. '$25' (slot `minimum_due`).")
@click.option("--due-date", help="Due date as spoken, e.g. 'May 3' (slot `due_date`).")
@click.option(
    "--slot",
    "extra",
    multiple=True,
    metavar="KEY=VALUE",
    help="Any other slot for the templates; repeatable.",
)
@click.option(
    "--lines",
    "lines_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Render the lines of this UTF-8 file (one per line, # comments) instead of the "
    "scripts library.",
)
def prerender(
    locale: str,
    tier: int | None,
    tone: str | None,
    name: str | None,
    creditor: str | None,
    amount: str | None,
    minimum: str | None,
    due_date: str | None,
    extra: tuple[str, ...],
    lines_file: Path | None,
) -> None:
    """Render an account's lines ahead of its call (see ``_PRERENDER_HELP``)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from voice.tts import default_cache

    slots: dict[str, str] = {}
    for key, value in (
        ("tier", tier),
        ("tone", tone),
        ("debtor_name", name),
        ("creditor_name", creditor),
        ("amount_due", amount),
        ("minimum_due", minimum),
        ("due_date", due_date),
    ):
        if value is not None:
            slots[key] = str(value)
    for item in extra:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"expected KEY=VALUE, got {item!r}", param_hint="--slot")
        slots[key.strip()] = value
    lines = _read_lines(lines_file) if lines_file else _account_lines(locale, slots)
    unique = list(dict.fromkeys(lines))
    cache = default_cache(locale)

    async def run() -> Any:
        with Progress(
            TextColumn("[bold]prerender[/] {task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
        ) as progress:
            task = progress.add_task(locale, total=len(unique))

            def advance(_line: str, _cached: bool) -> None:
                progress.advance(task)

            return await cache.prerender(unique, locale, on_line=advance)

    report = asyncio.run(run())
    click.echo(
        f"{len(unique)} lines for {locale}: {report.rendered} rendered, {report.cached} already "
        f"cached, {len(report.failed)} failed → {var_dir() / 'tts-cache'}"
    )
    for failure in report.failed:
        click.echo(f"failed: {failure}", err=True)
    if report.failed:
        raise SystemExit(1)
