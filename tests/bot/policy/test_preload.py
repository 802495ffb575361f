"""preload(): after it, deciding a turn and guarding a line read and compile nothing more."""

from __future__ import annotations

import pytest

from bot.policy import CallContext, GuardContext, Turn, decide, guard_line, preload
from bot.policy.guard import load_guard
from bot.policy.lexicon import load_lexicon
from bot.policy.model import Locale
from bot.policy.ngram import load_ngram_model

LOADERS = (load_lexicon, load_ngram_model, load_guard)


@pytest.mark.parametrize(("locale", "text"), [("en", "i lost my job"), ("zh", "我失业了")])
def test_after_preload_the_first_turn_and_line_load_nothing(locale: Locale, text: str) -> None:
    for loader in LOADERS:
        loader.cache_clear()  # as in a fresh call service process
    preload(locale)
    misses = [loader.cache_info().misses for loader in LOADERS]
    decision = decide(Turn(text, locale), CallContext())
    guard_line("Thank you.", GuardContext(locale=locale, verified=True))
    assert decision.action == "hardship"
    assert [loader.cache_info().misses for loader in LOADERS] == misses
