"""Every error the HTTP API returns has one JSON shape: ``{"error": {"code", "message"}}``.

The tactful error a request raised decides the status; nothing the request asked for was applied.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from flow.errors import (
    AccessDenied,
    ConversationClosed,
    InvalidFact,
    InvalidFactsToken,
    InvalidMessage,
    MessageIdReused,
    PolicyMismatch,
    StoreUnavailable,
    TactfulError,
    TakeoverRefused,
    UnknownConversation,
    UnknownPolicy,
    UntrustedFacts,
    VersionConflict,
)
from flow.server.responses import OrjsonResponse


class ErrorDetail(BaseModel):
    """What went wrong, as a stable code for programs and a sentence for people."""

    code: str = Field(description="Stable machine-readable code, e.g. `access_denied`.", examples=["access_denied"])
    message: str = Field(description="What was wrong and what to do next.")


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


class Unauthorized(TactfulError):
    """A request without the key an endpoint needs, or with a wrong one."""

    def __init__(self, message: str = "this endpoint needs the server's key as `Authorization: Bearer <key>`") -> None:
        super().__init__(message)


class AgentsOff(TactfulError):
    """The server has no agent keys, so nobody can take over."""

    def __init__(self) -> None:
        super().__init__("nobody can take over on this server: start it with --agent-key 'NAME:KEY' for each person")


class WrongOrigin(TactfulError):
    """A change made with a person's login cookie, sent from a page of another site."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        super().__init__(f"requests from {origin} may not act for a signed-in person; use the agent page")


_STATUS: list[tuple[type[TactfulError], int, str]] = [
    (AgentsOff, 404, "not_found"),
    (WrongOrigin, 403, "access_denied"),
    (TakeoverRefused, 409, "takeover_refused"),
    (AccessDenied, 403, "access_denied"),
    (Unauthorized, 403, "access_denied"),
    (UntrustedFacts, 403, "untrusted_facts"),
    (InvalidFactsToken, 403, "invalid_facts_token"),
    (UnknownConversation, 404, "unknown_conversation"),
    (ConversationClosed, 409, "conversation_closed"),
    (VersionConflict, 409, "version_conflict"),
    (PolicyMismatch, 409, "policy_mismatch"),
    (InvalidFact, 422, "invalid_fact"),
    (MessageIdReused, 422, "message_id_reused"),
    (InvalidMessage, 422, "invalid_message"),
    (UnknownPolicy, 422, "unknown_policy"),
    (StoreUnavailable, 503, "store_unavailable"),
]

_HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    429: "rate_limited",
}

INTERNAL_ERROR_MESSAGE = "the server failed to answer this request and logged why; retry, and report it if it persists"


def describe(error: TactfulError) -> tuple[int, ErrorDetail]:
    """The HTTP status and error body for a tactful error."""
    for kind, status, code in _STATUS:
        if isinstance(error, kind):
            return status, ErrorDetail(code=code, message=str(error))
    return 400, ErrorDetail(code="bad_request", message=str(error))


def error_response(status: int, code: str, message: str, *, headers: Mapping[str, str] | None = None) -> OrjsonResponse:
    """A JSON error response in the API's one shape."""
    return OrjsonResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def validation_message(errors: list[Any]) -> str:
    """One readable sentence from pydantic's validation errors."""
    parts = []
    for error in errors:
        if error.get("type") == "json_invalid":
            parts.append("the body is not valid JSON")
            continue
        location = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
        parts.append(f"{location}: {error.get('msg', 'invalid')}" if location else str(error.get("msg")))
    return "the request is not valid: " + "; ".join(parts)


def retry_headers(error: TactfulError) -> dict[str, str] | None:
    """``Retry-After`` for an error that will pass with time (the store being unavailable)."""
    return {"Retry-After": str(error.retry_after)} if isinstance(error, StoreUnavailable) else None


async def _tactful_error(request: Request, error: Exception) -> OrjsonResponse:
    assert isinstance(error, TactfulError)
    status, detail = describe(error)
    return error_response(status, detail.code, detail.message, headers=retry_headers(error))


async def _unexpected_error(request: Request, error: Exception) -> OrjsonResponse:
    # Starlette logs the error and raises it again after this answer goes out.
    return error_response(500, "internal_error", INTERNAL_ERROR_MESSAGE)


async def _validation_error(request: Request, error: Exception) -> OrjsonResponse:
    assert isinstance(error, RequestValidationError)
    return error_response(422, "invalid_request", validation_message(list(error.errors())))


# FastAPI answers 400 with this detail when the body cannot be read as JSON at all (not UTF-8, or
# nested past the parser's depth); it is an invalid request like any other malformed body.
_UNREADABLE_BODY = "There was an error parsing the body"
UNREADABLE_BODY_MESSAGE = "the request is not valid: the body is not JSON in UTF-8, or is nested too deeply"


async def _http_error(request: Request, error: Exception) -> OrjsonResponse:
    assert isinstance(error, StarletteHTTPException)
    if error.status_code == 400 and error.detail == _UNREADABLE_BODY:
        return error_response(422, "invalid_request", UNREADABLE_BODY_MESSAGE)
    code = _HTTP_CODES.get(error.status_code, "http_error")
    message = str(error.detail)
    if error.status_code in (404, 405) and message in ("Not Found", "Method Not Allowed"):
        message = f"there is no {request.method} {request.url.path}; the API is described at /docs"
    return error_response(error.status_code, code, message, headers=error.headers)


def install_error_handlers(app: FastAPI) -> None:
    """Make every error ``app`` raises come out in the API's JSON shape."""
    app.add_exception_handler(TactfulError, _tactful_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    403: {
        "model": ErrorResponse,
        "description": (
            "The token is missing or does not open this conversation; or facts came unsigned that only the host "
            "may give (`untrusted_facts`), in a facts token that does not verify (`invalid_facts_token`), or "
            "with a wrong API key (`access_denied`)."
        ),
    },
    404: {"model": ErrorResponse, "description": "No conversation has this id."},
    409: {"model": ErrorResponse, "description": "The conversation is closed, or changed at the same time."},
    413: {"model": ErrorResponse, "description": "The request body is larger than the server accepts."},
    422: {"model": ErrorResponse, "description": "The request or the message is not valid."},
    429: {"model": ErrorResponse, "description": "Too many requests; retry after `Retry-After` seconds."},
    503: {
        "model": ErrorResponse,
        "description": "The store did not answer in time; retry after `Retry-After` seconds (same `message_id`).",
    },
}
