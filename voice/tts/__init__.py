"""Speech synthesis: edge-tts online, Piper, Baker and espeak-ng offline, a render-ahead cache.

Names are imported lazily so that ``voice.tts.base`` (used everywhere) does not pull in
aiohttp, PyAV or Piper.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from voice.tts.baker import BakerTTS
    from voice.tts.base import Audio, TTSEngine
    from voice.tts.cache import CacheStats, PrerenderReport, TTSCache, cache_key
    from voice.tts.defaults import default_cache, default_engine, offline_only
    from voice.tts.edge import EdgeTTS
    from voice.tts.espeak import EspeakTTS
    from voice.tts.fallback import FallbackTTS, Rendered
    from voice.tts.piper_tts import PiperTTS

_WHERE = {
    "BakerTTS": "baker",
    "Audio": "base",
    "TTSEngine": "base",
    "CacheStats": "cache",
    "PrerenderReport": "cache",
    "TTSCache": "cache",
    "cache_key": "cache",
    "default_cache": "defaults",
    "default_engine": "defaults",
    "offline_only": "defaults",
    "EdgeTTS": "edge",
    "EspeakTTS": "espeak",
    "FallbackTTS": "fallback",
    "Rendered": "fallback",
    "PiperTTS": "piper_tts",
}

__all__ = [
    "Audio",
    "BakerTTS",
    "CacheStats",
    "EdgeTTS",
    "EspeakTTS",
    "FallbackTTS",
    "PiperTTS",
    "PrerenderReport",
    "Rendered",
    "TTSCache",
    "TTSEngine",
    "cache_key",
    "default_cache",
    "default_engine",
    "offline_only",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'voice.tts' has no attribute {name!r}")
    return getattr(importlib.import_module(f"voice.tts.{module}"), name)
