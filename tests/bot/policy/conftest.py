from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.policy.lexicon import LEXICON_DIR


@pytest.fixture
def lexicon_copy(tmp_path: Path) -> Path:
    """A private copy of the lexicons to break on purpose."""
    root = tmp_path / "lexicons"
    shutil.copytree(LEXICON_DIR, root)
    return root
