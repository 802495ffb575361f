"""Dates from what a caller said, relative to the call's day.

Examples: ``"next friday"``, ``"the 15th"``, ``"end of the month"``, ``"in three days"``,
``"下周五"``, ``"月底"``, ``"15号"``, ``"十二月五号"``, ``"三天后"``.

Pure functions, no I/O: ``today`` is always passed in.

Conventions (the ones callers mean on the phone):

* a bare weekday (``"friday"``, ``"周五"``, ``"这周五"``) is its next occurrence after today;
* ``"next friday"`` / ``"下周五"`` is the Friday of next calendar week (weeks start Monday);
* ``"next week"`` / ``"下周"`` is next Monday; ``"next month"`` / ``"下个月"`` its first day;
* a day of month (``"the 15th"``, ``"15号"``) is this month's, or next month's once passed;
* a month and day is this year's, or next year's once passed;
* ``"end of the month"`` / ``"月底"`` is the month's last day;
* a part of a named month (``"the end of march"``, ``"mid april"``, ``"三月底"``, ``"4月中旬"``)
  is its last day (end, late, 底, 末, 下旬), its 15th (mid, middle, 中, 中旬) or its first day
  (start, beginning, early, 初, 上旬), this year's or next year's once passed; the end of the
  year (``"年底"``) is the 31st of December.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Final

from bot.dialogue.numerals import chinese_to_int, english_words_to_int

_EN_WEEKDAYS: Final = {
    name: i
    for i, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
_EN_MONTHS: Final = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_EN_ORDINALS: Final = {
    word: i + 1
    for i, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split()
    )
} | {"thirtieth": 30}
#: Words for a part of a named month: its start, its middle or its end.
_EN_MONTH_PARTS: Final = {
    "the end": "end",
    "end": "end",
    "the close": "end",
    "late": "end",
    "mid": "mid",
    "the middle": "mid",
    "middle": "mid",
    "the start": "start",
    "start": "start",
    "the beginning": "start",
    "beginning": "start",
    "early": "start",
}
_ZH_MONTH_PARTS: Final = {
    "底": "end",
    "末": "end",
    "下旬": "end",
    "中旬": "mid",
    "中": "mid",
    "初": "start",
    "上旬": "start",
}
_ZH_WEEKDAYS: Final = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_ZH_NUM = r"[0-9零〇一二两三四五六七八九十]+"
_EN_NUM = r"\d+|[a-z]+(?:[ -][a-z]+)?"


def parse_date(text: str, today: date) -> date | None:
    """Find the date in an utterance, English or Mandarin.

    Args:
        text: ASR text or an entity value, e.g. ``"i can pay on friday"``.
        today: The call's local date, the reference for relative expressions.

    Returns:
        The date, or ``None`` when no date was said.
    """
    lowered = text.lower().replace("'", "")
    for parser in (*_ZH_PARSERS, *_EN_PARSERS):
        found = parser(lowered, today)
        if found is not None:
            return found
    return None


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _end_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _next_weekday(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _weekday_of_next_week(today: date, weekday: int) -> date:
    monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
    return monday + timedelta(days=weekday)


def _day_of_month(today: date, day: int) -> date | None:
    if not 1 <= day <= 31:
        return None
    candidate = today.replace(day=1)
    for _ in range(3):  # skip months too short for the day ("the 31st" in a 30-day month)
        if day <= calendar.monthrange(candidate.year, candidate.month)[1]:
            found = candidate.replace(day=day)
            if found >= today:
                return found
        candidate = _add_months(candidate, 1)
    return None


def _month_day(today: date, month: int, day: int) -> date | None:
    for year in (today.year, today.year + 1):
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if found >= today:
            return found
    return None


def _month_part(today: date, month: int, part: str) -> date | None:
    # "start" is the 1st, "mid" the 15th, "end" the last day: this year's, or next year's
    last = calendar.monthrange(today.year, month)[1]
    day = {"start": 1, "mid": 15}.get(part, last)
    if month == today.month and day < today.day:
        return today  # "early december" said on the 5th: as soon as it can be, not next year
    found = _month_day(today, month, day)
    if found is not None and part == "end":
        found = _end_of_month(found)  # next year's February may be longer
    return found


def _en_number(words: str) -> int | None:
    words = words.strip()
    if words.isdigit():
        return int(words)
    if words in ("a", "an", "one"):
        return 1
    return english_words_to_int(re.split(r"[ -]", words))


def _zh_number(text: str) -> int | None:
    return chinese_to_int(text)


# --- Mandarin -------------------------------------------------------------------------


def _zh_relative_day(text: str, today: date) -> date | None:
    for word, days in (("大后天", 3), ("后天", 2), ("明天", 1), ("明儿", 1), ("今天", 0)):
        if word in text:
            return today + timedelta(days=days)
    return None


def _zh_weekday(text: str, today: date) -> date | None:
    match = re.search(r"(下下|下个|下|这个|这|本)?(?:周|星期|礼拜)([一二三四五六日天])", text)
    if not match:
        return None
    weekday = _ZH_WEEKDAYS[match.group(2)]
    prefix = match.group(1) or ""
    if prefix == "下下":
        return _weekday_of_next_week(today, weekday) + timedelta(days=7)
    if prefix in ("下", "下个"):
        return _weekday_of_next_week(today, weekday)
    return _next_weekday(today, weekday)


def _zh_month_day(text: str, today: date) -> date | None:
    match = re.search(rf"(下个月|下月|这个月|本月)?(?:({_ZH_NUM})月)?({_ZH_NUM})[号日]", text)
    if not match:
        return None
    day = _zh_number(match.group(3))
    if day is None:
        return None
    if match.group(2):
        month = _zh_number(match.group(2))
        return _month_day(today, month, day) if month and 1 <= month <= 12 else None
    if match.group(1) in ("下个月", "下月"):
        first = _add_months(today.replace(day=1), 1)
        last = calendar.monthrange(first.year, first.month)[1]
        return first.replace(day=day) if 1 <= day <= last else None
    return _day_of_month(today, day)


def _zh_named_month_part(text: str, today: date) -> date | None:
    match = re.search(rf"({_ZH_NUM})月份?(底|末|下旬|中旬|中|初|上旬)", text)
    if match:
        month = _zh_number(match.group(1))
        if month is None or not 1 <= month <= 12:
            return None
        return _month_part(today, month, _ZH_MONTH_PARTS[match.group(2)])
    if re.search(r"(今|这)?年底|年末", text):
        return _month_part(today, 12, "end")
    return None


def _zh_month_end(text: str, today: date) -> date | None:
    if re.search(r"(下个月|下月)(月)?底", text):
        return _end_of_month(_add_months(today.replace(day=1), 1))
    if "月底" in text or "月末" in text:
        return _end_of_month(today)
    if re.search(r"(下个月|下月)(初)?", text):
        return _add_months(today.replace(day=1), 1)
    if "月中" in text:
        return _day_of_month(today, 15)
    return None


def _zh_week_end(text: str, today: date) -> date | None:
    # 周末 is the coming Saturday; 下周末 the Saturday of next week
    if re.search(r"下(个)?(周|星期|礼拜)末", text):
        return _weekday_of_next_week(today, 5)
    if re.search(r"(周|星期|礼拜)末", text):
        return _next_weekday(today, 5) if today.weekday() != 5 else today
    return None


def _zh_in_days(text: str, today: date) -> date | None:
    match = re.search(rf"(?:过)?({_ZH_NUM}|半)(个)?(天|周|星期|礼拜|月)(?:以后|之后|后)", text)
    if not match:
        match = re.search(rf"过({_ZH_NUM})(个)?(天|周|星期|礼拜|月)", text)
    if not match:
        return _zh_next_week(text, today)
    count = 0 if match.group(1) == "半" else _zh_number(match.group(1))
    if count is None:
        return None
    unit = match.group(3)
    if unit == "月":
        return today + timedelta(days=15) if match.group(1) == "半" else _add_months(today, count)
    if unit == "天":
        return today + timedelta(days=count)
    return today + timedelta(weeks=count)


def _zh_next_week(text: str, today: date) -> date | None:
    if re.search(r"下(个)?(周|星期|礼拜)", text):
        return _weekday_of_next_week(today, 0)
    return None


# --- English --------------------------------------------------------------------------


def _en_iso(text: str, today: date) -> date | None:
    match = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _en_relative_day(text: str, today: date) -> date | None:
    if re.search(r"\bday after tomorrow\b", text):
        return today + timedelta(days=2)
    if re.search(r"\btomorrow\b", text):
        return today + timedelta(days=1)
    if re.search(r"\b(today|tonight)\b", text):
        return today
    return None


def _en_month_end(text: str, today: date) -> date | None:
    if re.search(r"\bend of (the )?next month\b", text):
        return _end_of_month(_add_months(today.replace(day=1), 1))
    if re.search(r"\b(end of (the |this )?month|month end)\b", text):
        return _end_of_month(today)
    if re.search(r"\bmid( |-)?month\b|\bmiddle of (the )?month\b", text):
        return _day_of_month(today, 15)
    return None


def _en_named_month_part(text: str, today: date) -> date | None:
    months = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
    parts = "|".join(_EN_MONTH_PARTS)
    match = re.search(rf"\b({parts})(?: of|-| )(?: the month of)? ?({months})\b", text)
    if match:
        return _month_part(today, _EN_MONTHS[match.group(2)], _EN_MONTH_PARTS[match.group(1)])
    match = re.search(rf"\b({months}) end\b", text)
    if match:
        return _month_part(today, _EN_MONTHS[match.group(1)], "end")
    if re.search(r"\b(end|close) of (the |this )?year\b|\byear end\b", text):
        return _month_part(today, 12, "end")
    return None


def _en_week_end(text: str, today: date) -> date | None:
    # the end of a week is its Friday (a working week: payments clear then)
    if re.search(r"\b(end of|by the end of) next week\b", text):
        return _weekday_of_next_week(today, 4)
    if re.search(r"\bend of (the |this )?week\b", text):
        return _next_weekday(today, 4) if today.weekday() != 4 else today
    return None


def _en_in_days(text: str, today: date) -> date | None:
    match = re.search(
        rf"\b(?:in|within) ({_EN_NUM}|a|an|a couple of) (day|days|week|weeks)\b", text
    )
    if not match:
        return None
    count = 2 if match.group(1) == "a couple of" else _en_number(match.group(1))
    if count is None:
        return None
    return today + timedelta(days=count * (7 if match.group(2).startswith("week") else 1))


def _en_weekday(text: str, today: date) -> date | None:
    names = "|".join(sorted(_EN_WEEKDAYS, key=len, reverse=True))
    match = re.search(rf"\b(next |this |coming |this coming )?({names})\b", text)
    if not match:
        return None
    weekday = _EN_WEEKDAYS[match.group(2)]
    if match.group(1) == "next ":
        return _weekday_of_next_week(today, weekday)
    return _next_weekday(today, weekday)


def _en_month_day(text: str, today: date) -> date | None:
    months = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
    ordinals = "|".join(_EN_ORDINALS)
    day_pattern = rf"(\d{{1,2}})(?:st|nd|rd|th)?|(?:twenty|thirty)[ -](?:{ordinals})|{ordinals}"
    match = re.search(rf"\b({months}) (?:the )?({day_pattern})\b", text)
    if match:
        day = _en_day(match.group(2))
        return _month_day(today, _EN_MONTHS[match.group(1)], day) if day else None
    match = re.search(rf"\b(?:the )?({day_pattern}) (?:of )?({months})\b", text)
    if match:
        day = _en_day(match.group(1))
        month_name = match.group(match.lastindex or 0)
        return _month_day(today, _EN_MONTHS[month_name], day) if day else None
    return None


def _en_day_of_month(text: str, today: date) -> date | None:
    ordinals = "|".join(_EN_ORDINALS)
    match = re.search(
        rf"\bthe ((\d{{1,2}})(?:st|nd|rd|th)?|(?:twenty|thirty)[ -](?:{ordinals})|{ordinals})\b",
        text,
    )
    if not match:
        match = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)\b", text)
    if not match:
        return None
    day = _en_day(match.group(1))
    return _day_of_month(today, day) if day else None


def _en_next_period(text: str, today: date) -> date | None:
    if re.search(r"\bnext week\b", text):
        return _weekday_of_next_week(today, 0)
    if re.search(r"\bnext month\b", text):
        return _add_months(today.replace(day=1), 1)
    return None


def _en_day(text: str) -> int | None:
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group(0))
    parts = re.split(r"[ -]", text)
    if len(parts) == 2:
        tens = {"twenty": 20, "thirty": 30}[parts[0]]
        return tens + _EN_ORDINALS[parts[1]]
    return _EN_ORDINALS.get(text)


_ZH_PARSERS: Final[tuple[Callable[[str, date], date | None], ...]] = (
    _zh_relative_day,
    _zh_weekday,
    _zh_month_day,
    _zh_named_month_part,
    _zh_month_end,
    _zh_week_end,
    _zh_in_days,
)
_EN_PARSERS: Final[tuple[Callable[[str, date], date | None], ...]] = (
    _en_iso,
    _en_relative_day,
    _en_named_month_part,
    _en_month_end,
    _en_week_end,
    _en_in_days,
    _en_weekday,
    _en_month_day,
    _en_day_of_month,
    _en_next_period,
)
