"""One call's media: an aiortc peer with the bot's outbound track, inbound audio, recorder."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Sequence
from typing import Literal

from aiortc import RTCConfiguration, RTCDataChannel, RTCIceServer, RTCPeerConnection
from aiortc.mediastreams import MediaStreamTrack

from bot.errors import TransportError
from voice.transport.bot_track import BotAudioTrack, Playback
from voice.transport.captions import CAPTIONS_LABEL, Caption, CaptionReceiver, CaptionSender
from voice.transport.inbound import InboundAudio
from voice.transport.jitter import DEFAULT_RECEIVE_FRAMES, set_receive_frames
from voice.transport.pcm import LISTEN_RATE, WIRE_RATE
from voice.transport.recorder import StereoRecorder
from voice.transport.switchable import SwitchableTrack

logger = logging.getLogger(__name__)

Role = Literal["bot", "callee"]


def new_peer_connection(ice_servers: Sequence[str] = ()) -> RTCPeerConnection:
    """A peer with exactly ``ice_servers`` (aiortc's default would try Google's STUN)."""
    return RTCPeerConnection(
        RTCConfiguration(iceServers=[RTCIceServer(urls=url) for url in ice_servers])
    )


class CallSession:
    """The media side of one call, the same for the bot and for a simulated callee.

    The local party speaks through :attr:`bot` (a :class:`BotAudioTrack`) behind
    :attr:`outbound` (a :class:`SwitchableTrack`, so a supervisor can take the line), and
    listens through :meth:`inbound` (16 kHz mono 20 ms frames). With a recorder, the remote
    party goes to the left channel and what is sent goes to the right one. The bot also
    sends the text of each line it says (:meth:`send_caption`) to an offerer that asked for
    captions (:meth:`request_captions`; see :mod:`voice.transport.captions`).

    Args:
        call_id: The call's id.
        pc: The peer connection (tracks are added here).
        role: "bot" (answers offers) or "callee" (makes them).
        recording: WAV path for a :class:`StereoRecorder`, or None.
        receive_frames: 20 ms frames the receiver holds back against network jitter
            (aiortc's own default is 4; see :mod:`voice.transport.jitter`).
    """

    def __init__(
        self,
        call_id: str,
        pc: RTCPeerConnection,
        *,
        role: Role,
        recording: str | os.PathLike[str] | None = None,
        receive_frames: int = DEFAULT_RECEIVE_FRAMES,
    ) -> None:
        self.call_id = call_id
        self.receive_frames = receive_frames
        self.pc = pc
        self.role = role
        self.bot = BotAudioTrack()
        self.outbound = SwitchableTrack(self.bot)
        self.recorder = StereoRecorder(recording) if recording is not None else None
        if self.recorder is not None:
            recorder = self.recorder
            self.outbound.add_tap(lambda pcm, at: recorder.write("bot", pcm, WIRE_RATE, at))
        self._inbound: InboundAudio | None = None
        self._inbound_ready = asyncio.Event()
        self.closed = asyncio.Event()
        #: Set while someone else (a supervisor) has the outbound line; see take_over.
        self.taken_over = asyncio.Event()
        #: Set when the line was handed back to the bot after a take-over.
        self.handed_back = asyncio.Event()
        self._connected = asyncio.Event()
        self._captions_out = CaptionSender()
        #: What the remote party captioned, once :meth:`request_captions` asked for it.
        self.captions: CaptionReceiver | None = None
        pc.on("track", self._on_track)
        pc.on("datachannel", self._on_datachannel)
        pc.on("connectionstatechange", self._on_state)

    def attach(self) -> None:
        """Add the outbound track to the peer (before the offer or the answer is made)."""
        self.pc.addTrack(self.outbound)

    def request_captions(self) -> CaptionReceiver:
        """Ask the answering bot for captions (the offerer, before the offer is made).

        The offerer creates the channel so that the offer carries it: the bot's answer needs
        no change, and peers that never ask (browsers) cost the bot nothing.

        Raises:
            TransportError: Not the offering side, or the offer was already made.
        """
        if self.role != "callee" or self.pc.localDescription is not None:
            raise TransportError(
                f"call {self.call_id}: captions are requested by the offerer before its offer "
                f'(role "{self.role}", signalling state "{self.pc.signalingState}")'
            )
        if self.captions is None:
            self.captions = CaptionReceiver(self.pc.createDataChannel(CAPTIONS_LABEL))
        return self.captions

    def send_caption(self, text: str) -> Caption:
        """Caption a line about to be spoken; held until the captions channel is open.

        Without a peer that asked for captions the line stays held (a bounded few, see
        :data:`voice.transport.captions.MAX_HELD`) and is never sent.
        """
        return self._captions_out.send(text)

    def _on_datachannel(self, channel: RTCDataChannel) -> None:
        if channel.label == CAPTIONS_LABEL:
            self._captions_out.attach(channel)
        else:
            logger.debug("call %s: ignoring data channel %r", self.call_id, channel.label)

    def _on_track(self, track: MediaStreamTrack) -> None:
        if track.kind != "audio" or self._inbound is not None:
            return
        set_receive_frames(self.pc, track, self.receive_frames)
        self._inbound = InboundAudio(track, prefetch_frames=self.receive_frames)
        if self.recorder is not None:
            recorder = self.recorder
            self._inbound.add_tap(lambda f: recorder.write("caller", f.pcm, LISTEN_RATE, f.time))
        self._inbound_ready.set()

    async def _on_state(self) -> None:
        state = self.pc.connectionState
        logger.debug("call %s (%s): connection %s", self.call_id, self.role, state)
        if state == "connected":
            self._connected.set()
        elif state in ("failed", "closed"):
            await self.close()

    @property
    def connection_state(self) -> str:
        """The peer's connection state ("new", "connecting", "connected", "failed", ...)."""
        return str(self.pc.connectionState)

    async def wait_connected(self) -> None:
        """Wait until ICE and DTLS are up (bound it with ``asyncio.timeout``).

        Raises:
            TransportError: The connection failed or the session was closed first.
        """
        waiters = [
            asyncio.ensure_future(self._connected.wait()),
            asyncio.ensure_future(self.closed.wait()),
        ]
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()
        if not self._connected.is_set():
            raise TransportError(
                f'call {self.call_id}: closed before connecting (state "{self.connection_state}")'
            )

    async def inbound(self) -> InboundAudio:
        """The remote party's audio, once their track arrived (bound it with a timeout)."""
        await self._inbound_ready.wait()
        assert self._inbound is not None
        return self._inbound

    def play(self, pcm: bytes, sample_rate: int) -> Playback:
        """Queue mono s16le audio to send; see :meth:`BotAudioTrack.play`."""
        return self.bot.play(pcm, sample_rate)

    def flush(self) -> int:
        """Drop queued outbound audio at once (barge-in); returns the ms dropped."""
        return self.bot.flush()

    def take_over(self, source: MediaStreamTrack) -> None:
        """Send ``source`` (e.g. a supervisor's microphone) instead of the bot."""
        self.bot.flush()
        self.outbound.switch(source)
        self.handed_back.clear()
        self.taken_over.set()

    def hand_back(self) -> None:
        """Send the bot's audio again."""
        self.outbound.switch(self.bot)
        self.taken_over.clear()
        self.handed_back.set()

    async def close(self) -> None:
        """Hang up: stop the tracks, finish the recording, close the peer. Idempotent."""
        if self.closed.is_set():
            return
        self.closed.set()
        self.bot.stop()
        await self.outbound.aclose()
        if self._inbound is not None:
            await self._inbound.close()
        with contextlib.suppress(Exception):
            await self.pc.close()
        if self.recorder is not None:
            self.recorder.close()
