"""Load and validate the lexicons in ``bot/policy/lexicons/`` (data a compliance officer edits).

Per locale directory: ``common.yml`` (negation, fillers, contractions, shared idioms, the
ASR confidence floor), ``guard.yml`` (read by :mod:`bot.policy.guard`) and one file per
detector category. ``intents.yml`` next to the locale folders maps Rasa intents to tags.
Every problem raises :class:`~bot.errors.DataFileError` naming ``path:line``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

import yaml

from bot.errors import DataFileError
from bot.policy import yamlnodes as yn
from bot.policy.model import CATEGORIES, LOCALES, Locale
from bot.policy.patterns import PatternError, compile_phrase
from bot.policy.text import TextRules, warm_up

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
_RESERVED = {"common.yml", "guard.yml"}
# Tags whose detection must survive anything said after it in the same turn.
_APPEND_SAFE = ("self_harm", "distress")


@dataclass(frozen=True, slots=True)
class Phrase:
    """One compiled phrase of a lexicon file."""

    pattern: str
    regex: re.Pattern[str]
    weight: float
    line: int


@dataclass(frozen=True, slots=True)
class Detector:
    """A category's phrases, idioms and thresholds.

    Attributes:
        category: The reason tag it raises.
        threshold: Combined score from which the tag is raised.
        soft_tag: Tag raised for a score in ``soft_threshold..threshold`` (``soft_refusal``).
        soft_threshold: See ``soft_tag``.
        phrases: Weighted phrases; scores combine as ``1 - prod(1 - weight)``.
        negated_phrases: Phrases that count only when negated ("can't *keep living*",
            "not *okay*"); the cue may be anywhere earlier in the clause.
        idioms: Phrases that cancel an overlapping match (``笑死``).
        path: The file it came from.
        screen: One expression matching wherever any phrase matches; a turn it does not
            match skips the category (most turns match few categories).
    """

    category: str
    threshold: float
    soft_tag: str | None
    soft_threshold: float
    phrases: tuple[Phrase, ...]
    negated_phrases: tuple[Phrase, ...]
    idioms: tuple[Phrase, ...]
    path: str
    screen: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class IntentRule:
    """How a Rasa intent adds evidence: ``score = confidence * weight``."""

    category: str
    weight: float


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the detectors of one locale need."""

    locale: Locale
    rules: TextRules
    detectors: tuple[Detector, ...]
    idioms: tuple[Phrase, ...]
    low_asr_confidence: float
    intents: MappingProxyType[str, IntentRule]
    intent_min_confidence: float


@cache
def load_lexicon(locale: Locale, root: Path = LEXICON_DIR) -> Lexicon:
    """Load (once per process) and validate the lexicon of ``locale``.

    Raises:
        DataFileError: A file is missing, malformed or holds an invalid phrase.
    """
    if locale not in LOCALES:
        raise DataFileError(str(root / str(locale)), None, f'unknown locale "{locale}"')
    folder = root / locale
    rules, idioms, asr_floor = _load_common(folder / "common.yml", locale)
    detectors = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yml")):
        if path.name in _RESERVED:
            continue
        detector = _load_detector(path, locale, rules)
        if detector.category in seen:
            raise DataFileError(
                str(path), 1, f'category "{detector.category}" already in {seen[detector.category]}'
            )
        seen[detector.category] = str(path)
        detectors.append(detector)
    intents, min_conf = _load_intents(root / "intents.yml")
    if locale == "zh":
        warm_up()
    return Lexicon(
        locale, rules, tuple(detectors), idioms, asr_floor, MappingProxyType(intents), min_conf
    )


def read_rules(path: Path, locale: Locale) -> TextRules:
    """Only the normalisation rules of ``common.yml`` (used by the output guard)."""
    return _load_common(path, locale)[0]


def compile_list(
    path: Path,
    node: yaml.Node,
    what: str,
    locale: Locale,
    rules: TextRules,
    *,
    gaps_skip_cues: bool = False,
) -> tuple[Phrase, ...]:
    """Compile a list of phrases (strings, or ``{pattern, weight}`` mappings).

    Gaps never skip a negation cue, except in idioms (``gaps_skip_cues``): an idiom such
    as "手机*6死" must cover "手机快没电了要死了".
    """
    phrases = []
    for item in yn.sequence(path, node, what):
        weight = 1.0
        pattern_node = item
        if isinstance(item, yaml.MappingNode):
            fields = yn.mapping(path, item, f"{what} item")
            yn.check_keys(path, fields, {"pattern", "weight"}, f"{what} item")
            if "pattern" not in fields:
                raise yn.fail(path, item, f'{what} item needs a "pattern"')
            pattern_node = fields["pattern"]
            if "weight" in fields:
                weight = yn.number(path, fields["weight"], "weight", 0.0, 1.0)
        pattern = yn.text(path, pattern_node, f"{what} item")
        try:
            regex = compile_phrase(
                pattern,
                locale,
                rules.contractions,
                () if gaps_skip_cues else rules.negation_cues,
                rules.negation_exceptions,
            )
        except PatternError as exc:
            raise yn.fail(path, pattern_node, f'phrase "{pattern}": {exc}') from exc
        phrases.append(Phrase(pattern, regex, weight, yn.line(pattern_node)))
    return tuple(phrases)


