"""Run the lexicon detectors over a normalised surface.

A phrase match counts unless an idiom overlaps it ("this traffic is killing me", 笑死我了)
or a negation cue scopes over it ("I'm not going to hurt myself", 我不会想不开的). A
*negated phrase* counts only when a cue precedes it in its clause ("I don't think I can
*keep living*"). The scores of a category's surviving matches combine as
``1 - prod(1 - weight)``, overlapping matches counting once (the heaviest).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.policy.anchors import Candidates
from bot.policy.lexicon import (
    SHARED_IDIOMS,
    Detector,
    Lexicon,
    Phrase,
    detector_lists,
    detector_of_list,
)
from bot.policy.model import Evidence
from bot.policy.text import negation_cue


@dataclass(frozen=True, slots=True)
class Detection:
    """Category scores and the evidence (live and discarded) behind them."""

    scores: dict[str, float]
    evidence: tuple[Evidence, ...]
    could: Candidates  # the phrases that could match the turn


def first_idiom(
    surface: str, lexicon: Lexicon, could: Candidates, categories: tuple[str, ...]
) -> int | None:
    """Where the first idiom starts, of the shared ones or those of ``categories``."""
    lists = [(SHARED_IDIOMS, lexicon.idioms)] + [
        (detector_lists(k)[2], detector.idioms)
        for k, detector in enumerate(lexicon.detectors)
        if detector.category in categories
    ]
    starts = [
        match.start()
        for number, idioms in lists
        for idiom in could.pick(number, idioms)
        if (match := idiom.regex.search(surface)) is not None
    ]
    return min(starts, default=None)


def detect(surface: str, lexicon: Lexicon) -> Detection:
    """Score every category of ``lexicon`` on a normalised ``surface``.

    Only the phrases whose anchors the turn holds are tried (:mod:`bot.policy.anchors`);
    a detector with an unanchored phrase is screened by its one expression first.
    """
    # English anchors are words, Chinese ones characters
    could = lexicon.index.candidates(surface.split() if lexicon.locale == "en" else surface)
    shared_idioms = _spans(surface, could.pick(SHARED_IDIOMS, lexicon.idioms))
    scores: dict[str, float] = {}
    evidence: list[Evidence] = []
    owners = {detector_of_list(number) for number in could.by_list}
    for k in sorted(k for k in owners if k is not None):
        detector = lexicon.detectors[k]
        phrases_at, negated_at, idioms_at = detector_lists(k)
        phrases = could.pick(phrases_at, detector.phrases)
        negated = could.pick(negated_at, detector.negated_phrases)
        if not phrases and not negated:
            continue
        if not detector.anchored and detector.screen.search(surface) is None:
            continue
        tried = _Tried(phrases, negated, could.pick(idioms_at, detector.idioms))
        score = _run(surface, detector, tried, lexicon, shared_idioms, evidence)
        if score > 0.0:
            scores[detector.category] = score
    return Detection(scores, tuple(evidence), could)


def combine(*scores: float) -> float:
    """Noisy-or of independent pieces of evidence."""
    remaining = 1.0
    for score in scores:
        remaining *= 1.0 - score
    return 1.0 - remaining


@dataclass(frozen=True, slots=True)
class _Tried:
    """The phrases of one detector that could match the turn."""

    phrases: tuple[Phrase, ...]
    negated: tuple[Phrase, ...]
    idioms: tuple[Phrase, ...]


def _run(
    surface: str,
    detector: Detector,
    tried: _Tried,
    lexicon: Lexicon,
    shared_idioms: list[tuple[int, int]],
    evidence: list[Evidence],
) -> float:
    hits: list[tuple[float, int, int, str]] = []
    idioms: list[tuple[int, int]] | None = None
    negated: list[tuple[int, int]] = []
    for wants_negation, phrases in ((False, tried.phrases), (True, tried.negated)):
        for phrase in phrases:
            for match in phrase.regex.finditer(surface):
                start, end = _trim(surface, match.start(), match.end())
                if start >= end:
                    continue
                words = surface[start:end]
                if idioms is None:
                    idioms = shared_idioms + _spans(surface, tried.idioms)
                if any(start < i_end and i_start < end for i_start, i_end in idioms):
                    evidence.append(Evidence(detector.category, words, 0.0, note="idiom"))
                    continue
                cue = negation_cue(surface, start, lexicon.rules, strict=not wants_negation)
                if wants_negation:
                    # "我不是不想活下去": the cue is part of a phrase ("不想活") that is negated
                    inside = any(start < n_end and n_start < end for n_start, n_end in negated)
                    if cue is not None and not inside:
                        hits.append((phrase.weight, start, end, f"{cue} … {words}"))
                    else:
                        # "i want to keep living": said without negation, it reassures
                        kept_note = Evidence(detector.category, words, 0.0, note="unnegated")
                        evidence.append(kept_note)
                elif cue is None:
                    hits.append((phrase.weight, start, end, words))
                elif (undone := _undone(surface, end, detector)) is not None:
                    # "i'm not going to hurt myself. probably": doubt undoes the negation
                    hits.append((phrase.weight, start, end, f"{cue} … {words} … {undone}"))
                else:
                    if _has_cue(words, lexicon):
                        negated.append((start, end))
                    note = Evidence(detector.category, f"{cue} … {words}", 0.0, note="negated")
                    evidence.append(note)
    kept: list[tuple[float, int, int, str]] = []
    for hit in sorted(hits, key=lambda h: (-h[0], h[1])):
        if all(hit[2] <= k[1] or k[2] <= hit[1] for k in kept):
            kept.append(hit)
    for weight, _, _, words in sorted(kept, key=lambda h: h[1]):
        evidence.append(Evidence(detector.category, words, weight))
    return combine(*(hit[0] for hit in kept))


def _undone(surface: str, end: int, detector: Detector) -> str | None:
    # the first doubt or time limit said after a negated match, anywhere later in the turn
    found = [
        (match.start(), match.end())
        for phrase in detector.undo_negation
        if (match := phrase.regex.search(surface, end)) is not None
    ]
    if not found:
        return None
    start, stop = min(found)
    return " ".join(surface[start:stop].split())


def _has_cue(words: str, lexicon: Lexicon) -> bool:
    if lexicon.locale == "en":
        return any(word in lexicon.rules.negation_cues for word in words.split())
    return any(cue in words for cue in lexicon.rules.negation_cues)


def _spans(surface: str, phrases: tuple[Phrase, ...]) -> list[tuple[int, int]]:
    spans = []
    for phrase in phrases:
        for match in phrase.regex.finditer(surface):
            spans.append(_trim(surface, match.start(), match.end()))
    return spans


def _trim(surface: str, start: int, end: int) -> tuple[int, int]:
    while start < end and surface[start] == " ":
        start += 1
    while end > start and surface[end - 1] == " ":
        end -= 1
    return start, end
