"""Generalisation: k-fold held-out recall of the statistical detector, the fresh check set,
and the detector's contract (it only adds safety tags and respects negation and idioms)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.errors import DataFileError
from bot.policy import CallContext, Turn, decide
from bot.policy.decide import decide_with
from bot.policy.model import Locale
from bot.policy.ngram import MODEL_DIR, load_concepts, load_ngram_model
from tests.bot.policy.devset_metrics import DEVSET_DIR
from tests.bot.policy.freshset_metrics import evaluate_fresh
from tests.bot.policy.kfold import cross_validate

# Floors measured at commit time (5 folds, seed 7): en 333/410, zh 339/391.
DETECTOR_HELD_OUT_FLOOR = {"en": 0.81, "zh": 0.86}


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_k_fold_held_out_recall(locale: Locale, capsys: pytest.CaptureFixture[str]) -> None:
    report = cross_validate(locale)
    with capsys.disabled():
        print("\n" + report.line())
    assert report.model_safety_hits / report.safety_total >= DETECTOR_HELD_OUT_FLOOR[locale]
    assert report.combined_safety_hits == report.safety_total
    assert report.combined_benign_escalated / report.benign_total <= 0.10
    assert report.combined_correct / report.total >= 0.85


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_fresh_set(locale: Locale, capsys: pytest.CaptureFixture[str]) -> None:
    report = evaluate_fresh(locale)
    with capsys.disabled():
        print("\n" + report.line())
    # measured: en 39/40, zh 38/40 (lexicons alone, before this detector: 26/40, 30/40);
    # neutral escalated 3/25 each (two are hardship on "payment plan"/"分期" wording)
    assert report.rate("safety") >= 0.95, report.misses
    assert 1 - report.rate("neutral") <= 0.12, report.misses
    assert report.rate("cease") == 1.0, report.misses


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_training_examples_are_the_devset(locale: str) -> None:
    packaged = (MODEL_DIR / f"training_{locale}.jsonl").read_text(encoding="utf-8")
    assert packaged == (DEVSET_DIR / f"{locale}.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "i'm thinking of jumping off the overpass"),
        ("en", "honestly the world would be lighter without me in it"),
        ("zh", "我准备好了绳子"),
        ("zh", "我不想再拖累任何人了我会走的"),
    ],
)
def test_detector_hears_unseen_wording(locale: Locale, text: str) -> None:
    assert decide_with(Turn(text, locale), CallContext(), None).action == "continue"
    decision = decide(Turn(text, locale), CallContext())
    assert decision.action == "handoff"
    assert any(e.source == "model" for e in decision.evidence)


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "i'm not going to hurt myself"),
        ("en", "this traffic is killing me"),
        ("en", "i want to keep living my best life"),
        ("zh", "笑死我了"),
        ("zh", "我不会想不开的"),
    ],
)
def test_detector_respects_negation_and_idioms(locale: Locale, text: str) -> None:
    decision = decide(Turn(text, locale), CallContext())
    assert decision.action == "continue"
    assert not any(e.source == "model" for e in decision.evidence)


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_detector_only_adds(locale: Locale) -> None:
    for line in (DEVSET_DIR / f"{locale}.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        plain = decide_with(Turn(text, locale), CallContext(), None)
        full = decide(Turn(text, locale), CallContext())
        assert set(plain.reasons) <= set(full.reasons), text


def test_detector_adds_only_safety_tags() -> None:
    model = load_ngram_model("en")
    assert {m.tag for m in model.tags} == {"self_harm", "distress"}


def test_bad_concept_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "en.yml").write_text("thresholds: {self_harm: 1}\nconcepts: [a\n", "utf-8")
    with pytest.raises(DataFileError, match=r"en\.yml:\d+"):
        load_concepts("en", tmp_path)
    (tmp_path / "en.yml").write_text("concepts:\n  death: die\n", "utf-8")
    with pytest.raises(DataFileError, match="must be a list"):
        load_concepts("en", tmp_path)
