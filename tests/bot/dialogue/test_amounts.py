from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.dialogue.amounts import format_amount, parse_amount
from bot.dialogue.numerals import chinese_to_int, english_words_to_int


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("两千五百", 2500),
        ("三千五", 3500),
        ("一万二", 12000),
        ("一千零五", 1005),
        ("一百零五", 105),
        ("十五", 15),
        ("二十", 20),
        ("五百五", 550),
        ("2千5", 2500),
        ("十万", 100000),
        ("一万五千", 15000),
        ("一亿两千万", 120000000),
        ("两", 2),
        ("零", 0),
    ],
)
def test_chinese_numerals(text: str, expected: int) -> None:
    assert chinese_to_int(text) == expected


def test_chinese_numerals_reject_other_text() -> None:
    assert chinese_to_int("") is None
    assert chinese_to_int("五百块") is None


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("two thousand five hundred", 2500),
        ("twenty five hundred", 2500),
        ("a hundred and fifty", 150),
        ("one million two hundred thousand", 1200000),
        ("ninety nine", 99),
    ],
)
def test_english_number_words(words: str, expected: int) -> None:
    assert english_words_to_int(words.split()) == expected


def test_english_number_words_reject_other_words() -> None:
    assert english_words_to_int(["five", "apples"]) is None
    assert english_words_to_int([]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two thousand five hundred", "2500"),
        ("i can pay 500 on the 15th", "500"),
        ("$2,500.50 on friday", "2500.50"),
        ("um fifty bucks next week", "50"),
        ("in three days i can pay a hundred and fifty", "150"),
        ("2.5k", "2500"),
        ("i can do 300 dollars on the 20th", "300"),
        ("two hundred dollars and the rest in 3 weeks", "200"),
        ("two hundred now and 3000 later", "3000"),
        ("两千五百", "2500"),
        ("五百块", "500"),
        ("我下个月15号还八百", "800"),
        ("1.5万", "15000"),
        ("12月20号还10块", "10"),
        ("下周五还三千五", "3500"),
        ("我三天后还两千", "2000"),
        ("月底还五百块钱", "500"),
        ("¥300", "300"),
    ],
)
def test_parse_amount(text: str, expected: str) -> None:
    amount = parse_amount(text)
    assert amount is not None
    assert format_amount(amount) == expected


@pytest.mark.parametrize(
    "text",
    ["i will pay on december 5", "on the 15th", "hmm i dont know", "下周五", "15号", "三天后"],
)
def test_no_amount(text: str) -> None:
    assert parse_amount(text) is None


def test_format_amount() -> None:
    assert format_amount(Decimal("2500.0")) == "2500"
    assert format_amount(Decimal("12.5")) == "12.50"


@given(st.integers(min_value=1, max_value=999_999))
def test_digits_round_trip(value: int) -> None:
    assert parse_amount(f"i can pay {value} dollars") == Decimal(value)
    assert parse_amount(f"我还{value}元") == Decimal(value)
