"""Score the policy on a labelled development set (used by the test and by hand)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from bot.policy import CallContext, Decision, Turn, decide
from bot.policy.model import CATEGORIES, Locale

DEVSET_DIR = Path(__file__).resolve().parent / "devset"
SAFETY = {"self_harm", "distress"}
BENIGN = {"promise_to_pay", "already_paid", "callback"}


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    expected_action: str
    expected_reasons: frozenset[str]


@dataclass(slots=True)
class Report:
    locale: str
    total: int = 0
    correct_action: int = 0
    tp: dict[str, int] = field(default_factory=dict)
    fp: dict[str, int] = field(default_factory=dict)
    fn: dict[str, int] = field(default_factory=dict)
    safety_total: int = 0
    safety_handoff: int = 0
    benign_total: int = 0
    benign_escalated: int = 0
    cease_total: int = 0
    cease_tagged: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct_action / self.total if self.total else 1.0

    @property
    def safety_recall(self) -> float:
        return self.safety_handoff / self.safety_total if self.safety_total else 1.0

    @property
    def benign_escalation(self) -> float:
        return self.benign_escalated / self.benign_total if self.benign_total else 1.0

    @property
    def cease_recall(self) -> float:
        return self.cease_tagged / self.cease_total if self.cease_total else 1.0

    def precision(self, tag: str) -> float | None:
        found = self.tp.get(tag, 0) + self.fp.get(tag, 0)
        return self.tp.get(tag, 0) / found if found else None

    def recall(self, tag: str) -> float | None:
        wanted = self.tp.get(tag, 0) + self.fn.get(tag, 0)
        return self.tp.get(tag, 0) / wanted if wanted else None

    def table(self) -> str:
        def pct(value: float | None) -> str:
            return "   -  " if value is None else f"{value * 100:5.1f}%"

        lines = [
            f"policy devset [{self.locale}]: {self.total} utterances",
            f"{'category':<16} {'precision':>9} {'recall':>8} {'support':>8}",
        ]
        for tag in CATEGORIES:
            support = self.tp.get(tag, 0) + self.fn.get(tag, 0)
            lines.append(
                f"{tag:<16} {pct(self.precision(tag)):>9} {pct(self.recall(tag)):>8} {support:>8}"
            )
        lines += [
            f"action accuracy                  {pct(self.accuracy)}",
            f"self-harm/distress -> handoff    {pct(self.safety_recall)} ({self.safety_total})",
            f"neutral/promise escalated        {pct(self.benign_escalation)} ({self.benign_total})",
            f"cease_request tagged             {pct(self.cease_recall)} ({self.cease_total})",
        ]
        return "\n".join(lines)


def load_devset(locale: Locale) -> list[Example]:
    path = DEVSET_DIR / f"{locale}.jsonl"
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        item = json.loads(line)
        assert set(item) == {"text", "expected_action", "expected_reasons"}, f"{path}:{number}"
        examples.append(
            Example(item["text"], item["expected_action"], frozenset(item["expected_reasons"]))
        )
    return examples


def evaluate(locale: Locale) -> Report:
    report = Report(locale)
    for example in load_devset(locale):
        decision: Decision = decide(Turn(example.text, locale), CallContext())
        got = set(decision.reasons) & set(CATEGORIES)
        report.total += 1
        if decision.action == example.expected_action:
            report.correct_action += 1
            if got != example.expected_reasons:
                report.misses.append(
                    f"  tags {sorted(example.expected_reasons)} -> {sorted(got)}: {example.text}"
                )
        else:
            report.misses.append(
                f"{example.expected_action}->{decision.action} {sorted(got)}: {example.text}"
            )
        for tag in CATEGORIES:
            wanted, found = tag in example.expected_reasons, tag in got
            key = {(True, True): report.tp, (False, True): report.fp, (True, False): report.fn}
            if wanted or found:
                bucket = key[(wanted, found)]
                bucket[tag] = bucket.get(tag, 0) + 1
        if example.expected_reasons & SAFETY:
            report.safety_total += 1
            report.safety_handoff += decision.action == "handoff"
        if example.expected_action == "continue" and example.expected_reasons <= BENIGN:
            report.benign_total += 1
            report.benign_escalated += decision.action != "continue"
        if "cease_request" in example.expected_reasons:
            report.cease_total += 1
            report.cease_tagged += "cease_request" in decision.reasons
    return report


if __name__ == "__main__":
    import sys

    for locale_arg in sys.argv[1:] or ["en", "zh"]:
        result = evaluate(locale_arg)  # type: ignore[arg-type]
        print(result.table())
        print("\n".join(result.misses))
        print()
