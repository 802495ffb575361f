from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bot.errors import DataFileError
from bot.importing import DebtorRecord, RowError, read_rows
from bot.tiering import TieringFeatures

HEADER = (
    "external_id,full_name,phone,creditor,amount_due,due_date,region,timezone,"
    "repayment_history,partner\n"
)
AMBIGUOUS = (
    '"03/04/2026" is ambiguous (day/month or month/day?): '
    "write YYYY-MM-DD or set date_order in the mapping file"
)
DEFAULT_FEATURES = TieringFeatures(
    0.5, 0, "other", "other", 0, 0.35, "other", "average", False, False, False
)

WritePath = Callable[..., Path]


def test_every_row_becomes_a_record_or_an_error_with_its_line(write_file: WritePath) -> None:
    path = write_file(
        HEADER
        + 'A1,张三,138 1234 5678,安和银行,"¥12,345.60",2026-11-30,广东省,,0.9,A\n'
        + 'A2,"Mary\nSmith",(617) 555-0123,Harbor Bank,"$1,234",11/30/2026,US-MA,,92%,b\n'
        + "\n"
        + "A3,Bob,12345,Harbor Bank,-5,03/04/2026,US-CA,,,\n"
        + "A4,Ann,(213) 555-0101,Harbor Bank,10\n"
        + "A5,Li,+86 13812345678,Bank,100,2026-01-01,,Mars/Base,,\n"
        + "A6,Zoe,(213) 555-0101,Bank,100.5,2026-01-01,US,,,\n"
        + " , ,,,,,,,,\n"
    )
    rows = list(read_rows(path))
    assert [line for line, _ in rows] == [2, 3, 6, 7, 8, 9]

    line, first = rows[0]
    assert first == DebtorRecord(
        external_id="A1",
        full_name="张三",
        phone_e164="+8613812345678",
        locale="zh",
        timezone="Asia/Shanghai",
        region="CN-GD",
        profile="cn",
        creditor_name="安和银行",
        account_ref="A1",
        amount_due=Decimal("12345.60"),
        minimum_due=Decimal("12345.60"),
        currency="CNY",
        due_date=date(2026, 11, 30),
        consent=False,
        dnc=False,
        features=TieringFeatures(
            0.9, 0, "other", "A", 0, 0.35, "other", "average", False, False, False
        ),
    )
    assert rows[1][1] == RowError(
        3, "full_name", 'full_name: "Mary\nSmith" contains control characters', _raw(rows[1][1])
    )
    assert rows[2][1] == RowError(
        6,
        "phone",
        'phone: "12345" is not a valid US number; amount_due: "-5" is negative; '
        f"due_date: {AMBIGUOUS}",
        _raw(rows[2][1]),
    )
    error = rows[3][1]
    assert isinstance(error, RowError)
    assert (error.line, error.column, error.message) == (
        7,
        None,
        "the row has 5 cells but the header has 10 "
        "(a missing or extra delimiter, or a value with an unquoted delimiter?)",
    )
    assert error.raw == {
        "external_id": "A4",
        "full_name": "Ann",
        "phone": "(213) 555-0101",
        "creditor": "Harbor Bank",
        "amount_due": "10",
    }
    error = rows[4][1]
    assert isinstance(error, RowError)
    assert (error.column, error.message) == (
        "timezone",
        'timezone: "Mars/Base" is not an IANA time zone (e.g. Asia/Shanghai)',
    )
    last = rows[5][1]
    assert isinstance(last, DebtorRecord)
    assert (last.region, last.timezone, last.profile, last.locale, last.currency) == (
        "US",
        "America/Los_Angeles",
        "us-regf",
        "en",
        "USD",
    )
    assert last.amount_due == Decimal("100.50") and last.features == DEFAULT_FEATURES


def _raw(item: DebtorRecord | RowError) -> dict[str, str]:
    assert isinstance(item, RowError)
    return item.raw


