"""K-fold cross-validation of the statistical detector on the development sets.

The detector is trained on k-1 folds and scored on the held-out fold, so its recall there
is an honest estimate of how it generalises to wording it never saw. (The phrase lexicons
were written against the whole development set, so the combined pipeline's held-out
figures are reported too but flatter the lexicons.) ``model_false_adds`` counts held-out
lines without a safety label to which the detector added a tag in the full pipeline (after
the lexicon's negation, idiom and benign-context gates): the price of its recall.

Run by hand: ``.venv/bin/python -m tests.bot.policy.kfold`` (add ``--sweep`` to print
recall and false adds over a grid of safety thresholds and no-concept margins, which is
how the thresholds in ``evidence_model/<locale>.yml`` are chosen).
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.policy import CallContext, Turn
from bot.policy.decide import decide_with
from bot.policy.lexicon import load_lexicon
from bot.policy.model import Locale
from bot.policy.ngram import Concepts, NgramModel, load_concepts, load_everyday, train
from bot.policy.text import normalise
from tests.bot.policy.devset_metrics import BENIGN, SAFETY, Example, load_devset


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
    other_total: int = 0
    model_false_adds: int = 0
    #: held-out everyday talk (``evidence_model/everyday_<locale>.jsonl``) handed over or ended
    everyday_total: int = 0
    everyday_escalated: int = 0

    def line(self) -> str:
        return (
            f"k-fold [{self.locale}] detector-only safety recall "
            f"{self.model_safety_hits}/{self.safety_total} "
            f"({self.model_safety_hits / self.safety_total:.1%}), false adds "
            f"{self.model_false_adds}/{self.other_total} "
            f"({self.model_false_adds / max(1, self.other_total):.1%}); combined: safety "
            f"{self.combined_safety_hits / self.safety_total:.1%}, neutral/promise escalated "
            f"{self.combined_benign_escalated / self.benign_total:.1%}, action accuracy "
            f"{self.combined_correct / self.total:.1%}; everyday talk escalated "
            f"{self.everyday_escalated}/{self.everyday_total}"
        )


def cross_validate(locale: Locale, folds: int = 5, seed: int = 7) -> FoldReport:
    """Train on k-1 folds, score the held-out fold, sum over the folds."""
    examples, surfaces, trained = _folds(locale, load_concepts(locale), folds, seed)
    return _score(locale, examples, surfaces, trained)


def sweep(
    locale: Locale,
    thresholds: Sequence[float],
    margins: Sequence[float],
    folds: int = 5,
    seed: int = 7,
) -> list[tuple[float, float, FoldReport]]:
    """Cross-validate every (safety threshold, no-concept margin) pair; trains k times."""
    concepts = load_concepts(locale)
    examples, surfaces, trained = _folds(locale, concepts, folds, seed)
    out = []
    for threshold in thresholds:
        for margin in margins:
            tuned = replace(concepts, without_concept_margin=margin)
            models = [replace(f, model=_retuned(f.model, tuned, threshold)) for f in trained]
            out.append((threshold, margin, _score(locale, examples, surfaces, models)))
    return out


def fold_of(text: str, folds: int) -> int:
    """The fold a line belongs to: a hash of its text, so adding lines moves no other line."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "big") % folds


@dataclass(frozen=True, slots=True)
class Fold:
    """One fold's model and the lines it never saw (development set indices, everyday talk)."""

    held_out: set[int]
    model: NgramModel
    everyday: tuple[str, ...]


def _folds(
    locale: Locale, concepts: Concepts, folds: int, seed: int
) -> tuple[list[Example], list[str], list[Fold]]:
    rules = load_lexicon(locale).rules
    examples = load_devset(locale)
    surfaces = [normalise(example.text, rules) for example in examples]
    # ``seed`` only rotates which fold is held out first: a line's fold is its text's hash.
    assignment = [(fold_of(example.text, folds) + seed) % folds for example in examples]
    everyday = load_everyday(locale)
    everyday_fold = [(fold_of(text, folds) + seed) % folds for text in everyday]
    trained = []
    for fold in range(folds):
        held_out = {i for i, f in enumerate(assignment) if f == fold}
        rows = [
            (surfaces[i], example.expected_reasons)
            for i, example in enumerate(examples)
            if i not in held_out
        ]
        rows += [
            (normalise(text, rules), frozenset())
            for text, f in zip(everyday, everyday_fold, strict=True)
            if f != fold
        ]
        unseen = tuple(t for t, f in zip(everyday, everyday_fold, strict=True) if f == fold)
        trained.append(Fold(held_out, train(rows, concepts), unseen))
    return examples, surfaces, trained


def _retuned(model: NgramModel, concepts: Concepts, threshold: float) -> NgramModel:
    return replace(model, concepts=concepts, safety=replace(model.safety, threshold=threshold))


def _score(
    locale: Locale,
    examples: list[Example],
    surfaces: list[str],
    trained: list[Fold],
) -> FoldReport:
    safety = hits = combined = benign = escalated = correct = other = false_adds = 0
    everyday = everyday_escalated = 0
    for fold in trained:
        model = fold.model
        for text in fold.everyday:
            everyday += 1
            everyday_escalated += decide_with(Turn(text, locale), CallContext(), model).action in (
                "handoff",
                "end_call",
            )
        for i in fold.held_out:
            example = examples[i]
            decision = decide_with(Turn(example.text, locale), CallContext(), model)
            correct += decision.action == example.expected_action
            if example.expected_reasons & SAFETY:
                safety += 1
                hits += bool(model.added_tags(surfaces[i]))
                combined += decision.action == "handoff"
            else:
                other += 1
                false_adds += any(e.source == "model" for e in decision.evidence)
            if example.expected_action == "continue" and example.expected_reasons <= BENIGN:
                benign += 1
                escalated += decision.action != "continue"
    return FoldReport(
        locale,
        safety,
        hits,
        combined,
        benign,
        escalated,
        len(examples),
        correct,
        other,
        false_adds,
        everyday,
        everyday_escalated,
    )


if __name__ == "__main__":
    for loc in ("en", "zh"):
        if "--sweep" in sys.argv:
            grid = sweep(loc, (0.0, 1.0, 2.0, 3.0, 4.0), (4.0, 6.0))
            for threshold, margin, report in grid:
                print(f"threshold {threshold:4.1f} margin {margin:4.1f}: {report.line()}")
        else:
            print(cross_validate(loc).line())
