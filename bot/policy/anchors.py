"""Which phrases could match a turn, from the words it holds (a pre-filter, never a verdict).

Every phrase names words (English) or characters (Chinese) it cannot match without (its
anchors, see :func:`bot.policy.patterns.parse_phrase`): "i (want|wish) to die" needs "die",
"(不想|不愿)活" needs "活". A turn is tried only against the phrases one of whose anchors it
holds, instead of against every phrase of every category: a few dictionary look-ups per word
or character replace hundreds of regular-expression scans. A phrase without anchors (one made
only of numbers and optional parts) is always tried, so the index can only skip phrases that
could not have matched.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.policy.patterns import Anchors

if TYPE_CHECKING:
    from bot.policy.lexicon import Phrase


@dataclass(frozen=True, slots=True)
class AnchorIndex:
    """Anchors of several phrase lists, looked up by the words of a turn."""

    always: tuple[tuple[int, ...], ...]
    by_word: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    by_prefix: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    prefix_lengths: tuple[int, ...] = ()

    @classmethod
    def build(cls, lists: Sequence[Sequence[Anchors]]) -> AnchorIndex:
        """Index ``lists[l][i]``, the anchors of phrase ``i`` of list ``l``."""
        always: list[tuple[int, ...]] = []
        words: dict[str, list[tuple[int, int]]] = {}
        prefixes: dict[str, list[tuple[int, int]]] = {}
        for number, anchors_of in enumerate(lists):
            always.append(tuple(i for i, anchors in enumerate(anchors_of) if anchors is None))
            for index, anchors in enumerate(anchors_of):
                for anchor in anchors or ():
                    if anchor.endswith("~"):
                        prefixes.setdefault(anchor[:-1], []).append((number, index))
                    else:
                        words.setdefault(anchor, []).append((number, index))
        return cls(
            always=tuple(always),
            by_word={word: tuple(refs) for word, refs in words.items()},
            by_prefix={prefix: tuple(refs) for prefix, refs in prefixes.items()},
            prefix_lengths=tuple(sorted({len(prefix) for prefix in prefixes})),
        )

    def candidates(self, words: Iterable[str]) -> Candidates:
        """The phrases that could match a turn holding ``words``."""
        found: dict[int, set[int]] = {}
        for number, indices in enumerate(self.always):
            if indices:
                found[number] = set(indices)
        for word in set(words):
            for number, index in self.by_word.get(word, ()):
                found.setdefault(number, set()).add(index)
            for length in self.prefix_lengths:
                if length > len(word):
                    break
                for number, index in self.by_prefix.get(word[:length], ()):
                    found.setdefault(number, set()).add(index)
        return Candidates({number: tuple(sorted(found[number])) for number in found})


@dataclass(frozen=True, slots=True)
class Candidates:
    """Per phrase list, the indices (in list order) of the phrases that could match."""

    by_list: dict[int, tuple[int, ...]]

    def pick(self, number: int, phrases: tuple[Phrase, ...]) -> tuple[Phrase, ...]:
        """The phrases of list ``number`` (``phrases``) that could match, in their order."""
        indices = self.by_list.get(number)
        if not indices:
            return ()
        if len(indices) == len(phrases):
            return phrases
        return tuple(phrases[i] for i in indices)
