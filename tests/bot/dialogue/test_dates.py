from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.dates import parse_date

SATURDAY = date(2026, 11, 28)
MONDAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("next friday", date(2026, 12, 4)),
        ("i can pay on friday", date(2026, 12, 4)),
        ("on the 15th", date(2026, 12, 15)),
        ("the fifteenth", date(2026, 12, 15)),
        ("the twenty first", date(2026, 12, 21)),
        ("i get paid on the 3rd", date(2026, 12, 3)),
        ("end of the month", date(2026, 11, 30)),
        ("end of next month", date(2026, 12, 31)),
        ("in three days", date(2026, 12, 1)),
        ("in a couple of days", date(2026, 11, 30)),
        ("in two weeks", date(2026, 12, 12)),
        ("tomorrow", date(2026, 11, 29)),
        ("day after tomorrow", date(2026, 11, 30)),
        ("december 5", date(2026, 12, 5)),
        ("5th of december", date(2026, 12, 5)),
        ("march 3rd", date(2027, 3, 3)),
        ("next week", date(2026, 11, 30)),
        ("next month", date(2026, 12, 1)),
        ("2026-12-24", date(2026, 12, 24)),
        ("下周五", date(2026, 12, 4)),
        ("周五", date(2026, 12, 4)),
        ("下下周一", date(2026, 12, 7)),
        ("月底", date(2026, 11, 30)),
        ("15号", date(2026, 12, 15)),
        ("十五号", date(2026, 12, 15)),
        ("十二月五号", date(2026, 12, 5)),
        ("三天后", date(2026, 12, 1)),
        ("过两天", date(2026, 11, 30)),
        ("下个月15号", date(2026, 12, 15)),
        ("下个月底", date(2026, 12, 31)),
        ("明天", date(2026, 11, 29)),
        ("后天", date(2026, 11, 30)),
        ("一个星期后", date(2026, 12, 5)),
        ("半个月后", date(2026, 12, 13)),
        ("下周", date(2026, 11, 30)),
    ],
)
def test_parse_date_from_a_saturday(text: str, expected: date) -> None:
    assert parse_date(text, SATURDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare weekday is its next occurrence; "next" is the following calendar week.
        ("friday", date(2026, 12, 4)),
        ("next friday", date(2026, 12, 11)),
        ("monday", date(2026, 12, 7)),
        ("这周五", date(2026, 12, 4)),
        ("下周五", date(2026, 12, 11)),
        # A day of month that has passed is next month's.
        ("the 15th", date(2026, 12, 15)),
        ("the 30th", date(2026, 11, 30)),
        ("the 31st", date(2026, 12, 31)),
    ],
)
def test_parse_date_from_a_monday(text: str, expected: date) -> None:
    assert parse_date(text, MONDAY) == expected


@pytest.mark.parametrize("text", ["i dont know", "five hundred dollars", "五百块", ""])
def test_no_date(text: str) -> None:
    assert parse_date(text, SATURDAY) is None


def test_month_end_in_february_of_a_leap_year() -> None:
    assert parse_date("end of the month", date(2028, 2, 10)) == date(2028, 2, 29)
    assert parse_date("月底", date(2027, 2, 10)) == date(2027, 2, 28)


WEDNESDAY = date(2026, 12, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a named month: its last day, its 15th or its first day
        ("the end of march would be easier", date(2027, 3, 31)),
        ("end of feb", date(2027, 2, 28)),
        ("march end", date(2027, 3, 31)),
        ("late january", date(2027, 1, 31)),
        ("mid-april", date(2027, 4, 15)),
        ("the middle of april if thats ok", date(2027, 4, 15)),
        ("early february", date(2027, 2, 1)),
        ("the beginning of may", date(2027, 5, 1)),
        ("end of december", date(2026, 12, 31)),
        ("mid december", date(2026, 12, 15)),
        ("early december", WEDNESDAY),  # already under way: as soon as it can be
        ("by the end of the year", date(2026, 12, 31)),
        ("三月底吧", date(2027, 3, 31)),
        ("3月底", date(2027, 3, 31)),
        ("二月下旬", date(2027, 2, 28)),
        ("四月中旬", date(2027, 4, 15)),
        ("五月初", date(2027, 5, 1)),
        ("十二月初", WEDNESDAY),
        ("年底前", date(2026, 12, 31)),
        # the end of a week is its Friday; 周末 is Saturday
        ("at the end of the week", date(2026, 12, 11)),
        ("end of next week", date(2026, 12, 18)),
        ("这周末", date(2026, 12, 12)),
        ("下周末", date(2026, 12, 19)),
        # the parts of this and next month keep their meaning
        ("end of the month", date(2026, 12, 31)),
        ("月底", date(2026, 12, 31)),
        ("下个月底", date(2027, 1, 31)),
    ],
)
def test_parse_date_of_a_part_of_a_month_or_week(text: str, expected: date) -> None:
    assert parse_date(text, WEDNESDAY) == expected


def test_end_of_february_next_year_is_its_own_last_day() -> None:
    # said in 2027 for February 2028, a leap year
    assert parse_date("the end of february", date(2027, 3, 10)) == date(2028, 2, 29)
