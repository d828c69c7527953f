"""A real uvicorn server on a free port of 127.0.0.1, and headless Chromium to drive the widget."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from tests.plugins.host_keys import HOST_KEYS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_STARTUP_SECONDS = 20.0


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-screenshots``: browser tests also write the screenshots kept under ``docs/images``."""
    parser.addoption(
        "--update-screenshots",
        action="store_true",
        default=False,
        help="write the documentation screenshots taken by the browser tests into docs/images",
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_healthy(url: str, *, seconds: float = _STARTUP_SECONDS, alive: Any = None) -> None:
    """Poll ``url``/healthz until it answers 200; fail the test after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(f"{url}/healthz", timeout=2.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if (alive is not None and not alive()) or time.monotonic() > deadline:
            pytest.fail(f"the server at {url} did not become healthy")
        time.sleep(0.05)


@dataclass
class LiveServer:
    """A uvicorn server running the tactful app in a background thread."""

    url: str
    server: Any
    thread: threading.Thread

    def stop(self) -> None:
        """Ask uvicorn to exit and wait for it."""
        self.server.should_exit = True
        self.thread.join(timeout=15)


def start_live_server(*, http: type[Any] | None = None, **settings: Any) -> LiveServer:
    """Serve ``build_app(ServerSettings(**settings))``, with the host keys, on a free port until ``stop`` is called.

    uvicorn is set up as ``tactful serve`` sets it up; ``http`` replaces its HTTP protocol class.
    """
    from flow.server.runtime import build_app
    from flow.server.settings import ServerSettings

    configured = ServerSettings(**{**HOST_KEYS, **settings})
    return serve_app(build_app(configured), configured, http=http)


def serve_app(app: Any, settings: Any, *, http: type[Any] | None = None) -> LiveServer:
    """Serve an app made for ``settings`` on a free port until ``stop`` is called."""
    import uvicorn

    from flow.server.runtime import uvicorn_options

    port = free_port()
    options = uvicorn_options(settings)
    if http is not None:
        options["http"] = http
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on", **options)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    live = LiveServer(url=f"http://127.0.0.1:{port}", server=server, thread=thread)
    wait_until_healthy(live.url, alive=thread.is_alive)
    return live


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveServer]:
    """A tactful server on a memory store, rate limit off, serving the demo presets, for the whole session."""
    live = start_live_server(store_url="memory", rate_limit_per_second=0, demo=True)
    try:
        yield live
    finally:
        live.stop()


# Per module: while Playwright's synchronous API is open it holds an event loop in the main thread,
# which the asynchronous tests of later modules need for their own.
@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """Headless Chromium, shared by one module's browser tests."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-test-deps to install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def chromium_page(chromium: Browser) -> Iterator[Page]:
    """A fresh browser tab with its own session storage; closed after the test."""
    context = chromium.new_context(viewport={"width": 1200, "height": 820})
    opened = context.new_page()
    try:
        yield opened
    finally:
        context.close()
