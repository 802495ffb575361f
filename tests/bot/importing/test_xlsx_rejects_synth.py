from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import phonenumbers
import pytest

from bot.importing import DebtorRecord, RowError, read_rows, write_rejects, write_synthetic
from bot.importing.synth import COLUMNS


def test_xlsx_round_trip_with_native_cell_types(tmp_path: Path) -> None:
    path = tmp_path / "agency.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(
        [
            "external_id",
            "full_name",
            "phone",
            "creditor",
            "amount_due",
            "due_date",
            "region",
            "consent",
            "days_overdue",
        ]
    )
    sheet.append(
        [
            "X1",
            "王芳",
            13812345678,
            "安和银行",
            1234.5,
            dt.datetime(2026, 11, 30),
            "CN-ZJ",
            True,
            45,
        ]
    )
    sheet.append([])
    sheet.append(
        [7, "Ann Lee", "(617) 555-0123", "Harbor", 99, dt.date(2026, 1, 2), "US-MA", False, 0.0]
    )
    sheet.append(["X3", "Bad Amount", "(617) 555-0123", "Harbor", -3, "2026-01-02", "US-MA"])
    sheet.append(
        [
            "X4",
            "Extra",
            "(617) 555-0123",
            "Harbor",
            5,
            "2026-01-02",
            "US-MA",
            None,
            None,
            None,
            "oops",
        ]
    )
    sheet.append(["X5", "Short row", "(617) 555-0123", "Harbor", 1.1 * 3, "2026-01-02", "US-MA"])
    workbook.save(path)

    rows = list(read_rows(path))
    assert [line for line, _ in rows] == [2, 4, 5, 6, 7]
    first, second, third, fourth, fifth = (item for _, item in rows)
    assert isinstance(first, DebtorRecord)
    assert (first.external_id, first.phone_e164, first.amount_due, first.due_date) == (
        "X1",
        "+8613812345678",
        Decimal("1234.50"),
        dt.date(2026, 11, 30),
    )
    assert (first.consent, first.features.days_overdue, first.region) == (True, 45, "CN-ZJ")
    assert isinstance(second, DebtorRecord)
    assert (second.external_id, second.amount_due, second.consent, second.profile) == (
        "7",
        Decimal("99.00"),
        False,
        "us-ma",
    )
    assert isinstance(third, RowError) and third.message == 'amount_due: "-3" is negative'
    assert isinstance(fourth, RowError)
    assert fourth.message == "the row has a value in column 11, right of the last header column"
    assert fourth.raw["extra_2"] == "oops"
    assert isinstance(fifth, DebtorRecord)
    assert fifth.amount_due == Decimal("3.30")  # 3.3000000000000003 in the cell


def test_rejects_file_keeps_original_columns_plus_line_and_error(tmp_path: Path) -> None:
    errors = [
        RowError(2, "phone", 'phone: "1" is not a valid CN number', {"id": "1", "phone": "1"}),
        RowError(
            5,
            None,
            "the row has 3 cells but the header has 2 (...)",
            {"id": "2", "phone": "x", "extra_1": "y"},
        ),
    ]
    path = tmp_path / "rejects.csv"
    write_rejects(path, errors)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [
        ["id", "phone", "extra_1", "line", "error"],
        ["1", "1", "", "2", 'phone: "1" is not a valid CN number'],
        ["2", "x", "y", "5", "the row has 3 cells but the header has 2 (...)"],
    ]
    clash = tmp_path / "clash.csv"
    write_rejects(clash, [RowError(2, None, "bad", {"line": "7", "error": "none"})])
    assert (
        clash.read_text(encoding="utf-8-sig").splitlines()[0]
        == "line,error,kindcall_line,kindcall_error"
    )


def test_rejects_of_a_real_import_reimport_cleanly(
    tmp_path: Path, write_file: Callable[..., Path]
) -> None:
    source = write_file(
        "external_id,full_name,phone,creditor,amount_due,due_date,region\n"
        "1,A,12,X,5,2026-01-01,CN\n"
        '2,"B, the second",13812345678,X,5,31/02/2026,CN\n'
    )
    errors = [item for _, item in read_rows(source) if isinstance(item, RowError)]
    rejects = tmp_path / "rejects.csv"
    write_rejects(rejects, errors)
    again = [item for _, item in read_rows(rejects)]
    assert [e.message for e in again if isinstance(e, RowError)] == [
        'phone: "12" is not a valid CN number',
        'due_date: "31/02/2026" is not a real date',
    ]
    assert again[1].raw["full_name"] == "B, the second"  # type: ignore[union-attr]


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_synthetic_file_is_deterministic_valid_and_localised(tmp_path: Path, locale: str) -> None:
    a, b, c = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    write_synthetic(a, 300, locale, seed=3)  # type: ignore[arg-type]
    write_synthetic(b, 300, locale, seed=3)  # type: ignore[arg-type]
    write_synthetic(c, 300, locale, seed=4)  # type: ignore[arg-type]
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (a, b, c)]
    assert digest[0] == digest[1] != digest[2]
    records = [item for _, item in read_rows(a)]
    assert all(isinstance(r, DebtorRecord) for r in records), [
        r for r in records if isinstance(r, RowError)
    ][:3]
    typed = [r for r in records if isinstance(r, DebtorRecord)]
    assert len({r.external_id for r in typed}) == 300
    for record in typed:
        number = phonenumbers.parse(record.phone_e164)
        assert phonenumbers.is_valid_number(number)
        assert record.locale == locale
    if locale == "zh":
        assert {r.currency for r in typed} == {"CNY"} and {r.profile for r in typed} == {"cn"}
        assert all(r.phone_e164.startswith("+861") for r in typed)
        assert all("\u4e00" <= r.full_name[0] <= "\u9fff" for r in typed)
        assert len({r.region for r in typed}) >= 15
    else:
        assert {r.currency for r in typed} == {"USD"}
        assert {r.profile for r in typed} == {"us-regf", "us-ma"}
        assert all(r.phone_e164[5:9] == "5550" for r in typed)
        assert "America/Los_Angeles" in {r.timezone for r in typed}


def test_synthetic_xlsx_has_the_same_rows(tmp_path: Path) -> None:
    csv_path, xlsx_path = tmp_path / "s.csv", tmp_path / "s.xlsx"
    write_synthetic(csv_path, 50, "zh", seed=1)
    write_synthetic(xlsx_path, 50, "zh", seed=1)
    from_csv = [item for _, item in read_rows(csv_path)]
    from_xlsx = [item for _, item in read_rows(xlsx_path)]
    assert from_csv == from_xlsx and len(from_csv) == 50
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert tuple(header) == COLUMNS
