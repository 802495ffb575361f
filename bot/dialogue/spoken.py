"""Machine values (``Decimal`` text, ISO dates) as the bot should say them (pure).

The amount borrows the currency wording of the account's ``amount_due`` as the orchestrator
spelled it (``"$1,250"`` -> ``"$200"``, ``"2500元"`` -> ``"200元"``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

Locale = Literal["en", "zh"]

_EN_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_AFFIXES = re.compile(r"^(?P<prefix>[^\d]*)[\d.,\s]*\d(?P<suffix>[^\d]*)$")


def spoken_date(day: date, locale: Locale) -> str:
    """``"December 4"`` (en) or ``"12月4日"`` (zh): promises are weeks ahead, not years."""
    if locale == "zh":
        return f"{day.month}月{day.day}日"
    return f"{_EN_MONTHS[day.month - 1]} {day.day}"


def spoken_amount(amount: str, like: str | None) -> str:
    """``amount`` (e.g. ``"200"``) with the currency prefix/suffix of ``like``, if any."""
    match = _AFFIXES.match(like.strip()) if like else None
    if match is None:
        return amount
    return f"{match.group('prefix')}{amount}{match.group('suffix')}"


def guess_locale(text: str) -> Locale:
    """``"zh"`` if ``text`` has CJK characters, else ``"en"``."""
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"
