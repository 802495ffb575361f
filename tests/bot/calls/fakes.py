"""Small scripted fakes at the conversation loop's ports (dialogue, voice, recorder)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.calls.ports import DialogueReply, Heard, Spoken, TurnRecord, Understanding


@dataclass
class ScriptedDialogue:
    """Answers by keyword; records what it was asked. Amount lines need ``verified``."""

    amount: str = "350 dollars"
    slots: dict[str, Any] = field(default_factory=dict)
    replies_seen: list[str] = field(default_factory=list)
    slot_updates: list[dict[str, str]] = field(default_factory=list)
    leak_before_verification: bool = False
    undone: list[str] = field(default_factory=list)
    _before: list[dict[str, Any]] = field(default_factory=list)

    async def open(self, slots: Mapping[str, str]) -> DialogueReply:
        self.slots.update(slots)
        return DialogueReply(
            ("This call is recorded.", f"Am I speaking with {slots['debtor_name']}?"),
            slots=dict(self.slots),
        )

    async def understand(self, text: str) -> Understanding:
        if "speaking" in text:
            return Understanding("identity_confirm", 0.9)
        if "repeat" in text:
            return Understanding("identity_confirm", 0.4)  # a weak, wrong reading
        return Understanding(None, 0.9)

    async def reply(self, text: str) -> DialogueReply:
        """The answer, carrying the same reading of the turn as :meth:`understand`."""
        self._before.append(dict(self.slots))
        self.replies_seen.append(text)
        reading = await self.understand(text)
        answer = await self.answer(text)
        return DialogueReply(
            answer.lines, reading.intent, reading.confidence, answer.slots, answer.signals
        )

    async def reply_as(self, intent: str, text: str) -> DialogueReply:
        """The answer to ``text`` read as ``intent`` (logged as ``/intent: text``)."""
        self._before.append(dict(self.slots))
        self.replies_seen.append(f"/{intent}: {text}")
        answer = await self.answer(text)
        return DialogueReply(answer.lines, intent, 1.0, answer.slots, answer.signals)

    async def undo(self) -> None:
        self.undone.append(self.replies_seen.pop())
        self.slots = self._before.pop()

    async def answer(self, text: str) -> DialogueReply:
        if "speaking" in text or "repeat" in text:
            self.slots["verified"] = True
            return DialogueReply((f"Thanks. You owe {self.amount}.",), slots=dict(self.slots))
        if "pay" in text:
            self.slots.update(promised_amount="100", promised_date="2026-12-04")
            return DialogueReply(("Thank you, noted.",), slots=dict(self.slots))
        if self.leak_before_verification:
            return DialogueReply((f"Your balance is {self.amount}.",), slots=dict(self.slots))
        tone = self.slots.get("tone")
        return DialogueReply((f"[{tone}] I understand.",), slots=dict(self.slots))

    async def set_slots(self, slots: Mapping[str, Any]) -> None:
        self.slot_updates.append(dict(slots))
        self.slots.update(slots)

    def render(self, response: str, slots: Mapping[str, str]) -> str:
        return f"<{response}>"


@dataclass
class ScriptedVoice:
    """Delivers scripted caller turns (``None`` = silence) and logs what the bot said."""

    script: list[str | None]
    said: list[str] = field(default_factory=list)
    supervisor_joins: bool = False
    clock: int = 0
    hung_up: bool = False
    caller_hangs_up: bool = False

    def now_ms(self) -> int:
        return self.clock

    def is_live(self) -> bool:
        return not (self.hung_up or (self.caller_hangs_up and not self.script))

    async def say(self, text: str, *, uninterruptible: bool = False) -> Spoken:
        start = self.clock
        self.clock += 100 + 10 * len(text)
        self.said.append(text)
        return Spoken(start, self.clock, interrupted=False, cache_hit=True)

    async def listen(self, timeout_s: float) -> Heard | None:
        if not self.script:
            self.clock += int(timeout_s * 1000)
            return None
        text = self.script.pop(0)
        if text is None:
            self.clock += int(timeout_s * 1000)
            return None
        start = self.clock + 300
        self.clock = start + 1000
        return Heard(text, 0.9, start, self.clock)

    async def hold(self, seconds: float) -> bool:
        self.clock += int(seconds * 1000)
        return self.supervisor_joins

    async def supervised(self) -> None:
        self.clock += 30_000 if self.supervisor_joins else 0

    async def hang_up(self) -> None:
        self.hung_up = True


@dataclass
class ListRecorder:
    turns: list[TurnRecord] = field(default_factory=list)
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def turn(self, record: TurnRecord) -> None:
        self.turns.append(record)

    def event(self, kind: str, payload: Mapping[str, Any]) -> None:
        self.events.append((kind, dict(payload)))

    def kinds(self) -> list[str]:
        return [k for k, _ in self.events]
