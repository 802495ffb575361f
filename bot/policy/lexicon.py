"""Load and validate the lexicons in ``bot/policy/lexicons/`` (data a compliance officer edits).

Per locale directory: ``common.yml`` (negation, fillers, contractions, shared idioms, the
ASR confidence floor), ``guard.yml`` (read by :mod:`bot.policy.guard`) and one file per
detector category. ``intents.yml`` next to the locale folders maps Rasa intents to tags.
Every problem raises :class:`~bot.errors.DataFileError` naming ``path:line``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

import yaml

from bot.errors import DataFileError
from bot.policy.anchors import AnchorIndex
from bot.policy.model import CATEGORIES, LOCALES, Locale
from bot.policy.patterns import Anchors, PatternError, parse_phrase
from bot.policy.text import TextRules, warm_up
from bot.yamlsource import Wording, YamlSource, line_of

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
_RESERVED = {"common.yml", "guard.yml"}
# Tags whose detection must survive anything said after it in the same turn.
_APPEND_SAFE = ("self_harm", "distress")
# How lexicon files have always worded their errors (compliance officers and tests know them).
_WORDING = Wording(
    unreadable="cannot read: {error}",
    empty="file is empty",
    duplicate_key='{what}: key "{key}" appears twice',
    unknown_key='{what}: unknown key "{key}"; expected {allowed_list}',
    not_text="{what} must be a non-empty string",
    empty_text="{what} must be a non-empty string",
    not_number="{what} must be a number within {low}..{high}, got {raw!r}",
    out_of_range="{what} must be a number within {low}..{high}, got {raw!r}",
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """One compiled phrase of a lexicon file."""

    pattern: str
    regex: re.Pattern[str]
    weight: float
    line: int
    anchors: Anchors = None


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
        undo_negation: Doubt or a time limit said after a negated match that undoes the
            negation ("I'm not going to hurt myself. *Probably*", "not gonna kill myself,
            *not today anyway*"): the match then counts.
        path: The file it came from.
        screen: One expression matching wherever any phrase matches; a turn it does not
            match skips the category (most turns match few categories). Only used when
            some phrase has no anchors: otherwise the lexicon's anchor index
            picks the phrases to try.
        anchored: Every phrase and negated phrase names anchors.
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
    undo_negation: tuple[Phrase, ...] = ()
    anchored: bool = False


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
    index: AnchorIndex  # over phrase_lists(idioms, detectors)


#: The anchor index's list number of the shared idioms.
SHARED_IDIOMS = 0


def phrase_lists(
    idioms: tuple[Phrase, ...], detectors: Sequence[Detector]
) -> list[tuple[Phrase, ...]]:
    """The phrase lists a lexicon's anchor index covers, in the index's order.

    The shared idioms, then each detector's phrases, negated phrases and idioms (their
    numbers: :func:`detector_lists`).
    """
    lists = [idioms]
    for detector in detectors:
        lists += [detector.phrases, detector.negated_phrases, detector.idioms]
    return lists


def detector_lists(k: int) -> tuple[int, int, int]:
    """The list numbers of detector ``k``'s phrases, negated phrases and idioms."""
    return 3 * k + 1, 3 * k + 2, 3 * k + 3


def detector_of_list(number: int) -> int | None:
    """The detector whose list ``number`` is (None: the shared idioms)."""
    return None if number == SHARED_IDIOMS else (number - 1) // 3


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
    lists = phrase_lists(idioms, detectors)
    index = AnchorIndex.build([[p.anchors for p in phrases] for phrases in lists])
    return Lexicon(
        locale,
        rules,
        tuple(detectors),
        idioms,
        asr_floor,
        MappingProxyType(intents),
        min_conf,
        index,
    )


def read_yaml(path: Path) -> YamlSource:
    """Compose one lexicon file (errors worded as every lexicon file's are)."""
    return YamlSource.read(path, wording=_WORDING)


def read_rules(path: Path, locale: Locale) -> TextRules:
    """Only the normalisation rules of ``common.yml`` (used by the output guard)."""
    return _load_common(path, locale)[0]


