from __future__ import annotations

from bot.calls.conversation import GREET_INTENT, CallSetup, Conversation
from bot.calls.ports import DialogueReply, Heard, Understanding
from tests.bot.calls.fakes import ListRecorder, ScriptedDialogue, ScriptedVoice

SETUP = CallSetup(
    call_id="c1",
    locale="en",
    tier=3,
    slots={"debtor_name": "Ann Lee", "amount_due": "350 dollars"},
    disclosed_terms=("350 dollars",),
    listen_timeout_s=1.0,
    hold_seconds=2.0,
)


async def run(script: list[str | None], **dialogue_kw: object):  # type: ignore[no-untyped-def]
    dialogue = ScriptedDialogue(**dialogue_kw)  # type: ignore[arg-type]
    voice = ScriptedVoice(script)
    recorder = ListRecorder()
    result = await Conversation(SETUP, dialogue, voice, recorder).run()
    return result, dialogue, voice, recorder


async def test_cooperative_call_records_a_promise() -> None:
    result, dialogue, voice, recorder = await run(
        ["yes speaking", "i can pay a hundred on friday", None, None, None]
    )
    assert result.outcome.kind == "promise_to_pay"
    assert str(result.outcome.promised_amount) == "100"
    assert voice.said[:3] == [
        "This call is recorded.",
        "Am I speaking with Ann Lee?",
        "Thanks. You owe 350 dollars.",
    ]
    assert voice.hung_up is True
    assert [t.speaker for t in result.turns[:4]] == ["bot", "bot", "callee", "bot"]
    assert result.turns[2].policy_action == "continue"
    assert "call_outcome" in recorder.kinds()


async def test_distress_hands_over_before_the_dialogue_hears_it() -> None:
    result, dialogue, voice, recorder = await run(
        ["yes speaking", "i cant cope anymore i just want to die"]
    )
    assert result.outcome.kind == "handoff"
    assert result.outcome.handoff is True
    assert "self_harm" in result.outcome.reasons or "distress" in result.outcome.reasons
    # the dialogue never saw the distressed turn
    assert dialogue.replies_seen == ["yes speaking"]
    assert voice.said[-3:] == [
        "<utter_self_harm_support>",
        "<utter_handoff>",
        "<utter_handoff_callback>",
    ]
    assert "escalation" in recorder.kinds()


async def test_wrong_party_ends_without_disclosure() -> None:
    result, dialogue, voice, _ = await run(["sorry wrong number there is no ann here"])
    assert result.outcome.kind == "wrong_party"
    assert not any("350" in line for line in voice.said)
    assert voice.said[-1] == "<utter_wrong_person_close>"


async def test_hardship_switches_tone_before_the_reply() -> None:
    result, dialogue, voice, _ = await run(
        ["yes speaking", "i lost my job last month and i have no income", None, None, None]
    )
    assert dialogue.slot_updates == [{"tone": "hardship"}]
    assert "[hardship] I understand." in voice.said
    assert result.outcome.kind == "hardship"


async def test_guard_blocks_amount_before_verification() -> None:
    result, _, voice, recorder = await run(
        ["sorry can you say that again", None, None, None], leak_before_verification=True
    )
    assert not any("350" in line for line in voice.said)
    blocks = [p for k, p in recorder.events if k == "guard_block"]
    assert blocks and blocks[0]["original"] == "Your balance is 350 dollars."
    assert any(t.blocked for t in result.turns)


async def test_silence_closes_after_three_silent_turns() -> None:
    result, _, voice, _ = await run([None, None, None])
    assert result.outcome.kind == "no_outcome"
    assert "silence" in result.state.reasons
    assert voice.said[-3:] == ["<utter_still_there>", "<utter_still_there>", "<utter_goodbye>"]


async def test_caller_hang_up_ends_the_call_at_once() -> None:
    dialogue = ScriptedDialogue()
    voice = ScriptedVoice(["yes speaking"], caller_hangs_up=True)
    recorder = ListRecorder()
    result = await Conversation(SETUP, dialogue, voice, recorder).run()
    assert result.state.phase == "ended"
    assert result.outcome.kind == "no_outcome"
    assert voice.said[-1] == "Thanks. You owe 350 dollars."
    assert ("call_phase", {"from": "conversing", "to": "ended", "event": "hung_up"}) in (
        recorder.events
    )


