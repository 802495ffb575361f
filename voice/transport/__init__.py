"""WebRTC transport: aiortc call sessions, HTTP JSON signalling, tracks, recorder.

An orchestrator serves calls; its handler owns one :class:`CallSession` per call and the
call ends (the session closes) when the handler returns::

    async def run_call(session: CallSession) -> None:
        async with asyncio.timeout(10):
            await session.wait_connected()
            inbound = await session.inbound()
        session.play(audio.pcm, audio.sample_rate)   # any rate; 48 kHz 20 ms frames go out
        async for frame in inbound:                  # PcmFrame: 16 kHz mono 20 ms, .time
            events = detector.feed(frame.pcm)
            ...
            session.flush()                          # barge-in: drop queued audio at once

    server = SignallingServer(run_call, record_dir=var_dir() / "recordings")
    base = await server.start("0.0.0.0", 8080)      # POST {base}/calls/{call_id}/offer

Browsers, the supervisor console and :func:`connect` (the simulated callee) all use that
endpoint. The stereo recording is ``<record_dir>/<call_id>.wav`` (caller left, bot right).
:meth:`CallSession.take_over` / :meth:`CallSession.hand_back` switch the outbound source.
For a pipeline, give :class:`voice.pipeline.AudioOutput` the session's ``bot`` track.
"""

from voice.transport.bot_track import BotAudioTrack, Playback
from voice.transport.client import connect
from voice.transport.inbound import InboundAudio, PcmFrame
from voice.transport.pcm import LISTEN_RATE, WIRE_RATE
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
    "Playback",
    "SignallingServer",
    "StereoRecorder",
    "SwitchableTrack",
    "connect",
    "new_peer_connection",
]
