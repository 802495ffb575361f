from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select, text

from bot.cli import cli
from bot.storage import open_database
from bot.storage.models import Account, AuditEvent, Contact, Debtor, TierAssessmentRow


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def _counts(url: str) -> tuple[int, ...]:
    db = open_database(url)
    try:
        with db.transaction() as session:
            return tuple(
                session.scalar(select(func.count()).select_from(m)) or 0
                for m in (Debtor, Contact, Account, TierAssessmentRow)
            )
    finally:
        db.close()


def _synth(tmp_path: Path, n: int, locale: str = "zh", name: str = "people.csv") -> Path:
    out = tmp_path / name
    result = run("debtors", "synth", str(n), "--locale", locale, "--out", str(out), "--seed", "7")
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {n} synthetic {locale} debtors to {out}\n"
    return out


def test_import_is_idempotent_and_rejects_bad_rows(db_url: str, tmp_path: Path) -> None:
    source = _synth(tmp_path, 40)
    lines = source.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    bad = dict(zip(header, next(csv.reader([lines[1]])), strict=True))
    bad["external_id"], bad["phone"] = "BAD-1", "12345"
    with source.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow([bad[h] for h in header])
        handle.write("only,two\n")
    first = run("debtors", "import", str(source), "--db", db_url)
    assert first.exit_code == 0, first.output
    assert "│ rows read │ 42" in first.output and "│ created   │ 40" in first.output
    assert "│ rejected  │ 2" in first.output
    assert "line 42, phone:" in first.output and "line 43: the row has 2 cells" in first.output
    rejects = tmp_path / "people.rejects.csv"
    with rejects.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["line"], r["external_id"]) for r in rows] == [("42", "BAD-1"), ("43", "only")]
    assert _counts(db_url) == (40, 40, 40, 40)

    second = run(
        "debtors", "import", str(source), "--db", db_url, "--rejects", str(tmp_path / "r2.csv")
    )
    assert "│ created   │ 0" in second.output and "│ unchanged │ 40" in second.output
    assert _counts(db_url) == (40, 40, 40, 40)
    assert (tmp_path / "r2.csv").exists()

    db = open_database(db_url)
    with db.transaction() as session:
        imports = session.scalars(
            select(AuditEvent.payload).where(AuditEvent.kind == "import")
        ).all()
        assert [(p["created"], p["unchanged"], p["rejected"]) for p in imports] == [
            (40, 0, 2),
            (0, 40, 2),
        ]
    db.close()


def test_xlsx_import_and_tier_list_commands(db_url: str, tmp_path: Path) -> None:
    source = _synth(tmp_path, 25, "en", "people.xlsx")
    assert run("debtors", "import", str(source), "--db", db_url).exit_code == 0
    assert _counts(db_url) == (25, 25, 25, 25)
    tiers = run("debtors", "tier", "--db", db_url)
    assert "Accounts by tier" in tiers.output
    db = open_database(db_url)
    with db.transaction() as session:
        by_tier = dict(
            session.execute(select(Account.tier, func.count()).group_by(Account.tier)).all()
        )
        debtor = session.scalars(select(Debtor).order_by(Debtor.id)).first()
        assert debtor is not None
        external = debtor.external_id
        name = db.vault.decrypt("name", debtor.name_enc)
    db.close()
    for tier, count in by_tier.items():
        assert f"│    {tier} │ {count:>8} │" in tiers.output
    explain = run("debtors", "tier", "--explain", external, "--db", db_url)
    assert (
        explain.exit_code == 0
        and "→ tier" in explain.output
        and "repayment history" in explain.output
    )
    masked = run("debtors", "list", "--limit", "30", "--db", db_url)
    assert name not in masked.output and external in masked.output
    shown = run("debtors", "list", "--limit", "30", "--show-pii", "--db", db_url)
    assert name in shown.output


