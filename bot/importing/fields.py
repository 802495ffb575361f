"""Parsers for single cells. Each returns a typed value or raises :class:`FieldError`.

Messages quote the offending cell (shortened to 40 characters) and say what is expected;
the row validator prefixes them with the column.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

import phonenumbers

from bot.importing.columns import DateOrder

MAX_AMOUNT = Decimal("1000000000")


class FieldError(ValueError):
    """A cell cannot be read; the message is the problem in plain words."""


def show(text: str) -> str:
    """A cell as it appears in messages: quoted, at most 40 characters."""
    short = text if len(text) <= 40 else text[:37] + "..."
    return '"' + short.replace('"', "'") + '"'


def clean(text: str) -> str:
    """NFKC (full-width digits and signs become ASCII) and trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def text_value(raw: str, limit: int) -> str:
    """A free-text cell: trimmed, no control characters, at most ``limit`` characters."""
    value = raw.strip()
    if len(value) > limit:
        raise FieldError(f"is longer than {limit} characters")
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise FieldError(f"{show(value)} contains control characters")
    return value


_PHONE_REASONS = {
    phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: "no or unknown country code",
    phonenumbers.NumberParseException.NOT_A_NUMBER: "not a number",
    phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: "too short",
    phonenumbers.NumberParseException.TOO_SHORT_NSN: "too short",
    phonenumbers.NumberParseException.TOO_LONG: "too long",
}


def phone(raw: str, country: str | None) -> phonenumbers.PhoneNumber:
    """Parse a phone number with the row's country (``None``: it must start with ``+``)."""
    value = clean(raw)
    try:
        number = phonenumbers.parse(value, country)
    except phonenumbers.NumberParseException as exc:
        reason = _PHONE_REASONS.get(exc.error_type, "not a phone number")
        raise FieldError(f"{show(value)} is not a phone number ({reason})") from None
    if not phonenumbers.is_valid_number(number):
        where = phonenumbers.region_code_for_country_code(number.country_code or 0)
        raise FieldError(f"{show(value)} is not a valid {where} number")
    return number


_CURRENCY_MARKS = (
    ("US$", "USD"),
    ("USD", "USD"),
    ("$", "USD"),
    ("RMB", "CNY"),
    ("CNY", "CNY"),
    ("¥", "CNY"),
    ("元", "CNY"),
)
_AMOUNT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")


def amount(raw: str) -> tuple[Decimal, str | None]:
    """An amount >= 0 with at most 2 decimals, and the currency its symbol implies.

    Accepts ``1234.5``, ``1,234.50``, ``¥1234``, ``￥1,234``, ``$1,234``, ``1234元``,
    ``RMB 1234``, ``USD 12``. Rejects negatives, NaN/infinity and more than 2 decimals.
    """
    value = clean(raw)
    if not value:
        raise FieldError("is empty")
    rest = value.upper()
    symbol = None
    for mark, code in _CURRENCY_MARKS:
        if rest.startswith(mark) or rest.endswith(mark):
            symbol = code
            rest = rest.removeprefix(mark) if rest.startswith(mark) else rest.removesuffix(mark)
            break
    rest = rest.strip()
    if rest.startswith(("-", "−")) or (rest.startswith("(") and rest.endswith(")")):
        raise FieldError(f"{show(value)} is negative")
    match = _AMOUNT.fullmatch(rest)
    if not match:
        raise FieldError(f"{show(value)} is not an amount (e.g. 1234.50)")
    if match.group(2) and len(match.group(2)) > 3:
        raise FieldError(f"{show(value)} has more than 2 decimal places")
    try:
        number = Decimal(rest.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise FieldError(f"{show(value)} is not an amount (e.g. 1234.50)") from None
    if number > MAX_AMOUNT:
        raise FieldError(f"{show(value)} is too large (over 1,000,000,000)")
    return number.quantize(Decimal("0.01")), symbol


_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?")
_YMD_ZH = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_XY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def due_date(raw: str, order: DateOrder | None) -> date:
    """A date, year first or year last.

    Year first: ``2026-11-30``, ``2026/11/30``, ``20261130``, ``2026年11月30日``; year last:
    ``30/11/2026``, ``11/30/2026``.

    Year-last dates are read by value when one of the first two numbers is above 12; when
    both are 12 or less (``03/04/2026``) and differ, the mapping's ``date_order`` decides and
    without it the cell is rejected as ambiguous rather than guessed.
    """
    value = clean(raw)
    if match := _YMD.fullmatch(value) or _YMD_ZH.fullmatch(value) or _COMPACT.fullmatch(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _XY.fullmatch(value):
        first, second, year = (int(part) for part in match.groups())
        if first > 12 or (second <= 12 and (first == second or order == "dmy")):
            day, month = first, second
        elif second > 12 or order == "mdy":
            month, day = first, second
        else:
            raise FieldError(
                f"{show(value)} is ambiguous (day/month or month/day?): "
                "write YYYY-MM-DD or set date_order in the mapping file"
            )
    else:
        raise FieldError(f"{show(value)} is not a date (use YYYY-MM-DD)")
    if not 1900 <= year <= 2100:
        raise FieldError(f"{show(value)} has a year outside 1900..2100")
    try:
        return date(year, month, day)
    except ValueError:
        raise FieldError(f"{show(value)} is not a real date") from None


_TRUE = {"1", "true", "t", "yes", "y", "是", "有", "对"}
_FALSE = {"0", "false", "f", "no", "n", "否", "无", "没有"}


def boolean(raw: str) -> bool:
    """``yes``/``no`` in the usual spellings (``1``, ``true``, ``Y``, ``是``, ``否``, ...)."""
    value = clean(raw).lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise FieldError(f"{show(value)} is not yes/no (use true or false)")


def whole(raw: str, limit: int) -> int:
    """A whole number ``0..limit`` (``12`` or ``12.0``)."""
    value = clean(raw)
    try:
        number = float(value)
    except ValueError:
        raise FieldError(f"{show(value)} is not a whole number") from None
    if not math.isfinite(number) or number != int(number):
        raise FieldError(f"{show(value)} is not a whole number")
    if number < 0:
        raise FieldError(f"{show(value)} is negative")
    if number > limit:
        raise FieldError(f"{show(value)} is above {limit}")
    return int(number)


def ratio(raw: str, limit: float) -> float:
    """A ratio ``0..limit`` written as ``0.35`` or ``35%``."""
    value = clean(raw)
    percent = value.endswith("%")
    try:
        number = float(value.removesuffix("%").strip())
    except ValueError:
        raise FieldError(f"{show(value)} is not a number (e.g. 0.35 or 35%)") from None
    if not math.isfinite(number):
        raise FieldError(f"{show(value)} is not a number (e.g. 0.35 or 35%)")
    if percent:
        number /= 100
    if number < 0:
        raise FieldError(f"{show(value)} is negative")
    if number > limit:
        raise FieldError(f"{show(value)} is above {limit:g} ({limit * 100:g}%)")
    return number


def token(raw: str, synonyms: dict[str, str]) -> str:
    """A category word: lower-case, spaces and hyphens as ``_``, Chinese labels translated."""
    value = clean(raw)
    if value in synonyms:
        return synonyms[value]
    value = re.sub(r"[\s\-]+", "_", value.lower())
    if len(value) > 40 or any(unicodedata.category(ch) == "Cc" for ch in value):
        raise FieldError(f"{show(value)} is not a category word")
    return value
