"""What the tiering model reads about an account, and what it says back."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal, get_args

RegionEconomy = Literal["strong", "average", "weak"]
REGION_ECONOMIES: tuple[str, ...] = get_args(RegionEconomy)


@dataclass(frozen=True, slots=True)
class TieringFeatures:
    """The inputs of the three-dimension model for one account.

    Attributes:
        repayment_history: Share of past instalments paid on time, 0..1.
        days_overdue: Days since the oldest unpaid due date, >= 0.
        credit_type: Product, e.g. ``credit_card``, ``personal_loan``, ``mortgage``,
            ``auto_loan``, ``consumer_finance``, ``utility``, ``medical``. Types the model
            does not list are scored as ``other``.
        partner: Grade of the partner institution, e.g. ``"A"``, ``"B"``, ``"C"``.
        overdue_count: Times overdue in the last 24 months, >= 0.
        debt_to_income: Debt payments over income, >= 0 (0.35 means 35 %).
        industry: The debtor's industry, e.g. ``retail``; unknown ones score as ``other``.
        region_economy: ``"strong"``, ``"average"`` or ``"weak"``.
        unemployed: The debtor said or the agency knows they are out of work.
        illness: Serious illness of the debtor or their family.
        legal_dispute: The debtor is in a legal dispute (divorce, lawsuit, ...). This is a
            hardship sign, not the compliance flag for a disputed debt.
    """

    repayment_history: float
    days_overdue: int
    credit_type: str
    partner: str
    overdue_count: int
    debt_to_income: float
    industry: str
    region_economy: str
    unemployed: bool
    illness: bool
    legal_dispute: bool

    def __post_init__(self) -> None:
        if not (0.0 <= self.repayment_history <= 1.0):
            raise ValueError(f"repayment_history must be within 0..1, got {self.repayment_history}")
        if self.days_overdue < 0:
            raise ValueError(f"days_overdue must be >= 0, got {self.days_overdue}")
        if self.overdue_count < 0:
            raise ValueError(f"overdue_count must be >= 0, got {self.overdue_count}")
        if not (math.isfinite(self.debt_to_income) and self.debt_to_income >= 0):
            raise ValueError(f"debt_to_income must be finite and >= 0, got {self.debt_to_income}")
        if self.region_economy not in REGION_ECONOMIES:
            raise ValueError(
                f"region_economy must be one of {', '.join(REGION_ECONOMIES)}, "
                f"got {self.region_economy!r}"
            )


@dataclass(frozen=True, slots=True)
class TierAssessment:
    """The model's verdict on one account.

    Attributes:
        tier: 1 (high value, low risk: relationship first) to 5 (low value, high risk).
        value: Value score, 0..1 (higher is better).
        risk: Risk score, 0..1 (higher is riskier).
        need: Hardship score, 0..1. It never changes ``tier``.
        soft_handling: ``need`` reached the model's threshold: calls use the hardship tone.
        explanation: One plain sentence per contribution, then the tier decision.
    """

    tier: int
    value: float
    risk: float
    need: float
    soft_handling: bool
    explanation: tuple[str, ...]
