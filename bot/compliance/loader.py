"""Load jurisdiction profiles from ``bot/compliance/profiles/*.yml`` and resolve overlays.

A profile file::

    name: us-regf                 # must equal the file name without .yml
    extends: null                 # or the name of the profile this overlay tightens
    description: ...
    requires_consent: false
    third_party_disclosure: false
    disclosures: [mini_miranda]
    window: {start: "08:00", end: "21:00"}      # allowed from start until before end
    caps:                         # at most `max` counted attempts in any `days` local days
      - {id: weekly_attempts, reason: weekly_attempt_cap, max: 7, days: 7,
         outcomes: [no_answer, busy, voicemail, conversation]}
    cooldowns:                    # none on `days` local days from a matching attempt's day
      - {id: after_conversation, reason: recent_conversation, after: [conversation], days: 7}

An overlay (``extends: us-regf``) lists only what it changes: top-level keys replace the
base's, ``disclosures`` are added, and caps/cooldowns are merged field by field by ``id``
(new ids are added). Overlays may only tighten: a narrower window, a lower ``max``, more
``days`` or more counted outcomes, consent required, no third-party disclosure. Anything
looser is a :class:`~bot.errors.DataFileError` naming ``file:line``.

The YAML is read node by node (not with ``safe_load``) so every error carries its line and
YAML 1.1 surprises such as ``21:00`` being read as the integer 1260 cannot happen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from bot.compliance.model import OUTCOMES
from bot.compliance.profile import MAX_RULE_DAYS, Cap, Cooldown, Profile, Window
from bot.errors import ComplianceError, DataFileError

PROFILES_DIR = Path(__file__).parent / "profiles"

_TIME = re.compile(r"^(\d\d):(\d\d)$")
_TAG = re.compile(r"^[a-z][a-z0-9_]*$")
_TOP_KEYS = frozenset(
    {
        "name",
        "extends",
        "description",
        "requires_consent",
        "third_party_disclosure",
        "disclosures",
        "window",
        "caps",
        "cooldowns",
    }
)
_CAP_KEYS = frozenset({"id", "reason", "max", "days", "outcomes"})
_COOLDOWN_KEYS = frozenset({"id", "reason", "after", "days"})


@dataclass(slots=True)
class _Field:
    """A value read from YAML with the line it came from (1-based)."""

    value: object
    path: str
    line: int


@dataclass(slots=True)
class _Raw:
    """One profile file, or the merge of an overlay chain, before compilation."""

    top: dict[str, _Field] = field(default_factory=dict)
    window: dict[str, _Field] = field(default_factory=dict)
    caps: dict[str, dict[str, _Field]] = field(default_factory=dict)
    cooldowns: dict[str, dict[str, _Field]] = field(default_factory=dict)


def profile_names(directory: Path | None = None) -> list[str]:
    """Names of the profiles found in ``directory`` (default: the packaged profiles)."""
    folder = directory or PROFILES_DIR
    return sorted(p.stem for p in folder.glob("*.yml"))


def load_profile(name: str, *, directory: Path | None = None) -> Profile:
    """Load, merge and compile one profile.

    Args:
        name: Profile name, e.g. ``"cn"``, ``"us-regf"``, ``"us-ma"``.
        directory: Folder holding the ``*.yml`` profiles; defaults to the packaged ones.

    Returns:
        The compiled profile, overlays resolved. Repeated calls return the same object.

    Raises:
        ComplianceError: ``name`` is not a known profile (the message lists the known ones)
            or an ``extends`` chain loops.
        DataFileError: A profile file is invalid or an overlay loosens its base.
    """
    return _load(directory, name)


@lru_cache(maxsize=64)
def _load(directory: Path | None, name: str) -> Profile:
    # Cached on the arguments as given: resolving the path is a system call per look-up.
    raw = _resolve((directory or PROFILES_DIR).resolve(), name, ())
    return _compile(raw)


def _resolve(folder: Path, name: str, chain: tuple[str, ...]) -> _Raw:
    if name in chain:
        loop = " -> ".join((*chain, name))
        raise ComplianceError(f"profile overlay loop: {loop}")
    known = profile_names(folder)
    if name not in known:
        raise ComplianceError(
            f"unknown compliance profile {name!r}; known profiles: {', '.join(known) or 'none'}"
        )
    raw = _read(folder / f"{name}.yml")
    extends = raw.top.get("extends")
    if extends is None or extends.value is None:
        return raw
    base_name = extends.value
    assert isinstance(base_name, str)
    base = _resolve(folder, base_name, (*chain, name))
    merged = _merge(base, raw)
    _check_tightens(_compile(base), _compile(merged), merged)
    return merged


def _merge(base: _Raw, overlay: _Raw) -> _Raw:
    top = dict(base.top)
    top.update({k: v for k, v in overlay.top.items() if k != "disclosures"})
    if "disclosures" in overlay.top:
        add = overlay.top["disclosures"]
        old = base.top.get("disclosures")
        values = list(_as_tags(old.value)) if old is not None else []
        values += [d for d in _as_tags(add.value) if d not in values]
        top["disclosures"] = _Field(tuple(values), add.path, add.line)
    caps = {k: dict(v) for k, v in base.caps.items()}
    for rule_id, fields in overlay.caps.items():
        caps.setdefault(rule_id, {}).update(fields)
    cooldowns = {k: dict(v) for k, v in base.cooldowns.items()}
    for rule_id, fields in overlay.cooldowns.items():
        cooldowns.setdefault(rule_id, {}).update(fields)
    window = {**base.window, **overlay.window}
    return _Raw(top=top, window=window, caps=caps, cooldowns=cooldowns)


def _check_tightens(base: Profile, merged: Profile, raw: _Raw) -> None:
    def fail(where: _Field, what: str) -> None:
        message = f"overlay {merged.name!r} may only tighten {base.name!r}: {what}"
        raise DataFileError(where.path, where.line, message)

    if merged.window.start < base.window.start or merged.window.end > base.window.end:
        fail(raw.window["start"], f"window wider than {base.window.describe()}")
    if base.requires_consent and not merged.requires_consent:
        fail(raw.top["requires_consent"], "requires_consent cannot be turned off")
    if merged.third_party_disclosure and not base.third_party_disclosure:
        fail(raw.top["third_party_disclosure"], "third_party_disclosure cannot be turned on")
    caps = {c.id: c for c in merged.caps}
    for old in base.caps:
        new, fields = caps[old.id], raw.caps[old.id]
        if new.limit > old.limit:
            fail(fields["max"], f"caps.{old.id}.max {new.limit} > {old.limit}")
        if new.days < old.days:
            fail(fields["days"], f"caps.{old.id}.days {new.days} < {old.days}")
        if not new.outcomes >= old.outcomes:
            fail(fields["outcomes"], f"caps.{old.id}.outcomes must include {sorted(old.outcomes)}")
    cooldowns = {c.id: c for c in merged.cooldowns}
    for old_cd in base.cooldowns:
        new_cd, fields = cooldowns[old_cd.id], raw.cooldowns[old_cd.id]
        if new_cd.days < old_cd.days:
            fail(fields["days"], f"cooldowns.{old_cd.id}.days {new_cd.days} < {old_cd.days}")
        if not new_cd.after >= old_cd.after:
            need = sorted(old_cd.after)
            fail(fields["after"], f"cooldowns.{old_cd.id}.after must include {need}")


# --- reading one file -----------------------------------------------------------------------


def _read(path: Path) -> _Raw:
    where = str(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise DataFileError(where, line, f"invalid YAML: {exc.problem or exc}") from exc
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(where, None, f"cannot read profile: {exc}") from exc
    if root is None:
        raise DataFileError(where, 1, "empty profile")
    top = _mapping(root, where, _TOP_KEYS, "profile")
    raw = _Raw()
    for key, node in top.items():
        if key == "window":
            win = _mapping(node, where, frozenset({"start", "end"}), "window")
            raw.window = {k: _field(v, where, _time(v, where, k)) for k, v in win.items()}
        elif key == "caps":
            raw.caps = _rules(node, where, _CAP_KEYS, "caps")
        elif key == "cooldowns":
            raw.cooldowns = _rules(node, where, _COOLDOWN_KEYS, "cooldowns")
        elif key in ("requires_consent", "third_party_disclosure"):
            raw.top[key] = _field(node, where, _bool(node, where, key))
        elif key == "disclosures":
            raw.top[key] = _field(node, where, tuple(_tags(node, where, key)))
        elif key == "extends":
            value = None if _is_null(node) else _string(node, where, key)
            raw.top[key] = _field(node, where, value)
        else:
            raw.top[key] = _field(node, where, _string(node, where, key))
    name = raw.top.get("name")
    if name is None:
        raise DataFileError(where, root.start_mark.line + 1, "missing key 'name'")
    if name.value != path.stem:
        raise DataFileError(
            where, name.line, f"name {name.value!r} must equal the file name {path.stem!r}"
        )
    return raw


def _rules(
    node: yaml.Node, where: str, keys: frozenset[str], what: str
) -> dict[str, dict[str, _Field]]:
    if not isinstance(node, yaml.SequenceNode):
        raise DataFileError(where, node.start_mark.line + 1, f"{what} must be a list")
    rules: dict[str, dict[str, _Field]] = {}
    for item in node.value:
        entries = _mapping(item, where, keys, f"an entry of {what}")
        fields: dict[str, _Field] = {}
        for key, value in entries.items():
            if key in ("max", "days"):
                number = _int(value, where, key)
                parsed: object = number
                if key == "days" and number > MAX_RULE_DAYS:
                    raise DataFileError(
                        where, value.start_mark.line + 1, f"days must be <= {MAX_RULE_DAYS}"
                    )
            elif key in ("outcomes", "after"):
                parsed = frozenset(_outcomes(value, where, key))
            elif key in ("reason", "id"):
                parsed = _tag(value, where, key)
            else:  # pragma: no cover - keys are checked by _mapping
                raise AssertionError(key)
            fields[key] = _field(value, where, parsed)
        if "id" not in fields:
            raise DataFileError(where, item.start_mark.line + 1, f"{what} entry needs an 'id'")
        rule_id = fields["id"].value
        assert isinstance(rule_id, str)
        if rule_id in rules:
            raise DataFileError(where, fields["id"].line, f"duplicate {what} id {rule_id!r}")
        rules[rule_id] = fields
    return rules


def _field(node: yaml.Node, where: str, value: object) -> _Field:
    return _Field(value, where, node.start_mark.line + 1)


def _mapping(node: yaml.Node, where: str, keys: frozenset[str], what: str) -> dict[str, yaml.Node]:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        raise DataFileError(where, line, f"{what} must be a mapping")
    out: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = key_node.value
        if key not in keys:
            raise DataFileError(
                where,
                key_node.start_mark.line + 1,
                f"unknown key {key!r} in {what}; expected one of {', '.join(sorted(keys))}",
            )
        if key in out:
            raise DataFileError(where, key_node.start_mark.line + 1, f"duplicate key {key!r}")
        out[key] = value_node
    return out


def _scalar(node: yaml.Node, where: str, key: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise DataFileError(where, node.start_mark.line + 1, f"{key} must be a single value")
    value = node.value
    assert isinstance(value, str)
    return value


def _quoted(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and bool(node.style)


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value in ("", "null", "~")


def _string(node: yaml.Node, where: str, key: str) -> str:
    value = _scalar(node, where, key)
    if not value.strip():
        raise DataFileError(where, node.start_mark.line + 1, f"{key} must not be empty")
    return value


def _tag(node: yaml.Node, where: str, key: str) -> str:
    value = _scalar(node, where, key)
    if not _TAG.match(value):
        raise DataFileError(
            where, node.start_mark.line + 1, f"{key} {value!r} must be a snake_case tag"
        )
    return value


def _bool(node: yaml.Node, where: str, key: str) -> bool:
    value = _scalar(node, where, key)
    if value not in ("true", "false") or _quoted(node):
        raise DataFileError(
            where, node.start_mark.line + 1, f"{key} must be true or false, not {value!r}"
        )
    return value == "true"


def _int(node: yaml.Node, where: str, key: str) -> int:
    value = _scalar(node, where, key)
    if not value.isdigit() or int(value) < 1 or _quoted(node):
        raise DataFileError(
            where, node.start_mark.line + 1, f"{key} must be a whole number >= 1, not {value!r}"
        )
    return int(value)


def _time(node: yaml.Node, where: str, key: str) -> int:
    value = _scalar(node, where, key)
    match = _TIME.match(value)
    hours, minutes = (int(match[1]), int(match[2])) if match else (99, 99)
    total = hours * 60 + minutes
    if not match or minutes > 59 or total > 1440 or (total == 1440 and key == "start"):
        raise DataFileError(
            where,
            node.start_mark.line + 1,
            f'window {key} must be a local time "HH:MM" (end may be "24:00"), not {value!r}',
        )
    return total


def _tags(node: yaml.Node, where: str, key: str) -> list[str]:
    if not isinstance(node, yaml.SequenceNode):
        raise DataFileError(where, node.start_mark.line + 1, f"{key} must be a list")
    return [_tag(item, where, key) for item in node.value]


def _outcomes(node: yaml.Node, where: str, key: str) -> list[str]:
    values = _tags(node, where, key)
    for item, value in zip(node.value, values, strict=True):
        if value not in OUTCOMES:
            raise DataFileError(
                where,
                item.start_mark.line + 1,
                f"unknown outcome {value!r} in {key}; "
                f"expected one of {', '.join(sorted(OUTCOMES))}",
            )
    if not values:
        raise DataFileError(where, node.start_mark.line + 1, f"{key} must name an outcome")
    return values


# --- compiling ------------------------------------------------------------------------------


def _compile(raw: _Raw) -> Profile:
    top = raw.top
    name_field = top["name"]
    where, line = name_field.path, name_field.line

    def need(fields: dict[str, _Field], key: str, what: str, at: tuple[str, int]) -> object:
        if key not in fields:
            raise DataFileError(at[0], at[1], f"{what} is missing {key!r}")
        return fields[key].value

    at = (where, line)
    window_start = need(raw.window, "start", "window", at)
    window_end = need(raw.window, "end", "window", at)
    assert isinstance(window_start, int) and isinstance(window_end, int)
    if window_start >= window_end:
        raise DataFileError(
            raw.window["end"].path, raw.window["end"].line, "window end must be after its start"
        )
    caps = []
    for rule_id, fields in raw.caps.items():
        first = fields["id"]
        where_rule = (first.path, first.line)
        caps.append(
            Cap(
                id=rule_id,
                reason=str(need(fields, "reason", f"cap {rule_id!r}", where_rule)),
                limit=_as_int(need(fields, "max", f"cap {rule_id!r}", where_rule)),
                days=_as_int(need(fields, "days", f"cap {rule_id!r}", where_rule)),
                outcomes=_as_set(need(fields, "outcomes", f"cap {rule_id!r}", where_rule)),
            )
        )
    cooldowns = []
    for rule_id, fields in raw.cooldowns.items():
        first = fields["id"]
        where_rule = (first.path, first.line)
        cooldowns.append(
            Cooldown(
                id=rule_id,
                reason=str(need(fields, "reason", f"cooldown {rule_id!r}", where_rule)),
                after=_as_set(need(fields, "after", f"cooldown {rule_id!r}", where_rule)),
                days=_as_int(need(fields, "days", f"cooldown {rule_id!r}", where_rule)),
            )
        )
    description = top.get("description")
    extends = top.get("extends")
    disclosures = top.get("disclosures")
    return Profile(
        name=str(name_field.value),
        description=str(description.value) if description else "",
        extends=str(extends.value) if extends and extends.value is not None else None,
        requires_consent=_flag(top, "requires_consent"),
        third_party_disclosure=_flag(top, "third_party_disclosure"),
        disclosures=_as_tags(disclosures.value) if disclosures else (),
        window=Window(window_start, window_end),
        caps=tuple(caps),
        cooldowns=tuple(cooldowns),
    )


def _flag(top: dict[str, _Field], key: str) -> bool:
    found = top.get(key)
    return bool(found.value) if found is not None else False


def _as_tags(value: object) -> tuple[str, ...]:
    assert isinstance(value, tuple)
    return tuple(str(v) for v in value)


def _as_int(value: object) -> int:
    assert isinstance(value, int)
    return value


def _as_set(value: object) -> frozenset[str]:
    assert isinstance(value, frozenset)
    return value
