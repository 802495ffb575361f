from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import DataFileError
from voice.sim import list_personas, load_persona, matches, parse_persona, similarity

NAMES = {
    "cooperative_promise",
    "hardship",
    "distress",
    "refusal",
    "cease",
    "wrong_number",
    "third_party",
    "silent",
    "no_answer",
}


def test_every_persona_exists_in_both_locales_and_loads() -> None:
    found = list_personas()
    assert set(found) == {(name, locale) for name in NAMES for locale in ("en", "zh")}
    for name, locale in found:
        persona = load_persona(name, locale)
        assert (persona.name, persona.locale) == (name, locale)
        assert persona.answers is (name != "no_answer")
        assert persona.silent is (name == "silent")
        assert bool(persona.rules) is (name not in ("silent", "no_answer"))


def test_rules_fire_in_order_and_once_unless_repeatable() -> None:
    persona = load_persona("cooperative_promise", "en")
    fired: set[int] = set()
    first = persona.reply_to("Hello, this is Kay. Am I speaking with Alex Morgan?", fired)
    assert first is not None and first.say == "Yes, speaking, that's me."
    fired.add(first.line)
    # Asked again, a person answers again (the identity rule is marked repeat: true).
    again = persona.reply_to("Am I speaking with Alex Morgan?", fired)
    assert again is not None and again.say == first.say
    promise = persona.reply_to("Would you be able to make a payment?", fired)
    assert promise is not None and promise.say == "Yes, I can pay two hundred dollars on Friday."
    fired.add(promise.line)
    assert persona.reply_to("Would you be able to make a payment?", fired) is None
    bye = persona.reply_to("Thank you for your time. Good bye.", fired)
    assert bye is not None and (bye.say, bye.then) == ("Thank you, goodbye.", "hangup")


def test_refusal_repeats_its_refusal() -> None:
    persona = load_persona("refusal", "en")
    fired: set[int] = set()
    for _ in range(3):
        rule = persona.reply_to("We could spread the balance over smaller payments.", fired)
        assert rule is not None and rule.say.startswith("No. I'm not paying")
        fired.add(rule.line)


@pytest.mark.parametrize(
    ("heard", "phrase", "locale", "expected"),
    [
        ("Am I speaking with Alex Morgan?", "speaking with", "en", True),
        ("am i speeking wit alex morgan", "speaking with", "en", True),  # ASR misspellings
        ("Would you be able to make payment?", "make a payment", "en", True),  # dropped word
        ("Thank you for your time. Good bye.", "goodbye", "en", True),  # split word
        ("I can't pay today", "make a payment", "en", False),
        ("What day is it?", "pay", "en", False),
        ("請問是王先生本人嗎？", "本人吗", "zh", True),  # traditional characters
        ("请问是王先生笨人吗", "本人吗", "zh", True),  # one homophone error
        ("谢谢您的时间，再 见。", "再见", "zh", True),
        ("我们今天能约定一个还款日期吗", "全额还款", "zh", False),
        ("关于您的前款，我们聊一下", "欠款", "zh", True),  # every character wrong, same sound
        ("您最金情况怎么样", "最近情况", "zh", True),  # -n / -ng confused
        ("今天天气很好", "欠款", "zh", False),
        ("谢谢您。本次来电是关于欠款的催收", "哪天", "zh", False),  # lai dian is not na tian
        ("我们聊聊别的事", "还款日期", "zh", False),
    ],
)
def test_keyword_matching_tolerates_asr_errors(
    heard: str, phrase: str, locale: str, expected: bool
) -> None:
    assert matches(heard, phrase, locale) is expected


def test_similarity_of_an_exact_phrase_is_one() -> None:
    assert similarity("Please stop calling me.", "stop calling", "en") == 1.0


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "p.yml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_errors_name_the_file_and_line(tmp_path: Path) -> None:
    bad_key = "name: x\nlocale: en\ndescription: d\nrules:\n  - when: [hi]\n    sya: hello\n"
    with pytest.raises(DataFileError) as info:
        parse_persona(bad_key, "p.yml")
    assert str(info.value) == (
        "p.yml:6: unknown rule key 'sya' (allowed: pause_ms, regex, repeat, say, then, when)"
    )
    bad_then = (
        "name: x\nlocale: en\ndescription: d\nrules:\n  - when: hi\n    say: yo\n    then: run\n"
    )
    with pytest.raises(DataFileError, match=r"^p\.yml:7: then must be continue or hangup"):
        parse_persona(bad_then, "p.yml")
    bad_locale = "name: x\nlocale: fr\ndescription: d\n"
    with pytest.raises(DataFileError, match=r"^p\.yml:2: locale must be en or zh, got 'fr'$"):
        parse_persona(bad_locale, "p.yml")
    bad_regex = "name: x\nlocale: en\ndescription: d\nrules:\n  - regex: '(oops'\n    say: yo\n"
    with pytest.raises(DataFileError, match=r"^p\.yml:5: invalid regex '\(oops'"):
        parse_persona(bad_regex, "p.yml")
    bad_yaml = "name: x\nlocale: en\nopening: {say: Hello?, after_ms: 3}\n"
    with pytest.raises(DataFileError, match=r"^p\.yml:3: invalid YAML: expected ',' or '}'"):
        parse_persona(bad_yaml, "p.yml")
    no_trigger = "name: x\nlocale: en\ndescription: d\nrules:\n  - say: yo\n"
    with pytest.raises(DataFileError, match=r"^p\.yml:5: a rule needs when \(phrases\) or regex$"):
        parse_persona(no_trigger, "p.yml")


def test_unknown_persona_lists_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"no persona 'shy' for 'en' \(have: cease_en, "):
        load_persona("shy", "en")


def test_only_questions_get_a_please_repeat() -> None:
    from voice.sim.callee import is_question

    assert is_question("Am I speaking with Ann Lee?")
    assert is_question("请问是王芳本人吗")
    assert is_question("您最近情况怎么样？")
    assert not is_question("This call is recorded for quality and compliance.")
    assert not is_question("您好，本次通话会被录音。")
