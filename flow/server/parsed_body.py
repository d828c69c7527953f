"""Routes that read their JSON body once: one parse (orjson) and one validation per request.

FastAPI parses a body with the standard ``json`` module and then resolves every parameter of the
endpoint through its dependency machinery, which costs a chat turn more than parsing and validating
the body does. :class:`ParsedBodyRoute` takes the common case itself: a body sent as
``Content-Type: application/json`` that is a JSON object and valid for the route's model goes
straight to a handler with the validated model. Anything else (another content type, no body,
malformed JSON, an invalid body) is handed to FastAPI's own handler for the route, with the body
already read, so errors and the OpenAPI schema stay exactly what the declared endpoint gives.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

import orjson
from fastapi import Request, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)

BodyHandler = Callable[[Request, Any], Awaitable[Response]]
Endpoint = Callable[..., Awaitable[Response]]

_HANDLERS: dict[Callable[..., Any], tuple[type[BaseModel], BodyHandler]] = {}


def parsed_body(model: type[M], handle: Callable[[Request, M], Awaitable[Response]]) -> Callable[[Endpoint], Endpoint]:
    """Mark an endpoint whose valid JSON body of ``model`` can be served by ``handle(request, body)`` directly."""

    def mark(endpoint: Endpoint) -> Endpoint:
        _HANDLERS[endpoint] = (model, handle)
        return endpoint

    return mark


def parse_json_object(body: bytes) -> dict[str, Any] | None:
    """``body`` as a JSON object, or ``None`` when it is anything else (the slow path then explains why)."""
    try:
        found = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    return found if type(found) is dict else None


class ParsedBodyRoute(APIRoute):
    """An ``APIRoute`` that serves a well-formed body of a marked endpoint without FastAPI's parameter resolution."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """The handler: the marked fast path when it applies, else FastAPI's handler for the endpoint."""
        standard = super().get_route_handler()
        marked = _HANDLERS.get(self.endpoint)
        if marked is None:
            return standard
        model, handle = marked

        async def handler(request: Request) -> Response:
            if request.headers.get("content-type") == "application/json":
                data = parse_json_object(await request.body())
                if data is not None:
                    try:
                        body = model.model_validate(data)
                    except ValidationError:
                        pass  # FastAPI's handler validates it again and words the 422
                    else:
                        return await handle(request, body)
            return await standard(request)

        return handler
