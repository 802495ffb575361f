"""When the dialogue must answer what the words said rather than what the model read.

The policy's lexicons hear a few things from the words alone that the dialogue has a script
for: a promise to pay and a hardship statement. The dialogue's model reads the same turn on
its own, and on speech that came back garbled or on a turn that says two things it can read
something the words contradict: "可以我周五还两千块，不好意思您再说一遍" read as ``ask_repeat``
(the promise is never stored), "我上个月失业了，现在实在还不上" heard as "我上个月是夜冷，现在实在
还不上" and read as ``already_paid`` (the bot thanks the caller for a payment while the
policy switched to hardship phrasing). Then the turn is answered as the words' intent.

Only after the caller is verified: before that the dialogue's one job is the identity
question, and nothing may skip it.
"""

from __future__ import annotations

from bot.policy import Decision, Locale
from bot.policy.lexicon import load_lexicon

#: Tag the words carried -> the intent the dialogue answers it with, most telling first
#: (a promise made while explaining a hardship is kept; the tone switches anyway).
STEERED: tuple[tuple[str, str], ...] = (
    ("promise_to_pay", "promise_to_pay"),
    ("hardship", "hardship_general"),
)


def steered_intent(
    words: Decision, intent: str | None, locale: Locale, *, verified: bool
) -> str | None:
    """The intent to answer the turn with, or ``None`` when the model's reading stands.

    Args:
        words: The policy's decision on the words alone (no intent).
        intent: The dialogue model's reading of the turn.
        locale: The call's locale (its lexicon maps intents to tags).
        verified: Whether the right party was verified before this turn.

    The reading stands when the model gave none, when it agrees with any tag the words
    carried (``request_extension`` is a hardship reading, ``partial_payment`` a promise),
    when the words carried neither a promise nor a hardship, and when the words also said
    the bill is already paid.
    """
    if intent is None or not verified or "already_paid" in words.reasons:
        return None
    rule = load_lexicon(locale).intents.get(intent)
    read = rule.category if rule is not None else None
    if read in words.reasons:
        return None
    for tag, target in STEERED:
        if tag in words.reasons and target != intent:
            return target
    return None
