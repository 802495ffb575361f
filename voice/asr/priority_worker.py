"""One worker thread that runs jobs by priority, then in arrival order.

Whisper passes of every call in a process share one model and one thread (two passes at
once would only thrash two cores). With a plain FIFO executor a bot waiting for its
caller's turn queues behind passes that matter less (a simulated callee transcribing the
bot's long lines, a benchmark); here the most urgent pass runs next. A job whose future
was cancelled while queued (a pass discarded because the caller resumed speaking) never
runs.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")

#: Priorities: lower runs first.
URGENT = 0
BACKGROUND = 10


class PriorityWorker:
    """A single daemon thread serving a priority queue of jobs."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._heap: list[tuple[int, int, Future[Any], Callable[..., Any], tuple[Any, ...]]] = []
        self._order = itertools.count()
        self._ready = threading.Condition()
        self._thread: threading.Thread | None = None

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
