"""``kindcall policy``: classify caller turns and check bot lines with the safety policy.

Runs offline: no Rasa, no database, no audio; only the lexicons in ``bot/policy/lexicons``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from bot.errors import DataFileError
from bot.policy import CallContext, GuardContext, Locale, Turn, decide, guard_line
from bot.policy.guard import load_guard
from bot.policy.lexicon import LEXICON_DIR, load_lexicon

_LOCALE = click.option(
    "--locale",
    type=click.Choice(["zh", "en"]),
    required=True,
    help="Language of the text: selects the lexicons in bot/policy/lexicons/<locale>/.",
)


@click.group()
def policy() -> None:
    """Classify caller turns and check bot lines with the safety policy (offline)."""


@policy.command()
@_LOCALE
def classify(locale: Locale) -> None:
    """Classify JSON Lines from stdin, one decision per line on stdout.

    Each input line is an object {"text": str, "tier": int (1-5, optional, default 3)};
    other keys are ignored and blank lines skipped. Every turn is classified on its own
    with an empty history. Each output line is
    {"action", "reasons", "tone", "evidence"} in input order.

    On an invalid line the command stops: the decisions for the lines before it are on
    stdout (still valid JSON Lines, aligned with the input), the error with its line number
    is on stderr and the exit status is 1.

    Example: echo '{"text": "stop calling me"}' | kindcall policy classify --locale en
    """
    load_lexicon(locale)
    out = sys.stdout
    for number, raw in enumerate(sys.stdin.buffer, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DataFileError("<stdin>", number, f"not UTF-8: {exc}") from exc
        if not line.strip():
            continue
        text, tier = _parse(line, number)
        decision = decide(Turn(text, locale), CallContext(tier=tier))
        out.write(json.dumps(decision.to_json(), ensure_ascii=False) + "\n")
        out.flush()


def _parse(line: str, number: int) -> tuple[str, int]:
    try:
        item: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DataFileError("<stdin>", number, f"invalid JSON: {exc.msg}") from exc
    if not isinstance(item, dict):
        raise DataFileError("<stdin>", number, f"expected an object, got {type(item).__name__}")
    text = item.get("text")
    if not isinstance(text, str):
        raise DataFileError("<stdin>", number, f'"text" must be a string, got {text!r}')
    tier = item.get("tier", 3)
    if isinstance(tier, bool) or not isinstance(tier, int) or not 1 <= tier <= 5:
        raise DataFileError("<stdin>", number, f'"tier" must be an integer 1-5, got {tier!r}')
    return text, tier


@policy.command()
@click.argument("text")
@_LOCALE
@click.option("--tier", type=click.IntRange(1, 5), default=3, show_default=True, help="Tier.")
@click.option(
    "--asr-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=1.0,
    show_default=True,
    help="How sure the ASR was; below 0.5 non-safety tags turn into 'clarify'.",
)
@click.option("--intent", default=None, help="Rasa intent name to combine (e.g. self_harm).")
@click.option(
    "--intent-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Rasa's confidence for --intent.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the decision as JSON instead.")
def explain(
    text: str,
    locale: Locale,
    tier: int,
    asr_confidence: float,
    intent: str | None,
    intent_confidence: float | None,
    as_json: bool,
) -> None:
    """Show the decision for TEXT and every match behind it (including discarded ones).

    Example: kindcall policy explain "我不会想不开的" --locale zh
    """
    turn = Turn(text, locale, asr_confidence, intent, intent_confidence)
    decision = decide(turn, CallContext(tier=tier))
    if as_json:
        click.echo(json.dumps(decision.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(f"text:    {text}")
    click.echo(f"action:  {decision.action}")
    click.echo(f"reasons: {', '.join(decision.reasons) or '-'}")
    click.echo(f"tone:    {decision.tone}")
    click.echo("evidence:")
    if not decision.evidence:
        click.echo("  (no phrase matched)")
    for item in decision.evidence:
        status = f"discarded: {item.note}" if item.note else f"score {item.score:.2f}"
        click.echo(f"  {item.detector:<22} {item.matched!r:<36} {item.source:<8} {status}")


@policy.command()
@click.argument("line")
@_LOCALE
@click.option("--verified", is_flag=True, help="The right party has been verified.")
@click.option("--third-party", is_flag=True, help="Someone else than the debtor is listening.")
@click.option(
    "--term",
    "terms",
    multiple=True,
    help="An account detail that must not be disclosed (amount, creditor, date); repeatable.",
)
def guard(line: str, locale: Locale, verified: bool, third_party: bool, terms: tuple[str]) -> None:
    """Check a LINE the bot would say; print what would actually be said and why.

    Exit status 3 when the line is blocked, so scripts can lint their responses.

    Example: kindcall policy guard "You owe $120" --locale en --term "Acme Bank"
    """
    result = guard_line(line, GuardContext(locale, verified, third_party, terms))
    if not result.blocked:
        click.echo(f"ok: {result.text}")
        return
    click.echo(f"blocked: {result.original}")
    for reason in result.reasons:
        click.echo(f"  - {reason}")
    click.echo(f"instead: {result.text}")
    sys.exit(3)


@policy.command()
def lint() -> None:
    """Load and validate every lexicon file; errors name file:line (exit status 1)."""
    for locale in ("en", "zh"):
        lexicon = load_lexicon(locale)
        guard_lexicon = load_guard(locale)
        phrases = sum(len(d.phrases) for d in lexicon.detectors)
        click.echo(
            f"{locale}: {len(lexicon.detectors)} detectors, {phrases} phrases, "
            f"{len(lexicon.idioms)} shared idioms, {len(guard_lexicon.forbidden)} guard phrases"
        )
    click.echo(f"ok: {LEXICON_DIR}")
