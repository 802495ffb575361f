"""Benchmark: plan a campaign over N accounts on SQLite and PostgreSQL.

    .venv/bin/python bench/planner.py                      # 1 000 000 accounts, both backends
    .venv/bin/python bench/planner.py --accounts 100000 --backend sqlite

Set-up (not timed as planning): N debtors, contacts and accounts with encrypted names and
phone numbers, bulk-loaded (executemany on SQLite, COPY on PostgreSQL) into a fresh
database (a temporary file / a throw-away schema). Tier mix 15 % tiers 1-2, 45 % tier 3,
40 % tiers 4-5; 70 % Asia/Shanghai, the rest in three US zones.

CPU seconds (client process + the PostgreSQL backend, read from /proc when the server is
local) are printed next to wall seconds, because on a shared machine the wall time mostly
measures the other tenants.

Timed: ``plan_campaign`` for one campaign over all tiers and ``--days`` days, the whole
transaction (read accounts, plan, delete the window, bulk insert, audit row, commit; on
PostgreSQL above ``BULK_ACCOUNTS`` also the foreign-key re-validation), then the same plan
again (``replan_s``: every planned attempt deleted and inserted anew). The goal is <= 60 s
for 1 000 000 accounts. Prints one JSON object, then a table. Run ``uptime`` alongside: the
load average is in the JSON, but other tenants' work shows in the wall seconds.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bot.campaigns import create_campaign, plan_campaign
from bot.storage import Database, open_database
from bot.storage.models import CallAttempt
from bot.storage.testing import postgres_unavailable_reason, temporary_schema, test_postgres_url
from voice.cpus import process_cpu_seconds

KEY = os.urandom(32)
ZONES = [
    ("Asia/Shanghai", "CN", "cn", "zh", 70),
    ("America/New_York", "US", "us-regf", "en", 15),
    ("America/Chicago", "US", "us-regf", "en", 8),
    ("America/Los_Angeles", "US", "us-regf", "en", 7),
]
TIERS = [(1, 5), (2, 10), (3, 45), (4, 25), (5, 15)]
CHUNK = 50_000


def _weighted(rng: random.Random, table: list[tuple[Any, ...]], n: int) -> list[tuple[Any, ...]]:
    return rng.choices(table, weights=[row[-1] for row in table], k=n)


def _rows(db: Database, n: int, start: int) -> Iterator[tuple[list[Any], list[Any], list[Any]]]:
    rng = random.Random(start)
    vault = db.vault
    sqlite = db.dialect == "sqlite"
    now = datetime(2026, 3, 1, tzinfo=UTC)
    stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else now.isoformat()
    true, false = (1, 0) if sqlite else ("t", "f")
    zones = _weighted(rng, ZONES, n)
    tiers = _weighted(rng, TIERS, n)
    debtors, contacts, accounts = [], [], []
    for k in range(n):
        i = start + k
        zone, region, profile, locale, _ = zones[k]
        phone = f"+86138{i:08d}" if region == "CN" else f"+1617{i % 10_000_000:07d}"
        name = vault.encrypt("name", f"Person {i}")
        phone_enc = vault.encrypt("phone", phone)
        if not sqlite:
            name, phone_enc = "\\\\x" + name.hex(), "\\\\x" + phone_enc.hex()  # type: ignore[assignment]
        debtors.append(
            [
                i,
                "bench",
                f"B-{i}",
                name,
                locale,
                zone,
                region,
                profile,
                true,
                false,
                false,
                false,
                stamp,
                stamp,
            ]
        )
        contacts.append([i, i, phone_enc, vault.blind_index(phone), true, stamp])
        accounts.append(
            [
                i,
                i,
                f"A-{i}",
                "Bench Bank",
                "1234.50",
                "100.00",
                "CNY" if region == "CN" else "USD",
                date(2026, 2, 1).isoformat(),
                "open",
                false,
                false,
                tiers[k][0],
                false,
                stamp,
                stamp,
            ]
        )
    yield debtors, contacts, accounts


COLUMNS = {
    "debtor": "id, agency, external_id, name_enc, locale, timezone, region, profile, consent, "
    "dnc, cease, bankruptcy, created_at, updated_at",
    "contact": "id, debtor_id, phone_enc, phone_bidx, is_primary, created_at",
    "account": "id, debtor_id, account_ref, creditor_name, amount_due, minimum_due, currency, "
    "due_date, status, dispute, legal_hold, tier, soft_handling, created_at, updated_at",
}


def load_population(db: Database, n: int) -> None:
    with db.engine.begin() as conn:
        raw: Any = conn.connection.driver_connection
        for start in range(1, n + 1, CHUNK):
            for debtors, contacts, accounts in _rows(db, min(CHUNK, n + 1 - start), start):
                for table, rows in (
                    ("debtor", debtors),
                    ("contact", contacts),
                    ("account", accounts),
                ):
                    cols = COLUMNS[table]
                    if db.dialect == "sqlite":
                        marks = ", ".join("?" for _ in cols.split(","))
                        raw.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)
                    else:
                        buffer = io.StringIO()
                        for row in rows:
                            buffer.write("\t".join(map(str, row)) + "\n")
                        with (
                            raw.cursor() as cur,
                            cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy,
                        ):
                            copy.write(buffer.getvalue())
        if db.dialect == "postgresql":
            for table in COLUMNS:
                conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {n})")
            conn.exec_driver_sql("ANALYZE debtor; ANALYZE contact; ANALYZE account")


@contextmanager
def backend_url(backend: str) -> Iterator[str]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="kc-bench-") as tmp:
            yield f"sqlite:///{Path(tmp) / 'bench.db'}"
        return
    url = test_postgres_url()
    reason = postgres_unavailable_reason(url)
    if reason:
        raise SystemExit(reason)
    with temporary_schema(url) as scoped:
        yield scoped


def _server_cpu(db: Database) -> tuple[int | None, float]:
    """(PostgreSQL backend pid, its CPU seconds so far) when the server runs on this machine.

    The bench's engine holds a single pooled connection (everything runs sequentially), so
    the backend that plans is the one measured here.
    """
    if db.dialect != "postgresql":
        return None, 0.0
    with db.engine.connect() as conn:
        pid = int(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())
    try:
        return pid, process_cpu_seconds(pid)
    except FileNotFoundError:  # the server runs on another machine
        return pid, 0.0


def _timed(db: Database, action: Any) -> tuple[Any, float, float]:
    """Run ``action``; return its result, wall seconds and CPU seconds (client + server)."""
    pid0, server0 = _server_cpu(db)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    result = action()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    pid1, server1 = _server_cpu(db)
    if pid0 is not None and pid0 == pid1:
        cpu += server1 - server0
    return result, wall, cpu


def run(backend: str, accounts: int, days: int) -> dict[str, Any]:
    with backend_url(backend) as url:
        db = open_database(url, master_key=KEY)
        t0 = time.perf_counter()
        load_population(db, accounts)
        setup_s = time.perf_counter() - t0
        create_campaign(db, "bench", profile="cn", locale="zh")
        start = datetime(2026, 3, 2, tzinfo=UTC)
        report, plan_s, plan_cpu = _timed(db, lambda: plan_campaign(db, "bench", start, days))
        again, replan_s, replan_cpu = _timed(db, lambda: plan_campaign(db, "bench", start, days))
        with db.transaction() as session:
            stored = session.scalar(select(func.count()).select_from(CallAttempt))
        db.close()
    assert stored == report.planned == again.planned == again.replaced
    return {
        "backend": backend,
        "accounts": accounts,
        "days": days,
        "attempts": report.planned,
        "setup_s": round(setup_s, 2),
        "plan_s": round(plan_s, 2),
        "replan_s": round(replan_s, 2),
        "plan_cpu_s": round(plan_cpu, 2),
        "replan_cpu_s": round(replan_cpu, 2),
        "attempts_per_s": round(report.planned / plan_s),
        "goal_met": plan_s <= 60.0 * accounts / 1_000_000 if accounts >= 1_000_000 else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=1)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    load_before = os.getloadavg()
    results = [run(b, args.accounts, args.days) for b in backends]
    out = {
        "results": results,
        "cpus": os.cpu_count(),
        "loadavg_before": [round(x, 2) for x in load_before],
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        "python": sys.version.split()[0],
    }
    print(json.dumps(out))
    fields = [
        ("backend", "<11"),
        ("accounts", ">9"),
        ("days", ">4"),
        ("attempts", ">9"),
        ("setup_s", ">8"),
        ("plan_s", ">7"),
        ("replan_s", ">8"),
        ("plan_cpu_s", ">10"),
        ("replan_cpu_s", ">12"),
        ("attempts_per_s", ">14"),
    ]
    print(" ".join(f"{name:{spec}}" for name, spec in fields))
    for r in results:
        print(" ".join(f"{r[name]:{spec}}" for name, spec in fields))


if __name__ == "__main__":
    main()
