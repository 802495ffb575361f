"""Simulated callees in a process of their own.

In production the people called are on other machines; in the demo and the call benchmark
they are simulated on this one. Run in the bot's process, every callee's WebRTC peer,
per-frame listening and TTS streaming compete with the bot's calls for one interpreter
lock (past a handful of calls the bot's replies wait behind the far ends' Python work).
:class:`CalleeProcess` moves them into a child process: the parent sends
``(call_id, persona, offer_url)`` down a pipe, the child runs :func:`run_callee` for it on
its own event loop and sends the :class:`CalleeResult` back.

With ``ears="whisper"`` the child hears through Whisper passes at low priority, one per
heard turn, like callees in the bot's process (see ``voice.asr.priority_worker``); with
``ears="captions"`` it loads no ASR and reads the bot's captions.

Not the default (``bot.demo.run.run_calls(callee_process=True)``, ``bench/calls.py
--callee-process``): measured on 2 cores, 1 and 5 concurrent calls ended as expected, but at
10 every call ended without an outcome (with the models loaded before the first call, too);
the cause is not found yet.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import threading
from collections.abc import Collection
from concurrent.futures import Future, InvalidStateError
from multiprocessing.connection import Connection
from typing import Any, cast

from voice.cpus import pin_process
from voice.sim.callee import EARS, CalleeResult, Ears, run_callee
from voice.sim.persona import Persona
from voice.sim.shared_voice import SharedVoice

logger = logging.getLogger(__name__)

#: A request to the child: ``(call_id, persona, offer_url)``; ``None`` asks it to stop.
Request = tuple[str, Persona, str] | None
#: A reply: ``(call_id, result, error)``; ``error`` is the text of a failure, else None.
Reply = tuple[str, CalleeResult | None, str | None]
#: The child's first message, once its models are loaded.
_READY = "\0ready"


class CalleeProcess:
    """A child process running simulated callees on real WebRTC connections.

    Args:
        locale: The callees' language (their voice and ears are built for it).
        baker: Use the natural Mandarin voice when installed (see ``voice.tts.baker``).
        ears: How the callees hear the bot (see :func:`voice.sim.run_callee`).
        cpus: The CPUs the child may run on (:func:`voice.cpus.pin_process`, before it
            loads its models); where the parent may when None.
            The call benchmark keeps the far ends off the bot's cores with it.
    """

    def __init__(
        self,
        locale: str,
        *,
        baker: bool = True,
        ears: Ears = "whisper",
        cpus: Collection[int] | None = None,
    ) -> None:
        if ears not in EARS:
            raise ValueError(f'ears must be "whisper" or "captions", got {ears!r}')
        if cpus is not None and not cpus:
            raise ValueError("cpus must name at least one CPU (or be None)")
        self.ears: Ears = ears
        context = multiprocessing.get_context("spawn")
        self._requests_in, self._requests_out = context.Pipe(duplex=False)
        self._replies_in, self._replies_out = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_child_main,
            args=(
                self._requests_in,
                self._replies_out,
                locale,
                baker,
                ears,
                None if cpus is None else frozenset(cpus),
            ),
            name=f"callees-{locale}",
            daemon=True,
        )
        self._pending: dict[str, Future[CalleeResult]] = {}
        self._lock = threading.Lock()
        self._reader: threading.Thread | None = None
        self._ready: Future[None] = Future()

    def start(self) -> None:
        """Start the child (it loads its voice and ears while the first calls are set up)."""
        self._process.start()
        # The child's ends belong to the child now.
        self._requests_in.close()
        self._replies_out.close()
        self._reader = threading.Thread(target=self._read, name="callee-replies", daemon=True)
        self._reader.start()

    @property
    def pid(self) -> int | None:
        """The child's process id once started."""
        return self._process.pid

    async def ready(self) -> None:
        """Wait until the child has loaded its voice and ears (raises if it died first)."""
        await asyncio.wrap_future(self._ready)

    async def run(self, call_id: str, persona: Persona, offer_url: str) -> CalleeResult:
        """Play ``persona`` against ``offer_url`` in the child; returns how the call went."""
        await self.ready()
        future: Future[CalleeResult] = Future()
        with self._lock:
            if not self._process.is_alive():
                raise RuntimeError(f"callee process exited ({self._process.exitcode})")
            self._pending[call_id] = future
            self._requests_out.send((call_id, persona, offer_url))
        return await asyncio.wrap_future(future)

    def close(self, timeout: float = 10.0) -> None:
        """Ask the child to stop once its calls are done, then wait for it."""
        if self._process.pid is None:
            return
        with self._lock:
            try:
                self._requests_out.send(None)
            except (BrokenPipeError, OSError):
                pass
        self._process.join(timeout)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout)
        if self._reader is not None:
            self._reader.join(timeout)
        self._requests_out.close()
        self._replies_in.close()

    def _read(self) -> None:
        while True:
            try:
                call_id, result, error = self._replies_in.recv()
            except (EOFError, OSError):
                break
            if call_id == _READY:
                self._ready.set_result(None)
                continue
            with self._lock:
                future = self._pending.pop(call_id, None)
            if future is None:
                continue
            if error is not None or result is None:
                _settle(future, exception=RuntimeError(f"callee {call_id} failed: {error}"))
            else:
                _settle(future, result=result)
        with self._lock:
            pending, self._pending = self._pending, {}
        for future in pending.values():
            _settle(future, exception=RuntimeError("callee process exited during the call"))
        if not self._ready.done():
            self._ready.set_exception(RuntimeError("callee process exited before it was ready"))


