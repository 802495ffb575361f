"""``rasa test core`` on dialogues/tests for each locale's model: no story may fail."""

from __future__ import annotations

import pytest

from bot.dialogue.storytest import run_story_tests, story_files
from bot.dialogue.training import Project, ensure_model

pytestmark = [pytest.mark.rasa, pytest.mark.slow, pytest.mark.timeout(2400)]


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_every_test_story_passes(locale: str) -> None:
    project = Project.default()
    model = ensure_model(project, locale).model
    result = run_story_tests(project, locale, model)
    assert result.failed == ()
    assert result.total >= 5 * 5 + 5
    assert len(story_files(project)) == 10
