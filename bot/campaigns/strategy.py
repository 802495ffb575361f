"""Per-tier call strategies, loaded from YAML (``bot/campaigns/strategies.yml``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from types import MappingProxyType

import yaml

from bot.yamlsource import YamlSource

DEFAULT_STRATEGY_PATH = Path(__file__).resolve().parent / "strategies.yml"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TIERS = (1, 2, 3, 4, 5)
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True, slots=True)
class TierStrategy:
    """When calls are planned for accounts of one tier.

    Attributes:
        tier: 1..5.
        touches: local clock times of the calls on a calling day, ascending.
        every_days: plan on every n-th local day (offset by account id to spread load).
        weekdays: allowed days of the week, Monday = 0.
    """

    tier: int
    touches: tuple[time, ...]
    every_days: int
    weekdays: frozenset[int]

    def __post_init__(self) -> None:
        if not self.touches:
            raise ValueError(f"tier {self.tier}: at least one touch is needed")
        if list(self.touches) != sorted(set(self.touches)):
            raise ValueError(f"tier {self.tier}: touches must be ascending and distinct")
        if self.every_days < 1:
            raise ValueError(f"tier {self.tier}: every_days must be >= 1, got {self.every_days}")


@dataclass(frozen=True, slots=True)
class Strategy:
    """A complete strategy: one :class:`TierStrategy` per tier 1..5."""

    tiers: Mapping[int, TierStrategy]

    def for_tier(self, tier: int) -> TierStrategy:
        """The strategy of ``tier``; raises KeyError for an unknown tier."""
        return self.tiers[tier]


def _touch(doc: YamlSource, node: yaml.Node, what: str) -> time:
    text = doc.text(node, what)
    match = _HHMM.match(text)
    if match is None:
        raise doc.error(node, f'{what} must be a quoted "HH:MM" time, got {text!r}')
    return time(int(match.group(1)), int(match.group(2)))


def load_strategy(path: Path | None = None) -> Strategy:
    """Load and validate a strategy file.

    Raises:
        DataFileError: the file is unreadable or invalid; the message starts ``path:line``.
    """
    doc = YamlSource.read(path or DEFAULT_STRATEGY_PATH)
    top = doc.entries(doc.root, "strategy", required=("tiers",), allowed=("version",))
    tiers_node = top["tiers"][1]
    entries = doc.entries(tiers_node, "tiers")
    tiers: dict[int, TierStrategy] = {}
    for key, (key_node, value_node) in entries.items():
        if key not in {str(t) for t in TIERS}:
            raise doc.error(key_node, f"tiers: unknown tier {key!r} (expected 1..5)")
        tier = int(key)
        what = f"tiers.{tier}"
        fields = doc.entries(
            value_node, what, required=("touches",), allowed=("every_days", "weekdays")
        )
        touches_node = fields["touches"][1]
        touches = tuple(
            _touch(doc, item, f"{what}.touches")
            for item in doc.sequence(touches_node, f"{what}.touches")
        )
        every = 1
        if "every_days" in fields:
            number = doc.number(fields["every_days"][1], f"{what}.every_days", 1, 365)
            if number != int(number):
                raise doc.error(fields["every_days"][1], f"{what}.every_days must be whole")
            every = int(number)
        weekdays = frozenset(range(7))
        if "weekdays" in fields:
            days: set[int] = set()
            for item in doc.sequence(fields["weekdays"][1], f"{what}.weekdays"):
                name = doc.text(item, f"{what}.weekdays").lower()
                if name not in WEEKDAYS:
                    raise doc.error(item, f"{what}.weekdays: unknown day {name!r} (mon..sun)")
                days.add(WEEKDAYS.index(name))
            weekdays = frozenset(days)
        try:
            tiers[tier] = TierStrategy(tier, touches, every, weekdays)
        except ValueError as exc:
            raise doc.error(value_node, str(exc)) from exc
    missing = [t for t in TIERS if t not in tiers]
    if missing:
        raise doc.error(tiers_node, f"tiers: missing tier(s) {', '.join(map(str, missing))}")
    return Strategy(MappingProxyType(tiers))