def _load_common(path: Path, locale: Locale) -> tuple[TextRules, tuple[Phrase, ...], float]:
    root = yn.mapping(path, yn.load(path), "common.yml")
    allowed = {"negation", "clause_words", "fillers", "contractions", "idioms"}
    yn.check_keys(path, root, allowed | {"low_asr_confidence"}, "common.yml")
    for key in ("negation", "clause_words", "fillers"):
        if key not in root:
            raise DataFileError(str(path), 1, f'missing "{key}"')
    negation = yn.mapping(path, root["negation"], "negation")
    yn.check_keys(path, negation, {"cues", "transparent", "exceptions", "window"}, "negation")
    for key in ("cues", "transparent", "window"):
        if key not in negation:
            raise yn.fail(path, root["negation"], f'negation: missing "{key}"')
    contractions: dict[str, str] = {}
    if "contractions" in root:
        for key, value in yn.mapping(path, root["contractions"], "contractions").items():
            contractions[key.lower()] = yn.text(path, value, f"contraction {key}").lower()
    rules = TextRules(
        locale=locale,
        # longest first, so "不会" is tried before "不"
        negation_cues=tuple(
            sorted(yn.strings(path, negation["cues"], "negation.cues"), key=len, reverse=True)
        ),
        negation_transparent=frozenset(
            yn.strings(path, negation["transparent"], "negation.transparent")
        ),
        negation_exceptions=tuple(
            yn.strings(path, negation["exceptions"], "negation.exceptions")
            if "exceptions" in negation
            else ()
        ),
        negation_window=int(yn.number(path, negation["window"], "negation.window", 1, 20)),
        clause_words=frozenset(yn.strings(path, root["clause_words"], "clause_words")),
        fillers=tuple(yn.strings(path, root["fillers"], "fillers")),
        contractions=MappingProxyType(contractions),
    )
    idioms: tuple[Phrase, ...] = ()
    if "idioms" in root:
        idioms = compile_list(path, root["idioms"], "idioms", locale, rules, gaps_skip_cues=True)
    floor = 0.5
    if "low_asr_confidence" in root:
        floor = yn.number(path, root["low_asr_confidence"], "low_asr_confidence", 0.0, 1.0)
    return rules, idioms, floor


def _load_detector(path: Path, locale: Locale, rules: TextRules) -> Detector:
    root = yn.mapping(path, yn.load(path), path.name)
    allowed = {"category", "threshold", "soft_tag", "soft_threshold", "phrases", "idioms"}
    allowed.add("negated_phrases")
    yn.check_keys(path, root, allowed | {"description"}, path.name)
    if "category" not in root or "phrases" not in root:
        raise DataFileError(str(path), 1, 'a detector needs "category" and "phrases"')
    category = yn.text(path, root["category"], "category")
    if category not in CATEGORIES:
        raise yn.fail(path, root["category"], f'unknown category "{category}"; known: {CATEGORIES}')
    threshold = (
        yn.number(path, root["threshold"], "threshold", 0.01, 1.0) if "threshold" in root else 0.5
    )
    soft_tag = yn.text(path, root["soft_tag"], "soft_tag") if "soft_tag" in root else None
    soft = threshold
    if "soft_threshold" in root:
        soft = yn.number(path, root["soft_threshold"], "soft_threshold", 0.01, threshold)
    phrases = compile_list(path, root["phrases"], "phrases", locale, rules)
    if not phrases:
        raise yn.fail(path, root["phrases"], "phrases must not be empty")
    negated: tuple[Phrase, ...] = ()
    if "negated_phrases" in root:
        negated = compile_list(path, root["negated_phrases"], "negated_phrases", locale, rules)
    idioms: tuple[Phrase, ...] = ()
    if "idioms" in root:
        idioms = compile_list(path, root["idioms"], "idioms", locale, rules, gaps_skip_cues=True)
    if category in _APPEND_SAFE:
        for phrase in (*phrases, *negated):
            if "$" in phrase.pattern:
                raise DataFileError(
                    str(path),
                    phrase.line,
                    f'phrase "{phrase.pattern}": "$" is not allowed in {category}: words '
                    'appended later in the turn ("I\'m fine") would undo the match',
                )
    screen = re.compile("|".join(f"(?:{p.regex.pattern})" for p in (*phrases, *negated)))
    return Detector(
        category, threshold, soft_tag, soft, phrases, negated, idioms, str(path), screen
    )


def _load_intents(path: Path) -> tuple[dict[str, IntentRule], float]:
    root = yn.mapping(path, yn.load(path), "intents.yml")
    yn.check_keys(path, root, {"min_confidence", "intents"}, "intents.yml")
    if "intents" not in root:
        raise DataFileError(str(path), 1, 'missing "intents"')
    min_conf = 0.5
    if "min_confidence" in root:
        min_conf = yn.number(path, root["min_confidence"], "min_confidence", 0.0, 1.0)
    rules: dict[str, IntentRule] = {}
    for name, node in yn.mapping(path, root["intents"], "intents").items():
        fields = yn.mapping(path, node, f"intent {name}")
        yn.check_keys(path, fields, {"category", "weight"}, f"intent {name}")
        if "category" not in fields:
            raise yn.fail(path, node, f'intent {name}: missing "category"')
        category = yn.text(path, fields["category"], "category")
        if category not in CATEGORIES:
            raise yn.fail(path, fields["category"], f'unknown category "{category}"')
        weight = (
            yn.number(path, fields["weight"], "weight", 0.0, 1.0) if "weight" in fields else 0.8
        )
        rules[name] = IntentRule(category, weight)
    return rules, min_conf
