"""Keep a whole process on chosen CPUs (Linux).

``os.sched_setaffinity(0, cpus)`` moves only the calling thread; threads that exist already
(numpy's OpenBLAS pool starts at import, before any of our code runs in a spawned child) keep
their old mask. :func:`pin_process` moves every thread of the process; threads started later
inherit the mask of the thread that starts them.
"""

from __future__ import annotations

import os
from collections.abc import Collection

__all__ = ["pin_process"]


def pin_process(cpus: Collection[int]) -> None:
    """Restrict every thread of this process to ``cpus``."""
    if not cpus:
        raise ValueError("cpus must name at least one CPU")
    wanted = set(cpus)
    for thread in os.listdir("/proc/self/task"):
        try:
            os.sched_setaffinity(int(thread), wanted)
        except ProcessLookupError:
            continue  # the thread ended meanwhile
