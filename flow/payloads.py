"""Quick-reply payloads: what a button sends back, read without any language understanding."""

from __future__ import annotations

from functools import lru_cache

from flow.models import QuickReply, Signals
from flow.vocabulary import Intent

ACCEPT = "accept"
REJECT = "reject"
DONE = "thank_close"
PERSON = "person"
ALTERNATIVE = "alternative:"
REQUEST = "request:"

_INTENTS: dict[str, Intent] = {ACCEPT: "accept", REJECT: "reject", DONE: "thank_close", PERSON: "ask_human"}


def signals_for(payload: str) -> Signals:
    """The signals a quick-reply payload stands for (certain: confidence 1)."""
    if payload.startswith(ALTERNATIVE):
        return Signals(intent="accept", confidence=1.0, slots={"alternative": payload.removeprefix(ALTERNATIVE)})
    if payload.startswith(REQUEST):
        return Signals(intent="provide_info", confidence=1.0, slots={"request": payload.removeprefix(REQUEST)})
    return Signals(intent=_INTENTS[payload], confidence=1.0)


@lru_cache(maxsize=1024)
def button(title: str, payload: str) -> QuickReply:
    """A quick reply (immutable, so one object serves every turn that offers it)."""
    return QuickReply(title=title, payload=payload)
