"""``kindcall compliance``: pre-dial checks and the jurisdiction profiles behind them."""

from __future__ import annotations

import json
import sys
from typing import IO, Any, NoReturn

import click

from bot.compliance import decode_request, load_profile, profile_names
from bot.errors import KindCallError

_CHECK_HELP = """Decide whether one call may be placed now; JSON in on stdin, JSON out.

\b
Input (one JSON object on stdin):
  {"profile": "cn" | "us-regf" | "us-ma" | ...,
   "timezone": "Asia/Shanghai",                  the person's IANA time zone
   "now": "2026-11-28T21:59:00+08:00",          ISO-8601 with UTC offset
   "attempts": [{"at": "2026-11-28T09:00:00+08:00",
                 "outcome": "no_answer" | "busy" | "voicemail" | "conversation"}],
   "flags": {"cease": false, "dnc": false, "consent": true,
             "bankruptcy": false, "legal_hold": false, "dispute": false}}

\b
"attempts" and "flags" may be left out; a missing flag is false, except
"consent", which is true. All attempts count for the same debt and contact,
including attempts dated after "now".

\b
Output (one line on stdout, exit 0):
  {"allowed": true|false, "reasons": [...], "next_allowed_at": ISO-8601 or null}

\b
reasons: cease, dnc, bankruptcy, legal_hold, dispute, no_consent,
outside_calling_window, daily_attempt_cap, weekly_attempt_cap, recent_conversation.
next_allowed_at is the earliest instant >= now when the clock rules allow the
call (now itself when allowed), in the person's local offset; null when a flag
blocks. Invalid input (bad JSON, a date-time without offset, an unknown key,
profile, time zone or outcome) prints one "error: ..." line on stderr, exit 2.

\b
Example:
  echo '{"profile":"cn","timezone":"Asia/Shanghai","now":"2026-11-28T22:00:00+08:00"}' \\
    | kindcall compliance check
"""


@click.group()
def compliance() -> None:
    """Pre-dial compliance: may this person be called about this debt now?

    A call is checked against a jurisdiction profile (calling hours in the person's local
    time, attempt caps over local calendar days, a cooldown after a conversation) and the
    account flags (cease, dnc, bankruptcy, legal_hold, dispute, consent). `profiles` shows
    the rules of cn, us-regf, us-ma, ...; `check` decides one call from JSON on stdin.
    """


@compliance.command(
    "check", help=_CHECK_HELP, short_help="Decide one call: JSON request on stdin, decision out."
)
def check_command() -> None:
    """Read one check request on stdin and print the decision."""
    text = sys.stdin.read()
    try:
        decision = decode_request(text, source="stdin").decide()
    except KindCallError as exc:
        _fail(str(exc))
    click.echo(json.dumps(decision.to_json()))


@compliance.command("profiles", short_help="List the profiles and their rules.")
@click.argument("names", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the compiled profiles as JSON.")
def profiles_command(names: tuple[str, ...], as_json: bool) -> None:
    """List the jurisdiction profiles and their rules (overlays resolved).

    NAMES limits the listing to some profiles, e.g. `kindcall compliance profiles us-ma`.
    The profiles are YAML files in bot/compliance/profiles/; an overlay (`extends:`) can
    only tighten the profile it extends.
    """
    try:
        profiles = [load_profile(name) for name in names or profile_names()]
    except KindCallError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps([p.to_json() for p in profiles], indent=2))
        return
    for i, profile in enumerate(profiles):
        if i:
            click.echo()
        title = profile.name + (f" (extends {profile.extends})" if profile.extends else "")
        click.echo(title)
        click.echo(f"  {profile.description}")
        for rule in profile.rules():
            click.echo(f"  - {rule}")


class InvalidInput(click.ClickException):
    """Input that cannot be checked: one ``error: ...`` line on stderr and exit status 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        """Print the one error line."""
        click.echo(f"error: {self.format_message()}", err=True, file=file)


def _fail(message: str) -> NoReturn:
    raise InvalidInput(message)
