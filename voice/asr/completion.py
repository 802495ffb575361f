"""Does a transcript sound like a finished turn?

Silence alone ends a turn only after ``end_silence_ms`` (500 ms: people pause inside a
thought). Whisper's punctuation follows the speaker's intonation, so a transcript of the
speech before a pause that ends a sentence ("I can pay on Friday.") and does not stop on a
word that carries on ("and", "so", "um", 然后, 就是) lets the turn end sooner; one that
trails off waits for the full silence. ``bench/asr.py --sweep-early`` measures how often
that ends a turn in the middle of a thought.
"""

from __future__ import annotations

import re

from voice.locale import Language

__all__ = ["sounds_finished"]

_FINAL = re.compile(r"[.?!。？！]\s*$")
_WORD = re.compile(r"[a-z']+")

# Words a speaker keeps talking after (conjunctions, fillers, articles, prepositions).
_EN_CARRY_ON = frozenset(
    "and or but so because cause if then um uh er erm hmm like the a an to of my your for "
    "with that which who when while about maybe i i'm it's is was".split()
)
_ZH_CARRY_ON = (
    "然后",
    "但是",
    "可是",
    "还有",
    "就是",
    "那个",
    "这个",
    "因为",
    "所以",
    "如果",
    "而且",
    "或者",
    "不过",
    "嗯",
    "呃",
    "额",
    "啊",
    "的话",
    "比如",
)


def sounds_finished(text: str, language: Language) -> bool:
    """True when ``text`` ends a sentence and does not end on a word that carries on."""
    text = text.strip()
    if not _FINAL.search(text) or text.endswith(("...", "…")):
        return False  # no full stop, or the voice trailed off
    body = text.rstrip(".?!。？！ ")
    if not body or body.endswith((",", "，", "、", "-")):
        return False
    if language == "zh":
        return not body.endswith(_ZH_CARRY_ON)
    words = _WORD.findall(body.lower())
    return bool(words) and words[-1] not in _EN_CARRY_ON
