"""Read YAML keeping line numbers, so every error in a lexicon names ``path:line``."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.errors import DataFileError


def load(path: Path) -> yaml.Node:
    """Parse ``path`` into a node tree (no Python objects are built)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(str(path), line, f"invalid YAML: {exc.problem}") from exc
    if node is None:
        raise DataFileError(str(path), 1, "file is empty")
    return node


def line(node: yaml.Node) -> int:
    """The 1-based line where ``node`` starts."""
    return int(node.start_mark.line) + 1


def fail(path: Path, node: yaml.Node, message: str) -> DataFileError:
    """A :class:`DataFileError` pointing at ``node``."""
    return DataFileError(str(path), line(node), message)


def mapping(path: Path, node: yaml.Node, what: str) -> dict[str, yaml.Node]:
    """The mapping ``node`` as ``{key: value node}``; keys must be strings."""
    if not isinstance(node, yaml.MappingNode):
        raise fail(path, node, f"{what} must be a mapping")
    result: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise fail(path, key_node, f"{what}: keys must be plain words")
        if key_node.value in result:
            raise fail(path, key_node, f'{what}: key "{key_node.value}" appears twice')
        result[key_node.value] = value_node
    return result


def sequence(path: Path, node: yaml.Node, what: str) -> list[yaml.Node]:
    """The list ``node`` as its item nodes."""
    if not isinstance(node, yaml.SequenceNode):
        raise fail(path, node, f"{what} must be a list")
    return list(node.value)


def text(path: Path, node: yaml.Node, what: str) -> str:
    """A non-empty string scalar."""
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise fail(path, node, f"{what} must be a non-empty string")
    return str(node.value)


def number(path: Path, node: yaml.Node, what: str, low: float, high: float) -> float:
    """A number within ``low..high``."""
    raw = node.value if isinstance(node, yaml.ScalarNode) else None
    try:
        value = float(str(raw))
    except ValueError:
        value = float("nan")
    if raw is None or not low <= value <= high:
        raise fail(path, node, f"{what} must be a number within {low}..{high}, got {raw!r}")
    return value


def strings(path: Path, node: yaml.Node, what: str) -> list[str]:
    """A list of non-empty strings."""
    return [text(path, item, f"{what} item") for item in sequence(path, node, what)]


def check_keys(path: Path, fields: dict[str, yaml.Node], allowed: set[str], what: str) -> None:
    """Reject unknown keys (typos must not silently disable a rule)."""
    for key, value in fields.items():
        if key not in allowed:
            raise fail(path, value, f'{what}: unknown key "{key}"; expected {sorted(allowed)}')
