from __future__ import annotations

import pytest

from bot.policy import CallContext, Decision, PastTurn, Turn, decide
from bot.policy.model import Locale


def run(text: str, locale: Locale = "en", **kwargs: object) -> Decision:
    context = kwargs.pop("context", CallContext())
    assert isinstance(context, CallContext)
    return decide(Turn(text, locale, **kwargs), context)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("I'm not going to hurt myself", "en"),
        ("i would never do anything to hurt myself", "en"),
        ("this traffic is killing me", "en"),
        ("I could kill for a coffee", "en"),
        ("I almost died laughing", "en"),
        ("我不会想不开的", "zh"),
        ("堵车堵得我要死了", "zh"),
        ("笑死我了", "zh"),
        ("累死了", "zh"),
        ("我從來沒有想過自殺", "zh"),
    ],
)
def test_negations_and_idioms_do_not_escalate(text: str, locale: Locale) -> None:
    decision = run(text, locale)
    assert decision.action == "continue"
    assert decision.reasons == ()
    assert {e.note for e in decision.evidence} <= {"negated", "idiom"}


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("I want to die", "en"),
        ("I'm going to kill myself", "en"),
        ("i dont know i just want to die", "en"),
        ("im not gonna lie i want to end it all", "en"),
        ("不想活了", "zh"),
        ("活着没意思", "zh"),
        ("想结束这一切", "zh"),
        ("不是开玩笑我想死", "zh"),
        ("我不想活了", "zh"),
    ],
)
def test_real_signals_hand_over(text: str, locale: Locale) -> None:
    decision = run(text, locale)
    assert decision.action == "handoff"
    assert decision.reasons[0] == "self_harm"
    assert decision.tone == "hardship"


def test_mixed_signal_keeps_both_tags_and_hands_over() -> None:
    decision = run("I lost my job and honestly I don't want to live")
    assert decision.action == "handoff"
    assert decision.reasons == ("self_harm", "hardship")
    assert [e.matched for e in decision.evidence] == ["do not want to live", "lost my job"]


def test_to_json_has_exactly_the_contract_keys() -> None:
    payload = run("stop calling me").to_json()
    assert payload == {
        "action": "end_call",
        "reasons": ["cease_request"],
        "tone": "standard",
        "evidence": [
            {
                "detector": "cease_request",
                "matched": "stop calling me",
                "score": 1.0,
                "source": "lexicon",
                "note": "",
            }
        ],
    }


def test_precedence_self_harm_beats_cease_beats_abuse() -> None:
    assert run("stop calling me you idiots").action == "end_call"
    assert run("stop calling me you idiots").reasons == ("cease_request", "abuse")
    both = run("stop calling me, I want to die anyway")
    assert both.action == "handoff"
    assert both.reasons == ("self_harm", "cease_request")


def test_hardship_switches_tone_and_informational_tags_ride_along() -> None:
    decision = run("I lost my job but I can pay twenty dollars on friday")
    assert decision.action == "hardship"
    assert decision.tone == "hardship"
    assert decision.reasons == ("hardship", "promise_to_pay")
    promise = run("I'll pay the rest next week")
    assert (promise.action, promise.reasons, promise.tone) == (
        "continue",
        ("promise_to_pay",),
        "standard",
    )


def test_tone_stays_hardship_once_switched() -> None:
    context = CallContext(tone="hardship")
    assert run("okay", context=context).tone == "hardship"


def test_confident_greet_intent_never_suppresses_self_harm() -> None:
    decision = run("hi I want to die", intent="greet", intent_confidence=0.99)
    assert decision.action == "handoff"
    assert decision.reasons == ("self_harm",)


def test_intent_adds_evidence_alone_and_combines_with_weak_words() -> None:
    decision = run("i dunno", intent="cease_contact", intent_confidence=0.9)
    assert decision.action == "end_call"
    assert decision.evidence[0].source == "intent"
    assert decision.evidence[0].score == pytest.approx(0.675)
    weak = run("i dunno", intent="cease_contact", intent_confidence=0.6)
    assert weak.action == "continue"  # 0.45 < 0.5: not enough alone
    unsure = run("i dunno", intent="self_harm", intent_confidence=0.4)
    assert unsure.action == "continue"  # below intents.yml min_confidence


def test_low_asr_confidence_asks_again_instead_of_ending() -> None:
    decision = run("stop calling me", asr_confidence=0.3)
    assert decision.action == "continue"
    assert decision.reasons == ("clarify",)
    assert decision.evidence[-1].note == "low_asr_confidence"


def test_low_asr_confidence_never_suppresses_self_harm() -> None:
    decision = run("i want to die stop calling", asr_confidence=0.1)
    assert decision.action == "handoff"
    assert decision.reasons == ("self_harm", "clarify")


def test_second_soft_refusal_hands_over() -> None:
    first = run("not interested")
    assert (first.action, first.reasons) == ("continue", ("soft_refusal",))
    history = (PastTurn.from_decision(Turn("not interested", "en"), first),)
    second = run("no thanks", context=CallContext(history=history))
    assert second.action == "handoff"
    assert second.reasons == ("refusal", "repeated_refusal", "soft_refusal")


def test_tier_one_hands_over_on_first_friction() -> None:
    decision = run("not interested", context=CallContext(tier=1))
    assert decision.action == "handoff"
    assert decision.reasons == ("friction", "soft_refusal")
    assert run("not interested", context=CallContext(tier=4)).action == "continue"


