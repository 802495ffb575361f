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


#: Common Chinese family names: a self-introduction ("我是李雷") names someone only when it
#: starts with one (so "我是他老婆", "我是本人" are not names).
_ZH_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤"
)
#: "我是李雷" / "我叫李雷" / "我姓李": a family name, at most two more characters, then the
#: clause ends (so "我是马上要还" or "我是周末发工资" name nobody).
_ZH_SELF_NAMING = re.compile(
    r"(?:我是|我叫|我姓|我就是|本人是|这里是)([\u4e00-\u9fff]{1,3}?)"
    r"(?:先生|女士|小姐|本人)?(?=$|[\s，。！？、,.!?~啊呀呢吧哈嘛啦])"
)
#: Characters no given name is made of in running speech ("我是钱不够" is not a name).
_ZH_NOT_IN_NAMES = frozenset("不没的了是在要会能想说还都也就吧吗呢啊个这那他她你我们")


def _zh_other_name(text: str, names: Iterable[str]) -> str | None:
    own = {char for name in names for char in name}
    for match in _ZH_SELF_NAMING.finditer(unicodedata.normalize("NFKC", text)):
        named = match.group(1)
        if named[0] not in _ZH_SURNAMES or any(c in _ZH_NOT_IN_NAMES for c in named):
            continue
        if named[0] in own:
            continue  # the account's family name ("我是王女士", "我姓王")
        return named
    return None


def names_someone_else(text: str, locale: str, names: Iterable[str]) -> str | None:
    """The name the caller gives for themself when it is not one of ``names``, else None.

    "Am I speaking with Tyrone Davis?" — "Yes, this is Alex speaking." is not a confirmation,
    whatever the yes: the account must stay locked. This check can only withhold
    verification, never grant it. English: a name counts only when the recogniser wrote it
    capitalised (Whisper does; lower-case text gives no way to tell "this is alex" from
    "this is awkward"). Mandarin: a self-introduction that starts with a common family name
    other than the account's ("对，我是李雷" to "请问是王芳吗？").
    """
    if locale == "zh":
        return _zh_other_name(text, names)
    if locale != "en":
        return None
    own = {part for name in names for part in _WORD.findall(_normal(name))}
    for match in _EN_SELF_NAMING.finditer(unicodedata.normalize("NFKC", text)):
        word = match.group(1) or match.group(2)
        if not word[0].isupper() or word.lower() in _NOT_NAMES or word.lower() in own:
            continue
        return word
    return None
