"""Speech recognition: Vosk (streaming, primary) and Whisper base (offline, VAD-segmented)."""

from voice.asr.base import FRAME_BYTES, FRAME_MS, SAMPLE_RATE, ASREngine, ASRResult, ASRStream
from voice.asr.selection import ASRSettings, engine_for, vosk_model_path
from voice.asr.vosk_asr import VoskASR, VoskStream, looks_like_vosk_model
from voice.asr.whisper_asr import WhisperASR, WhisperStream
from voice.asr.whisper_model import whisper_model_dir

__all__ = [
    "FRAME_BYTES",
    "FRAME_MS",
    "SAMPLE_RATE",
    "ASREngine",
    "ASRResult",
    "ASRSettings",
    "ASRStream",
    "VoskASR",
    "VoskStream",
    "WhisperASR",
    "WhisperStream",
    "engine_for",
    "looks_like_vosk_model",
    "vosk_model_path",
    "whisper_model_dir",
]
