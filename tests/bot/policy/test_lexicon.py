from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.errors import DataFileError
from bot.policy.guard import load_guard
from bot.policy.lexicon import load_lexicon
from bot.policy.model import CATEGORIES, Locale
from bot.policy.patterns import PatternError, compile_phrase
from bot.policy.text import normalise


def replace_line(path: Path, old: str, new: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(lines):
        if line == old:
            lines[index] = new
            path.write_text("\n".join(lines), encoding="utf-8")
            return index + 1
    raise AssertionError(f"{old!r} not in {path}")


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_shipped_lexicons_cover_every_category(locale: Locale) -> None:
    lexicon = load_lexicon(locale)
    assert sorted(d.category for d in lexicon.detectors) == sorted(CATEGORIES)
    assert all(d.phrases for d in lexicon.detectors)
    guard = load_guard(locale)
    assert {kind for kind, _ in guard.forbidden} == {
        "threat",
        "insult",
        "third_party_contact",
        "false_legal",
    }


def test_bad_phrase_names_file_and_line(lexicon_copy: Path) -> None:
    path = lexicon_copy / "en" / "self_harm.yml"
    line = replace_line(path, "  - suicid~", "  - (suicid~")
    with pytest.raises(DataFileError) as caught:
        load_lexicon("en", lexicon_copy)
    assert str(caught.value) == f'{path}:{line}: phrase "(suicid~": missing ")" at column 9'
    assert (caught.value.path, caught.value.line) == (str(path), line)


def test_invalid_yaml_names_file_and_line(lexicon_copy: Path) -> None:
    path = lexicon_copy / "zh" / "hardship.yml"
    line = replace_line(path, "category: hardship", "category: [hardship")
    with pytest.raises(DataFileError, match=re.escape(f"{path}:")) as caught:
        load_lexicon("zh", lexicon_copy)
    assert caught.value.line is not None and caught.value.line >= line


def test_unknown_category_weight_and_key_are_rejected(lexicon_copy: Path) -> None:
    path = lexicon_copy / "en" / "callback.yml"
    line = replace_line(path, "category: callback", "category: call_back")
    with pytest.raises(
        DataFileError, match=rf"callback.yml:{line}: unknown category \"call_back\""
    ):
        load_lexicon("en", lexicon_copy)
    replace_line(path, "category: call_back", "category: callback")
    line = replace_line(path, "threshold: 0.5", "threshold: 2")
    with pytest.raises(DataFileError, match=rf"callback.yml:{line}: threshold must be a number"):
        load_lexicon("en", lexicon_copy)
    replace_line(path, "threshold: 2", "treshold: 0.5")
    with pytest.raises(
        DataFileError, match=rf'callback.yml:{line}: callback.yml: unknown key "treshold"'
    ):
        load_lexicon("en", lexicon_copy)


def test_weighted_phrase_out_of_range(lexicon_copy: Path) -> None:
    path = lexicon_copy / "en" / "refusal.yml"
    line = replace_line(
        path,
        '  - {pattern: "no thanks", weight: 0.35}',
        '  - {pattern: "no thanks", weight: 1.5}',
    )
    with pytest.raises(DataFileError, match=rf"refusal.yml:{line}: weight must be a number within"):
        load_lexicon("en", lexicon_copy)


def test_guard_rejects_a_safe_alternative_that_would_be_blocked(lexicon_copy: Path) -> None:
    path = lexicon_copy / "en" / "guard.yml"
    text = path.read_text(encoding="utf-8")
    old = "  forbidden: \"I'm sorry, let me put that differently."
    assert old in text
    path.write_text(text.replace(old, '  forbidden: "You owe $50. Sorry,'), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"guard.yml:\d+: safe alternative forbidden would be"):
        load_guard("en", lexicon_copy)


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("want (to|", 'missing ")" at column 10'),
        ("want ] die", 'unbalanced "]" at column 6'),
        ("(a|)", "phrase can match empty text (an empty alternative?)"),
        ("kill|hurt myself", 'unbalanced "|" at column 5'),
        ("kill my-self!", '"self!" is not a word'),
    ],
)
def test_phrase_syntax_errors(pattern: str, message: str) -> None:
    with pytest.raises(PatternError, match=re.escape(message)):
        compile_phrase(pattern, "en", {})


def test_phrase_syntax_matches_words_contractions_gaps_and_stems() -> None:
    regex = compile_phrase("don't want to (live|go on) * anymore", "en", {"dont": "do not"})
    assert regex.search(" i do not want to go on like this anymore ")
    assert not regex.search(" i do not want to live | anymore ")
    stem = compile_phrase("suicid~", "en", {})
    assert stem.search(" feeling suicidal ")
    assert not stem.search(" asuicidal ")
    gap = compile_phrase("i will * pay", "en", {}, cues=("not",))
    assert gap.search(" i will soon pay ")
    assert not gap.search(" i will not pay ")
    zh = compile_phrase("(我|我们)*3(会|能)还", "zh", {}, cues=("不",), exceptions=("是不是",))
    assert zh.search("我们下周会还")
    assert not zh.search("我不会还")


def test_a_chinese_phrase_in_regional_words_matches_them() -> None:
    # the turn's regional words are read as standard ones before matching; so are a phrase's
    rules = load_lexicon("zh").rules
    assert rules.contractions.get("咋") == "怎么"
    regex = compile_phrase("爱咋咋地", "zh", rules.contractions)
    assert regex.search(normalise("你们爱咋咋地吧", rules))
    assert regex.search(normalise("爱怎么怎么地", rules))


def test_clause_end_anchor_is_refused_in_safety_categories(lexicon_copy: Path) -> None:
    path = lexicon_copy / "en" / "self_harm.yml"
    line = replace_line(path, "  - suicid~", "  - i give up $")
    with pytest.raises(
        DataFileError, match=rf'self_harm.yml:{line}: phrase "i give up \$": "\$" is'
    ):
        load_lexicon("en", lexicon_copy)
