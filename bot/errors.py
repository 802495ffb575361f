"""The one exception hierarchy of KindCall.

::

    KindCallError
    ├── ConfigError            bad settings, missing key file, unknown profile
    ├── DataFileError          bad YAML / CSV / XLSX; carries path and line
    ├── StorageError           database failures mapped at the storage edge
    ├── ComplianceError        a compliance profile or input that cannot be evaluated
    ├── DialogueError          the Rasa server or action server failed or is unreachable
    └── VoiceError             ASR, TTS, VAD or transport failures
        ├── ASRError
        ├── TTSError
        └── TransportError

Adapters raise these with ``raise XError(msg) from exc`` so callers never see a library's
own exception types. Messages name what failed and the offending value.
"""

from __future__ import annotations


class KindCallError(Exception):
    """Base of every error KindCall raises on purpose."""


class ConfigError(KindCallError):
    """A setting, key or profile is missing or invalid."""


class DataFileError(KindCallError):
    """A data file (YAML, CSV, XLSX) is invalid; the message starts with ``path:line``."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.detail = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class StorageError(KindCallError):
    """The database refused or failed an operation."""


class ComplianceError(KindCallError):
    """A compliance profile or check input cannot be evaluated."""


class DialogueError(KindCallError):
    """The Rasa server or the action server failed."""


class CallError(KindCallError):
    """A call cannot do what was asked (e.g. take over a call that is not escalated)."""


class VoiceError(KindCallError):
    """Speech recognition, synthesis, VAD or transport failed."""


class ASRError(VoiceError):
    """Speech recognition failed."""


class TTSError(VoiceError):
    """Speech synthesis failed."""


class TransportError(VoiceError):
    """The WebRTC transport failed."""
