"""How much audio the receiving side holds back before decoding (aiortc's jitter buffer).

aiortc hands an audio frame to the decoder only once ``prefetch`` later frames have arrived:
4 frames (80 ms) of delay on every inbound packet, whatever the network. On a LAN or a
gateway next door (and on loopback) one or two frames absorb the jitter there is, and every
frame saved comes straight off the caller-to-bot path: barge-in and end-of-turn detection.
aiortc has no public setting for it, so the receiver's buffer is replaced right after the
track arrives, before any packet is decoded; ``aiortc`` is pinned, and a test checks that
the replacement took effect.
"""

from __future__ import annotations

from aiortc import RTCPeerConnection
from aiortc.jitterbuffer import JitterBuffer
from aiortc.mediastreams import MediaStreamTrack

__all__ = [
    "AIORTC_AUDIO_PREFETCH",
    "DEFAULT_RECEIVE_FRAMES",
    "receive_frames",
    "set_receive_frames",
]

AIORTC_AUDIO_PREFETCH = 4
"""aiortc 1.16's own audio prefetch (frames of 20 ms)."""

DEFAULT_RECEIVE_FRAMES = 2
"""Frames held back by default: 40 ms, enough for the jitter of a LAN or a local gateway."""

_CAPACITY = 16  # packets, as aiortc sizes it for audio
_ATTRIBUTE = "_RTCRtpReceiver__jitter_buffer"


def _receiver_buffer(pc: RTCPeerConnection, track: MediaStreamTrack) -> tuple[object, str]:
    for transceiver in pc.getTransceivers():
        receiver = transceiver.receiver
        if receiver.track is track and hasattr(receiver, _ATTRIBUTE):
            return receiver, _ATTRIBUTE
    raise LookupError(f"no receiver with an audio jitter buffer for track {track.id}")


def set_receive_frames(pc: RTCPeerConnection, track: MediaStreamTrack, frames: int) -> None:
    """Hold back ``frames`` (1..16) frames of ``track`` instead of aiortc's 4.

    Raises:
        ValueError: ``frames`` out of range.
        LookupError: The track has no receiver on ``pc`` (or aiortc changed its internals).
    """
    if not 1 <= frames <= _CAPACITY:
        raise ValueError(f"receive frames must be 1..{_CAPACITY}, got {frames}")
    receiver, attribute = _receiver_buffer(pc, track)
    setattr(receiver, attribute, JitterBuffer(capacity=_CAPACITY, prefetch=frames))


def receive_frames(pc: RTCPeerConnection, track: MediaStreamTrack) -> int:
    """The number of frames the receiver of ``track`` holds back now."""
    receiver, attribute = _receiver_buffer(pc, track)
    return int(getattr(receiver, attribute)._prefetch)
