"""Import an agency file: validate each row, tier it, upsert it, audit the run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.importing import DebtorRecord, RowError, read_rows
from bot.storage import audit
from bot.storage.database import Database
from bot.storage.debtors import UpsertStatus, upsert_record
from bot.tiering import assess

_BATCH = 500


@dataclass
class ImportReport:
    """Counts of one import run (mutable while the run goes on)."""

    rows: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    tiers: Counter[int] = field(default_factory=Counter)
    errors: list[RowError] = field(default_factory=list)


def _flush(db: Database, batch: list[DebtorRecord], agency: str, report: ImportReport) -> None:
    with db.transaction(write=True) as session:
        for record in batch:
            assessment = assess(record.features)
            status: UpsertStatus = upsert_record(
                session, db.vault, record, assessment, agency=agency
            )
            report.statuses[status] += 1
            report.tiers[assessment.tier] += 1
    batch.clear()


def run_import(
    db: Database,
    path: Path,
    *,
    mapping: Path | None,
    agency: str,
    on_row: Callable[[int], None] | None = None,
) -> ImportReport:
    """Validate, tier and upsert every row of ``path``; collect the rejected rows.

    Args:
        db: The database.
        path: A CSV or XLSX file.
        mapping: Optional column mapping YAML.
        agency: Whose external ids these are (re-import upserts on them).
        on_row: Called with the number of rows read so far (a progress bar).
    """
    report = ImportReport()
    rows = read_rows(path, mapping)
    batch: list[DebtorRecord] = []
    for _line, item in rows:
        report.rows += 1
        if isinstance(item, RowError):
            report.errors.append(item)
        else:
            batch.append(item)
            if len(batch) >= _BATCH:
                _flush(db, batch, agency, report)
        if on_row is not None:
            on_row(report.rows)
    if batch:
        _flush(db, batch, agency, report)
    with db.transaction(write=True) as session:
        audit.append(
            session,
            "import",
            f"file:{path.name}",
            {
                "agency": agency,
                "rows": report.rows,
                "rejected": len(report.errors),
                **{k: report.statuses[k] for k in ("created", "updated", "unchanged")},
            },
        )
    return report
