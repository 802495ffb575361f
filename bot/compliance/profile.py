"""A jurisdiction profile, compiled from YAML into the rules the engine evaluates.

Three kinds of time rule exist, and every profile is a combination of them:

* :class:`Window` - calls only between ``start`` and ``end`` of the person's local clock.
* :class:`Cap` - at most ``limit`` attempts (with an outcome in ``outcomes``) in any run of
  ``days`` consecutive local calendar days; ``days: 1`` is a per-day cap.
* :class:`Cooldown` - after an attempt with an outcome in ``after`` on local day D, no call
  on days D .. D + days - 1 (the attempt's day counts as day 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_RULE_DAYS = 366
"""Longest span a cap or cooldown may have; bounds the search for the next allowed time."""


def format_minutes(minutes: int) -> str:
    """``510`` -> ``"08:30"``; ``1440`` -> ``"24:00"``."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True, slots=True)
class Window:
    """Local calling hours: allowed from ``start`` until before ``end`` (minutes of the day).

    Attributes:
        start: First allowed minute after local midnight, 0..1439.
        end: First forbidden minute, ``start`` < ``end`` <= 1440 (1440 = local midnight).
        reason: Tag reported when a call falls outside the window.
    """

    start: int
    end: int
    reason: str = "outside_calling_window"

    def describe(self) -> str:
        """One line for people."""
        return f"calls only {format_minutes(self.start)}-{format_minutes(self.end)} local time"


@dataclass(frozen=True, slots=True)
class Cap:
    """At most ``limit`` counted attempts within any ``days`` consecutive local days.

    Attributes:
        id: Name of the rule inside its profile; overlays refer to it.
        reason: Tag reported when the cap blocks a call.
        limit: Largest number of counted attempts, the new call included.
        days: Length of the rolling window in local calendar days (1 = per day).
        outcomes: Outcomes that count; the new call counts whatever its outcome will be.
    """

    id: str
    reason: str
    limit: int
    days: int
    outcomes: frozenset[str]

    def describe(self) -> str:
        """One line for people."""
        span = "per local day" if self.days == 1 else f"within {self.days} consecutive days"
        return f"at most {self.limit} attempts ({', '.join(sorted(self.outcomes))}) {span}"


@dataclass(frozen=True, slots=True)
class Cooldown:
    """No call on the ``days`` local days starting with the day of a matching attempt.

    Attributes:
        id: Name of the rule inside its profile; overlays refer to it.
        reason: Tag reported when the cooldown blocks a call.
        after: Outcomes that start the cooldown.
        days: Number of blocked local days, the attempt's own day being day 1.
    """

    id: str
    reason: str
    after: frozenset[str]
    days: int

    def describe(self) -> str:
        """One line for people."""
        return (
            f"no call for {self.days} days after a {' or '.join(sorted(self.after))} "
            "(its day is day 1)"
        )


@dataclass(frozen=True, slots=True)
class Profile:
    """A compiled jurisdiction profile; build it with :func:`load_profile`.

    Attributes:
        name: Profile name, equal to its file name without ``.yml``.
        description: What the profile implements and where the rules come from.
        extends: Name of the profile this one tightens, if it is an overlay.
        requires_consent: Whether a call needs the person's recorded consent.
        third_party_disclosure: Whether the debt may be mentioned to anyone but the debtor.
        disclosures: Disclosures the call must make (e.g. ``mini_miranda``).
        window: Local calling hours.
        caps: Attempt caps, in the order their reasons are reported.
        cooldowns: Cooldowns after certain outcomes.
    """

    name: str
    description: str
    extends: str | None
    requires_consent: bool
    third_party_disclosure: bool
    disclosures: tuple[str, ...]
    window: Window
    caps: tuple[Cap, ...]
    cooldowns: tuple[Cooldown, ...]

    def rules(self) -> list[str]:
        """Every rule of the profile as one line for people."""
        lines = [self.window.describe()]
        lines += [cap.describe() for cap in self.caps]
        lines += [cooldown.describe() for cooldown in self.cooldowns]
        lines.append(
            "consent required" if self.requires_consent else "consent not required",
        )
        lines.append(
            "debt may be disclosed to third parties"
            if self.third_party_disclosure
            else "no disclosure to third parties"
        )
        if self.disclosures:
            lines.append("required disclosures: " + ", ".join(self.disclosures))
        return lines

    def to_json(self) -> dict[str, Any]:
        """The compiled profile as plain JSON data."""
        return {
            "name": self.name,
            "description": self.description,
            "extends": self.extends,
            "requires_consent": self.requires_consent,
            "third_party_disclosure": self.third_party_disclosure,
            "disclosures": list(self.disclosures),
            "window": {
                "start": format_minutes(self.window.start),
                "end": format_minutes(self.window.end),
                "reason": self.window.reason,
            },
            "caps": [
                {
                    "id": c.id,
                    "reason": c.reason,
                    "max": c.limit,
                    "days": c.days,
                    "outcomes": sorted(c.outcomes),
                }
                for c in self.caps
            ],
            "cooldowns": [
                {"id": c.id, "reason": c.reason, "after": sorted(c.after), "days": c.days}
                for c in self.cooldowns
            ],
        }
