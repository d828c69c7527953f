"""How a tactful server is configured: one pydantic model, filled from arguments or the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

ENV_PREFIX = "TACTFUL_"


class ServerSettings(BaseModel):
    """Everything ``create_app`` and ``tactful serve`` need besides the service itself."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    policy_file: Path | None = Field(
        default=None, description="Policy YAML to serve; the bundled `retail` policy when not given."
    )
    store_url: str = Field(
        default="sqlite:///tactful.db",
        description="Where conversations live: `memory`, `sqlite:///PATH` or `redis://HOST:PORT/DB`.",
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
    service_threads: int = Field(
        default=0,
        ge=0,
        description=(
            "0 runs each turn on the event loop; N runs up to N turns at once in worker threads, the rest "
            "waiting in order (for stores whose calls may block for long)."
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

    @property
    def rate_limited(self) -> bool:
        """Whether clients are rate limited at all."""
        return self.rate_limit_per_second > 0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> ServerSettings:
        """Settings from ``TACTFUL_*`` variables (``TACTFUL_STORE_URL``…), then ``overrides``.

        ``TACTFUL_CORS_ORIGINS`` is a comma-separated list.
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for name in cls.model_fields:
            raw = env.get(ENV_PREFIX + name.upper())
            if raw is None:
                continue
            values[name] = tuple(o.strip() for o in raw.split(",") if o.strip()) if name == "cors_origins" else raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(values)
