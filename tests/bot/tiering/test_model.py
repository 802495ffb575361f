from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import DataFileError
from bot.tiering import DEFAULT_MODEL_PATH, Band, load_model

DEFAULT_TEXT = DEFAULT_MODEL_PATH.read_text(encoding="utf-8")


def test_packaged_model_loads_with_the_seed_weights() -> None:
    model = load_model()
    assert dict(model.value_weights) == {
        "repayment_history": 0.40,
        "overdue_duration": 0.30,
        "credit_type": 0.20,
        "partner": 0.10,
    }
    assert list(model.risk_weights) == [
        "overdue_count",
        "debt_to_income",
        "industry",
        "region_economy",
    ]
    assert model.overdue_duration[0] == Band(0.0, 1.0)
    assert model.overdue_duration[-1] == Band(float("inf"), 0.0)
    assert model.cutoffs == (0.82, 0.77, 0.60, 0.49)
    assert model.soft_handling_from == 0.20


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    assert old in DEFAULT_TEXT, old
    path = tmp_path / "model.yml"
    path.write_text(DEFAULT_TEXT.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("    partner: 0.10\n", "    partner: 0.20\n", 18, "value.weights must sum to 1, got 1.1"),
        (
            "    B: 0.60\n",
            "    B: 0.60\n    B: 0.70\n",
            42,
            "value.partner: duplicate key 'B' (first on line 41)",
        ),
        (
            "    C: 0.30\n    other: 0.30\n",
            "    C: 0.30\n",
            40,
            "value.partner must have an 'other' score for unlisted values",
        ),
        (
            "    - {up_to: 60, score: 0.65}",
            "    - {up_to: 20, score: 0.65}",
            25,
            "value.overdue_duration[2].up_to must be above 30, got 20",
        ),
        (
            "    - {up_to: .inf, score: 0.00}",
            "    - {up_to: 999, score: 0.00}",
            29,
            "value.overdue_duration: the last band must have up_to: .inf",
        ),
        (
            "    medical: 0.30",
            "    medical: 1.30",
            37,
            "value.credit_type.medical must be between 0 and 1, got 1.3",
        ),
        (
            "    weak: 0.80",
            "    weak: high",
            79,
            "risk.region_economy.weak must be a number, got 'high'",
        ),
        ("    weak: 0.80\n", "", 77, "risk.region_economy: missing weak"),
        (
            "  soft_handling_from: 0.20",
            "  soft_handling_form: 0.20",
            86,
            "need: unknown key 'soft_handling_form' (allowed: weights, soft_handling_from)",
        ),
        ("    3: 0.60", "    3: 0.80", 93, "tier.cutoffs.3 must be below tier 2's 0.77, got 0.8"),
        ("    4: 0.49\n", "", 91, "tier.cutoffs: missing key(s) 4"),
        (
            "  industry:\n    government",
            "  industry:\n   government",
            65,
            "invalid YAML: mapping values are not allowed here",
        ),
        (
            "    - {up_to: 3, score: 0.45}",
            "    - {up_to: 3, score: 0.45, weight: 2}",
            54,
            "risk.overdue_count[2]: unknown key 'weight' (allowed: up_to, score)",
        ),
    ],
)
def test_bad_model_names_file_and_line(
    tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    path = _broken(tmp_path, old, new)
    with pytest.raises(DataFileError) as excinfo:
        load_model(path)
    assert str(excinfo.value) == f"{path}:{line}: {message}"


def test_missing_and_empty_model_files(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yml"
    with pytest.raises(DataFileError, match=r"nope\.yml: cannot read YAML file: "):
        load_model(missing)
    empty = tmp_path / "empty.yml"
    empty.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(DataFileError) as excinfo:
        load_model(empty)
    assert str(excinfo.value) == f"{empty}:1: the file is empty"
