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
"""A phrase of two words or more as the lookup keeps it: its length in words, its words and its text."""
_Opening = tuple[str | None, dict[str, list[_Option]]]
"""The phrases that open with one word: the word alone, if it is a phrase, and the longer phrases by their
second word, longest first. Two phrases with different second words never both match at one place, so a
lookup compares only the few that share the next word."""


class PhraseSet:
    """A set of phrases, each one or more words, searched in a list of words."""

    __slots__ = ("_by_first", "firsts", "keys", "phrases")

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = frozenset(" ".join(p.split()) for p in phrases if p.strip())
        singles: dict[str, str] = {}
        longer: dict[str, dict[str, list[_Option]]] = {}
        for phrase in self.phrases:
            words = tuple(phrase.split())
            if len(words) == 1:
                singles[words[0]] = phrase
            else:
                longer.setdefault(words[0], {}).setdefault(words[1], []).append((len(words), words, phrase))
        for by_second in longer.values():
            for options in by_second.values():
                options.sort(key=lambda option: option[0], reverse=True)
        self._by_first: dict[str, _Opening] = {
            word: (singles.get(word), longer.get(word, {})) for word in singles.keys() | longer.keys()
        }
        self.firsts = frozenset(self._by_first)
        """The words a phrase of the set opens with: no phrase occurs in words that have none of them."""
        self.keys = frozenset(max(phrase.split(), key=len) for phrase in self.phrases)
        """One word of each phrase, its longest (the rarest, as a rule): no phrase occurs in words that have
        none of them, and far fewer words pass this test than pass ``firsts`` ("not", "a", "my" open many)."""

    def __contains__(self, phrase: str) -> bool:
        return phrase in self.phrases

    def may_occur(self, words: Iterable[str]) -> bool:
        """A cheap first look: does any phrase's first word occur in ``words``?"""
        return not self.firsts.isdisjoint(words)

    def may_hold(self, words: Iterable[str]) -> bool:
        """A cheaper and sharper first look than :meth:`may_occur`: does any phrase's key word occur in ``words``?"""
        return not self.keys.isdisjoint(words)

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
        opening = self._by_first.get(words[i])
        return None if opening is None else _longest(opening, words, i, len(words))


def _longest(opening: _Opening, words: Sequence[str], i: int, count: int) -> Match | None:
    """The longest phrase of ``opening`` (those that open with ``words[i]``) that starts at ``i``."""
    single, by_second = opening
    if by_second and i + 1 < count:
        options = by_second.get(words[i + 1])
        if options is not None:
            for size, option, phrase in options:
                end = i + size
                if end <= count and (size == 2 or tuple(words[i:end]) == option):
                    return Match(i, end, phrase)
    return None if single is None else Match(i, i + 1, single)
