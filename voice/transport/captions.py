"""Captions: the text of each line the bot speaks, on a WebRTC data channel beside the audio.

A simulated callee can read what the bot says instead of transcribing it, so a load test
measures the bot and not the simulator's ASR. The offering side asks for captions by
creating the channel labelled :data:`CAPTIONS_LABEL` before its offer (in-band: the channel
reaches the answering bot through aiortc's ``datachannel`` event once SCTP is up, after
"connected"); a peer that never asks (a browser, the supervisor console) gets none. Each
message is one JSON object ``{"text": ..., "seq": n}``, ``seq`` counting from 0 per call.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import deque
from dataclasses import dataclass

from aiortc import RTCDataChannel

logger = logging.getLogger(__name__)

CAPTIONS_LABEL = "captions"
"""The data channel's label; the offerer creates it, the answerer recognises it by it."""

MAX_HELD = 256
"""Captions held for a channel that has not opened yet; older ones are dropped past this."""


@dataclass(frozen=True, slots=True)
class Caption:
    """One spoken line's text.

    Attributes:
        text: What the bot is about to say.
        seq: Position of the line in the call, from 0.
    """

    text: str
    seq: int

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise ValueError(f"caption text must be a string, got {type(self.text).__name__}")
        if not isinstance(self.seq, int) or isinstance(self.seq, bool) or self.seq < 0:
            raise ValueError(f"caption seq must be an integer >= 0, got {self.seq!r}")

    def to_json(self) -> str:
        """The wire form: ``{"text": ..., "seq": n}``."""
        return json.dumps({"text": self.text, "seq": self.seq}, ensure_ascii=False)

    @classmethod
    def from_json(cls, message: str | bytes) -> Caption:
        """Parse the wire form; raises ``ValueError`` naming what is wrong."""
        try:
            body = json.loads(message)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ValueError(f"caption is not JSON: {message!r:.80}") from exc
        if not isinstance(body, dict) or "text" not in body or "seq" not in body:
            raise ValueError(f"caption must be an object with text and seq, got {body!r:.80}")
        return cls(body["text"], body["seq"])


class CaptionSender:
    """The speaking side: numbers lines and sends them, holding them until a channel is open.

    Lines said before the channel exists or opens (the bot's first line usually is) are held,
    up to :data:`MAX_HELD`, and flushed in order when it opens.
    """

    def __init__(self) -> None:
        self._channel: RTCDataChannel | None = None
        self._held: deque[Caption] = deque(maxlen=MAX_HELD)
        self._next_seq = 0

    @property
    def held(self) -> int:
        """Captions waiting for the channel to open."""
        return len(self._held)

    def attach(self, channel: RTCDataChannel) -> None:
        """Send on ``channel`` from now on (flushes what was held once it is open)."""
        self._channel = channel
        if channel.readyState == "open":
            self._flush()
        else:
            channel.on("open", self._flush)

    def send(self, text: str) -> Caption:
        """Send ``text`` as the next caption (or hold it until the channel opens)."""
        caption = Caption(text, self._next_seq)
        self._next_seq += 1
        self._held.append(caption)
        self._flush()
        return caption

    def _flush(self) -> None:
        channel = self._channel
        if channel is None or channel.readyState != "open":
            return
        while self._held:
            channel.send(self._held.popleft().to_json())


class CaptionReceiver:
    """The listening side: collects the captions arriving on ``channel``, in order.

    Args:
        channel: The captions data channel (created before the offer).
    """

    def __init__(self, channel: RTCDataChannel) -> None:
        self.channel = channel
        #: Every caption received, in arrival order.
        self.captions: list[Caption] = []
        self._taken = 0
        self._arrived = asyncio.Event()
        channel.on("message", self._on_message)

    def _on_message(self, message: str | bytes) -> None:
        try:
            caption = Caption.from_json(message)
        except ValueError:
            logger.warning("captions: ignoring a malformed message", exc_info=True)
            return
        self.captions.append(caption)
        self._arrived.set()

    def take(self) -> list[Caption]:
        """The captions received since the last call."""
        fresh = self.captions[self._taken :]
        self._taken = len(self.captions)
        return fresh

    async def wait(self, count: int) -> list[Caption]:
        """Wait until ``count`` captions have arrived in all (bound it with a timeout)."""
        while len(self.captions) < count:
            self._arrived.clear()
            await self._arrived.wait()
        return list(self.captions)


__all__ = ["CAPTIONS_LABEL", "MAX_HELD", "Caption", "CaptionReceiver", "CaptionSender"]
