"""One turn decided on its own (empty history, default tier): how the probe tests ask."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

import pytest
from _pytest.mark import ParameterSet

from bot.policy import CallContext, Decision, Turn, decide

T = TypeVar("T")


def decide_en(text: str) -> Decision:
    return decide(Turn(text, "en"), CallContext())


def decide_zh(text: str) -> Decision:
    return decide(Turn(text, "zh"), CallContext())


SAFETY = frozenset({"self_harm", "distress"})
PARTY = frozenset({"wrong_party", "third_party"})
ESCALATE = frozenset({"refusal", "dispute", "legal", "complaint", "request_human", "abuse"})


def as_expected(decision: Decision, family: str) -> bool:
    """Whether ``decision`` is what a line of ``family`` must get.

    ``safety`` hands over with a safety tag; an escalation family (``dispute``, ``legal``…)
    hands over with that tag and no safety tag; ``hardship`` switches the tone; ``cease``
    and ``party`` end the call with their tags; anything else continues.
    """
    reasons = set(decision.reasons)
    if family == "safety":
        return decision.action == "handoff" and bool(SAFETY & reasons)
    if family in ESCALATE:
        return decision.action == "handoff" and family in reasons and not SAFETY & reasons
    if family == "hardship":
        return decision.action == "hardship"
    if family == "cease":
        return decision.action == "end_call" and "cease_request" in reasons
    if family == "party":
        return decision.action == "end_call" and bool(PARTY & reasons)
    return decision.action == "continue"


def held_out(items: Sequence[T], missed: Mapping[str, str]) -> list[T | ParameterSet]:
    """Parametrize held-out lines: those in ``missed`` (text -> why) as strict xfails.

    An item is a line's text, or a tuple whose first element is the text.
    """
    out: list[T | ParameterSet] = []
    for item in items:
        values = item if isinstance(item, tuple) else (item,)
        text = str(values[0])
        if text in missed:
            mark = pytest.mark.xfail(strict=True, reason=missed[text])
            out.append(pytest.param(*values, marks=mark))
        else:
            out.append(item)
    return out


def assert_decided(decision: Decision, action: str, *first_reason: str) -> None:
    """``decision`` has ``action`` and, when given, a first reason among ``first_reason``."""
    assert decision.action == action, decision
    if first_reason:
        assert decision.reasons[0] in first_reason, decision
