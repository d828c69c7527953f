"""The closest of a few known words to a misspelt one, by rapidfuzz's edit-distance ratio.

``fuzz.ratio`` is ``100 * (1 - distance / (len(a) + len(b)))`` with an insert/delete distance of at
least the difference in length, so a word far longer or shorter than another can never reach a cutoff
near 80. Only the choices whose length lets them reach it are scored; the answer is the one
``process.extractOne`` gives over all of them.
"""

from __future__ import annotations

import functools

from rapidfuzz import fuzz, process


def closest(word: str, choices: tuple[str, ...], cutoff: float) -> str | None:
    """The choice with the highest ``fuzz.ratio`` to ``word`` at ``cutoff`` or above (the first of equals)."""
    within = _within_reach(choices, len(word), cutoff)
    if not within:
        return None
    best = process.extractOne(word, within, scorer=fuzz.ratio, score_cutoff=cutoff)
    return None if best is None else str(best[0])


@functools.lru_cache(maxsize=1024)
def _within_reach(choices: tuple[str, ...], length: int, cutoff: float) -> tuple[str, ...]:
    """The choices, in order, that a word of ``length`` letters could match at ``cutoff`` (with a point to spare)."""
    return tuple(
        choice
        for choice in choices
        if length + len(choice) and 200 * min(length, len(choice)) / (length + len(choice)) >= cutoff - 1
    )
