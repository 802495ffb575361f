"""Real Rasa + action servers per locale, shared by every test package that needs them.

Started once per session on free ports with pid files in a temporary directory (never
clashing with ``kindcall rasa up``); models are trained only when
``models/<locale>-<hash>.tar.gz`` is missing. Import the fixtures in a conftest.py.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.dialogue import server
from bot.dialogue.server import ServerInfo
from bot.dialogue.training import Project, ensure_model


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(locale: str, tmp: Path) -> Iterator[ServerInfo]:
    project = Project.default()
    model = ensure_model(project, locale).model
    runs = tmp / "run"
    info = server.start(project, locale, model, ports=(free_port(), free_port()), runs=runs)
    try:
        yield info
    finally:
        server.stop(locale, runs)


@pytest.fixture(scope="session")
def rasa_en(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerInfo]:
    """The English servers."""
    yield from _serve("en", tmp_path_factory.mktemp("rasa-en"))


@pytest.fixture(scope="session")
def rasa_zh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerInfo]:
    """The Mandarin servers."""
    yield from _serve("zh", tmp_path_factory.mktemp("rasa-zh"))


@pytest.fixture(params=["en", "zh"])
def rasa(request: pytest.FixtureRequest) -> ServerInfo:
    """The running servers of each locale in turn."""
    info = request.getfixturevalue(f"rasa_{request.param}")
    assert isinstance(info, ServerInfo)
    return info
