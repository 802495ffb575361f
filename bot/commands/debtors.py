"""``kindcall debtors``: import agency files, write synthetic ones, show tiers and people."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import Integer, func, select

from bot.commands.options import db_option
from bot.importing import write_rejects, write_synthetic
from bot.storage import open_database
from bot.storage.debtors import DEFAULT_AGENCY
from bot.storage.imports import ImportReport, run_import
from bot.storage.models import Account, Contact, Debtor, TierAssessmentRow

_BATCH = 500
_SHOW_ERRORS = 10


_DEBTORS_HELP = """Import, synthesise, tier and list debtors.

\b
Names and phone numbers are stored encrypted (AES-GCM); the key comes from
$KINDCALL_DATA_KEY (32 bytes, base64) or var/data.key, created on first use.
Keep that key: without it the stored names and numbers cannot be read.
"""


_IMPORT_HELP = """Import debtors and accounts from FILE (.csv or .xlsx), tiering each account.

\b
Every row is validated (phone via libphonenumber, amounts as exact decimals,
dates, region/time zone). Valid rows are upserted on (agency, external_id) and
their account on account_ref, so importing the same file again changes nothing.
Invalid rows go to the rejects file with their line number and the reason;
the first few are printed. Exit status: 0 when the file was read (even with
rejected rows); 1 when the file or mapping cannot be read at all.

\b
Example:
  kindcall debtors synth 1000 --locale zh --out debtors.csv
  kindcall debtors import debtors.csv
"""


_SYNTH_HELP = """Write N realistic synthetic debtors (fake names and numbers) for trying things out.

\b
The file uses KindCall's default column headers, so it imports without a mapping:
  kindcall debtors synth 500 --locale en --out people.xlsx
  kindcall debtors import people.xlsx
"""


_TIER_HELP = """Show how the imported accounts are tiered, or why one debtor got their tier.

