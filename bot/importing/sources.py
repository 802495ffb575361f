"""Read the records of a CSV or XLSX file as text cells with their physical line numbers.

CSV encoding detection (unless the mapping names one), on the first 4 MiB:

1. a UTF-8 byte-order mark → ``utf-8-sig``; a UTF-16 mark → rejected (save as CSV UTF-8);
2. valid UTF-8 → ``utf-8``;
3. more than 30 % of the non-ASCII bytes invalid as UTF-8 (GBK text: ≈ 75 %) →
   ``gb18030`` (reads GBK and GB2312 too) when most high bytes come in pairs, as Chinese
   text does, or ``cp1252`` (Windows Excel in the US) when most stand alone between ASCII
   characters;
4. otherwise ``utf-8``: a few bad bytes are damage, not another encoding.

Bytes the chosen encoding cannot decode never stop the import: the rows holding them
come back with a row-level fault naming the bytes. The delimiter is the most frequent of
``,`` ``;`` and tab outside double quotes on the first line (``,`` on a tie), unless the
mapping names one.

A record whose every cell is empty or only spaces/tabs is skipped: it is not a data row.

XLSX: the first worksheet, row 1 is the header; dates, numbers and booleans are turned
into text the cell parsers read (``2026-11-30``, ``1234.5``, ``true``).
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import IO

from bot.errors import DataFileError
from bot.importing.columns import ColumnMapping

SAMPLE_BYTES = 4 * 1024 * 1024
_UNDECODED = re.compile("[\udc80-\udcff]")
_XLSX_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One record: where it starts, its cells, and a row-level fault if any."""

    line: int
    cells: list[str]
    fault: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """An opened file: its first record (the header) and an iterator over the rest."""

    kind: str
    encoding: str | None
    header: SourceRow
    rows: Iterator[SourceRow]


def open_source(path: Path, mapping: ColumnMapping) -> Source:
    """Open ``path`` (XLSX by extension or content, CSV otherwise) and read its header.

    Raises:
        DataFileError: The file cannot be opened, is not a readable workbook (or an old
            .xls one), is UTF-16, or holds no record at all.
    """
    try:
        with path.open("rb") as handle:
            sample = handle.read(SAMPLE_BYTES)
    except OSError as exc:
        raise DataFileError(str(path), None, f"cannot read the file: {exc.strerror}") from exc
    if sample.startswith(_OLE2_MAGIC):
        raise DataFileError(
            str(path), None, "old Excel (.xls) workbooks are not supported: save as .xlsx or CSV"
        )
    if path.suffix.lower() in (".xlsx", ".xlsm") or sample.startswith(_XLSX_MAGIC):
        kind, encoding, rows = "xlsx", None, _xlsx_rows(path)
    else:
        if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise DataFileError(
                str(path), 1, "UTF-16 text is not supported: save the file as CSV UTF-8"
            )
        encoding = mapping.encoding or detect_encoding(sample, len(sample) < SAMPLE_BYTES)
        first_line = sample.split(b"\n", 1)[0].decode(encoding, "replace")
        delimiter = mapping.delimiter or sniff_delimiter(first_line)
        kind, rows = "csv", _csv_rows(path, encoding, delimiter)
    header = next(rows, None)
    if header is None:
        raise DataFileError(str(path), None, "the file is empty: expected a header line")
    return Source(kind, encoding, header, rows)


def detect_encoding(sample: bytes, complete: bool = True) -> str:
    """Choose the encoding of a CSV file from its first bytes (see the module docstring)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if not complete and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]  # do not judge a character cut in two
    bad_utf8 = len(_UNDECODED.findall(sample.decode("utf-8", "surrogateescape")))
    if bad_utf8 == 0:
        return "utf-8"
    high = len(sample) - len(sample.decode("ascii", "ignore"))
    if bad_utf8 * 10 <= high * 3:
        return "utf-8"
    alone = len(re.findall(rb"(?<![\x80-\xff])[\x80-\xff](?![\x80-\xff])", sample))
    return "cp1252" if alone * 2 > high else "gb18030"


def sniff_delimiter(line: str) -> str:
    """The most frequent of ``,`` ``;`` and tab outside quotes in ``line`` (``,`` wins ties)."""
    outside = "".join(line.split('"')[::2])  # even pieces lie outside double quotes
    return max((",", ";", "\t"), key=lambda ch: (outside.count(ch), ch == ","))


def is_blank(cells: list[str]) -> bool:
    """A record with nothing but spaces and tabs is not a data row."""
    return all(not cell.strip(" \t") for cell in cells)


def _csv_rows(path: Path, encoding: str, delimiter: str) -> Iterator[SourceRow]:
    try:
        stream: IO[str] = path.open(encoding=encoding, errors="surrogateescape", newline="")
    except OSError as exc:
        raise DataFileError(str(path), None, f"cannot read the file: {exc.strerror}") from exc
    with stream:
        reader = csv.reader(stream, delimiter=delimiter)
        last = 0
        while True:
            start = last + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                last = reader.line_num
                yield SourceRow(start, [], f"unreadable CSV: {exc}")
                continue
            except UnicodeDecodeError as exc:  # only with a mapping's multi-byte-unit codec
                raise DataFileError(
                    str(path), start, f"reading stopped: not decodable as {encoding}: {exc.reason}"
                ) from exc
            except OSError as exc:
                raise DataFileError(str(path), start, f"reading stopped: {exc}") from exc
            last = reader.line_num
            if is_blank(cells):
                continue
            bad = [ch for cell in cells for ch in _UNDECODED.findall(cell)]
            if bad:
                shown = " ".join(f"0x{ord(ch) - 0xDC00:02x}" for ch in bad[:4])
                more = f" and {len(bad) - 4} more" if len(bad) > 4 else ""
                fault = (
                    f"bytes {shown}{more} are not valid {encoding}: "
                    "save the file as UTF-8 (or name its encoding in the mapping)"
                )
                cells = [_UNDECODED.sub("\ufffd", cell) for cell in cells]
                yield SourceRow(start, cells, fault)
            else:
                yield SourceRow(start, cells)


def _xlsx_rows(path: Path) -> Iterator[SourceRow]:
    # Imported here so CSV-only runs never pay for openpyxl.
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many undocumented types on corrupt files
        raise DataFileError(str(path), None, f"not a readable XLSX workbook: {exc}") from exc
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # trust the cells, not a possibly stale <dimension> tag
        rows = sheet.iter_rows(min_row=1, values_only=True)
        for line, values in enumerate(rows, start=1):
            cells = [_cell_text(value) for value in values]
            if not is_blank(cells):
                yield SourceRow(line, cells)
    except DataFileError:
        raise
    except Exception as exc:  # a corrupt sheet fails mid-way; say where reading stopped
        raise DataFileError(str(path), None, f"the workbook is damaged: {exc}") from exc
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        # 15 significant digits drop binary noise from formulas (100.10000000000001)
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    return str(value)
