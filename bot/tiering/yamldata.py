"""Read small YAML data files while keeping line numbers for error messages.

PyYAML's ``safe_load`` forgets where values came from, so a bad weight in ``model.yml``
could only be reported by name. Here the file is *composed* into nodes (which carry marks)
and the typed accessors of :class:`YamlDoc` raise :class:`~bot.errors.DataFileError`
with ``path:line`` pointing at the offending value. Duplicate mapping keys, which PyYAML
silently resolves to the last one, are reported too.
"""

from __future__ import annotations

import math
from pathlib import Path

import yaml

from bot.errors import DataFileError

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


class YamlDoc:
    """A composed YAML document plus typed, line-aware accessors."""

    def __init__(self, path: Path, root: yaml.Node) -> None:
        self.path = path
        self.root = root

    @classmethod
    def load(cls, path: Path) -> YamlDoc:
        """Compose ``path``; unreadable or malformed YAML raises ``DataFileError``."""
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(str(path), None, f"cannot read YAML file: {exc}") from exc
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else None
            raise DataFileError(str(path), line, f"invalid YAML: {exc.problem}") from exc
        except yaml.YAMLError as exc:
            raise DataFileError(str(path), None, f"invalid YAML: {exc}") from exc
        if root is None:
            raise DataFileError(str(path), 1, "the file is empty")
        return cls(path, root)

    def error(self, node: yaml.Node, message: str) -> DataFileError:
        """A ``DataFileError`` located at ``node``."""
        return DataFileError(str(self.path), node.start_mark.line + 1, message)

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """The entries of a mapping node as ``{key: (key_node, value_node)}``."""
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping")
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error(key_node, f"{what}: keys must be plain words")
            key = str(key_node.value)
            if key in out:
                first = out[key][0].start_mark.line + 1
                raise self.error(key_node, f"{what}: duplicate key {key!r} (first on line {first})")
            out[key] = (key_node, value_node)
        return out

    def exact_keys(
        self,
        node: yaml.Node,
        what: str,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """A mapping that must hold every ``required`` key and nothing unknown."""
        entries = self.mapping(node, what)
        for key, (key_node, _) in entries.items():
            if key not in required and key not in optional:
                allowed = ", ".join((*required, *optional))
                raise self.error(key_node, f"{what}: unknown key {key!r} (allowed: {allowed})")
        missing = [key for key in required if key not in entries]
        if missing:
            raise self.error(node, f"{what}: missing key(s) {', '.join(missing)}")
        return entries

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        """The items of a sequence node."""
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, f"{what} must be a list")
        return list(node.value)

    def string(self, node: yaml.Node, what: str) -> str:
        """A non-empty scalar as text (numbers are accepted and kept as written)."""
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL:
            raise self.error(node, f"{what} must be a text value")
        value = str(node.value).strip()
        if not value:
            raise self.error(node, f"{what} must not be empty")
        return value

    def number(
        self, node: yaml.Node, what: str, low: float = -math.inf, high: float = math.inf
    ) -> float:
        """A numeric scalar within ``[low, high]`` (``.inf`` allowed when ``high`` is)."""
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (_INT, _FLOAT):
            shown = node.value if isinstance(node, yaml.ScalarNode) else "a collection"
            raise self.error(node, f"{what} must be a number, got {shown!r}")
        value = float(yaml.safe_load(node.value))
        if math.isnan(value) or not low <= value <= high:
            raise self.error(node, f"{what} must be between {low:g} and {high:g}, got {value:g}")
        return value

    def boolean(self, node: yaml.Node, what: str) -> bool:
        """A ``true``/``false`` scalar."""
        if not isinstance(node, yaml.ScalarNode) or node.tag != _BOOL:
            raise self.error(node, f"{what} must be true or false")
        return bool(yaml.safe_load(node.value))
