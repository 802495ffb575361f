"""Does the caller's own wording confirm who they are? (a check on top of the NLU's intent)

The account unlocks only when the dialogue model reads a turn as a confident identity
confirmation. A speech recogniser fed noise or a mumble can still produce a few words the
model maps to "affirm" with high confidence (a Mandarin mumble heard as 语语 was classified
``affirm`` at 0.94 in a recorded call). This check asks for the words themselves: some
affirmative or self-identifying word must be in the turn, or the person's own name. It can
only withhold verification, never grant it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["confirms_identity"]

_EN_WORDS = frozenset(
    {
        "yes", "yeah", "yep", "yup", "ya", "yea", "yah", "aye", "si", "speaking", "correct",
        "right", "sure", "indeed", "exactly", "absolutely", "definitely", "certainly",
        "affirmative", "mhm", "uh-huh", "me", "myself", "he", "she", "him", "her", "i'm",
    }
)  # fmt: skip
_EN_PHRASES = (
    "i am", "uh huh", "mm hmm", "of course", "my name", "account holder", "the one",
    "you got", "you've got", "talking to", "speaking to", "this is",
)  # fmt: skip
_ZH_MARKS = (
    "是", "对", "嗯", "本人", "没错", "就是", "我就", "在听", "正是", "找我", "恩", "系",
)  # fmt: skip

_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower().replace("’", "'")


def confirms_identity(text: str, locale: str, names: Iterable[str] = ()) -> bool:
    """True when ``text`` holds an affirmative or self-identifying word, or one of ``names``.

    Args:
        text: The caller's turn as heard.
        locale: ``zh`` or ``en``.
        names: The person's names (full name, given name, family name) as on the account.
    """
    said = _normal(text)
    for name in names:
        wanted = _normal(name).strip()
        if wanted and wanted in said:
            return True
    if locale == "zh":
        return any(mark in said for mark in _ZH_MARKS)
    words = _WORD.findall(said)
    if any(word in _EN_WORDS for word in words):
        return True
    joined = " ".join(words)
    return any(re.search(rf"\b{re.escape(phrase)}\b", joined) for phrase in _EN_PHRASES)
