"""Long property run: the compliance engine against its oracle, >= 100 000 examples each.

Run: ``.venv/bin/python bench/compliance_props.py [--examples 100000]``. Runs the two
hypothesis properties of ``tests/bot/compliance/test_compliance_properties.py`` (engine vs
independent oracle; next_allowed_at is allowed and nothing earlier on a minute grid is)
with ``KINDCALL_COMPLIANCE_EXAMPLES`` set, then prints one JSON line and a table with the
examples actually run, the time taken and the machine load.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_TESTS = {
    "oracle": "test_decisions_agree_with_the_oracle",
    "next_allowed_at": "test_next_allowed_at_is_the_first_allowed_instant",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000, help="examples per property")
    parser.add_argument(
        "--progress", default="/tmp/kindcall-compliance-props.log", help="progress log file"
    )
    parser.add_argument(
        "--only",
        choices=["oracle", "next_allowed_at"],
        help="run one property (two processes can then share the machine's cores)",
    )
    args = parser.parse_args()
    os.environ["KINDCALL_COMPLIANCE_EXAMPLES"] = str(args.examples)
    os.environ["KINDCALL_COMPLIANCE_PROGRESS"] = args.progress
    print(f"progress every 5000 examples: {args.progress}", flush=True)
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))

    import pytest

    load_before = os.getloadavg()
    started = time.perf_counter()
    status = pytest.main(
        [
            "-q",
            "-p",
            "no:cacheprovider",
            "--hypothesis-show-statistics",
            "--timeout=0",  # the suite's 600 s per-test limit would end a long run
            "tests/bot/compliance/test_compliance_properties.py",
            *(["-k", _TESTS[args.only]] if args.only else []),
        ]
    )
    elapsed = time.perf_counter() - started
    from tests.bot.compliance.test_compliance_properties import EXAMPLES

    report = {
        "benchmark": "compliance_properties",
        "passed": status == 0,
        "examples_requested_per_property": args.examples,
        "examples_run": dict(EXAMPLES),
        "seconds": round(elapsed, 1),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(report))
    print()
    print(f"{'property':<22}{'examples':>12}")
    for name, count in EXAMPLES.items():
        print(f"{name:<22}{count:>12,}")
    print(f"passed: {status == 0}; {elapsed:.0f} s; load {load_before} -> {os.getloadavg()}")
    return int(status)


if __name__ == "__main__":
    sys.exit(main())
