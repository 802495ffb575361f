from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from bot.compliance import Attempt, Flags, Outcome, Profile, check, load_profile

Run = Callable[..., dict[str, Any]]


def run_check(
    profile: str | Profile,
    timezone: str,
    now: str,
    attempts: Sequence[tuple[str, Outcome]] = (),
    flags: Flags | None = None,
) -> dict[str, Any]:
    """One check written with ISO strings, returned as the CLI's JSON object."""
    compiled = load_profile(profile) if isinstance(profile, str) else profile
    decision = check(
        compiled,
        timezone=timezone,
        now=datetime.fromisoformat(now),
        attempts=[Attempt(datetime.fromisoformat(at), outcome) for at, outcome in attempts],
        flags=flags or Flags(),
    )
    return decision.to_json()


@pytest.fixture
def profile_dir(tmp_path: Path) -> Callable[..., Path]:
    """Write profile files ``name -> YAML text`` into a fresh folder and return it."""
    folder = tmp_path / "profiles"
    folder.mkdir()

    def write(**files: str) -> Path:
        for name, text in files.items():
            (folder / f"{name.replace('_', '-')}.yml").write_text(text, encoding="utf-8")
        return folder

    return write
