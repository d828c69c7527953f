"""Facts signed by the host: the facts key, verifying the token a public client carries, and signing one.

A page cannot be trusted with facts that decide a request, so the host application signs them into
a JSON Web Token: ``{"facts": {...}, "exp": ...}`` (and, optionally, ``"policy": "retail"`` to bind
it to one policy). The server verifies it with its facts key, an HS256 secret shared with the host
or the RS256 public key whose private half only the host holds, and accepts only the algorithm that
key is for. A token without an expiry is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import jwt
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key, load_pem_public_key

from flow.errors import InvalidFactsToken

Algorithm = Literal["HS256", "RS256"]
FACTS_CLAIM = "facts"
POLICY_CLAIM = "policy"
MIN_SECRET_BYTES = 32
MIN_RSA_BITS = 2048
MAX_TOKEN_CHARS = 8192
LEEWAY_SECONDS = 30
_PEM = "-----BEGIN"


@dataclass(frozen=True, slots=True)
class FactsKey:
    """The key that verifies facts tokens, and the one algorithm it accepts."""

    algorithm: Algorithm
    key: bytes | RSAPublicKey

    @classmethod
    def parse(cls, text: str) -> FactsKey:
        """An HS256 secret (at least 32 bytes), or an RS256 public key in PEM form.

        Raises ``ValueError`` saying what to give instead.
        """
        if _PEM not in text:
            secret = text.encode("utf-8")
            if len(secret) < MIN_SECRET_BYTES:
                raise ValueError(
                    f"an HS256 facts key must be at least {MIN_SECRET_BYTES} bytes, not {len(secret)}; make one with "
                    "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`"
                )
            return cls("HS256", secret)
        if "PRIVATE KEY" in text:
            raise ValueError(
                "the facts key is a private key; give the server the RS256 public key and keep the private key "
                "with the host application that signs"
            )
        try:
            public = load_pem_public_key(text.encode("utf-8"))
        except ValueError as e:
            raise ValueError(f"the facts key is not a PEM public key: {e}") from e
        if not isinstance(public, RSAPublicKey):
            raise ValueError("the facts key must be an RSA public key (RS256)")
        if public.key_size < MIN_RSA_BITS:
            raise ValueError(f"an RS256 facts key must have at least {MIN_RSA_BITS} bits, not {public.key_size}")
        return cls("RS256", public)


def read_facts_key(value: str) -> str:
    """The key text ``value`` stands for: the contents of the file it names, or ``value`` itself."""
    if _PEM in value or "\n" in value:
        return value
    path = Path(value).expanduser()
    try:
        if path.is_file():
            return path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(f"cannot read the facts key file {value}: {e}") from e
    return value


@dataclass(frozen=True, slots=True)
class SignedFacts:
    """What a verified token carries: the facts, and the policy it was signed for, if it names one."""

    facts: dict[str, Any]
    policy: str | None = None


class FactsVerifier:
    """Checks facts tokens against the server's facts keys (the configured one, and the demo's own)."""

    def __init__(self, keys: Sequence[FactsKey]) -> None:
        self.keys = tuple(keys)

    def verify(self, token: str, *, expired_ok: bool = False) -> SignedFacts:
        """The facts a valid token carries; raise :class:`~flow.errors.InvalidFactsToken` otherwise.

        ``expired_ok`` reads an expired (but genuine) token as carrying no facts, for a channel that
        sends the same token with every message of a conversation it opened while the token was fresh.
        """
        if not self.keys:
            raise InvalidFactsToken(
                "this server has no facts key to check it; start it with --facts-key (TACTFUL_FACTS_KEY)"
            )
        if not isinstance(token, str) or not 0 < len(token) <= MAX_TOKEN_CHARS:
            raise InvalidFactsToken(f"a facts token is a JWT of 1 to {MAX_TOKEN_CHARS} characters")
        claims = self._decode(token, expired_ok=expired_ok)
        if claims is None:
            return SignedFacts({})
        facts = claims.get(FACTS_CLAIM)
        if not isinstance(facts, dict):
            raise InvalidFactsToken(f"its {FACTS_CLAIM!r} claim must be an object of fact names and values")
        bound = claims.get(POLICY_CLAIM)
        if bound is not None and not isinstance(bound, str):
            raise InvalidFactsToken(f"its {POLICY_CLAIM!r} claim must be a policy name")
        return SignedFacts(facts, bound)

    def _decode(self, token: str, *, expired_ok: bool) -> dict[str, Any] | None:
        for key in self.keys:
            try:
                claims: dict[str, Any] = jwt.decode(
                    token,
                    key.key,
                    algorithms=[key.algorithm],
                    options={"require": ["exp"], "verify_aud": False},
                    leeway=LEEWAY_SECONDS,
                )
            except (jwt.InvalidSignatureError, jwt.InvalidAlgorithmError):
                continue
            except jwt.ExpiredSignatureError as e:
                if expired_ok:
                    return None
                raise InvalidFactsToken("it has expired; the host must sign a fresh one") from e
            except jwt.MissingRequiredClaimError as e:
                raise InvalidFactsToken("it has no expiry ('exp' claim); the host must sign one that expires") from e
            except jwt.PyJWTError as e:
                raise InvalidFactsToken(f"it cannot be read ({e})") from e
            return claims
        raise InvalidFactsToken("its signature does not match the server's facts key")


def sign_facts(
    facts: Mapping[str, Any],
    key: str | bytes | RSAPrivateKey,
    *,
    expires_in: timedelta = timedelta(minutes=15),
    algorithm: Algorithm = "HS256",
    policy: str | None = None,
    now: datetime | None = None,
) -> str:
    """A facts token for the host application to hand its page: ``facts``, signed with ``key``, expiring.

    ``key`` is the HS256 secret, or for RS256 the private key (an object or PEM text).
    """
    issued = now or datetime.now(UTC)
    claims: dict[str, Any] = {FACTS_CLAIM: dict(facts), "iat": issued, "exp": issued + expires_in}
    if policy is not None:
        claims[POLICY_CLAIM] = policy
    signing: bytes | RSAPrivateKey
    if algorithm == "RS256" and isinstance(key, str | bytes):
        loaded = load_pem_private_key(key.encode() if isinstance(key, str) else key, password=None)
        if not isinstance(loaded, RSAPrivateKey):
            raise ValueError("RS256 facts tokens are signed with an RSA private key")
        signing = loaded
    else:
        signing = key.encode("utf-8") if isinstance(key, str) else key
    return jwt.encode(claims, signing, algorithm=algorithm)
