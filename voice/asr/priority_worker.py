"""One worker thread that runs jobs by priority, then in arrival order.

Whisper passes of every call in a process share one model and one thread (two passes at
once would only thrash two cores). With a plain FIFO executor a bot waiting for its
caller's turn queues behind passes that matter less (a simulated callee transcribing the
bot's long lines, a benchmark); here the most urgent pass runs next. A job whose future
was cancelled while queued (a pass discarded because the caller resumed speaking) never
runs.

Work that can wait (a simulated callee's passes) goes to a second worker whose thread runs
at a lower OS priority (``nice``): it uses an idle core but never holds the bot's pass up.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")
logger = logging.getLogger(__name__)

#: Priorities: lower runs first.
URGENT = 0
BACKGROUND = 10


class PriorityWorker:
    """A single daemon thread serving a priority queue of jobs.

    Args:
        name: The thread's name.
        nice: OS scheduling niceness added to the thread (Linux; threads it starts, such
            as CTranslate2's compute threads, inherit it). 0 leaves it as it is.
    """

    def __init__(self, name: str, *, nice: int = 0) -> None:
        self._name = name
        self._nice = nice
        self._heap: list[tuple[int, int, Future[Any], Callable[..., Any], tuple[Any, ...]]] = []
        self._order = itertools.count()
        self._ready = threading.Condition()
        self._thread: threading.Thread | None = None

    @property
    def name(self) -> str:
        """The thread's name (also names the worker's Whisper model)."""
        return self._name

    def submit(self, priority: int, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Queue ``fn(*args)``; returns its future (cancel it to drop the job if not started)."""
        future: Future[T] = Future()
        with self._ready:
            heapq.heappush(self._heap, (priority, next(self._order), future, fn, args))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
            self._ready.notify()
        return future

    def pending(self) -> int:
        """Jobs waiting (not counting the one running)."""
        with self._ready:
            return len(self._heap)

    def _run(self) -> None:
        if self._nice:
            try:
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), self._nice)
            except (AttributeError, OSError) as exc:  # not Linux, or not allowed
                logger.info("worker %s keeps its priority: %s", self._name, exc)
        while True:
            with self._ready:
                while not self._heap:
                    self._ready.wait()
                _, _, future, fn, args = heapq.heappop(self._heap)
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args)
            except BaseException as exc:  # handed to the waiting coroutine
                future.set_exception(exc)
            else:
                future.set_result(result)
