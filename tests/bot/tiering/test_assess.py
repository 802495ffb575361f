from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.tiering import TieringFeatures, assess, load_model

GOOD = TieringFeatures(
    repayment_history=0.92,
    days_overdue=10,
    credit_type="mortgage",
    partner="A",
    overdue_count=0,
    debt_to_income=0.2,
    industry="education",
    region_economy="strong",
    unemployed=False,
    illness=False,
    legal_dispute=False,
)
MIDDLE = TieringFeatures(
    0.85, 0, "personal_loan", "B", 1, 0.3, "technology", "average", False, False, False
)
STRAINED = TieringFeatures(
    0.75, 45, "credit_card", "B", 2, 0.4, "retail", "average", True, False, False
)
POOR = TieringFeatures(0.3, 400, "timeshare", "D", 9, 1.5, "hospitality", "weak", False, True, True)


def test_high_value_low_risk_is_tier_1_with_every_score_explained() -> None:
    result = assess(GOOD)
    assert (result.tier, result.value, result.risk, result.need) == (1, 0.903, 0.1, 0.0)
    assert result.soft_handling is False
    assert result.explanation == (
        "repayment history 0.92 on time → value +0.37",
        "10 days overdue → value +0.26",
        "credit type mortgage → value +0.18",
        "partner grade A → value +0.10",
        "never overdue in 24 months → risk +0.00",
        "debt-to-income 0.20 → risk +0.03",
        "industry education → risk +0.04",
        "strong regional economy → risk +0.03",
        "no hardship signs → need 0.00",
        "need 0.00 < 0.20 → standard handling",
        "priority 0.50 × value 0.90 + 0.50 × (1 − risk 0.10) = 0.90 → tier 1 (≥ 0.82)",
    )


def test_middle_account_is_tier_3() -> None:
    result = assess(MIDDLE)
    assert (result.tier, result.value, result.risk) == (3, 0.82, 0.305)
    assert result.explanation[1] == "not overdue → value +0.30"
    assert result.explanation[4] == "overdue once in 24 months → risk +0.07"


def test_strained_account_with_unemployment_is_tier_4_and_soft() -> None:
    result = assess(STRAINED)
    assert (result.tier, result.value, result.risk, result.need) == (4, 0.655, 0.5075, 0.4)
    assert result.soft_handling is True
    assert result.explanation[8:] == (
        "unemployed → need +0.40",
        "need 0.40 ≥ 0.20 → soft handling (hardship tone); the tier is not changed",
        "priority 0.50 × value 0.66 + 0.50 × (1 − risk 0.51) = 0.57 → tier 4 (≥ 0.49)",
    )


def test_unlisted_categories_score_as_other_and_say_so() -> None:
    result = assess(POOR)
    assert (result.tier, result.value, result.risk, result.need) == (5, 0.23, 0.91, 0.6)
    assert result.explanation[1] == "400 days overdue → value +0.00"
    assert (
        result.explanation[2] == "credit type timeshare (unlisted, scored as other) → value +0.08"
    )
    assert result.explanation[3] == "partner grade D (unlisted, scored as other) → value +0.03"
    assert result.explanation[-1] == (
        "priority 0.50 × value 0.23 + 0.50 × (1 − risk 0.91) = 0.16 → tier 5 (< 0.49)"
    )


@pytest.mark.parametrize("features", [GOOD, MIDDLE, STRAINED, POOR])
@pytest.mark.parametrize("flag", ["unemployed", "illness", "legal_dispute"])
def test_need_never_changes_the_tier(features: TieringFeatures, flag: str) -> None:
    calm = dataclasses.replace(features, unemployed=False, illness=False, legal_dispute=False)
    hard = dataclasses.replace(calm, **{flag: True})
    assert assess(hard).tier == assess(calm).tier
    assert (assess(calm).soft_handling, assess(hard).soft_handling) == (False, True)
    assert (assess(hard).value, assess(hard).risk) == (assess(calm).value, assess(calm).risk)


@pytest.mark.parametrize(
    ("days", "contribution"),
    [(0, 0.30), (1, 0.255), (30, 0.255), (31, 0.195), (90, 0.135), (91, 0.075), (366, 0.0)],
)
def test_overdue_bands_include_their_upper_bound(days: int, contribution: float) -> None:
    base = assess(dataclasses.replace(GOOD, days_overdue=0)).value
    value = assess(dataclasses.replace(GOOD, days_overdue=days)).value
    assert round(base - 0.30 + contribution, 4) == value


def test_a_recalibrated_model_moves_the_tier(tmp_path: Path) -> None:
    text = (Path(__file__).parents[3] / "bot/tiering/model.yml").read_text(encoding="utf-8")
    custom = tmp_path / "model.yml"
    custom.write_text(text.replace("1: 0.82", "1: 0.95"), encoding="utf-8")
    result = assess(GOOD, load_model(custom))
    assert result.tier == 2
    assert result.explanation[-1].endswith("= 0.90 → tier 2 (≥ 0.77)")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"repayment_history": 1.2}, "repayment_history must be within 0..1, got 1.2"),
        ({"days_overdue": -1}, "days_overdue must be >= 0, got -1"),
        ({"overdue_count": -2}, "overdue_count must be >= 0, got -2"),
        ({"debt_to_income": float("nan")}, "debt_to_income must be finite and >= 0, got nan"),
        (
            {"region_economy": "booming"},
            "region_economy must be one of strong, average, weak, got 'booming'",
        ),
    ],
)
def test_features_reject_impossible_values(change: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError) as excinfo:
        dataclasses.replace(GOOD, **change)  # type: ignore[arg-type]
    assert str(excinfo.value) == message
