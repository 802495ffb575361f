"""Every response the orchestrator says on its own exists in every locale and tier/tone."""

from __future__ import annotations

import pytest

from bot.calls.conversation import (
    CLOSING_RESPONSES,
    DEFAULT_CLOSE,
    HANDOFF_PREAMBLES,
    HANDOFF_RESPONSE,
    HOLD_OVER_RESPONSE,
    STILL_THERE_RESPONSE,
)
from bot.calls.rasa_dialogue import render_response
from bot.errors import DialogueError

NAMES = sorted(
    {
        *(name for _, name in CLOSING_RESPONSES),
        *(name for _, name in HANDOFF_PREAMBLES),
        DEFAULT_CLOSE,
        HANDOFF_RESPONSE,
        HOLD_OVER_RESPONSE,
        STILL_THERE_RESPONSE,
    }
)


@pytest.mark.parametrize("locale", ["en", "zh"])
@pytest.mark.parametrize("name", NAMES)
def test_renders_for_every_tier_and_tone(locale: str, name: str) -> None:
    for tier in "12345":
        for tone in ("standard", "hardship"):
            text = render_response(locale, name, {"tier": tier, "tone": tone})
            assert text.strip()
            assert "{" not in text


def test_unknown_response_names_itself() -> None:
    with pytest.raises(DialogueError, match="response 'utter_nope' is not defined for locale 'en'"):
        render_response("en", "utter_nope", {})
