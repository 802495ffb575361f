"""Options shared by several commands."""

from __future__ import annotations

import click

db_option = click.option(
    "--db",
    "db_url",
    metavar="URL",
    envvar="KINDCALL_DATABASE_URL",
    help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db "
    "[default: $KINDCALL_DATABASE_URL, else sqlite:///var/kindcall.db].",
)
