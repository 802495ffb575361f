"""Simulated callees in a process of their own (voice.sim.process)."""

from __future__ import annotations

import asyncio

import pytest

from voice.sim import load_persona
from voice.sim.process import CalleeProcess

pytestmark = pytest.mark.slow


async def test_results_and_failures_cross_the_process_boundary() -> None:
    far_ends = CalleeProcess("en", baker=False)
    far_ends.start()
    try:
        unanswered, refused = await asyncio.gather(
            far_ends.run("a1", load_persona("no_answer", "en"), "http://127.0.0.1:9/x/offer"),
            far_ends.run(
                "a2", load_persona("cooperative_promise", "en"), "http://127.0.0.1:9/x/offer"
            ),
            return_exceptions=True,
        )
    finally:
        await asyncio.to_thread(far_ends.close)
    assert not isinstance(unanswered, BaseException)
    assert (unanswered.persona, unanswered.answered, unanswered.ended_by) == (
        "no_answer",
        False,
        "no_answer",
    )
    # Nothing listens on port 9: the child's connection error comes back to the caller.
    assert isinstance(refused, RuntimeError)
    assert "callee a2 failed" in str(refused)
    with pytest.raises(RuntimeError, match="exited"):
        await far_ends.run("a3", load_persona("no_answer", "en"), "http://127.0.0.1:9/x/offer")
