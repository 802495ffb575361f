"""Score one account on value, risk and need, and place it in a tier with reasons."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from bot.tiering.features import TierAssessment, TieringFeatures
from bot.tiering.model import OTHER, Band, TieringModel, load_model


@cache
def default_model() -> TieringModel:
    """The packaged model, loaded once per process."""
    return load_model()


def assess(features: TieringFeatures, model: TieringModel | None = None) -> TierAssessment:
    """Tier one account and explain every contribution in plain words.

    ``priority = w × value + (1 − w) × (1 − risk)`` with ``w`` the model's
    ``priority_value_weight``; the tier is the first whose cut-off the priority reaches
    (tier 5 below all four). Need never moves the tier: it only sets ``soft_handling``,
    which selects the hardship tone later.

    Args:
        features: The account's inputs.
        model: A loaded model; the packaged ``model.yml`` by default.

    Returns:
        The tier, the three scores (rounded to 4 decimals) and the explanation.
    """
    m = model or default_model()
    lines: list[str] = []

    vw = m.value_weights
    history = features.repayment_history
    overdue_score = _band(m.overdue_duration, features.days_overdue)
    credit_score, credit_note = _category(m.credit_type, features.credit_type)
    partner_score, partner_note = _category(m.partner, features.partner)
    value_parts = (
        (_history_words(history), vw["repayment_history"] * history),
        (_days_words(features.days_overdue), vw["overdue_duration"] * overdue_score),
        (f"credit type {features.credit_type}{credit_note}", vw["credit_type"] * credit_score),
        (f"partner grade {features.partner}{partner_note}", vw["partner"] * partner_score),
    )
    lines.extend(f"{words} → value +{amount:.2f}" for words, amount in value_parts)
    value = round(sum(amount for _, amount in value_parts), 4)

    rw = m.risk_weights
    industry_score, industry_note = _category(m.industry, features.industry)
    risk_parts = (
        (
            _count_words(features.overdue_count),
            rw["overdue_count"] * _band(m.overdue_count, features.overdue_count),
        ),
        (
            f"debt-to-income {features.debt_to_income:.2f}",
            rw["debt_to_income"] * _band(m.debt_to_income, features.debt_to_income),
        ),
        (f"industry {features.industry}{industry_note}", rw["industry"] * industry_score),
        (
            f"{features.region_economy} regional economy",
            rw["region_economy"] * m.region_economy[features.region_economy],
        ),
    )
    lines.extend(f"{words} → risk +{amount:.2f}" for words, amount in risk_parts)
    risk = round(sum(amount for _, amount in risk_parts), 4)

    flags = {
        "unemployed": features.unemployed,
        "illness": features.illness,
        "legal_dispute": features.legal_dispute,
    }
    need_parts = [(name, m.need_weights[name]) for name, present in flags.items() if present]
    if need_parts:
        words = {"unemployed": "unemployed", "illness": "illness", "legal_dispute": "legal dispute"}
        lines.extend(f"{words[name]} → need +{weight:.2f}" for name, weight in need_parts)
    else:
        lines.append("no hardship signs → need 0.00")
    need = round(sum((weight for _, weight in need_parts), 0.0), 4)
    soft = need > 0 and need >= m.soft_handling_from
    if soft:
        lines.append(
            f"need {need:.2f} ≥ {m.soft_handling_from:.2f} → soft handling (hardship tone); "
            "the tier is not changed"
        )
    else:
        lines.append(f"need {need:.2f} < {m.soft_handling_from:.2f} → standard handling")

    w = m.priority_value_weight
    priority = round(w * value + (1 - w) * (1 - risk), 4)
    tier = next((i + 1 for i, cut in enumerate(m.cutoffs) if priority >= cut), 5)
    bound = f"≥ {m.cutoffs[tier - 1]:.2f}" if tier < 5 else f"< {m.cutoffs[3]:.2f}"
    lines.append(
        f"priority {w:.2f} × value {value:.2f} + {1 - w:.2f} × (1 − risk {risk:.2f}) "
        f"= {priority:.2f} → tier {tier} ({bound})"
    )
    return TierAssessment(
        tier=tier, value=value, risk=risk, need=need, soft_handling=soft, explanation=tuple(lines)
    )


def _band(bands: tuple[Band, ...], x: float) -> float:
    return next(band.score for band in bands if x <= band.up_to)


def _category(table: Mapping[str, float], key: str) -> tuple[float, str]:
    if key in table:
        return table[key], ""
    return table[OTHER], " (unlisted, scored as other)"


def _history_words(history: float) -> str:
    return f"repayment history {history:.2f} on time"


def _days_words(days: int) -> str:
    if days == 0:
        return "not overdue"
    return "1 day overdue" if days == 1 else f"{days} days overdue"


def _count_words(count: int) -> str:
    if count == 0:
        return "never overdue in 24 months"
    return "overdue once in 24 months" if count == 1 else f"overdue {count} times in 24 months"
