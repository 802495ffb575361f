"""Accuracy of a transcript against a reference: word accuracy (en), character accuracy (zh).

Both sides are normalised first so that formatting is not counted as an error: case and
punctuation are dropped, English digits are spelled out (``$200`` → "two hundred dollars"),
Mandarin digits become hanzi (``500`` → 五百) and 两 counts as 二. Accuracy is
``1 - edit_distance / len(reference)``, floored at 0, over words (en) or characters (zh).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from voice.locale import language_of

__all__ = ["accuracy", "edit_distance", "normalise", "spell_en", "spell_zh"]

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def spell_en(number: int) -> str:
    """Spell a non-negative integer below a billion in English words."""
    if number < 20:
        return _ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return _TENS[tens] + (f" {_ONES[ones]}" if ones else "")
    for size, name in ((1_000_000, "million"), (1000, "thousand"), (100, "hundred")):
        if number >= size:
            high, rest = divmod(number, size)
            return f"{spell_en(high)} {name}" + (f" {spell_en(rest)}" if rest else "")
    raise AssertionError(number)


def _ordinal_en(number: int) -> str:
    words = spell_en(number).split()
    last = words[-1]
    if last in _ORDINAL:
        words[-1] = _ORDINAL[last]
    elif last.endswith("y"):
        words[-1] = last[:-1] + "ieth"
    else:
        words[-1] = last + "th"
    return " ".join(words)


_ZH_DIGITS = "零一二三四五六七八九"


def spell_zh(number: int) -> str:
    """Write a non-negative integer below 10^8 in hanzi (500 → 五百, 1500 → 一千五百)."""
    if number < 10:
        return _ZH_DIGITS[number]
    if number >= 10_000:
        high, rest = divmod(number, 10_000)
        tail = "" if not rest else ("零" if rest < 1000 else "") + spell_zh(rest)
        return spell_zh(high) + "万" + tail
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            if zero and out:
                out += "零"
            out += _ZH_DIGITS[digit] + unit
            zero = False
        else:
            zero = True
    return out[1:] if out.startswith("一十") else out


_EN_MONEY = re.compile(r"\$\s?(\d[\d,]*)(?:\.(\d{2}))?")
_EN_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_EN_NUMBER = re.compile(r"\d[\d,]*")
_EN_KEEP = re.compile(r"[^a-z' ]+")
_ZH_NUMBER = re.compile(r"\d+")
_ZH_DROP = re.compile(r"[\s\W_]+", re.UNICODE)


def normalise(text: str, locale: str) -> list[str]:
    """Tokens to compare: words for English, characters for Mandarin."""
    if language_of(locale) == "en":
        text = text.lower()
        text = _EN_MONEY.sub(lambda m: f"{m.group(1)} dollars", text)
        text = _EN_ORDINAL.sub(lambda m: _ordinal_en(int(m.group(1))), text)
        text = _EN_NUMBER.sub(lambda m: f" {spell_en(int(m.group(0).replace(',', '')))} ", text)
        text = text.replace("-", " ").replace("’", "'")
        return _EN_KEEP.sub(" ", text).split()
    text = _ZH_NUMBER.sub(lambda m: spell_zh(int(m.group(0))), text)
    text = text.replace("两", "二")
    return list(_ZH_DROP.sub("", text))


def edit_distance(reference: Sequence[str], hypothesis: Sequence[str]) -> int:
    """Levenshtein distance between two token sequences."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, 1):
        current = [i]
        for j, hyp in enumerate(hypothesis, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref != hyp)))
        previous = current
    return previous[-1]


def accuracy(reference: str, hypothesis: str, locale: str) -> tuple[int, int]:
    """Return (errors, reference length) in words (en) or characters (zh).

    Summing both over a set and computing ``1 - errors / length`` gives the set's accuracy.
    """
    ref = normalise(reference, locale)
    hyp = normalise(hypothesis, locale)
    return edit_distance(ref, hyp), len(ref)
