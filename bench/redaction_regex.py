"""The regex redaction tactful stored transcripts with before Unicode folding: the baseline of ``bench/redaction.py``.

Kept as it was, so the benchmark can time the current redaction against it in the same run. It uses
Python regular expressions with lookarounds on customer text, which the product no longer does.
"""

from __future__ import annotations

import re

EMAIL = "[email]"
CARD = "[card]"
PHONE = "[phone]"

_EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w-])"
)
_CARD = re.compile(r"(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+[0-9]{1,3}[ .-]?)?(?:\([0-9]{1,4}\)[ .-]?)?[0-9]{1,4}(?:[ .-]?[0-9]{1,4}){1,6}(?![\w:/])"
)
_DIGIT = re.compile(r"[0-9]")
_LOCAL_PHONE = re.compile(r"[0-9]{3}[ .-][0-9]{4}")


def redact(text: str) -> str:
    """``text`` with emails, card and phone numbers replaced by ``[email]``, ``[card]``, ``[phone]``."""
    if "@" in text:
        text = _EMAIL.sub(EMAIL, text)
    if _DIGIT.search(text) is None:
        return text
    text = _CARD.sub(_card_or_original, text)
    return _PHONE.sub(_phone_or_original, text)


def luhn_valid(digits: str) -> bool:
    """Whether a string of digits passes the Luhn checksum that payment card numbers carry."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = int(char)
        if position % 2 == 1:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def _card_or_original(match: re.Match[str]) -> str:
    digits = re.sub(r"[^0-9]", "", match.group())
    return CARD if luhn_valid(digits) else match.group()


def _phone_or_original(match: re.Match[str]) -> str:
    candidate = match.group()
    digits = sum(char.isdigit() for char in candidate)
    if not 7 <= digits <= 15:
        return candidate
    if candidate.startswith(("+", "(")) or "(" in candidate or digits >= 10:
        return PHONE
    return PHONE if _LOCAL_PHONE.fullmatch(candidate) else candidate
