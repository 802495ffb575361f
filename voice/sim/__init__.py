"""Simulated callees: personas that speak through TTS and listen through ASR over WebRTC."""

from voice.sim.callee import CalleeEvent, CalleeResult, run_callee
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
    "PERSONA_DIR",
    "CalleeEvent",
    "CalleeResult",
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
