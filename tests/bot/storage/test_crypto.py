from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest

from bot.errors import ConfigError, StorageError
from bot.storage import open_database
from bot.storage.crypto import Vault, load_master_key

KEY = bytes(range(32))


def test_roundtrip_and_fresh_nonce() -> None:
    vault = Vault(KEY)
    first = vault.encrypt("name", "李雷")
    second = vault.encrypt("name", "李雷")
    assert first != second
    assert first[:1] == b"\x01" and len(first) == 1 + 12 + len("李雷".encode()) + 16
    assert vault.decrypt("name", first) == "李雷"


def test_field_is_bound_as_associated_data() -> None:
    vault = Vault(KEY)
    blob = vault.encrypt("phone", "+8613800000001")
    with pytest.raises(StorageError, match="cannot decrypt name"):
        vault.decrypt("name", blob)


def test_altered_ciphertext_and_wrong_key_fail() -> None:
    blob = bytearray(Vault(KEY).encrypt("name", "Ann Lee"))
    blob[-1] ^= 1
    with pytest.raises(StorageError, match="wrong KINDCALL_DATA_KEY"):
        Vault(KEY).decrypt("name", bytes(blob))
    good = Vault(KEY).encrypt("name", "Ann Lee")
    with pytest.raises(StorageError):
        Vault(bytes(32)).decrypt("name", good)


def test_blind_index_is_keyed_and_deterministic() -> None:
    vault = Vault(KEY)
    assert vault.blind_index("+15551230000") == vault.blind_index(" +1555 1230000")
    assert len(vault.blind_index("+15551230000")) == 64
    assert vault.blind_index("+15551230000") != Vault(bytes(32)).blind_index("+15551230000")
    assert vault.blind_index("+15551230000") != vault.blind_index("+15551230001")


def test_key_file_created_0600_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KINDCALL_DATA_KEY", raising=False)
    path = tmp_path / "var" / "data.key"
    key = load_master_key(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert base64.b64decode(path.read_text()) == key
    assert load_master_key(path) == key
    assert [p.name for p in path.parent.iterdir()] == ["data.key"]


def test_bad_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINDCALL_DATA_KEY", "not base64!")
    with pytest.raises(ConfigError, match="KINDCALL_DATA_KEY: data key is not valid base64"):
        load_master_key()
    monkeypatch.setenv("KINDCALL_DATA_KEY", base64.b64encode(b"short").decode())
    with pytest.raises(ConfigError, match="must decode to 32 bytes, got 5"):
        load_master_key()


def test_database_refuses_another_key(db_url: str) -> None:
    open_database(db_url, master_key=KEY).close()
    with pytest.raises(ConfigError, match="is not the key this database was written with"):
        open_database(db_url, master_key=bytes(32))
