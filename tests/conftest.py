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
