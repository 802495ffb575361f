"""`rasa data validate` and `rasa test core` (dialogues/tests) for each locale: no failure."""

from __future__ import annotations

import pytest

from bot.dialogue.storytest import run_story_tests, story_files
from bot.dialogue.training import Project, ensure_model, validate

pytestmark = [pytest.mark.rasa, pytest.mark.slow, pytest.mark.timeout(2400)]


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_every_test_story_passes(locale: str) -> None:
    project = Project.default()
    model = ensure_model(project, locale).model
    result = run_story_tests(project, locale, model)
    assert result.failed == ()
    assert result.total >= 5 * 5 + 5
    assert len(story_files(project)) == 10


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_rasa_data_validate(locale: str) -> None:
    project = Project.default()
    validate(project, locale)  # raises DialogueError with the log's last lines on failure
    log = (project.locale_build(locale) / "validate.log").read_text(encoding="utf-8")
    assert "No story structure conflicts found." in log
