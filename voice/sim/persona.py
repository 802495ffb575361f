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
        say: Yes, speaking, that's me.
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
from typing import Literal

import yaml

from bot.errors import DataFileError
from bot.yamlsource import Wording, YamlSource, is_null, line_of, null_at, to_python
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


# How persona errors have always been worded (their tests pin them).
_WORDING = Wording(
    empty=None,
    not_mapping="{what} must be a mapping, got {type}",
    unknown_key="unknown {what} key {key!r} (allowed: {allowed})",
    not_text="{what} must be non-empty text, got {value!r}",
    empty_text="{what} must be non-empty text, got {value!r}",
    not_number="{what} must be a number >= {low}, got {value!r}",
    out_of_range="{what} must be a number >= {low}, got {value!r}",
    not_flag="{what} must be true or false, got {value!r}",
)

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

_Fields = dict[str, yaml.Node]


class _Reader:
    def __init__(self, source: YamlSource) -> None:
        self.source = source

    def fields(self, node: yaml.Node, key: str, allowed: set[str], what: str) -> _Fields:
        self.source.mapping(node, key)  # "<key> must be a mapping, got <type>"
        return self.source.mapping(node, what, allowed=allowed)

    def text(
        self, node: yaml.Node, data: _Fields, key: str, *, required: bool = True
    ) -> str | None:
        value = data.get(key)
        if not required and (value is None or is_null(value)):
            return None
        return self.source.text(value or null_at(node), key)

    def number(self, data: _Fields, key: str, default: float, *, minimum: float = 0) -> float:
        value = data.get(key)
        return float(default) if value is None else self.source.number(value, key, low=minimum)

    def flag(self, data: _Fields, key: str, default: bool) -> bool:
        value = data.get(key)
        return default if value is None else self.source.flag(value, key)

    def rule(self, node: yaml.Node) -> Rule:
        data = self.fields(node, "rules", _RULE_KEYS, "rule")
        when = to_python(data["when"]) if "when" in data else []
        if isinstance(when, str):
            when = [when]
        if not isinstance(when, list) or not all(isinstance(k, str) and k for k in when):
            raise self.source.error(data["when"], f"when must be a list of phrases, got {when!r}")
        pattern = self.text(node, data, "regex", required=False)
        if not when and pattern is None:
            raise self.source.error(node, "a rule needs when (phrases) or regex")
        try:
            regex = re.compile(pattern) if pattern is not None else None
        except re.error as exc:
            raise self.source.error(data["regex"], f"invalid regex {pattern!r}: {exc}") from exc
        then = to_python(data["then"]) if "then" in data else "continue"
        if then not in ("continue", "hangup"):
            raise self.source.error(data["then"], f"then must be continue or hangup, got {then!r}")
        say = self.text(node, data, "say")
        assert say is not None
        return Rule(
            keywords=tuple(when),
            regex=regex,
            say=say,
            pause_ms=int(self.number(data, "pause_ms", 400)),
            then="hangup" if then == "hangup" else "continue",
            repeat=self.flag(data, "repeat", False),
            line=line_of(node),
        )

    def interruption(self, node: yaml.Node) -> Interruption:
        data = self.fields(node, "interrupt", {"bot_turn", "after_ms", "say"}, "interrupt")
        say = self.text(node, data, "say")
        assert say is not None
        return Interruption(
            bot_turn=int(self.number(data, "bot_turn", 1, minimum=1)),
            after_ms=int(self.number(data, "after_ms", 800)),
            say=say,
            line=line_of(node),
        )

    def persona(self, node: yaml.Node) -> Persona:
        if not isinstance(node, yaml.MappingNode):
            raise DataFileError(self.source.path, None, "a persona file must be a mapping")
        data = self.source.mapping(node, "persona", allowed=_TOP_KEYS)
        name = self.text(node, data, "name")
        locale = to_python(data["locale"]) if "locale" in data else None
        if locale not in ("en", "zh"):
            where = data.get("locale", node)
            raise self.source.error(where, f"locale must be en or zh, got {locale!r}")
        say_first, after_ms = None, 300
        if _given(data, "opening"):
            opening = self.fields(data["opening"], "opening", {"say", "after_ms"}, "opening")
            say_first = self.text(data["opening"], opening, "say")
            after_ms = int(self.number(opening, "after_ms", 300))
        rules = self.source.sequence(data["rules"], "rules") if "rules" in data else []
        fallback, max_fallbacks = None, 0
        if _given(data, "fallback"):
            spec = self.fields(data["fallback"], "fallback", {"say", "max"}, "fallback")
            fallback = self.text(data["fallback"], spec, "say")
            max_fallbacks = int(self.number(spec, "max", 2))
        interrupts = []
        if "interrupt" in data:
            interrupts = self.source.sequence(data["interrupt"], "interrupt")
        return Persona(
            name=name or "",
            locale=locale,
            description=self.text(node, data, "description") or "",
            answers=self.flag(data, "answers", True),
            silent=self.flag(data, "silent", False),
            opening=say_first,
            opening_after_ms=after_ms,
            rules=tuple(self.rule(r) for r in rules),
            fallback=fallback,
            max_fallbacks=max_fallbacks,
            interruptions=tuple(self.interruption(i) for i in interrupts),
            hangup_after_s=(
                self.number(data, "hangup_after_s", 0) if _given(data, "hangup_after_s") else None
            ),
            max_call_s=self.number(data, "max_call_s", 120, minimum=1),
            source=self.source.path,
        )


def _given(data: _Fields, key: str) -> bool:
    """True when ``key`` is present with a value (``key: ~`` counts as absent)."""
    return key in data and not is_null(data[key])


def parse_persona(text: str, path: str = "<persona>") -> Persona:
    """Parse persona YAML; raises :class:`DataFileError` naming ``path:line``."""
    source = YamlSource.parse(text, path, wording=_WORDING)
    return _Reader(source).persona(source.root)


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
