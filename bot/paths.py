"""Where KindCall keeps its files: the repository root, ``var/`` and ``models/``.

Every location can be moved with an environment variable so tests and deployments can
point elsewhere without code changes.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser().resolve() if value else default


def var_dir() -> Path:
    """Runtime data (SQLite file, key file, recordings, caches); ``KINDCALL_VAR``."""
    return _env_path("KINDCALL_VAR", REPO_ROOT / "var")


def models_dir() -> Path:
    """Trained Rasa models and installed speech models; ``KINDCALL_MODELS``."""
    return _env_path("KINDCALL_MODELS", REPO_ROOT / "models")


def dialogues_dir() -> Path:
    """The Rasa project data (``dialogues/``)."""
    return _env_path("KINDCALL_DIALOGUES", REPO_ROOT / "dialogues")


def scripts_library_dir() -> Path:
    """What the bot says, per locale (``scripts_library/``)."""
    return _env_path("KINDCALL_SCRIPTS_LIBRARY", REPO_ROOT / "scripts_library")


def rasa_venv() -> Path:
    """The separate virtual environment holding Rasa 3.6 (``.venv-rasa``)."""
    return _env_path("KINDCALL_RASA_VENV", REPO_ROOT / ".venv-rasa")
