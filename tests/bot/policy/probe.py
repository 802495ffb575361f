"""One turn decided on its own (empty history, default tier): how the probe tests ask."""

from __future__ import annotations

from bot.policy import CallContext, Decision, Turn, decide


def decide_en(text: str) -> Decision:
    return decide(Turn(text, "en"), CallContext())


def decide_zh(text: str) -> Decision:
    return decide(Turn(text, "zh"), CallContext())
