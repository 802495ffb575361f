"""Lint of ``dialogues/`` and ``scripts_library/``: every problem as ``path:line: message``.

Checks, in the order a script writer meets them:

* YAML syntax (the line PyYAML reports);
* names declared twice (intents, slots, actions, responses);
* stories, rules and test stories: unknown intents, unknown actions, responses referenced
  but not defined for a locale, unknown slots and categorical values in ``slot_was_set``;
* NLU data: intents the domain does not declare;
* responses: a missing default variation (one without a condition), required disclosures
  with more than one variation, conditions on unknown slots or values (``value: 1`` where
  the slot holds ``"1"`` never matches), ``{placeholders}`` that are not slots, responses
  that exist in one locale but not in another.

:func:`check_project` raises :class:`bot.errors.DataFileError` for the first problem, which
the CLI prints as one line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Final

import yaml

from bot.dialogue.project import (
    Domain,
    Problem,
    Response,
    Where,
    index_domain,
    index_responses,
)
from bot.dialogue.yamlsrc import (
    YamlFile,
    display_path,
    load_yaml_file,
    mapping_get,
    mapping_items,
    scalar,
    sequence_items,
    yaml_files,
)
from bot.errors import DataFileError
from bot.yamlsource import line_of, to_python

DEFAULT_INTENTS: Final = frozenset(
    {"restart", "back", "out_of_scope", "session_start", "nlu_fallback"}
)
DEFAULT_ACTIONS: Final = frozenset(
    {
        "action_listen",
        "action_restart",
        "action_session_start",
        "action_default_fallback",
        "action_deactivate_loop",
        "action_revert_fallback_events",
        "action_default_ask_affirmation",
        "action_default_ask_rephrase",
        "action_two_stage_fallback",
        "action_unlikely_intent",
        "action_back",
        "action_extract_slots",
    }
)
# Compliance-approved wording: one variation, said the same way to everyone.
REQUIRED_DISCLOSURES: Final = (
    "utter_recording_notice",
    "utter_ask_identity",
    "utter_collection_disclosure",
)
_PLACEHOLDER = re.compile(r"{([^\n{}]+?)}")


def project_root(dialogues: Path, library: Path) -> Path:
    """The directory messages name paths relative to (the repository root in practice)."""
    return Path(os.path.commonpath([dialogues.resolve(), library.resolve()]))


def lint_project(dialogues: Path, library: Path) -> list[Problem]:
    """Every problem in the Rasa project data, sorted by file and line.

    Args:
        dialogues: The ``dialogues/`` directory (domain, data, tests, configs).
        library: The ``scripts_library/`` directory (one folder of responses per locale).
    """
    root = project_root(dialogues, library)
    problems: list[Problem] = []
    files: list[YamlFile] = []
    for path in [*yaml_files(dialogues), *yaml_files(library)]:
        try:
            files.append(load_yaml_file(path, root))
        except DataFileError as exc:
            problems.append(Problem(Where(exc.path, exc.line or 1), exc.detail))
    if problems:
        # A file that does not parse hides its names; checking the rest would only cascade.
        return problems

    domain_dir = dialogues / "domain"
    domain = index_domain([f for f in files if f.path.is_relative_to(domain_dir)])
    problems += domain.problems

    responses: dict[str, dict[str, Response]] = {}
    for locale_dir in (
        sorted(p for p in library.iterdir() if p.is_dir()) if library.is_dir() else []
    ):
        locale_files = [f for f in files if f.path.is_relative_to(locale_dir)]
        locale_responses, locale_problems = index_responses(locale_files)
        responses[display_path(locale_dir, root)] = locale_responses
        problems += locale_problems
        for response in locale_responses.values():
            problems += _check_response(response, domain)
    problems += _check_locales_agree(responses)

    for file in files:
        if file.path.is_relative_to(domain_dir) or file.path.is_relative_to(library):
            continue
        problems += _check_stories(file, domain, responses)
        problems += _check_nlu(file, domain)
    return sorted(problems, key=lambda p: (p.where.path, p.where.line, p.message))


def check_project(dialogues: Path, library: Path) -> None:
    """Raise :class:`DataFileError` naming the first problem, if there is any."""
    problems = lint_project(dialogues, library)
    if problems:
        first = problems[0]
        more = (
            f" (and {len(problems) - 1} more: kindcall dialogues lint)" if len(problems) > 1 else ""
        )
        raise DataFileError(first.where.path, first.where.line, first.message + more)


def _check_response(response: Response, domain: Domain) -> list[Problem]:
    out: list[Problem] = []
    name = response.name
    if response.variations and all(v.conditions for v in response.variations):
        out.append(
            Problem(
                response.where,
                f"response {name} has no default variation (one without a condition)",
            )
        )
    if name in REQUIRED_DISCLOSURES and len(response.variations) != 1:
        out.append(
            Problem(
                response.where,
                f"required disclosure {name} must have exactly one variation, "
                f"found {len(response.variations)}",
            )
        )
    for variation in response.variations:
        for placeholder in _PLACEHOLDER.findall(variation.text):
            if placeholder not in domain.slots:
                out.append(
                    Problem(
                        variation.where, f"placeholder {{{placeholder}}} in {name} is not a slot"
                    )
                )
        for condition in variation.conditions:
            slot = domain.slots.get(condition.slot)
            if slot is None:
                out.append(
                    Problem(
                        condition.where, f"condition on unknown slot {condition.slot} in {name}"
                    )
                )
            elif slot.values is not None and not (
                isinstance(condition.value, str) and condition.value in slot.values
            ):
                allowed = ", ".join(f'"{v}"' for v in slot.values)
                out.append(
                    Problem(
                        condition.where,
                        f"condition value {condition.value!r} in {name} is not one of slot "
                        f"{condition.slot}'s values ({allowed})",
                    )
                )
    return out


def _check_locales_agree(responses: dict[str, dict[str, Response]]) -> list[Problem]:
    out: list[Problem] = []
    for defined in responses.values():
        for other, other_defined in responses.items():
            for name in sorted(set(defined) - set(other_defined)):
                out.append(
                    Problem(defined[name].where, f"response {name} is not defined in {other}")
                )
    return out


def _check_stories(
    file: YamlFile, domain: Domain, responses: dict[str, dict[str, Response]]
) -> list[Problem]:
    out: list[Problem] = []
    for section in ("stories", "rules"):
        for story in sequence_items(mapping_get(file.root, section)):
            # A rule's condition holds slot_was_set steps like the steps themselves.
            steps = [
                *sequence_items(mapping_get(story, "condition")),
                *sequence_items(mapping_get(story, "steps")),
            ]
            for step in steps:
                out += _check_step(file, step, domain, responses)
    return out


def _check_step(
    file: YamlFile,
    step: yaml.Node,
    domain: Domain,
    responses: dict[str, dict[str, Response]],
) -> list[Problem]:
    out: list[Problem] = []
    for key, value in mapping_items(step):
        where = Where(file.display, line_of(value))
        if key.value == "intent":
            out += _check_intent(scalar(value), where, domain)
        elif key.value == "or":
            for alternative in sequence_items(value):
                out += _check_step(file, alternative, domain, responses)
        elif key.value == "action":
            out += _check_action(scalar(value), where, domain, responses)
        elif key.value == "slot_was_set":
            for item in sequence_items(value):
                for slot_key, slot_value in mapping_items(item):
                    out += _check_slot_value(
                        slot_key.value, slot_value, Where(file.display, line_of(slot_key)), domain
                    )
    return out


def _check_intent(name: str | None, where: Where, domain: Domain) -> list[Problem]:
    if name is None or name in domain.intents or name in DEFAULT_INTENTS:
        return []
    return [Problem(where, f"unknown intent {name} (not declared in dialogues/domain)")]


def _check_action(
    name: str | None, where: Where, domain: Domain, responses: dict[str, dict[str, Response]]
) -> list[Problem]:
    if name is None:
        return []
    if name.startswith("utter_"):
        return [
            Problem(where, f"response {name} is not defined in {locale}")
            for locale, defined in responses.items()
            if name not in defined
        ]
    if name in domain.actions or name in DEFAULT_ACTIONS:
        return []
    return [Problem(where, f"unknown action {name} (not declared in dialogues/domain)")]


def _check_slot_value(
    name: str, value_node: yaml.Node, where: Where, domain: Domain
) -> list[Problem]:
    slot = domain.slots.get(name)
    if slot is None:
        return [Problem(where, f"unknown slot {name} (not declared in dialogues/domain)")]
    value = to_python(value_node)
    if slot.values is not None and value is not None and str(value) not in slot.values:
        allowed = ", ".join(slot.values)
        return [Problem(where, f"value {value!r} is not one of slot {name}'s values ({allowed})")]
    return []


def _check_nlu(file: YamlFile, domain: Domain) -> list[Problem]:
    out: list[Problem] = []
    for item in sequence_items(mapping_get(file.root, "nlu")):
        intent_node = mapping_get(item, "intent")
        name = scalar(intent_node)
        if intent_node is None or name is None:
            continue
        if name not in domain.intents and name not in DEFAULT_INTENTS:
            where = Where(file.display, line_of(intent_node))
            out.append(
                Problem(where, f"intent {name} in NLU data is not declared in dialogues/domain")
            )
    return out


def format_problems(problems: Iterable[Problem]) -> list[str]:
    """One ``path:line: message`` line per problem."""
    return [str(p) for p in problems]