\b
Tier 1 = high value, low risk (relationship first) ... tier 5 = low value, high
risk. "soft" counts accounts flagged for hardship handling (the need score).
"""


@click.group(help=_DEBTORS_HELP)
def debtors() -> None:
    """Import, synthesise, tier and list debtors."""


def _print_report(console: Console, report: ImportReport, rejects: Path | None) -> None:
    table = Table(title="Import", show_header=False)
    table.add_row("rows read", str(report.rows))
    for key in ("created", "updated", "unchanged"):
        table.add_row(key, str(report.statuses[key]))
    table.add_row("rejected", str(len(report.errors)))
    for tier in sorted(report.tiers):
        table.add_row(f"tier {tier}", str(report.tiers[tier]))
    console.print(table)
    if report.errors:
        console.print(f"First rejected rows (all {len(report.errors)} in {rejects}):")
        for error in report.errors[:_SHOW_ERRORS]:
            where = f"line {error.line}" + (f", {error.column}" if error.column else "")
            console.print(f"  {where}: {error.message}", markup=False, highlight=False)


@debtors.command("import", help=_IMPORT_HELP)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mapping",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="YAML file mapping your column headers to KindCall's (see bot/importing).",
)
@click.option(
    "--rejects",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write rejected rows as CSV [default: FILE.rejects.csv beside FILE].",
)
@click.option(
    "--agency",
    default=DEFAULT_AGENCY,
    show_default=True,
    help="Whose external ids these are; the same id in two agencies is two people.",
)
@db_option
def import_command(
    file: Path, mapping: Path | None, rejects: Path | None, agency: str, db_url: str | None
) -> None:
    """Import debtors and accounts from FILE (.csv or .xlsx), tiering each account."""
    console = Console(stderr=True)
    db = open_database(db_url)
    try:
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("importing", total=None)
            report = run_import(
                db,
                file,
                mapping=mapping,
                agency=agency,
                on_row=lambda rows: progress.update(task, completed=rows),
            )
    finally:
        db.close()
    target = rejects or file.with_name(f"{file.stem}.rejects.csv")
    if report.errors:
        write_rejects(target, report.errors)
    _print_report(Console(), report, target)


@debtors.command("synth", help=_SYNTH_HELP)
@click.argument("n", type=click.IntRange(min=0))
@click.option(
    "--locale",
    type=click.Choice(["zh", "en"]),
    required=True,
    help="zh: mainland China; en: United States.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file; .xlsx writes a workbook [default: synthetic-LOCALE-N.csv].",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same file.")
def synth_command(n: int, locale: Literal["zh", "en"], out: Path | None, seed: int) -> None:
    """Write N realistic synthetic debtors (fake names and numbers) for trying things out."""
    path = out or Path(f"synthetic-{locale}-{n}.csv")
    write_synthetic(path, n, locale, seed)
    click.echo(f"wrote {n} synthetic {locale} debtors to {path}")


@debtors.command("tier", help=_TIER_HELP)
@click.option("--explain", "external_id", metavar="EXTERNAL_ID", help="Explain one debtor's tiers.")
@db_option
def tier_command(external_id: str | None, db_url: str | None) -> None:
    """Show how the imported accounts are tiered, or why one debtor got their tier."""
    db = open_database(db_url)
    try:
        with db.transaction() as session:
            if external_id is not None:
                rows = session.execute(
                    select(Account.account_ref, TierAssessmentRow)
                    .join(TierAssessmentRow, TierAssessmentRow.account_id == Account.id)
                    .join(Debtor, Debtor.id == Account.debtor_id)
                    .where(Debtor.external_id == external_id)
                ).all()
                if not rows:
                    raise click.ClickException(f"no tiered account for external id {external_id!r}")
                for ref, row in rows:
                    click.echo(
                        f"{ref}: tier {row.tier} (value {row.value:.2f}, risk {row.risk:.2f}, "
                        f"need {row.need:.2f}{', soft handling' if row.soft_handling else ''})"
                    )
                    for line in row.explanation:
                        click.echo(f"  - {line}")
                return
            counts = session.execute(
                select(
                    Account.tier, func.count(), func.sum(func.cast(Account.soft_handling, Integer))
                )
                .group_by(Account.tier)
                .order_by(Account.tier)
            ).all()
    finally:
        db.close()
    total = sum(c for _, c, _ in counts) or 1
    table = Table(title="Accounts by tier")
    for name in ("tier", "accounts", "share", "soft"):
        table.add_column(name, justify="right")
    for tier, count, soft in counts:
        table.add_row(str(tier), str(count), f"{100 * count / total:.1f} %", str(soft or 0))
    Console().print(table)


def _mask_name(name: str) -> str:
    return name[:1] + "*" * max(len(name) - 1, 1)


def _mask_phone(phone: str) -> str:
    return phone[:3] + "*" * max(len(phone) - 7, 1) + phone[-4:]


@debtors.command("list")
@click.option("--tier", type=click.IntRange(1, 5), help="Only accounts of this tier.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--show-pii", is_flag=True, help="Show full names and numbers (decrypted).")
@db_option
def list_command(tier: int | None, limit: int, show_pii: bool, db_url: str | None) -> None:
    """List debtors with their account, tier and flags; names and numbers masked by default."""
    db = open_database(db_url)
    try:
        with db.transaction() as session:
            query = (
                select(Debtor, Account, Contact)
                .join(Account, Account.debtor_id == Debtor.id)
                .join(Contact, (Contact.debtor_id == Debtor.id) & Contact.is_primary.is_(True))
                .order_by(Debtor.id, Account.id)
                .limit(limit)
            )
            if tier is not None:
                query = query.where(Account.tier == tier)
            table = Table()
            for name in (
                "external id",
                "name",
                "phone",
                "tier",
                "due",
                "currency",
                "due date",
                "flags",
            ):
                table.add_column(name, overflow="fold")
            for debtor, account, contact in session.execute(query).all():
                name = db.vault.decrypt("name", debtor.name_enc)
                phone = db.vault.decrypt("phone", contact.phone_enc)
                flags = [f for f in ("dnc", "cease", "bankruptcy") if getattr(debtor, f)]
                flags += [f for f in ("dispute", "legal_hold") if getattr(account, f)]
                flags += [] if debtor.consent else ["no_consent"]
                flags += ["soft"] if account.soft_handling else []
                table.add_row(
                    debtor.external_id,
                    name if show_pii else _mask_name(name),
                    phone if show_pii else _mask_phone(phone),
                    str(account.tier or "-"),
                    f"{account.amount_due:,.2f}",
                    account.currency,
                    account.due_date.isoformat(),
                    ", ".join(flags),
                )
    finally:
        db.close()
    # Piped output is for reading in a file or a pager: do not fold it to 80 columns.
    Console(width=None if sys.stdout.isatty() else 200).print(table)
