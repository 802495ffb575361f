"""Fuzz ``read_rows`` with mutated agency files: it never crashes and never loses a row.

Every example starts from a small synthetic zh or en file, mutates its text (dropped
columns, truncated lines, huge fields, garbage lines, another delimiter), encodes it in some
encoding (including wrong ones) and then mutates its bytes (flips, truncation, garbage,
stray quotes, CR and NUL bytes). The only exception allowed is ``DataFileError`` for the
documented file-level cases; otherwise the rows read must match, one for one and line for
line, the data records an independent reader finds in the same bytes.

The independent reader decodes as latin-1 (one character per byte, so every ASCII
delimiter, quote and line break is where it is in every encoding the importer may choose),
skips a UTF-8 byte-order mark, picks the delimiter by the documented rule (the most
frequent of , ; tab outside quotes on the first line) and counts the
records after the first one that hold something other than spaces and tabs.

300 examples run in the suite; ``KINDCALL_FUZZ_EXAMPLES=20000`` runs a long campaign.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import phonenumbers
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bot.errors import DataFileError
from bot.importing import DebtorRecord, RowError, read_rows, write_rejects, write_synthetic

ROWS = 12


@functools.cache
def base_text(locale: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "base.csv"
        write_synthetic(path, ROWS, "zh" if locale == "zh" else "en", seed=11)
        return path.read_bytes().decode("utf-8-sig")  # keep the CSV's \r\n line ends


@dataclass(frozen=True)
class Expected:
    header_line: int | None
    data_lines: list[int]


def independent_count(data: bytes) -> Expected:
    text = data.decode("latin-1")
    text = text.removeprefix("\xef\xbb\xbf")
    first_line = text.split("\n", 1)[0]
    outside = "".join(first_line.split('"')[::2])
    delimiter = max((",", ";", "\t"), key=lambda ch: (outside.count(ch), ch == ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    starts: list[int] = []
    last = 0
    while True:
        start = last + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:
            last = reader.line_num
            starts.append(start)
            continue
        last = reader.line_num
        if any(cell.strip(" \t") for cell in cells):
            starts.append(start)
    if not starts:
        return Expected(None, [])
    return Expected(starts[0], starts[1:])


@st.composite
def mutated_files(draw: st.DrawFn) -> bytes:
    text = base_text(draw(st.sampled_from(["zh", "en"])))
    lines = text.split("\r\n")
    assert len(lines) == ROWS + 2
    for op in draw(st.lists(st.sampled_from(TEXT_OPS), max_size=3)):
        lines = op(draw, lines)
    text = "\r\n".join(lines)
    encoding = draw(st.sampled_from(ENCODINGS))
    data = bytearray(text.encode(encoding, errors="replace"))
    for op in draw(st.lists(st.sampled_from(BYTE_OPS), max_size=4)):
        data = op(draw, data)
    return bytes(data)


def _row_index(draw: st.DrawFn, lines: list[str]) -> int:
    # the header (index 0) only one time in eight: most damage hits data rows
    if draw(st.integers(0, 7)) == 7:
        return 0
    return draw(st.integers(1, max(1, len(lines) - 1))) % len(lines)


def drop_column(draw: st.DrawFn, lines: list[str]) -> list[str]:
    column = 23 - draw(st.integers(0, 23))
    header_only = draw(st.booleans())
    out = []
    for i, line in enumerate(lines):
        cells = line.split(",")
        if (i == 0 or not header_only) and column < len(cells):
            del cells[column]
        out.append(",".join(cells))
    return out


def truncate_line(draw: st.DrawFn, lines: list[str]) -> list[str]:
    i = _row_index(draw, lines)
    keep = draw(st.integers(0, max(0, len(lines[i]))))
    return [*lines[:i], lines[i][:keep], *lines[i + 1 :]]


def huge_field(draw: st.DrawFn, lines: list[str]) -> list[str]:
    i = _row_index(draw, lines)
    size = draw(st.sampled_from([60_000, 200_000]))
    value = "9" * size
    if draw(st.booleans()):
        value = '"' + value + ("\n" + "x" * size if draw(st.booleans()) else "") + '"'
    cells = lines[i].split(",")
    cells[draw(st.integers(0, len(cells) - 1))] = value
    return [*lines[:i], ",".join(cells), *lines[i + 1 :]]


def garbage_line(draw: st.DrawFn, lines: list[str]) -> list[str]:
    i = _row_index(draw, lines)
    junk = draw(st.text(max_size=60))
    return [*lines[:i], junk, *lines[i:]]


def blank_lines(draw: st.DrawFn, lines: list[str]) -> list[str]:
    i = _row_index(draw, lines)
    return [*lines[:i], "", " \t ", ",,,", *lines[i:]]


def semicolons(draw: st.DrawFn, lines: list[str]) -> list[str]:
    return [line.replace(",", ";") for line in lines]


def shuffle_cells(draw: st.DrawFn, lines: list[str]) -> list[str]:
    i = _row_index(draw, lines)
    cells = lines[i].split(",")
    order = draw(st.permutations(range(len(cells))))
    return [*lines[:i], ",".join(cells[k] for k in order), *lines[i + 1 :]]


# Positions come from a (shrinkable) Random: plain integer strategies favour small values,
# which would put nearly every mutation into the header.
def flip_bytes(draw: st.DrawFn, data: bytearray) -> bytearray:
    rng = draw(st.randoms(use_true_random=False))
    for value in draw(st.lists(st.integers(0, 255), min_size=1, max_size=8)):
        if data:
            data[rng.randrange(len(data))] = value
    return data


def truncate(draw: st.DrawFn, data: bytearray) -> bytearray:
    return data[: draw(st.randoms(use_true_random=False)).randint(0, len(data))]


def insert_bytes(draw: st.DrawFn, data: bytearray) -> bytearray:
    position = draw(st.randoms(use_true_random=False)).randint(0, len(data))
    junk = draw(
        st.sampled_from([b'"', b"\r", b"\n", b"\x00", b'","', b"\xff\xfe"]) | st.binary(max_size=40)
    )
    return data[:position] + junk + data[position:]


# wrong encodings included; UTF-16 is rejected as a whole, so it is drawn rarely
ENCODINGS = ["utf-8"] * 4 + ["utf-8-sig", "gb18030", "gb18030", "cp1252", "latin-1", "utf-16"]
# Hypothesis favours the first choices: put the ops that break whole files last.
TEXT_OPS = [
    truncate_line,
    garbage_line,
    huge_field,
    blank_lines,
    shuffle_cells,
    semicolons,
    drop_column,
]
BYTE_OPS = [flip_bytes, insert_bytes, truncate]


def check(data: bytes, folder: Path, note: Callable[[str], object] = print) -> None:
    path = folder / "fuzz.csv"
    path.write_bytes(data)
    expected = independent_count(data)
    try:
        results = list(read_rows(path))
    except DataFileError as exc:
        note("file-level DataFileError")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            assert exc.detail == "UTF-16 text is not supported: save the file as CSV UTF-8"
        elif data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
            assert exc.detail.startswith("old Excel (.xls) workbooks are not supported")
        elif data.startswith(b"PK\x03\x04"):
            assert exc.detail.startswith(
                ("not a readable XLSX workbook", "the workbook is damaged")
            )
        else:
            assert exc.detail == "the file is empty: expected a header line"
            assert expected.header_line is None
        return
    assert expected.header_line is not None
    lines = [line for line, _ in results]
    header_level = [item for line, item in results if line == expected.header_line]
    data_lines = [line for line in lines if line != expected.header_line]
    assert data_lines == expected.data_lines  # one result per data row, at its start line
    assert len(header_level) <= 1 and all(isinstance(item, RowError) for item in header_level)
    errors = []
    for line, item in results:
        if isinstance(item, RowError):
            assert item.line == line and item.message
            errors.append(item)
        else:
            assert isinstance(item, DebtorRecord)
            number = phonenumbers.parse(item.phone_e164)
            assert phonenumbers.is_valid_number(number)
            assert item.amount_due > 0 and 0 <= item.minimum_due <= item.amount_due
    share = len(errors) / max(1, len(results))
    note("all rows imported" if not errors else "all rejected" if share == 1 else "some rejected")
    note("header unusable" if header_level else "header usable")
    rejects = folder / "rejects.csv"
    write_rejects(rejects, errors)
    again = independent_count(rejects.read_bytes())  # the rejects file is itself readable
    assert len(again.data_lines) == len(errors)
    assert [line for line, _ in read_rows(rejects) if line != again.header_line] == again.data_lines


@settings(
    max_examples=int(os.environ.get("KINDCALL_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_files())
def test_mutated_csv_files_never_crash_and_lose_no_row(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        check(data, Path(folder), event)


def test_unmutated_base_files_import_completely(tmp_path: Path) -> None:
    for locale in ("zh", "en"):
        data = base_text(locale).encode("utf-8")
        path = tmp_path / f"{locale}.csv"
        path.write_bytes(data)
        assert [type(item) for _, item in read_rows(path)] == [DebtorRecord] * ROWS
        check(data, tmp_path)
