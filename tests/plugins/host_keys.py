"""The keys a host application holds in tests: the API key for server-to-server calls and the facts key.

Servers the tests start take both, so a test passes facts the way a real host would: with the API
key as bearer from its own server, or in a facts token its page carries.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

API_KEY = "host-api-key-for-the-tests-0123456789"
FACTS_KEY = "host-facts-key-for-the-tests-0123456789"
HOST = {"Authorization": f"Bearer {API_KEY}"}
"""Headers of a request from the host application's own server."""
HOST_KEYS: dict[str, Any] = {"api_key": API_KEY, "facts_key": FACTS_KEY}
"""``ServerSettings`` arguments for a server that knows the host's keys."""
HOST_ARGS = ("--api-key", API_KEY, "--facts-key", FACTS_KEY)
"""``tactful serve`` options for the same."""


def signed(facts: Mapping[str, Any], *, expires_in: timedelta = timedelta(minutes=5), **options: Any) -> str:
    """A facts token the host application signed for its page."""
    from flow.server.facts_tokens import sign_facts

    return sign_facts(facts, FACTS_KEY, expires_in=expires_in, **options)
