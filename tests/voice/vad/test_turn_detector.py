"""Turn-taking with a scripted scorer (exact timings) and with the real Silero model."""

from __future__ import annotations

import asyncio
import subprocess

import numpy as np
import pytest

from voice.audio import frames, read_wav, resample, silence
from voice.vad import SileroVAD, TurnDetector, TurnEvent, TurnEventKind

START, PAUSE, RESUME, END = (
    TurnEventKind.SPEECH_START,
    TurnEventKind.PAUSE,
    TurnEventKind.RESUME,
    TurnEventKind.SPEECH_END,
)


class ScriptedScorer:
    """One probability per 512-sample window, from a list (a fake at the VAD boundary)."""

    def __init__(self, probabilities: list[float]) -> None:
        self.probabilities = list(probabilities)
        self.pending = 0

    def feed(self, pcm: bytes) -> list[float]:
        self.pending += len(pcm)
        count, self.pending = divmod(self.pending, 1024)
        out, self.probabilities = self.probabilities[:count], self.probabilities[count:]
        return out

    def reset(self) -> None:
        self.pending = 0


def run(detector: TurnDetector, windows: int) -> list[TurnEvent]:
    events: list[TurnEvent] = []
    for frame in frames(silence(windows * 32 + 40)):
        events += detector.feed(frame)
    return events


def test_exact_event_times_from_scripted_probabilities() -> None:
    # 3 silent windows, 10 speech, 6 silent (pause), 5 speech, 20 silent
    script = [0.0] * 3 + [0.9] * 10 + [0.1] * 6 + [0.9] * 5 + [0.1] * 20
    detector = TurnDetector(
        end_silence_ms=320, pause_ms=128, min_speech_ms=64, scorer=ScriptedScorer(script)
    )
    assert run(detector, len(script)) == [
        TurnEvent(START, 96, 160),  # onset at window 3 (96 ms), confirmed after 64 ms
        TurnEvent(PAUSE, 416, 544),  # silence from window 13, reported after 128 ms
        TurnEvent(RESUME, 608, 640),
        TurnEvent(PAUSE, 768, 896),
        TurnEvent(END, 768, 1088),  # silence from window 24, end after 320 ms
    ]
    assert not detector.in_turn


def test_short_blip_is_not_speech_and_hysteresis_holds() -> None:
    # a one-window click, then speech whose mid values (0.4) neither start nor end silence
    script = [0.9] + [0.0] * 3 + [0.9] * 4 + [0.4] * 20 + [0.0] * 12
    detector = TurnDetector(
        end_silence_ms=320, pause_ms=160, min_speech_ms=64, scorer=ScriptedScorer(script)
    )
    events = run(detector, len(script))
    assert [e.kind for e in events] == [START, PAUSE, END]
    assert events[0].at_ms == 128
    assert events[2] == TurnEvent(END, 896, 1216)


def test_invalid_settings() -> None:
    with pytest.raises(ValueError, match="pause_ms 600 <= end_silence_ms 500"):
        TurnDetector(end_silence_ms=500, pause_ms=600, scorer=ScriptedScorer([]))
    with pytest.raises(ValueError, match="neg_threshold 0.6 <= threshold 0.5"):
        TurnDetector(threshold=0.5, neg_threshold=0.6, scorer=ScriptedScorer([]))


@pytest.fixture(scope="module")
def speech(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    wav = tmp_path_factory.mktemp("vad") / "en.wav"
    text = "I can pay two hundred dollars on Friday"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(wav), text], check=True)
    audio = read_wav(wav)
    return trim(resample(audio.pcm, audio.sample_rate, 16_000))


def trim(pcm: bytes) -> bytes:
    """Drop espeak-ng's own leading/trailing silence so the test controls every gap."""
    samples = np.frombuffer(pcm, dtype="<i2")
    loud = np.flatnonzero(np.abs(samples) > 300)
    return samples[loud[0] : loud[-1] + 1].tobytes()


