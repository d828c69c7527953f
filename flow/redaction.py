"""Personal data out of stored customer text: emails, payment card numbers and phone numbers.

Used on the transcript when a policy sets ``redact_personal_data``; the engine still reads the
original message. Cards are recognised by length (13–19 digits, spaces or dashes allowed between
them) and the Luhn checksum, so order numbers and amounts are left alone. Phone numbers need a
``+`` country code, an area code in brackets, ten or more digits, or the local ``555-0123`` shape;
dates and times are not phone numbers.
"""

from __future__ import annotations

from flow.textmatch import WORD, TextMatch, TextPattern

EMAIL = "[email]"
CARD = "[card]"
PHONE = "[phone]"

# In each pattern group 1 is what gets replaced; the characters matched around it stand in for
# lookarounds ("not after a letter", "not before a digit"), and are left for the next match to read.
_EMAIL = TextPattern(
    rf"(?:^|[^{WORD}.%+-])([A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    rf"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{{2,}})(?:[^{WORD}-]|$)"
)
_CARD = TextPattern(r"(?:^|[^0-9])([0-9](?:[ -]?[0-9]){12,18})(?:[^0-9]|$)")
_PHONE = TextPattern(
    rf"(?:^|[^{WORD}+])((?:\+[0-9]{{1,3}}[ .-]?)?(?:\([0-9]{{1,4}}\)[ .-]?)?[0-9]{{1,4}}(?:[ .-]?[0-9]{{1,4}}){{1,6}})"
    rf"(?:[^{WORD}:/]|$)"
)
_DIGIT = TextPattern(r"[0-9]")
_LOCAL_PHONE = TextPattern(r"[0-9]{3}[ .-][0-9]{4}")


def redact(text: str) -> str:
    """``text`` with emails, card and phone numbers replaced by ``[email]``, ``[card]``, ``[phone]``."""
    if "@" in text:
        text = _EMAIL.sub(EMAIL, text, core=1)
    if _DIGIT.search(text) is None:
        return text
    text = _CARD.sub(_card_or_original, text, core=1)
    return _PHONE.sub(_phone_or_original, text, core=1)


def luhn_valid(digits: str) -> bool:
    """Whether a string of digits passes the Luhn checksum that payment card numbers carry."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = int(char)
        if position % 2 == 1:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def _card_or_original(match: TextMatch) -> str:
    number = str(match.group(1))
    return CARD if luhn_valid(number.replace(" ", "").replace("-", "")) else number


def _phone_or_original(match: TextMatch) -> str:
    candidate = str(match.group(1))
    digits = sum(char.isdigit() for char in candidate)
    if not 7 <= digits <= 15:
        return candidate
    if candidate.startswith(("+", "(")) or "(" in candidate or digits >= 10:
        return PHONE
    return PHONE if _LOCAL_PHONE.fullmatch(candidate) else candidate
