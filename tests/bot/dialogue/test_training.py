from __future__ import annotations

from pathlib import Path

import pytest

from bot.dialogue.training import Project, build_domain, check_locale, content_hash, model_path
from bot.errors import ConfigError


def _project(root: Path) -> Project:
    return Project(
        dialogues=root / "dialogues",
        library=root / "scripts_library",
        models=root / "models",
        build=root / "build" / "rasa",
        rasa_venv=root / "no-venv",
    )


@pytest.fixture
def project(project_copy: Path) -> Project:
    for locale in ("en", "zh"):
        nlu = project_copy / "dialogues" / "data" / "nlu" / locale
        nlu.mkdir(parents=True)
        (nlu / "greet.yml").write_text(
            'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - hello\n',
            encoding="utf-8",
        )
    return _project(project_copy)


def test_hash_is_stable_and_names_the_model(project: Project) -> None:
    first = content_hash(project, "en")
    assert content_hash(project, "en") == first
    assert len(first) == 64
    assert model_path(project, "en") == project.models / f"en-{first[:12]}.tar.gz"


def test_a_locale_change_retrains_only_that_locale(project: Project) -> None:
    en, zh = content_hash(project, "en"), content_hash(project, "zh")
    closing = project.library / "zh" / "closing.yml"
    closing.write_text(closing.read_text(encoding="utf-8") + "# comment\n", encoding="utf-8")
    assert content_hash(project, "en") == en
    assert content_hash(project, "zh") != zh


def test_shared_dialogue_changes_retrain_both(project: Project) -> None:
    en, zh = content_hash(project, "en"), content_hash(project, "zh")
    rules = project.dialogues / "data" / "rules" / "rules_cease.yml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert content_hash(project, "en") != en
    assert content_hash(project, "zh") != zh


def test_nlu_of_the_other_locale_does_not_count(project: Project) -> None:
    en = content_hash(project, "en")
    (project.dialogues / "data" / "nlu" / "zh" / "more.yml").write_text("nlu: []\n")
    assert content_hash(project, "en") == en


def test_build_domain_merges_domain_and_locale_responses(project: Project) -> None:
    domain = build_domain(project, "zh")
    names = sorted(p.name for p in domain.iterdir())
    expected = [f"domain_{p.name}" for p in (project.dialogues / "domain").glob("*.yml")]
    expected += [f"responses_{p.name}" for p in (project.library / "zh").glob("*.yml")]
    assert names == sorted(expected)
    assert "domain_slots.yml" in names
    assert "responses_disclosures.yml" in names
    assert "请问是{debtor_name}本人吗？" in (domain / "responses_disclosures.yml").read_text()


def test_unknown_locale() -> None:
    with pytest.raises(ConfigError, match="unknown locale 'fr': expected one of en, zh"):
        check_locale("fr")
