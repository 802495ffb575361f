"""Value types of the policy: the caller's turn, the call so far, and the decision."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

Locale = Literal["zh", "en"]
Action = Literal["continue", "hardship", "handoff", "end_call"]
Tone = Literal["standard", "hardship"]
EvidenceSource = Literal["lexicon", "intent", "history", "prosody", "asr", "model"]

LOCALES: tuple[Locale, ...] = get_args(Locale)
ACTIONS: tuple[Action, ...] = get_args(Action)

#: Tags a detector may raise (the lexicon files are checked against this list).
CATEGORIES: tuple[str, ...] = (
    "self_harm",
    "distress",
    "cease_request",
    "wrong_party",
    "third_party",
    "refusal",
    "dispute",
    "legal",
    "complaint",
    "request_human",
    "abuse",
    "hardship",
    "promise_to_pay",
    "already_paid",
    "callback",
    "frustration",
)


@dataclass(frozen=True, slots=True)
class Turn:
    """One thing the caller said, as the ASR and (optionally) Rasa heard it.

    Attributes:
        text: The final transcript; empty or blank means the caller stayed silent.
        locale: ``"zh"`` or ``"en"``; selects the lexicons.
        asr_confidence: 0..1; below the lexicon's threshold, matches that would end or
            escalate the call are not trusted (self-harm and distress always are).
        intent: The Rasa intent name, if the dialogue already parsed the turn.
        intent_confidence: Rasa's confidence for ``intent``.
        loudness_db: Mean loudness of the turn (dBFS), for the rising-anger pattern.
        speech_rate: Syllables per second, informational.
    """

    text: str
    locale: Locale
    asr_confidence: float = 1.0
    intent: str | None = None
    intent_confidence: float | None = None
    loudness_db: float | None = None
    speech_rate: float | None = None

    def __post_init__(self) -> None:
        if self.locale not in LOCALES:
            raise ValueError(f'Unknown locale "{self.locale}"; expected one of {LOCALES}')
        if not 0.0 <= self.asr_confidence <= 1.0:
            raise ValueError(f"asr_confidence must be within 0..1, got {self.asr_confidence}")
        if self.intent_confidence is not None and not 0.0 <= self.intent_confidence <= 1.0:
            raise ValueError(f"intent_confidence must be within 0..1, got {self.intent_confidence}")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a tag was raised (or, with ``note``, why a match was discarded).

    Attributes:
        detector: The category or rule that produced it (``self_harm``, ``rising_anger``).
        matched: The words matched, the intent name, or a short description.
        score: Contribution in 0..1; 0 for discarded matches.
        source: Where the evidence came from.
        note: ``""`` for live evidence; ``"negated"``, ``"idiom"``,
            ``"low_asr_confidence"``, ``"below_threshold"`` or ``"unnegated"`` (a phrase that
            counts only when negated, said without negation) for discarded ones.
    """

    detector: str
    matched: str
    score: float
    source: EvidenceSource = "lexicon"
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        """The evidence as a JSON-ready dict."""
        return {
            "detector": self.detector,
            "matched": self.matched,
            "score": round(self.score, 3),
            "source": self.source,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Decision:
    """What the policy decided for one turn.

    Attributes:
        action: ``continue``, ``hardship`` (switch tone, keep going), ``handoff`` or
            ``end_call``.
        reasons: Tags, most important first (see the module docstring of ``bot.policy``).
        tone: The tone the bot should use from now on.
        evidence: Every match that was considered, live ones first.
    """

    action: Action
    reasons: tuple[str, ...]
    tone: Tone
    evidence: tuple[Evidence, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """``{"action", "reasons", "tone", "evidence"}`` ready for ``json.dumps``."""
        return {
            "action": self.action,
            "reasons": list(self.reasons),
            "tone": self.tone,
            "evidence": [item.to_json() for item in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class PastTurn:
    """An earlier caller turn and what the policy made of it.

    Attributes:
        text: What the caller said (empty = silence).
        reasons: The reason tags decided for it.
        action: The action decided for it.
        loudness_db: Its loudness, if measured.
    """

    text: str
    reasons: tuple[str, ...] = ()
    action: Action = "continue"
    loudness_db: float | None = None

    @classmethod
    def from_decision(cls, turn: Turn, decision: Decision) -> PastTurn:
        """Remember ``turn`` with the ``decision`` taken for it."""
        return cls(turn.text, decision.reasons, decision.action, turn.loudness_db)


@dataclass(frozen=True, slots=True)
class CallContext:
    """What the policy knows about the call so far.

    Attributes:
        tier: The account's tier 1..5; tiers 1-2 hand over on the first friction.
        tone: The current tone.
        verified: Whether the right party has been verified.
        history: Earlier caller turns, oldest first.
    """

    tier: int = 3
    tone: Tone = "standard"
    verified: bool = False
    history: tuple[PastTurn, ...] = field(default=())

    def __post_init__(self) -> None:
        if not 1 <= self.tier <= 5:
            raise ValueError(f"tier must be within 1..5, got {self.tier}")
