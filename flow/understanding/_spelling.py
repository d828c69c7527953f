"""Misspelt key words put right before the acts are read: "cancelp", "cacneling", "refnud", "manger".

Only words the lexicon's phrases never use are looked at, and only against the lexicon's short list of
``key_words`` (the verbs and nouns that requests, people and what went wrong are told by): two letters
side by side swapped in a word of four letters or more ("wokr", "aprat"), or, in one of five or more,
a close match by rapidfuzz's edit-distance ratio with the first letter kept. A word with a close
match is replaced in its clause; everything else is left exactly as the customer wrote it.
"""

from __future__ import annotations

import os

from flow.understanding._fuzzy import closest
from flow.understanding.clauses import Clause
from flow.understanding.lexicon import Lexicon

SPELLING_CUTOFF = 83.0
"""The least rapidfuzz ratio (0-100) for a misspelling: "refnud" (83) for "refund", "cancelp" (92) for
"cancel"; "refuse" (71) is left alone."""
_MIN_LETTERS = 5
_MIN_SWAPPED = 4
_MIN_STEM = 4
_ENDINGS = frozenset({"", "e", "s", "es", "ed", "ing", "able", "ible", "er", "ers", "ment", "ments", "al", "ation"})
"""Word endings that make another form of a word, not a misspelling of it."""


def correct_spelling(clauses: list[Clause], lexicon: Lexicon) -> None:
    """Replace, in place, each word of ``clauses`` that is a close misspelling of one of the key words."""
    keys = lexicon.key_words
    if not keys:
        return
    familiar = lexicon.familiar_words
    for clause in clauses:
        words = clause.words
        if familiar.issuperset(words):
            continue
        for index, word in enumerate(words):
            if len(word) < _MIN_SWAPPED or word in familiar or not word.isalpha():
                continue
            swapped = _swapped(word, keys)
            if swapped is not None:
                words[index] = swapped
                continue
            if len(word) < _MIN_LETTERS:
                continue
            match = closest(word, keys, SPELLING_CUTOFF)
            if match is not None and match[0] == word[0] and not _other_form(word, match):
                words[index] = match


def _swapped(word: str, keys: tuple[str, ...]) -> str | None:
    """The key word that ``word`` is with two letters side by side swapped ("wokr", "aprat"), if any: a slip
    safe to put right in words as short as four letters, where an edit-distance ratio is not."""
    for at in range(1, len(word) - 1):
        candidate = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        if candidate in keys:
            return candidate
    return None


def _other_form(word: str, key: str) -> bool:
    """Another form of the key word rather than a misspelling: "managers", "dispatch", "reimbursable"."""
    stem = os.path.commonprefix([word, key])
    return len(stem) >= _MIN_STEM and word[len(stem) :] in _ENDINGS and key[len(stem) :] in _ENDINGS
