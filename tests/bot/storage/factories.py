"""Small builders of valid import records for storage and campaign tests."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from typing import Any

from bot.importing.records import DebtorRecord
from bot.tiering import TierAssessment, TieringFeatures, assess

FEATURES = TieringFeatures(
    0.8, 40, "credit_card", "B", 1, 0.3, "retail", "average", False, False, False
)


def make_record(n: int, **overrides: Any) -> DebtorRecord:
    """Record number ``n``: a Shanghai debtor with one CNY account."""
    record = DebtorRecord(
        external_id=f"EXT-{n:05d}",
        full_name=f"王小明{n}",
        phone_e164=f"+86138{n:08d}",
        locale="zh",
        timezone="Asia/Shanghai",
        region="CN",
        profile="cn",
        creditor_name="Example Bank",
        account_ref=f"ACC-{n:05d}",
        amount_due=Decimal("1234.50"),
        minimum_due=Decimal("100.00"),
        currency="CNY",
        due_date=date(2026, 9, 30),
        consent=True,
        dnc=False,
        features=FEATURES,
    )
    return dataclasses.replace(record, **overrides)


def assessment_for(record: DebtorRecord) -> TierAssessment:
    return assess(record.features)


def with_tier(tier: int) -> TierAssessment:
    return TierAssessment(tier, 0.5, 0.5, 0.1, False, (f"tier {tier} for the test",))
