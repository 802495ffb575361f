"""bot.yamlsource: composing YAML with line numbers and the typed accessors' exact errors."""

from __future__ import annotations

import math
import re
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import DataFileError
from bot.yamlsource import Wording, YamlSource, is_null, line_of, null_at, to_python

DOC = """\
# a comment
name: kindcall
weights:
  a: 0.25
  b: 0.75
steps:
  - one
  - 2
"""


def source(text: str, wording: Wording | None = None) -> YamlSource:
    return YamlSource.parse(text, "f.yml", wording=wording or Wording())


def fails(message: str) -> AbstractContextManager[Any]:
    """Expect a DataFileError whose whole message is ``message``."""
    return pytest.raises(DataFileError, match=f"^{re.escape(message)}$")


def test_nodes_keep_their_lines() -> None:
    doc = source(DOC)
    top = doc.mapping(doc.root, "doc")
    assert line_of(doc.root) == 2
    assert [line_of(node) for node in top.values()] == [2, 4, 7]
    assert [line_of(item) for item in doc.sequence(top["steps"], "steps")] == [7, 8]
    assert {k: line_of(v) for k, v in doc.mapping(top["weights"], "weights").items()} == {
        "a": 4,
        "b": 5,
    }
    key_lines = {k: line_of(key) for k, (key, _) in doc.entries(doc.root, "doc").items()}
    assert key_lines == {"name": 2, "weights": 3, "steps": 6}