async def test_weak_identity_reading_does_not_unlock_the_account() -> None:
    result, dialogue, voice, recorder = await run(["could you repeat that", None, None, None])
    assert not any("350" in line for line in voice.said)
    assert result.state.verified is False
    assert {"verified": False} in dialogue.slot_updates
    rejected = [p for k, p in recorder.events if k == "verification_rejected"]
    assert rejected == [
        {"intent": "identity_confirm", "confidence": 0.4, "worded": False, "reasons": []}
    ]


class _MumbleReadAsYes(ScriptedDialogue):
    """The model reads a recogniser's noise as a confident yes (seen with 语语 → affirm 0.94)."""

    async def understand(self, text: str) -> Understanding:
        if text == "the the uh":
            return Understanding("affirm", 0.94)
        return await super().understand(text)

    async def answer(self, text: str) -> DialogueReply:
        if text == "the the uh":
            self.slots["verified"] = True
            return DialogueReply((f"Thanks. You owe {self.amount}.",), slots=dict(self.slots))
        return await super().answer(text)


async def test_a_confident_yes_without_any_yes_word_does_not_unlock_the_account() -> None:
    dialogue = _MumbleReadAsYes()
    voice = ScriptedVoice(["the the uh", None, None, None])
    recorder = ListRecorder()
    result = await Conversation(SETUP, dialogue, voice, recorder).run()
    assert result.state.verified is False
    assert not any("350" in line for line in voice.said)
    rejected = [p for k, p in recorder.events if k == "verification_rejected"]
    assert rejected == [{"intent": "affirm", "confidence": 0.94, "worded": False, "reasons": []}]


class _ReadsIntent(ScriptedDialogue):
    """The model reads meaning the words alone do not carry for the policy.

    The texts are deliberately empty of any phrase a lexicon could ever hold, so only the
    intent can change the decision.
    """

    readings: dict[str, Understanding] = {
        "you know what i mean": Understanding("request_human", 0.97),
        "as we went over": Understanding("hardship_general", 0.95),
    }

    async def understand(self, text: str) -> Understanding:
        return self.readings.get(text) or await super().understand(text)

    async def answer(self, text: str) -> DialogueReply:
        if text in self.readings:
            return DialogueReply((f"[{self.slots.get('tone')}] Noted: {text}.",), dict(self.slots))
        return await super().answer(text)


async def test_an_intent_that_hands_over_undoes_the_dialogues_unspoken_answer() -> None:
    dialogue = _ReadsIntent()
    voice = ScriptedVoice(["yes speaking", "you know what i mean"])
    recorder = ListRecorder()
    result = await Conversation(SETUP, dialogue, voice, recorder).run()
    assert result.outcome.handoff is True
    assert "request_human" in result.outcome.reasons
    assert not any("Noted" in line for line in voice.said)
    assert dialogue.undone == ["you know what i mean"]
    assert dialogue.replies_seen == ["yes speaking"]
    assert ("dialogue_undone", {"action": "handoff"}) in recorder.events
    assert [t.intent for t in result.turns if t.text == "you know what i mean"] == ["request_human"]


async def test_an_intent_that_switches_the_tone_keeps_the_answer_and_the_tone_holds() -> None:
    dialogue = _ReadsIntent()
    voice = ScriptedVoice(["yes speaking", "as we went over", "i see", None, None, None])
    recorder = ListRecorder()
    result = await Conversation(SETUP, dialogue, voice, recorder).run()
    assert dialogue.slot_updates == [{"tone": "hardship"}]
    assert dialogue.undone == []
    assert dialogue.replies_seen == ["yes speaking", "as we went over", "i see"]
    # this turn's answer is the engine's own answer to its hardship intent; the next is soft
    assert "[standard] Noted: as we went over." in voice.said
    assert "[hardship] I understand." in voice.said
    assert result.outcome.kind == "hardship"


async def test_a_turn_that_continues_reaches_the_dialogue_once() -> None:
    result, dialogue, voice, recorder = await run(
        ["yes speaking", "i can pay a hundred on friday", None, None, None]
    )
    assert dialogue.replies_seen == ["yes speaking", "i can pay a hundred on friday"]
    assert dialogue.undone == []
    assert "dialogue_undone" not in recorder.kinds()


async def test_a_yes_with_another_persons_name_does_not_unlock_the_account() -> None:
    result, _, voice, recorder = await run(["yes this is Alex speaking", None, None, None])
    assert result.state.verified is False
    assert not any("350" in line for line in voice.said)
    rejected = [p for k, p in recorder.events if k == "verification_rejected"]
    assert rejected and rejected[0]["other_name"] == "Alex"


