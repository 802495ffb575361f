"""YAML data files read as node trees, so every error names ``path:line``.

``yaml.safe_load`` forgets where values came from, and silently keeps the last of two equal
mapping keys. Here a file is *composed* into PyYAML nodes (each carries its start mark) and
typed accessors check one value at a time, raising :class:`~bot.errors.DataFileError` located
at the offending node::

    source = YamlSource.read(path)
    top = source.mapping(source.root, "model", required=("weights",), allowed=("version",))
    weight = source.number(top["weights"], "weights", 0.0, 1.0)

Each family of files (lexicons, profiles, personas, ...) keeps the error phrasing its users
and tests know: the checks are shared, the sentences are a :class:`Wording` of templates.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.errors import DataFileError

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_FLAGS = ("true", "false")


@dataclass(frozen=True, slots=True)
class Wording:
    """The sentences of a family of files, as ``str.format`` templates.

    Every template may use ``{what}`` (the name the caller gave the value) plus the fields
    listed per attribute. Values: ``{raw}`` is the scalar as written (``None`` for a list or
    mapping), ``{shown}`` the same but ``"a collection"`` for those, ``{value}`` the Python
    value YAML gives it, ``{type}`` that value's type name.

    Attributes:
        unreadable: The file cannot be read; ``{error}``.
        invalid: The text is not YAML; ``{problem}``.
        empty: The document is empty; ``None`` lets an empty file load (its root is then a
            null scalar on line 1).
        not_mapping: A mapping was expected; value fields.
        key_not_text: A mapping key is itself a list or mapping.
        duplicate_key: A key appears twice; ``{key}``, ``{first}`` (line of the first one).
        unknown_key: A key outside ``allowed``; ``{key}``, ``{allowed}`` (joined with ", "),
            ``{allowed_list}`` (a list).
        missing_keys: Required keys are absent; ``{missing}`` (joined with ", ").
        not_list: A list was expected; value fields.
        not_text: Text was expected but the value is a collection or null; value fields.
        empty_text: The text is blank; value fields.
        not_number: A number was expected; value fields, ``{low}``, ``{high}``.
        out_of_range: The number is outside ``low..high``; value fields, ``{low}``, ``{high}``.
        not_flag: ``true`` or ``false`` was expected; value fields.
    """

    unreadable: str = "cannot read YAML file: {error}"
    invalid: str = "invalid YAML: {problem}"
    empty: str | None = "the file is empty"
    not_mapping: str = "{what} must be a mapping"
    key_not_text: str = "{what}: keys must be plain words"
    duplicate_key: str = "{what}: duplicate key {key!r} (first on line {first})"
    unknown_key: str = "{what}: unknown key {key!r} (allowed: {allowed})"
    missing_keys: str = "{what}: missing key(s) {missing}"
    not_list: str = "{what} must be a list"
    not_text: str = "{what} must be a text value"
    empty_text: str = "{what} must not be empty"
    not_number: str = "{what} must be a number, got {shown!r}"
    out_of_range: str = "{what} must be between {low:g} and {high:g}, got {value:g}"
    not_flag: str = "{what} must be true or false"


WORDING = Wording()


def line_of(node: yaml.Node) -> int:
    """The 1-based line where ``node`` starts."""
    return int(node.start_mark.line) + 1


def is_null(node: yaml.Node) -> bool:
    """True for an empty value, ``~`` or ``null``."""
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL


def null_at(node: yaml.Node) -> yaml.ScalarNode:
    """An empty value located where ``node`` starts: stands for a key that is missing."""
    return yaml.ScalarNode(_NULL, "", node.start_mark, node.start_mark)


def to_python(node: yaml.Node) -> Any:
    """The plain Python value of ``node``, as ``yaml.safe_load`` would build it."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


