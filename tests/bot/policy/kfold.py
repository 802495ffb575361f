"""K-fold cross-validation of the statistical detector on the development sets.

The detector is trained on k-1 folds and scored on the held-out fold, so its recall there
is an honest estimate of how it generalises to wording it never saw. (The phrase lexicons
were written against the whole development set, so the combined pipeline's held-out
figures are reported too but flatter the lexicons.)
Run by hand: ``.venv/bin/python -m tests.bot.policy.kfold``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bot.policy import CallContext, Turn
from bot.policy.decide import decide_with
from bot.policy.lexicon import load_lexicon
from bot.policy.model import Locale
from bot.policy.ngram import load_concepts, train
from bot.policy.text import normalise
from tests.bot.policy.devset_metrics import BENIGN, SAFETY, load_devset


@dataclass(frozen=True, slots=True)
class FoldReport:
    locale: str
    safety_total: int
    model_safety_hits: int
    combined_safety_hits: int
    benign_total: int
    combined_benign_escalated: int
    total: int
    combined_correct: int

    def line(self) -> str:
        return (
            f"k-fold [{self.locale}] detector-only safety recall "
            f"{self.model_safety_hits}/{self.safety_total} "
            f"({self.model_safety_hits / self.safety_total:.1%}); combined: safety "
            f"{self.combined_safety_hits / self.safety_total:.1%}, neutral/promise escalated "
            f"{self.combined_benign_escalated / self.benign_total:.1%}, action accuracy "
            f"{self.combined_correct / self.total:.1%}"
        )


def cross_validate(locale: Locale, folds: int = 5, seed: int = 7) -> FoldReport:
    rules = load_lexicon(locale).rules
    concepts = load_concepts(locale)
    examples = load_devset(locale)
    surfaces = [normalise(example.text, rules) for example in examples]
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    safety = hits = combined = benign = escalated = correct = 0
    for fold in range(folds):
        held_out = set(order[fold::folds])
        model = train(
            [(surfaces[i], examples[i].expected_reasons) for i in order if i not in held_out],
            concepts,
        )
        for i in held_out:
            example = examples[i]
            decision = decide_with(Turn(example.text, locale), CallContext(), model)
            correct += decision.action == example.expected_action
            if example.expected_reasons & SAFETY:
                safety += 1
                hits += bool(model.added_tags(surfaces[i]))
                combined += decision.action == "handoff"
            if example.expected_action == "continue" and example.expected_reasons <= BENIGN:
                benign += 1
                escalated += decision.action != "continue"
    return FoldReport(locale, safety, hits, combined, benign, escalated, len(examples), correct)


if __name__ == "__main__":
    for loc in ("en", "zh"):
        print(cross_validate(loc).line())