def test_us_state_sets_zone_and_profile_and_massachusetts_gets_its_overlay(
    write_file: WritePath,
) -> None:
    path = write_file(
        "external_id,full_name,phone,creditor,amount_due,due_date,region,consent,dnc\n"
        "1,Ann Lee,(617) 555-0123,Harbor,10,2026-01-01,Massachusetts,yes,no\n"
        "2,Bo Li,(312) 555-0100,Harbor,10,2026-01-01,US-IL,1,Y\n"
        "3,Cy,+44 20 7946 0000,Harbor,10,2026-01-01,GB,,\n"
    )
    rows = [item for _, item in read_rows(path)]
    ma, il, gb = rows
    assert isinstance(ma, DebtorRecord) and isinstance(il, DebtorRecord)
    assert (ma.region, ma.timezone, ma.profile, ma.consent, ma.dnc) == (
        "US-MA",
        "America/New_York",
        "us-ma",
        True,
        False,
    )
    assert (il.region, il.timezone, il.profile, il.dnc) == (
        "US-IL",
        "America/Chicago",
        "us-regf",
        True,
    )
    assert isinstance(gb, RowError)
    assert gb.message == (
        "profile: no compliance profile is known for region GB: give a profile; "
        "currency: is required for region GB (e.g. EUR)"
    )


def test_amount_rules_across_columns(write_file: WritePath) -> None:
    path = write_file(
        "external_id,full_name,phone,creditor,amount_due,minimum_due,currency,due_date,region\n"
        "1,A,13812345678,X,¥100,50,USD,2026-01-01,CN\n"
        "2,B,13812345678,X,100,150,,2026-01-01,CN\n"
        "3,C,13812345678,X,0,,,2026-01-01,CN\n"
        "4,D,13812345678,X,¥100,$5,,2026-01-01,CN\n"
        "5,E,13812345678,X,100,20,人民币,2026-01-01,CN\n"
    )
    messages = [item.message if isinstance(item, RowError) else item for _, item in read_rows(path)]
    assert messages[:4] == [
        'amount_due: "¥100" is in CNY but the currency is USD',
        "minimum_due: 150.00 is more than amount_due 100.00",
        'amount_due: "0" must be greater than 0',
        'minimum_due: "$5" is in USD but the currency is CNY',
    ]
    fifth = messages[4]
    assert isinstance(fifth, DebtorRecord)
    assert (fifth.currency, fifth.minimum_due) == ("CNY", Decimal("20.00"))


def test_missing_required_columns_reject_every_row_after_a_header_error(
    write_file: WritePath,
) -> None:
    path = write_file("id,name,phone,amount\n1,A,13812345678,5\n\n2,B,13812345678,6\n")
    rows = list(read_rows(path))
    assert [(line, type(item).__name__) for line, item in rows] == [
        (1, "RowError"),
        (2, "RowError"),
        (4, "RowError"),
    ]
    header = rows[0][1]
    assert isinstance(header, RowError)
    assert header.column == "external_id"
    assert header.message == (
        "missing required column(s): external_id, full_name, creditor, amount_due, due_date. "
        'The header has "id", "name", "phone", "amount". '
        "Rename the headers or map them with --mapping."
    )
    assert header.raw == {"id": "id", "name": "name", "phone": "phone", "amount": "amount"}
    for _, item in rows[1:]:
        assert isinstance(item, RowError)
        assert item.column == "external_id"
        assert item.message == (
            "missing required column(s): external_id, full_name, creditor, amount_due, due_date"
        )


def test_duplicate_header_rejects_rows(write_file: WritePath) -> None:
    path = write_file(
        "external_id,full_name,Phone,creditor,amount_due,due_date,phone\n"
        "1,A,13812345678,X,5,2026-01-01,13812345679\n"
    )
    rows = list(read_rows(path))
    assert len(rows) == 2
    row = rows[1][1]
    assert isinstance(row, RowError)
    assert (row.line, row.column) == (2, None)
    assert row.message == 'column "phone" appears more than once (columns 3 and 7)'
    assert (row.raw["Phone"], row.raw["phone"]) == ("13812345678", "13812345679")


