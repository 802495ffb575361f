"""Frames and processors for one call, pipecat style: system frames overtake data frames."""

from voice.pipeline.barge_in import BargeIn
from voice.pipeline.frames import (
    AudioFrame,
    BotStartedSpeakingFrame,
    BotStoppedSpeakingFrame,
    DataFrame,
    DisclosureFrame,
    EndFrame,
    Frame,
    HandoffFrame,
    HangupFrame,
    InterruptionFrame,
    SpeechFrame,
    SystemFrame,
    TextFrame,
    TranscriptionFrame,
    UninterruptibleFrame,
    UserStartedSpeakingFrame,
    UserStoppedSpeakingFrame,
)
from voice.pipeline.output import AudioOutput, AudioSink
from voice.pipeline.pipeline import Pipeline
from voice.pipeline.processor import FrameProcessor
from voice.pipeline.queue import FrameDirection, FrameQueue

__all__ = [
    "AudioFrame",
    "AudioOutput",
    "AudioSink",
    "BargeIn",
    "BotStartedSpeakingFrame",
    "BotStoppedSpeakingFrame",
    "DataFrame",
    "DisclosureFrame",
    "EndFrame",
    "Frame",
    "FrameDirection",
    "FrameProcessor",
    "FrameQueue",
    "HandoffFrame",
    "HangupFrame",
    "InterruptionFrame",
    "Pipeline",
    "SpeechFrame",
    "SystemFrame",
    "TextFrame",
    "TranscriptionFrame",
    "UninterruptibleFrame",
    "UserStartedSpeakingFrame",
    "UserStoppedSpeakingFrame",
]
