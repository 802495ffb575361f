"""The default TTS chain per locale and the app's shared cache."""

from __future__ import annotations

import os

from bot.paths import var_dir
from voice.locale import language_of
from voice.tts.baker import BakerTTS, baker_opted_in
from voice.tts.base import TTSEngine
from voice.tts.cache import TTSCache
from voice.tts.edge import EdgeTTS
from voice.tts.espeak import EspeakTTS
from voice.tts.fallback import FallbackTTS
from voice.tts.piper_tts import PiperTTS

__all__ = ["default_cache", "default_engine", "offline_only"]


def offline_only() -> bool:
    """True when ``KINDCALL_TTS_OFFLINE`` is set to 1/true/yes: edge-tts is not tried."""
    return os.environ.get("KINDCALL_TTS_OFFLINE", "").strip().lower() in {"1", "true", "yes"}


def default_engine(locale: str, *, baker: bool | None = None) -> FallbackTTS:
    """edge-tts, then Piper (English) or Baker (Mandarin, when asked); espeak-ng closes every chain.

    ``KINDCALL_TTS_OFFLINE=1`` drops edge-tts (no network wait at all). ``baker`` puts the
    natural offline Mandarin voice (:class:`voice.tts.baker.BakerTTS`, non-commercial data)
    before espeak-ng; by default only when ``KINDCALL_ZH_VOICE=baker``. Simulated callees
    and the demo, which speak only to simulated people, ask for it.
    """
    language = language_of(locale)
    engines: list[TTSEngine] = [] if offline_only() else [EdgeTTS()]
    if language == "en":
        engines.append(PiperTTS())
    elif baker_opted_in() if baker is None else baker:
        engines.append(BakerTTS())
    engines.append(EspeakTTS())
    return FallbackTTS(engines)


def default_cache(locale: str) -> TTSCache:
    """A cache in ``var_dir()/tts-cache`` over :func:`default_engine` for ``locale``."""
    return TTSCache(var_dir() / "tts-cache", default_engine(locale))
