"""The tone lint: agent text must be calm, blame-free, jargon-free, not shouted, and easy to read."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

HARSH_PHRASES: tuple[str, ...] = (
    "you should have",
    "you should've",
    "you failed",
    "your fault",
    "your own fault",
    "your mistake",
    "you didn't read",
    "as i already said",
    "as i said",
    "as previously stated",
    "calm down",
    "there's nothing i can do",
    "there is nothing i can do",
    "nothing we can do",
    "that's not my problem",
    "not my problem",
    "not our fault",
    "not our problem",
    "you must understand",
    "obviously",
    "clearly you",
    "no way",
    "impossible",
    "we don't do that",
    "deal with it",
    "too bad",
    "stop complaining",
    "you people",
    "unfortunately for you",
    "that's the policy",
    "rules are rules",
)
"""Defensive or blaming phrases no agent message may contain."""

JARGON: tuple[str, ...] = (
    "per our policy",
    "as per",
    "pursuant",
    "heretofore",
    "aforementioned",
    "hereby",
    "t&cs",
    "rma",
    "sku",
    "sla",
    "escalation matrix",
    "ticket id",
    "non-refundable per",
    "in accordance with section",
    "clause",
    "subsection",
    "kindly note",
    "please be advised",
)
"""Words a customer should not have to decode."""

ACRONYMS = frozenset({"OK", "UK", "US", "EU", "VAT", "PIN", "ID", "FAQ", "SMS", "PM", "AM", "GMT", "UTC", "BST"})
_SHOUTED_WORD = re.compile(r"\b[A-Z]{4,}\b")
_PHRASE_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    pattern = _PHRASE_CACHE.get(phrases)
    if pattern is None:
        alternatives = "|".join(re.escape(p.lower()) for p in sorted(phrases, key=len, reverse=True))
        pattern = re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")
        _PHRASE_CACHE[phrases] = pattern
    return pattern


@lru_cache(maxsize=4096)
def reading_ease(text: str) -> float:
    """Flesch reading ease of ``text`` (higher is easier); textstat is imported on first use."""
    import textstat

    return float(textstat.flesch_reading_ease(text))


def lint(text: str, *, banned: Iterable[str] = (), min_reading_ease: float | None = None) -> list[str]:
    """Every tone problem in one agent message, as readable sentences; empty when the text is fine.

    Readability is checked only when ``min_reading_ease`` is given: it is slow on first use, so the
    engine checks it at validation time and in tests, not on every turn.
    """
    problems: list[str] = []
    if not text.strip():
        return ["the message is empty"]
    lowered = text.lower().replace("\u2019", "'")
    for kind, phrases in (
        ("harsh or defensive", HARSH_PHRASES),
        ("jargon", JARGON),
        ("banned", tuple(banned)),
    ):
        if phrases:
            for found in sorted(set(_phrases(phrases).findall(lowered))):
                problems.append(f"{kind} phrase {found!r}")
    shouted = [w for w in _SHOUTED_WORD.findall(text) if w not in ACRONYMS]
    if shouted:
        problems.append(f"shouting in capitals: {', '.join(sorted(set(shouted)))}")
    if "!!" in text or "??" in text or "?!" in text:
        problems.append("repeated punctuation ('!!', '??' or '?!')")
    if text.count("!") > 1:
        problems.append("more than one exclamation mark")
    if min_reading_ease is not None and len(text.split()) >= 8:
        score = reading_ease(text)
        if score < min_reading_ease:
            problems.append(f"hard to read (Flesch reading ease {score:.0f}, needs at least {min_reading_ease:.0f})")
    return problems
