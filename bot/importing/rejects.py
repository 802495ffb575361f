"""The rejects file: the rows that could not be imported, with where and why."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from bot.errors import DataFileError
from bot.importing.records import RowError

MAX_CELL = 32_767  # Excel's limit for one cell


def write_rejects(path: Path, errors: Iterable[RowError]) -> None:
    """Write rejected rows as CSV: the original columns, then ``line`` and ``error``.

    The file is UTF-8 with a byte-order mark, so Excel shows Chinese text correctly
    whatever the original encoding was. Columns are the union of the rows' headers in
    first-seen order; if the agency's file already has a ``line`` or ``error`` column,
    ours are called ``kindcall_line`` and ``kindcall_error``. Cells (and headers) longer
    than Excel's 32 767 characters are cut there and end in ``…[cut N characters]``, so
    the rejects file always reads back with ``read_rows``.

    Raises:
        DataFileError: The file cannot be written.
    """
    rows = list(errors)
    names: dict[str, str] = {}  # original header → the (possibly cut) name written
    for error in rows:
        for key in error.raw:
            if key not in names:
                name = _fit(key)
                names[key] = name if name not in names.values() else f"{name}_{len(names) + 1}"
    line_col = "kindcall_line" if "line" in names.values() else "line"
    error_col = "kindcall_error" if "error" in names.values() else "error"
    fieldnames = [*names.values(), line_col, error_col]
    try:
        with path.open("w", encoding="utf-8-sig", errors="replace", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fieldnames)
            writer.writeheader()
            for error in rows:
                cells = {names[key]: _fit(value) for key, value in error.raw.items()}
                writer.writerow({**cells, line_col: error.line, error_col: _fit(error.message)})
    except OSError as exc:
        raise DataFileError(str(path), None, f"cannot write the rejects file: {exc}") from exc


def _fit(value: str) -> str:
    if len(value) <= MAX_CELL:
        return value
    marker = f"…[cut {len(value) - MAX_CELL + 40} characters]"
    return value[: MAX_CELL - 40] + marker