def test_rising_anger_from_frustration_in_consecutive_turns() -> None:
    history = (PastTurn("this is ridiculous", ("frustration",)),)
    decision = run("how many times do I have to say it", context=CallContext(history=history))
    assert decision.action == "handoff"
    assert decision.reasons == ("rising_anger", "frustration")


def test_rising_anger_from_loudness() -> None:
    history = (PastTurn("what", loudness_db=-30.0), PastTurn("what now", loudness_db=-26.0))
    decision = run("what do you want", loudness_db=-20.0, context=CallContext(history=history))
    assert decision.action == "handoff"
    assert decision.reasons == ("rising_anger",)
    assert decision.evidence[0].matched == "loudness +10.0 dB"
    calm = run("what do you want", loudness_db=-27.0, context=CallContext(history=history))
    assert calm.action == "continue"


def test_repeated_silence_after_hardship_hands_over() -> None:
    said = Turn("I lost my job", "en")
    history: tuple[PastTurn, ...] = (PastTurn.from_decision(said, decide(said, CallContext())),)
    first = run("", context=CallContext(history=history))
    assert (first.action, first.reasons) == ("continue", ("silence",))
    history += (PastTurn.from_decision(Turn("", "en"), first),)
    second = run("  ", context=CallContext(tone="hardship", history=history))
    assert second.action == "handoff"
    assert second.reasons == ("distress", "silence_after_hardship", "silence")


def test_silence_without_hardship_just_continues() -> None:
    history = (PastTurn(""), PastTurn(""))
    assert run("", context=CallContext(history=history)).reasons == ("silence",)


def test_traditional_and_full_width_chinese_are_normalised() -> None:
    decision = run("我真的不想活了ＯＫ？", "zh")
    assert decision.reasons == ("self_harm",)
    assert run("別再給我打電話了", "zh").reasons == ("cease_request",)


def test_invalid_inputs_name_the_value() -> None:
    with pytest.raises(ValueError, match='Unknown locale "fr"'):
        Turn("bonjour", "fr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="asr_confidence must be within 0..1, got 1.5"):
        Turn("hi", "en", asr_confidence=1.5)
    with pytest.raises(ValueError, match="tier must be within 1..5, got 9"):
        CallContext(tier=9)


def test_negated_phrases_count_only_under_negation() -> None:
    decision = run("honestly i dont think i can keep living like this")
    assert decision.reasons == ("self_harm",)
    assert decision.evidence[0].matched == "not … keep living"
    assert run("i want to keep living my best life").action == "continue"


def test_idioms_cover_gaps_with_negation_words() -> None:
    decision = run("我手机快没电了要死了快点说", "zh")
    assert decision.action == "continue"
    assert [e.note for e in decision.evidence] == ["idiom"]


def test_a_gap_never_skips_a_negation_cue() -> None:
    assert run("这钱我不会还的", "zh").reasons == ("refusal",)
    assert run("i will not pay").reasons == ("refusal",)


def test_question_forms_are_not_negation() -> None:
    # "要不" (how about) and "是不是" contain 不 but negate nothing
    assert run("要不我死了算了", "zh").reasons == ("self_harm",)
    assert run("我是不是不想活了", "zh").reasons == ("self_harm",)


def test_possessive_s_reads_as_is() -> None:
    assert run("my dad's not here right now").reasons == ("third_party",)


def test_double_negation_does_not_fire_a_negated_phrase() -> None:
    assert run("我不是不想活下去", "zh").action == "continue"
    assert run("我不想再这样活下去了", "zh").reasons == ("self_harm",)


def test_staccato_punctuation_is_joined_but_a_lone_cue_stays_apart() -> None:
    assert run("Stop. Calling. Me.").reasons == ("cease_request",)
    assert run("别。再。打。了。", "zh").reasons == ("cease_request",)
    assert run("不，我想死", "zh").reasons == ("self_harm",)
    assert run("not. i want to die").reasons == ("self_harm",)


@pytest.mark.parametrize("text", ["我特别想死", "我真的特别不想活了", "别人都不要我了我想死"])
def test_words_containing_a_cue_character_do_not_negate(text: str) -> None:
    # 特别 (especially) and 别人 (others) contain 别 (don't) but negate nothing
    assert run(text, "zh").reasons[0] == "self_harm"


def test_after_verification_a_party_only_the_model_read_goes_to_a_person() -> None:
    # seen in the zh demo: "不还，我不想谈这个" heard as 不喊 and read as wrong_person
    misheard = Turn("不喊,我不想谈这个。", "zh", intent="wrong_person", intent_confidence=0.8)
    verified = decide(misheard, CallContext(verified=True))
    assert verified.action == "handoff"
    assert "party_unclear" in verified.reasons and "wrong_party" not in verified.reasons
    # before verification the model's reading still ends the call, disclosing nothing
    assert decide(misheard, CallContext()).action == "end_call"
    # words that say it end the call whenever they come
    said = Turn("你打错了", "zh", intent="wrong_person", intent_confidence=0.8)
    assert decide(said, CallContext(verified=True)).reasons == ("wrong_party",)
    spouse = Turn("he is not home right now i am his wife", "en", intent="third_party")
    assert decide(spouse, CallContext(verified=True)).action == "end_call"
