"""The tiering model as data: weights, score tables and tier cut-offs from ``model.yml``.

The structure (which factors feed which dimension) is fixed in code; every number lives in
the YAML file so an analyst can recalibrate without touching Python. :func:`load_model`
checks the file thoroughly (weights summing to 1, ascending bands, descending cut-offs)
and reports the first problem as ``path:line: message``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from bot.tiering.features import REGION_ECONOMIES
from bot.yamlsource import YamlSource

DEFAULT_MODEL_PATH = Path(__file__).with_name("model.yml")
OTHER = "other"

VALUE_FACTORS = ("repayment_history", "overdue_duration", "credit_type", "partner")
RISK_FACTORS = ("overdue_count", "debt_to_income", "industry", "region_economy")
NEED_FACTORS = ("unemployed", "illness", "legal_dispute")


@dataclass(frozen=True, slots=True)
class Band:
    """A numeric range scored as one value: applies to inputs ``<= up_to``."""

    up_to: float
    score: float


@dataclass(frozen=True, slots=True)
class TieringModel:
    """Weights, score tables and cut-offs; see ``model.yml`` for their meaning."""

    value_weights: Mapping[str, float]
    overdue_duration: tuple[Band, ...]
    credit_type: Mapping[str, float]
    partner: Mapping[str, float]
    risk_weights: Mapping[str, float]
    overdue_count: tuple[Band, ...]
    debt_to_income: tuple[Band, ...]
    industry: Mapping[str, float]
    region_economy: Mapping[str, float]
    need_weights: Mapping[str, float]
    soft_handling_from: float
    priority_value_weight: float
    cutoffs: tuple[float, float, float, float]


def load_model(path: Path | None = None) -> TieringModel:
    """Load and validate a tiering model.

    Args:
        path: A model YAML file; the packaged ``bot/tiering/model.yml`` by default.

    Returns:
        The validated model.

    Raises:
        DataFileError: The file is unreadable or invalid; the message starts ``path:line``.
    """
    doc = YamlSource.read(path or DEFAULT_MODEL_PATH)
    top = doc.entries(
        doc.root, "model", required=("value", "risk", "need", "tier"), allowed=("version",)
    )
    value = doc.entries(
        top["value"][1],
        "value",
        required=("weights", "overdue_duration", "credit_type", "partner"),
        allowed=(),
    )
    risk = doc.entries(
        top["risk"][1],
        "risk",
        required=("weights", "overdue_count", "debt_to_income", "industry", "region_economy"),
        allowed=(),
    )
    need = doc.entries(
        top["need"][1], "need", required=("weights", "soft_handling_from"), allowed=()
    )
    tier = doc.entries(
        top["tier"][1], "tier", required=("priority_value_weight", "cutoffs"), allowed=()
    )
    region_node = risk["region_economy"][1]
    region = _categories(doc, region_node, "risk.region_economy", need_other=False)
    missing = [name for name in REGION_ECONOMIES if name not in region]
    if missing:
        raise doc.error(region_node, f"risk.region_economy: missing {', '.join(missing)}")
    return TieringModel(
        value_weights=_weights(doc, value["weights"][1], "value.weights", VALUE_FACTORS),
        overdue_duration=_bands(doc, value["overdue_duration"][1], "value.overdue_duration"),
        credit_type=_categories(doc, value["credit_type"][1], "value.credit_type"),
        partner=_categories(doc, value["partner"][1], "value.partner"),
        risk_weights=_weights(doc, risk["weights"][1], "risk.weights", RISK_FACTORS),
        overdue_count=_bands(doc, risk["overdue_count"][1], "risk.overdue_count"),
        debt_to_income=_bands(doc, risk["debt_to_income"][1], "risk.debt_to_income"),
        industry=_categories(doc, risk["industry"][1], "risk.industry"),
        region_economy=region,
        need_weights=_weights(doc, need["weights"][1], "need.weights", NEED_FACTORS),
        soft_handling_from=doc.number(
            need["soft_handling_from"][1], "need.soft_handling_from", 0.0, 1.0
        ),
        priority_value_weight=doc.number(
            tier["priority_value_weight"][1], "tier.priority_value_weight", 0.0, 1.0
        ),
        cutoffs=_cutoffs(doc, tier["cutoffs"][1]),
    )


def _weights(
    doc: YamlSource, node: yaml.Node, what: str, factors: tuple[str, ...]
) -> Mapping[str, float]:
    entries = doc.entries(node, what, required=factors, allowed=())
    weights = {key: doc.number(val, f"{what}.{key}", 0.0, 1.0) for key, (_, val) in entries.items()}
    total = sum(weights.values())
    if not math.isclose(total, 1.0, abs_tol=1e-9):
        raise doc.error(node, f"{what} must sum to 1, got {total:g}")
    return MappingProxyType({key: weights[key] for key in factors})


def _bands(doc: YamlSource, node: yaml.Node, what: str) -> tuple[Band, ...]:
    items = doc.sequence(node, what)
    if not items:
        raise doc.error(node, f"{what} must list at least one band")
    bands: list[Band] = []
    for index, item in enumerate(items):
        entry = doc.entries(item, f"{what}[{index}]", required=("up_to", "score"), allowed=())
        up_to = doc.number(entry["up_to"][1], f"{what}[{index}].up_to", 0.0)
        score = doc.number(entry["score"][1], f"{what}[{index}].score", 0.0, 1.0)
        if bands and up_to <= bands[-1].up_to:
            raise doc.error(
                item, f"{what}[{index}].up_to must be above {bands[-1].up_to:g}, got {up_to:g}"
            )
        bands.append(Band(up_to, score))
    if not math.isinf(bands[-1].up_to):
        raise doc.error(items[-1], f"{what}: the last band must have up_to: .inf")
    return tuple(bands)


def _categories(
    doc: YamlSource, node: yaml.Node, what: str, *, need_other: bool = True
) -> Mapping[str, float]:
    entries = doc.entries(node, what)
    scores = {key: doc.number(val, f"{what}.{key}", 0.0, 1.0) for key, (_, val) in entries.items()}
    if need_other and OTHER not in scores:
        raise doc.error(node, f"{what} must have an '{OTHER}' score for unlisted values")
    return MappingProxyType(scores)


def _cutoffs(doc: YamlSource, node: yaml.Node) -> tuple[float, float, float, float]:
    entries = doc.entries(node, "tier.cutoffs", required=("1", "2", "3", "4"), allowed=())
    values = [doc.number(entries[k][1], f"tier.cutoffs.{k}", 0.0, 1.0) for k in "1234"]
    for index in range(1, 4):
        if values[index] >= values[index - 1]:
            key = str(index + 1)
            raise doc.error(
                entries[key][1],
                f"tier.cutoffs.{key} must be below tier {index}'s {values[index - 1]:g}, "
                f"got {values[index]:g}",
            )
    return values[0], values[1], values[2], values[3]
