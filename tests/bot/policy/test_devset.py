"""The issue's targets on the labelled development sets (a hidden set measures them too)."""

from __future__ import annotations

import pytest

from bot.policy.model import Locale
from tests.bot.policy.devset_metrics import evaluate, load_devset


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_devset_meets_targets(locale: Locale, capsys: pytest.CaptureFixture[str]) -> None:
    report = evaluate(locale)
    with capsys.disabled():
        print("\n" + report.table())
        for miss in report.misses:
            print("  miss:", miss)
    assert report.total >= 170
    assert report.safety_total >= 30
    assert report.safety_recall == 1.0, report.misses
    assert report.benign_escalation <= 0.10, report.misses
    assert report.cease_recall >= 0.90, report.misses
    assert report.accuracy >= 0.85, report.misses


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_devset_is_varied(locale: Locale) -> None:
    examples = load_devset(locale)
    texts = [example.text for example in examples]
    assert len(set(texts)) == len(texts), "duplicate utterances"
    actions = {example.expected_action for example in examples}
    assert actions == {"continue", "hardship", "handoff", "end_call"}
    tags = set().union(*(example.expected_reasons for example in examples))
    assert {"self_harm", "distress", "cease_request", "wrong_party", "third_party"} <= tags
    # ASR-style lines: no punctuation at all
    bare = [t for t in texts if not any(not ch.isalnum() and not ch.isspace() for ch in t)]
    assert len(bare) >= 40