class _AnswersOverTheNotice(ScriptedVoice):
    """The caller's first words were spoken while the uninterruptible notice still played."""

    async def listen(self, timeout_s: float) -> Heard | None:
        if self.said and self.script and self.script[0] == "yes speaking":
            self.script.pop(0)
            spoken_at = self.clock - 400  # over the end of the identity question
            self.clock += 250  # the recogniser's final arrives 250 ms after the bot's line
            return Heard("yes speaking", 0.9, spoken_at - 600, spoken_at)
        return await super().listen(timeout_s)


async def test_latency_of_a_turn_said_over_the_bot_counts_from_the_end_of_its_line() -> None:
    voice = _AnswersOverTheNotice(["yes speaking", "i can pay a hundred on friday", None, None])
    result = await Conversation(SETUP, ScriptedDialogue(), voice, ListRecorder()).run()
    # The caller could not expect a reply before the bot finished its own question: 250 ms,
    # not the 650 ms since the caller's words ended under it.
    assert result.latencies_ms[0] == 250
    # A turn heard after the bot's line counts from the end of the caller's speech.
    assert result.latencies_ms[1] == 0


class _ReadsAgainstTheWords(ScriptedDialogue):
    """The model reads a turn against what its words say (garbled speech, two things said)."""

    readings: dict[str, Understanding] = {
        "i can pay a hundred on friday sorry can you say that again": Understanding(
            "ask_repeat", 0.81
        ),
        "i lost my job last month and i cant pay right now": Understanding("already_paid", 0.7),
        "i lost my job and i need more time": Understanding("request_extension", 0.9),
    }

    async def understand(self, text: str) -> Understanding:
        return self.readings.get(text) or await super().understand(text)

    async def reply(self, text: str) -> DialogueReply:
        if self.readings.get(text, Understanding(None, None)).intent == "already_paid":
            self._before.append(dict(self.slots))
            self.replies_seen.append(text)
            line = "Thanks, I have noted your payment."
            return DialogueReply((line,), "already_paid", 0.7, dict(self.slots))
        return await super().reply(text)


async def _run_with(dialogue: ScriptedDialogue, script: list[str | None]):  # type: ignore[no-untyped-def]
    voice = ScriptedVoice(script)
    recorder = ListRecorder()
    result = await Conversation(SETUP, dialogue, voice, recorder).run()
    return result, voice, recorder


async def test_a_promise_read_as_a_request_to_repeat_is_still_recorded() -> None:
    dialogue = _ReadsAgainstTheWords()
    turn = "i can pay a hundred on friday sorry can you say that again"
    result, voice, recorder = await _run_with(dialogue, ["yes speaking", turn, None, None, None])
    assert dialogue.undone == []
    assert dialogue.replies_seen == ["yes speaking", f"/promise_to_pay: {turn}"]
    assert ("dialogue_steered", {"read": "ask_repeat", "answered_as": "promise_to_pay"}) in (
        recorder.events
    )
    assert result.outcome.kind == "promise_to_pay"
    assert str(result.outcome.promised_amount) == "100"
    # the turn's evidence keeps the model's own reading
    assert [t.intent for t in result.turns if t.text == turn] == ["ask_repeat"]


async def test_a_hardship_read_as_already_paid_is_answered_as_hardship() -> None:
    dialogue = _ReadsAgainstTheWords()
    turn = "i lost my job last month and i cant pay right now"
    result, voice, recorder = await _run_with(dialogue, ["yes speaking", turn, None, None, None])
    assert "Thanks, I have noted your payment." not in voice.said
    assert dialogue.replies_seen == ["yes speaking", f"/hardship_general: {turn}"]
    assert {"tone": "hardship"} in dialogue.slot_updates
    assert ("dialogue_steered", {"read": "already_paid", "answered_as": "hardship_general"}) in (
        recorder.events
    )


async def test_a_reading_that_agrees_with_the_words_stands() -> None:
    dialogue = _ReadsAgainstTheWords()
    turn = "i lost my job and i need more time"
    result, voice, recorder = await _run_with(dialogue, ["yes speaking", turn, None, None, None])
    assert dialogue.undone == []
    assert "dialogue_steered" not in recorder.kinds()


async def test_nothing_is_steered_before_the_caller_is_verified() -> None:
    dialogue = _ReadsAgainstTheWords()
    turn = "i lost my job last month and i cant pay right now"
    result, voice, recorder = await _run_with(dialogue, [turn, None, None, None])
    assert dialogue.undone == []
    assert "dialogue_steered" not in recorder.kinds()
    assert not any("350" in line for line in voice.said)


