"""The anchor index only skips phrases that could not have matched.

The index picks, per turn, the phrases worth trying from the words (English) or characters
(Chinese) the turn holds (:mod:`bot.policy.anchors`). These tests check the anchors the
phrase syntax yields, and that no phrase of the shipped lexicons that matches a turn is ever
left out: over every labelled line in the repository, and over random turns made of wordings
of the lexicon's own phrases.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.policy.anchors import AnchorIndex
from bot.policy.lexicon import Lexicon, Phrase, load_lexicon, phrase_lists
from bot.policy.model import Locale
from bot.policy.patterns import parse_phrase
from bot.policy.text import normalise

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("pattern", "anchors"),
    [
        ("kill myself", {"myself"}),  # the longest word: the rarest
        ("i (want|wish) to die", {"want", "wish"}),  # a group whose options all anchor
        ("[really] want to die", {"want"}),  # an optional part anchors nothing
        ("suicid~", {"suicid~"}),  # a stem anchors as a prefix
        ("don't * care", {"care"}),  # contractions expand: "do not" are words too
        ("can't go on", {"cannot"}),
        ("i (will|) pay #", {"pay"}),  # an empty option makes the group optional
    ],
)
def test_anchors_are_words_every_match_holds(pattern: str, anchors: set[str]) -> None:
    regex, found = parse_phrase(pattern, "en", {"don't": "do not", "can't": "cannot"})
    assert found == frozenset(anchors)


@pytest.mark.parametrize("pattern", ["#", "# [pounds|dollars]", "(#|[a] #)"])
def test_a_phrase_without_required_words_has_no_anchors(pattern: str) -> None:
    assert parse_phrase(pattern, "en", {})[1] is None


@pytest.mark.parametrize(
    ("pattern", "anchors"),
    [
        ("(不想|不愿)活", {"活"}),  # the group's options share only common characters
        ("我*3跳楼", {"跳"}),  # the least common character of a literal
        ("(跳河|上吊)", {"跳", "吊"}),
    ],
)
def test_chinese_anchors_are_characters(pattern: str, anchors: set[str]) -> None:
    assert parse_phrase(pattern, "zh", {})[1] == frozenset(anchors)


def test_a_phrase_without_anchors_is_always_tried() -> None:
    index = AnchorIndex.build([[None, frozenset({"die"})]])
    assert index.candidates([]).by_list == {0: (0,)}
    assert index.candidates(["die"]).by_list == {0: (0, 1)}


def test_candidates_follow_words_and_prefixes() -> None:
    index = AnchorIndex.build(
        [[frozenset({"die"}), frozenset({"suicid~"})], [frozenset({"pay", "paid"})]]
    )
    assert index.candidates(["i", "want", "to", "die"]).by_list == {0: (0,)}
    assert index.candidates(["suicidal", "paid"]).by_list == {0: (1,), 1: (0,)}
    assert index.candidates(["suici"]).by_list == {}


@cache
def _phrases(locale: Locale) -> tuple[Lexicon, list[tuple[int, int, Phrase]]]:
    lexicon = load_lexicon(locale)
    listed = phrase_lists(lexicon.idioms, lexicon.detectors)
    return lexicon, [
        (number, index, phrase)
        for number, phrases in enumerate(listed)
        for index, phrase in enumerate(phrases)
    ]


def _missed(text: str, locale: Locale) -> list[str]:
    # phrases that match the turn but that the index would not try
    lexicon, phrases = _phrases(locale)
    surface = normalise(text, lexicon.rules)
    could = lexicon.index.candidates(surface.split() if locale == "en" else surface)
    return [
        phrase.pattern
        for number, index, phrase in phrases
        if phrase.regex.search(surface) and index not in could.by_list.get(number, ())
    ]


def _labelled_lines(locale: Locale) -> list[str]:
    files = [
        *sorted((REPO / "tests" / "bot" / "policy").rglob(f"{locale}*.jsonl")),
        REPO / "bot" / "policy" / "evidence_model" / f"everyday_{locale}.jsonl",
        REPO / "bot" / "policy" / "evidence_model" / f"training_{locale}.jsonl",
    ]
    lines = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                lines.append(json.loads(line)["text"])
    return lines


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_every_phrase_that_matches_a_labelled_line_is_tried(locale: Locale) -> None:
    lines = _labelled_lines(locale)
    assert len(lines) > 4000
    missed = {text: found for text in lines if (found := _missed(text, locale))}
    assert missed == {}


_GROUP = re.compile(r"[(\[]([^()\[\]]*)[)\]]")


def _realise(pattern: str, data: st.DataObject) -> str:
    # one wording a phrase matches: an option per group (innermost first), gaps left empty
    while (group := _GROUP.search(pattern)) is not None:
        options = group.group(1).split("|")
        if group.group(0).startswith("["):
            options.append("")
        chosen = data.draw(st.sampled_from(options))
        pattern = pattern[: group.start()] + f" {chosen} " + pattern[group.end() :]
    for mark, spoken in (("~", "al"), ("#", "20"), ("*", " "), ("^", " "), ("$", " ")):
        pattern = pattern.replace(mark, spoken)
    return pattern.replace("/", ",")


@pytest.mark.parametrize("locale", ["en", "zh"])
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_every_phrase_that_matches_a_turn_made_of_phrases_is_tried(
    locale: Locale, data: st.DataObject
) -> None:
    _, phrases = _phrases(locale)
    chosen = data.draw(st.lists(st.sampled_from(phrases), min_size=1, max_size=4))
    turn = " ".join(_realise(phrase.pattern, data) for _, _, phrase in chosen)
    assert _missed(turn, locale) == []
