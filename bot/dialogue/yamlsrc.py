"""YAML files read as PyYAML node trees, so every value keeps its line number.

The lint and the project index work on nodes (``node.start_mark.line``) instead of plain
dicts: an error can then always name ``path:line``. A syntax error becomes
:class:`bot.errors.DataFileError` with the line PyYAML reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.errors import DataFileError

YAML_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True, slots=True)
class YamlFile:
    """One parsed file: where it is, how to name it in messages, and its root node."""

    path: Path
    display: str
    root: yaml.Node | None

    def at(self, node: yaml.Node) -> tuple[str, int]:
        """``(display path, 1-based line)`` of ``node``."""
        return self.display, line_of(node)


def line_of(node: yaml.Node) -> int:
    """1-based line where ``node`` starts."""
    return int(node.start_mark.line) + 1


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when it lies inside it, else as given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def load_yaml_file(path: Path, root: Path) -> YamlFile:
    """Parse ``path`` into nodes.

    Args:
        path: The YAML file.
        root: Directory that messages name paths relative to.

    Raises:
        DataFileError: The file cannot be read or is not valid YAML (``path:line``).
    """
    display = display_path(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(display, None, f"cannot read: {exc}") from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = int(mark.line) + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise DataFileError(display, line, f"YAML syntax error: {problem}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(display, None, f"YAML error: {exc}") from exc
    return YamlFile(path, display, node)


def yaml_files(directory: Path) -> list[Path]:
    """Every YAML file below ``directory``, sorted, or none if it does not exist."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())


def mapping_items(node: yaml.Node | None) -> Iterator[tuple[yaml.ScalarNode, yaml.Node]]:
    """``(key node, value node)`` pairs of a mapping node with scalar keys; nothing otherwise."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield key, value


def mapping_get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value node under ``key`` in a mapping node, if present."""
    for key_node, value in mapping_items(node):
        if key_node.value == key:
            return value
    return None


def sequence_items(node: yaml.Node | None) -> list[yaml.Node]:
    """Items of a sequence node; empty for anything else."""
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def scalar(node: yaml.Node | None) -> str | None:
    """The text of a scalar node (as written, before type resolution)."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return None


def to_python(node: yaml.Node) -> Any:
    """Construct the plain Python value of a node (as ``yaml.safe_load`` would)."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()
