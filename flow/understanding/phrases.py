"""Finding known phrases in a list of words: a lookup by first word, so the cost is linear in the words.

Lexicons write phrases as plain text ("money back", "no need for"); matching compares whole words of
the canonical form, never substrings, and never backtracks.

>>> cues = PhraseSet(["money back", "refund", "my money back"])
>>> [(m.start, m.end, m.phrase) for m in cues.find("i want my money back".split())]
[(2, 5, 'my money back')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple


class Match(NamedTuple):
    """One phrase found: the words ``start`` to ``end`` (exclusive) of the searched list."""

    start: int
    end: int
    phrase: str


_Option = tuple[int, tuple[str, ...], str]
"""A phrase as the lookup keeps it: its length in words, its words and its text."""


class PhraseSet:
    """A set of phrases, each one or more words, searched in a list of words."""

    __slots__ = ("_by_first", "firsts", "phrases")

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = frozenset(" ".join(p.split()) for p in phrases if p.strip())
        by_first: dict[str, list[_Option]] = {}
        for phrase in self.phrases:
            words = tuple(phrase.split())
            by_first.setdefault(words[0], []).append((len(words), words, phrase))
        for options in by_first.values():
            options.sort(key=lambda option: option[0], reverse=True)
        self._by_first = by_first
        self.firsts = frozenset(by_first)
        """The words a phrase of the set opens with: no phrase occurs in words that have none of them."""

    def __contains__(self, phrase: str) -> bool:
        return phrase in self.phrases

    def may_occur(self, words: Iterable[str]) -> bool:
        """A cheap first look: does any phrase's first word occur in ``words``?"""
        return not self.firsts.isdisjoint(words)

    def find(self, words: Sequence[str]) -> list[Match]:
        """Every phrase in ``words``, left to right, longest first where two start at the same word."""
        found: list[Match] = []
        firsts = self.firsts
        i = 0
        count = len(words)
        while i < count:
            word = words[i]
            match = _longest(self._by_first[word], words, i, count) if word in firsts else None
            if match is None:
                i += 1
            else:
                found.append(match)
                i = match.end
        return found

    def first(self, words: Sequence[str]) -> Match | None:
        """The leftmost phrase in ``words``, if any."""
        firsts = self.firsts
        count = len(words)
        for i, word in enumerate(words):
            # A set lookup per word is cheaper than a dict.get call; the options are fetched for the few that open one.
            if word in firsts:
                match = _longest(self._by_first[word], words, i, count)
                if match is not None:
                    return match
        return None

    def at(self, words: Sequence[str], i: int) -> Match | None:
        """The longest phrase starting at word ``i``, if any."""
        options = self._by_first.get(words[i])
        return None if options is None else _longest(options, words, i, len(words))


def _longest(options: list[_Option], words: Sequence[str], i: int, count: int) -> Match | None:
    """The longest of ``options`` (phrases opening with ``words[i]``, longest first) that starts at ``i``."""
    for size, option, phrase in options:
        if size == 1:
            return Match(i, i + 1, phrase)
        end = i + size
        # Most options differ at their second word: comparing it first spares building a tuple.
        if end <= count and words[i + 1] == option[1] and tuple(words[i:end]) == option:
            return Match(i, end, phrase)
    return None
