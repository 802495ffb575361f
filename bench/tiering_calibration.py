"""Tier distribution of the packaged model on synthetic populations (and cut-off advice).

Usage: .venv/bin/python bench/tiering_calibration.py [--rows 5000] [--seeds 0 1 2]

Writes synthetic zh and en files, imports them with ``read_rows``, tiers every record and
prints a JSON line plus a table: the share of each tier, the target groups (tiers 1–2
≈ 15 %, 3 ≈ 45 %, 4–5 ≈ 40 %) and the priority quantiles that would hit the targets
exactly (5 / 10 / 45 / 25 / 15 %), for recalibrating ``bot/tiering/model.yml``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from bot.importing import DebtorRecord, read_rows, write_synthetic
from bot.tiering import TieringModel, assess, load_model

TARGET_SHARES = (0.05, 0.10, 0.45, 0.25, 0.15)  # tiers 1..5


def tier_distribution(
    records: list[DebtorRecord], model: TieringModel | None = None
) -> dict[str, float]:
    """Percent of records per tier plus the three target groups."""
    tiers = [assess(record.features, model).tier for record in records]
    n = len(tiers) or 1
    share = {f"tier{t}": round(100 * tiers.count(t) / n, 1) for t in range(1, 6)}
    share["tiers1-2"] = round(share["tier1"] + share["tier2"], 1)
    share["tiers4-5"] = round(share["tier4"] + share["tier5"], 1)
    return share


def synthetic_records(rows: int, locale: str, seed: int, folder: Path) -> list[DebtorRecord]:
    """Write a synthetic file and import it; every row must import."""
    path = folder / f"synth-{locale}-{seed}.csv"
    write_synthetic(path, rows, "zh" if locale == "zh" else "en", seed)
    records = [r for _, r in read_rows(path) if isinstance(r, DebtorRecord)]
    if len(records) != rows:
        raise SystemExit(f"{path}: only {len(records)} of {rows} rows imported")
    return records


def suggested_cutoffs(records: list[DebtorRecord], model: TieringModel) -> list[float]:
    """Priorities at the target quantiles, rounded to 2 decimals (tiers 1..4)."""
    w = model.priority_value_weight
    scores = []
    for record in records:
        result = assess(record.features, model)
        scores.append(round(w * result.value + (1 - w) * (1 - result.risk), 4))
    scores.sort(reverse=True)
    cuts, seen = [], 0.0
    for share in TARGET_SHARES[:4]:
        seen += share
        cuts.append(round(scores[min(len(scores) - 1, int(seen * len(scores)))], 2))
    return cuts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    args = parser.parse_args()
    model = load_model()
    report: dict[str, object] = {"rows": args.rows, "cutoffs": list(model.cutoffs)}
    everyone: list[DebtorRecord] = []
    with tempfile.TemporaryDirectory() as folder:
        for locale in ("zh", "en"):
            for seed in args.seeds:
                records = synthetic_records(args.rows, locale, seed, Path(folder))
                everyone += records
                report[f"{locale}/{seed}"] = tier_distribution(records, model)
    report["all"] = tier_distribution(everyone, model)
    report["suggested_cutoffs"] = suggested_cutoffs(everyone, model)
    print(json.dumps(report, ensure_ascii=False))
    print(f"\n{'population':<12}" + "".join(f"{h:>9}" for h in ("t1", "t2", "t3", "t4", "t5")))
    for key, value in report.items():
        if isinstance(value, dict):
            cells = "".join(f"{value[f'tier{t}']:>8.1f}%" for t in range(1, 6))
            groups = f"   1–2 {value['tiers1-2']:.1f}%  3 {value['tier3']:.1f}%"
            print(f"{key:<12}{cells}{groups}  4–5 {value['tiers4-5']:.1f}%")
    print("target: 1–2 ≈ 15 %, 3 ≈ 45 %, 4–5 ≈ 40 %")
    print("cut-offs that would hit it exactly:", report["suggested_cutoffs"])


if __name__ == "__main__":
    main()
