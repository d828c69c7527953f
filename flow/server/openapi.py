"""The parts of the OpenAPI schema that routes reading their own headers cannot declare themselves."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

TOKEN_SCHEME = "ConversationToken"

TOKEN_SECURITY: dict[str, Any] = {"security": [{TOKEN_SCHEME: []}]}
"""``openapi_extra`` for a route that needs the conversation's bearer token."""


def document_token_scheme(app: FastAPI) -> None:
    """Add the conversation token to the security schemes of ``app``'s OpenAPI schema."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            schema.setdefault("components", {}).setdefault("securitySchemes", {})[TOKEN_SCHEME] = {
                "type": "http",
                "scheme": "bearer",
                "description": "The `token` returned when the conversation was created.",
            }
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
