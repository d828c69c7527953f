"""Checking what arrives from outside before it touches a conversation: messages and facts."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from typing import Any

from flow.errors import InvalidFact, InvalidMessage, UntrustedFacts
from flow.models import FactValue
from flow.policy import NUMERIC_KINDS, FactSpec, Policy

_CONTROL = frozenset(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]))
"""The control characters refused in messages, names and facts: tab, line feed and carriage return pass.
Checked as a set of characters, one linear pass in C over the text, as cheap as a check can be."""
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}
MAX_FACTS = 64
MAX_FACT_CHARS = 500
MAX_FACT_NAME_CHARS = 64
MAX_SAFE_INTEGER = 2**53 - 1
"""The largest integer every JSON client reads exactly."""
REQUEST_FACT = "request"
"""The one fact every policy knows: which of its requests the conversation is about."""
_EXTRA = FactSpec()


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
    if not _CONTROL.isdisjoint(text):
        raise InvalidMessage("the message contains control characters; send plain text")
    cleaned = unicodedata.normalize("NFC", text).strip()
    if not cleaned:
        raise InvalidMessage("the message is empty; send some text or a quick reply")
    return cleaned


MAX_PERSON_CHARS = 60


def clean_person(name: object) -> str:
    """A person's display name, as customers will see it; raise :class:`InvalidMessage` when it cannot be one."""
    if not isinstance(name, str) or not _CONTROL.isdisjoint(name):
        raise InvalidMessage("a person's name must be plain text")
    cleaned = " ".join(unicodedata.normalize("NFC", name).split())
    if not 0 < len(cleaned) <= MAX_PERSON_CHARS:
        raise InvalidMessage(f"a person's name must be 1 to {MAX_PERSON_CHARS} characters")
    return cleaned


def clean_facts(facts: Mapping[str, Any] | None, policy: Policy) -> dict[str, FactValue]:
    """Facts given to a conversation, checked against the policy's facts schema and converted to their kinds.

    Raises :class:`InvalidFact` naming the first fact that the policy does not declare (unless its
    ``extra_facts`` is ``allow``), or whose value is of the wrong kind, not a finite number, outside
    the fact's ``min``/``max``, or not plain text.
    """
    if facts is None:
        return {}
    if not isinstance(facts, Mapping):
        raise InvalidMessage(f"facts must be a mapping of names to values, not {type(facts).__name__}", what="facts")
    if len(facts) > MAX_FACTS:
        raise InvalidMessage(f"{len(facts)} facts given; the limit is {MAX_FACTS}", what="facts")
    cleaned: dict[str, FactValue] = {}
    for name, value in facts.items():
        _check_name(name)
        spec = policy.facts.get(name)
        if spec is not None:
            cleaned[name] = _convert(name, value, spec)
        elif name == REQUEST_FACT:
            cleaned[name] = _request(value, policy)
        elif policy.extra_facts == "allow":
            cleaned[name] = _convert(name, value, _EXTRA)
        else:
            declared = ", ".join(policy.facts) or "none"
            raise InvalidFact(
                name,
                f"is not a fact policy {policy.name!r} declares (it declares: {declared}); check the spelling, "
                "or let the policy accept other facts with extra_facts: allow",
            )
    return cleaned


def refuse_unsigned(facts: Mapping[str, Any] | None, policy: Policy) -> None:
    """Raise :class:`UntrustedFacts` naming every fact a public client may not send without the host's signature.

    Names the policy does not declare are left to :func:`clean_facts`, which refuses them unless the
    policy accepts extra facts; those never decide anything, so they need no signature.
    """
    if not facts or not isinstance(facts, Mapping):
        return
    refused = [
        name for name in facts if isinstance(name, str) and name in policy.facts and not unsigned_allowed(name, policy)
    ]
    if refused:
        allowed = [name for name in policy.facts if unsigned_allowed(name, policy)]
        raise UntrustedFacts(refused, allowed)


def unsigned_allowed(name: str, policy: Policy) -> bool:
    """Whether a public client may send fact ``name`` without the host's signature."""
    spec = policy.facts.get(name)
    return spec.allow_unsigned if spec is not None else name == REQUEST_FACT or policy.extra_facts == "allow"


_GOOD_NAMES: set[str] = set()
"""Fact names already found good: the same few names come with every conversation a host opens."""
_GOOD_NAMES_KEPT = 1024


def _check_name(name: object) -> None:
    if name in _GOOD_NAMES:
        return
    if not isinstance(name, str) or not 0 < len(name) <= MAX_FACT_NAME_CHARS or not _CONTROL.isdisjoint(name):
        shown = name[:MAX_FACT_NAME_CHARS] if isinstance(name, str) else str(name)
        raise InvalidFact(shown, f"must be named with 1 to {MAX_FACT_NAME_CHARS} characters and no control characters")
    if len(_GOOD_NAMES) < _GOOD_NAMES_KEPT:
        _GOOD_NAMES.add(name)


def _request(value: Any, policy: Policy) -> FactValue:
    if value is None or (isinstance(value, str) and value in policy.requests):
        return value
    raise InvalidFact(
        REQUEST_FACT, f"must name one of the policy's requests ({', '.join(policy.requests)}), not {value!r}"
    )


def _convert(name: str, value: Any, spec: FactSpec) -> FactValue:
    if value is None:
        return None
    if spec.kind in NUMERIC_KINDS:
        return _number(name, value, spec)
    if spec.kind == "yes_no":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise InvalidFact(name, f"must be yes or no (true/false), not {value!r}")
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return _finite(name, value)
    if isinstance(value, str):
        if len(value) > MAX_FACT_CHARS or not _CONTROL.isdisjoint(value):
            raise InvalidFact(name, f"must be plain text under {MAX_FACT_CHARS} characters, with no control characters")
        return value
    raise InvalidFact(name, f"must be text, a number or true/false, not {type(value).__name__}")


def _number(name: str, value: Any, spec: FactSpec) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        shown = repr(value) if isinstance(value, bool) else type(value).__name__
        raise InvalidFact(name, f"must be a number, not {shown}")
    number: int | float = value if not isinstance(value, str) else _parse_number(name, value)
    number = _finite(name, number)
    if not spec.within_bounds(number):
        raise InvalidFact(name, f"must be {_bounds(spec)}, not {number:g}")
    return int(number) if isinstance(number, float) and isinstance(value, str) and number.is_integer() else number


def _parse_number(name: str, text: str) -> float:
    try:
        return float(text.strip())
    except ValueError:
        raise InvalidFact(name, f"must be a number, not {text[:40]!r}") from None


def _finite(name: str, number: int | float) -> int | float:
    if isinstance(number, int):
        if abs(number) > MAX_SAFE_INTEGER:
            raise InvalidFact(name, f"must be a number between -{MAX_SAFE_INTEGER} and {MAX_SAFE_INTEGER}")
        return number
    if not math.isfinite(number):
        raise InvalidFact(name, f"must be a finite number, not {number!r}")
    return number


def _bounds(spec: FactSpec) -> str:
    if spec.min is not None and spec.max is not None:
        return f"between {spec.min:g} and {spec.max:g}"
    if spec.min is not None:
        return f"at least {spec.min:g}"
    return f"at most {spec.max:g}"
