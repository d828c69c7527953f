"""Finding known phrases in a list of words: a lookup by first word, so the cost is linear in the words.

Lexicons write phrases as plain text ("money back", "no need for"); matching compares whole words of
the canonical form, never substrings, and never backtracks.

>>> cues = PhraseSet(["money back", "refund", "my money back"])
>>> [(m.start, m.end, m.phrase) for m in cues.find("i want my money back".split())]
[(2, 5, 'my money back')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Match:
    """One phrase found: the words ``start`` to ``end`` (exclusive) of the searched list."""

    start: int
    end: int
    phrase: str


class PhraseSet:
    """A set of phrases, each one or more words, searched in a list of words."""

    __slots__ = ("_by_first", "_firsts", "phrases")

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = frozenset(" ".join(p.split()) for p in phrases if p.strip())
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.phrases:
            words = tuple(phrase.split())
            by_first.setdefault(words[0], []).append(words)
        for options in by_first.values():
            options.sort(key=len, reverse=True)
        self._by_first = by_first
        self._firsts = frozenset(by_first)

    def __contains__(self, phrase: str) -> bool:
        return phrase in self.phrases

    def may_occur(self, words: Iterable[str]) -> bool:
        """A cheap first look: does any phrase's first word occur in ``words``?"""
        return not self._firsts.isdisjoint(words)

    def find(self, words: Sequence[str]) -> list[Match]:
        """Every phrase in ``words``, left to right, longest first where two start at the same word."""
        found: list[Match] = []
        firsts = self._firsts
        i = 0
        count = len(words)
        while i < count:
            match = self._at(words, i, count) if words[i] in firsts else None
            if match is None:
                i += 1
            else:
                found.append(match)
                i = match.end
        return found

    def first(self, words: Sequence[str]) -> Match | None:
        """The leftmost phrase in ``words``, if any."""
        firsts = self._firsts
        count = len(words)
        for i, word in enumerate(words):
            if word in firsts:
                match = self._at(words, i, count)
                if match is not None:
                    return match
        return None

    def at(self, words: Sequence[str], i: int) -> Match | None:
        """The longest phrase starting at word ``i``, if any."""
        return self._at(words, i, len(words))

    def _at(self, words: Sequence[str], i: int, count: int) -> Match | None:
        options = self._by_first.get(words[i])
        if options is None:
            return None
        for option in options:
            size = len(option)
            end = i + size
            # Most options differ at their second word: comparing it first spares building a tuple.
            if end <= count and (size == 1 or (words[i + 1] == option[1] and tuple(words[i:end]) == option)):
                return Match(i, end, " ".join(option))
        return None