def test_silero_scores_each_window(speech: bytes) -> None:
    vad = SileroVAD()
    quiet = vad.feed(silence(1000))
    assert len(quiet) == 31 and vad.pending_bytes == 32_000 - 31 * 1024
    assert max(quiet) < 0.1
    assert max(vad.feed(speech)) > 0.9
    with pytest.raises(ValueError, match="whole 16-bit samples"):
        vad.feed(b"\0")


def tone_at(dbfs: float, ms: int) -> bytes:
    """A 440 Hz tone whose RMS level is ``dbfs``."""
    t = np.arange(16 * ms) / 16_000
    amplitude = 32768 * 10 ** (dbfs / 20) * np.sqrt(2)
    return (amplitude * np.sin(2 * np.pi * 440 * t)).astype("<i2").tobytes()


def test_windows_under_the_silence_floor_skip_the_model(speech: bytes) -> None:
    vad = SileroVAD()
    assert vad.feed(silence(1000)) == [0.0] * 31 and vad.model_windows == 0
    assert vad.feed(tone_at(-66, 320)) == [0.0] * 10 and vad.model_windows == 0
    vad.feed(tone_at(-54, 320))  # above the floor: the model hears it
    assert vad.model_windows == 10
    assert max(vad.feed(speech)) > 0.9


def test_the_floor_does_not_move_speech_onsets_or_ends(speech: bytes) -> None:
    """Speech between stretches of digital silence is heard at the same windows."""
    audio = silence(700) + speech + silence(260) + speech[: len(speech) // 4 * 2] + silence(900)
    gated, every = SileroVAD(), SileroVAD(silence_floor_dbfs=None)
    with_floor = [p >= 0.5 for p in gated.feed(audio)]
    without = [p >= 0.5 for p in every.feed(audio)]
    assert gated.model_windows < every.model_windows * 0.75
    changed = [i for i, (a, b) in enumerate(zip(with_floor, without, strict=True)) if a != b]
    assert len(changed) <= 2, changed


def test_real_speech_gives_one_turn(speech: bytes) -> None:
    detector = TurnDetector()
    audio = silence(500) + speech + silence(1000)
    events = run_audio(detector, audio)
    kinds = [e.kind for e in events if e.kind in (START, END)]
    assert kinds == [START, END]
    start = next(e for e in events if e.kind is START)
    end = next(e for e in events if e.kind is END)
    speech_end = 500 + len(speech) // 32
    assert 500 <= start.at_ms <= 650  # Silero needs ~100 ms of speech to be sure
    assert speech_end - 300 <= end.at_ms <= speech_end + 100
    assert end.detected_ms - end.at_ms >= detector.end_silence_ms


def test_pause_shorter_than_end_silence_keeps_the_turn(speech: bytes) -> None:
    detector = TurnDetector(end_silence_ms=500)
    audio = silence(300) + speech + silence(350) + speech + silence(900)
    kinds = [e.kind for e in run_audio(detector, audio)]
    assert kinds.count(START) == 1 and kinds.count(END) == 1
    assert kinds.index(PAUSE) < kinds.index(RESUME) < kinds.index(END)


def test_barge_in_signal_and_async_feed(speech: bytes) -> None:
    async def main() -> list[TurnEvent]:
        detector = TurnDetector()
        events: list[TurnEvent] = []
        for frame in frames(silence(200) + speech[:16_000]):
            events += await detector.feed_async(frame)
        return events

    events = asyncio.run(main())
    # the first half second of speech is enough to interrupt the bot
    assert [e.kind for e in events][:1] == [START]
    assert events[0].detected_ms - events[0].at_ms <= 160


def run_audio(detector: TurnDetector, audio: bytes) -> list[TurnEvent]:
    events: list[TurnEvent] = []
    for frame in frames(audio):
        events += detector.feed(frame)
    return events


def test_reset_restarts_the_clock(speech: bytes) -> None:
    detector = TurnDetector()
    run_audio(detector, speech)
    assert detector.in_turn and detector.position_ms > 0
    detector.reset()
    assert not detector.in_turn and detector.position_ms == 0