def test_headers_match_loosely_and_semicolons_are_detected(write_file: WritePath) -> None:
    path = write_file(
        "External ID; Full Name;PHONE;Creditor;Amount-Due;due date\n"
        "1;Wang Fang;+8613812345678;X;1.234,00;2026-01-01\n"
        "2;Li Na;+8613812345678;X;99;2026-01-01\n"
    )
    rows = [item for _, item in read_rows(path)]
    assert isinstance(rows[0], RowError)
    assert rows[0].message == 'Amount-Due: "1.234,00" is not an amount (e.g. 1234.50)'
    assert isinstance(rows[1], DebtorRecord) and rows[1].full_name == "Li Na"


GBK_FILE = (
    "客户编号,姓名,手机号码,债权方,欠款金额,到期日,省份,行业,信贷类型,失业\n"
    'K001,王芳,13812345678,安和银行,"8,000.00",03/04/2026,浙江省,制造业,信用卡,是\n'
    "K002,李娜,13812345679,安和银行,500元,2026年5月1日,四川,零售,房贷,否\n"
)
MAPPING = """\
columns:
  external_id: 客户编号
  full_name: 姓名
  phone: 手机号码
  creditor: 债权方
  amount_due: 欠款金额
  due_date: 到期日
  region: 省份
  industry: 行业
  credit_type: 信贷类型
  unemployed: 失业
defaults:
  consent: "true"
date_order: dmy
"""


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig"])
def test_chinese_agency_file_with_mapping(write_file: WritePath, encoding: str) -> None:
    path = write_file(GBK_FILE, encoding=encoding)
    mapping = write_file(MAPPING, name="map.yml")
    first, second = (item for _, item in read_rows(path, mapping))
    assert isinstance(first, DebtorRecord) and isinstance(second, DebtorRecord)
    assert (first.full_name, first.region, first.due_date, first.consent) == (
        "王芳",
        "CN-ZJ",
        date(2026, 4, 3),
        True,
    )
    assert (first.features.industry, first.features.credit_type, first.features.unemployed) == (
        "manufacturing",
        "credit_card",
        True,
    )
    assert (second.amount_due, second.due_date, second.features.credit_type) == (
        Decimal("500.00"),
        date(2026, 5, 1),
        "mortgage",
    )


def test_mapping_names_the_header_in_messages(write_file: WritePath) -> None:
    path = write_file(GBK_FILE.replace("13812345678", "12"), encoding="gbk")
    mapping = write_file(MAPPING, name="map.yml")
    error = next(item for _, item in read_rows(path, mapping))
    assert isinstance(error, RowError)
    assert (error.column, error.message) == ("手机号码", '手机号码: "12" is not a valid CN number')
    assert error.raw["姓名"] == "王芳"


def test_missing_mapped_column_is_reported_with_its_header(write_file: WritePath) -> None:
    path = write_file(GBK_FILE.replace("手机号码", "电话"), encoding="gbk")
    mapping = write_file(MAPPING, name="map.yml")
    header = next(item for _, item in read_rows(path, mapping))
    assert isinstance(header, RowError)
    assert header.column == "手机号码"
    assert header.message.startswith("missing required column(s): phone (as 手机号码). The header")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "columns:\n  phone: tel\n  mobile: cell\n",
            3,
            "columns: 'mobile' is not one of our columns",
        ),
        (
            "columns:\n  phone: tel\n  full_name: TEL\n",
            3,
            "columns.full_name: header 'TEL' is already used by phone",
        ),
        (
            "columns:\n  phone: tel\n  phone: cell\n",
            3,
            "columns: duplicate key 'phone' (first on line 2)",
        ),
        ("date_order: ymd\n", 1, "date_order must be dmy or mdy, got 'ymd'"),
        ("encoding: klingon\n", 1, "encoding: unknown encoding 'klingon'"),
        ("delimiter: ';;'\n", 1, "delimiter must be one character, got ';;'"),
        (
            "colums:\n  phone: tel\n",
            1,
            "mapping: unknown key 'colums' "
            "(allowed: columns, defaults, date_order, encoding, delimiter)",
        ),
        ("columns: [phone]\n", 1, "columns must be a mapping"),
        ("columns:\n  phone: [a\n", 3, "invalid YAML: expected ',' or ']', but got '<stream end>'"),
        ("defaults:\n  consent:\n", 2, "defaults.consent must be a text value"),
    ],
)
def test_bad_mapping_files_name_file_and_line(
    write_file: WritePath, text: str, line: int, message: str
) -> None:
    data = write_file(HEADER)
    mapping = write_file(text, name="map.yml")
    with pytest.raises(DataFileError) as excinfo:
        read_rows(data, mapping)
    assert str(excinfo.value) == f"{mapping}:{line}: {message}"


