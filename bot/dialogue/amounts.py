"""Money amounts from what a caller said.

Examples: ``"two thousand five hundred"``, ``"$2,500.50"``, ``"500 bucks"``, ``"两千五百"``,
``"五百块"``, ``"1.5万"``.

Pure functions, no I/O. Numbers that belong to a date or a duration (``"the 15th"``,
``"in 3 days"``, ``"15号"``, ``"下周五"``, ``"三天后"``) are not amounts. When several
candidates remain, one with a currency word wins, otherwise the largest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from bot.dialogue.numerals import ENGLISH_NUMBER_WORDS, chinese_to_int, english_words_to_int

_EN_TOKEN = re.compile(r"\$|\d[\d,]*(?:\.\d+)?|[a-z]+")
_EN_CURRENCY_AFTER: Final = frozenset({"dollars", "dollar", "bucks", "buck", "usd", "euros"})
_EN_SCALE_AFTER: Final = {"k": 1000, "grand": 1000, "thousand": 1000, "hundred": 100}
_EN_MONTHS: Final = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_EN_NOT_AMOUNT_AFTER: Final = frozenset(
    {"st", "nd", "rd", "th", "day", "days", "week", "weeks", "month", "months", "year", "years"}
    | {"am", "pm", "o", "oclock", "percent"}
    | _EN_MONTHS
)

_ZH_RUN = re.compile(
    r"[¥￥]?(\d+(?:\.\d+)?[万千百]?|[0-9零〇一幺二两三四五六七八九十拾百佰千万亿]+)"
    r"(块钱|块|元|人民币|万)?"
)
_ZH_NOT_AMOUNT_AFTER: Final = (
    "号",
    "日",
    "月",
    "天",
    "周",
    "个月",
    "个星期",
    "星期",
    "年",
    "点",
    "岁",
)
_ZH_NOT_AMOUNT_BEFORE: Final = ("周", "星期", "礼拜", "月")


@dataclass(frozen=True, slots=True)
class _Candidate:
    value: Decimal
    has_currency: bool


def parse_amount(text: str) -> Decimal | None:
    """Find the money amount in an utterance, English or Mandarin.

    Args:
        text: ASR text or an entity value, e.g. ``"i can pay five hundred on friday"``.

    Returns:
        The amount (``Decimal("500")``), or ``None`` when no amount was said.
    """
    if _is_chinese(text):
        candidates = _chinese_candidates(text)
    else:
        candidates = _english_candidates(text.lower())
    if not candidates:
        return None
    with_currency = [c for c in candidates if c.has_currency]
    pool = with_currency or candidates
    return max(c.value for c in pool)


def format_amount(amount: Decimal) -> str:
    """Render an amount for a slot: ``"2500"`` for whole numbers, else two decimals."""
    if amount == amount.to_integral_value():
        return str(amount.quantize(Decimal(1)))
    return str(amount.quantize(Decimal("0.01")))


def _english_candidates(text: str) -> list[_Candidate]:
    tokens = _EN_TOKEN.findall(text.replace("'", ""))
    out: list[_Candidate] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        value: Decimal | None = None
        start = i
        if token[0].isdigit():
            value = Decimal(token.replace(",", ""))
            i += 1
            if i < len(tokens) and tokens[i] in _EN_SCALE_AFTER:
                value *= _EN_SCALE_AFTER[tokens[i]]
                i += 1
        elif token in ENGLISH_NUMBER_WORDS or (
            token == "a" and i + 1 < len(tokens) and tokens[i + 1] in ("hundred", "thousand")
        ):
            words: list[str] = []
            while i < len(tokens) and (
                tokens[i] in ENGLISH_NUMBER_WORDS
                or tokens[i] == "a"
                or (tokens[i] == "and" and words and _next_is_number_word(tokens, i))
            ):
                words.append(tokens[i])
                i += 1
            number = english_words_to_int(words)
            value = Decimal(number) if number is not None else None
        else:
            i += 1
            continue
        before = tokens[start - 1] if start > 0 else ""
        after = tokens[i] if i < len(tokens) else ""
        if value is None or after in _EN_NOT_AMOUNT_AFTER or before in _EN_MONTHS:
            continue
        if before == "the" and value <= 31:
            continue  # "the 15" as ASR writes "the 15th"
        has_currency = before == "$" or after in _EN_CURRENCY_AFTER
        out.append(_Candidate(value, has_currency))
    return out


def _next_is_number_word(tokens: list[str], i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1] in ENGLISH_NUMBER_WORDS


def _chinese_candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    for match in _ZH_RUN.finditer(text):
        run, unit = match.group(1), match.group(2) or ""
        after = text[match.end(1) :]
        before = text[: match.start()]
        if unit == "" and after.startswith(_ZH_NOT_AMOUNT_AFTER):
            continue
        if before.endswith(_ZH_NOT_AMOUNT_BEFORE):
            continue
        value = _chinese_run_value(run)
        if value is None:
            continue
        if unit == "万":
            value *= 10_000
        has_currency = unit in ("块钱", "块", "元", "人民币") or match.group(0)[0] in "¥￥"
        out.append(_Candidate(value, has_currency))
    return out


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _chinese_run_value(run: str) -> Decimal | None:
    decimal_with_unit = re.fullmatch(r"(\d+(?:\.\d+)?)([万千百]?)", run)
    if decimal_with_unit:
        number = Decimal(decimal_with_unit.group(1))
        scale = {"万": 10_000, "千": 1000, "百": 100, "": 1}[decimal_with_unit.group(2)]
        return number * scale
    value = chinese_to_int(run)
    return Decimal(value) if value is not None else None
