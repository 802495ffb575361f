from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    """Write text (or bytes) to a file in tmp_path, in the given encoding."""

    def write(text: str | bytes, name: str = "debtors.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        data = text if isinstance(text, bytes) else text.encode(encoding)
        path.write_bytes(data)
        return path

    return write
