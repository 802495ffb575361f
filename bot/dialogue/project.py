"""The Rasa project as KindCall lays it out, indexed with file and line for every name.

``dialogues/domain/*.yml`` holds intents, entities, slots, actions and the session config;
``scripts_library/<locale>/*.yml`` holds the responses of one locale. Rasa sees both merged
into one domain directory per locale (see :mod:`bot.dialogue.training`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.dialogue.yamlsrc import (
    YamlFile,
    load_yaml_file,
    mapping_get,
    mapping_items,
    scalar,
    sequence_items,
    yaml_files,
)
from bot.yamlsource import line_of, to_python

LOCALES: tuple[str, ...] = ("en", "zh")


@dataclass(frozen=True, slots=True)
class Where:
    """A place in a data file."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the data, said as ``path:line: message``."""

    where: Where
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class SlotSpec:
    """A slot of the domain: its type and, for categorical slots, the allowed values."""

    name: str
    type: str
    values: tuple[str, ...] | None
    where: Where


@dataclass(frozen=True, slots=True)
class Condition:
    """One ``{type: slot, name, value}`` condition of a response variation."""

    slot: str
    value: Any
    where: Where


@dataclass(frozen=True, slots=True)
class Variation:
    """One variation of a response: its text and the slot conditions selecting it."""

    text: str
    conditions: tuple[Condition, ...]
    where: Where


@dataclass(frozen=True, slots=True)
class Response:
    """A named response (``utter_*``) with its variations."""

    name: str
    variations: tuple[Variation, ...]
    where: Where


@dataclass(slots=True)
class Domain:
    """Names declared in ``dialogues/domain``."""

    intents: dict[str, Where] = field(default_factory=dict)
    entities: dict[str, Where] = field(default_factory=dict)
    slots: dict[str, SlotSpec] = field(default_factory=dict)
    actions: dict[str, Where] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _declare(table: dict[str, Where], name: str, where: Where, kind: str, out: Domain) -> None:
    if name in table:
        out.problems.append(Problem(where, f"{kind} {name} is declared twice (also {table[name]})"))
    else:
        table[name] = where


def _names(file: YamlFile, node: yaml.Node | None) -> list[tuple[str, Where]]:
    """Names listed as ``- name`` or ``- name: {...}`` items."""
    out: list[tuple[str, Where]] = []
    for item in sequence_items(node):
        name = scalar(item)
        if name is None and isinstance(item, yaml.MappingNode) and item.value:
            name = scalar(item.value[0][0])
        if name is not None:
            out.append((name, Where(file.display, line_of(item))))
    return out


def index_domain(files: list[YamlFile]) -> Domain:
    """Collect intents, entities, slots and actions from the domain files."""
    domain = Domain()
    for file in files:
        for name, where in _names(file, mapping_get(file.root, "intents")):
            _declare(domain.intents, name, where, "intent", domain)
        for name, where in _names(file, mapping_get(file.root, "entities")):
            _declare(domain.entities, name, where, "entity", domain)
        for name, where in _names(file, mapping_get(file.root, "actions")):
            _declare(domain.actions, name, where, "action", domain)
        for key, value in mapping_items(mapping_get(file.root, "slots")):
            where = Where(file.display, line_of(key))
            if key.value in domain.slots:
                first = domain.slots[key.value].where
                domain.problems.append(
                    Problem(where, f"slot {key.value} is declared twice (also {first})")
                )
                continue
            values_node = mapping_get(value, "values")
            values = None
            if values_node is not None:
                values = tuple(str(v) for v in to_python(values_node) or [])
            slot_type = scalar(mapping_get(value, "type")) or "any"
            domain.slots[key.value] = SlotSpec(key.value, slot_type, values, where)
    return domain


def index_responses(files: list[YamlFile]) -> tuple[dict[str, Response], list[Problem]]:
    """Collect the responses of one locale; a response defined twice is a problem."""
    responses: dict[str, Response] = {}
    problems: list[Problem] = []
    for file in files:
        for key, value in mapping_items(mapping_get(file.root, "responses")):
            where = Where(file.display, line_of(key))
            if key.value in responses:
                first = responses[key.value].where
                problems.append(
                    Problem(where, f"response {key.value} is defined twice (also {first})")
                )
                continue
            variations = []
            for item in sequence_items(value):
                item_where = Where(file.display, line_of(item))
                text = scalar(mapping_get(item, "text"))
                if text is None:
                    problems.append(Problem(item_where, f"{key.value}: variation without text"))
                    continue
                conditions = []
                for cond in sequence_items(mapping_get(item, "condition")):
                    slot = scalar(mapping_get(cond, "name"))
                    value_node = mapping_get(cond, "value")
                    cond_where = Where(file.display, line_of(cond))
                    if slot is None or value_node is None:
                        problems.append(
                            Problem(cond_where, f"{key.value}: condition needs name and value")
                        )
                        continue
                    conditions.append(Condition(slot, to_python(value_node), cond_where))
                variations.append(Variation(text, tuple(conditions), item_where))
            if not isinstance(value, yaml.SequenceNode):
                problems.append(Problem(where, f"response {key.value} must be a list"))
            responses[key.value] = Response(key.value, tuple(variations), where)
    return responses, problems


def load_files(directory: Path, root: Path) -> list[YamlFile]:
    """Parse every YAML file below ``directory`` (raises on the first syntax error)."""
    return [load_yaml_file(path, root) for path in yaml_files(directory)]


def load_responses(library: Path, locale: str, root: Path) -> dict[str, Response]:
    """The responses of ``library/<locale>`` (problems are the lint's business)."""
    responses, _ = index_responses(load_files(library / locale, root))
    return responses
