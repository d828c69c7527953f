"""Quick-reply payloads: what a button sends back, read without any language understanding."""

from __future__ import annotations

from functools import lru_cache

from flow.models import Act, QuickReply, Signals
from flow.vocabulary import Intent

ACCEPT = "accept"
REJECT = "reject"
DONE = "thank_close"
PERSON = "person"
ALTERNATIVE = "alternative:"
REQUEST = "request:"
FACT = "fact:"
"""A value for a fact the agent asked for, offered as one of a few: ``fact:order_id=A-7374``."""

_INTENTS: dict[str, Intent] = {ACCEPT: "accept", REJECT: "reject", DONE: "thank_close", PERSON: "ask_human"}


def fact_values(payloads: list[str], name: str) -> tuple[str, ...]:
    """The values of fact ``name`` that the quick replies offered, in the order offered."""
    prefix = f"{FACT}{name}="
    return tuple(payload.removeprefix(prefix) for payload in payloads if payload.startswith(prefix))


def signals_for(payload: str) -> Signals:
    """The signals a quick-reply payload stands for (certain: confidence 1)."""
    if payload.startswith(ALTERNATIVE):
        return Signals(intent="accept", confidence=1.0, slots={"alternative": payload.removeprefix(ALTERNATIVE)})
    if payload.startswith(FACT):
        name, _, value = payload.removeprefix(FACT).partition("=")
        return Signals(intent="provide_info", confidence=1.0, facts={name: value}, acts=(Act.of("provide", name),))
    if payload.startswith(REQUEST):
        return Signals(intent="provide_info", confidence=1.0, slots={"request": payload.removeprefix(REQUEST)})
    return Signals(intent=_INTENTS[payload], confidence=1.0)


@lru_cache(maxsize=1024)
def button(title: str, payload: str) -> QuickReply:
    """A quick reply (immutable, so one object serves every turn that offers it)."""
    return QuickReply(title=title, payload=payload)
