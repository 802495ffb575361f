"""Captions on a real aiortc data channel between the bot's endpoint and a callee peer."""

from __future__ import annotations

import asyncio

import pytest

from bot.errors import TransportError
from voice.transport import CallSession, SignallingServer, connect
from voice.transport.captions import Caption


async def test_a_caption_sent_before_connected_arrives_once_the_channel_opens() -> None:
    sent: list[tuple[Caption, str]] = []
    hang_up = asyncio.Event()

    async def handler(session: CallSession) -> None:
        # The handler starts as soon as the answer is made: ICE and DTLS are not up yet.
        sent.append((session.send_caption("This call is recorded."), session.connection_state))
        await hang_up.wait()

    server = SignallingServer(handler)
    base = await server.start()
    callee = await connect(f"{base}/calls/cap-early/offer", captions=True)
    try:
        assert callee.captions is not None
        async with asyncio.timeout(10):
            received = await callee.captions.wait(1)
    finally:
        hang_up.set()
        await callee.close()
        await server.stop()
    assert [caption for caption, _ in sent] == [Caption("This call is recorded.", 0)]
    assert sent[0][1] in {"new", "connecting"}
    assert received == [Caption("This call is recorded.", 0)]


async def test_captions_arrive_in_order_with_their_text_intact() -> None:
    lines = [f"Line {n}: {'好的，' * (n % 4)}thank you." for n in range(40)]
    hang_up = asyncio.Event()

    async def handler(session: CallSession) -> None:
        await session.wait_connected()
        session.send_caption(lines[0])
        await asyncio.sleep(0.2)
        for line in lines[1:]:
            session.send_caption(line)
        await hang_up.wait()

    server = SignallingServer(handler)
    base = await server.start()
    callee = await connect(f"{base}/calls/cap-order/offer", captions=True)
    try:
        assert callee.captions is not None
        async with asyncio.timeout(10):
            first = await callee.captions.wait(1)
            taken = callee.captions.take()
            received = await callee.captions.wait(len(lines))
    finally:
        hang_up.set()
        await callee.close()
        await server.stop()
    assert first == taken == [Caption(lines[0], 0)]
    assert received == [Caption(line, n) for n, line in enumerate(lines)]
    assert callee.captions.take() == received[1:]
    assert callee.captions.take() == []


async def test_a_peer_that_asks_for_no_captions_gets_no_channel() -> None:
    hang_up = asyncio.Event()
    bots: list[CallSession] = []

    async def handler(session: CallSession) -> None:
        bots.append(session)
        await session.wait_connected()
        session.send_caption("Hello.")
        await hang_up.wait()

    server = SignallingServer(handler)
    base = await server.start()
    callee = await connect(f"{base}/calls/cap-none/offer")
    try:
        async with asyncio.timeout(10):
            await callee.wait_connected()
        assert callee.captions is None
        with pytest.raises(
            TransportError,
            match=r"call cap-none: captions are requested by the offerer before its offer "
            r'\(role "callee", signalling state "stable"\)',
        ):
            callee.request_captions()
        with pytest.raises(TransportError, match=r'\(role "bot", signalling state "stable"\)'):
            bots[0].request_captions()
    finally:
        hang_up.set()
        await callee.close()
        await server.stop()


def test_caption_wire_form_round_trips_and_bad_messages_name_the_problem() -> None:
    caption = Caption("请问是王明本人吗？", 3)
    assert caption.to_json() == '{"text": "请问是王明本人吗？", "seq": 3}'
    assert Caption.from_json(caption.to_json()) == caption
    with pytest.raises(ValueError, match="caption is not JSON: 'hello'"):
        Caption.from_json("hello")
    with pytest.raises(ValueError, match="caption must be an object with text and seq"):
        Caption.from_json('{"text": "hi"}')
    with pytest.raises(ValueError, match="caption seq must be an integer >= 0, got -1"):
        Caption.from_json('{"text": "hi", "seq": -1}')
    with pytest.raises(ValueError, match="caption text must be a string, got int"):
        Caption.from_json('{"text": 5, "seq": 0}')