def test_undecodable_bytes_reject_only_their_row(write_file: WritePath) -> None:
    good = "1,王芳,13812345678,X,5,2026-01-01,CN,,,\n"
    data = (
        (HEADER + good).encode()
        + b"2,Bad\xff\xfeName,13812345678,X,5,2026-01-01,CN,,,\n"
        + good.replace("1,", "3,", 1).encode()
    )
    rows = list(read_rows(write_file(data)))
    assert [type(item).__name__ for _, item in rows] == ["DebtorRecord", "RowError", "DebtorRecord"]
    error = rows[1][1]
    assert isinstance(error, RowError)
    assert (error.line, error.column) == (3, None)
    assert error.message == (
        "bytes 0xff 0xfe are not valid utf-8: "
        "save the file as UTF-8 (or name its encoding in the mapping)"
    )
    assert error.raw["full_name"] == "Bad\ufffd\ufffdName"


def test_windows_1252_file_is_read_as_such(write_file: WritePath) -> None:
    text = HEADER + "1,José Peña,(617) 555-0123,Café Credit,5,2026-01-01,US-MA,,,\n"
    record = next(item for _, item in read_rows(write_file(text, encoding="cp1252")))
    assert isinstance(record, DebtorRecord)
    assert (record.full_name, record.creditor_name) == ("José Peña", "Café Credit")


def test_file_level_errors(write_file: WritePath, tmp_path: Path) -> None:
    empty = write_file("", name="empty.csv")
    with pytest.raises(DataFileError) as excinfo:
        read_rows(empty)
    assert str(excinfo.value) == f"{empty}: the file is empty: expected a header line"
    utf16 = write_file(HEADER, name="u16.csv", encoding="utf-16")
    with pytest.raises(DataFileError) as excinfo:
        read_rows(utf16)
    assert (
        str(excinfo.value) == f"{utf16}:1: UTF-16 text is not supported: save the file as CSV UTF-8"
    )
    with pytest.raises(DataFileError, match=r"nope\.csv: cannot read the file: No such file"):
        read_rows(tmp_path / "nope.csv")
    fake = write_file(b"PK\x03\x04 not really a zip", name="fake.xlsx")
    with pytest.raises(DataFileError, match=r"fake\.xlsx: not a readable XLSX workbook: "):
        read_rows(fake)


def test_header_only_file_has_no_rows(write_file: WritePath) -> None:
    assert list(read_rows(write_file(HEADER))) == []


@pytest.mark.parametrize(
    ("region", "phone", "timezone", "profile"),
    [
        ("US", "(617) 555-0123", "America/New_York", "us-ma"),  # area code stands in for MA
        ("", "+1 413 555 0100", "America/New_York", "us-ma"),
        ("US", "(915) 555-0100", "America/Denver", "us-regf"),
        ("US-TX", "(915) 555-0100", "America/Denver", "us-regf"),  # El Paso is Mountain
        ("US-TX", "(214) 555-0100", "America/Chicago", "us-regf"),
        ("US-CA", "(617) 555-0123", "America/Los_Angeles", "us-regf"),  # region beats phone
        ("US", "(208) 555-0100", "America/Boise", "us-regf"),  # two zones: the state's main
        ("CN-XJ", "13812345678", "Asia/Shanghai", "cn"),
    ],
)
def test_time_zone_and_profile_derivation(
    write_file: WritePath, region: str, phone: str, timezone: str, profile: str
) -> None:
    path = write_file(
        "external_id,full_name,phone,creditor,amount_due,due_date,region\n"
        f"1,A,{phone},X,5,2026-01-01,{region}\n"
    )
    record = next(item for _, item in read_rows(path))
    assert isinstance(record, DebtorRecord)
    assert (record.timezone, record.profile) == (timezone, profile)


