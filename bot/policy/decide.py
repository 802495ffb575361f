"""Turn detections, the Rasa intent, ASR confidence and the history into one decision."""

from __future__ import annotations

from bot.policy.anchors import Candidates
from bot.policy.conversation import is_silent_text, patterns
from bot.policy.detect import Detection, combine, detect, first_idiom
from bot.policy.lexicon import Lexicon, load_lexicon
from bot.policy.model import Action, CallContext, Decision, Evidence, Tone, Turn
from bot.policy.ngram import NgramModel, load_ngram_model
from bot.policy.text import normalise

#: Always hand over; never lowered by ASR confidence nor undone later in the turn.
SAFETY = ("self_harm", "distress")
#: End the call politely, disclosing nothing.
END_CALL = ("cease_request", "wrong_party", "third_party")
#: Hand over to a person.
HANDOFF = (
    "refusal",
    "dispute",
    "legal",
    "complaint",
    "request_human",
    "abuse",
    "repeated_refusal",
    "rising_anger",
    "friction",
    "party_unclear",
)
#: Switch to the hardship tone and carry on.
TONE = ("hardship",)
#: Informational tags, reported with any action.
INFO = (
    "silence_after_hardship",
    "promise_to_pay",
    "already_paid",
    "callback",
    "soft_refusal",
    "frustration",
    "clarify",
    "silence",
)
#: Lexicon tags that make a statistical safety hit less likely ("i'll pay it all at once",
#: "don't ever phone me again", "he is not here any more": someone else is gone): the
#: detector then needs ``benign_margin`` more log-odds.
BENIGN_CONTEXT = (
    "promise_to_pay",
    "already_paid",
    "callback",
    "hardship",
    "cease_request",
    "third_party",
    "wrong_party",
)
ORDER = {tag: rank for rank, tag in enumerate((*SAFETY, *END_CALL, *HANDOFF, *TONE, *INFO))}


def decide(turn: Turn, context: CallContext) -> Decision:
    """Decide what the call does after the caller's ``turn``.

    Pure: the lexicons are read once per process and cached, nothing else is read.
    See :mod:`bot.policy` for the precedence.

    Args:
        turn: What the caller said and how it was heard.
        context: Tier, current tone, verification and the earlier turns.

    Returns:
        The action, the reason tags (most important first), the tone and the evidence.
    """
    return decide_with(turn, context, load_ngram_model(turn.locale))


def decide_with(turn: Turn, context: CallContext, model: NgramModel | None) -> Decision:
    """:func:`decide` with an explicit statistical detector (``None``: lexicons only).

    Used by the cross-validation that trains the detector on part of the examples.
    """
    lexicon = load_lexicon(turn.locale)
    surface = normalise(turn.text, lexicon.rules)
    silent = is_silent_text(surface)
    detection = detect(surface, lexicon) if not silent else Detection({}, (), Candidates({}))
    scores = dict(detection.scores)
    evidence = list(detection.evidence)
    _add_intent(turn, lexicon, scores, evidence)
    tags = _threshold(turn, lexicon, scores, evidence)
    if context.verified:
        _doubt_party_read_only_by_the_model(tags, evidence)
    if model is not None and not silent:
        _add_model(surface, detection.could, model, lexicon, tags, evidence)
    if silent:
        tags.add("silence")
    extra, history_evidence = patterns(turn, silent, tags, context)
    tags |= extra
    evidence.extend(history_evidence)
    return Decision(
        action=_action(tags),
        reasons=tuple(sorted(tags, key=lambda tag: ORDER.get(tag, len(ORDER)))),
        tone=_tone(tags, context),
        evidence=tuple(sorted(evidence, key=lambda e: (e.note != "", ORDER.get(e.detector, 99)))),
    )


def _add_intent(
    turn: Turn, lexicon: Lexicon, scores: dict[str, float], evidence: list[Evidence]
) -> None:
    # An intent only ever adds evidence: a confident "greet" cannot lower a lexical hit.
    if turn.intent is None:
        return
    rule = lexicon.intents.get(turn.intent)
    confidence = turn.intent_confidence if turn.intent_confidence is not None else 0.5
    if rule is None or confidence < lexicon.intent_min_confidence:
        return
    score = confidence * rule.weight
    scores[rule.category] = combine(scores.get(rule.category, 0.0), score)
    evidence.append(Evidence(rule.category, f"intent {turn.intent}", score, "intent"))


