"""Text clean-up before offline synthesis.

espeak-ng (also Piper's phonemiser) reads ``$200`` as "dollar two hundred" and reads the
character 还 as *hái* ("still") everywhere, also where a debt is repaid (*huán*). Neither
is acceptable in a payment call, so the offline engines pass text through these fixes.
edge-tts normalises text itself and gets it unchanged.
"""

from __future__ import annotations

import re

from voice.locale import Language

__all__ = ["SENTENCE_GAP_MS", "for_espeak", "normalise_currency", "sentences"]

SENTENCE_GAP_MS = 250
"""Silence between two sentences of one line (Piper's own pause, used when joining)."""

_DOLLARS = re.compile(r"\$\s?(\d[\d,]*(?:\.\d{1,2})?)")
_YUAN = re.compile(r"[¥￥]\s?(\d[\d,]*(?:\.\d{1,2})?)")
# 还 is read huán (repay) before money words or amounts and after 归/偿; hái otherwise.
# A sentence ends at . ? ! (followed by space and a capital, so "7 p.m. today" and "$1.50"
# stay whole) or at 。？！ (the ideographic enders need no space).
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z\"'“‘])|(?<=[。？！])\s*(?=\S)")
_HUAN = re.compile(r"(?<=[归偿])还|还(?=[款钱清债贷上了\d零一二两三四五六七八九十百千万])")


def normalise_currency(text: str, language: Language) -> str:
    """Spell currency symbols as words after the amount (``$200`` → ``200 dollars``)."""
    if language == "en":
        return _DOLLARS.sub(lambda m: f"{m.group(1)} dollars", text)
    return _YUAN.sub(lambda m: f"{m.group(1)}元", text)


def for_espeak(text: str, language: Language) -> str:
    """Prepare text for espeak-ng's ``en-us`` or ``cmn-latn-pinyin`` voice.

    The Mandarin voice reads Latin text as pinyin, so the repay sense of 还 becomes
    ``huan2``; "还有" (still have) keeps *hái*.
    """
    text = normalise_currency(text, language)
    if language == "zh":
        text = _HUAN.sub(" huan2 ", text)
    return text


def sentences(text: str) -> list[str]:
    """Split a line into its sentences, punctuation kept (one item when there is one)."""
    parts = [part.strip() for part in _SENTENCE_END.split(text.strip())]
    return [part for part in parts if part] or [text]
