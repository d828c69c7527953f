"""Facts sent by a public client (a page's widget): the one place every public channel reads them from.

The Rasa REST channel's ``metadata`` and the socket.io channel's ``customData`` carry facts the same
way, as ``{"facts": {...}}``; whatever rules decide which of those facts a page may state (signed by
the host, or allowed unsigned by the policy) apply here, so both channels follow them alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flow.errors import InvalidMessage
from flow.models import FactValue


def client_facts(data: object) -> dict[str, FactValue]:
    """The facts in a client's ``metadata`` / ``customData`` object (none when it carries no ``facts``)."""
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise InvalidMessage('customData must be an object, such as {"facts": {"customer_name": "Dana"}}')
    facts: Any = data.get("facts")
    if facts is None:
        return {}
    if not isinstance(facts, Mapping):
        raise InvalidMessage("customData.facts must be an object of fact names and values")
    return dict(facts)
