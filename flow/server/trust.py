"""Which facts a request may set: the host's own, or the few a public client may send unsigned.

Facts are the host's when the request carries the server's API key (server to server) or when they
come in a facts token the facts key verifies. Anything else a client sends is unsigned: the engine
accepts only the facts the policy marks ``allow_unsigned`` and names the others in a 403.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import SecretStr
from starlette.requests import HTTPConnection

from flow.server.errors import Unauthorized
from flow.server.facts_tokens import FactsVerifier, SignedFacts


@dataclass(frozen=True, slots=True)
class OfferedFacts:
    """The facts one request carries, split by trust, and the policy a facts token was signed for."""

    host: dict[str, Any] = field(default_factory=dict)
    unsigned: dict[str, Any] = field(default_factory=dict)
    signed_for: str | None = None


def bearer_token(connection: HTTPConnection) -> str | None:
    """The credentials of an ``Authorization: Bearer …`` header, if the request has one."""
    scheme, _, credentials = connection.headers.get("authorization", "").partition(" ")
    return credentials if scheme.lower() == "bearer" and credentials else None


class FactsGate:
    """Decides, for each request, which of its facts are the host's."""

    def __init__(self, *, api_key: SecretStr | None, verifier: FactsVerifier) -> None:
        self._api_key = api_key.get_secret_value().encode() if api_key is not None else None
        self.verifier = verifier

    def server_to_server(self, connection: HTTPConnection) -> bool:
        """Whether the request carries the API key; a bearer that is not the API key is refused."""
        given = bearer_token(connection)
        if given is None:
            return False
        if self._api_key is None:
            raise Unauthorized(
                "this server has no API key, so it takes no Authorization header here; "
                "leave it out, or start the server with --api-key to pass facts server to server"
            )
        if not hmac.compare_digest(self._api_key, given.encode()):
            raise Unauthorized("the bearer key is not this server's API key; check it, or leave the header out")
        return True

    def offered(
        self,
        facts: Mapping[str, Any] | None,
        token: str | None,
        *,
        server_to_server: bool = False,
        expired_ok: bool = False,
    ) -> OfferedFacts:
        """The host's facts (the token's, and all of them server to server) and the unsigned rest.

        ``expired_ok``: see :meth:`~flow.server.facts_tokens.FactsVerifier.verify`.
        """
        signed = self.verifier.verify(token, expired_ok=expired_ok) if token is not None else SignedFacts({})
        given = dict(facts or {})
        if server_to_server:
            return OfferedFacts(host={**given, **signed.facts}, signed_for=signed.policy)
        return OfferedFacts(host=signed.facts, unsigned=given, signed_for=signed.policy)
