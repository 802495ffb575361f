"""NLU quality per locale on the held-out set: train NLU only, then `rasa test nlu`.

Usage::

    .venv/bin/python bench/nlu_eval.py --locale zh
    .venv/bin/python bench/nlu_eval.py --locale en --work-dir /tmp/kindcall-nlu
    .venv/bin/python bench/nlu_eval.py --locale en --skip-train   # reuse the last model

Trains `dialogues/config-<locale>.yml` on `dialogues/data/nlu/<locale>/` with the Rasa venv
(never imported here: Rasa runs as a subprocess), evaluates on `dialogues/tests/nlu/<locale>.yml`
and prints one JSON object (accuracy, macro F1, entity F1, top confusions, training time, load
average) followed by a table. Exit status 1 when intent accuracy is below ``--min-accuracy``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
LOCALES = ("en", "zh")


def rasa_bin() -> Path:
    venv = Path(os.environ.get("KINDCALL_RASA_VENV", REPO_ROOT / ".venv-rasa"))
    return venv / "bin" / "rasa"


def run_rasa(args: list[str], log: Path) -> float:
    """Run one rasa command, output to ``log``; return its wall time in seconds."""
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2")
    started = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.run(
            [str(rasa_bin()), *args],
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        tail = log.read_text(errors="replace").splitlines()[-20:]
        sys.exit(
            f"rasa {args[0]} {args[1]} failed ({proc.returncode}); see {log}:\n" + "\n".join(tail)
        )
    return elapsed


def top_confusions(errors: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    pairs = Counter((e["intent"], e["intent_prediction"]["name"]) for e in errors)
    examples: dict[tuple[str, str], str] = {}
    for e in errors:
        examples.setdefault((e["intent"], e["intent_prediction"]["name"]), e["text"])
    return [
        {"expected": exp, "predicted": pred, "count": n, "example": examples[(exp, pred)]}
        for (exp, pred), n in pairs.most_common(limit)
    ]


def evaluate(locale: str, work_dir: Path, skip_train: bool, confusions: int) -> dict[str, Any]:
    model_dir = work_dir / f"nlu-{locale}"
    results_dir = work_dir / f"nlu-results-{locale}"
    model_dir.mkdir(parents=True, exist_ok=True)
    model = model_dir / f"nlu-{locale}.tar.gz"
    train_seconds = None
    load_before = os.getloadavg()[0]
    if not skip_train or not model.exists():
        train_seconds = run_rasa(
            [
                "train",
                "nlu",
                "--config",
                f"dialogues/config-{locale}.yml",
                "--nlu",
                f"dialogues/data/nlu/{locale}",
                "--out",
                str(model_dir),
                "--fixed-model-name",
                f"nlu-{locale}",
            ],
            work_dir / f"train-{locale}.log",
        )
    test_seconds = run_rasa(
        [
            "test",
            "nlu",
            "--nlu",
            f"dialogues/tests/nlu/{locale}.yml",
            "--model",
            str(model),
            "--out",
            str(results_dir),
            "--no-plot",
        ],
        work_dir / f"test-{locale}.log",
    )
    report = json.loads((results_dir / "intent_report.json").read_text())
    errors_file = results_dir / "intent_errors.json"
    errors = json.loads(errors_file.read_text()) if errors_file.exists() else []
    entity_file = results_dir / "DIETClassifier_report.json"
    entity_report = json.loads(entity_file.read_text()) if entity_file.exists() else {}
    entities = {
        name: round(values["f1-score"], 3)
        for name, values in entity_report.items()
        if isinstance(values, dict)
        and "f1-score" in values
        and name not in _AVERAGES
        and name != "no_entity"
    }
    entity_micro = entity_report.get("micro avg", {}).get("f1-score")
    worst = sorted(
        (
            (name, values["f1-score"])
            for name, values in report.items()
            if isinstance(values, dict) and "support" in values and name not in _AVERAGES
        ),
        key=lambda item: item[1],
    )[:5]
    return {
        "locale": locale,
        "examples": report["macro avg"]["support"],
        "intent_accuracy": round(report["accuracy"], 4),
        "intent_macro_f1": round(report["macro avg"]["f1-score"], 4),
        "intent_weighted_f1": round(report["weighted avg"]["f1-score"], 4),
        "errors": len(errors),
        "top_confusions": top_confusions(errors, confusions),
        "worst_intents_f1": {name: round(f1, 3) for name, f1 in worst},
        "entity_f1": entities,
        "entity_micro_f1": None if entity_micro is None else round(entity_micro, 4),
        "train_seconds": None if train_seconds is None else round(train_seconds, 1),
        "test_seconds": round(test_seconds, 1),
        "load_average_1m_before": round(load_before, 2),
        "load_average_1m_after": round(os.getloadavg()[0], 2),
        "cpu_count": os.cpu_count(),
        "results_dir": str(results_dir),
    }


_AVERAGES = {"accuracy", "macro avg", "weighted avg", "micro avg"}


def print_table(result: dict[str, Any]) -> None:
    rows = [
        ("locale", result["locale"]),
        ("held-out examples", result["examples"]),
        ("intent accuracy", f"{result['intent_accuracy']:.2%}"),
        ("intent macro F1", f"{result['intent_macro_f1']:.4f}"),
        ("errors", result["errors"]),
        ("entity F1", ", ".join(f"{k} {v:.2f}" for k, v in result["entity_f1"].items()) or "-"),
        ("train seconds", result["train_seconds"] if result["train_seconds"] is not None else "-"),
        (
            "load avg (1 min)",
            f"{result['load_average_1m_before']} -> {result['load_average_1m_after']}",
        ),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    if result["top_confusions"]:
        print("\ntop confusions (expected -> predicted, count, example)")
        for c in result["top_confusions"]:
            print(f"  {c['expected']} -> {c['predicted']}  x{c['count']}  {c['example']!r}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--locale", choices=LOCALES, required=True)
    parser.add_argument("--work-dir", type=Path, default=Path("/tmp"), help="models, results, logs")
    parser.add_argument("--skip-train", action="store_true", help="reuse the model in --work-dir")
    parser.add_argument("--confusions", type=int, default=5, help="how many confusions to list")
    parser.add_argument("--min-accuracy", type=float, default=0.90)
    args = parser.parse_args()
    if not rasa_bin().exists():
        sys.exit(f"Rasa is not installed at {rasa_bin()}; run `make setup` first")
    result = evaluate(args.locale, args.work_dir.resolve(), args.skip_train, args.confusions)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    print()
    print_table(result)
    return 0 if result["intent_accuracy"] >= args.min_accuracy else 1


if __name__ == "__main__":
    sys.exit(main())
