"""`kindcall chat` end to end: a terminal conversation through the session's real servers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from bot.dialogue.server import ServerInfo, is_ready
from bot.paths import REPO_ROOT

pytestmark = [pytest.mark.rasa, pytest.mark.slow, pytest.mark.timeout(2400)]


def _chat(
    info: ServerInfo, var: Path, args: list[str], lines: str
) -> subprocess.CompletedProcess[str]:
    # Point chat at the running servers through a pid file in a private var/.
    (var / "run").mkdir(parents=True)
    (var / "run" / f"rasa-{info.locale}.json").write_text(json.dumps(asdict(info)))
    env = dict(os.environ, KINDCALL_VAR=str(var), COLUMNS="200")
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--locale", info.locale, *args],
        input=lines,
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=300,
        check=False,
    )


def test_chat_shows_bot_lines_intents_and_the_end(rasa_en: ServerInfo, tmp_path: Path) -> None:
    proc = _chat(
        rasa_en,
        tmp_path / "var",
        ["--tier", "1", "--name", "Sam Lee", "--creditor", "Acme", "--amount", "$90"],
        "how much do i owe\nyou have the wrong number\n",
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.splitlines()
    assert out[:2] == [
        "bot: Hello, this is Kay, an automated assistant. This call is recorded for quality "
        "and compliance.",
        "bot: Am I speaking with Sam Lee?",
    ]
    assert out[2].startswith("you:       ask_amount (")
    assert out[3] == (
        "bot: Before I can share any details, I need to make sure I'm speaking with Sam Lee. "
        "Is that you?"
    )
    assert out[4].startswith("you:       wrong_person (")
    assert out[5:] == [
        "bot: I'm sorry for the trouble, I must have the wrong number. Have a good day, goodbye.",
        "     [end_call: wrong_party]",
    ]
    assert "Acme" not in proc.stdout and "$90" not in proc.stdout
    # The servers were already up, so chat left them running.
    assert is_ready(rasa_en)
