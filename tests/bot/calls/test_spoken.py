from __future__ import annotations

from datetime import date
from decimal import Decimal

from bot.calls.spoken import day, disclosed_terms, money


def test_money_per_locale() -> None:
    assert money(Decimal("1250"), "USD", "en") == "$1,250"
    assert money(Decimal("1250.5"), "USD", "en") == "$1,250.50"
    assert money(Decimal("2500"), "CNY", "zh") == "2500元"
    assert money(Decimal("99.999"), "CNY", "zh") == "100元"
    assert money(Decimal("10"), "EUR", "en") == "10 EUR"


def test_day_per_locale() -> None:
    assert day(date(2026, 12, 4), "en") == "December 4"
    assert day(date(2026, 12, 4), "zh") == "12月4日"


def test_disclosed_terms_include_bare_numbers() -> None:
    assert disclosed_terms(creditor="Acme", amount="$1,250", due="December 4", minimum="$50") == (
        "Acme",
        "$1,250",
        "December 4",
        "$50",
        "1,250",
        "50",
    )
    assert disclosed_terms(creditor="华信银行", amount="2500元", due="12月4日") == (
        "华信银行",
        "2500元",
        "12月4日",
        "2500",
    )
