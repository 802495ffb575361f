"""Rasa custom actions, served by rasa-sdk from the app's virtual environment.

Run with ``.venv/bin/python -m rasa_sdk --actions bot.actions --port 5055`` (``kindcall rasa
up`` does it). The actions only set slots and, for hand-over and end of call, emit a custom
payload ``{"kindcall": "handoff" | "end_call", "reason": ...}``; persisting outcomes is the
orchestrator's job (it reads the slots back from the tracker).
"""

from __future__ import annotations

from bot.actions.conversation import (
    ActionNoteRefusal,
    ActionRepeatLast,
    ActionSetHardshipTone,
    ActionVerifyIdentity,
)
from bot.actions.endings import ActionEndCall, ActionHandoff
from bot.actions.promise import ActionOfferExtension, ActionRecordCallback, ActionRecordPromise

__all__ = [
    "ActionEndCall",
    "ActionHandoff",
    "ActionNoteRefusal",
    "ActionOfferExtension",
    "ActionRecordCallback",
    "ActionRecordPromise",
    "ActionRepeatLast",
    "ActionSetHardshipTone",
    "ActionVerifyIdentity",
]
