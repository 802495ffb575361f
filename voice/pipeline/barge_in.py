"""Barge-in: the caller starting to speak over the bot becomes an interruption."""

from __future__ import annotations

from voice.pipeline.frames import (
    BotStartedSpeakingFrame,
    BotStoppedSpeakingFrame,
    Frame,
    InterruptionFrame,
    UserStartedSpeakingFrame,
)
from voice.pipeline.processor import FrameProcessor
from voice.pipeline.queue import FrameDirection


class BargeIn(FrameProcessor):
    """Turns :class:`UserStartedSpeakingFrame` into :class:`InterruptionFrame` while the bot talks.

    Place it after the VAD stage and before the output; it learns when the bot talks from
    the Bot*SpeakingFrames the output sends upstream. Speech over a disclosure is not an
    interruption (the notice must be heard in full).

    Args:
        enabled: When False, the caller can never interrupt (e.g. a scripted test line).
    """

    def __init__(self, *, enabled: bool = True) -> None:
        super().__init__()
        self.enabled = enabled
        self.bot_speaking = False
        self.interruptible = True
        self.interruptions = 0

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        """Track the bot's speech; raise an interruption when the caller talks over it."""
        if isinstance(frame, BotStartedSpeakingFrame):
            self.bot_speaking = True
            self.interruptible = not frame.uninterruptible
        elif isinstance(frame, BotStoppedSpeakingFrame):
            self.bot_speaking = False
        await self.push_frame(frame, direction)
        if (
            isinstance(frame, UserStartedSpeakingFrame)
            and self.bot_speaking
            and self.interruptible
            and self.enabled
            and direction is FrameDirection.DOWNSTREAM
        ):
            self.interruptions += 1
            await self.push_frame(InterruptionFrame(), FrameDirection.DOWNSTREAM)
