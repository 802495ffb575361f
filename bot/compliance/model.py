"""Value types of the pre-dial check: attempts, account flags and the decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Literal, get_args

from bot.errors import ComplianceError

Outcome = Literal["no_answer", "busy", "voicemail", "conversation"]
"""How an earlier call attempt ended; ``conversation`` means the person was reached."""

OUTCOMES: Final[frozenset[str]] = frozenset(get_args(Outcome))

FLAG_NAMES: Final[tuple[str, ...]] = ("cease", "dnc", "bankruptcy", "legal_hold", "dispute")
"""Account flags that block a call under every profile, in the order reasons are reported."""


@dataclass(frozen=True, slots=True)
class Attempt:
    """One earlier call attempt for the same debt and contact.

    Attributes:
        at: When the call was placed; must be timezone-aware.
        outcome: How it ended.
    """

    at: datetime
    outcome: Outcome

    def __post_init__(self) -> None:
        if self.at.utcoffset() is None:
            raise ComplianceError(f"attempt time {self.at.isoformat()!r} has no UTC offset")
        if self.outcome not in OUTCOMES:
            raise ComplianceError(
                f"unknown attempt outcome {self.outcome!r}; expected one of {sorted(OUTCOMES)}"
            )


@dataclass(frozen=True, slots=True)
class Flags:
    """Person and account state that can forbid a call regardless of the clock.

    Attributes:
        cease: The person asked the agency to stop contacting them.
        dnc: The number is on a do-not-call list.
        consent: The person consented to calls (only checked where the profile requires it).
        bankruptcy: The person is in a bankruptcy proceeding.
        legal_hold: Legal counsel put the account on hold.
        dispute: The debt is disputed and the dispute is not yet resolved.
    """

    cease: bool = False
    dnc: bool = False
    consent: bool = True
    bankruptcy: bool = False
    legal_hold: bool = False
    dispute: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    """The result of one pre-dial check.

    Attributes:
        allowed: True when the call may be placed at ``now``.
        reasons: Stable snake_case tags of every rule that blocks the call; empty when allowed.
        next_allowed_at: The earliest instant at or after ``now`` at which every time rule
            allows the call, in the person's local UTC offset; ``now`` itself when allowed;
            None when a flag (or missing consent) blocks until the account changes.
    """

    allowed: bool
    reasons: tuple[str, ...]
    next_allowed_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        """The decision as the JSON object of the ``kindcall compliance check`` contract."""
        at = self.next_allowed_at
        return {
            "allowed": self.allowed,
            "reasons": list(self.reasons),
            "next_allowed_at": None if at is None else at.isoformat(),
        }
