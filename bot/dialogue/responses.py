"""Every line an account could hear, known before the call (for the TTS prerender).

Rasa picks a response variation like this: among the variations whose slot conditions all
match, one at random; if none matches, a default (unconditioned) one. :func:`all_lines`
replays that rule for every value the conditioned slots can take that the caller did not fix
(``tone`` switches mid-call, so leave it out to get both tones), fills ``{placeholders}``
from ``slots`` and leaves out lines whose placeholders are not known before the call (e.g.
``{promised_amount}``): those are synthesised live.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from pathlib import Path

from bot import paths
from bot.dialogue.lint import project_root
from bot.dialogue.project import Response, Variation, load_responses

_PLACEHOLDER = re.compile(r"{([^\n{}]+?)}")
_OTHER = object()  # a slot value no condition names


def _matches(variation: Variation, state: Mapping[str, object]) -> bool:
    for condition in variation.conditions:
        value = state.get(condition.slot)
        if value is _OTHER or value is None:
            return False
        if isinstance(value, str) and isinstance(condition.value, str):
            if value.casefold() != condition.value.casefold():
                return False
        elif value != condition.value:
            return False
    return True


def selectable_variations(response: Response, slots: Mapping[str, str]) -> list[Variation]:
    """The variations Rasa could pick for an account with ``slots`` (unset ones vary)."""
    free = sorted(
        {c.slot for v in response.variations for c in v.conditions if c.slot not in slots}
    )
    choices: list[list[object]] = []
    for slot in free:
        values = {c.value for v in response.variations for c in v.conditions if c.slot == slot}
        choices.append([*sorted(values, key=str), _OTHER])
    picked: list[Variation] = []
    for combination in itertools.product(*choices):
        state: dict[str, object] = {**slots, **dict(zip(free, combination, strict=True))}
        conditional = [v for v in response.variations if v.conditions and _matches(v, state)]
        chosen = conditional or [v for v in response.variations if not v.conditions]
        picked += [v for v in chosen if v not in picked]
    return [v for v in response.variations if v in picked]


def fill(text: str, slots: Mapping[str, str]) -> str | None:
    """``text`` with ``{slot}`` placeholders filled, or ``None`` if one is unknown."""
    names = _PLACEHOLDER.findall(text)
    if any(name not in slots for name in names):
        return None
    return _PLACEHOLDER.sub(lambda m: str(slots[m.group(1)]), text)


def all_lines(locale: str, slots: Mapping[str, str], *, library: Path | None = None) -> list[str]:
    """Every text the bot could say to this account, slots filled, without duplicates.

    Args:
        locale: ``"en"`` or ``"zh"``.
        slots: The account's slots, e.g. ``{"tier": "3", "debtor_name": "Ana",
            "creditor_name": "Acme", "amount_due": "$120", "due_date": "May 3",
            "minimum_due": "$25"}``. Leave ``tone`` out to get both tones.
        library: ``scripts_library/`` (the repository's by default).
    """
    library = library or paths.scripts_library_dir()
    root = project_root(library, library)
    lines: list[str] = []
    for response in load_responses(library, locale, root).values():
        for variation in selectable_variations(response, slots):
            text = fill(variation.text, slots)
            if text is not None and text not in lines:
                lines.append(text)
    return lines
