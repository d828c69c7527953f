"""The hand-written phrase lists are tactful's own wordings, not lines of the development set.

The development utterances measure how well messages are read; a phrase list that copies or lightly
rewords their lines would measure nothing. Phrases of four words or more are compared in canonical
form (lower case, no apostrophes, shorthand spelled out), where a copy cannot hide behind spelling.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from flow.understanding._text import canonical_tokens
from flow.understanding.dataset import load_utterances
from flow.understanding.english.lexicon import ENGLISH
from flow.understanding.phrases import PhraseSet
from flow.understanding.train import load_phrasings

LONG_ENOUGH = 4
"""Shorter phrases ("no thanks", "not true") are the ordinary words of a chat and may well coincide."""
NEAR = 3
"""A phrasing this few character edits away from a development line rewords that line."""


def _canonical(text: str) -> str:
    return " ".join(canonical_tokens(text))


@cache
def _development_lines() -> tuple[str, ...]:
    return tuple(sorted({_canonical(u.text) for u in load_utterances()}))


def _lexicon_phrases() -> set[str]:
    phrases: set[str] = set()
    for field in fields(ENGLISH):
        value = getattr(ENGLISH, field.name)
        sets = value.values() if isinstance(value, Mapping) else [value]
        phrases.update(p for s in sets if isinstance(s, PhraseSet) for p in s.phrases)
    return phrases


def _long_phrasings() -> list[str]:
    return [line for line in (_canonical(p.text) for p in load_phrasings()) if len(line.split()) >= LONG_ENOUGH]


def test_no_lexicon_phrase_is_a_development_line() -> None:
    development = set(_development_lines())
    long_phrases = [p for p in _lexicon_phrases() if len(p.split()) >= LONG_ENOUGH]
    assert len(long_phrases) > 100, "the lexicon's phrases were not found: has the Lexicon changed shape?"
    copied = sorted(p for p in long_phrases if p in development)
    assert copied == [], f"english/lexicon.py has development lines as phrases: {copied}"


def test_no_phrasing_is_a_development_line() -> None:
    development = set(_development_lines())
    copied = sorted(p for p in _long_phrasings() if p in development)
    assert copied == [], f"phrasings.txt copies development lines: {copied}"


def test_no_phrasing_rewords_a_development_line() -> None:
    near = []
    for phrasing in _long_phrasings():
        found = process.extractOne(phrasing, _development_lines(), scorer=Levenshtein.distance, score_cutoff=NEAR)
        if found is not None:
            near.append((phrasing, found[0]))
    assert near == [], f"phrasings.txt lines within {NEAR} edits of development lines: {near}"
