"""``read_rows``: every data row of an agency file as a record or an error, never lost."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.importing.columns import (
    ALL_COLUMNS,
    REQUIRED,
    ColumnMapping,
    load_mapping,
    normalise_header,
)
from bot.importing.fields import show
from bot.importing.records import DebtorRecord, RowError
from bot.importing.sources import Source, SourceRow, open_source
from bot.importing.validate import validate


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where our columns sit in the file, or why the header cannot be used."""

    keys: list[str]
    index: dict[str, int]
    labels: dict[str, str]
    column: str | None = None
    header_message: str | None = None
    row_message: str | None = None


def read_rows(
    path: Path, mapping: Path | None = None
) -> Iterator[tuple[int, DebtorRecord | RowError]]:
    """Read an agency's CSV or XLSX file, row by row.

    The file, the mapping and the header are read before this returns, so their errors
    raise here; the rows are then validated lazily as the iterator is consumed.

    Every data row yields exactly one ``(line, DebtorRecord | RowError)``; a second row with
    an ``external_id`` already imported from the file is an error. When the header
    lacks a required column (or holds one twice), a first ``RowError`` at the header's line
    explains it and every data row is a ``RowError`` naming the column.

    Args:
        path: ``.csv`` (any other name is read as CSV unless it is a ZIP) or ``.xlsx``.
        mapping: An optional YAML mapping file (see :mod:`bot.importing.columns`).

    Returns:
        An iterator of ``(line, record or error)`` in file order.

    Raises:
        DataFileError: Unreadable file or mapping, empty file, UTF-16 text, an old .xls or
            damaged workbook; while iterating: a damaged workbook, a read failure, or text
            the mapping's ``encoding`` cannot decode (detected encodings never fail).
    """
    columns = load_mapping(mapping) if mapping is not None else ColumnMapping()
    source = open_source(path, columns)
    layout = _layout(source.header, columns)
    return _rows(source, layout, columns)


def _layout(header: SourceRow, columns: ColumnMapping) -> _Layout:
    keys: list[str] = []
    for position, cell in enumerate(header.cells, start=1):
        name = cell.strip() or f"column_{position}"
        keys.append(name if name not in keys else f"{name}_{position}")
    normalised = [normalise_header(cell) for cell in header.cells]
    index: dict[str, int] = {}
    labels: dict[str, str] = {}
    twice: list[str] = []
    duplicated: set[str] = set()
    for ours in ALL_COLUMNS:
        wanted = columns.header_for(ours)
        labels[ours] = wanted
        positions = [i for i, name in enumerate(normalised) if name == normalise_header(wanted)]
        if len(positions) > 1:
            where = " and ".join(str(i + 1) for i in positions)
            twice.append(f'column "{wanted}" appears more than once (columns {where})')
            duplicated.add(ours)
        elif positions:
            index[ours] = positions[0]
            labels[ours] = keys[positions[0]]
    missing = [
        ours
        for ours in REQUIRED
        if ours not in index and ours not in duplicated and ours not in columns.defaults
    ]
    if not missing and not twice:
        return _Layout(keys, index, labels)
    problems = list(twice)
    if missing:
        names = ", ".join(
            ours if columns.header_for(ours) == ours else f"{ours} (as {columns.header_for(ours)})"
            for ours in missing
        )
        problems.insert(0, f"missing required column(s): {names}")
    row_message = "; ".join(problems)
    found = ", ".join(show(key) for key in keys[:30]) or "nothing"
    header_message = f"{row_message}. The header has {found}"
    if header.fault:
        header_message += f". {header.fault}"
    header_message += ". Rename the headers or map them with --mapping."
    column = labels[missing[0]] if missing else None
    return _Layout(keys, index, labels, column, header_message, row_message)


def _rows(
    source: Source, layout: _Layout, columns: ColumnMapping
) -> Iterator[tuple[int, DebtorRecord | RowError]]:
    header = source.header
    if layout.header_message is not None:
        raw = dict(zip(layout.keys, header.cells, strict=True))
        yield header.line, RowError(header.line, layout.column, layout.header_message, raw)
    width = len(layout.keys)
    seen: dict[str, int] = {}  # external_id → line of the record that carried it
    for row in source.rows:
        raw = dict(zip(layout.keys, row.cells, strict=False))
        raw.update({f"extra_{i}": cell for i, cell in enumerate(row.cells[width:], start=1)})
        message = layout.row_message or row.fault or _shape_problem(source.kind, row.cells, width)
        if message is not None:
            column = layout.column if layout.row_message else None
            yield row.line, RowError(row.line, column, message, raw)
            continue
        cells = {}
        for ours in ALL_COLUMNS:
            position = layout.index.get(ours)
            cell = row.cells[position] if position is not None and position < len(row.cells) else ""
            cells[ours] = cell if cell.strip() else columns.defaults.get(ours, "")
        result = validate(cells, layout.labels, columns.date_order)
        if isinstance(result, DebtorRecord):
            first = seen.setdefault(result.external_id, row.line)
            if first == row.line:
                yield row.line, result
                continue
            label = layout.labels["external_id"]
            text = (
                f'{label}: "{result.external_id}" is already on line {first} (one row per account)'
            )
            yield row.line, RowError(row.line, label, text, raw)
        else:
            text = "; ".join(f"{column}: {problem}" for column, problem in result)
            yield row.line, RowError(row.line, result[0][0], text, raw)


def _shape_problem(kind: str, cells: list[str], width: int) -> str | None:
    if kind == "xlsx":
        beyond = [i for i, cell in enumerate(cells[width:], start=width + 1) if cell.strip()]
        if beyond:
            return f"the row has a value in column {beyond[0]}, right of the last header column"
        return None
    if len(cells) != width:
        return (
            f"the row has {len(cells)} cells but the header has {width} "
            "(a missing or extra delimiter, or a value with an unquoted delimiter?)"
        )
    return None
