"""Train one Rasa model per locale, only when its inputs changed.

A locale's model is built from ``dialogues/config-<locale>.yml``, ``dialogues/domain/``,
``dialogues/data/{stories,rules}/``, ``dialogues/data/nlu/<locale>/`` and
``scripts_library/<locale>/``. The SHA-256 of those files (paths and bytes) names the model,
``models/<locale>-<hash12>.tar.gz``: if that file exists, nothing is trained.

Rasa runs in its own virtual environment (``.venv-rasa``) as a subprocess; the app never
imports it. Rasa reads one domain directory, so the domain files and the locale's responses
are copied into ``build/rasa/<locale>/domain/`` first.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bot import paths
from bot.dialogue.lint import check_project
from bot.dialogue.project import LOCALES
from bot.dialogue.yamlsrc import yaml_files
from bot.errors import ConfigError, DialogueError


@dataclass(frozen=True, slots=True)
class Project:
    """Where the Rasa project, the models and the build files live."""

    dialogues: Path
    library: Path
    models: Path
    build: Path
    rasa_venv: Path

    @classmethod
    def default(cls) -> Project:
        """The repository's project, honouring the ``KINDCALL_*`` path variables."""
        return cls(
            dialogues=paths.dialogues_dir(),
            library=paths.scripts_library_dir(),
            models=paths.models_dir(),
            build=paths.REPO_ROOT / "build" / "rasa",
            rasa_venv=paths.rasa_venv(),
        )

    def config(self, locale: str) -> Path:
        """``dialogues/config-<locale>.yml``."""
        return self.dialogues / f"config-{locale}.yml"

    def data_dirs(self, locale: str) -> list[Path]:
        """The training data directories Rasa reads for ``locale``."""
        data = self.dialogues / "data"
        return [data / "stories", data / "rules", data / "nlu" / locale]

    def inputs(self, locale: str) -> list[Path]:
        """Every file whose content goes into ``locale``'s model, sorted."""
        files = [self.config(locale)]
        for directory in [self.dialogues / "domain", *self.data_dirs(locale)]:
            files += yaml_files(directory)
        files += yaml_files(self.library / locale)
        return files

    def locale_build(self, locale: str) -> Path:
        """``build/rasa/<locale>/``: merged domain, logs, test results."""
        return self.build / locale

    def rasa_bin(self) -> Path:
        """The ``rasa`` executable of the Rasa virtual environment."""
        return self.rasa_venv / "bin" / "rasa"


@dataclass(frozen=True, slots=True)
class TrainResult:
    """What :func:`ensure_model` did for one locale."""

    locale: str
    model: Path
    trained: bool
    seconds: float


def check_locale(locale: str) -> str:
    """Validate a locale name against the supported ones."""
    if locale not in LOCALES:
        raise ConfigError(f"unknown locale {locale!r}: expected one of {', '.join(LOCALES)}")
    return locale


def content_hash(project: Project, locale: str) -> str:
    """SHA-256 (hex) over the relative paths and bytes of the locale's inputs."""
    root = Path(os.path.commonpath([project.dialogues.resolve(), project.library.resolve()]))
    digest = hashlib.sha256()
    for path in project.inputs(locale):
        if not path.is_file():
            raise ConfigError(f"missing Rasa input {path}")
        digest.update(path.resolve().relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def model_path(project: Project, locale: str) -> Path:
    """``models/<locale>-<hash12>.tar.gz`` for the current inputs (may not exist yet)."""
    return project.models / f"{locale}-{content_hash(project, locale)[:12]}.tar.gz"


def current_model(project: Project, locale: str) -> Path | None:
    """The trained model for the current inputs, or ``None`` if it must be trained."""
    path = model_path(project, locale)
    return path if path.is_file() else None


def build_domain(project: Project, locale: str) -> Path:
    """Copy ``dialogues/domain`` and ``scripts_library/<locale>`` into one domain dir."""
    target = project.locale_build(locale) / "domain"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for source in yaml_files(project.dialogues / "domain"):
        shutil.copyfile(source, target / f"domain_{source.name}")
    for source in yaml_files(project.library / locale):
        shutil.copyfile(source, target / f"responses_{source.name}")
    return target


def rasa_env() -> dict[str, str]:
    """Environment for Rasa subprocesses: no telemetry, quiet TensorFlow."""
    env = dict(os.environ)
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="2",
        PYTHONWARNINGS="ignore",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
    )
    return env


def run_rasa(project: Project, args: list[str], log: Path, what: str) -> None:
    """Run ``rasa <args>`` with output to ``log``; a failure names the log's last lines."""
    rasa = project.rasa_bin()
    if not rasa.exists():
        raise ConfigError(f"Rasa is not installed at {rasa}: run `make setup`")
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.run(
            [str(rasa), *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=log.parent,
            env=rasa_env(),
            check=False,
        )
    if proc.returncode != 0:
        raise DialogueError(f"{what} failed (exit {proc.returncode}): {_log_tail(log)} [{log}]")


def _log_tail(log: Path) -> str:
    lines = [
        line.strip()
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip() and "Warning" not in line and not line.startswith(" ")
    ]
    return " | ".join(lines[-3:]) if lines else "(no output)"


def _data_args(project: Project, locale: str, domain: Path) -> list[str]:
    return [
        "--config",
        str(project.config(locale)),
        "--domain",
        str(domain),
        "--data",
        *(str(d) for d in project.data_dirs(locale) if d.is_dir()),
    ]


def validate(project: Project, locale: str) -> None:
    """``rasa data validate`` on the locale's merged domain and data."""
    domain = build_domain(project, locale)
    log = project.locale_build(locale) / "validate.log"
    run_rasa(
        project,
        ["data", "validate", *_data_args(project, locale, domain)],
        log,
        f"rasa data validate ({locale})",
    )


@contextmanager
def _locked(project: Project, locale: str) -> Iterator[None]:
    """One trainer per locale at a time (``make setup`` and a test session may overlap)."""
    project.build.mkdir(parents=True, exist_ok=True)
    with (project.build / f"{locale}.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_model(project: Project, locale: str, *, force: bool = False) -> TrainResult:
    """Lint, then validate and train ``locale``'s model unless it is up to date.

    Args:
        project: Paths of the project.
        locale: ``"en"`` or ``"zh"``.
        force: Train even if the model for the current inputs exists.

    Raises:
        DataFileError: The YAML has a problem (``path:line: message``).
        DialogueError: ``rasa data validate`` or ``rasa train`` failed.
    """
    check_locale(locale)
    check_project(project.dialogues, project.library)
    with _locked(project, locale):
        target = model_path(project, locale)
        if target.is_file() and not force:
            return TrainResult(locale, target, trained=False, seconds=0.0)
        started = time.monotonic()
        validate(project, locale)
        domain = project.locale_build(locale) / "domain"
        project.models.mkdir(parents=True, exist_ok=True)
        log = project.locale_build(locale) / "train.log"
        args = [
            "train",
            *_data_args(project, locale, domain),
            "--out",
            str(project.models),
            "--fixed-model-name",
            target.name.removesuffix(".tar.gz"),
        ]
        run_rasa(project, args, log, f"rasa train ({locale})")
        if not target.is_file():
            raise DialogueError(f"rasa train ({locale}) wrote no {target} [{log}]")
        for stale in project.models.glob(f"{locale}-*.tar.gz"):
            if stale != target:
                stale.unlink(missing_ok=True)
        return TrainResult(locale, target, trained=True, seconds=time.monotonic() - started)
