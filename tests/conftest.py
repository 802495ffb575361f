"""Shared fixtures for the whole suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def var_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private ``var/`` for one test (database, key file, recordings)."""
    path = tmp_path / "var"
    path.mkdir()
    monkeypatch.setenv("KINDCALL_VAR", str(path))
    yield path


# Real Rasa servers, one pair per locale for the whole session (tests/rasa, tests/e2e).
from tests.rasa_servers import rasa, rasa_en, rasa_zh  # noqa: E402

__all__ = ["rasa", "rasa_en", "rasa_zh", "var_dir"]
