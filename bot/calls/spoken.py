"""Account details as the bot speaks them (and as the output guard must recognise them)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

_SYMBOLS = {"USD": "$", "CNY": "", "RMB": ""}


def money(amount: Decimal, currency: str, locale: str) -> str:
    """``$1,250`` / ``$1,250.50`` in English, ``1250元`` / ``1250.50元`` in Mandarin."""
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole = cents == cents.to_integral_value()
    if locale == "zh":
        number = f"{cents:.0f}" if whole else f"{cents:.2f}"
        return f"{number}元"
    number = f"{cents:,.0f}" if whole else f"{cents:,.2f}"
    symbol = _SYMBOLS.get(currency.upper(), "")
    return f"{symbol}{number}" if symbol else f"{number} {currency.upper()}"


def day(value: date, locale: str) -> str:
    """``December 4`` in English, ``12月4日`` in Mandarin."""
    if locale == "zh":
        return f"{value.month}月{value.day}日"
    return f"{value:%B} {value.day}"


def disclosed_terms(
    *, creditor: str, amount: str, due: str, minimum: str | None = None
) -> tuple[str, ...]:
    """The strings the guard must keep from anyone but the verified debtor."""
    terms = [creditor, amount, due]
    if minimum:
        terms.append(minimum)
    # The bare number too ("1,250" without the symbol, "1250" without 元).
    for text in (amount, minimum or ""):
        digits = text.strip("$元 ").split(" ")[0]
        if digits and digits not in terms:
            terms.append(digits)
    return tuple(t for t in terms if t)
