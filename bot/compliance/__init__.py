"""Pre-dial compliance: may this person be called about this debt right now?

:func:`check` is a pure function of a jurisdiction :class:`Profile` (YAML data in
``bot/compliance/profiles/``, loaded with :func:`load_profile`), the person's time zone,
``now``, the attempt history and the account :class:`Flags`. It returns a :class:`Decision`.

Rules every profile has:

* Flags ``cease``, ``dnc``, ``bankruptcy``, ``legal_hold`` and ``dispute`` block; so does
  ``consent=False`` where the profile has ``requires_consent``. These never expire by
  themselves, so ``next_allowed_at`` is None whenever one of them blocks.
* A calling window in the person's local time, allowed from ``start`` until before ``end``
  (``cn``: 08:00-22:00, so 21:59 is allowed and 22:00 is not).
* Attempt caps over local calendar days (``cn``: 6 unanswered attempts per day;
  ``us-regf``: 7 attempts of any outcome in any 7 consecutive days) and cooldowns
  (``us-regf``: a conversation on day D blocks D .. D+6; the next call is D+7 at 08:00).

Time semantics (decided here, tested in ``tests/bot/compliance/``):

* **Local days.** Days are calendar days of the person's *current* time zone; every attempt
  is placed on the local date of its instant in that zone, whatever offset it was written
  with. 23:30 and 00:30 local are different days even when they share a UTC date.
* **DST.** Windows are resolved per local day into one interval of absolute time: a window
  edge inside a spring-forward gap moves to the transition instant; on a fall-back day a
  repeated edge opens at its later and closes at its earlier occurrence (see
  :mod:`bot.compliance.clock`). A local day may therefore last 23 or 25 hours; caps and
  cooldowns count days, not 24-hour periods.
* **Midnight.** A local day runs from its first instant (00:00, or the end of a gap that
  swallows midnight) up to the next day's first instant. ``"24:00"`` is allowed as a
  window end.
* **Future attempts.** Attempts dated after ``now`` (clock skew between workers, a claim
  recorded a moment early) are counted, never ignored: the new call is placed on the same
  timeline, and a cap must hold in *every* window of consecutive days containing the new
  call's day, including windows reaching into the future. A future conversation blocks its
  own day and the following ones (not the days before it).
* **The new call** counts against every cap whatever its outcome will be.
* **next_allowed_at** is the earliest instant >= ``now`` at which all time rules allow the
  call, searched day by day in local time; it equals ``now`` when the call is allowed and
  is expressed in the person's local UTC offset (ISO-8601 with offset in JSON).
"""

from __future__ import annotations

from bot.compliance.engine import check
from bot.compliance.loader import load_profile, profile_names
from bot.compliance.model import OUTCOMES, Attempt, Decision, Flags, Outcome
from bot.compliance.profile import Cap, Cooldown, Profile, Window
from bot.compliance.request import CheckRequest, decode_request, parse_request

__all__ = [
    "OUTCOMES",
    "Attempt",
    "Cap",
    "CheckRequest",
    "Cooldown",
    "Decision",
    "Flags",
    "Outcome",
    "Profile",
    "Window",
    "check",
    "decode_request",
    "load_profile",
    "parse_request",
    "profile_names",
]
