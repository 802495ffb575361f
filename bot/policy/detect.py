"""Run the lexicon detectors over a normalised surface.

A phrase match counts unless an idiom overlaps it ("this traffic is killing me", 笑死我了)
or a negation cue scopes over it ("I'm not going to hurt myself", 我不会想不开的). A
*negated phrase* counts only when a cue precedes it in its clause ("I don't think I can
*keep living*"). The scores of a category's surviving matches combine as
``1 - prod(1 - weight)``, overlapping matches counting once (the heaviest).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.policy.lexicon import Detector, Lexicon, Phrase
from bot.policy.model import Evidence
from bot.policy.text import negation_cue


@dataclass(frozen=True, slots=True)
class Detection:
    """Category scores and the evidence (live and discarded) behind them."""

    scores: dict[str, float]
    evidence: tuple[Evidence, ...]


def detect(surface: str, lexicon: Lexicon) -> Detection:
    """Score every category of ``lexicon`` on a normalised ``surface``."""
    shared_idioms = _spans(surface, lexicon.idioms)
    scores: dict[str, float] = {}
    evidence: list[Evidence] = []
    for detector in lexicon.detectors:
        if detector.screen.search(surface) is None:
            continue
        score = _run(surface, detector, lexicon, shared_idioms, evidence)
        if score > 0.0:
            scores[detector.category] = score
    return Detection(scores, tuple(evidence))


def combine(*scores: float) -> float:
    """Noisy-or of independent pieces of evidence."""
    remaining = 1.0
    for score in scores:
        remaining *= 1.0 - score
    return 1.0 - remaining


def _run(
    surface: str,
    detector: Detector,
    lexicon: Lexicon,
    shared_idioms: list[tuple[int, int]],
    evidence: list[Evidence],
) -> float:
    hits: list[tuple[float, int, int, str]] = []
    idioms: list[tuple[int, int]] | None = None
    negated: list[tuple[int, int]] = []
    for wants_negation, phrases in ((False, detector.phrases), (True, detector.negated_phrases)):
        for phrase in phrases:
            for match in phrase.regex.finditer(surface):
                start, end = _trim(surface, match.start(), match.end())
                if start >= end:
                    continue
                words = surface[start:end]
                if idioms is None:
                    idioms = shared_idioms + _spans(surface, detector.idioms)
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
