"""The packaged cut-offs give ≈ 15 % tiers 1–2, 45 % tier 3, 40 % tiers 4–5 (± 5 points).

bench/tiering_calibration.py prints the same figures for more seeds and suggests cut-offs.
"""

from __future__ import annotations

import collections
from pathlib import Path
from typing import Literal

import pytest

from bot.importing import DebtorRecord, read_rows, write_synthetic
from bot.tiering import assess

TARGETS = {"tiers 1-2": 15.0, "tier 3": 45.0, "tiers 4-5": 40.0}


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_synthetic_population_matches_the_target_mix(
    tmp_path: Path, locale: Literal["zh", "en"]
) -> None:
    path = tmp_path / "synth.csv"
    write_synthetic(path, 5000, locale, seed=7)
    records = [r for _, r in read_rows(path) if isinstance(r, DebtorRecord)]
    assert len(records) == 5000
    tiers = collections.Counter(assess(r.features).tier for r in records)
    shares = {
        "tiers 1-2": (tiers[1] + tiers[2]) / 50,
        "tier 3": tiers[3] / 50,
        "tiers 4-5": (tiers[4] + tiers[5]) / 50,
    }
    for group, target in TARGETS.items():
        assert abs(shares[group] - target) <= 5.0, (group, shares)
    # every tier is populated, soft handling is a minority
    assert min(tiers[t] for t in range(1, 6)) >= 150, tiers
    soft = sum(assess(r.features).soft_handling for r in records) / 50
    assert 5.0 <= soft <= 30.0, soft
