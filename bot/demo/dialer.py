"""A dialer whose far ends are simulated callees (personas) on real WebRTC connections."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Protocol

from bot.calls.accounts import CallAccount
from voice.asr.base import ASREngine
from voice.sim import CalleeResult, Ears, Persona, run_callee
from voice.sim.shared_voice import SharedVoice
from voice.tts.base import TTSEngine

#: The personas a demo cycles through, and the outcome each must end in.
PERSONA_OUTCOMES: tuple[tuple[str, str], ...] = (
    ("cooperative_promise", "promise_to_pay"),
    ("hardship", "hardship"),
    ("distress", "handoff"),
    ("refusal", "handoff"),
    ("cease", "cease"),
    ("wrong_number", "wrong_party"),
    ("third_party", "third_party"),
    ("no_answer", "no_answer"),
)


class CalleeRunner(Protocol):
    """Plays a persona against the bot's offer endpoint (here or in another process)."""

    async def run(self, call_id: str, persona: Persona, offer_url: str) -> CalleeResult:
        """Call ``offer_url`` as ``persona``; returns how the call went."""
        ...


class LocalCallees:
    """Runs the callees on this process's event loop.

    Args:
        tts: The callees' voices per locale (each line is rendered once for all callees).
        asr: The callees' ASR per locale (needed with ``ears="whisper"`` only).
        ears: How the callees hear the bot (see :func:`voice.sim.run_callee`).
    """

    def __init__(
        self,
        tts: Mapping[str, TTSEngine],
        asr: Mapping[str, ASREngine],
        *,
        ears: Ears = "whisper",
    ) -> None:
        self._tts = {locale: SharedVoice(engine) for locale, engine in tts.items()}
        self._asr = asr
        self.ears: Ears = ears

    async def run(self, call_id: str, persona: Persona, offer_url: str) -> CalleeResult:
        """Call ``offer_url`` as ``persona`` here; returns how the call went."""
        return await run_callee(
            persona,
            offer_url,
            tts=self._tts[persona.locale],
            asr=self._asr.get(persona.locale),
            ears=self.ears,
        )


class SimulatedDialer:
    """Rings a persona per call: the persona connects to the bot's offer endpoint.

    Args:
        personas: The persona to play for each call id.
        callees: Where the personas run: :class:`LocalCallees`, or a
            ``voice.sim.process.CalleeProcess`` (the default of the demo).
        rings: Seconds a call rings before its far end answers, per call id (0 if absent):
            people do not all pick up at the same moment.
    """

    def __init__(
        self,
        personas: Mapping[str, Persona],
        callees: CalleeRunner,
        rings: Mapping[str, float] | None = None,
    ) -> None:
        self._personas = personas
        self._callees = callees
        self._rings = dict(rings or {})
        self.results: dict[str, CalleeResult] = {}

    def dial(self, call_id: str, account: CallAccount, offer_url: str) -> asyncio.Task[object]:
        """Start the persona for ``call_id``; the task ends when it is done with the call."""
        persona = self._personas[call_id]
        ring = self._rings.get(call_id, 0.0)

        async def far_end() -> object:
            if ring > 0:
                await asyncio.sleep(ring)
            result = await self._callees.run(call_id, persona, offer_url)
            self.results[call_id] = result
            return result

        return asyncio.get_running_loop().create_task(far_end(), name=f"callee-{call_id}")
