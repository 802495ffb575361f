"""Local time arithmetic for the engine: time zones, local days and calling-window bounds.

A calling window is turned, once per (zone, local day), into one interval of absolute time
``[opens, closes)`` so the engine compares instants, never wall clocks. Resolving a local
wall time ``T`` on a day:

* ordinary day: the one instant whose local clock reads ``T``;
* spring-forward gap (``T`` does not exist, e.g. 02:30 on the US spring day): the first
  instant whose local clock reads ``T`` or later, i.e. the transition instant;
* fall-back repeat (``T`` happens twice): the window **opens at the later** occurrence and
  **closes at the earlier** one, so the window stays a single interval and never covers a
  minute that some reading of the clock puts outside the hours.

``"24:00"`` as an end means the first instant of the next local day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from bot.errors import ComplianceError

_ZONES: dict[str, ZoneInfo] = {}
_SECOND = timedelta(seconds=1)


# Files of the zone database that are not a place: the machine's own zone, tzdata's
# placeholder for "unknown" (it reads as UTC) and a template. Deciding a call with one of them
# would apply a clock that is not the person's.
_NOT_A_PLACE = frozenset({"localtime", "Factory", "posixrules"})


@lru_cache(maxsize=1)
def place_zone_names() -> frozenset[str]:
    """The IANA zone names a person can live in (what :func:`zone` accepts).

    Leaves out the zone files that are not a place (``localtime``, ``Factory``,
    ``posixrules``) and the right/ (leap-second) and posix/ copies of each zone.
    """
    return frozenset(available_timezones()) - _NOT_A_PLACE


def zone(key: str) -> ZoneInfo:
    """The IANA time zone ``key`` (e.g. ``"Asia/Shanghai"``), built once and cached.

    Raises:
        ComplianceError: ``key`` is not the IANA name of a place's zone (``localtime``,
            ``Factory`` and ``right/...`` exist as files but are refused).
    """
    found = _ZONES.get(key)
    if found is None:
        if key not in place_zone_names():
            raise ComplianceError(f"unknown time zone {key!r}")
        try:
            found = ZoneInfo(key)
        except (ValueError, KeyError, OSError) as exc:
            raise ComplianceError(f"unknown time zone {key!r}") from exc
        _ZONES[key] = found
    return found


@lru_cache(maxsize=65536)
def window_bounds(tz: ZoneInfo, day: int, start: int, end: int) -> tuple[float, float, datetime]:
    """The window ``[start, end)`` (minutes of the day) of local day ``day`` as UTC instants.

    Args:
        tz: The person's time zone.
        day: Proleptic Gregorian ordinal of the local date.
        start: First allowed minute, 0..1439.
        end: First forbidden minute, up to 1440 (the next local midnight).

    Returns:
        ``(opens, closes, opens_local)``: the bounds as POSIX timestamps (whole seconds, so
        exact as floats; ``opens >= closes`` means no call that day) and the opening instant
        as a local datetime, kept because building it again costs more than the check.
    """
    opens = _resolve(tz, day, start, later=True)
    closes = _resolve(tz, day + 1, 0, later=False) if end == 1440 else _resolve(tz, day, end)
    return opens.timestamp(), closes.timestamp(), opens.astimezone(tz)


def _resolve(tz: ZoneInfo, day: int, minute: int, *, later: bool = False) -> datetime:
    wall = datetime.combine(date.fromordinal(day), time(minute // 60, minute % 60))
    found = []
    for fold in (0, 1):
        instant = wall.replace(tzinfo=tz, fold=fold).astimezone(UTC)
        if instant.astimezone(tz).replace(tzinfo=None) == wall:
            found.append(instant)
    if found:
        return max(found) if later else min(found)
    # A gap: fold=1 maps before the transition, fold=0 after it (PEP 495). Transitions sit
    # on whole seconds, so bisecting to one second finds the first instant reading >= wall.
    a = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    b = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    lo, hi = min(a, b), max(a, b)
    while hi - lo > _SECOND:
        mid = lo + (hi - lo) // 2
        mid = mid.replace(microsecond=0)
        if mid.astimezone(tz).replace(tzinfo=None) >= wall:
            hi = mid
        else:
            lo = mid
    return hi
