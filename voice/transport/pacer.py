"""Real-time pacing for outbound tracks: one 20 ms frame per tick, with its own pts."""

from __future__ import annotations

import asyncio
import time

from voice.transport.pcm import FRAME_MS, WIRE_FRAME_SAMPLES


class Pacer:
    """Hands out 20 ms ticks on the monotonic clock.

    The first tick is immediate; tick ``n`` is due ``n * 20 ms`` later. A late loop is not
    punished with skipped audio: overdue ticks are handed out at once until the schedule is
    met again, which is what a receiver's jitter buffer expects.
    """

    def __init__(self) -> None:
        self._start: float | None = None
        self._ticks = 0

    @property
    def pts(self) -> int:
        """The pts (in 48 kHz samples) of the next tick."""
        return self._ticks * WIRE_FRAME_SAMPLES

    async def tick(self) -> tuple[int, float]:
        """Wait for the next tick; return its pts and the monotonic time it is due.

        The due time, not the (possibly late) wake-up time, dates the frame: it is the
        sample clock the receiver reconstructs from the pts, so a late loop does not shift
        the rest of the call on a recording's timeline.
        """
        now = time.monotonic()
        if self._start is None:
            self._start = now
        due = self._start + self._ticks * FRAME_MS / 1000
        if due > now:
            await asyncio.sleep(due - now)
        pts = self._ticks * WIRE_FRAME_SAMPLES
        self._ticks += 1
        return pts, due
