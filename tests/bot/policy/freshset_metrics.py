"""Score the policy on the fresh check sets (written after the lexicons).

``<locale>.jsonl`` was written before the statistical detector; ``<locale>_blind2.jsonl``
after it, and measured before any tuning (en 24/30, zh 27/30 safety; 1/20 neutral
escalated each); a few concept terms were added after that measurement. ``_blind8`` (60
safety, 70 neutral, 20 cease per locale) was written by people who never saw the policy
and measured before the round that followed it (see ``test_eighth_blind_set``); ``_blind9``
likewise (``test_ninth_blind_set``).
Each line: ``{"text", "kind"}`` with kind ``safety`` (must hand over), ``neutral`` (must not
be escalated: action ``continue``) or ``cease`` (must carry ``cease_request``). ``_blind10``
to ``_blind21`` also carry ``escalate`` (handoff), ``hardship`` and ``party`` (end_call)
lines and name each line's ``expected`` action (``test_blind_sets_with_every_action``).
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
    name: str = ""
    totals: dict[str, int] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def rate(self, kind: str) -> float:
        return self.hits.get(kind, 0) / self.totals[kind]

    @property
    def accuracy(self) -> float:
        """Share of all lines that got their expected action."""
        return sum(self.hits.values()) / sum(self.totals.values())

    def line(self) -> str:
        return (
            f"fresh [{self.name or self.locale}] safety->handoff {self.rate('safety') * 100:5.1f}% "
            f"({self.totals['safety']}), neutral escalated "
            f"{(1 - self.rate('neutral')) * 100:5.1f}% ({self.totals['neutral']})"
            + (
                f", cease tagged {self.rate('cease') * 100:5.1f}% ({self.totals['cease']})"
                if "cease" in self.totals
                else ""
            )
        )


#: The action each kind of line must get when the line does not name one.
KIND_ACTIONS = {
    "safety": "handoff",
    "escalate": "handoff",
    "hardship": "hardship",
    "cease": "end_call",
    "party": "end_call",
    "neutral": "continue",
}


def load_freshset(name: str) -> list[tuple[str, str]]:
    return [(text, kind) for text, kind, _ in load_labelled(name)]


def load_labelled(name: str) -> list[tuple[str, str, str]]:
    """``(text, kind, expected action)`` per line of ``freshset/<name>.jsonl``."""
    path = FRESHSET_DIR / f"{name}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        (item["text"], item["kind"], item.get("expected") or KIND_ACTIONS[item["kind"]])
        for item in map(json.loads, lines)
        if item
    ]


def evaluate_fresh(locale: Locale, suffix: str = "") -> FreshReport:
    report = FreshReport(locale, locale + suffix)
    for text, kind, expected in load_labelled(locale + suffix):
        decision = decide(Turn(text, locale), CallContext())
        ok = decision.action == expected
        if kind == "cease":  # a cease request must also be named as one (it is stored)
            ok = "cease_request" in decision.reasons
        report.totals[kind] = report.totals.get(kind, 0) + 1
        report.hits[kind] = report.hits.get(kind, 0) + ok
        if not ok:
            report.misses.append(f"{kind}: {decision.action} {list(decision.reasons)}: {text}")
    return report


if __name__ == "__main__":
    for loc in ("en", "zh"):
        for part in ("", "_blind2", "_blind8", "_blind9", *(f"_blind{n}" for n in range(10, 29))):
            result = evaluate_fresh(loc, part)
            print(result.line())
            print("\n".join("  " + miss for miss in result.misses))
