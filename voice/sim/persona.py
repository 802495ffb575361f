"""Simulated callee personas: what a person on the phone says, when, and when they hang up.

A persona is a YAML file in ``voice/sim/personas/`` named ``<name>_<locale>.yml``::

    name: cooperative_promise
    locale: en
    description: Confirms identity and promises a payment.
    answers: true                 # false: never picks up (no answer)
    silent: false                 # true: picks up and never says a word
    opening: {say: "Hello?", after_ms: 300}
    rules:                        # first match wins; each fires once unless repeat: true
      - when: [speaking with, is that you]      # keyword phrases, matched fuzzily
        say: Yes, this is Alex speaking.
        pause_ms: 400             # think time before answering
      - regex: "goodbye|bye"     # or a regular expression on the normalised text
        say: Thank you, goodbye.
        then: hangup
    fallback: {say: Sorry, could you repeat that?, max: 2}
    interrupt:                    # talk over the bot
      - {bot_turn: 3, after_ms: 1200, say: Stop, please stop calling me.}
    hangup_after_s: null          # hang up this long after answering
    max_call_s: 120
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from bot.errors import DataFileError
from voice.sim.matching import matches, normalise

Locale = Literal["en", "zh"]
Then = Literal["continue", "hangup"]
PERSONA_DIR = Path(__file__).with_name("personas")


@dataclass(frozen=True, slots=True)
class Rule:
    """A reply rule: when you hear X, say Y.

    Attributes:
        keywords: Phrases, any of which (fuzzily) triggers the rule.
        regex: A pattern searched in the normalised text (alternative to keywords).
        say: The reply.
        pause_ms: Think time before replying.
        then: Keep talking, or hang up after the reply.
        repeat: Fire on every match instead of once.
        line: Line of the rule in its file.
    """

    keywords: tuple[str, ...]
    regex: re.Pattern[str] | None
    say: str
    pause_ms: int
    then: Then
    repeat: bool
    line: int

    def matches(self, text: str, locale: str) -> bool:
        """True when ``text`` (an ASR result) triggers the rule."""
        if self.regex is not None and self.regex.search(normalise(text, locale)):
            return True
        return any(matches(text, keyword, locale) for keyword in self.keywords)


@dataclass(frozen=True, slots=True)
class Interruption:
    """Talk over the bot: ``after_ms`` after the bot starts its ``bot_turn``-th turn."""

    bot_turn: int
    after_ms: int
    say: str
    line: int


@dataclass(frozen=True, slots=True)
class Persona:
    """A simulated callee (see the module docstring for the YAML)."""

    name: str
    locale: Locale
    description: str
    answers: bool
    silent: bool
    opening: str | None
    opening_after_ms: int
    rules: tuple[Rule, ...]
    fallback: str | None
    max_fallbacks: int
    interruptions: tuple[Interruption, ...]
    hangup_after_s: float | None
    max_call_s: float
    source: str

    def reply_to(self, text: str, fired: set[int]) -> Rule | None:
        """The first rule ``text`` triggers that has not fired yet (or may repeat)."""
        for rule in self.rules:
            if (rule.repeat or rule.line not in fired) and rule.matches(text, self.locale):
                return rule
        return None


class _LineLoader(yaml.SafeLoader):
    """Safe loader whose mappings remember the line of each key."""


class _Map(dict[str, Any]):
    line: int
    key_lines: dict[str, int]


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    out = _Map({str(k): v for k, v in loader.construct_mapping(node, deep=True).items()})
    out.line = node.start_mark.line + 1
    out.key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)

_TOP_KEYS = {
    "name",
    "locale",
    "description",
    "answers",
    "silent",
    "opening",
    "rules",
    "fallback",
    "interrupt",
    "hangup_after_s",
    "max_call_s",
}
_RULE_KEYS = {"when", "regex", "say", "pause_ms", "then", "repeat"}


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, where: _Map | None, key: str | None, message: str) -> DataFileError:
        line = None
        if where is not None:
            line = where.key_lines.get(key, where.line) if key else where.line
        return DataFileError(self.path, line, message)

    def mapping(self, value: Any, parent: _Map, key: str) -> _Map:
        if not isinstance(value, _Map):
            raise self.fail(parent, key, f"{key} must be a mapping, got {type(value).__name__}")
        return value

    def text(self, data: _Map, key: str, *, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(data, key, f"{key} must be non-empty text, got {value!r}")
        return value.strip()

    def number(self, data: _Map, key: str, default: float, *, minimum: float = 0) -> float:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
            raise self.fail(data, key, f"{key} must be a number >= {minimum}, got {value!r}")
        return float(value)

    def flag(self, data: _Map, key: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(data, key, f"{key} must be true or false, got {value!r}")
        return value

    def unknown(self, data: _Map, allowed: set[str], what: str) -> None:
        for key in data:
            if key not in allowed:
                raise self.fail(
                    data, key, f"unknown {what} key {key!r} (allowed: {', '.join(sorted(allowed))})"
                )

    def rule(self, data: _Map) -> Rule:
        self.unknown(data, _RULE_KEYS, "rule")
        when = data.get("when", [])
        if isinstance(when, str):
            when = [when]
        if not isinstance(when, list) or not all(isinstance(k, str) and k for k in when):
            raise self.fail(data, "when", f"when must be a list of phrases, got {when!r}")
        pattern = self.text(data, "regex", required=False)
        if not when and pattern is None:
            raise self.fail(data, None, "a rule needs when (phrases) or regex")
        try:
            regex = re.compile(pattern) if pattern is not None else None
        except re.error as exc:
            raise self.fail(data, "regex", f"invalid regex {pattern!r}: {exc}") from exc
        then = data.get("then", "continue")
        if then not in ("continue", "hangup"):
            raise self.fail(data, "then", f"then must be continue or hangup, got {then!r}")
        say = self.text(data, "say")
        assert say is not None
        return Rule(
            keywords=tuple(when),
            regex=regex,
            say=say,
            pause_ms=int(self.number(data, "pause_ms", 400)),
            then=then,
            repeat=self.flag(data, "repeat", False),
            line=data.line,
        )

    def interruption(self, data: _Map) -> Interruption:
        self.unknown(data, {"bot_turn", "after_ms", "say"}, "interrupt")
        say = self.text(data, "say")
        assert say is not None
        return Interruption(
            bot_turn=int(self.number(data, "bot_turn", 1, minimum=1)),
            after_ms=int(self.number(data, "after_ms", 800)),
            say=say,
            line=data.line,
        )

    def persona(self, data: Any) -> Persona:
        if not isinstance(data, _Map):
            raise self.fail(None, None, "a persona file must be a mapping")
        self.unknown(data, _TOP_KEYS, "persona")
        name = self.text(data, "name")
        locale = data.get("locale")
        if locale not in ("en", "zh"):
            raise self.fail(data, "locale", f"locale must be en or zh, got {locale!r}")
        opening = data.get("opening")
        say_first, after_ms = None, 300
        if opening is not None:
            opening = self.mapping(opening, data, "opening")
            self.unknown(opening, {"say", "after_ms"}, "opening")
            say_first = self.text(opening, "say")
            after_ms = int(self.number(opening, "after_ms", 300))
        rules = data.get("rules", [])
        if not isinstance(rules, list):
            raise self.fail(data, "rules", "rules must be a list")
        fallback, max_fallbacks = None, 0
        if data.get("fallback") is not None:
            spec = self.mapping(data["fallback"], data, "fallback")
            self.unknown(spec, {"say", "max"}, "fallback")
            fallback = self.text(spec, "say")
            max_fallbacks = int(self.number(spec, "max", 2))
        interrupts = data.get("interrupt", [])
        if not isinstance(interrupts, list):
            raise self.fail(data, "interrupt", "interrupt must be a list")
        hangup_after = data.get("hangup_after_s")
        return Persona(
            name=name or "",
            locale=locale,
            description=self.text(data, "description") or "",
            answers=self.flag(data, "answers", True),
            silent=self.flag(data, "silent", False),
            opening=say_first,
            opening_after_ms=after_ms,
            rules=tuple(self.rule(self.mapping(r, data, "rules")) for r in rules),
            fallback=fallback,
            max_fallbacks=max_fallbacks,
            interruptions=tuple(
                self.interruption(self.mapping(i, data, "interrupt")) for i in interrupts
            ),
            hangup_after_s=(
                None if hangup_after is None else self.number(data, "hangup_after_s", 0)
            ),
            max_call_s=self.number(data, "max_call_s", 120, minimum=1),
            source=self.path,
        )


def parse_persona(text: str, path: str = "<persona>") -> Persona:
    """Parse persona YAML; raises :class:`DataFileError` naming ``path:line``."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise DataFileError(path, line, f"invalid YAML: {exc.problem}") from exc
    return _Reader(path).persona(data)


def load_persona(name: str, locale: str, directory: Path = PERSONA_DIR) -> Persona:
    """Load ``<directory>/<name>_<locale>.yml``."""
    path = directory / f"{name}_{locale}.yml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in directory.glob("*.yml")))
        raise DataFileError(str(path), None, f"no persona {name!r} for {locale!r} (have: {known})")
    persona = parse_persona(path.read_text(encoding="utf-8"), str(path))
    if (persona.name, persona.locale) != (name, locale):
        raise DataFileError(
            str(path), 1, f"file declares {persona.name}/{persona.locale}, expected {name}/{locale}"
        )
    return persona


def list_personas(directory: Path = PERSONA_DIR) -> list[tuple[str, str]]:
    """Every ``(name, locale)`` with a persona file."""
    out = []
    for path in sorted(directory.glob("*_*.yml")):
        name, _, locale = path.stem.rpartition("_")
        out.append((name, locale))
    return out
