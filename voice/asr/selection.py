"""Which ASR engine serves a locale: Vosk when a model is configured, else Whisper."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bot.errors import ASRError
from bot.paths import models_dir
from voice.asr.base import ASREngine
from voice.asr.vosk_asr import VoskASR, looks_like_vosk_model
from voice.asr.whisper_asr import WhisperASR
from voice.locale import Language, language_of

__all__ = ["ASRSettings", "Preference", "engine_for", "vosk_model_path"]

Preference = Literal["auto", "vosk", "whisper"]


@dataclass(frozen=True, slots=True)
class ASRSettings:
    """ASR configuration (the environment supplies it when no settings are passed).

    Attributes:
        vosk_models: Vosk model directory per language; overrides the environment.
        whisper_threads: CPU threads per Whisper pass (None: ``KINDCALL_WHISPER_THREADS``).
        end_silence_ms: End-of-utterance silence for Whisper's segmentation (None: default).
        prefer: ``"auto"`` (Vosk if configured), or force ``"vosk"`` / ``"whisper"``.
    """

    vosk_models: Mapping[Language, Path] = field(default_factory=dict)
    whisper_threads: int | None = None
    end_silence_ms: int | None = None
    prefer: Preference = "auto"

    def __post_init__(self) -> None:
        if self.prefer not in {"auto", "vosk", "whisper"}:
            raise ValueError(f"prefer must be auto, vosk or whisper, got {self.prefer!r}")


def vosk_model_path(locale: str, settings: ASRSettings | None = None) -> Path | None:
    """The Vosk model directory for ``locale``, if one is configured and looks valid.

    Looked up in order: ``settings.vosk_models``, ``KINDCALL_VOSK_MODEL_<LANG>`` (e.g.
    ``KINDCALL_VOSK_MODEL_ZH``), then ``models_dir()/vosk/<lang>/``.

    Raises:
        ASRError: A directory is configured explicitly but is not a Vosk model.
    """
    language = language_of(locale)
    explicit = (settings.vosk_models.get(language) if settings else None) or os.environ.get(
        f"KINDCALL_VOSK_MODEL_{language.upper()}"
    )
    if explicit:
        path = Path(explicit).expanduser().resolve()
        if not looks_like_vosk_model(path):
            raise ASRError(f"configured Vosk model for {language} is not a model: {path}")
        return path
    installed = models_dir() / "vosk" / language
    return installed if looks_like_vosk_model(installed) else None


def engine_for(locale: str, *, settings: ASRSettings | None = None) -> ASREngine:
    """The ASR engine for ``locale``: Vosk when a model is configured, else Whisper base.

    Raises:
        ASRError: ``prefer="vosk"`` but no Vosk model is configured for the locale.
    """
    settings = settings or ASRSettings()
    path = None if settings.prefer == "whisper" else vosk_model_path(locale, settings)
    if path is not None:
        return VoskASR(path, locale)
    if settings.prefer == "vosk":
        raise ASRError(
            f"no Vosk model for {locale!r}: run `kindcall models install vosk --locale "
            f"{language_of(locale)} --from ARCHIVE` or set KINDCALL_VOSK_MODEL_"
            f"{language_of(locale).upper()}"
        )
    return WhisperASR(
        locale, cpu_threads=settings.whisper_threads, end_silence_ms=settings.end_silence_ms
    )
