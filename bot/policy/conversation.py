"""Conversation-level patterns: what one turn alone does not show.

* **repeated refusal**: a (soft) refusal when an earlier turn already refused;
* **rising anger**: frustration or abuse now and in one of the last three turns, or a
  loudness rising turn after turn by at least :data:`LOUDNESS_RISE_DB`;
* **silence after hardship**: a second silent turn since the caller described hardship;
* **early friction** (tiers 1-2): a soft refusal or frustration hands over at once.
"""

from __future__ import annotations

from bot.policy.model import CallContext, Evidence, Turn

LOUDNESS_RISE_DB = 6.0
ANGER_TAGS = frozenset({"frustration", "abuse"})
_RECENT = 3


def patterns(
    turn: Turn, silent: bool, tags: set[str], context: CallContext
) -> tuple[set[str], list[Evidence]]:
    """Tags (and their evidence) raised by the history of the call.

    Args:
        turn: The current turn.
        silent: Whether the caller said nothing (or only fillers).
        tags: Tags already raised for this turn, including soft ones.
        context: The call so far.
    """
    found: set[str] = set()
    evidence: list[Evidence] = []
    history = context.history
    if tags & {"refusal", "soft_refusal"}:
        earlier = sum(1 for past in history if {"refusal", "soft_refusal"} & set(past.reasons))
        if earlier:
            found |= {"refusal", "repeated_refusal"}
            evidence.append(
                Evidence("repeated_refusal", f"{earlier} earlier refusal(s)", 1.0, "history")
            )
    recent = history[-_RECENT:]
    if tags & ANGER_TAGS and any(ANGER_TAGS & set(past.reasons) for past in recent):
        found.add("rising_anger")
        evidence.append(Evidence("rising_anger", "anger in consecutive turns", 1.0, "history"))
    rise = _loudness_rise(turn, context)
    if rise is not None:
        found.add("rising_anger")
        evidence.append(Evidence("rising_anger", f"loudness +{rise:.1f} dB", 1.0, "prosody"))
    if silent:
        silences = _silences_since_hardship(context)
        if silences is not None and silences >= 1:
            found |= {"distress", "silence_after_hardship"}
            evidence.append(
                Evidence("silence_after_hardship", f"{silences + 1} silent turns", 1.0, "history")
            )
    if context.tier <= 2 and tags & {"soft_refusal", "frustration"}:
        found.add("friction")
        evidence.append(Evidence("friction", f"tier {context.tier}", 1.0, "history"))
    return found, evidence


def is_silent_text(text: str) -> bool:
    """Whether a past turn's text counts as silence."""
    return not any(ch.isalnum() for ch in text)


def _silences_since_hardship(context: CallContext) -> int | None:
    count = 0
    for past in reversed(context.history):
        if "hardship" in past.reasons:
            return count
        if is_silent_text(past.text) or "silence" in past.reasons:
            count += 1
    return None


def _loudness_rise(turn: Turn, context: CallContext) -> float | None:
    if turn.loudness_db is None:
        return None
    levels = [p.loudness_db for p in context.history[-2:] if p.loudness_db is not None]
    if len(levels) < 2:
        return None
    series = [*levels, turn.loudness_db]
    if all(a < b for a, b in zip(series, series[1:], strict=False)):
        rise = series[-1] - series[0]
        if rise >= LOUDNESS_RISE_DB:
            return rise
    return None
