"""A chain of processors with an entry point and observers at both ends."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from voice.pipeline.frames import Frame
from voice.pipeline.processor import FrameObserver, FrameProcessor
from voice.pipeline.queue import FrameDirection


class Pipeline:
    """Links ``processors`` in order; frames leaving either end go to the observers.

    Args:
        processors: The stages, input first, output last.
    """

    def __init__(self, processors: Sequence[FrameProcessor]) -> None:
        if not processors:
            raise ValueError("a pipeline needs at least one processor")
        self.processors = list(processors)
        for left, right in zip(self.processors, self.processors[1:], strict=False):
            left.link(right)
        self._observers: list[FrameObserver] = []
        self.processors[0].set_edge(self._leave)
        self.processors[-1].set_edge(self._leave)

    def observe(self, observer: FrameObserver) -> None:
        """Call ``observer`` with every frame that leaves the pipeline (either end)."""
        self._observers.append(observer)

    async def _leave(self, frame: Frame, direction: FrameDirection) -> None:
        for observer in self._observers:
            await observer(frame, direction)

    def start(self) -> None:
        """Start every processor."""
        for processor in self.processors:
            processor.start()

    async def queue_frame(self, frame: Frame) -> None:
        """Feed a frame in at the input end."""
        await self.processors[0].queue_frame(frame, FrameDirection.DOWNSTREAM)

    async def wait_stopped(self) -> None:
        """Wait until every processor's worker ended (after an EndFrame or HangupFrame)."""
        await asyncio.gather(*(processor.wait_done() for processor in self.processors))

    async def stop(self) -> None:
        """Cancel every processor."""
        for processor in self.processors:
            await processor.stop()
