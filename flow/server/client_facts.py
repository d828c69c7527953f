"""Facts sent by a public client (a page's widget): the one place every public channel reads them from.

The Rasa REST channel's ``metadata`` and the socket.io channel's ``customData`` carry facts the same
way: ``{"facts": {...}, "facts_token": "..."}``. ``facts`` are unsigned, so the engine accepts only
those the policy allows unsigned; ``facts_token`` carries the host's own, signed with the facts key
(see :mod:`flow.server.trust`). Both channels follow the same rules through :func:`client_facts`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flow.errors import InvalidMessage
from flow.server.trust import FactsGate, OfferedFacts


def client_facts(data: object, gate: FactsGate, *, server_to_server: bool = False, later: bool = False) -> OfferedFacts:
    """The facts in a client's ``metadata`` / ``customData`` object (none when it carries none).

    ``later`` is for the messages after the first of a conversation: a widget sends the token it
    opened the conversation with on each of them, and once that token expires it carries no facts
    rather than stopping the customer's messages. A forged token is refused whenever it comes.
    """
    if data is None:
        return OfferedFacts()
    if not isinstance(data, Mapping):
        raise InvalidMessage('customData must be an object, such as {"facts": {"customer_name": "Dana"}}')
    facts: Any = data.get("facts")
    if facts is not None and not isinstance(facts, Mapping):
        raise InvalidMessage("customData.facts must be an object of fact names and values")
    token: Any = data.get("facts_token")
    if token is not None and not isinstance(token, str):
        raise InvalidMessage("customData.facts_token must be the JWT the host signed, as a string")
    return gate.offered(dict(facts or {}), token, server_to_server=server_to_server, expired_ok=later)
