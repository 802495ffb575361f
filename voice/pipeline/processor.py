"""``FrameProcessor``: one stage of a call's pipeline, with barge-in built in.

Each processor owns a :class:`FrameQueue` and one worker. Data frames are processed one at a
time, in order; while one is being processed (a line playing out, say) the worker keeps
serving system frames, so an interruption is handled at once: the data frame in progress is
cancelled (unless it is an :class:`UninterruptibleFrame`), queued data frames are dropped
(uninterruptible ones kept), :meth:`FrameProcessor.on_interruption` runs, and the
interruption travels on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from voice.pipeline.frames import (
    DataFrame,
    EndFrame,
    Frame,
    HangupFrame,
    InterruptionFrame,
    SystemFrame,
    UninterruptibleFrame,
)
from voice.pipeline.queue import FrameDirection, FrameQueue

logger = logging.getLogger(__name__)

FrameObserver = Callable[[Frame, FrameDirection], Awaitable[None]]


class FrameProcessor:
    """Base class: override :meth:`process_frame`, call :meth:`push_frame` to pass frames on.

    Args:
        name: For logs (default: the class name).
    """

    def __init__(self, *, name: str | None = None) -> None:
        self.name = name or type(self).__name__
        self._next: FrameProcessor | None = None
        self._prev: FrameProcessor | None = None
        self._edge: FrameObserver | None = None
        self._queue = FrameQueue()
        self._worker: asyncio.Task[None] | None = None
        self._current: DataFrame | None = None
        self._current_task: asyncio.Task[None] | None = None
        self.dropped: list[Frame] = []

    # -- wiring ---------------------------------------------------------------------------

    def link(self, nxt: FrameProcessor) -> FrameProcessor:
        """Send downstream frames to ``nxt`` (and its upstream frames to us); returns ``nxt``."""
        self._next = nxt
        nxt._prev = self
        return nxt

    def set_edge(self, observer: FrameObserver) -> None:
        """Where frames go when there is no processor in their direction (pipeline ends)."""
        self._edge = observer

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        """Start the worker."""
        if self._worker is None:
            self._worker = asyncio.get_running_loop().create_task(self._run(), name=self.name)

    async def stop(self) -> None:
        """Cancel the worker (and a frame in progress) and wait for it."""
        for task in (self._current_task, self._worker):
            if task is not None and not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await asyncio.wait_for(task, timeout=2.0)
        self._worker = None

    async def wait_done(self) -> None:
        """Wait until the worker ended (after an EndFrame or HangupFrame)."""
        if self._worker is not None:
            await asyncio.wait({self._worker})

    @property
    def running(self) -> bool:
        """True while the worker runs."""
        return self._worker is not None and not self._worker.done()

    # -- frames ---------------------------------------------------------------------------

    async def queue_frame(
        self, frame: Frame, direction: FrameDirection = FrameDirection.DOWNSTREAM
    ) -> None:
        """Hand a frame to this processor."""
        self._queue.put(frame, direction)

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        """Handle one frame; the default passes it on unchanged."""
        await self.push_frame(frame, direction)

    async def push_frame(
        self, frame: Frame, direction: FrameDirection = FrameDirection.DOWNSTREAM
    ) -> None:
        """Pass a frame to the neighbour in ``direction`` (or the pipeline's edge)."""
        neighbour = self._next if direction is FrameDirection.DOWNSTREAM else self._prev
        if neighbour is not None:
            await neighbour.queue_frame(frame, direction)
        elif self._edge is not None:
            await self._edge(frame, direction)

    async def on_interruption(self, *, current_kept: bool) -> None:
        """Called on an interruption after in-progress work was cancelled and queues flushed.

        Args:
            current_kept: True when an uninterruptible frame is still being processed.
        """

    # -- worker ---------------------------------------------------------------------------

    async def _run(self) -> None:
        while True:
            frame, direction = await self._queue.get()
            if isinstance(frame, SystemFrame):
                if not await self._system(frame, direction):
                    return
                continue
            assert isinstance(frame, DataFrame)
            self._current = frame
            self._current_task = asyncio.get_running_loop().create_task(
                self.process_frame(frame, direction)
            )
            try:
                while not self._current_task.done():
                    waiter = asyncio.ensure_future(self._queue.get_system())
                    try:
                        done, _ = await asyncio.wait(
                            {self._current_task, waiter}, return_when=asyncio.FIRST_COMPLETED
                        )
                    finally:
                        if not waiter.done():
                            waiter.cancel()
                    if waiter in done and not await self._system(*waiter.result()):
                        return
                if not self._current_task.cancelled() and self._current_task.exception():
                    logger.error(
                        "%s failed on %s",
                        self.name,
                        type(frame).__name__,
                        exc_info=self._current_task.exception(),
                    )
            finally:
                self._current = None
                self._current_task = None
            if isinstance(frame, EndFrame):
                return

    async def _system(self, frame: Frame, direction: FrameDirection) -> bool:
        """Handle a system frame; False when the processor must stop."""
        if isinstance(frame, InterruptionFrame | HangupFrame):
            kept = await self._interrupt(keep_uninterruptible=isinstance(frame, InterruptionFrame))
            await self.on_interruption(current_kept=kept)
        await self.process_frame(frame, direction)
        return not isinstance(frame, HangupFrame)

    async def _interrupt(self, *, keep_uninterruptible: bool) -> bool:
        self.dropped += self._queue.drop_data(keep_uninterruptible=keep_uninterruptible)
        task, current = self._current_task, self._current
        if task is None or task.done():
            return False
        if keep_uninterruptible and isinstance(current, UninterruptibleFrame):
            return True
        task.cancel()
        await asyncio.wait({task})  # never re-raises the task's own cancellation
        if current is not None:
            self.dropped.append(current)
        return False
