"""``kindcall policy`` run as a real process, the way outside tooling runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

KINDCALL = [sys.executable, "-c", "from bot.cli import main; main()"]
REPO = Path(__file__).resolve().parents[3]


def kindcall(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [*KINDCALL, *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )


def test_classify_writes_one_decision_per_line_in_order() -> None:
    lines = [
        {"text": "stop calling me"},
        {"text": "I lost my job and honestly I don't want to live", "tier": 2},
        {"text": "this traffic is killing me", "id": "ignored"},
        {"text": "not interested", "tier": 1},
        {"text": "not interested"},
        {"text": ""},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n\n"
    result = kindcall("policy", "classify", "--locale", "en", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [set(item) for item in out] == [{"action", "reasons", "tone", "evidence"}] * 6
    assert [(o["action"], o["reasons"], o["tone"]) for o in out] == [
        ("end_call", ["cease_request"], "standard"),
        ("handoff", ["self_harm", "hardship"], "hardship"),
        ("continue", [], "standard"),
        ("handoff", ["friction", "soft_refusal"], "standard"),
        ("continue", ["soft_refusal"], "standard"),
        ("continue", ["silence"], "standard"),
    ]
    assert out[0]["evidence"] == [
        {
            "detector": "cease_request",
            "matched": "stop calling me",
            "score": 1.0,
            "source": "lexicon",
            "note": "",
        }
    ]


def test_classify_chinese_keeps_utf8() -> None:
    stdin = '{"text": "我不想活了，没事"}\n{"text": "堵车堵得我要死了"}\n'
    result = kindcall("policy", "classify", "--locale", "zh", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # jieba's loading chatter stays quiet
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert (first["action"], first["reasons"]) == ("handoff", ["self_harm"])
    assert first["evidence"][0]["matched"] == "不想活"
    assert (second["action"], second["reasons"]) == ("continue", [])


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (
            "{not json",
            "error: <stdin>:2: invalid JSON: Expecting property name enclosed in double quotes",
        ),
        ('["text"]', "error: <stdin>:2: expected an object, got list"),
        ('{"text": 5}', 'error: <stdin>:2: "text" must be a string, got 5'),
        ('{"text": "hi", "tier": 7}', 'error: <stdin>:2: "tier" must be an integer 1-5, got 7'),
    ],
)
def test_classify_stops_at_a_bad_line_with_its_number(bad: str, message: str) -> None:
    stdin = '{"text": "wrong number"}\n' + bad + '\n{"text": "stop calling me"}\n'
    result = kindcall("policy", "classify", "--locale", "en", stdin=stdin)
    assert result.returncode == 1
    assert result.stderr.strip() == message
    assert [json.loads(line)["action"] for line in result.stdout.splitlines()] == ["end_call"]


def test_classify_imports_nothing_heavy() -> None:
    code = (
        "import sys, io\n"
        'sys.stdin = io.TextIOWrapper(io.BytesIO(b\'{"text": "hi"}\\n\'))\n'
        "sys.argv = ['kindcall', 'policy', 'classify', '--locale', 'en']\n"
        "from bot.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {"
        "'rasa', 'sqlalchemy', 'aiortc', 'av', 'numpy', 'vosk', 'faster_whisper', 'httpx',"
        " 'aiohttp'})\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=True,
    )
    assert result.stdout.splitlines()[-1] == "HEAVY []"


def test_explain_prints_the_decision_for_a_person() -> None:
    result = kindcall("policy", "explain", "我不会想不开的，就是最近失业了", "--locale", "zh")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "text:    我不会想不开的，就是最近失业了",
        "action:  hardship",
        "reasons: hardship",
        "tone:    hardship",
    ]
    assert "negated" in lines[-1] and "想不开" in lines[-1]
    as_json = kindcall("policy", "explain", "wrong number", "--locale", "en", "--json")
    assert json.loads(as_json.stdout)["reasons"] == ["wrong_party"]


def test_guard_command_exit_status_and_lint() -> None:
    blocked = kindcall("policy", "guard", "You owe $120", "--locale", "en")
    assert blocked.returncode == 3
    assert blocked.stdout.splitlines()[:3] == [
        "blocked: You owe $120",
        "  - disclosure_amount: $120",
        "  - disclosure_debt: owe",
    ]
    ok = kindcall("policy", "guard", "You owe $120", "--locale", "en", "--verified")
    assert (ok.returncode, ok.stdout) == (0, "ok: You owe $120\n")
    lint = kindcall("policy", "lint")
    assert lint.returncode == 0
    assert lint.stdout.splitlines()[-1].startswith("ok: ")
