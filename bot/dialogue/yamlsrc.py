"""The YAML files of a Rasa project, as node trees walked leniently.

The lint and the project index work on nodes (read by :mod:`bot.yamlsource`, so every value
keeps its line) instead of plain dicts: a problem can then always name ``path:line``. Unlike
the strict accessors of :class:`~bot.yamlsource.YamlSource`, the walkers here yield nothing
for an unexpected shape: the lint reports problems, it does not stop at the first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.yamlsource import Wording, YamlSource

YAML_SUFFIXES = (".yml", ".yaml")
# How the lint has always worded unreadable files; an empty file is no error here.
_WORDING = Wording(
    unreadable="cannot read: {error}", invalid="YAML syntax error: {problem}", empty=None
)


@dataclass(frozen=True, slots=True)
class YamlFile:
    """One parsed file: where it is, how to name it in messages, and its root node."""

    path: Path
    display: str
    root: yaml.Node


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
    source = YamlSource.read(path, display=display_path(path, root), wording=_WORDING)
    return YamlFile(path, source.path, source.root)


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
