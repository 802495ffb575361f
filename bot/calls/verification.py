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

__all__ = ["confirms_identity", "names_someone_else"]

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


#: "this is Alex", "my name is Alex", "Alex speaking": the word after (or before) is a name.
_EN_SELF_NAMING = re.compile(
    r"\b(?:this is|it is|it's|i am|i'm|my name is|my name's|name's)\s+"
    r"(?:(?:mr|mrs|ms|miss|dr)\.?\s+)?([a-z][a-z'-]*)|\b([a-z][a-z'-]*)\s+(?:here|speaking)\b",
    re.IGNORECASE,
)
#: Capitalised words that are not names.
_NOT_NAMES = frozenset(
    {
        "i", "ok", "okay", "yes", "yeah", "hello", "hi", "sorry", "this", "it", "she", "he",
        "me", "him", "her", "myself", "speaking", "here", "who", "what", "the", "calling",
    }
)  # fmt: skip


def names_someone_else(text: str, locale: str, names: Iterable[str]) -> str | None:
    """The name the caller gives for themself when it is not one of ``names``, else None.

    "Am I speaking with Tyrone Davis?" — "Yes, this is Alex speaking." is not a confirmation,
    whatever the yes: the account must stay locked. A name counts only when the recogniser
    wrote it capitalised (Whisper does; lower-case text gives no way to tell "this is alex"
    from "this is awkward"), so this check can only withhold verification, never grant it.
    English only for now.
    """
    if locale != "en":
        return None
    own = {part for name in names for part in _WORD.findall(_normal(name))}
    for match in _EN_SELF_NAMING.finditer(unicodedata.normalize("NFKC", text)):
        word = match.group(1) or match.group(2)
        if not word[0].isupper() or word.lower() in _NOT_NAMES or word.lower() in own:
            continue
        return word
    return None
