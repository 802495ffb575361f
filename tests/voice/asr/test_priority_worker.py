from __future__ import annotations

import threading

from voice.asr.priority_worker import BACKGROUND, URGENT, PriorityWorker


def test_urgent_jobs_overtake_queued_background_jobs_and_cancelled_ones_never_run() -> None:
    worker = PriorityWorker("test-worker")
    gate = threading.Event()
    started = threading.Event()
    ran: list[str] = []

    def block() -> bool:
        started.set()
        return gate.wait(5)

    blocker = worker.submit(URGENT, block)  # occupies the thread
    assert started.wait(5)
    background = [worker.submit(BACKGROUND, ran.append, f"bg{i}") for i in range(3)]
    dropped = worker.submit(URGENT, ran.append, "dropped")
    urgent = worker.submit(URGENT, ran.append, "urgent")
    assert dropped.cancel() is True
    assert worker.pending() == 5
    gate.set()
    assert blocker.result(timeout=5) is True
    for future in [urgent, *background]:
        future.result(timeout=5)
    assert ran == ["urgent", "bg0", "bg1", "bg2"]
    assert dropped.cancelled()


def test_an_exception_reaches_the_caller() -> None:
    worker = PriorityWorker("test-worker-2")

    def boom() -> None:
        raise ValueError("bad audio")

    future = worker.submit(URGENT, boom)
    error = future.exception(timeout=5)
    assert isinstance(error, ValueError) and str(error) == "bad audio"
