"""Start, stop and inspect the Rasa server and the action server of one locale.

Each locale runs two processes, both in their own session so that stopping takes their
children too:

* ``.venv-rasa/bin/rasa run --enable-api -m MODEL --port P --endpoints ENDPOINTS``
* ``.venv/bin/python -m rasa_sdk --actions bot.actions --port A`` (the app's venv)

Their pids, ports and model are kept in ``var/run/rasa-<locale>.json`` (the pid file);
logs go to ``var/log/``. Rasa takes about 40 s to load a model on 2 cores.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

from bot import paths
from bot.dialogue.training import Project, rasa_env
from bot.errors import DialogueError

DEFAULT_PORTS: dict[str, tuple[int, int]] = {"en": (5005, 5055), "zh": (5006, 5056)}
"""Default (rasa, actions) ports per locale."""


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """A running pair of servers for one locale, as recorded in its pid file."""

    locale: str
    rasa_pid: int
    actions_pid: int
    rasa_port: int
    actions_port: int
    model: str

    @property
    def rasa_url(self) -> str:
        """Base URL of the Rasa HTTP API."""
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        """Base URL of the action server."""
        return f"http://127.0.0.1:{self.actions_port}"


def run_dir() -> Path:
    """``var/run``: pid files."""
    return paths.var_dir() / "run"


def log_dir() -> Path:
    """``var/log``: server logs."""
    return paths.var_dir() / "log"


def _pid_file(locale: str, runs: Path) -> Path:
    return runs / f"rasa-{locale}.json"


def read_info(locale: str, runs: Path | None = None) -> ServerInfo | None:
    """The recorded servers of ``locale``, or ``None`` if none were started."""
    path = _pid_file(locale, runs or run_dir())
    if not path.is_file():
        return None
    try:
        return ServerInfo(**json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_ready(info: ServerInfo, timeout: float = 2.0) -> bool:
    """Both processes alive, the model loaded and the action server healthy."""
    if not (_alive(info.rasa_pid) and _alive(info.actions_pid)):
        return False
    try:
        status = httpx.get(f"{info.rasa_url}/status", timeout=timeout)
        health = httpx.get(f"{info.actions_url}/health", timeout=timeout)
    except httpx.HTTPError:
        return False
    return status.status_code == 200 and health.status_code == 200


def write_endpoints(path: Path, actions_port: int) -> Path:
    """An ``endpoints.yml`` pointing Rasa at the action server."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"action_endpoint:\n  url: http://127.0.0.1:{actions_port}/webhook\n", encoding="utf-8"
    )
    return path


# Children started by this process, kept so that stop() can reap them (a dropped Popen of a
# running process warns) and so that a test session never leaves zombies behind.
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


def _spawn(
    command: list[str], log: Path, cwd: Path, env: dict[str, str]
) -> subprocess.Popen[bytes]:
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        proc = subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=cwd,
            env=env,
            start_new_session=True,
        )
    _CHILDREN[proc.pid] = proc
    return proc


def start(
    project: Project,
    locale: str,
    model: Path,
    *,
    ports: tuple[int, int] | None = None,
    runs: Path | None = None,
    timeout: float = 300.0,
) -> ServerInfo:
    """Start both servers for ``locale`` (or reuse them) and wait until they answer.

    Args:
        project: Paths of the project (Rasa venv, build directory).
        locale: ``"en"`` or ``"zh"``.
        model: The trained model file.
        ports: ``(rasa, actions)`` ports; the locale's defaults if omitted.
        runs: Directory for the pid file (``var/run`` by default).
        timeout: Seconds to wait for the model to load.

    Raises:
        DialogueError: A server exited or did not become ready in time.
    """
    runs = runs or run_dir()
    existing = read_info(locale, runs)
    if existing is not None and is_ready(existing):
        return existing
    if existing is not None:
        stop(locale, runs)
    rasa_port, actions_port = ports or DEFAULT_PORTS[locale]
    build = project.locale_build(locale)
    endpoints = write_endpoints(build / f"endpoints-{actions_port}.yml", actions_port)
    logs = runs.parent / "log" if runs != run_dir() else log_dir()
    app_env = dict(os.environ)
    app_env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(paths.REPO_ROOT), app_env.get("PYTHONPATH", "")) if p
    )
    actions = _spawn(
        [sys.executable, "-m", "rasa_sdk", "--actions", "bot.actions", "--port", str(actions_port)],
        logs / f"actions-{locale}.log",
        paths.REPO_ROOT,
        app_env,
    )
    rasa = _spawn(
        [
            str(project.rasa_bin()),
            "run",
            "--enable-api",
            "-m",
            str(model.resolve()),
            "--port",
            str(rasa_port),
            "--endpoints",
            str(endpoints),
        ],
        logs / f"rasa-{locale}.log",
        build,
        rasa_env(),
    )
    info = ServerInfo(locale, rasa.pid, actions.pid, rasa_port, actions_port, str(model.resolve()))
    runs.mkdir(parents=True, exist_ok=True)
    _pid_file(locale, runs).write_text(json.dumps(asdict(info)), encoding="utf-8")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for proc, name in ((rasa, "rasa"), (actions, "actions")):
            if proc.poll() is not None:
                stop(locale, runs)
                raise DialogueError(
                    f"{name} server for {locale} exited with {proc.returncode}; "
                    f"see {logs / f'{name}-{locale}.log'}"
                )
        if is_ready(info):
            return info
        time.sleep(1.0)
    stop(locale, runs)
    raise DialogueError(f"Rasa for {locale} was not ready after {timeout:.0f} s; see {logs}")


def _is_ours(pid: int) -> bool:
    """Only signal processes that still run rasa (a pid may have been reused)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"rasa" in cmdline


def _terminate(pid: int, grace: float = 15.0) -> None:
    child = _CHILDREN.pop(pid, None)
    if child is not None and child.poll() is not None:
        return
    if not _alive(pid) or not _is_ours(pid):
        return
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    if child is not None:
        try:
            child.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            os.killpg(pid, signal.SIGKILL)
            child.wait()
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.2)
    if _alive(pid):
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            return


def stop(locale: str, runs: Path | None = None) -> bool:
    """Stop ``locale``'s servers; ``False`` if none were recorded."""
    runs = runs or run_dir()
    info = read_info(locale, runs)
    pid_file = _pid_file(locale, runs)
    if info is None:
        pid_file.unlink(missing_ok=True)
        return False
    _terminate(info.rasa_pid)
    _terminate(info.actions_pid)
    pid_file.unlink(missing_ok=True)
    return True
