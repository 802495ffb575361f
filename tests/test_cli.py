from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from bot.cli import cli


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in ("policy", "compliance", "debtors", "campaign", "audit", "chat", "demo"):
        assert f"  {name} " in result.output


def test_unknown_command_fails_cleanly() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "no-such-command"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "No such command 'no-such-command'" in proc.stderr


def test_a_command_exit_code_reaches_the_shell(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # `policy classify` exits 1 on a bad JSON line; main() must pass that on.
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "policy", "classify", "--locale", "en"],
        input="not json\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "<stdin>:1" in proc.stderr
