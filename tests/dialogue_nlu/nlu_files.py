"""Read Rasa NLU YAML files into examples that know their file, line and entity spans."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
DIALOGUES = REPO_ROOT / "dialogues"
LOCALES = ("en", "zh")

INTENTS = frozenset(
    {
        "greet",
        "ask_repeat",
        "affirm",
        "deny",
        "identity_confirm",
        "wrong_person",
        "third_party",
        "ask_who_is_calling",
        "ask_amount",
        "ask_due_date",
        "promise_to_pay",
        "partial_payment",
        "just_got_paid",
        "request_extension",
        "hardship_job_loss",
        "hardship_illness",
        "hardship_general",
        "distress",
        "self_harm",
        "request_human",
        "refusal",
        "cease_contact",
        "dispute",
        "already_paid",
        "callback_later",
        "abuse",
        "legal_or_bankruptcy",
        "complaint",
        "goodbye",
        "out_of_scope",
    }
)

# Which intents may carry which entity; everything else must be unannotated.
ENTITY_INTENTS = {
    "amount": frozenset({"promise_to_pay", "partial_payment"}),
    "date": frozenset({"promise_to_pay", "partial_payment"}),
    "time": frozenset({"callback_later"}),
}

_ENTITY = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<name>[^)]+)\)")


@dataclass(frozen=True, slots=True)
class Span:
    """One annotated entity in the plain text of an example."""

    start: int
    end: int
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Example:
    """One training or evaluation line with where it came from."""

    intent: str
    raw: str
    text: str
    spans: tuple[Span, ...]
    path: Path
    line: int

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(REPO_ROOT)}:{self.line}"


def parse_example(raw: str) -> tuple[str, tuple[Span, ...]]:
    """Strip ``[text](entity)`` markup; return the plain text and the entity spans."""
    plain: list[str] = []
    spans: list[Span] = []
    length = 0
    cursor = 0
    for match in _ENTITY.finditer(raw):
        before = raw[cursor : match.start()]
        plain.append(before)
        length += len(before)
        value = match.group("text")
        spans.append(Span(length, length + len(value), match.group("name"), value))
        plain.append(value)
        length += len(value)
        cursor = match.end()
    plain.append(raw[cursor:])
    return "".join(plain), tuple(spans)


def normalise(text: str) -> str:
    """Case, whitespace and punctuation-insensitive form used to compare examples."""
    return "".join(
        ch
        for ch in text.casefold()
        if not ch.isspace() and not unicodedata.category(ch).startswith(("P", "S"))
    )


def load_file(path: Path) -> list[Example]:
    """All examples of one NLU file, each with its 1-based line number."""
    root = yaml.compose(path.read_text(encoding="utf-8"))
    if not isinstance(root, yaml.MappingNode):
        raise ValueError(f"{path}:1: top level must be a mapping")
    examples: list[Example] = []
    for key, value in root.value:
        if key.value != "nlu":
            continue
        for item in value.value:
            fields = {k.value: v for k, v in item.value}
            if "intent" not in fields:
                continue
            intent = fields["intent"].value
            block = fields["examples"]
            # A literal block starts on the line after its `|` indicator.
            first_line = block.start_mark.line + 2
            for offset, line in enumerate(block.value.splitlines()):
                stripped = line.strip()
                if not stripped:
                    continue
                if not stripped.startswith("- "):
                    raise ValueError(f"{path}:{first_line + offset}: expected '- example'")
                raw = stripped[2:].strip()
                text, spans = parse_example(raw)
                examples.append(Example(intent, raw, text, spans, path, first_line + offset))
    return examples


def training_files(locale: str) -> list[Path]:
    return sorted((DIALOGUES / "data" / "nlu" / locale).glob("*.yml"))


def heldout_file(locale: str) -> Path:
    return DIALOGUES / "tests" / "nlu" / f"{locale}.yml"


def training_examples(locale: str) -> list[Example]:
    return [ex for path in training_files(locale) for ex in load_file(path)]


def heldout_examples(locale: str) -> list[Example]:
    return load_file(heldout_file(locale))