def compile_list(
    source: YamlSource,
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
    for item in source.sequence(node, what):
        weight = 1.0
        pattern_node = item
        if isinstance(item, yaml.MappingNode):
            fields = source.mapping(item, f"{what} item", allowed={"pattern", "weight"})
            if "pattern" not in fields:
                raise source.error(item, f'{what} item needs a "pattern"')
            pattern_node = fields["pattern"]
            if "weight" in fields:
                weight = source.number(fields["weight"], "weight", 0.0, 1.0)
        pattern = source.text(pattern_node, f"{what} item")
        try:
            regex, anchors = parse_phrase(
                pattern,
                locale,
                rules.contractions,
                () if gaps_skip_cues else rules.negation_cues,
                rules.negation_exceptions,
            )
        except PatternError as exc:
            raise source.error(pattern_node, f'phrase "{pattern}": {exc}') from exc
        phrases.append(Phrase(pattern, regex, weight, line_of(pattern_node), anchors))
    return tuple(phrases)


def _load_common(path: Path, locale: Locale) -> tuple[TextRules, tuple[Phrase, ...], float]:
    source = read_yaml(path)
    allowed = {"negation", "clause_words", "fillers", "contractions", "idioms"}
    root = source.mapping(source.root, "common.yml", allowed=allowed | {"low_asr_confidence"})
    for key in ("negation", "clause_words", "fillers"):
        if key not in root:
            raise DataFileError(str(path), 1, f'missing "{key}"')
    negation_keys = {"cues", "transparent", "exceptions", "window"}
    negation = source.mapping(root["negation"], "negation", allowed=negation_keys)
    for key in ("cues", "transparent", "window"):
        if key not in negation:
            raise source.error(root["negation"], f'negation: missing "{key}"')
    contractions: dict[str, str] = {}
    if "contractions" in root:
        for key, value in source.mapping(root["contractions"], "contractions").items():
            contractions[key.lower()] = source.text(value, f"contraction {key}").lower()
    if locale == "zh":  # regional words: the longest is replaced first
        contractions = dict(sorted(contractions.items(), key=lambda kv: -len(kv[0])))
    rules = TextRules(
        locale=locale,
        # longest first, so "不会" is tried before "不"
        negation_cues=tuple(
            sorted(source.strings(negation["cues"], "negation.cues"), key=len, reverse=True)
        ),
        negation_transparent=frozenset(
            source.strings(negation["transparent"], "negation.transparent")
        ),
        negation_exceptions=tuple(
            source.strings(negation["exceptions"], "negation.exceptions")
            if "exceptions" in negation
            else ()
        ),
        negation_window=int(source.number(negation["window"], "negation.window", 1, 20)),
        clause_words=frozenset(source.strings(root["clause_words"], "clause_words")),
        fillers=tuple(source.strings(root["fillers"], "fillers")),
        contractions=MappingProxyType(contractions),
    )
    idioms: tuple[Phrase, ...] = ()
    if "idioms" in root:
        idioms = compile_list(source, root["idioms"], "idioms", locale, rules, gaps_skip_cues=True)
    floor = 0.5
    if "low_asr_confidence" in root:
        floor = source.number(root["low_asr_confidence"], "low_asr_confidence", 0.0, 1.0)
    return rules, idioms, floor


def _load_detector(path: Path, locale: Locale, rules: TextRules) -> Detector:
    source = read_yaml(path)
    allowed = {"category", "threshold", "soft_tag", "soft_threshold", "phrases", "idioms"}
    allowed.add("negated_phrases")
    allowed.add("undo_negation")
    root = source.mapping(source.root, path.name, allowed=allowed | {"description"})
    if "category" not in root or "phrases" not in root:
        raise DataFileError(str(path), 1, 'a detector needs "category" and "phrases"')
    category = source.text(root["category"], "category")
    if category not in CATEGORIES:
        raise source.error(root["category"], f'unknown category "{category}"; known: {CATEGORIES}')
    threshold = (
        source.number(root["threshold"], "threshold", 0.01, 1.0) if "threshold" in root else 0.5
    )
    soft_tag = source.text(root["soft_tag"], "soft_tag") if "soft_tag" in root else None
    soft = threshold
    if "soft_threshold" in root:
        soft = source.number(root["soft_threshold"], "soft_threshold", 0.01, threshold)
    phrases = compile_list(source, root["phrases"], "phrases", locale, rules)
    if not phrases:
        raise source.error(root["phrases"], "phrases must not be empty")
    negated: tuple[Phrase, ...] = ()
    if "negated_phrases" in root:
        negated = compile_list(source, root["negated_phrases"], "negated_phrases", locale, rules)
    idioms: tuple[Phrase, ...] = ()
    if "idioms" in root:
        idioms = compile_list(source, root["idioms"], "idioms", locale, rules, gaps_skip_cues=True)
    undo: tuple[Phrase, ...] = ()
    if "undo_negation" in root:
        # gaps may skip cues: "not today", "i do not know" are cues themselves
        undo = compile_list(
            source, root["undo_negation"], "undo_negation", locale, rules, gaps_skip_cues=True
        )
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
    anchored = all(p.anchors is not None for p in (*phrases, *negated))
    return Detector(
        category,
        threshold,
        soft_tag,
        soft,
        phrases,
        negated,
        idioms,
        str(path),
        screen,
        undo,
        anchored,
    )


def _load_intents(path: Path) -> tuple[dict[str, IntentRule], float]:
    source = read_yaml(path)
    root = source.mapping(source.root, "intents.yml", allowed={"min_confidence", "intents"})
    if "intents" not in root:
        raise DataFileError(str(path), 1, 'missing "intents"')
    min_conf = 0.5
    if "min_confidence" in root:
        min_conf = source.number(root["min_confidence"], "min_confidence", 0.0, 1.0)
    rules: dict[str, IntentRule] = {}
    for name, node in source.mapping(root["intents"], "intents").items():
        fields = source.mapping(node, f"intent {name}", allowed={"category", "weight"})
        if "category" not in fields:
            raise source.error(node, f'intent {name}: missing "category"')
        category = source.text(fields["category"], "category")
        if category not in CATEGORIES:
            raise source.error(fields["category"], f'unknown category "{category}"')
        weight = source.number(fields["weight"], "weight", 0.0, 1.0) if "weight" in fields else 0.8
        rules[name] = IntentRule(category, weight)
    return rules, min_conf
