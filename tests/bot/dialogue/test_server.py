from __future__ import annotations

import json
from pathlib import Path

from bot.dialogue import server


def test_endpoints_point_rasa_at_the_action_server(tmp_path: Path) -> None:
    path = server.write_endpoints(tmp_path / "b" / "endpoints.yml", 5999)
    assert path.read_text() == "action_endpoint:\n  url: http://127.0.0.1:5999/webhook\n"


def test_pid_file_round_trip_and_garbage(tmp_path: Path) -> None:
    assert server.read_info("en", tmp_path) is None
    info = server.ServerInfo("en", 11, 12, 5005, 5055, "/m/en-abc.tar.gz")
    (tmp_path / "rasa-en.json").write_text(
        json.dumps(
            {
                "locale": "en",
                "rasa_pid": 11,
                "actions_pid": 12,
                "rasa_port": 5005,
                "actions_port": 5055,
                "model": "/m/en-abc.tar.gz",
            }
        )
    )
    assert server.read_info("en", tmp_path) == info
    assert info.rasa_url == "http://127.0.0.1:5005"
    (tmp_path / "rasa-zh.json").write_text("{not json")
    assert server.read_info("zh", tmp_path) is None


def test_stop_without_servers(tmp_path: Path) -> None:
    assert server.stop("en", tmp_path) is False


def test_stop_never_signals_a_foreign_process(tmp_path: Path) -> None:
    # pid 1 is alive but is not a rasa process: the pid file is dropped, nothing is killed.
    (tmp_path / "rasa-en.json").write_text(
        json.dumps(
            {
                "locale": "en",
                "rasa_pid": 1,
                "actions_pid": 1,
                "rasa_port": 1,
                "actions_port": 2,
                "model": "m",
            }
        )
    )
    assert server.stop("en", tmp_path) is True
    assert not (tmp_path / "rasa-en.json").exists()
    assert server.is_ready(server.ServerInfo("en", 1, 1, 9, 9, "m"), timeout=0.5) is False