class _ClosesAsWrongParty(ScriptedDialogue):
    """The model reads a verified caller's misheard refusal as wrong_person (0.33) and its
    rules close the call as a wrong party (seen in the zh demo: 不还 heard as 不喊)."""

    async def understand(self, text: str) -> Understanding:
        if "about that thing" in text:
            return Understanding("wrong_person", 0.33)
        return await super().understand(text)

    async def answer(self, text: str) -> DialogueReply:
        if "about that thing" in text:
            signal = {"kindcall": "end_call", "reason": "wrong_party"}
            return DialogueReply(
                ("Sorry, wrong number.",), slots=dict(self.slots), signals=(signal,)
            )
        return await super().answer(text)


async def test_a_verified_call_the_dialogue_alone_closes_as_a_wrong_party_goes_to_a_person() -> (
    None
):
    dialogue = _ClosesAsWrongParty()
    turn = "hmm about that thing"
    result, voice, recorder = await _run_with(dialogue, ["yes speaking", turn])
    assert "Sorry, wrong number." not in voice.said
    assert dialogue.undone == [turn]
    assert result.outcome.kind == "handoff"
    assert "party_unclear" in result.outcome.reasons
    assert "<utter_handoff>" in voice.said


async def test_before_verification_the_dialogues_wrong_party_close_stands() -> None:
    dialogue = _ClosesAsWrongParty()
    result, voice, recorder = await _run_with(dialogue, ["hmm about that thing"])
    assert "Sorry, wrong number." in voice.said
    assert result.outcome.kind == "wrong_party"


class _Greets(ScriptedDialogue):
    """Reads "hello" as a greeting and answers it by asking who it is speaking with again."""

    async def understand(self, text: str) -> Understanding:
        if text.strip(" ?.!").lower() == "hello":
            return Understanding(GREET_INTENT, 0.97)
        return await super().understand(text)

    async def answer(self, text: str) -> DialogueReply:
        if text.strip(" ?.!").lower() == "hello":
            return DialogueReply(("Am I speaking with Ann Lee?",), slots=dict(self.slots))
        return await super().answer(text)


class _SaysFirstOverTheNotice(ScriptedVoice):
    """The caller's first turn was said (and ended) while the recording notice played."""

    async def listen(self, timeout_s: float) -> Heard | None:
        if len(self.said) == 2 and self.script and not getattr(self, "_first_done", False):
            self._first_done = True
            text = self.script.pop(0)
            assert text is not None
            return Heard(text, 0.9, 20, 80)  # the notice played from 0 to 320 ms
        return await super().listen(timeout_s)


async def _opening_run(voice: ScriptedVoice):  # type: ignore[no-untyped-def]
    dialogue = _Greets()
    recorder = ListRecorder()
    result = await Conversation(SETUP, dialogue, voice, recorder).run()
    return result, dialogue, voice, recorder


async def test_a_hello_over_the_notice_is_kept_but_the_question_is_not_asked_twice() -> None:
    voice = _SaysFirstOverTheNotice(["Hello?", "yes speaking", "i can pay a hundred on friday"])
    result, dialogue, voice, recorder = await _opening_run(voice)
    assert voice.said[:3] == [
        "This call is recorded.",
        "Am I speaking with Ann Lee?",
        "Thanks. You owe 350 dollars.",
    ]
    assert dialogue.replies_seen[0] == "yes speaking"  # the dialogue never answered the hello
    greeting = result.turns[2]
    assert (greeting.speaker, greeting.text, greeting.intent) == ("callee", "Hello?", "greet")
    assert greeting.policy_action == "continue"
    assert ("greeting_before_question", {"turn": "Hello?"}) in recorder.events
    assert result.outcome.kind == "promise_to_pay"


async def test_a_hello_after_the_question_is_answered() -> None:
    result, dialogue, voice, _ = await _opening_run(ScriptedVoice(["Hello?", "yes speaking"]))
    assert voice.said[:3] == [
        "This call is recorded.",
        "Am I speaking with Ann Lee?",
        "Am I speaking with Ann Lee?",
    ]
    assert dialogue.replies_seen[:2] == ["Hello?", "yes speaking"]


async def test_what_is_not_a_greeting_over_the_notice_is_heard_in_full() -> None:
    voice = _SaysFirstOverTheNotice(["stop calling me"])
    result, _, voice, _ = await _opening_run(voice)
    assert result.outcome.kind == "cease"
    voice = _SaysFirstOverTheNotice(["hello i just want to die"])
    result, _, voice, _ = await _opening_run(voice)
    assert result.outcome.handoff is True
    assert {"self_harm", "distress"} & set(result.outcome.reasons)
