"""``kindcall dialogues``: lint and test the YAML of dialogues/ and scripts_library/."""

from __future__ import annotations

import sys

import click

from bot.commands.rasa import LOCALE_OPTION, locales_of
from bot.dialogue.lint import lint_project
from bot.dialogue.storytest import run_story_tests
from bot.dialogue.training import Project, ensure_model


@click.group()
def dialogues() -> None:
    """Lint and test the Rasa YAML (dialogues/) and the bot's lines (scripts_library/)."""


@dialogues.command(short_help="Report every YAML problem as path:line: message.")
def lint() -> None:
    """Report every problem as `path:line: message`; exit 1 if there is any.

    Checks YAML syntax, unknown intents/actions/slots in stories and rules, responses used
    but not defined for a locale, responses without a default variation, required
    disclosures with more than one variation, conditions on unknown slots or values, and
    {placeholders} that are not slots.
    """
    project = Project.default()
    problems = lint_project(project.dialogues, project.library)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"{len(problems)} problem(s)", err=True)
        sys.exit(1)
    click.echo("dialogues and scripts_library: no problems")


@dialogues.command(short_help="Run the test stories (rasa test core) per locale.")
@LOCALE_OPTION
def test(locale: str) -> None:
    """Run `rasa test core` on dialogues/tests/test_stories_*.yml against each locale's model.

    Trains first if the model is out of date. Exit 1 if any story fails; the failed
    stories are in build/rasa/<locale>/results/failed_test_stories.yml.
    """
    project = Project.default()
    failures = 0
    for name in locales_of(locale):
        model = ensure_model(project, name).model
        result = run_story_tests(project, name, model)
        click.echo(f"{name}: {result.passed}/{result.total} test stories passed ({model.name})")
        for story in result.failed:
            click.echo(f"  failed: {story}", err=True)
        failures += len(result.failed)
    if failures:
        sys.exit(1)
