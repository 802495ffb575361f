"""WebRTC transport: aiortc call sessions, HTTP JSON signalling, tracks, recorder.

An orchestrator serves calls with :class:`SignallingServer` (its handler gets a
:class:`CallSession`); a callee or tool dials with :func:`connect`.
"""

from voice.transport.bot_track import BotAudioTrack, Playback
from voice.transport.client import connect
from voice.transport.inbound import InboundAudio, PcmFrame
from voice.transport.pcm import LISTEN_RATE, WIRE_RATE, PcmResampler, resample
from voice.transport.recorder import StereoRecorder
from voice.transport.session import CallSession, new_peer_connection
from voice.transport.signalling import SignallingServer
from voice.transport.switchable import SwitchableTrack

__all__ = [
    "LISTEN_RATE",
    "WIRE_RATE",
    "BotAudioTrack",
    "CallSession",
    "InboundAudio",
    "PcmFrame",
    "PcmResampler",
    "Playback",
    "SignallingServer",
    "StereoRecorder",
    "SwitchableTrack",
    "connect",
    "new_peer_connection",
    "resample",
]
