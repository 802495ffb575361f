"""Find money amounts in a line the bot is about to say (digits, symbols, spoken numbers)."""

from __future__ import annotations

import re

from bot.policy.model import Locale

_EN_NUMBER_WORDS = (
    "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred|thousand|million|and|point|zero|oh"
)
_EN = re.compile(
    r"[$€£¥]\s?\d[\d,]*(?:\.\d+)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:dollars?|bucks|usd|pounds?|quid|gbp|euros?|eur|cents?|rmb|yuan)\b"
    r"|\b(?:usd|us\$|gbp|eur|rmb|cny)\s?\d[\d,]*(?:\.\d+)?"
    rf"|\b(?:(?:{_EN_NUMBER_WORDS})[\s-]+)+(?:dollars?|bucks|pounds?|quid|euros?|cents?|yuan)\b"
    r"|\b\d{1,3}(?:,\d{3})*\.\d{2}\b"
    r"|\b\d{1,3}(?:,\d{3})+\b",
    re.IGNORECASE,
)
_ZH_DIGITS = r"[\d一二三四五六七八九十两百千万亿零〇壹贰叁肆伍陆柒捌玖拾佰仟]"
_ZH = re.compile(
    r"[$¥￥€£]\s?\d[\d,]*(?:\.\d+)?"
    rf"|(?:人民币|rmb|美元|美金|usd|cny)\s?{_ZH_DIGITS}+"
    rf"|{_ZH_DIGITS}[\d一二三四五六七八九十两百千万亿零〇壹贰叁肆伍陆柒捌玖拾佰仟.,点]*\s?"
    r"(?:元|圆|块(?!儿)|美元|美金|毛钱|角|万元|块钱|dollars?|rmb)"
    r"|\d{1,3}(?:,\d{3})*\.\d{2}",
    re.IGNORECASE,
)


def find_amounts(text: str, locale: Locale) -> list[str]:
    """Every money amount in ``text`` (e.g. ``$1,200``, ``fifty dollars``, ``三千元``)."""
    pattern = _EN if locale == "en" else _ZH
    return [match.group(0).strip() for match in pattern.finditer(text)]
