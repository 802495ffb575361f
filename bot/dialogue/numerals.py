"""Spoken numbers, as ASR writes them, to integers: English words and Chinese numerals.

Pure functions, no I/O. Used by :mod:`bot.dialogue.amounts` and :mod:`bot.dialogue.dates`.

Chinese follows the spoken conventions callers use on the phone: ``两千五百`` = 2500,
colloquial ``三千五`` = 3500 and ``一万二`` = 12000 (a trailing digit right after a unit
counts in the next lower unit), ``一千零五`` = 1005, ``十五`` = 15, and digits may mix with
units (``2千5``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

CHINESE_DIGITS: Final[dict[str, int]] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "幺": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CHINESE_SMALL_UNITS: Final[dict[str, int]] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000}
CHINESE_BIG_UNITS: Final[dict[str, int]] = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMBER_CHARS: Final[frozenset[str]] = frozenset(
    [*CHINESE_DIGITS, *CHINESE_SMALL_UNITS, *CHINESE_BIG_UNITS, *"0123456789"]
)

ENGLISH_UNITS: Final[dict[str, int]] = {
    "zero": 0,
    "oh": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
ENGLISH_TENS: Final[dict[str, int]] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ENGLISH_SCALES: Final[dict[str, int]] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
ENGLISH_NUMBER_WORDS: Final[frozenset[str]] = frozenset(
    [*ENGLISH_UNITS, *ENGLISH_TENS, *ENGLISH_SCALES]
)


def _digit_value(ch: str) -> int | None:
    if ch in CHINESE_DIGITS:
        return CHINESE_DIGITS[ch]
    if "0" <= ch <= "9":
        return ord(ch) - ord("0")
    return None


def chinese_to_int(text: str) -> int | None:
    """Convert a run of Chinese numerals (possibly mixed with ASCII digits) to an integer.

    Args:
        text: Only numeral characters, e.g. ``"两千五百"``, ``"一万二"``, ``"2千5"``.

    Returns:
        The value, or ``None`` when ``text`` is empty or holds anything else.
    """
    if not text or any(ch not in CHINESE_NUMBER_CHARS for ch in text):
        return None
    total = 0
    section = 0
    number = 0
    last_unit = 0
    after_unit = False  # the previous character was a unit (colloquial "三千五")
    after_zero = False  # a 零 was said since the last unit ("一千零五")
    for ch in text:
        digit = _digit_value(ch)
        if digit is not None:
            if after_unit or number == 0:
                number = digit
            else:
                number = number * 10 + digit  # digit strings such as "2500" or "二五"
            after_zero = after_zero or digit == 0
            after_unit = False
            continue
        if ch in CHINESE_SMALL_UNITS:
            unit = CHINESE_SMALL_UNITS[ch]
            section += (number or (1 if unit == 10 else 0)) * unit
        elif ch == "万":
            unit = 10_000
            total += (section + number) * unit
            section = 0
        else:
            unit = CHINESE_BIG_UNITS[ch]
            total = (total + section + number) * unit
            section = 0
        number = 0
        last_unit = unit
        after_unit = True
        after_zero = False
    if number and last_unit >= 100 and not after_zero and _ends_with_digit_after_unit(text):
        number *= last_unit // 10
    return total + section + number


def _ends_with_digit_after_unit(text: str) -> bool:
    return (
        len(text) >= 2
        and _digit_value(text[-1]) is not None
        and (text[-2] in CHINESE_SMALL_UNITS or text[-2] in CHINESE_BIG_UNITS)
    )


def english_words_to_int(words: Sequence[str]) -> int | None:
    """Convert English number words to an integer.

    Args:
        words: Lower-case tokens such as ``["two", "thousand", "five", "hundred"]``;
            ``"and"`` and a leading ``"a"`` (``"a hundred"``) are allowed.

    Returns:
        The value, or ``None`` if a token is not a number word or nothing was said.
    """
    total = 0
    current = 0
    seen = False
    for i, word in enumerate(words):
        if word == "and" and seen:
            continue
        if word == "a" and i + 1 < len(words) and words[i + 1] in ENGLISH_SCALES:
            current = max(current, 1)
            continue
        if word in ENGLISH_UNITS:
            current += ENGLISH_UNITS[word]
        elif word in ENGLISH_TENS:
            current += ENGLISH_TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in ENGLISH_SCALES:
            total += max(current, 1) * ENGLISH_SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None
