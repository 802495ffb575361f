"""The policy: a deterministic safety layer that hears every caller turn and guards every bot line.

:func:`decide` turns a caller :class:`Turn` (text, ASR confidence, optional Rasa intent,
prosody) and the :class:`CallContext` (tier, tone, verification, history) into a
:class:`Decision`. Detection is data: per-locale phrase lists with weights, negation cues
and idioms in ``bot/policy/lexicons/`` (see its README). Nothing is read at call time
after the first load.

Precedence (highest first; every raised tag is reported, the first group present decides):

1. ``self_harm``, ``distress`` -> **handoff**, always. Never lowered by a low ASR
   confidence, never suppressed by an intent, never undone by reassurance later in the
   same turn ("I want to die. Just kidding." still hands over): negation only looks
   backwards within a clause.
2. ``cease_request``, ``wrong_party``, ``third_party`` -> **end_call** (no disclosure).
   After the caller was verified, a wrong- or third-party reading that only the dialogue
   model made (no words of the turn say it) becomes ``party_unclear`` -> **handoff**: a
   misheard refusal must not end the call and mark the debtor's own number as not theirs.
3. ``refusal``, ``dispute``, ``legal``, ``complaint``, ``request_human``, ``abuse`` and the
   conversation patterns ``repeated_refusal`` (a second, even soft, refusal),
   ``rising_anger`` (frustration/abuse in consecutive turns, or loudness rising >= 6 dB over
   three turns) and ``friction`` (tiers 1-2: the first soft refusal or frustration)
   -> **handoff**. A second silent turn after a hardship statement raises ``distress`` and
   ``silence_after_hardship`` -> handoff.
4. ``hardship`` -> **hardship** (tone switches to ``hardship`` and stays).
5. Otherwise **continue**, with informational tags: ``promise_to_pay``, ``already_paid``,
   ``callback``, ``soft_refusal``, ``frustration``, ``silence`` and ``clarify``.

A turn heard with ASR confidence below the lexicon's floor (0.5) has every non-safety score
multiplied by that confidence: a match that would have ended or escalated the call becomes
``clarify`` (ask again) instead. A Rasa intent adds ``confidence * weight`` evidence to its
tag (``intents.yml``); it never removes any. A statistical detector (:mod:`bot.policy.ngram`)
trained on the labelled examples may add ``self_harm``/``distress`` for wording the
phrases miss; it never removes a tag and defers to the lexicon's negation and idioms.

:func:`guard_line` checks every line the bot is about to speak (threats, insults, contacting
family or employer, false legal claims, and any debt detail before verification or to a
third party) and replaces a blocked line with a safe alternative from the data.
"""

from __future__ import annotations

from bot.policy.decide import decide
from bot.policy.guard import GuardContext, GuardResult, guard_line, load_guard
from bot.policy.lexicon import load_lexicon
from bot.policy.model import (
    Action,
    CallContext,
    Decision,
    Evidence,
    Locale,
    PastTurn,
    Tone,
    Turn,
)
from bot.policy.ngram import load_ngram_model

__all__ = [
    "Action",
    "CallContext",
    "Decision",
    "Evidence",
    "GuardContext",
    "GuardResult",
    "Locale",
    "PastTurn",
    "Tone",
    "Turn",
    "decide",
    "guard_line",
    "load_lexicon",
    "preload",
]


def preload(locale: Locale) -> None:
    """Read and compile everything :func:`decide` and :func:`guard_line` need for ``locale``.

    Both load their data once per process, at first use: seconds of CPU (compiling the
    phrase lists, training the statistical detector). A call service runs this on a worker
    thread before its first call, so that first use does not stall the event loop that
    carries every call's audio. Idempotent and cheap once done.
    """
    load_lexicon(locale)
    load_ngram_model(locale)
    load_guard(locale)
