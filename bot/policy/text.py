"""Text normalisation and negation scope, per locale.

English: lower case, contractions expanded (``I'm`` -> ``i am``, ASR's ``dont`` ->
``do not``, Scots ``am no paying`` -> ``am not paying``), fillers dropped, punctuation
turned into a clause boundary ``|``. Chinese: full-width to half-width (NFKC), traditional
to simplified (``zhconv``), fillers dropped, punctuation turned into a clause boundary (a
space); words come from ``jieba``. ASR's spaces between Chinese characters are dropped,
except one after a negation cue that begins a new clause with a person ("我不是 我想死了"):
that one stays a clause boundary.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba
import zhconv

from bot.policy.model import Locale

jieba.setLogLevel(logging.WARNING)
# zhconv's default loader leaves its dictionary file open (a ResourceWarning); an explicit
# path makes it use a ``with`` block.
zhconv.loaddict(str(Path(zhconv.__file__).with_name("zhcdict.json")))

_EN_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[.!?;,:…\n]+")
_EN_SUFFIXES = (("n't", " not"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"))
_EN_SUFFIXES_2 = (("'d", " would"), ("'m", " am"), ("'s", " is"))
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_CJK = r"\u3400-\u9fff"
_ZH_SPACE = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
# A clause after an ASR space that starts with a person is a new clause for negation
_ZH_CHUNK_END = re.compile(r"[^\w]+")
_ZH_SUBJECTS = frozenset("我你他她咱俺")


@dataclass(frozen=True, slots=True)
class TextRules:
    """The locale's normalisation and negation data (from ``common.yml``).

    Attributes:
        locale: The locale.
        negation_cues: Words that negate what follows (``not``, ``不会``).
        negation_transparent: Words allowed between a cue and the phrase it negates.
        negation_exceptions: Strings that contain a cue without negating (``会不会``).
        negation_window: How far back a cue may be (words for en, characters for zh).
        clause_words: Words that end a negation's scope (``but``, ``但是``).
        fillers: Words dropped before matching (``um``, ``嗯``).
        contractions: English spellings and their expansions (``im`` -> ``i am``); for
            Chinese, regional words and their standard Mandarin (``没得`` -> ``没有``),
            replaced in the text before matching, longest first.
    """

    locale: Locale
    negation_cues: tuple[str, ...]
    negation_transparent: frozenset[str]
    negation_exceptions: tuple[str, ...]
    negation_window: int
    clause_words: frozenset[str]
    fillers: tuple[str, ...]
    contractions: Mapping[str, str]


def normalise(text: str, rules: TextRules) -> str:
    """Return the matching surface of ``text``.

    English surfaces are space-separated words wrapped in spaces, with ``|`` for clause
    boundaries; Chinese surfaces are characters with a single space between clauses.
    """
    if rules.locale == "en":
        return _normalise_en(text, rules)
    return _normalise_zh(text, rules)


def _normalise_en(text: str, rules: TextRules) -> str:
    lowered = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    words: list[str] = []
    for token in _EN_TOKEN.findall(lowered):
        if not token[0].isalnum():
            if words and words[-1] != "|":
                words.append("|")
        elif token not in rules.fillers:
            words.extend(expand_contraction(token, rules.contractions).split())
    words = _scots_no(_asr_ill(words))
    clauses = [c.split() for c in " ".join(words).split("|")]
    joined = " | ".join(" ".join(c) for c in _join_staccato(clauses, rules) if c)
    # ASR often splits the reflexive: "kill my self"
    return (" " + joined + " ").replace(" my self ", " myself ")


# Speech recognisers write "I'll" as "ill": "ill pay friday", "ill be dead by then".
_ILL_NEXT = frozenset(
    "be pay sort do call ring send end get have make try take give see go kill just probably "
    "never definitely always need let put transfer check come talk speak phone text email look "
    "deal find ask tell set start stop keep leave die jump hang finish clear settle figure "
    "work wait think sell borrow move only still".split()
)
_ILL_ADJECTIVE_AFTER = frozenset(
    "feel felt feeling feels am is was were been being look looks looked seem seems so very "
    "really quite bit get got getting gets fall fell falling become became seriously terminally "
    "mentally critically chronically gravely too".split()
)


def _asr_ill(words: list[str]) -> list[str]:
    """``ill`` read as ``i will`` before a verb, unless it follows "feel", "got", "very"..."""
    out: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if (
            word == "ill"
            and following in _ILL_NEXT
            and not (out and out[-1] in _ILL_ADJECTIVE_AFTER)
        ):
            out += ["i", "will"]
        else:
            out.append(word)
    return out


# Scots and Northern English say "no" for "not" after an auxiliary: "am no gonna be around",
# "i'm no paying that", "yous'll no be hearing fae me". Only before a verb form, so "i have
# no idea", "it's no use", "i'll no doubt" and "there's no going back" stay as they are.
_NO_AFTER_BE = frozenset("am is are was were".split())
_NO_AFTER_MODAL = frozenset("will would could can should shall might must do does did".split())
_NO_BEFORE_VERB = frozenset(
    "be pay go get see need bother manage last make stand hear take".split()
)
_NOT_A_VERB = frozenset(
    "thing nothing something anything everything king ring string spring wing evening morning "
    "wedding building meeting feeling ceiling pudding clothing sibling darling offspring "
    "cousin margin cabin basin coffin violin".split()
)


def _scots_no(words: list[str]) -> list[str]:
    """``no`` read as ``not`` between an auxiliary and a verb ("am no paying it")."""
    out = list(words)
    for index in range(1, len(words) - 1):
        before, following = words[index - 1], words[index + 1]
        if words[index] != "no" or (index >= 2 and words[index - 2] == "there"):
            continue
        be_verb = (
            before in _NO_AFTER_BE
            and following not in _NOT_A_VERB
            and (following.endswith("ing") or following.endswith("in") and len(following) > 4)
        )
        if be_verb or (before in _NO_AFTER_MODAL and following in _NO_BEFORE_VERB):
            out[index] = "not"
    return out


def _join_staccato(clauses: list[list[str]], rules: TextRules) -> list[list[str]]:
    """Undo punctuation between single words ("Stop. Calling. Me.", "别。再。打。了。").

    A one-word clause joins the next one, unless it is a lone negation cue ("不，我想死"
    must not become "不我想死"); runs of one-word clauses always join.
    """
    out: list[list[str]] = []
    carry: list[str] = []
    for index, clause in enumerate(clauses):
        merged = carry + clause
        following = clauses[index + 1] if index + 1 < len(clauses) else None
        lone = len(clause) == 1 and following is not None
        if lone and (len(following or []) == 1 or carry or clause[0] not in rules.negation_cues):
            carry = merged
        else:
            out.append(merged)
            carry = []
    return out


def expand_contraction(word: str, contractions: Mapping[str, str]) -> str:
    """Expand one English word (``shouldn't`` -> ``should not``)."""
    known = contractions.get(word)
    if known is not None:
        return known
    for suffixes in (_EN_SUFFIXES, _EN_SUFFIXES_2):
        for suffix, replacement in suffixes:
            if word.endswith(suffix) and len(word) > len(suffix):
                return word[: -len(suffix)] + replacement
    return word


def _normalise_zh(text: str, rules: TextRules) -> str:
    folded = zhconv.convert(unicodedata.normalize("NFKC", text).lower(), "zh-cn")
    for variant, standard in rules.contractions.items():  # regional words (longest first)
        folded = folded.replace(variant, standard)
    folded = _ZH_SPACE.sub(lambda space: _asr_space(folded, space, rules), folded)
    for filler in rules.fillers:
        folded = folded.replace(filler, "")
    chars = [ch if ch.isalnum() or ch == " " else " " for ch in folded]
    clauses = [list(clause) for clause in "".join(chars).split()]
    return " ".join("".join(clause) for clause in _join_staccato(clauses, rules))


def _asr_space(text: str, space: re.Match[str], rules: TextRules) -> str:
    """What a space between Chinese characters becomes: nothing, or a clause boundary.

    ASR puts spaces both inside words ("我不 想死") and between clauses ("我不是 我想死了").
    A space is dropped (so phrases match across it) unless a negation cue before it would
    otherwise reach over it into a new clause, one that starts with a person ("我不是 我想
    死了", "钱没有 我想死"). Otherwise a cue still negates across the space ("我不 想死",
    "我不会 去自杀的"); a negated clause that ended ("我不还了 想死") already stops the cue,
    as its last words (了) are not transparent to negation.
    """
    before = _ZH_CHUNK_END.split(text[: space.start()])[-1]
    after = text[space.end() :]
    if not after or not before:
        return ""
    if after[0] in _ZH_SUBJECTS and _has_cue(before[-rules.negation_window :], rules):
        return " "
    return ""


def _has_cue(window: str, rules: TextRules) -> bool:
    """Whether ``window`` holds a negation cue (not inside an exception such as 不知道)."""
    for cue in rules.negation_cues:
        at = window.find(cue)
        while at >= 0:
            if not _inside_exception(window, at, len(cue), rules):
                return True
            at = window.find(cue, at + 1)
    return False


def negation_cue(surface: str, start: int, rules: TextRules, *, strict: bool = True) -> str | None:
    """The cue negating a phrase that starts at ``start`` of ``surface``, if any.

    A cue negates only inside its clause and within the window. Strict scope (used to
    discard a match) also wants every word between cue and phrase to be transparent:
    "I'm not *going to* hurt myself" is negated, "I don't know, I just want to die" is
    not. Loose scope (used by phrases that only count when negated, such as "keep
    living") accepts any words in between: "I don't think I can keep living".
    """
    if rules.locale == "en":
        return _negation_en(surface[:start].split(), rules, strict)
    return _negation_zh(surface[:start].rsplit(" ", 1)[-1], rules, strict)


def _negation_en(before: list[str], rules: TextRules, strict: bool) -> str | None:
    for word in reversed(before[-(rules.negation_window + 1) :]):
        if word == "|" or word in rules.clause_words:
            return None
        if word in rules.negation_cues:
            return word
        if strict and word not in rules.negation_transparent:
            return None
    return None


def _negation_zh(clause: str, rules: TextRules, strict: bool) -> str | None:
    window = clause[-rules.negation_window :]
    for cue in rules.negation_cues:
        at = window.rfind(cue)
        while at >= 0:
            gap = window[at + len(cue) :]
            if not _inside_exception(window, at, len(cue), rules) and (
                _transparent_zh(gap, rules) if strict else _same_clause_zh(gap, rules)
            ):
                return cue
            at = window.rfind(cue, 0, at)
    return None


def _same_clause_zh(gap: str, rules: TextRules) -> bool:
    return not any(word in rules.clause_words for word in _cut(gap))


def _inside_exception(window: str, at: int, size: int, rules: TextRules) -> bool:
    for exception in rules.negation_exceptions:
        found = window.find(exception)
        while found >= 0:
            if found <= at and at + size <= found + len(exception):
                return True
            found = window.find(exception, found + 1)
    return False


def _transparent_zh(gap: str, rules: TextRules) -> bool:
    if not gap:
        return True
    if any(word in rules.clause_words for word in _cut(gap)):
        return False
    return all(word in rules.negation_transparent for word in _cut(gap))


def warm_up() -> None:
    """Load jieba's dictionary now, so no turn pays for it (called with the zh lexicon)."""
    jieba.initialize()


@lru_cache(maxsize=4096)
def _cut(text: str) -> tuple[str, ...]:
    return tuple(jieba.lcut(text, HMM=False))
