from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.dialogue.lint import check_project, lint_project
from bot.errors import DataFileError
from bot.paths import REPO_ROOT


def _lint(root: Path) -> list[str]:
    return [str(p) for p in lint_project(root / "dialogues", root / "scripts_library")]


def _append(path: Path, text: str) -> int:
    """Append ``text``; returns the 1-based line number of its first line."""
    before = path.read_text(encoding="utf-8")
    assert before.endswith("\n")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def test_the_repository_data_is_clean() -> None:
    assert _lint(REPO_ROOT) == []


def test_syntax_error_names_file_and_line(project_copy: Path) -> None:
    (project_copy / "dialogues/data/rules/rules_cease.yml").write_text(
        'version: "3.1"\n'
        "rules:\n"
        "  - rule: cease contact\n"
        "    steps:\n"
        "      - intent: cease_contact\n"
        "     - action: utter_cease_ack\n",
        encoding="utf-8",
    )
    assert _lint(project_copy) == [
        "dialogues/data/rules/rules_cease.yml:6: YAML syntax error: "
        "expected <block end>, but found '<block sequence start>'"
    ]


def test_unterminated_string_in_scripts_library(project_copy: Path) -> None:
    start = _append(
        project_copy / "scripts_library/zh/closing.yml", '  utter_extra:\n    - text: "再见\n'
    )
    assert _lint(project_copy) == [
        f"scripts_library/zh/closing.yml:{start + 2}: YAML syntax error: "
        "found unexpected end of stream"
    ]


def test_unknown_intent_in_a_rule(project_copy: Path) -> None:
    start = _append(
        project_copy / "dialogues/data/rules/rules_cease.yml",
        "\n  - rule: typo\n    steps:\n      - intent: cease_contactt\n"
        "      - action: utter_cease_ack\n",
    )
    assert _lint(project_copy) == [
        f"dialogues/data/rules/rules_cease.yml:{start + 3}: unknown intent cease_contactt "
        "(not declared in dialogues/domain)"
    ]


def test_response_referenced_but_not_defined(project_copy: Path) -> None:
    start = _append(
        project_copy / "dialogues/data/rules/rules_cease.yml",
        "\n  - rule: missing response\n    steps:\n      - intent: goodbye\n"
        "      - action: utter_see_you\n",
    )
    assert _lint(project_copy) == [
        f"dialogues/data/rules/rules_cease.yml:{start + 4}: response utter_see_you is not "
        "defined in scripts_library/en",
        f"dialogues/data/rules/rules_cease.yml:{start + 4}: response utter_see_you is not "
        "defined in scripts_library/zh",
    ]


def test_unknown_action_and_slot_in_a_test_story(project_copy: Path) -> None:
    start = _append(
        project_copy / "dialogues/tests/test_stories_cease.yml",
        '\n  - story: broken\n    steps:\n      - slot_was_set:\n          - tier: "6"\n'
        "          - mood: calm\n      - intent: cease_contact\n      - action: action_hang_up\n",
    )
    problems = _lint(project_copy)
    assert problems == [
        f"dialogues/tests/test_stories_cease.yml:{start + 4}: value '6' is not one of slot "
        "tier's values (1, 2, 3, 4, 5)",
        f"dialogues/tests/test_stories_cease.yml:{start + 5}: unknown slot mood "
        "(not declared in dialogues/domain)",
        f"dialogues/tests/test_stories_cease.yml:{start + 7}: unknown action action_hang_up "
        "(not declared in dialogues/domain)",
    ]


def test_response_without_default_variation(project_copy: Path) -> None:
    start = _append(
        project_copy / "scripts_library/en/closing.yml",
        "  utter_only_tier_one:\n"
        '    - condition: [{type: slot, name: tier, value: "1"}]\n'
        '      text: "Bye!"\n',
    )
    _append(
        project_copy / "scripts_library/zh/closing.yml",
        '  utter_only_tier_one:\n    - text: "再见！"\n',
    )
    assert _lint(project_copy) == [
        f"scripts_library/en/closing.yml:{start}: response utter_only_tier_one has no default "
        "variation (one without a condition)"
    ]


