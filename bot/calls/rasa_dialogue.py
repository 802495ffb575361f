"""The :class:`bot.calls.ports.Dialogue` port over a running Rasa server.

One instance per call: the call id is the Rasa sender id. Named responses that the
orchestrator says on its own (handoff announcement, closings) are rendered locally from
``scripts_library/`` with the same variation rule Rasa uses, so a line never depends on a
model's prediction when the policy has already decided.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot import paths
from bot.calls.ports import DialogueReply, Understanding
from bot.dialogue.client import RasaClient, Turn
from bot.dialogue.lint import project_root
from bot.dialogue.project import Response, load_responses
from bot.dialogue.responses import fill, selectable_variations
from bot.errors import DialogueError

_RESPONSES: dict[tuple[Path, str], Mapping[str, Response]] = {}


def load_library(locale: str, library: Path | None = None) -> Mapping[str, Response]:
    """The responses of ``locale`` (cached per process: they do not change during a run)."""
    library = library or paths.scripts_library_dir()
    key = (library, locale)
    if key not in _RESPONSES:
        _RESPONSES[key] = load_responses(library, locale, project_root(library, library))
    return _RESPONSES[key]


def render_response(
    locale: str, name: str, slots: Mapping[str, str], *, library: Path | None = None
) -> str:
    """Render response ``name`` for ``slots`` (``tier`` and ``tone`` pick the variation).

    The first selectable variation is taken, so the same call state always gives the same
    line (and the same TTS cache entry).

    Raises:
        DialogueError: When the response does not exist or a placeholder has no value.
    """
    responses = load_library(locale, library)
    response = responses.get(name)
    if response is None:
        raise DialogueError(f"response {name!r} is not defined for locale {locale!r}")
    for variation in selectable_variations(response, slots):
        text = fill(variation.text, slots)
        if text is not None:
            return text
    raise DialogueError(f"response {name!r} ({locale}) needs a slot that has no value: {slots}")


class RasaDialogue:
    """One call's conversation with Rasa."""

    def __init__(self, client: RasaClient, call_id: str, locale: str) -> None:
        self._client = client
        self._call_id = call_id
        self._locale = locale

    async def open(self, slots: Mapping[str, str]) -> DialogueReply:
        """Set the account slots and play the opening (recording notice, identity question)."""
        return _reply(await self._client.start_call(self._call_id, slots))

    async def understand(self, text: str) -> Understanding:
        """Classify ``text`` with the model, leaving the conversation as it is."""
        view = await self._client.parse(text)
        return Understanding(view.intent, view.confidence)

    async def reply(self, text: str) -> DialogueReply:
        """Send one caller turn."""
        return _reply(await self._client.turn(self._call_id, text))

    async def reply_as(self, intent: str, text: str) -> DialogueReply:
        """Send one caller turn as ``intent`` (Rasa's ``/intent{entities}`` message).

        The caller's words go along as the ``amount`` and ``date`` entities: the actions
        read a "/intent" message's own text as empty (:func:`bot.actions.base.latest_text`)
        and parse amounts and dates from the entity values instead. No slot is filled from
        an entity directly (every slot mapping is custom), so nothing else changes.
        """
        words = " ".join(text.split())  # one line: Rasa's pattern stops at a line break
        entities = json.dumps({"amount": words, "date": words}, ensure_ascii=False)
        return _reply(await self._client.turn(self._call_id, f"/{intent}{entities}"))

    async def undo(self) -> None:
        """Revert the last caller turn (Rasa's ``rewind`` event) and what followed it."""
        await self._client.rewind(self._call_id)

    async def set_slots(self, slots: Mapping[str, Any]) -> None:
        """Set slots from outside (the policy's tone switch)."""
        await self._client.set_slots(self._call_id, slots)

    def render(self, response: str, slots: Mapping[str, str]) -> str:
        """Render a named response locally."""
        return render_response(self._locale, response, slots)


def _reply(turn: Turn) -> DialogueReply:
    signals: tuple[Mapping[str, Any], ...] = tuple(
        m.custom for m in turn.bot if m.custom is not None
    )
    return DialogueReply(
        lines=tuple(turn.texts),
        intent=turn.tracker.intent,
        confidence=turn.tracker.confidence,
        slots=dict(turn.tracker.slots),
        signals=signals,
    )
