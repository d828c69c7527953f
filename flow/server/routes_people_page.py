"""``/agent``: the page where people sign in with their key, see the desk, and talk with customers."""

from __future__ import annotations

import time
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from flow.server.people import COOKIE, SESSION_SECONDS
from flow.server.routes_people import people_of
from flow.server.routes_web import web_asset

router = APIRouter(tags=["people"], include_in_schema=False)

# The page runs only its own script and talks only to its own server.
_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
MAX_LOGIN_BYTES = 1024


def _login_page(request: Request, *, problem: str = "", status: int = 200) -> HTMLResponse:
    enabled = people_of(request).enabled
    notice = problem or ("" if enabled else "Nobody can sign in: this server was started without agent keys.")
    page = web_asset("agent-login.html").replace("{{ problem }}", notice)
    return HTMLResponse(page, status_code=status, headers=_HEADERS)


@router.get("/agent")
async def agent_page(request: Request) -> Response:
    """The desk for a signed-in person, or the sign-in form."""
    name = people_of(request).by_cookie(request.cookies.get(COOKIE, ""), now=time.time())
    if name is None:
        return _login_page(request)
    return HTMLResponse(web_asset("agent.html"), headers=_HEADERS)


@router.get("/agent.js")
async def agent_script() -> Response:
    """The agent page's script."""
    return Response(web_asset("agent.js"), media_type="text/javascript; charset=utf-8", headers=_HEADERS)


@router.post("/agent/login")
async def login(request: Request) -> Response:
    """Sign in with an agent key; the session lives in an ``HttpOnly``, ``SameSite=Strict`` cookie."""
    body = await request.body()
    fields = parse_qs(body[:MAX_LOGIN_BYTES].decode("utf-8", "replace"))
    key = (fields.get("key") or [""])[0]
    people = people_of(request)
    name = people.by_key(key) if key else None
    if name is None:
        return _login_page(request, problem="That key is not right. Check it and try again.", status=403)
    response = RedirectResponse("/agent", status_code=303)
    response.set_cookie(
        COOKIE,
        people.cookie_for(name, now=time.time()),
        max_age=SESSION_SECONDS,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/agent/logout")
async def logout() -> Response:
    """Sign out: the cookie is removed."""
    response = RedirectResponse("/agent", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response
