"""Checking what arrives from outside before it touches a conversation: messages and facts."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from flow.errors import InvalidMessage
from flow.models import FactValue
from flow.policy import Policy
from flow.textmatch import TextPattern

_CONTROL = TextPattern(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}
MAX_FACTS = 64
MAX_FACT_CHARS = 500


def clean_message(text: object, *, max_chars: int) -> str:
    """The customer's message, normalized; raise :class:`InvalidMessage` when it cannot be accepted."""
    if not isinstance(text, str):
        raise InvalidMessage(f"a message must be text, not {type(text).__name__}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise InvalidMessage("the message is not valid Unicode text; send it as UTF-8") from e
    if len(text) > max_chars:
        raise InvalidMessage(f"the message has {len(text)} characters; the limit is {max_chars}")
    if _CONTROL.search(text):
        raise InvalidMessage("the message contains control characters; send plain text")
    cleaned = unicodedata.normalize("NFC", text).strip()
    if not cleaned:
        raise InvalidMessage("the message is empty; send some text or a quick reply")
    return cleaned


MAX_PERSON_CHARS = 60


def clean_person(name: object) -> str:
    """A person's display name, as customers will see it; raise :class:`InvalidMessage` when it cannot be one."""
    if not isinstance(name, str) or _CONTROL.search(name):
        raise InvalidMessage("a person's name must be plain text")
    cleaned = " ".join(unicodedata.normalize("NFC", name).split())
    if not 0 < len(cleaned) <= MAX_PERSON_CHARS:
        raise InvalidMessage(f"a person's name must be 1 to {MAX_PERSON_CHARS} characters")
    return cleaned


def clean_facts(facts: Mapping[str, Any] | None, policy: Policy) -> dict[str, FactValue]:
    """Facts from the host application, converted to the kinds the policy declares."""
    if facts is None:
        return {}
    if not isinstance(facts, Mapping):
        raise InvalidMessage(f"facts must be a mapping of names to values, not {type(facts).__name__}")
    if len(facts) > MAX_FACTS:
        raise InvalidMessage(f"{len(facts)} facts given; the limit is {MAX_FACTS}")
    cleaned: dict[str, FactValue] = {}
    for name, value in facts.items():
        if not isinstance(name, str) or not name or len(name) > 64:
            raise InvalidMessage(f"fact name {name!r} must be text of 1 to 64 characters")
        spec = policy.facts.get(name)
        cleaned[name] = _convert(name, value, spec.kind if spec else "text")
    return cleaned


def _convert(name: str, value: Any, kind: str) -> FactValue:
    if value is None:
        return None
    if kind in ("days", "number"):
        if isinstance(value, bool):
            raise InvalidMessage(f"fact {name!r} must be a number, not {value!r}")
        if isinstance(value, int | float):
            return value
        if isinstance(value, str):
            try:
                number = float(value.strip())
            except ValueError:
                raise InvalidMessage(f"fact {name!r} must be a number, not {value!r}") from None
            return int(number) if number.is_integer() else number
        raise InvalidMessage(f"fact {name!r} must be a number, not {type(value).__name__}")
    if kind == "yes_no":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise InvalidMessage(f"fact {name!r} must be yes or no (true/false), not {value!r}")
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        if len(value) > MAX_FACT_CHARS or _CONTROL.search(value):
            raise InvalidMessage(f"fact {name!r} must be plain text under {MAX_FACT_CHARS} characters")
        return value
    raise InvalidMessage(f"fact {name!r} must be text, a number or true/false, not {type(value).__name__}")