def test_read_names_the_file_and_can_display_it_otherwise(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("a: [1\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        YamlSource.read(path)
    assert (
        str(caught.value) == f"{path}:2: invalid YAML: expected ',' or ']', but got '<stream end>'"
    )
    assert (caught.value.path, caught.value.line) == (str(path), 2)
    path.write_text("a: 1\n", encoding="utf-8")
    assert YamlSource.read(path, display="data/x.yml").path == "data/x.yml"


def test_unreadable_file_has_no_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yml"
    with pytest.raises(DataFileError) as caught:
        YamlSource.read(missing)
    assert caught.value.line is None
    assert caught.value.detail.startswith("cannot read YAML file: [Errno 2] No such file")
    binary = tmp_path / "bin.yml"
    binary.write_bytes(b"\xff\xfe")
    with pytest.raises(DataFileError, match=r"bin\.yml: cannot read: 'utf-8' codec"):
        YamlSource.read(binary, wording=Wording(unreadable="cannot read: {error}"))


def test_invalid_yaml_reports_the_parser_line_in_the_files_wording() -> None:
    with fails("f.yml:3: YAML syntax error: mapping values are not allowed here"):
        source("a: 1\nb: 2\nc: d: e\n", Wording(invalid="YAML syntax error: {problem}"))
    with fails("f.yml:1: invalid YAML: found undefined alias 'x'"):
        source("a: *x\n")


def test_a_control_character_is_invalid_yaml_without_a_line() -> None:
    with pytest.raises(DataFileError) as caught:
        source("a: b\x07\n")
    assert caught.value.line is None
    assert caught.value.detail.startswith("invalid YAML: unacceptable character #x0007")


def test_empty_file_is_an_error_unless_the_wording_allows_it() -> None:
    with fails("f.yml:1: the file is empty"):
        source("# only a comment\n")
    with fails("f.yml:1: empty profile"):
        source("", Wording(empty="empty profile"))
    doc = source("\n", Wording(empty=None))
    assert is_null(doc.root) and line_of(doc.root) == 1
    with fails("f.yml:1: top must be a mapping"):
        doc.mapping(doc.root, "top")


def test_mapping_shape_and_keys() -> None:
    with fails("f.yml:1: top must be a mapping"):
        doc = source("- a\n")
        doc.mapping(doc.root, "top")
    doc = source("a: 1\n[x]: 2\n")
    with fails("f.yml:2: top: keys must be plain words"):
        doc.mapping(doc.root, "top")
    doc = source("a: 1\nb: 2\na: 3\n")
    with fails("f.yml:3: top: duplicate key 'a' (first on line 1)"):
        doc.mapping(doc.root, "top")


def test_unknown_keys_are_listed_sorted_from_a_set_in_order_from_a_sequence() -> None:
    doc = source("zeta: 1\nmid: 2\ntypo:\n  - 3\n")
    with fails("f.yml:3: top: unknown key 'typo' (allowed: mid, zeta)"):
        doc.mapping(doc.root, "top", allowed={"zeta", "mid"})
    with fails("f.yml:3: top: unknown key 'typo' (allowed: zeta, mid, extra)"):
        doc.mapping(doc.root, "top", required=("zeta", "mid"), allowed=("extra",))
    as_list = Wording(unknown_key='{what}: unknown key "{key}"; expected {allowed_list}')
    doc = source("zeta: 1\nmid: 2\ntypo: 3\n", as_list)
    with fails("""f.yml:3: top: unknown key "typo"; expected ['mid', 'zeta']"""):
        doc.mapping(doc.root, "top", allowed={"zeta", "mid"})
    assert list(doc.mapping(doc.root, "top")) == ["zeta", "mid", "typo"]


def test_missing_required_keys_point_at_the_mapping() -> None:
    doc = source("outer:\n  inner:\n    a: 1\n")
    inner = doc.mapping(doc.mapping(doc.root, "outer")["outer"], "inner")["inner"]
    with fails("f.yml:3: inner: missing key(s) b, c"):
        doc.mapping(inner, "inner", required=("a", "b", "c"))
    assert list(doc.mapping(inner, "inner", required=("a",), allowed=())) == ["a"]


def test_sequence_and_strings() -> None:
    doc = source("items: [a, ' b ', 3]\nbad: x\nholes: [a, '']\n")
    top = doc.mapping(doc.root, "top")
    assert doc.strings(top["items"], "items") == ["a", "b", "3"]
    with fails("f.yml:2: bad must be a list"):
        doc.sequence(top["bad"], "bad")
    with fails("f.yml:3: holes item must not be empty"):
        doc.strings(top["holes"], "holes")


def test_scalar_and_text() -> None:
    doc = source("a: '  hi '\nb: ~\nc: ''\nd: [x]\ne: 2024-01-02\nf:\n")
    top = doc.mapping(doc.root, "top")
    assert doc.text(top["a"], "a") == "hi"
    assert doc.text(top["e"], "e") == "2024-01-02"  # kept as written, not a date
    assert doc.scalar(top["a"], "a") == "  hi "
    assert doc.scalar(top["b"], "b") == "~"
    with fails("f.yml:2: b must be a text value"):
        doc.text(top["b"], "b")
    with fails("f.yml:3: c must not be empty"):
        doc.text(top["c"], "c")
    with fails("f.yml:4: d must be a text value"):
        doc.scalar(top["d"], "d")
    with fails("f.yml:6: f must be a text value"):
        doc.text(top["f"], "f")


def test_number_accepts_plain_numbers_within_range() -> None:
    doc = source("a: 3\nb: 0.5\nc: .inf\nd: 1.0e-3\n")
    top = doc.mapping(doc.root, "top")
    assert doc.number(top["a"], "a", 0, 3) == 3.0
    assert doc.number(top["b"], "b", 0.0, 1.0) == 0.5
    assert doc.number(top["c"], "c", 0.0) == math.inf
    assert doc.number(top["d"], "d") == 0.001


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("'0.5'", "f.yml:1: x must be a number, got '0.5'"),
        ("[1]", "f.yml:1: x must be a number, got 'a collection'"),
        ("high", "f.yml:1: x must be a number, got 'high'"),
        ("true", "f.yml:1: x must be a number, got 'true'"),
        ("1e-3", "f.yml:1: x must be a number, got '1e-3'"),  # YAML 1.1 wants 1.0e-3
        (".nan", "f.yml:1: x must be between 0 and 1, got nan"),
        ("1.5", "f.yml:1: x must be between 0 and 1, got 1.5"),
        ("-2", "f.yml:1: x must be between 0 and 1, got -2"),
    ],
)
def test_number_errors(value: str, message: str) -> None:
    doc = source(f"x: {value}\n")
    with fails(message):
        doc.number(doc.mapping(doc.root, "top")["x"], "x", 0.0, 1.0)


