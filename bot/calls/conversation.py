"""One call's conversation loop: hear a turn, let the policy judge it, let the dialogue answer.

Order for every caller turn (see ../shared/DESIGN.md, "One call, as data flows"):

1. the voice channel delivers a finished turn (ASR final);
2. the deterministic policy judges the words alone; when that already hands over or ends
   the call, the dialogue engine only *classifies* the turn (intent + confidence, for the
   evidence) and the turn never reaches the dialogue; on ``hardship`` the ``tone`` slot is
   switched before the dialogue answers;
3. otherwise (most turns) the dialogue answers at once, and its reading of the turn (the
   intent it answered) completes the policy's input: one request to the engine instead of
   a classification followed by an answer; a verified caller's turn whose words carried a
   promise or a hardship is classified first, and answered as that when the model read it
   otherwise (:mod:`bot.calls.steering`);
4. the policy decides ``continue | hardship | handoff | end_call`` with the intent; its
   decision overrides the dialogue: when the intent turned the decision into ``handoff``
   or ``end_call``, the answer is thrown away unspoken and the turn undone in the dialogue
   (the conversation with the engine ends there); when it turned it into ``hardship``,
   the tone holds from the next line (the engine answered the hardship intent itself);
5. signals from custom actions (handoff, end call) are honoured;
6. every bot line passes the output guard before it is spoken.

People answer the phone with "Hello?", often over the recording notice. A turn that ended
before the identity question began, that the policy lets continue and the dialogue reads
as a greeting, is recorded (with its policy decision) but not answered: the question just
asked stands. Answered, it would have the bot ask the same question twice in a row.

The loop is I/O-free apart from its ports (:mod:`bot.calls.ports`), so it runs the same over
real WebRTC audio and in tests with scripted ports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.calls.outcome import CallOutcome, derive_outcome
from bot.calls.ports import (
    CallRecorder,
    Dialogue,
    DialogueReply,
    Heard,
    TurnRecord,
    Understanding,
    VoiceChannel,
)
from bot.calls.state import CallEvent, CallState, Effect, EventKind, advance
from bot.calls.steering import STEERED, steered_intent
from bot.calls.verification import confirms_identity, names_someone_else
from bot.policy import CallContext, Decision, GuardContext, PastTurn, Turn, decide, guard_line

#: Which response closes the call for which reason (first match wins).
CLOSING_RESPONSES: tuple[tuple[str, str], ...] = (
    ("cease_request", "utter_cease_ack"),
    ("wrong_party", "utter_wrong_person_close"),
    ("third_party", "utter_third_party_close"),
)
#: Said before the handoff announcement, by reason, most serious first.
HANDOFF_PREAMBLES: tuple[tuple[str, str], ...] = (
    ("self_harm", "utter_self_harm_support"),
    ("distress", "utter_distress_ack"),
)
#: Intents that may confirm the right party, and the confidence the turn needs.
VERIFYING_INTENTS = frozenset({"identity_confirm", "affirm"})
VERIFY_MIN_CONFIDENCE = 0.6
HANDOFF_RESPONSE = "utter_handoff"
HOLD_OVER_RESPONSE = "utter_handoff_callback"
STILL_THERE_RESPONSE = "utter_still_there"
#: The dialogue's intent for "hello" / "喂": said before the identity question, not answered.
GREET_INTENT = "greet"
DEFAULT_CLOSE = "utter_goodbye"


@dataclass(frozen=True, slots=True)
class CallSetup:
    """Everything the loop needs to know about the call before it starts.

    Attributes:
        call_id: The call's id (also the dialogue's sender id).
        locale: ``zh`` or ``en``.
        tier: The account's tier, 1..5.
        tone: The starting tone (``hardship`` when tiering flagged soft handling).
        slots: Account slots for the dialogue (debtor_name, creditor_name, amount_due, ...).
        disclosed_terms: The account's details as they would be spoken; the guard blocks them
            before verification and towards third parties.
        listen_timeout_s: Silence after which a turn counts as silent.
        hold_seconds: How long a handed-over call waits for a supervisor.
        max_turns: Caller turns after which the bot closes politely.
    """

    call_id: str
    locale: Literal["zh", "en"]
    tier: int
    tone: Literal["standard", "hardship"] = "standard"
    slots: Mapping[str, str] = field(default_factory=dict)
    disclosed_terms: tuple[str, ...] = ()
    listen_timeout_s: float = 8.0
    hold_seconds: float = 5.0
    max_turns: int = 16


@dataclass(frozen=True, slots=True)
class CallResult:
    """What happened on the call."""

    state: CallState
    outcome: CallOutcome
    turns: tuple[TurnRecord, ...]
    decisions: tuple[Decision, ...]
    latencies_ms: tuple[int, ...]
    slots: Mapping[str, Any]


class Conversation:
    """Runs one answered call to its end. Create one per call."""

    def __init__(
        self,
        setup: CallSetup,
        dialogue: Dialogue,
        voice: VoiceChannel,
        recorder: CallRecorder,
    ) -> None:
        self._setup = setup
        self._dialogue = dialogue
        self._voice = voice
        self._recorder = recorder
        self._state = CallState()
        self._tone: Literal["standard", "hardship"] = setup.tone
        self._slots: dict[str, Any] = {**setup.slots, "tier": str(setup.tier), "tone": setup.tone}
        self._turns: list[TurnRecord] = []
        self._decisions: list[Decision] = []
        self._history: list[PastTurn] = []
        self._latencies: list[int] = []
        self._third_party = False
        self._last_heard_end: int | None = None
        #: When the bot's latest line ended: a caller turn heard while the bot was still
        #: speaking (over the uninterruptible notice) waits for a reply only from then on.
        self._last_said_end = 0
        #: When the opening's last line (the identity question) began; None before it.
        self._question_at: int | None = None

    # -- state -----------------------------------------------------------------------------
    def _advance(self, kind: EventKind, reasons: tuple[str, ...] = ()) -> Effect:
        transition = advance(self._state, CallEvent(kind, reasons))
        if transition.state.phase != self._state.phase:
            self._recorder.event(
                "call_phase",
                {"from": self._state.phase, "to": transition.state.phase, "event": kind},
            )
        self._state = transition.state
        return transition.effect

    # -- speaking --------------------------------------------------------------------------
    async def _say(self, text: str, *, uninterruptible: bool = False) -> bool:
        """Guard and speak one line; returns False when the caller barged in."""
        guarded = guard_line(
            text,
            GuardContext(
                locale=self._setup.locale,
                verified=self._state.verified,
                third_party=self._third_party,
                disclosed_terms=self._setup.disclosed_terms,
            ),
        )
        if guarded.blocked:
            self._recorder.event(
                "guard_block", {"original": guarded.original, "reasons": list(guarded.reasons)}
            )
        spoken = await self._voice.say(guarded.text, uninterruptible=uninterruptible)
        if self._last_heard_end is not None:
            self._latencies.append(max(0, spoken.started_ms - self._last_heard_end))
            self._last_heard_end = None
        self._last_said_end = spoken.ended_ms
        self._record(
            "bot",
            guarded.text,
            spoken.started_ms,
            spoken.ended_ms,
            blocked=guarded.reasons if guarded.blocked else (),
            interrupted=spoken.interrupted,
        )
        return not spoken.interrupted

    async def _say_all(self, lines: tuple[str, ...], *, uninterruptible: bool = False) -> None:
        for line in lines:
            if not await self._say(line, uninterruptible=uninterruptible):
                break

    def _record(
        self, speaker: Literal["bot", "callee"], text: str, started: int, ended: int, **extra: Any
    ) -> None:
        record = TurnRecord(len(self._turns) + 1, speaker, text, started, ended, **extra)
        self._turns.append(record)
        self._recorder.turn(record)

    # -- the loop --------------------------------------------------------------------------
    async def run(self) -> CallResult:
        """Run the call from the moment it was answered until it ends."""
        self._advance("answered")
        opening = await self._dialogue.open(
            {k: str(v) for k, v in self._slots.items() if v is not None}
        )
        self._absorb(opening)
        # The recording notice and identity question are required disclosures.
        await self._say_all(opening.lines, uninterruptible=True)
        self._question_at = self._turns[-1].started_ms if self._turns else None
        self._advance("opening_done")
        while self._state.bot_may_speak:
            if self._state.turns >= self._setup.max_turns:
                await self._close(("max_turns",))
                break
            heard = await self._voice.listen(self._setup.listen_timeout_s)
            if heard is None and not self._voice.is_live():
                self._advance("hung_up")
                break
            if heard is None:
                if self._advance("silence") == "say_goodbye":
                    await self._finish_closing()
                    break
                await self._say(self._dialogue.render(STILL_THERE_RESPONSE, self._render_slots()))
                continue
            await self._handle_turn(heard)
        await self._voice.hang_up()
        if self._state.phase != "ended":
            self._advance("closed")
        outcome = derive_outcome(
            self._state,
            {k: _slot_text(v) for k, v in self._slots.items()},
            answered=True,
            raised=frozenset(r for d in self._decisions for r in d.reasons),
        )
        self._recorder.event(
            "call_outcome",
            {"outcome": outcome.kind, "handoff": outcome.handoff, "reasons": list(outcome.reasons)},
        )
        return CallResult(
            state=self._state,
            outcome=outcome,
            turns=tuple(self._turns),
            decisions=tuple(self._decisions),
            latencies_ms=tuple(self._latencies),
            slots=dict(self._slots),
        )

    async def _handle_turn(self, heard: Heard) -> None:
        self._last_heard_end = max(heard.ended_ms, self._last_said_end)
        context = CallContext(
            tier=self._setup.tier,
            tone=self._tone,
            verified=self._state.verified,
            history=tuple(self._history),
        )
        words = Turn(heard.text, self._setup.locale, asr_confidence=heard.confidence)
        heard_alone = decide(words, context)
        if await self._greeted_before_question(heard, heard_alone, context):
            return
        answered: DialogueReply | None = None
        if heard_alone.action in ("handoff", "end_call"):
            understanding = await self._dialogue.understand(heard.text)
        else:
            if heard_alone.action == "hardship":
                await self._switch_tone()
            answered = await self._answer(heard.text, heard_alone)
            understanding = Understanding(answered.intent, answered.confidence)
        turn = self._understood(heard, understanding)
        decision = decide(turn, context)
        self._note_turn(heard, turn, decision)
        self._advance("caller_turn")
        if "third_party" in decision.reasons or "wrong_party" in decision.reasons:
            self._third_party = True
        if answered is not None and decision.action in ("handoff", "end_call"):
            # The intent changed the decision: the answer is never spoken.
            await self._dialogue.undo()
            self._recorder.event("dialogue_undone", {"action": decision.action})
            answered = None
        if decision.action == "handoff":
            await self._hand_over(decision.reasons)
            return
        if decision.action == "end_call":
            await self._close(decision.reasons)
            return
        if decision.action == "hardship":
            # Heard only with the intent: the dialogue already answered its hardship intent
            # (its own empathy lines); the tone holds from the next line on.
            await self._switch_tone()
        reply = answered or await self._dialogue.reply(heard.text)
        if await self._rejects_verification(reply, understanding, decision, heard.text):
            reply = DialogueReply(
                reply.lines,
                reply.intent,
                reply.confidence,
                {**reply.slots, "verified": False},
                reply.signals,
            )
        self._absorb(reply)
        signal = _signal(reply)
        if signal == "handoff":
            await self._say_all(reply.lines)
            await self._hand_over(_signal_reasons(reply, "request_human"), announce=False)
            return
        if signal == "end_call" and self._unconfirmed_party(reply, decision):
            # The dialogue would close a verified call as a wrong or third party that the
            # policy did not hear (a low-confidence reading of a misheard refusal): a person
            # checks instead, and the debtor's own number is not marked as someone else's.
            await self._dialogue.undo()
            self._recorder.event("dialogue_undone", {"action": "handoff"})
            await self._hand_over(("party_unclear",))
            return
        if signal == "end_call":
            self._advance("end_call", _signal_reasons(reply, "dialogue_end"))
            await self._say_all(reply.lines)
            await self._finish_closing(say=False)
            return
        await self._say_all(reply.lines)

    def _understood(self, heard: Heard, understanding: Understanding) -> Turn:
        """The policy's input for a heard turn, with the dialogue's reading of it."""
        return Turn(
            text=heard.text,
            locale=self._setup.locale,
            asr_confidence=heard.confidence,
            intent=understanding.intent,
            intent_confidence=understanding.confidence,
        )

    def _note_turn(self, heard: Heard, turn: Turn, decision: Decision) -> None:
        """Keep a caller turn and the policy's decision on it (transcript, history, audit)."""
        self._decisions.append(decision)
        self._history.append(PastTurn.from_decision(turn, decision))
        self._record(
            "callee",
            heard.text,
            heard.started_ms,
            heard.ended_ms,
            asr_confidence=heard.confidence,
            intent=turn.intent,
            intent_confidence=turn.intent_confidence,
            policy_action=decision.action,
            policy_reasons=decision.reasons,
        )
        self._recorder.event("policy_decision", {"turn": heard.text, **decision.to_json()})

    async def _greeted_before_question(
        self, heard: Heard, words: Decision, context: CallContext
    ) -> bool:
        """Record, unanswered, a greeting said before the identity question was asked."""
        before = self._question_at is not None and heard.ended_ms <= self._question_at
        if not before or words.action != "continue" or words.reasons:
            return False
        understanding = await self._dialogue.understand(heard.text)
        if understanding.intent != GREET_INTENT:
            return False
        turn = self._understood(heard, understanding)
        decision = decide(turn, context)
        if decision.action != "continue":
            return False
        self._note_turn(heard, turn, decision)
        self._recorder.event("greeting_before_question", {"turn": heard.text})
        self._last_heard_end = None  # nothing answers it: no reply latency to count
        return True

    async def _answer(self, text: str, words: Decision) -> DialogueReply:
        """The dialogue's answer; as the words' promise or hardship when the model read otherwise.

        Only a verified caller's turn whose words carried a promise or a hardship is read
        first (one classification request more): the dialogue then answers it as the words'
        intent (:mod:`bot.calls.steering`). The reply keeps the model's own reading, which
        the policy hears as evidence like any other.
        """
        if self._state.verified and any(tag in words.reasons for tag, _ in STEERED):
            reading = await self._dialogue.understand(text)
            target = steered_intent(words, reading.intent, self._setup.locale, verified=True)
            if target is not None:
                self._recorder.event(
                    "dialogue_steered", {"read": reading.intent, "answered_as": target}
                )
                reply = await self._dialogue.reply_as(target, text)
                return DialogueReply(
                    reply.lines, reading.intent, reading.confidence, reply.slots, reply.signals
                )
        return await self._dialogue.reply(text)

    def _unconfirmed_party(self, reply: DialogueReply, decision: Decision) -> bool:
        """A verified caller's turn that only the dialogue closes as a wrong/third party."""
        reasons = set(_signal_reasons(reply, "dialogue_end"))
        party = reasons.intersection(("wrong_party", "third_party"))
        return self._state.verified and bool(party) and not party.intersection(decision.reasons)

    async def _switch_tone(self) -> None:
        if self._tone == "hardship":
            return
        self._tone = "hardship"
        self._slots["tone"] = "hardship"
        await self._dialogue.set_slots({"tone": "hardship"})
        self._recorder.event("tone_switch", {"tone": "hardship"})

    async def _rejects_verification(
        self, reply: DialogueReply, understanding: Understanding, decision: Decision, text: str
    ) -> bool:
        """Second, deterministic check before the dialogue may unlock the account.

        The model's ``verified`` slot is accepted only when this very turn was a confident
        identity confirmation, its words confirm it (:func:`confirms_identity`: a mumble
        the recogniser turned into noise does not), the caller gave no other name for
        themself ("Yes, this is Alex speaking" to "Am I speaking with Tyrone Davis?") and
        the policy heard no sign of a third or wrong party.
        Otherwise the dialogue's slot is reset, and the guard keeps blocking every debt
        detail (its lines are replaced, never spoken).
        """
        if self._state.verified or not _truthy(reply.slots.get("verified")):
            return False
        confident = (
            understanding.intent in VERIFYING_INTENTS
            and (understanding.confidence or 0.0) >= VERIFY_MIN_CONFIDENCE
        )
        name = str(self._setup.slots.get("debtor_name") or "")
        names = [name, *name.split()]
        worded = confirms_identity(text, self._setup.locale, names)
        other_name = names_someone_else(text, self._setup.locale, names)
        if confident and worded and other_name is None and not self._third_party:
            return False
        self._recorder.event(
            "verification_rejected",
            {
                "intent": understanding.intent,
                "confidence": understanding.confidence,
                "worded": worded,
                "reasons": list(decision.reasons),
                **({"other_name": other_name} if other_name else {}),
            },
        )
        await self._dialogue.set_slots({"verified": False})
        return True

    def _absorb(self, reply: DialogueReply) -> None:
        self._slots.update(reply.slots)
        if _truthy(reply.slots.get("verified")) and not self._state.verified:
            self._advance("verified")

    async def _hand_over(self, reasons: tuple[str, ...], *, announce: bool = True) -> None:
        self._advance("handoff", reasons)
        self._recorder.event("escalation", {"reasons": list(reasons)})
        if announce:
            # The most serious reason's acknowledgement only, then the announcement.
            preambles = [resp for tag, resp in HANDOFF_PREAMBLES if tag in reasons][:1]
            for name in [*preambles, HANDOFF_RESPONSE]:
                text = self._dialogue.render(name, self._render_slots())
                await self._say(text, uninterruptible=True)
        joined = await self._voice.hold(self._setup.hold_seconds)
        self._advance("supervisor_joined" if joined else "hold_expired")
        if joined:
            # The person now talks to the supervisor; the bot says nothing more and ends
            # the call when the supervisor hands the line back (or someone hangs up).
            await self._voice.supervised()
        else:
            await self._say(self._dialogue.render(HOLD_OVER_RESPONSE, self._render_slots()))
        await self._finish_closing(say=False)

    async def _close(self, reasons: tuple[str, ...]) -> None:
        self._advance("end_call", reasons)
        await self._finish_closing(reasons=reasons)

    async def _finish_closing(self, *, say: bool = True, reasons: tuple[str, ...] = ()) -> None:
        if say:
            name = next(
                (
                    resp
                    for tag, resp in CLOSING_RESPONSES
                    if tag in (reasons or self._state.reasons)
                ),
                DEFAULT_CLOSE,
            )
            await self._say(self._dialogue.render(name, self._render_slots()), uninterruptible=True)
        if self._state.phase != "ended":
            self._advance("closed")

    def _render_slots(self) -> dict[str, str]:
        return {k: _slot_text(v) or "" for k, v in self._slots.items()}


def _truthy(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _slot_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _signal(reply: DialogueReply) -> str | None:
    for payload in reply.signals:
        kind = payload.get("kindcall")
        if kind in ("handoff", "end_call"):
            return str(kind)
    return None


def _signal_reasons(reply: DialogueReply, default: str) -> tuple[str, ...]:
    for payload in reply.signals:
        reason = payload.get("reason")
        if isinstance(reason, str) and reason:
            return (reason,)
    return (default,)
