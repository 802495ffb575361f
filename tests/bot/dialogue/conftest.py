from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.paths import REPO_ROOT


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A private copy of dialogues/ and scripts_library/ (without NLU data) to break."""
    shutil.copytree(
        REPO_ROOT / "dialogues",
        tmp_path / "dialogues",
        ignore=shutil.ignore_patterns("nlu"),
    )
    shutil.copytree(REPO_ROOT / "scripts_library", tmp_path / "scripts_library")
    return tmp_path
