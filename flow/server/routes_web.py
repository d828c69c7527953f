"""The demo page, the widget script, the health check and the metrics."""

from __future__ import annotations

import hmac
from importlib import resources
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from flow.server.errors import ERROR_RESPONSES, Unauthorized
from flow.server.gateway import ChatGateway
from flow.server.metrics import ServerMetrics
from flow.server.schemas import Health, Ready
from flow.server.settings import ServerSettings

router = APIRouter()

_metrics_key = HTTPBearer(
    auto_error=False, scheme_name="MetricsKey", description="The server's metrics key, when one is configured."
)


def web_asset(name: str) -> str:
    """The text of a file in ``flow/web``."""
    return (resources.files("flow") / "web" / name).read_text(encoding="utf-8")


@router.get("/", response_class=HTMLResponse, summary="Demo page", tags=["web"])
async def demo_page() -> HTMLResponse:
    """A page that shows the widget in a refusal conversation."""
    return HTMLResponse(web_asset("index.html"))


@router.get(
    "/widget.js",
    summary="Embeddable widget",
    tags=["web"],
    response_class=Response,
    responses={200: {"content": {"text/javascript": {}}, "description": "The `<tactful-chat>` element."}},
)
async def widget_script() -> Response:
    """The dependency-free ``<tactful-chat>`` custom element."""
    return Response(
        web_asset("widget.js"),
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=300"},
    )


@router.get("/healthz", summary="Liveness check", tags=["operations"])
async def health(request: Request) -> Health:
    """The server process is up and its event loop free; lists the policies it serves. Never touches the store."""
    return Health(status="ok", policies=request.app.state.gateway.policies)


@router.get(
    "/readyz",
    summary="Readiness check",
    tags=["operations"],
    responses={503: ERROR_RESPONSES[503]},
)
async def ready(request: Request) -> Ready:
    """The store can take a write now (a Redis PING, SQLite's write lock taken and given back).

    503 ``store_unavailable`` with ``Retry-After`` when it cannot answer within the store timeout.
    """
    gateway: ChatGateway = request.app.state.gateway
    await gateway.ping()
    return Ready(status="ready")


async def require_metrics_key(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_metrics_key)]
) -> None:
    """Refuse the request unless it carries the configured metrics key (when there is one)."""
    settings: ServerSettings = request.app.state.settings
    if settings.metrics_key is None:
        return
    expected = settings.metrics_key.get_secret_value().encode()
    given = (credentials.credentials if credentials else "").encode()
    if not hmac.compare_digest(expected, given):
        raise Unauthorized("/metrics needs the server's metrics key as `Authorization: Bearer <metrics_key>`")


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    tags=["operations"],
    response_class=Response,
    dependencies=[Depends(require_metrics_key)],
    responses={
        200: {"content": {"text/plain": {}}, "description": "Metrics in Prometheus text format."},
        403: ERROR_RESPONSES[403],
    },
)
async def metrics(request: Request) -> Response:
    """Turns, outcomes, escalations by reason and turn latency."""
    collected: ServerMetrics = request.app.state.metrics
    return Response(collected.render(), media_type=collected.content_type)
