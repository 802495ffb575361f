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
from bot.yamlsource import Wording, YamlSource, is_null, line_of

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

    # Named at the edge that widens: the merged window mixes base and overlay lines.
    if merged.window.start < base.window.start:
        fail(raw.window["start"], f"window wider than {base.window.describe()}")
    if merged.window.end > base.window.end:
        fail(raw.window["end"], f"window wider than {base.window.describe()}")
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

# How profile errors have always been worded (their tests pin them).
_WORDING = Wording(
    unreadable="cannot read profile: {error}",
    empty="empty profile",
    duplicate_key="duplicate key {key!r}",
    unknown_key="unknown key {key!r} in {what}; expected one of {allowed}",
    not_text="{what} must be a single value",
    not_flag="{what} must be true or false, not {raw!r}",
)


def _read(path: Path) -> _Raw:
    source = YamlSource.read(path, wording=_WORDING)
    top = source.mapping(source.root, "profile", allowed=_TOP_KEYS)
    raw = _Raw()
    for key, node in top.items():
        if key == "window":
            win = source.mapping(node, "window", allowed=frozenset({"start", "end"}))
            raw.window = {k: _field(source, v, _time(source, v, k)) for k, v in win.items()}
        elif key == "caps":
            raw.caps = _rules(source, node, _CAP_KEYS, "caps")
        elif key == "cooldowns":
            raw.cooldowns = _rules(source, node, _COOLDOWN_KEYS, "cooldowns")
        elif key in ("requires_consent", "third_party_disclosure"):
            source.scalar(node, key)
            raw.top[key] = _field(source, node, source.flag(node, key))
        elif key == "disclosures":
            raw.top[key] = _field(source, node, tuple(_tags(source, node, key)))
        elif key == "extends":
            value = None if is_null(node) else source.text(node, key)
            raw.top[key] = _field(source, node, value)
        else:
            raw.top[key] = _field(source, node, source.text(node, key))
    name = raw.top.get("name")
    if name is None:
        raise source.error(source.root, "missing key 'name'")
    if name.value != path.stem:
        raise DataFileError(
            source.path, name.line, f"name {name.value!r} must equal the file name {path.stem!r}"
        )
    return raw


def _rules(
    source: YamlSource, node: yaml.Node, keys: frozenset[str], what: str
) -> dict[str, dict[str, _Field]]:
    rules: dict[str, dict[str, _Field]] = {}
    for item in source.sequence(node, what):
        entries = source.mapping(item, f"an entry of {what}", allowed=keys)
        fields: dict[str, _Field] = {}
        for key, value in entries.items():
            if key in ("max", "days"):
                number = _int(source, value, key)
                parsed: object = number
                if key == "days" and number > MAX_RULE_DAYS:
                    raise source.error(value, f"days must be <= {MAX_RULE_DAYS}")
            elif key in ("outcomes", "after"):
                parsed = frozenset(_outcomes(source, value, key))
            elif key in ("reason", "id"):
                parsed = _tag(source, value, key)
            else:  # pragma: no cover - keys are checked by source.mapping
                raise AssertionError(key)
            fields[key] = _field(source, value, parsed)
        if "id" not in fields:
            raise source.error(item, f"{what} entry needs an 'id'")
        rule_id = fields["id"].value
        assert isinstance(rule_id, str)
        if rule_id in rules:
            raise DataFileError(source.path, fields["id"].line, f"duplicate {what} id {rule_id!r}")
        rules[rule_id] = fields
    return rules


def _field(source: YamlSource, node: yaml.Node, value: object) -> _Field:
    return _Field(value, source.path, line_of(node))


def _tag(source: YamlSource, node: yaml.Node, key: str) -> str:
    value = source.scalar(node, key)
    if not _TAG.match(value):
        raise source.error(node, f"{key} {value!r} must be a snake_case tag")
    return value


def _int(source: YamlSource, node: yaml.Node, key: str) -> int:
    # Digits only: YAML 1.1 would also read 0o17, 1_000 or 1:30 (= 90) as integers.
    value = source.scalar(node, key)
    quoted = isinstance(node, yaml.ScalarNode) and bool(node.style)
    if not value.isdigit() or int(value) < 1 or quoted:
        raise source.error(node, f"{key} must be a whole number >= 1, not {value!r}")
    return int(value)


def _time(source: YamlSource, node: yaml.Node, key: str) -> int:
    value = source.scalar(node, key)
    match = _TIME.match(value)
    hours, minutes = (int(match[1]), int(match[2])) if match else (99, 99)
    total = hours * 60 + minutes
    if not match or minutes > 59 or total > 1440 or (total == 1440 and key == "start"):
        raise source.error(
            node, f'window {key} must be a local time "HH:MM" (end may be "24:00"), not {value!r}'
        )
    return total


def _tags(source: YamlSource, node: yaml.Node, key: str) -> list[str]:
    return [_tag(source, item, key) for item in source.sequence(node, key)]


def _outcomes(source: YamlSource, node: yaml.Node, key: str) -> list[str]:
    values = _tags(source, node, key)
    for item, value in zip(node.value, values, strict=True):
        if value not in OUTCOMES:
            raise source.error(
                item,
                f"unknown outcome {value!r} in {key}; "
                f"expected one of {', '.join(sorted(OUTCOMES))}",
            )
    if not values:
        raise source.error(node, f"{key} must name an outcome")
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
