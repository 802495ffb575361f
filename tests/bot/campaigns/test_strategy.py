from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from bot.campaigns.strategy import load_strategy
from bot.errors import DataFileError


def test_default_strategy() -> None:
    strategy = load_strategy()
    assert strategy.for_tier(3).touches == (time(9), time(14), time(19))
    assert strategy.for_tier(4).touches == (time(10), time(16))
    assert strategy.for_tier(5).touches == (time(10), time(16))
    assert strategy.for_tier(1).every_days == 3
    assert strategy.for_tier(1).weekdays == frozenset({0, 1, 2, 3, 4})
    assert all(len(strategy.for_tier(t).touches) < 3 for t in (1, 2))


BASE = """version: 1
tiers:
  1: {touches: ["10:30"]}
  2: {touches: ["10:30"]}
  3: {touches: ["09:00", "14:00"]}
  4: {touches: ["10:00"]}
"""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('  5: {touches: ["25:00"]}\n', ':7: tiers.5.touches must be a quoted "HH:MM" time'),
        ('  5: {touches: ["10:00"], every_days: 0}\n', ":7: tiers.5.every_days must be between"),
        (
            '  5: {touches: ["10:00"], weekdays: [mon, fun]}\n',
            ":7: tiers.5.weekdays: unknown day 'fun'",
        ),
        ('  5: {touches: ["16:00", "10:00"]}\n', ":7: tier 5: touches must be ascending"),
        ('  6: {touches: ["10:00"]}\n', ":7: tiers: unknown tier '6'"),
        ('  5: {touches: ["10:00"], tone: x}\n', ":7: tiers.5: unknown key 'tone'"),
        ("", ":3: tiers: missing tier(s) 5"),
    ],
)
def test_bad_strategy_names_file_and_line(tmp_path: Path, extra: str, message: str) -> None:
    path = tmp_path / "s.yml"
    path.write_text(BASE + extra)
    with pytest.raises(DataFileError) as info:
        load_strategy(path)
    assert str(info.value).startswith(str(path))
    assert message in str(info.value)
