"""The stereo recorder: one timeline for both channels, and a file that survives a crash."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np

from voice.transport import StereoRecorder

RATE = 16_000
FRAME = RATE // 50  # 20 ms


def ramp(frames: int, start: int = 0) -> bytes:
    return (np.arange(start, start + frames * FRAME) % 20_000 + 1).astype(np.int16).tobytes()


def read(path: Path) -> tuple[np.ndarray, np.ndarray]:
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (2, 2, RATE)
        data = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16)
    return data[0::2], data[1::2]


def test_channels_are_placed_by_time_and_gaps_are_silence(tmp_path: Path) -> None:
    recorder = StereoRecorder(tmp_path / "call.wav", t0=100.0, flush_every_s=3600)
    # The bot talks from 0.0 s to 1.0 s; the caller from 0.5 s to 0.7 s and 1.2 s to 1.3 s.
    for i in range(50):
        recorder.write("bot", ramp(1, i * FRAME), RATE, 100.0 + i * 0.02)
    for i in range(10):
        recorder.write("caller", ramp(1), RATE, 100.5 + i * 0.02)
    for i in range(5):
        recorder.write("caller", ramp(1), RATE, 101.2 + i * 0.02)
    recorder.close()
    left, right = read(tmp_path / "call.wav")
    assert left.size == right.size == int(1.3 * RATE)
    assert np.array_equal(right[:RATE], np.frombuffer(ramp(50), dtype=np.int16))
    assert not right[RATE:].any()
    assert not left[: RATE // 2].any()
    assert np.count_nonzero(left[RATE // 2 : int(0.7 * RATE)]) == int(0.2 * RATE)
    assert not left[int(0.7 * RATE) : int(1.2 * RATE)].any()
    assert np.count_nonzero(left[int(1.2 * RATE) :]) == int(0.1 * RATE)


def test_jitter_within_one_frame_does_not_open_gaps(tmp_path: Path) -> None:
    recorder = StereoRecorder(tmp_path / "call.wav", t0=0.0, flush_every_s=3600)
    for i in range(20):
        jitter = 0.015 if i % 3 == 1 else 0.0
        recorder.write("caller", ramp(1, i * FRAME), RATE, i * 0.02 + jitter)
        recorder.write("bot", ramp(1, i * FRAME), RATE, i * 0.02)
    recorder.close()
    left, right = read(tmp_path / "call.wav")
    assert np.array_equal(left, right)
    assert left.size == 20 * FRAME


def test_other_rates_are_resampled(tmp_path: Path) -> None:
    recorder = StereoRecorder(tmp_path / "call.wav", t0=0.0, flush_every_s=3600)
    t = np.arange(48_000) / 48_000
    bot = (np.sin(2 * np.pi * 440 * t) * 8000).astype(np.int16).tobytes()
    for i in range(50):
        recorder.write("bot", bot[i * 1920 : (i + 1) * 1920], 48_000, i * 0.02)
    recorder.close()
    left, right = read(tmp_path / "call.wav")
    spectrum = np.abs(np.fft.rfft(right.astype(np.float64)))
    assert round(float(np.fft.rfftfreq(right.size, 1 / RATE)[np.argmax(spectrum)])) == 440
    assert not left.any()


WRITER = """
import sys, time
from voice.transport import StereoRecorder
import numpy as np
rec = StereoRecorder(sys.argv[1], t0=0.0, flush_every_s=3600)
for i in range(75):
    pcm = (np.arange(i * 320, (i + 1) * 320) % 20000 + 1).astype(np.int16).tobytes()
    rec.write("caller", pcm, 16000, i * 0.02)
    rec.write("bot", pcm, 16000, i * 0.02)
    if i == 49:
        rec.flush()
        print("flushed", rec.duration_ms, flush=True)
time.sleep(600)
"""


def test_a_killed_process_leaves_a_valid_wav_up_to_the_last_flush(tmp_path: Path) -> None:
    path = tmp_path / "crash.wav"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[3]))
    with subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True, env=env
    ) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert line == "flushed 1000\n"
    assert child.returncode == -signal.SIGKILL
    left, right = read(path)
    expected = np.frombuffer(ramp(50), dtype=np.int16)
    assert np.array_equal(left, expected)
    assert np.array_equal(right, expected)
