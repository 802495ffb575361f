"""Voice activity detection and turn-taking (Silero VAD, endpointing, barge-in)."""

from voice.vad.silero import SileroVAD
from voice.vad.turn import (
    DEFAULT_END_SILENCE_MS,
    DEFAULT_MIN_SPEECH_MS,
    DEFAULT_PAUSE_MS,
    SpeechScorer,
    TurnDetector,
    TurnEvent,
    TurnEventKind,
)

__all__ = [
    "DEFAULT_END_SILENCE_MS",
    "DEFAULT_MIN_SPEECH_MS",
    "DEFAULT_PAUSE_MS",
    "SileroVAD",
    "SpeechScorer",
    "TurnDetector",
    "TurnEvent",
    "TurnEventKind",
]
