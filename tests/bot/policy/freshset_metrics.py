"""Score the policy on the fresh check set (written after the lexicons, never tuned on).

Each line: ``{"text", "kind"}`` with kind ``safety`` (must hand over), ``neutral`` (must not
be escalated: action ``continue``) or ``cease`` (must carry ``cease_request``).
Run by hand: ``.venv/bin/python -m tests.bot.policy.freshset_metrics``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from bot.policy import CallContext, Turn, decide
from bot.policy.model import Locale

FRESHSET_DIR = Path(__file__).resolve().parent / "freshset"


@dataclass(slots=True)
class FreshReport:
    locale: str
    totals: dict[str, int] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def rate(self, kind: str) -> float:
        return self.hits.get(kind, 0) / self.totals[kind]

    def line(self) -> str:
        return (
            f"fresh [{self.locale}] safety->handoff {self.rate('safety') * 100:5.1f}% "
            f"({self.totals['safety']}), neutral escalated "
            f"{(1 - self.rate('neutral')) * 100:5.1f}% ({self.totals['neutral']}), "
            f"cease tagged {self.rate('cease') * 100:5.1f}% ({self.totals['cease']})"
        )


def load_freshset(locale: Locale) -> list[tuple[str, str]]:
    path = FRESHSET_DIR / f"{locale}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(item["text"], item["kind"]) for item in map(json.loads, lines) if item]


def evaluate_fresh(locale: Locale) -> FreshReport:
    report = FreshReport(locale)
    for text, kind in load_freshset(locale):
        decision = decide(Turn(text, locale), CallContext())
        ok = {
            "safety": decision.action == "handoff",
            "neutral": decision.action == "continue",
            "cease": "cease_request" in decision.reasons,
        }[kind]
        report.totals[kind] = report.totals.get(kind, 0) + 1
        report.hits[kind] = report.hits.get(kind, 0) + ok
        if not ok:
            report.misses.append(f"{kind}: {decision.action} {list(decision.reasons)}: {text}")
    return report


if __name__ == "__main__":
    for loc in ("en", "zh"):
        result = evaluate_fresh(loc)
        print(result.line())
        print("\n".join("  " + miss for miss in result.misses))
