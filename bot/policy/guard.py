"""The output guard: every line the bot is about to speak passes :func:`guard_line`.

Blocked, whatever the state of the call: threats, insults, contacting family, employer or
friends, and false legal claims (``forbidden`` in ``lexicons/<locale>/guard.yml``). Blocked
before verification or whenever a third party is on the line: any of the account's
``disclosed_terms`` (amount, creditor, dates as they would be spoken), any money amount,
and words that reveal a debt (``debt_words``). The guard does not honour negation: "we will
not call your employer" is blocked too, a script can always say it differently.
A blocked line is replaced with the data's safe alternative, and the result records why.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import zhconv

from bot.errors import DataFileError
from bot.policy.amounts import find_amounts
from bot.policy.lexicon import LEXICON_DIR, Phrase, compile_list, load_lexicon, read_yaml
from bot.policy.model import LOCALES, Locale
from bot.policy.text import TextRules, normalise

FORBIDDEN_KINDS = ("threat", "insult", "third_party_contact", "false_legal")
ALTERNATIVES = ("forbidden", "unverified", "third_party")
_MIN_TERM = 2


@dataclass(frozen=True, slots=True)
class GuardContext:
    """What the guard needs to know about the call.

    Attributes:
        locale: The language of the line.
        verified: Whether the right party has been verified.
        third_party: Whether someone other than the debtor is on the line.
        disclosed_terms: The account's amount, creditor and date strings as they would be
            spoken; none may be said before verification or to a third party. Terms
            shorter than two letters/digits after normalisation are ignored.
    """

    locale: Locale
    verified: bool = False
    third_party: bool = False
    disclosed_terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GuardResult:
    """The line to speak and what the guard did.

    Attributes:
        text: The line to speak (the original, or the safe alternative if blocked).
        blocked: Whether the original was replaced.
        reasons: ``kind: matched words`` for each problem found, e.g. ``threat: arrest``.
        original: The line as proposed.
    """

    text: str
    blocked: bool
    reasons: tuple[str, ...]
    original: str


@dataclass(frozen=True, slots=True)
class GuardLexicon:
    """The guard data of one locale."""

    locale: Locale
    rules: TextRules
    forbidden: tuple[tuple[str, Phrase], ...]
    debt_words: tuple[Phrase, ...]
    alternatives: dict[str, str]


def guard_line(text: str, ctx: GuardContext) -> GuardResult:
    """Check a line before the bot says it; replace it with a safe one if needed.

    Args:
        text: The line the bot is about to speak.
        ctx: Locale, verification state, third-party flag and the account's terms.

    Returns:
        The line to speak, whether it was blocked, the reasons and the original.
    """
    lexicon = load_guard(ctx.locale)
    reasons = problems(text, ctx, lexicon)
    if not reasons:
        return GuardResult(text, False, (), text)
    if ctx.third_party:
        replacement = lexicon.alternatives["third_party"]
    elif any(reason.startswith("disclosure") for reason in reasons):
        replacement = lexicon.alternatives["unverified"]
    else:
        replacement = lexicon.alternatives["forbidden"]
    return GuardResult(replacement, True, tuple(reasons), text)


def problems(text: str, ctx: GuardContext, lexicon: GuardLexicon) -> list[str]:
    """Every reason to block ``text`` (empty when it may be said)."""
    surface = normalise(text, lexicon.rules)
    reasons = [
        f"{kind}: {match.group(0).strip()}"
        for kind, phrase in lexicon.forbidden
        for match in phrase.regex.finditer(surface)
    ]
    if ctx.verified and not ctx.third_party:
        return reasons
    reasons += [f"disclosure_amount: {amount}" for amount in find_amounts(text, ctx.locale)]
    folded = _fold(text, ctx.locale)
    for term in ctx.disclosed_terms:
        key = _fold(term, ctx.locale)
        if len(key) >= _MIN_TERM and key in folded:
            reasons.append(f"disclosure_term: {term}")
    for phrase in lexicon.debt_words:
        for match in phrase.regex.finditer(surface):
            reasons.append(f"disclosure_debt: {match.group(0).strip()}")
    return reasons


def _fold(text: str, locale: Locale) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    if locale == "zh":
        folded = zhconv.convert(folded, "zh-cn")
    return re.sub(r"[\W_]+", "", folded)


@cache
def load_guard(locale: Locale, root: Path = LEXICON_DIR) -> GuardLexicon:
    """Load (once) and validate ``<locale>/guard.yml``.

    Raises:
        DataFileError: The file is malformed, or a safe alternative would itself be blocked.
    """
    if locale not in LOCALES:
        raise DataFileError(str(root / str(locale)), None, f'unknown locale "{locale}"')
    path = root / locale / "guard.yml"
    rules = load_lexicon(locale, root).rules
    source = read_yaml(path)
    top = source.mapping(
        source.root, "guard.yml", allowed={"forbidden", "debt_words", "safe_alternatives"}
    )
    for key in ("forbidden", "debt_words", "safe_alternatives"):
        if key not in top:
            raise DataFileError(str(path), 1, f'missing "{key}"')
    forbidden: list[tuple[str, Phrase]] = []
    kinds = source.mapping(top["forbidden"], "forbidden", allowed=set(FORBIDDEN_KINDS))
    for kind, node in kinds.items():
        forbidden += [(kind, p) for p in compile_list(source, node, kind, locale, rules)]
    debt_words = compile_list(source, top["debt_words"], "debt_words", locale, rules)
    alt_nodes = source.mapping(
        top["safe_alternatives"], "safe_alternatives", allowed=set(ALTERNATIVES)
    )
    alternatives = {key: source.text(node, key) for key, node in alt_nodes.items()}
    for key in ALTERNATIVES:
        if key not in alternatives:
            raise source.error(top["safe_alternatives"], f'safe_alternatives: missing "{key}"')
    lexicon = GuardLexicon(locale, rules, tuple(forbidden), debt_words, alternatives)
    strict = GuardContext(locale, verified=False, third_party=True)
    for key, node in alt_nodes.items():
        found = problems(alternatives[key], strict, lexicon)
        if found:
            raise source.error(node, f"safe alternative {key} would be blocked: {found}")
    return lexicon
