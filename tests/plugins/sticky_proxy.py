"""A small HTTP proxy in front of several servers, sticky per socket.io session as a load balancer would be.

A request that carries a socket.io ``sid`` goes to the server that issued it; any other request (a new
connection) goes to the next server in turn. The proxy learns which server issued a ``sid`` from the
Engine.IO handshake it forwards. WebSocket upgrades are piped through both ways.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import threading
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.plugins.live_server import free_port

_SID = re.compile(rb'"sid"\s*:\s*"([^"]+)"')
_HEAD_LIMIT = 65_536


class StickyProxy:
    """Forwards to ``backends`` (``(host, port)`` pairs) from a free port of 127.0.0.1."""

    def __init__(self, backends: list[tuple[str, int]]) -> None:
        self.backends = backends
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.sessions: dict[str, int] = {}
        self.new_connections: list[int] = []
        self._turn = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"sticky-proxy-{self.port}", daemon=True)
        self._server: asyncio.AbstractServer | None = None
        self._upstreams: set[asyncio.StreamWriter] = set()

    def start(self) -> StickyProxy:
        """Listen in a background thread."""
        self._thread.start()
        if not self._ready.wait(10):
            pytest.fail("the sticky proxy did not start")
        return self

    def stop(self) -> None:
        """Stop listening, end the connections still open, and end the thread."""
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        for upstream in self._upstreams:
            upstream.close()
        running = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", self.port))
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._server.close()
            self._loop.close()

    def _choose(self, target: str) -> tuple[int, bool]:
        sid = parse_qs(urlsplit(target).query).get("sid", [None])[0]
        if sid is not None and sid in self.sessions:
            return self.sessions[sid], False
        backend = self._turn % len(self.backends)
        self._turn += 1
        self.new_connections.append(backend)
        return backend, True

    async def _handle(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        try:
            head = await client_reader.readuntil(b"\r\n\r\n")
            if len(head) > _HEAD_LIMIT:
                return
            lines = head.decode("latin-1").split("\r\n")
            target = lines[0].split(" ")[1]
            headers = {
                line.split(":", 1)[0].strip().lower(): line.split(":", 1)[1].strip()
                for line in lines[1:]
                if ":" in line
            }
            body = await client_reader.readexactly(int(headers.get("content-length", "0")))
            backend, new = self._choose(target)
            host, port = self.backends[backend]
            upstream_reader, upstream_writer = await asyncio.open_connection(host, port)
            self._upstreams.add(upstream_writer)
            upgrade = headers.get("upgrade", "").lower() == "websocket"
            if not upgrade:
                kept = [line for line in lines[1:] if line and not line.lower().startswith("connection:")]
                head = ("\r\n".join([lines[0], *kept, "Connection: close"]) + "\r\n\r\n").encode("latin-1")
            upstream_writer.write(head + body)
            await upstream_writer.drain()
            if upgrade:
                await asyncio.gather(_pipe(client_reader, upstream_writer), _pipe(upstream_reader, client_writer))
                return
            response = await upstream_reader.read()
            found = _SID.search(response) if new else None
            if found is not None:
                self.sessions[found.group(1).decode()] = backend
            client_writer.write(response)
            await client_writer.drain()
            upstream_writer.close()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError, ValueError):
            pass
        finally:
            client_writer.close()
            with contextlib.suppress(ConnectionError, asyncio.CancelledError):
                await client_writer.wait_closed()


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError):
        while chunk := await reader.read(65_536):
            writer.write(chunk)
            await writer.drain()
    writer.close()


@pytest.fixture
def sticky_proxy() -> Iterator[type[StickyProxy]]:
    """Start proxies with ``sticky_proxy(backends).start()``; each is stopped after the test."""
    started: list[StickyProxy] = []

    class Tracked(StickyProxy):
        def start(self) -> StickyProxy:
            started.append(self)
            return super().start()

    yield Tracked
    for proxy in started:
        proxy.stop()