def _add_model(
    surface: str,
    could: Candidates,
    model: NgramModel,
    lexicon: Lexicon,
    tags: set[str],
    evidence: list[Evidence],
) -> None:
    # The statistical detector only adds safety tags (after a lexicon distress tag, only
    # self-harm: "it won't matter, i'm fine" must not hide "i'm checking out soon"), and
    # stays silent when the lexicon heard self-harm or deliberately discarded a safety match as
    # negated or idiomatic ("I'm not going to hurt myself", "this traffic is killing me"),
    # or heard a reassurance ("i want to keep living", a negated phrase said without negation).
    # An idiom anywhere in the turn ("i'd kill for a day off", 气死了) silences it too. It
    # then still hears the words said BEFORE the first such match, so that reassurance
    # appended later ("... any more I'm fine") never undoes what it heard. A reassurance
    # (a negated phrase said without negation: "i'm fine", "i want to keep living") silences
    # only its own clause: said first ("I'm fine. I've sorted everything out, the dog's gone
    # to my sister's"), it must not silence the clauses that follow.
    if "self_harm" in tags:
        return
    heard = surface
    idiom = first_idiom(surface, lexicon, could, SAFETY)
    discarded = any(
        e.detector in SAFETY and e.note in ("negated", "idiom", "unnegated") for e in evidence
    )
    if discarded or idiom is not None:
        starts = [idiom] if idiom is not None else []
        found = True
        for e in evidence:
            if e.detector in SAFETY and e.note in ("negated", "idiom", "unnegated"):
                words = " " + e.matched.split(" … ")[-1]
                position = surface.find(words)
                if position < 0:
                    found = False
                elif e.note == "unnegated":
                    end = surface.find("|", position + len(words))
                    end = len(surface) if end < 0 else end
                    heard = heard[:position] + " " * (end - position) + heard[end:]
                else:
                    starts.append(position)
        heard = heard[: min(starts)] if starts else heard if found else ""
        if any(e.detector in SAFETY and e.note == "negated" for e in evidence):
            heard = _before_negation(heard, lexicon)  # "i'm not thinking about [suicide]"
        # heard before the reassurance, and in the whole turn too
        if not heard.strip() or not model.added_tags(surface):
            return
    # only words make a benign context: the dialogue model's confident "promise_to_pay" for
    # "i've taken a lot more than i should have ... i'm fine" must not raise the bar for safety
    benign = [tag for tag in tags.intersection(BENIGN_CONTEXT) if _said(tag, evidence)]
    margin = model.concepts.benign_margin if benign else 0.0
    for tag, probability, top in model.added_tags(heard, margin):
        if tags.intersection(SAFETY) and tag != "self_harm":
            continue  # the lexicon heard distress: only self-harm is left to add
        tags.add(tag)
        evidence.append(Evidence(tag, "ngram " + " ".join(top), probability, "model"))


def _before_negation(text: str, lexicon: Lexicon) -> str:
    # the words before the last negation cue
    cues = lexicon.rules.negation_cues
    if lexicon.locale == "en":
        words = text.split(" ")
        for index in range(len(words) - 1, -1, -1):
            if words[index] in cues:
                return " ".join(words[:index])
        return text
    last = max((text.rfind(cue) for cue in cues), default=-1)
    return text[:last] if last >= 0 else text


def _threshold(
    turn: Turn, lexicon: Lexicon, scores: dict[str, float], evidence: list[Evidence]
) -> set[str]:
    tags: set[str] = set()
    low_asr = turn.asr_confidence < lexicon.low_asr_confidence
    for detector in lexicon.detectors:
        score = scores.get(detector.category, 0.0)
        if score <= 0.0:
            continue
        if low_asr and detector.category not in SAFETY:
            # A poorly heard turn may not end or escalate the call; ask again instead.
            scaled = score * turn.asr_confidence
            if score >= detector.threshold > scaled:
                tags.add("clarify")
                evidence.append(
                    Evidence(
                        detector.category,
                        f"asr confidence {turn.asr_confidence:.2f}",
                        scaled,
                        "asr",
                        "low_asr_confidence",
                    )
                )
            score = scaled
        if score >= detector.threshold:
            tags.add(detector.category)
        elif detector.soft_tag is not None and score >= detector.soft_threshold:
            tags.add(detector.soft_tag)
    return tags


def _doubt_party_read_only_by_the_model(tags: set[str], evidence: list[Evidence]) -> None:
    # Once the caller confirmed being the right person in their own words, only words can
    # unsay it. A wrong- or third-party reading that only the dialogue model made ("不还，我不
    # 想谈这个" heard as "不喊…" and read as wrong_person) would end the call and mark the
    # debtor's own number as someone else's: a person checks instead (handoff).
    for tag in ("wrong_party", "third_party"):
        if tag in tags and not _said(tag, evidence):
            tags.discard(tag)
            tags.add("party_unclear")


def _said(tag: str, evidence: list[Evidence]) -> bool:
    # heard in the caller's words (not only read by the dialogue model, not discarded)
    return any(
        e.detector == tag and e.source != "intent" and e.score > 0 and not e.note for e in evidence
    )


def _action(tags: set[str]) -> Action:
    if tags.intersection(SAFETY):
        return "handoff"
    if tags.intersection(END_CALL):
        return "end_call"
    if tags.intersection(HANDOFF):
        return "handoff"
    if tags.intersection(TONE):
        return "hardship"
    return "continue"


def _tone(tags: set[str], context: CallContext) -> Tone:
    if context.tone == "hardship" or tags.intersection((*SAFETY, *TONE)):
        return "hardship"
    return "standard"
