"""Keep a whole process on chosen CPUs, and read a process's CPU time (Linux).

``os.sched_setaffinity(0, cpus)`` moves only the calling thread; threads that exist already
(numpy's OpenBLAS pool starts at import, before any of our code runs in a spawned child) keep
their old mask. :func:`pin_process` moves every thread of the process; threads started later
inherit the mask of the thread that starts them.
"""

from __future__ import annotations

import os
from collections.abc import Collection

__all__ = ["pin_process", "process_cpu_seconds"]


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


def process_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) process ``pid`` has used so far, from ``/proc/<pid>/stat``.

    Raises:
        FileNotFoundError: No such process on this machine.
    """
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()  # the name in (...) may hold spaces
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
