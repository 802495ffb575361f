"""Structural checks of the NLU data (no Rasa needed), plus one real train-and-evaluate run."""

from __future__ import annotations

import json
import os
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

import jieba
import pytest
import yaml

from tests.dialogue_nlu.nlu_files import (
    DIALOGUES,
    ENTITY_INTENTS,
    INTENTS,
    LOCALES,
    REPO_ROOT,
    Example,
    heldout_examples,
    heldout_file,
    normalise,
    parse_example,
    training_examples,
    training_files,
)

MIN_TRAINING = 25
MIN_HELDOUT = 8
# ASR output carries no sentence punctuation; apostrophes inside English words are fine.
FORBIDDEN_PUNCTUATION = set('.,?!;:。，？！；：、…"“”')

jieba.setLogLevel(60)


def all_nlu_files() -> list[Path]:
    return [path for locale in LOCALES for path in [*training_files(locale), heldout_file(locale)]]


@pytest.mark.parametrize("path", all_nlu_files(), ids=lambda p: str(p.relative_to(DIALOGUES)))
def test_file_is_rasa_3_1_nlu_yaml(path: Path) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert document["version"] == "3.1"
    assert isinstance(document["nlu"], list) and document["nlu"]
    for item in document["nlu"]:
        assert set(item) == {"intent", "examples"}, item
        assert isinstance(item["examples"], str)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_intent_has_enough_training_examples(locale: str) -> None:
    counts = Counter(ex.intent for ex in training_examples(locale))
    assert set(counts) == INTENTS
    thin = {intent: n for intent, n in counts.items() if n < MIN_TRAINING}
    assert thin == {}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_intent_has_enough_heldout_examples(locale: str) -> None:
    counts = Counter(ex.intent for ex in heldout_examples(locale))
    assert set(counts) == INTENTS
    thin = {intent: n for intent, n in counts.items() if n < MIN_HELDOUT}
    assert thin == {}


@pytest.mark.parametrize("locale", LOCALES)
def test_heldout_lines_never_appear_in_training(locale: str) -> None:
    training = {normalise(ex.text): ex for ex in training_examples(locale)}
    leaked = [
        f"{ex.where} {ex.text!r} == {training[normalise(ex.text)].where}"
        for ex in heldout_examples(locale)
        if normalise(ex.text) in training
    ]
    assert leaked == []


@pytest.mark.parametrize("locale", LOCALES)
def test_no_example_is_given_two_intents(locale: str) -> None:
    intents: dict[str, set[str]] = defaultdict(set)
    where: dict[str, list[str]] = defaultdict(list)
    for ex in [*training_examples(locale), *heldout_examples(locale)]:
        intents[normalise(ex.text)].add(ex.intent)
        where[normalise(ex.text)].append(f"{ex.where} ({ex.intent})")
    conflicts = [where[key] for key, names in intents.items() if len(names) > 1]
    assert conflicts == []


@pytest.mark.parametrize("locale", LOCALES)
def test_no_duplicate_examples(locale: str) -> None:
    for examples in (training_examples(locale), heldout_examples(locale)):
        counts = Counter(normalise(ex.text) for ex in examples)
        assert [text for text, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_examples_are_written_like_asr_output(locale: str) -> None:
    offenders = [
        f"{ex.where} {ex.text!r}"
        for ex in [*training_examples(locale), *heldout_examples(locale)]
        if FORBIDDEN_PUNCTUATION & set(ex.text) or (locale == "en" and ex.text != ex.text.lower())
    ]
    assert offenders == []


@pytest.mark.parametrize("locale", LOCALES)
def test_entities_are_known_and_only_where_expected(locale: str) -> None:
    misplaced = [
        f"{ex.where} {span.name} in {ex.intent}"
        for ex in [*training_examples(locale), *heldout_examples(locale)]
        for span in ex.spans
        if ex.intent not in ENTITY_INTENTS.get(span.name, frozenset())
    ]
    assert misplaced == []


@pytest.mark.parametrize("locale", LOCALES)
def test_every_entity_is_taught(locale: str) -> None:
    taught = Counter(span.name for ex in training_examples(locale) for span in ex.spans)
    assert set(taught) == set(ENTITY_INTENTS)
    assert min(taught.values()) >= 15, taught


def _misaligned(example: Example) -> list[str]:
    tokens = list(jieba.tokenize(example.text))
    starts = {start for _, start, _ in tokens}
    ends = {end for _, _, end in tokens}
    return [
        f"{example.where} [{span.text}]({span.name}) vs {[word for word, _, _ in tokens]}"
        for span in example.spans
        if span.start not in starts or span.end not in ends
    ]


def test_zh_entity_spans_are_whole_jieba_tokens() -> None:
    examples = [*training_examples("zh"), *heldout_examples("zh")]
    assert sum(len(ex.spans) for ex in examples) > 50
    problems = [problem for ex in examples for problem in _misaligned(ex)]
    assert problems == []


def test_alignment_check_catches_a_split_token() -> None:
    # "我下周五" segments as 我下 / 周五, so an entity on 下周五 cannot be learned.
    text, spans = parse_example("我[下周五](date)还")
    bad = Example("promise_to_pay", "", text, spans, REPO_ROOT / "x.yml", 1)
    assert len(_misaligned(bad)) == 1
    text, spans = parse_example("[下周五](date)我还")
    assert _misaligned(Example("promise_to_pay", "", text, spans, REPO_ROOT / "x.yml", 1)) == []


def test_parse_example_returns_plain_text_and_spans() -> None:
    text, spans = parse_example("i can pay [two hundred dollars](amount) on [friday](date)")
    assert text == "i can pay two hundred dollars on friday"
    assert [(s.start, s.end, s.name, s.text) for s in spans] == [
        (10, 29, "amount", "two hundred dollars"),
        (33, 39, "date", "friday"),
    ]


def _rasa() -> Path:
    venv = Path(os.environ.get("KINDCALL_RASA_VENV", REPO_ROOT / ".venv-rasa"))
    return venv / "bin" / "rasa"


@pytest.mark.rasa
@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_zh_heldout_intent_accuracy_at_least_90_percent(tmp_path: Path) -> None:
    rasa = _rasa()
    if not rasa.exists():
        pytest.skip(f"Rasa venv not installed at {rasa} (make setup creates it)")
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2")

    def run(*args: str) -> None:
        proc = subprocess.run(
            [str(rasa), *args], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]

    run(
        "train",
        "nlu",
        "--config",
        str(DIALOGUES / "config-zh.yml"),
        "--nlu",
        str(DIALOGUES / "data" / "nlu" / "zh"),
        "--out",
        str(tmp_path / "models"),
        "--fixed-model-name",
        "nlu-zh",
    )
    run(
        "test",
        "nlu",
        "--nlu",
        str(heldout_file("zh")),
        "--model",
        str(tmp_path / "models" / "nlu-zh.tar.gz"),
        "--out",
        str(tmp_path / "results"),
        "--no-plot",
    )
    report = json.loads((tmp_path / "results" / "intent_report.json").read_text())
    assert report["macro avg"]["support"] == len(heldout_examples("zh"))
    assert report["accuracy"] >= 0.90
