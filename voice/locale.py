"""Locale names: KindCall speaks ``zh`` (Mandarin) and ``en`` (English)."""

from __future__ import annotations

from typing import Literal, TypeGuard

__all__ = ["SUPPORTED_LANGUAGES", "Language", "language_of"]

Language = Literal["zh", "en"]
SUPPORTED_LANGUAGES: tuple[Language, ...] = ("zh", "en")


def _is_language(value: str) -> TypeGuard[Language]:
    return value in SUPPORTED_LANGUAGES


def language_of(locale: str) -> Language:
    """The language of a locale: ``"zh-CN"`` → ``"zh"``, ``"en_US"`` → ``"en"``.

    Raises:
        ValueError: The locale is not Mandarin or English.
    """
    language = locale.strip().replace("_", "-").split("-", 1)[0].lower()
    if language == "cmn":
        language = "zh"
    if not _is_language(language):
        raise ValueError(f"unsupported locale {locale!r}: expected one of zh, en")
    return language
