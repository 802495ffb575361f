"""``kindcall audit``: verify and read the hash-chained audit log."""

from __future__ import annotations

import json
import sys

import click

from bot.commands.options import db_option
from bot.storage import audit as audit_log
from bot.storage import open_database

_AUDIT_HELP = """Verify and read the append-only audit log.

\b
Every pre-dial check, claim, dial, call result, outcome, opt-out, import and
campaign change is one row. Each row stores SHA-256 over the canonical JSON of
[seq, at, kind, subject, payload, prev_hash], and prev_hash is the previous
row's hash, so editing, inserting or deleting any row breaks the chain there.
"""


_VERIFY_HELP = """Check the whole chain; print OK and the row count, or the first broken row.

\b
Exit status 0 when intact; 1 when a row was edited, inserted or deleted, e.g.
  BROKEN at seq 4 (3 rows before it are intact): content does not match its hash ...
"""


@click.group(help=_AUDIT_HELP)
def audit() -> None:
    """Verify and read the append-only audit log."""


@audit.command("verify", help=_VERIFY_HELP)
@db_option
def verify_command(db_url: str | None) -> None:
    """Check the whole chain; print OK and the row count, or the first broken row."""
    db = open_database(db_url)
    try:
        with db.transaction() as session:
            report = audit_log.verify(session)
    finally:
        db.close()
    if report.ok:
        click.echo(f"OK: {report.count} audit rows, chain intact")
        return
    click.echo(
        f"BROKEN at seq {report.broken_seq} ({report.count} rows before it are intact): "
        f"{report.problem}"
    )
    sys.exit(1)


@audit.command("tail")
@click.option("-n", "limit", type=click.IntRange(min=1), default=20, show_default=True)
@db_option
def tail_command(limit: int, db_url: str | None) -> None:
    """Print the newest rows as JSON lines (seq, at, kind, subject, payload, hash)."""
    db = open_database(db_url)
    try:
        with db.transaction() as session:
            rows = audit_log.tail(session, limit)
            lines = [
                json.dumps(
                    {
                        "seq": r.seq,
                        "at": r.at.isoformat(),
                        "kind": r.kind,
                        "subject": r.subject,
                        "payload": r.payload,
                        "hash": r.hash,
                    },
                    ensure_ascii=False,
                    sort_keys=True,
                )
                for r in rows
            ]
    finally:
        db.close()
    for line in lines:
        click.echo(line)
