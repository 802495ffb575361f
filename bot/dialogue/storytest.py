"""``rasa test core`` on ``dialogues/tests/test_stories_*.yml`` for one locale's model.

The test stories hold intents only, so the same files test every locale's dialogue policy.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.dialogue.training import Project, run_rasa


@dataclass(frozen=True, slots=True)
class StoryTestResult:
    """Outcome of ``rasa test core`` for one locale."""

    locale: str
    total: int
    failed: tuple[str, ...]
    results_dir: Path

    @property
    def passed(self) -> int:
        """Stories whose every action was predicted."""
        return self.total - len(self.failed)


def _story_names(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    stories = data.get("stories") or []
    return [str(s.get("story")) for s in stories if isinstance(s, dict)]


def story_files(project: Project) -> list[Path]:
    """The test story files, sorted."""
    return sorted((project.dialogues / "tests").glob("test_stories*.yml"))


def run_story_tests(project: Project, locale: str, model: Path) -> StoryTestResult:
    """Run every test story against ``model`` and read back which ones failed."""
    build = project.locale_build(locale)
    stories_dir = build / "test_stories"
    results = build / "results"
    for directory in (stories_dir, results):
        if directory.exists():
            shutil.rmtree(directory)
    stories_dir.mkdir(parents=True)
    total = 0
    for source in story_files(project):
        shutil.copyfile(source, stories_dir / source.name)
        total += len(_story_names(source))
    args = ["test", "core", "--stories", str(stories_dir), "-m", str(model), "--out", str(results)]
    run_rasa(project, args, build / "test_core.log", f"rasa test core ({locale})")
    failed_file = results / "failed_test_stories.yml"
    failed = tuple(_story_names(failed_file)) if failed_file.is_file() else ()
    return StoryTestResult(locale, total, failed, results)
