"""The frame queue in front of every processor: system frames overtake data frames."""

from __future__ import annotations

import asyncio
from collections import deque
from enum import Enum

from voice.pipeline.frames import Frame, SystemFrame, UninterruptibleFrame


class FrameDirection(Enum):
    """Which way a frame travels: towards the output (down) or back to the input (up)."""

    DOWNSTREAM = "downstream"
    UPSTREAM = "upstream"


Item = tuple[Frame, FrameDirection]


class FrameQueue:
    """Two FIFO lanes: :meth:`get` serves every queued system frame before any data frame."""

    def __init__(self) -> None:
        self._system: deque[Item] = deque()
        self._data: deque[Item] = deque()
        self._changed = asyncio.Event()

    def __len__(self) -> int:
        return len(self._system) + len(self._data)

    @property
    def data_len(self) -> int:
        """Data frames waiting."""
        return len(self._data)

    def put(self, frame: Frame, direction: FrameDirection) -> None:
        """Queue a frame (never blocks)."""
        lane = self._system if isinstance(frame, SystemFrame) else self._data
        lane.append((frame, direction))
        self._changed.set()

    async def get(self) -> Item:
        """The oldest system frame, else the oldest data frame; waits when empty."""
        while True:
            if self._system:
                return self._system.popleft()
            if self._data:
                return self._data.popleft()
            self._changed.clear()
            await self._changed.wait()

    async def get_system(self) -> Item:
        """The oldest system frame; waits (ignoring data frames) until there is one."""
        while not self._system:
            self._changed.clear()
            await self._changed.wait()
        return self._system.popleft()

    def drop_data(self, *, keep_uninterruptible: bool = True) -> list[Frame]:
        """Remove queued data frames (by default not uninterruptible ones); return them."""
        kept: deque[Item] = deque()
        dropped: list[Frame] = []
        for frame, direction in self._data:
            if keep_uninterruptible and isinstance(frame, UninterruptibleFrame):
                kept.append((frame, direction))
            else:
                dropped.append(frame)
        self._data = kept
        return dropped
