"""`kindcall tts say|prerender` and `kindcall models install vosk|list` through the CLI."""

from __future__ import annotations

import hashlib
import io
import tarfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from voice.audio import read_wav


@pytest.fixture
def env(var_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KINDCALL_TTS_OFFLINE", "1")
    monkeypatch.setenv("KINDCALL_MODELS", str(tmp_path / "models"))
    monkeypatch.delenv("KINDCALL_VOSK_MODEL_ZH", raising=False)
    monkeypatch.delenv("KINDCALL_VOSK_MODEL_EN", raising=False)
    return var_dir


def test_say_renders_then_hits_the_cache(env: Path, tmp_path: Path) -> None:
    out = tmp_path / "line.wav"
    runner = CliRunner()
    first = runner.invoke(cli, ["tts", "say", "我下周五还五百块", "--locale", "zh", "-o", str(out)])
    assert first.exit_code == 0, first.output
    assert "from a fresh render" in first.output
    audio = read_wav(out)
    assert audio.sample_rate == 22050 and audio.duration_ms > 1000
    second = runner.invoke(
        cli, ["tts", "say", "我下周五还五百块", "--locale", "zh", "-o", str(out)]
    )
    assert "from the cache" in second.output
    assert len(list((env / "tts-cache").iterdir())) == 1


def test_prerender_lines_file(env: Path, tmp_path: Path) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text("# greeting\nHello, this is Kind Call.\n\nThank you.\nThank you.\n", "utf-8")
    runner = CliRunner()
    args = ["tts", "prerender", "--locale", "en", "--lines", str(lines)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "2 lines for en: 2 rendered, 0 already cached, 0 failed" in result.output
    again = runner.invoke(cli, args)
    assert "2 lines for en: 0 rendered, 2 already cached, 0 failed" in again.output


def test_prerender_rejects_a_bad_slot(env: Path, tmp_path: Path) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text("Hello.\n", "utf-8")
    result = CliRunner().invoke(
        cli, ["tts", "prerender", "--locale", "en", "--lines", str(lines), "--slot", "oops"]
    )
    assert result.exit_code == 2
    assert "expected KEY=VALUE, got 'oops'" in result.output


def fake_model_files() -> dict[str, bytes]:
    return {
        "vosk-model-small-xx/am/final.mdl": b"am",
        "vosk-model-small-xx/conf/model.conf": b"--min-active=200\n",
        "vosk-model-small-xx/graph/phones.txt": b"SIL 1\n",
        "vosk-model-small-xx/README": b"test model\n",
    }


def make_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def test_install_vosk_from_zip_verifies_and_lists(env: Path, tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "model.zip", fake_model_files())
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    runner = CliRunner()
    bad = runner.invoke(
        cli,
        [
            "models",
            "install",
            "vosk",
            "--locale",
            "zh",
            "--from",
            str(archive),
            "--sha256",
            "0" * 64,
        ],
    )
    assert bad.exit_code == 1
    assert f"sha256 mismatch for model.zip: expected {'0' * 64}, got {digest}" in str(bad.exception)
    ok = runner.invoke(
        cli,
        ["models", "install", "vosk", "--locale", "zh", "--from", str(archive), "--sha256", digest],
    )
    assert ok.exit_code == 0, ok.output
    target = tmp_path / "models" / "vosk" / "zh"
    assert f"installed the Vosk zh model in {target}" in ok.output
    assert (target / "am" / "final.mdl").read_bytes() == b"am"
    listing = runner.invoke(cli, ["models", "list"])
    assert f"zh: vosk   {target}" in listing.output
    assert "en: whisper-base (no Vosk model in" in listing.output

    from voice.asr import VoskASR, WhisperASR, engine_for

    assert isinstance(engine_for("zh-CN"), VoskASR)
    assert isinstance(engine_for("en"), WhisperASR)


def test_install_refuses_path_traversal_and_links(env: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    evil = make_zip(tmp_path / "evil.zip", {**fake_model_files(), "../../escape.txt": b"x"})
    result = runner.invoke(
        cli, ["models", "install", "vosk", "--locale", "en", "--from", str(evil)]
    )
    assert result.exit_code == 1
    assert "unsafe path in archive: '../../escape.txt'" in str(result.exception)
    assert not (tmp_path / "escape.txt").exists()

    tar_path = tmp_path / "link.tar.gz"
    with tarfile.open(tar_path, "w:gz") as archive:
        for name, data in fake_model_files().items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("vosk-model-small-xx/conf/evil")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        archive.addfile(link)
    result = runner.invoke(
        cli, ["models", "install", "vosk", "--locale", "en", "--from", str(tar_path)]
    )
    assert "link or device in archive: 'vosk-model-small-xx/conf/evil'" in str(result.exception)
    assert not (tmp_path / "models" / "vosk" / "en").exists()


def test_install_rejects_what_is_not_a_vosk_model(env: Path, tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "notes.zip", {"notes/readme.txt": b"hi"})
    result = CliRunner().invoke(
        cli, ["models", "install", "vosk", "--locale", "en", "--from", str(archive)]
    )
    assert "does not look like a Vosk model" in str(result.exception)


def test_prerender_every_line_of_an_account(env: Path) -> None:
    from bot.dialogue.responses import all_lines

    slots = {
        "tier": "4",
        "tone": "hardship",
        "debtor_name": "王芳",
        "creditor_name": "北风银行",
        "amount_due": "1200元",
        "minimum_due": "200元",
        "due_date": "三月五号",
    }
    expected = all_lines("zh", slots)
    assert expected
    args = ["tts", "prerender", "--locale", "zh", "--tier", "4", "--tone", "hardship"]
    args += ["--name", "王芳", "--creditor", "北风银行", "--amount", "1200元"]
    args += ["--minimum", "200元", "--due-date", "三月五号"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert (
        f"{len(expected)} lines for zh: {len(expected)} rendered, 0 already cached" in result.output
    )
    assert len(list((env / "tts-cache").iterdir())) == len(expected)


def test_reinstall_replaces_and_a_failed_install_keeps_the_old_model(
    env: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    first = make_zip(tmp_path / "one.zip", fake_model_files())
    files = {**fake_model_files(), "vosk-model-small-xx/am/final.mdl": b"am v2"}
    second = make_zip(tmp_path / "two.zip", files)
    for archive in (first, second):
        result = runner.invoke(
            cli, ["models", "install", "vosk", "--locale", "en", "--from", str(archive)]
        )
        assert result.exit_code == 0, result.output
    target = tmp_path / "models" / "vosk" / "en"
    assert (target / "am" / "final.mdl").read_bytes() == b"am v2"
    broken = make_zip(tmp_path / "broken.zip", {"x/readme.txt": b"no model"})
    result = runner.invoke(
        cli, ["models", "install", "vosk", "--locale", "en", "--from", str(broken)]
    )
    assert result.exit_code == 1
    assert (target / "am" / "final.mdl").read_bytes() == b"am v2"
