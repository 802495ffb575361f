"""Account tiering: the seed's three-dimension model (value, risk, need) as a pure core.

- **Value** (higher is better): repayment history 40 %, overdue duration 30 %, credit type
  20 %, partner institution 10 %.
- **Risk** (higher is worse): overdue count, debt-to-income ratio, industry, regional economy.
- **Need**: unemployment, illness, legal dispute.

``priority = w × value + (1 − w) × (1 − risk)`` places the account in tier 1 (high value,
low risk: relationship first) to tier 5 (low value, high risk). **Need does not change the
tier**: a person in hardship is not a worse or better account, they need a different voice.
Need at or above the model's threshold sets ``soft_handling``, which later selects the
hardship tone. All weights, score tables and cut-offs are data in ``model.yml``.

Example::

    >>> from bot.tiering import TieringFeatures, assess
    >>> result = assess(TieringFeatures(0.92, 10, "mortgage", "A", 0, 0.2, "education",
    ...                                 "strong", False, False, False))
    >>> result.tier, result.explanation[0]
    (1, 'repayment history 0.92 on time → value +0.37')
"""

from __future__ import annotations

from bot.tiering.assess import assess, default_model
from bot.tiering.features import REGION_ECONOMIES, RegionEconomy, TierAssessment, TieringFeatures
from bot.tiering.model import DEFAULT_MODEL_PATH, Band, TieringModel, load_model

__all__ = [
    "DEFAULT_MODEL_PATH",
    "REGION_ECONOMIES",
    "Band",
    "RegionEconomy",
    "TierAssessment",
    "TieringFeatures",
    "TieringModel",
    "assess",
    "default_model",
    "load_model",
]
