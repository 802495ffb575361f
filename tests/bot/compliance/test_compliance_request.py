"""Fuzzing the JSON request: any input is either checked or rejected with ComplianceError."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.compliance import parse_request
from bot.errors import ComplianceError

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
DATES = st.sampled_from(
    [
        "2026-03-10T21:59:00+08:00",
        "2026-03-10T21:59:00",
        "2026-03-10",
        "2026-13-01T00:00:00+00:00",
        "1900-01-01T00:00:00+14:00",
        "2199-12-31T23:59:59-12:00",
        "2026-03-08T02:30:00-05:00",
        "",
    ]
)
VALID: dict[str, Any] = {
    "profile": "us-regf",
    "timezone": "America/New_York",
    "now": "2026-03-08T02:30:00-05:00",
    "attempts": [{"at": "2026-03-07T10:00:00-05:00", "outcome": "conversation"}],
    "flags": {"consent": False, "dispute": False},
}


@st.composite
def mutated(draw: st.DrawFn) -> object:
    request: dict[str, Any] = {**VALID}
    for _ in range(draw(st.integers(1, 3))):
        key = draw(st.sampled_from([*VALID, "extra"]))
        action = draw(st.integers(0, 3))
        if action == 0:
            request.pop(key, None)
        elif action == 1:
            request[key] = draw(JSON)
        elif action == 2:
            request[key] = draw(DATES)
        else:
            request["attempts"] = [
                {"at": draw(DATES), "outcome": draw(st.sampled_from(["busy", "hangup", 3]))}
            ]
    return request


@settings(max_examples=400, deadline=None)
@given(st.one_of(JSON, mutated()))
def test_any_json_is_checked_or_rejected_cleanly(data: object) -> None:
    try:
        decision = parse_request(data).decide()
    except ComplianceError as exc:
        assert str(exc)
        assert "\n" not in str(exc)
    else:
        assert set(decision.to_json()) == {"allowed", "reasons", "next_allowed_at"}
