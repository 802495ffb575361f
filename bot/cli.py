"""The ``kindcall`` command line.

Each sub-command lives in its own module under :mod:`bot.commands` and is imported only
when it is used, so ``kindcall policy classify`` does not pay for aiortc or SQLAlchemy.
"""

from __future__ import annotations

import importlib
import sys

import click

from bot.errors import KindCallError

# command name -> (module, attribute, one-line help)
_COMMANDS: dict[str, tuple[str, str, str]] = {
    "chat": ("bot.commands.chat", "chat", "Talk to the bot in the terminal through Rasa."),
    "rasa": ("bot.commands.rasa", "rasa", "Train, start, stop and inspect the Rasa servers."),
    "dialogues": ("bot.commands.dialogues", "dialogues", "Lint and test the YAML scripts."),
    "policy": ("bot.commands.policy", "policy", "Classify caller turns with the safety policy."),
    "compliance": ("bot.commands.compliance", "compliance", "Pre-dial compliance checks."),
    "debtors": ("bot.commands.debtors", "debtors", "Import, synthesise and tier debtors."),
    "campaign": ("bot.commands.campaign", "campaign", "Create, plan and watch campaigns."),
    "audit": ("bot.commands.audit", "audit", "Verify the hash-chained audit log."),
    "models": ("bot.commands.models", "models", "Install speech models."),
    "tts": ("bot.commands.tts", "tts", "Render and inspect synthesised speech."),
    "demo": ("bot.commands.demo", "demo", "Run a demo campaign on embedded defaults."),
    "calls": ("bot.commands.calls", "calls", "Show calls and their transcripts."),
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = _COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module_name, attr, _ = entry
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None
            raise
        command = getattr(module, attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_) for name, (_, _, help_) in sorted(_COMMANDS.items())]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=_LazyGroup)
@click.version_option(package_name="kindcall")
def cli() -> None:
    """KindCall: compliant, empathetic payment-reminder calls."""


def main() -> None:
    """Entry point: run the CLI and turn KindCall errors into one clear line and exit 1."""
    try:
        # Without standalone mode click returns a command's exit code instead of exiting.
        code = cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except KindCallError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if isinstance(code, int) and code:
        sys.exit(code)


if __name__ == "__main__":
    main()