def test_campaign_and_audit_commands(db_url: str, tmp_path: Path) -> None:
    source = _synth(tmp_path, 20)
    run("debtors", "import", str(source), "--db", db_url)
    created = run(
        "campaign",
        "create",
        "spring",
        "--profile",
        "cn",
        "--locale",
        "zh",
        "--tier",
        "3",
        "--db",
        db_url,
    )
    assert created.output == "created campaign 'spring' (id 1): tier 3, profile cn, locale zh\n"
    planned = run(
        "campaign",
        "plan",
        "spring",
        "--from",
        "2026-03-02T00:00:00+08:00",
        "--days",
        "2",
        "--db",
        db_url,
    )
    assert planned.exit_code == 0 and planned.output.startswith("planned ")
    count = int(planned.output.split()[1])
    assert count % 6 == 0 and count > 0 and f"tier 3: {count}" in planned.output
    claim = run("campaign", "claim", "spring", "--now", "2026-03-02T09:00:00+08:00", "--db", db_url)
    payload = json.loads(claim.output)
    assert payload["tier"] == 3 and payload["decision"]["allowed"] is True
    night = run("campaign", "claim", "spring", "--now", "2026-03-02T22:00:00+08:00", "--db", db_url)
    assert json.loads(night.output) == {"claimed": None}
    status = run("campaign", "status", "spring", "--json", "--db", db_url)
    counts = json.loads(status.output)
    # The 09:00 claim was never dialled and its lease ran out: the 22:00 worker took it over,
    # re-checked it (outside the calling window) and moved it back to planned.
    assert counts["by_state"] == {"planned": count}
    assert sum(counts["by_state"].values()) == count
    assert run("campaign", "status", "spring", "--db", db_url).exit_code == 0

    ok = run("audit", "verify", "--db", db_url)
    assert (
        ok.exit_code == 0
        and ok.output.startswith("OK: ")
        and ok.output.endswith(" audit rows, chain intact\n")
    )
    rows = int(ok.output.split()[1])
    tail = [
        json.loads(line)
        for line in run("audit", "tail", "-n", "3", "--db", db_url).output.splitlines()
    ]
    assert [t["seq"] for t in tail] == [rows - 2, rows - 1, rows]

    db = open_database(db_url)
    with db.engine.begin() as conn:
        if db.dialect == "postgresql":
            conn.execute(text("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only"))
        else:
            conn.execute(text("DROP TRIGGER audit_event_no_update"))
        conn.execute(text("UPDATE audit_event SET subject = 'attempt:999999' WHERE seq = 5"))
    db.close()
    broken = run("audit", "verify", "--db", db_url)
    assert broken.exit_code == 1
    assert broken.output.startswith(
        "BROKEN at seq 5 (4 rows before it are intact): content does not match"
    )


def test_bad_arguments(db_url: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["campaign", "plan", "x", "--from", "2026-03-02T00:00", "--db", db_url]
    )
    assert result.exit_code == 2 and "has no UTC offset" in result.output
    result = CliRunner().invoke(
        cli, ["campaign", "create", "x", "--profile", "mars", "--locale", "zh", "--db", db_url]
    )
    assert result.exit_code == 2 and "unknown profile 'mars' (known: cn," in result.output
    result = CliRunner().invoke(cli, ["debtors", "synth", "-1", "--locale", "zh"])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["debtors"], "Names and phone numbers are stored encrypted"),
        (["debtors", "import"], "\n  Example:\n    kindcall debtors synth 1000 --locale zh"),
        (["debtors", "synth"], "imports without a mapping"),
        (["debtors", "tier"], "Tier 1 = high value, low risk"),
        (["campaign"], "\n  Typical run:\n    kindcall campaign create spring"),
        (["campaign", "plan"], "safe to run again"),
        (["campaign", "status"], "States: planned"),
        (["campaign", "claim"], '{"claimed": null}'),
        (["audit"], "[seq, at, kind, subject, payload, prev_hash]"),
        (["audit", "verify"], "Exit status 0 when intact; 1 when"),
    ],
)
def test_help_texts(command: list[str], expected: str) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert expected in result.output
    assert "\\b" not in result.output and "\b" not in result.output
