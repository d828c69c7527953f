"""Misspelt key words put right before the acts are read: "cancelp", "cacneling", "refnud", "manger".

Only words the lexicon's phrases never use are looked at, and only against the lexicon's short list of
``key_words`` (the verbs and nouns that requests, people and what went wrong are told by): two letters
side by side swapped in a word of four letters or more ("wokr", "aprat"), a letter typed twice
("reffund") or one hit on the key beside it ("srop"), or, in one of five or more,
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
_ENDINGS = frozenset(
    {"", "d", "e", "s", "es", "ed", "ing", "able", "ible", "er", "ers", "ment", "ments", "al", "ation"}
)
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
            swapped = _swapped(word, keys) or _doubled(word, keys) or _next_key(word, keys)
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


def _doubled(word: str, keys: tuple[str, ...]) -> str | None:
    """The key word that ``word`` is with one letter typed twice ("reffund", "stopp"), if any."""
    for at in range(1, len(word)):
        if word[at] == word[at - 1] and (candidate := word[:at] + word[at + 1 :]) in keys:
            return candidate
    return None


def _next_key(word: str, keys: tuple[str, ...]) -> str | None:
    """The key word that ``word`` is with one letter hit on the key beside it ("srop" for "stop", "refumd"),
    if exactly one is: the first letter kept, the rest as typed."""
    found = None
    for key in keys:
        if len(key) != len(word) or key[0] != word[0]:
            continue
        slips = [(a, b) for a, b in zip(word, key, strict=True) if a != b]
        if word[-1] == "s" and key[-1] != "s":
            continue  # "arrives" is another form of "arrived", not a slip
        if len(slips) == 1 and slips[0][1] in _BESIDE.get(slips[0][0], ""):
            if found is not None:
                return None
            found = key
    return found


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_BESIDE = {
    letter: "".join(
        other
        for r, other_row in enumerate(_ROWS)
        for c, other in enumerate(other_row)
        if abs(r - row) <= 1 and abs(c - col) <= 1 and other != letter
    )
    for row, keys_row in enumerate(_ROWS)
    for col, letter in enumerate(keys_row)
}
"""The letters around each letter on a QWERTY keyboard (a rough grid: rows are offset in truth)."""


def _other_form(word: str, key: str) -> bool:
    """Another form of the key word rather than a misspelling: "managers", "dispatch", "reimbursable"."""
    stem = os.path.commonprefix([word, key])
    return len(stem) >= _MIN_STEM and word[len(stem) :] in _ENDINGS and key[len(stem) :] in _ENDINGS
