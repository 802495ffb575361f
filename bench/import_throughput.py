"""How fast ``read_rows`` validates synthetic agency files, and tiering on top.

Usage: .venv/bin/python bench/import_throughput.py [--rows 50000]

Prints a JSON line and a table: rows per second for writing the synthetic file, reading
and validating it (CSV and XLSX), and assessing every record's tier. CPU time is reported
next to wall time because these machines are shared.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bot.importing import DebtorRecord, read_rows, write_synthetic
from bot.tiering import assess


def timed(step: Callable[[], object]) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = step()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    n = args.rows
    report: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for locale in ("zh", "en"):
            for suffix in ("csv", "xlsx"):
                path = Path(folder) / f"{locale}.{suffix}"
                wall, cpu, _ = timed(lambda: write_synthetic(path, n, locale, seed=1))  # noqa: B023
                report[f"write {locale} {suffix}"] = {"wall_s": wall, "cpu_s": cpu}
                wall, cpu, result = timed(lambda: [r for _, r in read_rows(path)])  # noqa: B023
                assert isinstance(result, list)
                records = [r for r in result if isinstance(r, DebtorRecord)]
                assert len(records) == n, f"{path}: {len(records)} of {n} imported"
                report[f"read {locale} {suffix}"] = {"wall_s": wall, "cpu_s": cpu}
            wall, cpu, _ = timed(lambda: [assess(r.features) for r in records])  # noqa: B023
            report[f"tier {locale}"] = {"wall_s": wall, "cpu_s": cpu}
    for entry in report.values():
        entry["rows_per_cpu_s"] = round(n / entry["cpu_s"]) if entry["cpu_s"] else 0.0
    print(json.dumps({"rows": n, **report}))
    print(f"\n{'step':<16}{'wall s':>9}{'cpu s':>9}{'rows/cpu s':>12}")
    for name, entry in report.items():
        print(
            f"{name:<16}{entry['wall_s']:>9.2f}{entry['cpu_s']:>9.2f}{entry['rows_per_cpu_s']:>12,.0f}"
        )


if __name__ == "__main__":
    main()
