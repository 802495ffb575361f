"""The JSON form of a check, as read by ``kindcall compliance check`` (no I/O here).

Input, one JSON object::

    {"profile": "cn", "timezone": "Asia/Shanghai", "now": "2026-11-28T21:59:00+08:00",
     "attempts": [{"at": "2026-11-28T09:00:00+08:00", "outcome": "no_answer"}],
     "flags": {"cease": false, "dnc": false, "consent": true, "bankruptcy": false,
               "legal_hold": false, "dispute": false}}

``attempts`` and ``flags`` may be missing; a missing flag is false except ``consent``, which
is true. Unknown keys are rejected rather than ignored: a misspelt ``"cease"`` must not
silently allow a call. So are repeated keys (:func:`decode_request`): a decoder keeps the
last of them, and ``{"cease": true, "cease": false}`` would be read as no cease.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from bot.compliance.clock import zone
from bot.compliance.engine import check
from bot.compliance.loader import load_profile
from bot.compliance.model import FLAG_NAMES, OUTCOMES, Attempt, Decision, Flags, Outcome
from bot.compliance.profile import Profile
from bot.errors import ComplianceError

_KEYS = ("profile", "timezone", "now", "attempts", "flags")
_FLAG_KEYS = (*FLAG_NAMES, "consent")
_FIRST_YEAR, _LAST_YEAR = 1900, 2199


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """A validated check input.

    Attributes:
        profile: The compiled profile.
        timezone: The person's IANA time zone (known to exist).
        now: The intended call instant (timezone-aware).
        attempts: Earlier attempts for this debt and contact.
        flags: Person and account flags.
    """

    profile: Profile
    timezone: str
    now: datetime
    attempts: tuple[Attempt, ...]
    flags: Flags

    def decide(self) -> Decision:
        """Run :func:`bot.compliance.check` on this request."""
        return check(
            self.profile,
            timezone=self.timezone,
            now=self.now,
            attempts=self.attempts,
            flags=self.flags,
        )


def decode_request(text: str, *, source: str | None = None) -> CheckRequest:
    """Decode one JSON check request and validate it like :func:`parse_request`.

    Args:
        text: The JSON text.
        source: Where the text came from, for the invalid-JSON message (e.g. ``"stdin"``:
            "invalid JSON on stdin: ...").

    Raises:
        ComplianceError: Invalid JSON, a key repeated within one object (named with the
            object it is in), or anything :func:`parse_request` refuses.
    """
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        origin = f" on {source}" if source else ""
        raise ComplianceError(f"invalid JSON{origin}: {exc}") from exc
    return parse_request(_checked_duplicates(data, "input"))


class _Repeated(dict[str, object]):
    """A decoded JSON object, with the first key that appeared twice in it."""

    repeated: str | None = None


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found = _Repeated()
    for key, value in pairs:
        if key in found and found.repeated is None:
            found.repeated = key
        found[key] = value
    return found


def _checked_duplicates(value: object, where: str) -> object:
    # Reported after decoding, where the key's place in the request is known.
    if isinstance(value, _Repeated):
        if value.repeated is not None:
            raise ComplianceError(f"{where}: duplicate key {value.repeated!r}")
        for key, item in value.items():
            inner = key if where == "input" else f"{where}.{key}"
            _checked_duplicates(item, inner)
        return dict(value)
    if isinstance(value, list):
        for i, item in enumerate(value):
            _checked_duplicates(item, f"{where}[{i}]")
    return value


def parse_request(data: object) -> CheckRequest:
    """Validate decoded JSON into a :class:`CheckRequest`.

    Raises:
        ComplianceError: A missing or unknown key, a wrong type, a datetime without offset,
            an unknown profile, time zone or outcome; the message names the field.
    """
    obj = _object(data, "input")
    _known_keys(obj, _KEYS, "input")
    for key in ("profile", "timezone", "now"):
        if key not in obj:
            raise ComplianceError(f"input: missing {key!r}")
    profile = load_profile(_string(obj["profile"], "profile"))
    timezone = _string(obj["timezone"], "timezone")
    zone(timezone)
    now = _instant(obj["now"], "now")
    raw_attempts = obj.get("attempts")
    if raw_attempts is None:
        raw_attempts = []
    if not isinstance(raw_attempts, list):
        raise ComplianceError(f"attempts: expected a list, got {_kind(raw_attempts)}")
    attempts = tuple(_attempt(item, f"attempts[{i}]") for i, item in enumerate(raw_attempts))
    raw_flags = obj.get("flags")
    flags_obj = {} if raw_flags is None else _object(raw_flags, "flags")
    _known_keys(flags_obj, _FLAG_KEYS, "flags")
    values: dict[str, bool] = {}
    for key, value in flags_obj.items():
        if not isinstance(value, bool):
            raise ComplianceError(f"flags.{key}: expected true or false, got {value!r}")
        values[key] = value
    return CheckRequest(profile, timezone, now, attempts, Flags(**values))


def _attempt(item: object, where: str) -> Attempt:
    obj = _object(item, where)
    _known_keys(obj, ("at", "outcome"), where)
    for key in ("at", "outcome"):
        if key not in obj:
            raise ComplianceError(f"{where}: missing {key!r}")
    outcome = _string(obj["outcome"], f"{where}.outcome")
    if outcome not in OUTCOMES:
        raise ComplianceError(
            f"{where}.outcome: unknown outcome {outcome!r}; "
            f"expected one of {', '.join(sorted(OUTCOMES))}"
        )
    return Attempt(_instant(obj["at"], f"{where}.at"), cast(Outcome, outcome))


def _instant(value: object, where: str) -> datetime:
    text = _string(value, where)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ComplianceError(f"{where}: {text!r} is not an ISO-8601 date-time") from exc
    if parsed.utcoffset() is None:
        raise ComplianceError(
            f"{where}: {text!r} has no UTC offset; write it like 2026-11-28T09:00:00+08:00"
        )
    # Far from the years 1..9999 that datetime allows, so local days and the search for the
    # next allowed time never overflow.
    if not _FIRST_YEAR <= parsed.year <= _LAST_YEAR:
        raise ComplianceError(
            f"{where}: {text!r} is outside the supported years {_FIRST_YEAR}-{_LAST_YEAR}"
        )
    return parsed


def _object(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise ComplianceError(f"{where}: expected a JSON object, got {_kind(value)}")
    return cast(Mapping[str, object], value)


def _known_keys(obj: Mapping[str, object], keys: tuple[str, ...], where: str) -> None:
    for key in obj:
        if key not in keys:
            raise ComplianceError(
                f"{where}: unknown key {key!r}; expected {', '.join(keys)}",
            )


def _string(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ComplianceError(f"{where}: expected a string, got {_kind(value)}")
    return value


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return repr(value)
