"""Who the people at the desk are: each has a display name and a key, and a login cookie signed with that key.

The cookie is ``<name, base64url>.<expiry, unix seconds>.<HMAC-SHA256 with the person's key>``: any
server with the same agent keys accepts it, and changing a person's key signs them out everywhere.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Mapping

from pydantic import SecretStr

COOKIE = "tactful_agent"
SESSION_SECONDS = 12 * 3600


class People:
    """The people who may take over conversations, from ``ServerSettings.agent_keys``."""

    def __init__(self, keys: Mapping[str, SecretStr]) -> None:
        self._keys = {name: key.get_secret_value().encode() for name, key in keys.items()}

    @property
    def enabled(self) -> bool:
        """Whether anyone may take over at all."""
        return bool(self._keys)

    def by_key(self, key: str) -> str | None:
        """The display name of the person whose key this is."""
        given = key.encode()
        found = None
        for name, expected in self._keys.items():
            # Every key is compared, so the time taken does not tell how many were tried first.
            if hmac.compare_digest(expected, given):
                found = name
        return found

    def cookie_for(self, name: str, *, now: float) -> str:
        """A login cookie value for ``name``, valid for :data:`SESSION_SECONDS`."""
        encoded = base64.urlsafe_b64encode(name.encode()).decode().rstrip("=")
        payload = f"{encoded}.{int(now) + SESSION_SECONDS}"
        return f"{payload}.{self._mac(name, payload)}"

    def by_cookie(self, value: str, *, now: float) -> str | None:
        """The person a login cookie belongs to, if it is genuine and has not expired."""
        encoded, _, rest = value.partition(".")
        expiry, _, mac = rest.partition(".")
        try:
            name = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return None
        if name not in self._keys or not expiry.isdigit() or int(expiry) < now:
            return None
        return name if hmac.compare_digest(self._mac(name, f"{encoded}.{expiry}"), mac) else None

    def _mac(self, name: str, payload: str) -> str:
        return hmac.new(self._keys[name], payload.encode(), hashlib.sha256).hexdigest()
