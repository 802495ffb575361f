"""``kindcall rasa``: train the per-locale models and run the Rasa + action servers."""

from __future__ import annotations

import click

from bot.dialogue import server
from bot.dialogue.project import LOCALES
from bot.dialogue.training import Project, current_model, ensure_model, model_path

LOCALE_OPTION = click.option(
    "--locale",
    type=click.Choice([*LOCALES, "all"]),
    default="all",
    show_default=True,
    help="Which locale's model and servers (zh, en) or both.",
)


def locales_of(choice: str) -> list[str]:
    """The locales a ``--locale`` choice stands for."""
    return list(LOCALES) if choice == "all" else [choice]


@click.group()
def rasa() -> None:
    """Train, start, stop and inspect the Rasa servers (one model per locale).

    Models are models/<locale>-<hash12>.tar.gz, where the hash covers dialogues/ (config,
    domain, stories, rules, the locale's NLU data) and scripts_library/<locale>/. Servers:
    Rasa on 5005 (en) / 5006 (zh), actions on 5055 / 5056; pid files in var/run/, logs in
    var/log/.
    """


@rasa.command(short_help="Lint, then train the locales whose content changed.")
@LOCALE_OPTION
@click.option("--force", is_flag=True, help="Train even if the model for this content exists.")
def train(locale: str, force: bool) -> None:
    """Lint the YAML, then validate and train each locale whose content changed.

    A YAML problem stops here with one line, `path:line: message`. Training takes about
    40-100 s per locale on 2 cores; an unchanged locale takes no time.
    """
    project = Project.default()
    for name in locales_of(locale):
        if not force and current_model(project, name) is None:
            click.echo(f"{name}: training {model_path(project, name).name} ...")
        result = ensure_model(project, name, force=force)
        if result.trained:
            click.echo(f"{name}: trained {result.model} in {result.seconds:.0f} s")
        else:
            click.echo(f"{name}: up to date ({result.model})")


@rasa.command(short_help="Start Rasa + action servers and leave them running.")
@LOCALE_OPTION
def up(locale: str) -> None:
    """Start Rasa and the action server (training first if needed); they keep running.

    Waits until the model is loaded (about 40 s). Stop them with `kindcall rasa down`.
    """
    project = Project.default()
    for name in locales_of(locale):
        model = ensure_model(project, name).model
        info = server.start(project, name, model)
        click.echo(
            f"{name}: rasa {info.rasa_url} (pid {info.rasa_pid}), "
            f"actions {info.actions_url} (pid {info.actions_pid}), model {model.name}"
        )


@rasa.command(short_help="Stop the servers.")
@LOCALE_OPTION
def down(locale: str) -> None:
    """Stop the servers started by `kindcall rasa up` or `kindcall chat`."""
    for name in locales_of(locale):
        stopped = server.stop(name)
        click.echo(f"{name}: {'stopped' if stopped else 'not running'}")


@rasa.command(short_help="Is each model current, do its servers answer?")
@LOCALE_OPTION
def status(locale: str) -> None:
    """Show, per locale, whether the model is current and whether the servers answer."""
    project = Project.default()
    for name in locales_of(locale):
        model = current_model(project, name)
        model_text = model.name if model else f"needs training ({model_path(project, name).name})"
        info = server.read_info(name)
        if info is None:
            serving = "not running"
        elif server.is_ready(info):
            stale = "" if model is not None and info.model == str(model) else ", stale model"
            serving = f"running on {info.rasa_url} and {info.actions_url}{stale}"
        else:
            serving = f"not answering (pids {info.rasa_pid}, {info.actions_pid})"
        click.echo(f"{name}: model {model_text}; servers {serving}")
