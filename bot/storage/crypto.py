r"""Encryption at rest for names and phone numbers, and a keyed blind index for look-ups.

One 32-byte master key (``KINDCALL_DATA_KEY``, base64, or ``var/data.key`` created 0600 on
first run) is split with HKDF-SHA256 into two independent keys: one for AES-256-GCM, one for
the HMAC-SHA256 blind index. Knowing blind-index values therefore tells nothing about the
encryption key, and the index cannot be computed without the master key (so a stolen
database cannot be matched against a list of phone numbers).

Ciphertext layout: ``b"\\x01" + nonce(12) + AES-GCM(ciphertext || tag)``. The field name
(``name``, ``phone``) is bound as associated data, so a ciphertext copied from one column
into another fails to decrypt instead of silently showing the wrong value.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import os
from hashlib import sha256
from pathlib import Path
from typing import Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bot.errors import ConfigError, StorageError
from bot.paths import var_dir

KEY_ENV = "KINDCALL_DATA_KEY"
KEY_FILE_NAME = "data.key"
_VERSION = b"\x01"
_NONCE_BYTES = 12

Field = Literal["name", "phone"]


def _derive(master: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master)


class Vault:
    """Encrypts, decrypts and blind-indexes personal data with one master key."""

    __slots__ = ("_aead", "_index_key", "fingerprint")

    def __init__(self, master_key: bytes) -> None:
        """Derive the encryption and index keys.

        Args:
            master_key: exactly 32 random bytes.

        Raises:
            ConfigError: the key has the wrong length.
        """
        if len(master_key) != 32:
            raise ConfigError(f"data key must be 32 bytes, got {len(master_key)}")
        self._aead = AESGCM(_derive(master_key, b"kindcall/aes-gcm/v1"))
        self._index_key = _derive(master_key, b"kindcall/blind-index/v1")
        #: A public value that identifies the key (stored in the database to catch key swaps).
        self.fingerprint = hmac.new(
            _derive(master_key, b"kindcall/fingerprint/v1"), b"kindcall", sha256
        ).hexdigest()[:16]

    def encrypt(self, field: Field, plaintext: str) -> bytes:
        """Encrypt ``plaintext`` for the given field with a fresh random nonce."""
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plaintext.encode("utf-8"), field.encode("ascii"))
        return _VERSION + nonce + sealed

    def decrypt(self, field: Field, blob: bytes) -> str:
        """Decrypt a value written by :meth:`encrypt` for the same field.

        Raises:
            StorageError: the value is not ours, was altered, or the key is wrong.
        """
        if blob[:1] != _VERSION or len(blob) < 1 + _NONCE_BYTES + 16:
            raise StorageError(f"encrypted {field} has an unknown format (version {blob[:1]!r})")
        nonce, sealed = blob[1 : 1 + _NONCE_BYTES], blob[1 + _NONCE_BYTES :]
        try:
            plain = self._aead.decrypt(nonce, sealed, field.encode("ascii"))
        except InvalidTag as exc:
            raise StorageError(
                f"cannot decrypt {field}: wrong {KEY_ENV} / key file, or the value was altered"
            ) from exc
        return plain.decode("utf-8")

    def blind_index(self, phone_e164: str) -> str:
        """Keyed HMAC-SHA256 of a phone number in E.164 form, as 64 hex characters."""
        normalised = phone_e164.strip().replace(" ", "")
        return hmac.new(self._index_key, normalised.encode("ascii"), sha256).hexdigest()


def _decode_key(text: str, origin: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ConfigError(f"{origin}: data key is not valid base64") from exc
    if len(key) != 32:
        raise ConfigError(f"{origin}: data key must decode to 32 bytes, got {len(key)}")
    return key


def load_master_key(key_file: Path | None = None) -> bytes:
    """Return the master key from ``KINDCALL_DATA_KEY`` or the key file, creating the file.

    The file is written under a temporary name and hard-linked into place, so two processes
    starting at once agree on one key and nobody reads a half-written file.

    Raises:
        ConfigError: the configured key is malformed.
    """
    env = os.environ.get(KEY_ENV)
    if env:
        return _decode_key(env, KEY_ENV)
    path = key_file or var_dir() / KEY_FILE_NAME
    if path.exists():
        return _decode_key(path.read_text(encoding="ascii"), str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    key = os.urandom(32)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(base64.b64encode(key).decode("ascii") + "\n")
    try:
        os.link(tmp, path)
    except FileExistsError:
        return _decode_key(path.read_text(encoding="ascii"), str(path))
    finally:
        tmp.unlink()
    return key
