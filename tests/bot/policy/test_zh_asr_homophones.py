"""Mandarin ASR writes 再 as its homophone 在, and Northeastern speech says 再别 for 别再."""

from __future__ import annotations

import pytest

from tests.bot.policy.probe import decide_zh


@pytest.mark.parametrize(
    "text",
    [
        "以后不要在打我电话了",
        "别在给我打了行不行",
        "你们不要在联系我了",
        "不用在打了我不会接的",
        "再别给我打电话了",
        "你们再别往我这儿打了",
        "别往这个号码打了",
    ],
)
def test_a_cease_request_written_with_the_homophone_is_heard(text: str) -> None:
    decision = decide_zh(text)
    assert decision.action == "end_call"
    assert "cease_request" in decision.reasons


@pytest.mark.parametrize(
    "text",
    ["我在打工呢等会儿说", "别在意啊我下周就还", "钱我往卡里打了", "你别往心里去我会还的"],
)
def test_the_ordinary_在_and_往_stay_ordinary(text: str) -> None:
    assert "cease_request" not in decide_zh(text).reasons