def test_placeholder_that_is_not_a_slot(project_copy: Path) -> None:
    path = project_copy / "scripts_library/en/payment.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            '"The balance is {amount_due}."', '"The balance is {amount}."'
        ),
        encoding="utf-8",
    )
    line = _line_of(path, '"The balance is {amount}."')
    assert _lint(project_copy) == [
        f"scripts_library/en/payment.yml:{line}: placeholder {{amount}} in "
        "utter_amount_due is not a slot"
    ]


def test_required_disclosure_has_exactly_one_variation(project_copy: Path) -> None:
    path = project_copy / "scripts_library/en/disclosures.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            '    - text: "Am I speaking with {debtor_name}?"\n',
            '    - text: "Am I speaking with {debtor_name}?"\n'
            '    - text: "Is this {debtor_name}?"\n',
        ),
        encoding="utf-8",
    )
    line = _line_of(path, "utter_ask_identity:")
    assert _lint(project_copy) == [
        f"scripts_library/en/disclosures.yml:{line}: required disclosure utter_ask_identity must "
        "have exactly one variation, found 2"
    ]


def test_condition_value_must_match_the_slot_type(project_copy: Path) -> None:
    path = project_copy / "scripts_library/zh/payment.yml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace(
        '{type: slot, name: tier, value: "5"}', "{type: slot, name: tier, value: 5}", 1
    )
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    line = _line_of(path, "{type: slot, name: tier, value: 5}")
    assert _lint(project_copy) == [
        f"scripts_library/zh/payment.yml:{line}: condition value 5 in utter_amount_due is not "
        'one of slot tier\'s values ("1", "2", "3", "4", "5")'
    ]


def test_response_missing_in_one_locale(project_copy: Path) -> None:
    start = _append(
        project_copy / "scripts_library/en/closing.yml", '  utter_en_only:\n    - text: "Hi"\n'
    )
    assert _lint(project_copy) == [
        f"scripts_library/en/closing.yml:{start}: response utter_en_only is not defined in "
        "scripts_library/zh"
    ]


def test_check_project_raises_for_the_first_problem(project_copy: Path) -> None:
    start = _append(
        project_copy / "scripts_library/en/closing.yml", '  utter_en_only:\n    - text: "Hi"\n'
    )
    _append(project_copy / "scripts_library/en/payment.yml", '  utter_en_too:\n    - text: "Hi"\n')
    with pytest.raises(DataFileError) as info:
        check_project(project_copy / "dialogues", project_copy / "scripts_library")
    assert info.value.path == "scripts_library/en/closing.yml"
    assert info.value.line == start
    assert str(info.value) == (
        f"scripts_library/en/closing.yml:{start}: response utter_en_only is not defined in "
        "scripts_library/zh (and 1 more: kindcall dialogues lint)"
    )


def _kindcall(args: list[str], root: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["KINDCALL_DIALOGUES"] = str(root / "dialogues")
    env["KINDCALL_SCRIPTS_LIBRARY"] = str(root / "scripts_library")
    env["KINDCALL_MODELS"] = str(root / "models")
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        check=False,
    )


def test_rasa_train_fails_on_bad_yaml_with_one_line(project_copy: Path) -> None:
    start = _append(
        project_copy / "scripts_library/zh/closing.yml", '  utter_extra:\n    - text: "再见\n'
    )
    proc = _kindcall(["rasa", "train", "--locale", "zh"], project_copy)
    assert proc.returncode == 1
    assert proc.stderr == (
        f"error: scripts_library/zh/closing.yml:{start + 2}: YAML syntax error: "
        "found unexpected end of stream\n"
    )
    assert not (project_copy / "models").exists()


def test_dialogues_lint_lists_every_problem(project_copy: Path) -> None:
    en = _append(
        project_copy / "scripts_library/en/closing.yml", '  utter_en_only:\n    - text: "Hi"\n'
    )
    zh = _append(
        project_copy / "scripts_library/zh/closing.yml", '  utter_zh_only:\n    - text: "{who}"\n'
    )
    proc = _kindcall(["dialogues", "lint"], project_copy)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"scripts_library/en/closing.yml:{en}: response utter_en_only is not defined in "
        "scripts_library/zh",
        f"scripts_library/zh/closing.yml:{zh}: response utter_zh_only is not defined in "
        "scripts_library/en",
        f"scripts_library/zh/closing.yml:{zh + 1}: placeholder {{who}} in utter_zh_only is not "
        "a slot",
        "3 problem(s)",
    ]
