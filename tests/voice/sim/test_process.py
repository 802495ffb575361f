"""Simulated callees in a process of their own (voice.sim.process)."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
from concurrent.futures import Future

import pytest

from voice.sim import load_persona
from voice.sim.callee import CalleeResult
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


def test_a_reply_for_a_call_nobody_waits_for_does_not_stop_the_others() -> None:
    """The bot stops waiting for a far end a while after its side ended (the wait is
    cancelled); the late reply must not kill the thread that carries every other reply."""
    replies_in, replies_out = multiprocessing.Pipe(duplex=False)
    far_ends = CalleeProcess.__new__(CalleeProcess)
    far_ends._replies_in = replies_in
    far_ends._lock = threading.Lock()
    far_ends._ready = Future()
    abandoned: Future[CalleeResult] = Future()
    awaited: Future[CalleeResult] = Future()
    far_ends._pending = {"a1": abandoned, "a2": awaited}
    abandoned.cancel()
    done = CalleeResult("cooperative_promise", "en", True, "callee", 1000, ())
    replies_out.send(("a1", done, None))
    replies_out.send(("a2", done, None))
    replies_out.close()
    reader = threading.Thread(target=far_ends._read)
    reader.start()
    reader.join(5)
    assert not reader.is_alive()
    assert awaited.result(timeout=0) == done


async def test_the_child_runs_only_on_the_cpus_it_is_given() -> None:
    """The call benchmark keeps the far ends off the bot's cores (``--callee-cpus``)."""
    usable = sorted(os.sched_getaffinity(0))
    wanted = {usable[-1]}
    far_ends = CalleeProcess("en", baker=False, ears="captions", cpus=wanted)
    far_ends.start()
    try:
        await far_ends.ready()  # voice loaded: its threads exist
        assert far_ends.pid is not None
        threads = os.listdir(f"/proc/{far_ends.pid}/task")
        assert len(threads) > 1
        for thread in threads:
            assert os.sched_getaffinity(int(thread)) == wanted
    finally:
        await asyncio.to_thread(far_ends.close)


def test_an_empty_cpu_set_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one CPU"):
        CalleeProcess("en", cpus=set())
