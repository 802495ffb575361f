"""Ring times: far ends that do not all pick up at the same moment."""

from __future__ import annotations

import asyncio

import pytest

from bot.demo.dialer import SimulatedDialer
from bot.demo.run import ring_spread
from voice.sim import CalleeResult, Persona, load_persona


def test_rings_spread_evenly_from_the_first_call_to_the_last() -> None:
    assert ring_spread(["a1", "a2", "a3", "a4", "a5"], 8.0) == {
        "a1": 0.0,
        "a2": 2.0,
        "a3": 4.0,
        "a4": 6.0,
        "a5": 8.0,
    }


@pytest.mark.parametrize(("calls", "spread"), [(["a1", "a2"], 0.0), (["a1"], 5.0), ([], 5.0)])
def test_no_spread_or_a_single_call_answers_at_once(calls: list[str], spread: float) -> None:
    assert set(ring_spread(calls, spread).values()) <= {0.0}


class _Clocked:
    """Far ends that note when they answered (on the loop's clock) and hang up at once."""

    def __init__(self) -> None:
        self.answered: dict[str, float] = {}

    async def run(self, call_id: str, persona: Persona, offer_url: str) -> CalleeResult:
        self.answered[call_id] = asyncio.get_running_loop().time()
        return CalleeResult(persona.name, persona.locale, True, "callee", 0, ())


async def test_each_far_end_answers_after_its_own_ring() -> None:
    persona = load_persona("cooperative_promise", "en")
    callees = _Clocked()
    dialer = SimulatedDialer({"a1": persona, "a2": persona}, callees, rings={"a1": 0.0, "a2": 0.3})
    start = asyncio.get_running_loop().time()
    tasks = [dialer.dial(call_id, None, "http://x/offer") for call_id in ("a1", "a2")]  # type: ignore[arg-type]
    await asyncio.gather(*tasks)
    assert callees.answered["a1"] < callees.answered["a2"]
    assert callees.answered["a2"] - start >= 0.3  # asleep for its ring first
    assert set(dialer.results) == {"a1", "a2"}