def _settle(
    future: Future[CalleeResult],
    *,
    result: CalleeResult | None = None,
    exception: BaseException | None = None,
) -> None:
    """Complete ``future`` unless its caller stopped waiting for it.

    The bot stops waiting for a far end some seconds after its own side of the call ended
    (the wait is cancelled); the reply that arrives later must not kill this reader thread,
    which carries every other call's reply.
    """
    try:
        if exception is not None:
            future.set_exception(exception)
        else:
            future.set_result(cast(CalleeResult, result))
    except InvalidStateError:
        pass  # cancelled by the caller


def _child_main(
    requests: Connection,
    replies: Connection,
    locale: str,
    baker: bool,
    ears: Ears,
    cpus: frozenset[int] | None,
) -> None:
    if cpus is not None:
        pin_process(cpus)  # before the models load: every thread they start inherits it
    logging.basicConfig(level=logging.WARNING)
    try:
        asyncio.run(_serve(requests, replies, locale, baker, ears))
    finally:
        replies.close()


async def _serve(
    requests: Connection, replies: Connection, locale: str, baker: bool, ears: Ears
) -> None:
    from voice.asr import WhisperASR, engine_for
    from voice.asr.base import ASREngine
    from voice.asr.priority_worker import BACKGROUND
    from voice.tts.defaults import default_engine

    tts = SharedVoice(default_engine(locale, baker=baker))
    asr: ASREngine | None = None
    if ears == "whisper":
        engine = engine_for(locale)
        asr = (
            WhisperASR(locale, priority=BACKGROUND, pause_passes=False)
            if isinstance(engine, WhisperASR)
            else engine
        )
        # Load both models before the first call: loading them while ten calls connect
        # blocks this loop long enough for the connections to time out.
        await asr.load()
    await tts.synthesize("OK." if locale == "en" else "好的。", locale=locale)
    replies.send((_READY, None, None))
    loop = asyncio.get_running_loop()
    tasks: set[asyncio.Task[None]] = set()

    async def one(call_id: str, persona: Persona, offer_url: str) -> None:
        reply: Reply
        try:
            result = await run_callee(persona, offer_url, tts=tts, asr=asr, ears=ears)
            reply = (call_id, result, None)
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it
            logger.exception("callee %s failed", call_id)
            reply = (call_id, None, f"{type(exc).__name__}: {exc}")
        replies.send(reply)

    while True:
        request: Any = await loop.run_in_executor(None, _receive, requests)
        if request is None:
            break
        task = asyncio.ensure_future(one(*request))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    if tasks:
        await asyncio.wait(tasks)


def _receive(requests: Connection) -> Request:
    try:
        request: Request = requests.recv()
    except EOFError:
        return None
    return request


__all__ = ["CalleeProcess"]