def test_toll_free_number_without_state_needs_a_time_zone(write_file: WritePath) -> None:
    path = write_file(
        "external_id,full_name,phone,creditor,amount_due,due_date,region,timezone\n"
        "1,A,+1 800 555 0100,X,5,2026-01-01,US,\n"
        "2,A,+1 800 555 0100,X,5,2026-01-01,US,America/Chicago\n"
    )
    first, second = (item for _, item in read_rows(path))
    assert isinstance(first, RowError)
    assert first.message == (
        "timezone: cannot be derived for region US and this phone number: "
        "give a timezone or a state (e.g. US-MA)"
    )
    assert isinstance(second, DebtorRecord) and second.timezone == "America/Chicago"


def test_a_repeated_external_id_is_rejected(write_file: WritePath) -> None:
    path = write_file(
        "external_id,full_name,phone,creditor,amount_due,due_date,region\n"
        "A1,A,12,X,5,2026-01-01,CN\n"
        "A1,B,13812345678,X,5,2026-01-01,CN\n"
        "A1,C,13812345678,X,9,2026-01-01,CN\n"
    )
    kinds = [(line, type(item).__name__) for line, item in read_rows(path)]
    assert kinds == [(2, "RowError"), (3, "DebtorRecord"), (4, "RowError")]
    last = list(read_rows(path))[-1][1]
    assert isinstance(last, RowError)
    assert (last.column, last.message) == (
        "external_id",
        'external_id: "A1" is already on line 3 (one row per account)',
    )


def test_old_xls_workbooks_are_refused_clearly(write_file: WritePath) -> None:
    path = write_file(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), name="old.xls")
    with pytest.raises(DataFileError) as excinfo:
        read_rows(path)
    assert excinfo.value.detail == (
        "old Excel (.xls) workbooks are not supported: save as .xlsx or CSV"
    )


def test_empty_required_cells_and_bad_region(write_file: WritePath) -> None:
    path = write_file(
        "external_id,full_name,phone,creditor,amount_due,due_date,region,locale\n"
        " ,,13812345678,X,5,,CN,\n"
        "2,B,13812345678,X,5,2026-01-01,Narnia,fr\n"
        "3,C,+8613812345678,X,5,2026-01-01,Narnia,\n"
    )
    first, second, third = (item for _, item in read_rows(path))
    assert isinstance(first, RowError) and isinstance(second, RowError)
    assert first.message == (
        "external_id: is required but empty; full_name: is required but empty; "
        "due_date: is required but empty"
    )
    assert second.message == (
        'region: "Narnia" is not a region (use an ISO code such as CN, CN-GD, US, US-MA); '
        'locale: "fr" is not a supported locale (zh or en)'
    )
    assert isinstance(third, RowError)
    assert third.message.startswith('region: "Narnia" is not a region')


def test_a_mapping_encoding_that_cannot_decode_stops_with_a_data_file_error(
    write_file: WritePath,
) -> None:
    path = write_file(HEADER.encode("utf-16-le") + b"\x00\xdc")  # a lone low surrogate
    mapping = write_file("encoding: utf-16-le\n", name="map.yml")
    with pytest.raises(DataFileError) as excinfo:
        list(read_rows(path, mapping))
    assert excinfo.value.detail.startswith("reading stopped: not decodable as utf-16-le: ")


@pytest.mark.parametrize("zone", ["localtime", "Factory", "right/America/New_York"])
def test_a_zone_file_that_is_not_a_place_is_refused(write_file: WritePath, zone: str) -> None:
    # planning refuses them (the machine's own zone, "unknown" read as UTC, leap-second copies)
    path = write_file(HEADER + f"A1,Ann,(213) 555-0101,Harbor Bank,10,2026-01-01,US,{zone},,\n")
    [(_, error)] = list(read_rows(path))
    assert isinstance(error, RowError)
    assert (error.column, error.message) == (
        "timezone",
        f'timezone: "{zone}" is not an IANA time zone (e.g. Asia/Shanghai)',
    )
