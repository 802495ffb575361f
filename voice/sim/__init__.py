"""Simulated callees: personas that speak through TTS over WebRTC, hear through ASR or captions."""

from voice.sim.callee import EARS, CalleeEvent, CalleeResult, Ears, run_callee
from voice.sim.matching import matches, normalise, similarity
from voice.sim.persona import (
    PERSONA_DIR,
    Interruption,
    Persona,
    Rule,
    list_personas,
    load_persona,
    parse_persona,
)

__all__ = [
    "EARS",
    "PERSONA_DIR",
    "CalleeEvent",
    "CalleeResult",
    "Ears",
    "Interruption",
    "Persona",
    "Rule",
    "list_personas",
    "load_persona",
    "matches",
    "normalise",
    "parse_persona",
    "run_callee",
    "similarity",
]