def test_number_wording_sees_the_value_as_written_and_as_python() -> None:
    wording = Wording(
        not_number="{what} must be a number >= {low}, got {value!r} ({type}, raw {raw!r})",
        out_of_range="{what} must be a number within {low}..{high}, got {raw!r}",
    )
    doc = source("a: '7'\nb: -1\nc: {k: v}\n", wording)
    top = doc.mapping(doc.root, "top")
    with fails("f.yml:1: a must be a number >= 1, got '7' (str, raw '7')"):
        doc.number(top["a"], "a", low=1)
    with fails("f.yml:2: b must be a number within 0.0..1.0, got '-1'"):
        doc.number(top["b"], "b", 0.0, 1.0)
    with fails("f.yml:3: c must be a number >= 0, got {'k': 'v'} (dict, raw None)"):
        doc.number(top["c"], "c", low=0)


@pytest.mark.parametrize("value", ["yes", "no", "on", "True", "'true'", "1", "[true]", ""])
def test_flag_refuses_everything_but_plain_true_and_false(value: str) -> None:
    doc = source(f"x: {value}\n", Wording(not_flag="{what} must be true or false, got {value!r}"))
    node = doc.mapping(doc.root, "top")["x"]
    expected = repr(to_python(node))
    with fails(f"f.yml:1: x must be true or false, got {expected}"):
        doc.flag(node, "x")


def test_flag_reads_true_and_false() -> None:
    doc = source("a: true\nb: false\n")
    top = doc.mapping(doc.root, "top")
    assert (doc.flag(top["a"], "a"), doc.flag(top["b"], "b")) == (True, False)


def test_null_at_stands_for_a_missing_key_where_its_mapping_starts() -> None:
    doc = source("first: 1\nrule:\n  say: hi\n", Wording(not_text="{what} missing, got {value!r}"))
    rule = doc.mapping(doc.root, "top")["rule"]
    stand_in = null_at(rule)
    assert is_null(stand_in) and to_python(stand_in) is None
    with fails("f.yml:3: when missing, got None"):
        doc.text(stand_in, "when")


def test_error_locates_any_node() -> None:
    doc = source("a:\n  - b\n")
    item = doc.sequence(doc.mapping(doc.root, "top")["a"], "a")[0]
    error = doc.error(item, "no good")
    assert (str(error), error.path, error.line, error.detail) == (
        "f.yml:2: no good",
        "f.yml",
        2,
        "no good",
    )


def test_to_python_builds_what_safe_load_builds() -> None:
    text = "a: [1, 2.5, yes, ~, '3']\nb: {c: 2024-01-02}\n"
    assert to_python(source(text).root) == yaml.safe_load(text)


@given(
    st.lists(
        st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), min_size=1, max_size=12, unique=True
    ),
    st.lists(st.integers(min_value=0, max_value=3), min_size=12, max_size=12),
)
def test_every_key_reports_its_own_line(keys: list[str], blanks: list[int]) -> None:
    lines, expected = [], {}
    for key, gap in zip(keys, blanks, strict=False):
        lines += ["# note"] * gap
        lines.append(f"{key}: 1")
        expected[key] = len(lines)
    doc = source("\n".join(lines) + "\n")
    got = {key: line_of(node) for key, (node, _) in doc.entries(doc.root, "top").items()}
    assert got == expected
    bad = keys[-1]
    with fails(
        f"f.yml:{expected[bad]}: top: unknown key {bad!r} (allowed: {', '.join(keys[:-1])})"
    ):
        doc.entries(doc.root, "top", allowed=tuple(keys[:-1]))


def test_a_value_yaml_cannot_build_is_shown_as_written() -> None:
    doc = source("x: !money 12\n", Wording(not_number="{what} got {value!r}"))
    with fails("f.yml:1: x got '12'"):
        doc.number(doc.mapping(doc.root, "top")["x"], "x")


def test_a_template_naming_an_unknown_field_fails_loudly() -> None:
    doc = source("x: 1\n", Wording(not_list="{what} {colour}"))
    with pytest.raises(KeyError, match="colour"):
        doc.sequence(doc.mapping(doc.root, "top")["x"], "x")