@dataclass(frozen=True, slots=True)
class YamlSource:
    """A composed YAML document and typed accessors that fail at ``path:line``.

    Attributes:
        path: How messages name the file.
        root: The document's root node.
        wording: The sentences of the errors.
    """

    path: str
    root: yaml.Node
    wording: Wording = WORDING

    @classmethod
    def read(
        cls, file: Path, *, display: str | None = None, wording: Wording = WORDING
    ) -> YamlSource:
        """Read and compose ``file``.

        Args:
            file: The YAML file.
            display: How messages name it (default: ``str(file)``).
            wording: The sentences of the errors.

        Raises:
            DataFileError: The file cannot be read, is not YAML, or is empty when
                ``wording.empty`` says so.
        """
        path = str(file) if display is None else display
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(path, None, wording.unreadable.format(error=exc)) from exc
        return cls.parse(text, path, wording=wording)

    @classmethod
    def parse(cls, text: str, path: str, *, wording: Wording = WORDING) -> YamlSource:
        """Compose ``text``; ``path`` is how messages name it (see :meth:`read`)."""
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = int(mark.line) + 1 if mark is not None else None
            problem = exc.problem or exc.context or "invalid YAML"
            raise DataFileError(path, line, wording.invalid.format(problem=problem)) from exc
        except yaml.YAMLError as exc:  # e.g. a control character: no line to report
            raise DataFileError(path, None, wording.invalid.format(problem=exc)) from exc
        if root is None:
            if wording.empty is not None:
                raise DataFileError(path, 1, wording.empty)
            start = yaml.Mark(path, 0, 0, 0, "", 0)
            root = yaml.ScalarNode(_NULL, "", start, start)
        return cls(path, root, wording)

    def error(self, node: yaml.Node, message: str) -> DataFileError:
        """A :class:`DataFileError` located at ``node``."""
        return DataFileError(self.path, line_of(node), message)

    def entries(
        self,
        node: yaml.Node,
        what: str,
        *,
        required: Sequence[str] = (),
        allowed: Collection[str] | None = None,
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """The mapping ``node`` as ``{key: (key node, value node)}``.

        Args:
            node: The node that must be a mapping with plain, distinct keys.
            what: Its name in messages.
            required: Keys that must be present (they are allowed too).
            allowed: The other keys it may hold; ``None`` allows any. A set is listed sorted
                in messages, a sequence in its order after ``required``.

        Raises:
            DataFileError: At the first offending key, or at ``node`` for missing keys.
        """
        if not isinstance(node, yaml.MappingNode):
            raise self._fail("not_mapping", node, what)
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self._fail("key_not_text", key_node, what)
            key = str(key_node.value)
            if key in out:
                first = line_of(out[key][0])
                raise self._fail("duplicate_key", key_node, what, key=key, first=first)
            out[key] = (key_node, value_node)
        if allowed is not None:
            names = _listing(required, allowed)
            for key, (key_node, _) in out.items():
                if key not in names:
                    raise self._fail(
                        "unknown_key",
                        key_node,
                        what,
                        key=key,
                        allowed=", ".join(names),
                        allowed_list=names,
                    )
        missing = [key for key in required if key not in out]
        if missing:
            raise self._fail("missing_keys", node, what, missing=", ".join(missing))
        return out

    def mapping(
        self,
        node: yaml.Node,
        what: str,
        *,
        required: Sequence[str] = (),
        allowed: Collection[str] | None = None,
    ) -> dict[str, yaml.Node]:
        """The mapping ``node`` as ``{key: value node}`` (checks as :meth:`entries`)."""
        found = self.entries(node, what, required=required, allowed=allowed)
        return {key: value for key, (_, value) in found.items()}

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        """The items of the list ``node``."""
        if not isinstance(node, yaml.SequenceNode):
            raise self._fail("not_list", node, what)
        return list(node.value)

    def scalar(self, node: yaml.Node, what: str) -> str:
        """A single value (not a list or mapping), as written; ``not_text`` otherwise."""
        if not isinstance(node, yaml.ScalarNode):
            raise self._fail("not_text", node, what)
        return str(node.value)

    def text(self, node: yaml.Node, what: str) -> str:
        """Non-blank text, stripped; numbers and dates are kept as written."""
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL:
            raise self._fail("not_text", node, what)
        value = str(node.value).strip()
        if not value:
            raise self._fail("empty_text", node, what)
        return value

    def strings(self, node: yaml.Node, what: str) -> list[str]:
        """A list of texts; each item is named ``"<what> item"``."""
        return [self.text(item, f"{what} item") for item in self.sequence(node, what)]

    def number(
        self, node: yaml.Node, what: str, low: float = -math.inf, high: float = math.inf
    ) -> float:
        """A plain (unquoted) number within ``low..high``; ``.inf`` counts, ``.nan`` does not."""
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (_INT, _FLOAT):
            raise self._fail("not_number", node, what, low=low, high=high)
        value = float(to_python(node))
        if math.isnan(value) or not low <= value <= high:
            raise self._fail("out_of_range", node, what, low=low, high=high)
        return value

    def flag(self, node: yaml.Node, what: str) -> bool:
        """A plain ``true`` or ``false`` (YAML 1.1's ``yes``/``no``/``on``/``off`` are refused)."""
        if not isinstance(node, yaml.ScalarNode) or node.style or node.value not in _FLAGS:
            raise self._fail("not_flag", node, what)
        return bool(node.value == "true")

    def _fail(self, kind: str, node: yaml.Node, what: str, **fields: object) -> DataFileError:
        template: str = getattr(self.wording, kind)
        return self.error(node, template.format_map(_Fields(node, what, fields)))


def _listing(required: Sequence[str], allowed: Collection[str]) -> list[str]:
    if isinstance(allowed, Set):
        return sorted({*required, *allowed})
    return [*required, *(key for key in allowed if key not in required)]


class _Fields(dict[str, object]):
    """Template fields; the value ones are built only when a template asks for them."""

    def __init__(self, node: yaml.Node, what: str, fields: dict[str, object]) -> None:
        super().__init__(fields, what=what)
        self.node = node

    def __missing__(self, name: str) -> object:
        scalar = isinstance(self.node, yaml.ScalarNode)
        if name == "raw":
            return self.node.value if scalar else None
        if name == "shown":
            return self.node.value if scalar else "a collection"
        if name in ("value", "type"):
            try:
                value = to_python(self.node)
            except yaml.YAMLError:  # an unknown tag: show the text as written
                value = self.node.value if scalar else None
            return value if name == "value" else type(value).__name__
        raise KeyError(name)
