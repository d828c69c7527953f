""" "Did you mean …?" for a misspelt key, fact or variable, from the names that would have been right."""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches


def close_matches(word: str, known: Iterable[str], *, limit: int = 1) -> list[str]:
    """The known names closest to ``word`` (difflib's ratio of at least 0.6), best first."""
    return get_close_matches(word, sorted(set(known)), n=limit, cutoff=0.6)


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """``"; did you mean 'order_id'?"`` when a known name is close to ``word``, else ``""``."""
    found = close_matches(word, known)
    return f"; did you mean {found[0]!r}?" if found else ""
