"""How a tactful server is configured: one pydantic model, filled from arguments or the environment."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

ENV_PREFIX = "TACTFUL_"
MIN_AGENT_KEY_CHARS = 16
_LISTS = frozenset({"cors_origins", "trusted_proxies"})


class ServerSettings(BaseModel):
    """Everything ``create_app`` and ``tactful serve`` need besides the service itself."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    policy_file: Path | None = Field(
        default=None, description="Policy YAML to serve; the bundled `retail` policy when not given."
    )
    store_url: str = Field(
        default="sqlite:///tactful.db",
        description=(
            "Where conversations live: `memory`, `sqlite:///PATH`, `redis://HOST:PORT/DB` or "
            "`postgresql://USER@HOST/DB`."
        ),
    )
    cors_origins: tuple[str, ...] = Field(
        default=(), description="Origins whose pages may call the API from a browser (`*` for any)."
    )
    max_body_bytes: int = Field(default=16_384, gt=0, description="Largest request body accepted (413 past it).")
    rate_limit_per_second: float = Field(
        default=5.0,
        ge=0.0,
        description="Requests each client may make per second on average; 0 turns it off.",
    )
    rate_limit_burst: int = Field(default=20, gt=0, description="Requests a client may make at once.")
    store_timeout_seconds: float = Field(
        default=5.0,
        gt=0.0,
        description=(
            "Longest a store call may wait (SQLite's busy timeout, Redis's connect and read timeouts) before the "
            "request is answered 503 `store_unavailable` with `Retry-After`."
        ),
    )
    service_threads: int = Field(
        default=4,
        ge=1,
        description=(
            "Worker threads for turns on a store that may block (SQLite, Redis), so that the event loop never "
            "waits on one; a turn that finds all of them busy for the store timeout is answered 503. Turns on "
            "the memory store run on the event loop."
        ),
    )
    max_websockets_per_client: int = Field(
        default=20,
        gt=0,
        description="WebSockets one client may keep open at once; the next is closed with code 1013.",
    )
    header_timeout_seconds: float = Field(
        default=10.0,
        gt=0.0,
        description="Longest a client may take to send a request's headers before the connection is closed.",
    )
    trusted_proxies: tuple[str, ...] = Field(
        default=(),
        description=(
            "Addresses or networks (`10.0.0.5`, `10.0.0.0/24`) of the reverse proxies whose `X-Forwarded-For` "
            "names the client; from anyone else the header is ignored. None by default."
        ),
    )
    api_key: SecretStr | None = Field(
        default=None,
        description=(
            "Server-to-server key: `POST /v1/conversations` (and the Rasa channel) with "
            "`Authorization: Bearer <api_key>` may pass any fact, unsigned."
        ),
    )
    metrics_key: SecretStr | None = Field(
        default=None, description="When set, `/metrics` needs `Authorization: Bearer <metrics_key>`."
    )
    facts_key: SecretStr | None = Field(
        default=None,
        description=(
            "Verifies the facts tokens public clients carry: an HS256 secret of at least 32 bytes, an RS256 "
            "public key in PEM form, or the path of a file holding either."
        ),
    )
    demo: bool = Field(
        default=False,
        description=(
            "Serve the demo page's presets, signed by this server with a key of its own (`GET /demo/presets`). "
            "Anyone can fetch them, so never turn it on where decisions matter."
        ),
    )

    @field_validator("facts_key", mode="before")
    @classmethod
    def _read_facts_key(cls, value: object) -> object:
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if not isinstance(value, str):
            return value
        from flow.server.facts_tokens import FactsKey, read_facts_key

        text = read_facts_key(value)
        FactsKey.parse(text)
        return text

    agent_keys: dict[str, SecretStr] = Field(
        default_factory=dict,
        description=(
            "The people who may take over conversations: each display name (what customers see) with its own "
            f"key of at least {MIN_AGENT_KEY_CHARS} characters. Empty turns the agent endpoints and page off."
        ),
    )
    pubsub_url: str | None = Field(
        default=None,
        description=(
            "A Redis URL through which several servers reach each other's customers (socket.io and pushed "
            "messages); the store's URL when the store is Redis, else this process only."
        ),
    )
    desk_webhook_url: str | None = Field(
        default=None, description="Where to POST handoff, take-over, customer-message and hand-back events."
    )
    desk_webhook_secret: SecretStr | None = Field(
        default=None, description="Signs each desk webhook body (HMAC-SHA256, header `X-Tactful-Signature`)."
    )
    workers: int = Field(
        default=1,
        ge=1,
        description=(
            "Processes serving the same port and store (`tactful serve --workers`). Each process keeps its own "
            "rate-limit buckets, so each allows `rate_limit_per_second / workers` and `rate_limit_burst // "
            "workers`: however a client's requests spread over the processes, it never gets more than the "
            "configured rate and burst in all."
        ),
    )
    wait_check_seconds: float = Field(
        default=5.0, gt=0, description="How often to look for handed-over conversations nobody picked up in time."
    )

    @field_validator("agent_keys")
    @classmethod
    def _strong_agent_keys(cls, keys: dict[str, SecretStr]) -> dict[str, SecretStr]:
        for name, key in keys.items():
            if not name.strip() or len(name) > 60:
                raise ValueError(f"agent name {name!r} must be 1 to 60 characters")
            if len(key.get_secret_value()) < MIN_AGENT_KEY_CHARS:
                raise ValueError(f"the key of agent {name!r} is shorter than {MIN_AGENT_KEY_CHARS} characters")
        secrets = [key.get_secret_value() for key in keys.values()]
        if len(set(secrets)) != len(secrets):
            raise ValueError("two agents share a key; give each person their own")
        return keys

    @property
    def shared_pubsub_url(self) -> str | None:
        """The Redis URL servers share live messages through, if any."""
        if self.pubsub_url is not None:
            return self.pubsub_url
        location = self.store_url.partition("?")[0]
        return location if location.startswith(("redis://", "rediss://", "unix://")) else None

    @field_validator("trusted_proxies")
    @classmethod
    def _addresses_only(cls, proxies: tuple[str, ...]) -> tuple[str, ...]:
        for proxy in proxies:
            try:
                ipaddress.ip_network(proxy, strict=False)
            except ValueError:
                raise ValueError(
                    f"{proxy!r} is not an IP address or network; name each proxy by address, "
                    "e.g. 10.0.0.5 or 10.0.0.0/24"
                ) from None
        return proxies

    @model_validator(mode="after")
    def _keys_apart(self) -> ServerSettings:
        # Each key opens one door; one secret used for two would let either holder through both.
        roles = {"api_key": self.api_key, "metrics_key": self.metrics_key, "facts_key": self.facts_key}
        roles.update({f"agent key of {name!r}": key for name, key in self.agent_keys.items()})
        seen: dict[str, str] = {}
        for role, key in roles.items():
            if key is None:
                continue
            secret = key.get_secret_value()
            if secret in seen:
                raise ValueError(f"{seen[secret]} and {role} are the same secret; give each its own")
            seen[secret] = role
        return self

    @model_validator(mode="after")
    def _burst_per_worker(self) -> ServerSettings:
        if self.rate_limited and self.rate_limit_burst < self.workers:
            raise ValueError(
                f"the rate-limit burst ({self.rate_limit_burst}) is shared by {self.workers} workers and must be at "
                "least the number of workers; raise --rate-burst or use fewer workers"
            )
        return self

    @property
    def worker_rate_limit(self) -> tuple[float, int]:
        """The requests per second and the burst each worker process allows one client."""
        return self.rate_limit_per_second / self.workers, self.rate_limit_burst // self.workers

    @property
    def rate_limited(self) -> bool:
        """Whether clients are rate limited at all."""
        return self.rate_limit_per_second > 0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> ServerSettings:
        """Settings from ``TACTFUL_*`` variables (``TACTFUL_STORE_URL``…), then ``overrides``.

        ``TACTFUL_CORS_ORIGINS`` and ``TACTFUL_TRUSTED_PROXIES`` are comma-separated lists;
        ``TACTFUL_AGENT_KEYS`` a comma-separated list of ``NAME:KEY`` pairs.
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for name in cls.model_fields:
            raw = env.get(ENV_PREFIX + name.upper())
            if raw is None:
                continue
            if name in _LISTS:
                values[name] = tuple(o.strip() for o in raw.split(",") if o.strip())
            elif name == "agent_keys":
                values[name] = parse_agent_keys(raw.split(","))
            else:
                values[name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(values)

    def as_env(self) -> dict[str, str | None]:
        """These settings as the ``TACTFUL_*`` variables :meth:`from_env` reads back (``None``: unset the variable).

        How worker processes, which build their app from the environment, get the settings of the
        command that started them.
        """
        env: dict[str, str | None] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                value = value.get_secret_value()
            if name == "agent_keys":
                value = ",".join(f"{person}:{key.get_secret_value()}" for person, key in value.items()) or None
            elif name in _LISTS:
                value = ",".join(value) or None
            env[ENV_PREFIX + name.upper()] = None if value is None else str(value)
        return env


def parse_agent_keys(pairs: list[str]) -> dict[str, str]:
    """``["Alex Kim:KEY", ...]`` as a mapping of display names to keys (a name may hold a colon, a key may not)."""
    keys: dict[str, str] = {}
    for pair in (p.strip() for p in pairs):
        if not pair:
            continue
        name, colon, key = pair.rpartition(":")
        if not colon or not name.strip():
            raise ValueError("an agent key is not given as NAME:KEY (the display name, a colon, then the key)")
        if name.strip() in keys:
            raise ValueError(f"agent {name.strip()!r} is given twice")
        keys[name.strip()] = key
    return keys
