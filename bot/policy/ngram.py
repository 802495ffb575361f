"""A small statistical detector: naive Bayes over character n-grams and concept classes.

The phrase lexicons only hear what they were written for. This detector generalises from
the labelled examples in ``evidence_model/training_<locale>.jsonl`` (and the untagged
everyday talk in ``everyday_<locale>.jsonl``): each turn becomes a
set of features (character 1-3 grams for zh; words, word pairs and five-letter stems
for en) plus one ``@class`` feature per concept class present
(``evidence_model/<locale>.yml``: death, ending, means, burden, hopelessness...), so
"overpass" counts like "bridge" did. Bernoulli-style naive Bayes gives log-odds.

Both tags hand the call over, so one model of *safety* (self-harm or distress, trained on
the union of their examples) decides whether to add anything: a distress line and a
self-harm line teach each other ("i'm shaking" and "i can't go on" both count). Above the
safety threshold (a turn without any risk concept, i.e. any class but ``self`` and
``intent``, needs ``without_concept_margin`` more), one naive Bayes per tag names what to
add: the likelier tag, and the other too when it is itself more likely than not. Below it,
a tag's own model may still add its tag when it passes that tag's threshold (none set: it
never does). It never removes a lexicon tag. Compositionally, a first-person turn holding at least
``min_risk_classes`` different risk classes (one more after a benign context) is tagged
whatever its score.

Training is a few hundred milliseconds of counting, done once per process at first use.
Pure Python, no I/O after the first load.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import yaml

from bot.errors import DataFileError
from bot.policy.model import LOCALES, Locale

MODEL_DIR = Path(__file__).resolve().parent / "evidence_model"
T = TypeVar("T")
#: The tags this detector may add.
TAGS: tuple[str, ...] = ("self_harm", "distress")
#: The union of :data:`TAGS`: the model that decides whether the detector adds anything.
SAFETY = "safety"
#: The concept class of everyday, unhurried talk ("one sec", "while i wait", "haha"): a turn
#: holding it is a benign context, like a promise heard by the lexicon. A locale may name
#: more such classes (``benign_classes`` in ``<locale>.yml``: an ordinary reason for settling
#: one's affairs, "we're moving house", "the landlord won't allow pets").
CALM = "calm"
_ALPHA = 0.5
_MIN_COUNT = 2
#: Concept classes that only give context: a turn needs some other (risk) concept.
CONTEXT_CLASSES = frozenset({"self", "intent", CALM})


@dataclass(frozen=True, slots=True)
class Concepts:
    """Concept classes of one locale and the log-odds threshold of the safety model."""

    locale: Locale
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    thresholds: MappingProxyType[str, float]
    without_concept_margin: float = 0.0
    min_risk_classes: int = 0
    benign_margin: float = 0.0
    #: score each stretch of text once, by its most telling feature (see ``score``)
    overlaps_once: bool = False
    #: reassurance and retraction ("i'm fine", "just kidding", 没事, 哈哈): taken out of a
    #: turn before it is scored, so appending them never lowers what was heard
    reassurance: re.Pattern[str] | None = None
    #: classes that make a turn a benign context (ask ``benign_margin``), never a risk
    benign_classes: frozenset[str] = frozenset({CALM})

    @property
    def context_classes(self) -> frozenset[str]:
        """Classes that only give context: ``self``, ``intent`` and the benign classes."""
        return CONTEXT_CLASSES | self.benign_classes

    def risky(self, surface: str) -> bool:
        """Whether ``surface`` holds a risk concept (any class but the context ones)."""
        context = self.context_classes
        return any(
            name not in context and pattern.search(surface) is not None
            for name, pattern in self.patterns
        )


@dataclass(frozen=True, slots=True)
class TagModel:
    """Naive Bayes for one tag: prior log-odds and per-feature log-likelihood ratios."""

    tag: str
    prior: float
    weights: MappingProxyType[str, float]
    threshold: float


@dataclass(frozen=True, slots=True)
class NgramModel:
    """The trained detector of one locale: the safety model and one model per tag."""

    concepts: Concepts
    safety: TagModel
    tags: tuple[TagModel, ...]

    def score(self, surface: str) -> dict[str, tuple[float, tuple[str, ...]]]:
        """Log-odds of ``safety`` and of each tag for a normalised ``surface``, with features.

        Each value is ``(log_odds, strongest positive features)``. Overlapping features
        (a word, its stem, the pairs and concept terms that contain it) say much the same
        thing, so each stretch of text counts once, by its most telling feature: "no point
        sending letters" is "no point" once, not ``no``, ``point``, ``no_point`` and
        ``@hopeless`` four times.
        """
        return self._score_found(self._found(surface))

    def _found(self, surface: str) -> list[tuple[str, int, int]]:
        if self.concepts.overlaps_once:
            return spanned_features(surface, self.concepts)
        return [(name, 0, 0) for name in features(surface, self.concepts)]

    def _score_found(
        self, found: list[tuple[str, int, int]]
    ) -> dict[str, tuple[float, tuple[str, ...]]]:
        if not self.concepts.overlaps_once:
            return self._summed([name for name, _, _ in found])
        out: dict[str, tuple[float, tuple[str, ...]]] = {}
        for model in (self.safety, *self.tags):
            contributions = sorted(
                ((model.weights.get(f, 0.0), f, start, end) for f, start, end in found),
                key=lambda c: -abs(c[0]),
            )
            covered: set[int] = set()
            kept: list[tuple[float, str]] = []
            for weight, name, start, end in contributions:
                if weight == 0.0:
                    break
                span = range(start, end)
                if covered.isdisjoint(span):
                    covered.update(span)
                    kept.append((weight, name))
            total = model.prior + sum(weight for weight, _ in kept)
            top = sorted(kept, reverse=True)[:4]
            out[model.tag] = (total, tuple(name for weight, name in top if weight > 0))
        return out

    def _summed(self, found: list[str]) -> dict[str, tuple[float, tuple[str, ...]]]:
        # every feature counts (character n-grams of zh overlap by design)
        out: dict[str, tuple[float, tuple[str, ...]]] = {}
        for model in (self.safety, *self.tags):
            contributions = [(model.weights.get(f, 0.0), f) for f in found]
            total = model.prior + sum(weight for weight, _ in contributions)
            top = sorted(contributions, reverse=True)[:4]
            out[model.tag] = (total, tuple(name for weight, name in top if weight > 0))
        return out

    def added_tags(
        self, surface: str, extra_margin: float = 0.0
    ) -> list[tuple[str, float, tuple[str, ...]]]:
        """The tags whose log-odds pass their threshold: ``(tag, probability, features)``.

        ``extra_margin`` raises every threshold (the caller's context, e.g. a benign tag).
        """
        added: list[tuple[str, float, tuple[str, ...]]] = []
        if self.concepts.reassurance is not None:
            surface = self.concepts.reassurance.sub(" ", surface)
        found = self._found(surface)
        present = {name[1:] for name, _, _ in found if name.startswith("@")}
        context = self.concepts.context_classes
        risky = bool(present - context)
        if present & self.concepts.benign_classes and extra_margin <= 0.0:
            # "i'm just hanging up the coats, one sec", "we're moving house on friday":
            # everyday talk and ordinary reasons ask the benign margin
            extra_margin = self.concepts.benign_margin
        margin = extra_margin + (0.0 if risky else self.concepts.without_concept_margin)
        scores = self._score_found(found)
        safety, top = scores.pop(SAFETY)
        if safety >= self.safety.threshold + margin:
            ranked = sorted(scores.items(), key=lambda item: item[1][0], reverse=True)
            for rank, (tag, (log_odds, _)) in enumerate(ranked):
                if rank == 0 or log_odds >= 0.0:
                    added.append((tag, _sigmoid(safety), top))
            return added
        # a tag's own model may still be sure on its own (its threshold, when one is set)
        for model in self.tags:
            log_odds, own_top = scores[model.tag]
            if log_odds >= model.threshold + margin:
                added.append((model.tag, _sigmoid(log_odds), own_top))
        if added:
            return added
        if not self.concepts.min_risk_classes:
            return added
        risks = sorted(present - context)
        # a benign context ("struggling to pay", "i'll pay before the letter") asks one more
        needed = self.concepts.min_risk_classes + (1 if extra_margin > 0 else 0)
        if "self" in present and len(risks) >= needed:
            # compositional: first person with several risk concepts, biased to safety
            tag, (log_odds, _) = max(scores.items(), key=lambda item: item[1][0])
            added.append((tag, _sigmoid(log_odds), tuple("@" + name for name in risks)))
        return added


def features(surface: str, concepts: Concepts) -> set[str]:
    """The feature set of a normalised surface (see the module docstring)."""
    found: set[str] = set()
    if concepts.locale == "en":
        words = [w for w in surface.replace("|", " ").split()]
        for index, word in enumerate(words):
            found.add(word)
            if index:
                found.add(words[index - 1] + "_" + word)
            if len(word) > 5:
                found.add(word[:5] + "~")
    else:
        for clause in surface.split():
            padded = f"<{clause}>"
            for size in (1, 2, 3):
                for start in range(len(padded) - size + 1):
                    found.add(padded[start : start + size])
    for name, pattern in concepts.patterns:
        if pattern.search(surface) is not None:
            found.add("@" + name)
    return found


def spanned_features(surface: str, concepts: Concepts) -> list[tuple[str, int, int]]:
    """:func:`features` with the stretch of text each covers: ``(feature, start, end)``.

    Positions are word indices (en) or characters (zh); a concept covers its first match.
    """
    found: dict[str, tuple[int, int]] = {}
    flat = surface.replace("|", " ")
    if concepts.locale == "en":
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", flat)]
        words = [flat[a:b] for a, b in spans]
        for index, word in enumerate(words):
            found.setdefault(word, (index, index + 1))
            if index:
                found.setdefault(words[index - 1] + "_" + word, (index - 1, index + 1))
            if len(word) > 5:
                found.setdefault(word[:5] + "~", (index, index + 1))
        starts = [a for a, _ in spans]
        for name, pattern in concepts.patterns:
            match = pattern.search(surface)
            if match is not None:
                first = bisect.bisect_right(starts, match.start()) - 1
                last = bisect.bisect_left(starts, match.end())
                found.setdefault("@" + name, (max(0, first), max(first + 1, last)))
    else:
        for clause in re.finditer(r"\S+", flat):
            padded = f"<{clause.group()}>"
            # padded index p sits at 2 * (clause start + p) (gaps keep clauses apart)
            base = clause.start()
            for size in (1, 2, 3):
                for start in range(len(padded) - size + 1):
                    span = (2 * (base + start), 2 * (base + start + size) - 1)
                    found.setdefault(padded[start : start + size], span)
        for name, pattern in concepts.patterns:
            match = pattern.search(surface)
            if match is not None:
                span = (2 * (match.start() + 1), 2 * (match.end() + 1) - 1)
                found.setdefault("@" + name, span)
    return [(name, start, end) for name, (start, end) in found.items()]


def train(
    examples: Iterable[tuple[str, frozenset[str]]], concepts: Concepts, tags: Sequence[str] = TAGS
) -> NgramModel:
    """Train the safety model and one binary naive Bayes per tag on ``(surface, tags)``."""
    strip = concepts.reassurance
    rows = [
        (features(strip.sub(" ", surface) if strip else surface, concepts), labels)
        for surface, labels in examples
    ]
    rows = [(found, labels | {SAFETY} if labels & set(tags) else labels) for found, labels in rows]
    document_count: dict[str, int] = {}
    for found, _ in rows:
        for feature in found:
            document_count[feature] = document_count.get(feature, 0) + 1
    vocabulary = {f for f, n in document_count.items() if n >= _MIN_COUNT or f.startswith("@")}
    models = []
    for tag in (SAFETY, *tags):
        positive = [found for found, labels in rows if tag in labels]
        negative = [found for found, labels in rows if tag not in labels]
        pos_count = _count(positive, vocabulary)
        neg_count = _count(negative, vocabulary)
        weights = {}
        for feature in vocabulary:
            p = (pos_count.get(feature, 0) + _ALPHA) / (len(positive) + 2 * _ALPHA)
            q = (neg_count.get(feature, 0) + _ALPHA) / (len(negative) + 2 * _ALPHA)
            # only presence counts: an absent feature says little about short turns
            weights[feature] = math.log(p / q)
        prior = math.log((len(positive) + _ALPHA) / (len(negative) + _ALPHA))
        threshold = concepts.thresholds.get(tag, math.inf)
        models.append(TagModel(tag, prior, MappingProxyType(weights), threshold))
    return NgramModel(concepts, models[0], tuple(models[1:]))


@cache
def load_ngram_model(locale: Locale, root: Path = MODEL_DIR) -> NgramModel:
    """Train (once per process) the detector of ``locale`` from its packaged examples.

    Raises:
        DataFileError: The concept file or the examples are missing or malformed.
    """
    from bot.policy.lexicon import load_lexicon
    from bot.policy.text import normalise

    concepts = load_concepts(locale, root)
    rules = load_lexicon(locale).rules
    labelled = _jsonl(
        root / f"training_{locale}.jsonl",
        lambda item: (str(item["text"]), frozenset(item["expected_reasons"])),
        "bad example",
    )
    examples = [(normalise(text, rules), labels) for text, labels in labelled]
    examples += [(normalise(text, rules), frozenset()) for text in load_everyday(locale, root)]
    return train(examples, concepts)


def load_everyday(locale: Locale, root: Path = MODEL_DIR) -> list[str]:
    """Everyday call talk of ``locale`` (``everyday_<locale>.jsonl``): examples without a tag.

    Ordinary lines that share words with crisis talk ("i'll be gone till tuesday", "taking
    my blood pressure pills", 我走了啊 要上班了): the detector learns that those words alone
    are not evidence. Kept apart from the development set, which is labelled per category.

    Raises:
        DataFileError: A line is not a JSON object with a ``text``.
    """
    return _jsonl(
        root / f"everyday_{locale}.jsonl", lambda item: str(item["text"]), "bad everyday line"
    )


def _jsonl(path: Path, read: Callable[[Any], T], what: str) -> list[T]:
    # one value per non-blank JSON line; a bad line raises naming path:line
    values = []
    for number, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            values.append(read(json.loads(line)))
        except (ValueError, KeyError, TypeError) as error:
            raise DataFileError(str(path), number, f"{what}: {error}") from error
    return values


def load_concepts(locale: Locale, root: Path = MODEL_DIR) -> Concepts:
    """Read ``<locale>.yml``: concept classes and thresholds.

    Raises:
        DataFileError: The file is missing or malformed.
    """
    if locale not in LOCALES:
        raise DataFileError(str(root / f"{locale}.yml"), None, f'unknown locale "{locale}"')
    path = root / f"{locale}.yml"
    try:
        data = yaml.safe_load(_read(path))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DataFileError(str(path), mark.line + 1 if mark else None, str(error)) from error
    if not isinstance(data, dict) or not isinstance(data.get("concepts"), dict):
        raise DataFileError(str(path), 1, 'expected a mapping with "concepts"')
    thresholds = data.get("thresholds", {})
    if not isinstance(thresholds, dict) or not all(
        isinstance(v, (int, float)) for v in thresholds.values()
    ):
        raise DataFileError(str(path), 1, '"thresholds" must map tags to numbers')
    margin = data.get("without_concept_margin", 0.0)
    if not isinstance(margin, (int, float)):
        raise DataFileError(str(path), 1, '"without_concept_margin" must be a number')
    benign = data.get("benign_margin", 0.0)
    if not isinstance(benign, (int, float)):
        raise DataFileError(str(path), 1, '"benign_margin" must be a number')
    once = data.get("overlaps_once", False)
    if not isinstance(once, bool):
        raise DataFileError(str(path), 1, '"overlaps_once" must be true or false')
    min_risk = data.get("min_risk_classes", 0)
    if not isinstance(min_risk, int) or min_risk < 0:
        raise DataFileError(str(path), 1, '"min_risk_classes" must be a whole number >= 0')
    reassurance = data.get("reassurance", [])
    if not isinstance(reassurance, list) or not all(isinstance(t, str) for t in reassurance):
        raise DataFileError(str(path), None, '"reassurance" must be a list of strings')
    benign_classes = data.get("benign_classes", [CALM])
    if not isinstance(benign_classes, list) or not all(
        isinstance(name, str) and (name in data["concepts"] or "benign_classes" not in data)
        for name in benign_classes
    ):
        # the default (calm) may be absent; classes named in the file must exist
        raise DataFileError(
            str(path), None, f'"benign_classes" must list concept classes, got {benign_classes!r}'
        )
    patterns = []
    for name, terms in data["concepts"].items():
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise DataFileError(str(path), None, f'concept "{name}" must be a list of strings')
        patterns.append((str(name), _compile(terms, locale)))
    return Concepts(
        locale,
        tuple(patterns),
        MappingProxyType({str(k): float(v) for k, v in thresholds.items()}),
        float(margin),
        min_risk,
        float(benign),
        once,
        _compile(reassurance, locale) if reassurance else None,
        frozenset(benign_classes),
    )


def _compile(terms: list[str], locale: Locale) -> re.Pattern[str]:
    if locale == "zh":
        return re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        stem = term.rstrip("~")
        # a plural or third-person -s counts as the word ("cliffs" is "cliff"; not "i" -> "is")
        plural = "(?:s|es)?" if len(stem) > 2 else ""
        tail = r"[a-z]*" if term.endswith("~") else plural
        parts.append(re.escape(stem).replace(r"\ ", " ") + tail)
    return re.compile(r"(?<![a-z])(?:" + "|".join(parts) + r")(?![a-z])")


def _sigmoid(log_odds: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, log_odds))))


def _count(rows: list[set[str]], vocabulary: set[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for found in rows:
        for feature in found & vocabulary:
            counts[feature] = counts.get(feature, 0) + 1
    return counts


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(str(path), None, f"cannot read: {error.strerror}") from error
