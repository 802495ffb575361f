from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.importing import fields
from bot.importing.fields import FieldError
from bot.importing.regions import parse_region


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("1234.5", Decimal("1234.50"), None),
        ("1,234.50", Decimal("1234.50"), None),
        ("¥1234", Decimal("1234.00"), "CNY"),
        ("￥1,234", Decimal("1234.00"), "CNY"),
        ("$1,234", Decimal("1234.00"), "USD"),
        ("US$ 99.9", Decimal("99.90"), "USD"),
        ("1234元", Decimal("1234.00"), "CNY"),
        ("RMB 1234", Decimal("1234.00"), "CNY"),
        ("１２３４．５６", Decimal("1234.56"), None),
        ("0", Decimal("0.00"), None),
        (" 1000000000 ", Decimal("1000000000.00"), None),
    ],
)
def test_amounts_accepted(text: str, value: Decimal, currency: str | None) -> None:
    assert fields.amount(text) == (value, currency)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-5", '"-5" is negative'),
        ("$-1,234", '"$-1,234" is negative'),
        ("(120.00)", '"(120.00)" is negative'),
        ("NaN", '"NaN" is not an amount (e.g. 1234.50)'),
        ("inf", '"inf" is not an amount (e.g. 1234.50)'),
        ("1,23", '"1,23" is not an amount (e.g. 1234.50)'),
        ("12.345", '"12.345" has more than 2 decimal places'),
        ("1e5", '"1e5" is not an amount (e.g. 1234.50)'),
        ("1000000000.01", '"1000000000.01" is too large (over 1,000,000,000)'),
        ("", "is empty"),
    ],
)
def test_amounts_rejected(text: str, message: str) -> None:
    with pytest.raises(FieldError) as excinfo:
        fields.amount(text)
    assert str(excinfo.value) == message


@pytest.mark.parametrize(
    ("text", "order", "value"),
    [
        ("2026-11-30", None, date(2026, 11, 30)),
        ("2026/11/30", None, date(2026, 11, 30)),
        ("2026.1.5", None, date(2026, 1, 5)),
        ("20261130", None, date(2026, 11, 30)),
        ("2026年11月30日", None, date(2026, 11, 30)),
        ("2026-11-30 00:00:00", None, date(2026, 11, 30)),
        ("30/11/2026", None, date(2026, 11, 30)),
        ("11/30/2026", None, date(2026, 11, 30)),
        ("05/05/2026", None, date(2026, 5, 5)),
        ("03/04/2026", "dmy", date(2026, 4, 3)),
        ("03/04/2026", "mdy", date(2026, 3, 4)),
        ("30/11/2026", "mdy", date(2026, 11, 30)),
    ],
)
def test_dates_accepted(text: str, order: fields.DateOrder | None, value: date) -> None:
    assert fields.due_date(text, order) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "03/04/2026",
            '"03/04/2026" is ambiguous (day/month or month/day?): '
            "write YYYY-MM-DD or set date_order in the mapping file",
        ),
        ("2026-02-30", '"2026-02-30" is not a real date'),
        ("13/13/2026", '"13/13/2026" is not a real date'),
        ("1850-01-01", '"1850-01-01" has a year outside 1900..2100'),
        ("30/11/26", '"30/11/26" is not a date (use YYYY-MM-DD)'),
        ("next week", '"next week" is not a date (use YYYY-MM-DD)'),
    ],
)
def test_dates_rejected(text: str, message: str) -> None:
    with pytest.raises(FieldError) as excinfo:
        fields.due_date(text, None)
    assert str(excinfo.value) == message


@pytest.mark.parametrize(
    ("text", "country", "e164"),
    [
        ("138 1234 5678", "CN", "+8613812345678"),
        ("+86 138-1234-5678", None, "+8613812345678"),
        ("(617) 555-0123", "US", "+16175550123"),
        ("+1 617 555 0123", "CN", "+16175550123"),
        ("＋８６１３８１２３４５６７８", None, "+8613812345678"),
    ],
)
def test_phones_normalised_to_e164(text: str, country: str | None, e164: str) -> None:
    import phonenumbers

    number = fields.phone(text, country)
    assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == e164


@pytest.mark.parametrize(
    ("text", "country", "message"),
    [
        ("12345", "US", '"12345" is not a valid US number'),
        (
            "138 1234 5678",
            None,
            '"138 1234 5678" is not a phone number (no or unknown country code)',
        ),
        ("call me", "CN", '"call me" is not a phone number (not a number)'),
        ("+86 123 4567 8901", None, '"+86 123 4567 8901" is not a valid CN number'),
        ("1", "CN", '"1" is not a phone number (not a number)'),
    ],
)
def test_phones_rejected(text: str, country: str | None, message: str) -> None:
    with pytest.raises(FieldError) as excinfo:
        fields.phone(text, country)
    assert str(excinfo.value) == message


def test_small_parsers() -> None:
    assert [fields.boolean(t) for t in ("Yes", "1", "是", "否", "FALSE", "n")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert fields.ratio("92%", 1.0) == 0.92
    assert fields.ratio("0.35", 100.0) == 0.35
    assert fields.whole("12.0", 100) == 12
    assert fields.token("Credit Card", {}) == "credit_card"
    assert fields.token("信用卡", {"信用卡": "credit_card"}) == "credit_card"
    for call, message in [
        (lambda: fields.boolean("maybe"), '"maybe" is not yes/no (use true or false)'),
        (lambda: fields.ratio("1.5", 1.0), '"1.5" is above 1 (100%)'),
        (lambda: fields.ratio("-3%", 1.0), '"-3%" is negative'),
        (lambda: fields.ratio("nan", 1.0), '"nan" is not a number (e.g. 0.35 or 35%)'),
        (lambda: fields.whole("2.5", 100), '"2.5" is not a whole number'),
        (lambda: fields.whole("-1", 100), '"-1" is negative'),
        (lambda: fields.text_value("a\x00b", 10), '"a\x00b" contains control characters'),
        (lambda: fields.text_value("x" * 11, 10), "is longer than 10 characters"),
    ]:
        with pytest.raises(FieldError) as excinfo:
            call()
        assert str(excinfo.value) == message


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("CN", "CN"),
        ("cn-gd", "CN-GD"),
        ("广东省", "CN-GD"),
        ("广西壮族自治区", "CN-GX"),
        ("北京市", "CN-BJ"),
        ("Massachusetts", "US-MA"),
        ("US-MA", "US-MA"),
        ("USA", "US"),
        ("中国", "CN"),
        ("GB", "GB"),
    ],
)
def test_regions(text: str, code: str) -> None:
    assert parse_region(text) == code


@pytest.mark.parametrize("text", ["Narnia", "US-XX", "ZZ", "CN-99"])
def test_unknown_regions(text: str) -> None:
    with pytest.raises(ValueError, match=r"^is not a region \(use an ISO code"):
        parse_region(text)
