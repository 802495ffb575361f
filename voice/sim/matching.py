"""Keyword matching that survives ASR errors.

A wrong letter, a dropped or extra word, traditional characters for simplified ones: the
persona's phrase still matches. Mandarin is also compared by sound: ASR errors in Mandarin are
mostly homophones or near-homophones (欠款 heard as 前款, 是我 as 是哦), so the heard text and
the phrase are both turned into toneless pinyin with the usual confusable initials and finals
merged (zh/z, ch/c, sh/s, -ng/-n, l/n), and the better of the two similarities counts.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

import zhconv
from pypinyin import Style, lazy_pinyin

THRESHOLD = 0.8
"""Similarity (difflib ratio) a window of the heard text needs to count as the phrase."""

_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)


@cache
def _load_zhconv() -> None:
    # zhconv's default loader leaves its dictionary file open (a ResourceWarning); loading
    # the same file by path goes through a ``with open`` and fills the same global table.
    zhconv.loaddict(str(Path(zhconv.__file__).with_name("zhcdict.json")))


def normalise(text: str, locale: str) -> str:
    """Lower case, no punctuation, single spaces; Mandarin in simplified characters, unspaced."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _PUNCTUATION.sub(" ", text)
    if locale == "zh":
        _load_zhconv()
        return str(zhconv.convert(re.sub(r"\s+", "", text), "zh-cn"))
    return " ".join(text.split())


def _units(text: str, locale: str) -> list[str]:
    return list(text) if locale == "zh" else text.split()


def similarity(heard: str, phrase: str, locale: str) -> float:
    """Best difflib ratio between ``phrase`` and any window of ``heard`` of about its length.

    Windows of the phrase's length in words (characters for Mandarin), one shorter and one
    longer are tried, so one dropped or inserted word still matches. Mandarin is compared
    both by characters and by sound (see :func:`sound`).
    """
    said, want = _units(normalise(heard, locale), locale), _units(normalise(phrase, locale), locale)
    if locale != "zh":
        return _best_window(said, want, " ")
    return max(_best_window(said, want, ""), _best_window(sound(heard), sound(phrase), None))


_CONFUSABLE = (
    (re.compile(r"^([zcs])h"), r"\1"),
    (re.compile(r"ng$"), "n"),
    (re.compile(r"^l"), "n"),
)


def _fuzzy_syllable(syllable: str) -> str:
    for pattern, replacement in _CONFUSABLE:
        syllable = pattern.sub(replacement, syllable)
    return syllable


def sound(text: str) -> list[str]:
    """Mandarin ``text`` as toneless pinyin syllables with confusable sounds merged.

    Characters with no pinyin (Latin letters, digits) are kept as they are, one unit each.
    """
    units: list[str] = []
    for piece in lazy_pinyin(normalise(text, "zh"), style=Style.NORMAL, errors="default"):
        if piece.isascii() and not piece.isalpha():
            units.extend(piece)
        else:
            units.append(_fuzzy_syllable(piece))
    return units


def _best_window(said: list[str], want: list[str], joiner: str | None) -> float:
    """Best ratio of ``want`` against windows of ``said``.

    With a ``joiner`` the units are joined and compared letter by letter; with None they
    are compared as whole units (pinyin syllables: a short phrase must match every
    syllable, or two-syllable keywords would match half the sentences heard).
    """
    if not said or not want:
        return 0.0
    best = 0.0
    for size in {max(1, len(want) - 1), len(want), len(want) + 1}:
        for start in range(max(1, len(said) - size + 1)):
            window = said[start : start + size]
            if joiner is None:
                matcher = SequenceMatcher(None, window, want, autojunk=False)
            else:
                matcher = SequenceMatcher(None, joiner.join(window), joiner.join(want), False)
            best = max(best, matcher.ratio())
    return best


def matches(heard: str, phrase: str, locale: str, threshold: float = THRESHOLD) -> bool:
    """True when ``phrase`` (fuzzily) occurs in ``heard``."""
    return similarity(heard, phrase, locale) >= threshold
