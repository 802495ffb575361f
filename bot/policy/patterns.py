"""The small phrase syntax compliance officers write in the lexicon files.

A phrase is a sequence of items:

* a word (English) or characters (Chinese): ``kill myself``, ``不想活``;
  an English word ending in ``~`` matches any ending (``suicid~``: suicide, suicidal);
  ``#`` matches a number written in digits (``pay # dollars``);
* ``(a|b c|)`` one of several alternatives, an empty one making the group optional;
* ``[a b|c]`` optional alternatives;
* ``*`` a gap of up to 3 words (English) or 4 characters (Chinese), ``*N`` up to N;
  a gap never skips a negation cue ("I will * pay" does not match "I will not pay");
* ``^`` / ``$`` the start / end of a clause;
* ``/`` a clause boundary (punctuation) between two parts of a phrase, ``[/]`` an optional
  one: ``number [/] just curious`` matches "how did you get this number? just curious" and
  its unpunctuated ASR form.

Matching runs on normalised text (see :mod:`bot.policy.text`): English phrases match whole
words and contractions are expanded on both sides (``don't`` = ``do not``); Chinese phrases
are converted to simplified characters. A gap never crosses a clause boundary; only ``/`` does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

import zhconv

from bot.policy.model import Locale
from bot.policy.text import expand_contraction

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})

_EN_GAP = 3
_ZH_GAP = 4


class PatternError(ValueError):
    """A phrase does not follow the syntax; the message says where."""


#: Words (English) or characters (Chinese) of which a turn must hold at least one for a phrase
#: to match it (``"suicid~"``: any word starting so), or None when the phrase names none
#: (``# [pounds]``).
Anchors = frozenset[str] | None


def compile_phrase(
    pattern: str,
    locale: Locale,
    contractions: Mapping[str, str],
    cues: tuple[str, ...] = (),
    exceptions: tuple[str, ...] = (),
) -> re.Pattern[str]:
    """Compile one phrase to a regular expression over normalised text (see ``parse_phrase``)."""
    return parse_phrase(pattern, locale, contractions, cues, exceptions)[0]


def parse_phrase(
    pattern: str,
    locale: Locale,
    contractions: Mapping[str, str],
    cues: tuple[str, ...] = (),
    exceptions: tuple[str, ...] = (),
) -> tuple[re.Pattern[str], Anchors]:
    """Compile one phrase to a regular expression over normalised text, with its anchors.

    Args:
        pattern: The phrase as written in the lexicon.
        locale: Selects English (word) or Chinese (character) matching.
        contractions: English contraction expansions applied to the phrase's words.
        cues: Negation cues a gap may not skip.
        exceptions: Strings holding a cue that a gap may skip (``是不是``).

    Returns:
        The compiled expression (for English it expects the text surrounded by spaces) and
        the phrase's anchors: English words (Chinese characters) one of which every match
        holds, chosen among those the phrase cannot do without (the longest words, the
        least common characters: the rarest such choice).

    Raises:
        PatternError: Unbalanced brackets, an empty phrase or an unknown character.
    """
    text = unicodedata.normalize("NFKC", pattern).lower().strip()
    if locale == "zh":
        text = zhconv.convert(text, "zh-cn")
    else:
        text = text.replace("-", " ").translate(_QUOTES)
    if not text:
        raise PatternError("empty phrase")
    parser = _Parser(text, locale, contractions, cues, exceptions)
    body, keys = parser.sequence(top=True)
    if parser.pos != len(text):
        raise PatternError(f'unexpected "{text[parser.pos]}" at column {parser.pos + 1}')
    if not body:
        raise PatternError("phrase matches nothing")
    if locale == "en":
        body += "(?= )"
    regex = re.compile(body)
    if regex.fullmatch(" " if locale == "en" else "") or regex.match("  "):
        raise PatternError("phrase can match empty text (an empty alternative?)")
    return regex, keys


# Characters that most Chinese turns hold (function words, "call", "money", "pay"): a
# phrase is better anchored by any other character it needs.
_COMMON_ZH = (
    "我了不你在的一这个还是就们好上下说没人去要再想都子有来能过话得那后里给吧家么点事以他"
    "会真到着也把多跟已手啊开行出走等最发快完大什用几吗呢儿自头回嗯地怎道看时打电钱款号"
)


def _commonness(char: str) -> int:
    position = _COMMON_ZH.find(char)
    return len(_COMMON_ZH) - position if position >= 0 else 0


def _selectivity(keys: frozenset[str]) -> tuple[int, int, int]:
    return (min(map(len, keys)), -max(map(_commonness, keys)), -len(keys))


class _Parser:
    def __init__(
        self,
        text: str,
        locale: Locale,
        contractions: Mapping[str, str],
        cues: tuple[str, ...],
        exceptions: tuple[str, ...],
    ) -> None:
        self.text = text
        self.locale = locale
        self.contractions = contractions
        self.pos = 0
        escaped = "|".join(re.escape(cue) for cue in sorted(cues, key=len, reverse=True))
        if locale == "en":
            self.no_cue = f"(?! (?:{escaped}) )" if cues else ""
        else:
            self.no_cue = f"(?!{escaped})" if cues else ""
        self.skippable = "".join(f"{re.escape(item)}|" for item in exceptions)

    def sequence(self, *, top: bool = False) -> tuple[str, Anchors]:
        parts: list[str] = []
        anchors: list[frozenset[str]] = []
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == " ":
                self.pos += 1
            elif char == "(":
                self.pos += 1
                regex, keys = self.group(")")
                parts.append(regex)
                if keys is not None:
                    anchors.append(keys)
            elif char == "[":
                self.pos += 1
                parts.append(self.group("]")[0] + "?")  # optional: anchors nothing
            elif char == "*":
                parts.append(self.gap())
            elif char == "^":
                self.pos += 1
                parts.append(r"(?:(?<=^)|(?<=\|))" if self.locale == "en" else r"(?:^|(?<= ))")
            elif char == "$":
                self.pos += 1
                parts.append(r"(?= \|| $)" if self.locale == "en" else r"(?= |$)")
            elif char == "/":
                self.pos += 1
                parts.append(r" \|" if self.locale == "en" else " ")
            elif char in ")|]":
                if top:
                    raise PatternError(f'unbalanced "{char}" at column {self.pos + 1}')
                break
            else:
                regex, word_keys = self.word()
                parts.append(regex)
                if word_keys is not None:
                    anchors.append(word_keys)
        # every anchor set is required; the one whose shortest word is longest filters best
        # (English), else the one of the least common characters (Chinese)
        best = max(anchors, key=_selectivity, default=None)
        return "".join(parts), best

    def group(self, close: str) -> tuple[str, Anchors]:
        options = [self.sequence()]
        while self.pos < len(self.text) and self.text[self.pos] == "|":
            self.pos += 1
            options.append(self.sequence())
        self.expect(close)
        regex = "(?:" + "|".join(option for option, _ in options) + ")"
        # a match holds one option's anchors: all options must have some
        if any(keys is None for _, keys in options):
            return regex, None
        return regex, frozenset().union(*(keys for _, keys in options if keys is not None))

    def expect(self, char: str) -> None:
        if self.pos >= len(self.text) or self.text[self.pos] != char:
            raise PatternError(f'missing "{char}" at column {self.pos + 1}')
        self.pos += 1

    def gap(self) -> str:
        self.pos += 1
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos].isdigit():
            self.pos += 1
        digits = self.text[start : self.pos]
        if self.locale == "en":
            size = int(digits) if digits else _EN_GAP
            return f"(?:{self.no_cue} [^ |]+){{0,{size}}}"
        size = int(digits) if digits else _ZH_GAP
        return f"(?:{self.skippable}{self.no_cue}[^ ]){{0,{size}}}"

    def word(self) -> tuple[str, Anchors]:
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] not in " ()[]|*^$/":
            self.pos += 1
        raw = self.text[start : self.pos]
        if raw == "#":
            return (" " if self.locale == "en" else "") + "[0-9][0-9,.]*", None
        if self.locale == "zh":
            # regional words are read as the turn's are ("咋" is matched as "怎么")
            for variant, standard in self.contractions.items():
                raw = raw.replace(variant, standard)
            # any character of the literal will do: the least common one
            return re.escape(raw), frozenset({min(raw, key=_commonness)})
        stem = raw.endswith("~")
        word = raw.removesuffix("~")
        if not re.fullmatch(r"[a-z0-9']+", word):
            raise PatternError(f'"{raw}" is not a word (letters, digits, apostrophe)')
        expanded = expand_contraction(word, self.contractions).split()
        regex = "".join(" " + re.escape(piece) for piece in expanded)
        # the longest whole word it spells; the stemmed last piece only as a prefix
        pieces = expanded[:-1] if stem and len(expanded) > 1 else expanded
        anchor = max(pieces, key=len) if not stem or len(expanded) > 1 else expanded[-1] + "~"
        return regex + ("[a-z0-9']*" if stem else ""), frozenset({anchor})
