"""Limits on what one client can hold: WebSockets at once, time to send headers, and who it claims to be.

These run against real ``tactful serve`` processes (or an in-thread uvicorn for the WebSockets),
because the header deadline and the reading of ``X-Forwarded-For`` happen where uvicorn meets the app.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

import httpx
import pytest
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from flow.server.header_deadline import header_deadline_protocol
from tests.plugins.live_server import LiveServer, start_live_server
from tests.plugins.server_processes import ServerPool

DEFAULT_WEBSOCKETS_PER_CLIENT = 20
HEADER_TIMEOUT = 1.0
SLACK = 4.0


@pytest.fixture(scope="module")
def default_server() -> Iterator[LiveServer]:
    server = start_live_server(store_url="memory", rate_limit_per_second=0)
    try:
        yield server
    finally:
        server.stop()


def start(url: str) -> dict[str, Any]:
    response = httpx.post(f"{url}/v1/conversations", json={}, timeout=30)
    assert response.status_code == 201, response.text
    started: dict[str, Any] = response.json()
    return started


def open_socket(url: str, chat: dict[str, Any], headers: dict[str, str] | None = None) -> ClientConnection:
    ws = url.replace("http://", "ws://") + f"/v1/conversations/{chat['id']}/ws?token={chat['token']}"
    return connect(ws, open_timeout=10, additional_headers=headers)


def refused_with(opened: ClientConnection) -> tuple[int, str]:
    with pytest.raises(ConnectionClosed) as closed:
        opened.recv(timeout=10)
    assert closed.value.rcvd is not None
    return closed.value.rcvd.code, closed.value.rcvd.reason


def test_one_client_may_hold_twenty_websockets_and_the_next_is_told_to_try_later(default_server: LiveServer) -> None:
    chat = start(default_server.url)
    with ExitStack() as held:
        sockets = [
            held.enter_context(open_socket(default_server.url, chat)) for _ in range(DEFAULT_WEBSOCKETS_PER_CLIENT)
        ]
        readies = [socket.recv(timeout=10) for socket in sockets]
        with open_socket(default_server.url, chat) as one_too_many:
            code, reason = refused_with(one_too_many)
        sockets[0].close()
        time.sleep(0.2)
        with open_socket(default_server.url, chat) as replacement:
            accepted = replacement.recv(timeout=10)

    assert all('"type":"ready"' in ready.replace(" ", "") for ready in readies)
    assert code == 1013
    assert "20 WebSockets" in reason
    assert '"type":"ready"' in str(accepted).replace(" ", "")


def raw_connection(url: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=HEADER_TIMEOUT + SLACK + 5)


def answered(connection: socket.socket) -> bytes:
    """One whole response read from ``connection``: its status line and headers (the body is read and dropped)."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += connection.recv(4096)
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.lower().split(b"\r\n")
    length = next(int(line.split(b":")[1]) for line in lines if line.startswith(b"content-length:"))
    while len(body) < length:
        body += connection.recv(4096)
    return head


def closed_after(connection: socket.socket, *, trickle: bytes) -> float:
    """Send ``trickle`` a byte every 0.2 s until the server closes the connection; how long that took."""
    began = time.monotonic()
    answer = b""
    connection.settimeout(0.2)
    for byte in trickle:
        try:
            connection.sendall(bytes([byte]))
            answer = connection.recv(4096)
        except TimeoutError:
            if time.monotonic() - began > HEADER_TIMEOUT + SLACK:
                pytest.fail(f"the server still held the connection after {time.monotonic() - began:.1f} s")
            continue
        except (ConnectionResetError, BrokenPipeError):
            pass
        break
    assert answer in (b"",) or answer.startswith(b"HTTP/1.1 408")
    return time.monotonic() - began


SLOW_HEADERS = b"GET /healthz HTTP/1.1\r\nHost: tactful.test\r\nX-Slow: " + b"a" * 200


def test_a_client_sending_its_headers_slowly_is_cut_off(tactful_servers: ServerPool) -> None:
    server = tactful_servers.start("memory", "--header-timeout", str(HEADER_TIMEOUT))

    with raw_connection(server.url) as fresh, raw_connection(server.url) as kept:
        kept.sendall(b"GET /healthz HTTP/1.1\r\nHost: tactful.test\r\n\r\n")
        first = answered(kept)
        waited = [closed_after(one, trickle=SLOW_HEADERS) for one in (fresh, kept)]

    assert first.startswith(b"HTTP/1.1 200")
    assert max(waited) < HEADER_TIMEOUT + SLACK
    assert httpx.get(f"{server.url}/healthz", timeout=10).status_code == 200


@pytest.mark.parametrize("base", [HttpToolsProtocol, H11Protocol], ids=["httptools", "h11"])
def test_the_header_deadline_works_on_either_http_parser(base: type[asyncio.Protocol]) -> None:
    server = start_live_server(store_url="memory", http=header_deadline_protocol(HEADER_TIMEOUT, base=base))
    try:
        with raw_connection(server.url) as fresh, raw_connection(server.url) as kept:
            kept.sendall(b"GET /healthz HTTP/1.1\r\nHost: tactful.test\r\n\r\n")
            first = answered(kept)
            waited = [closed_after(one, trickle=SLOW_HEADERS) for one in (fresh, kept)]
        health = httpx.get(f"{server.url}/healthz", timeout=10)
    finally:
        server.stop()

    assert first.startswith(b"HTTP/1.1 200")
    assert max(waited) < HEADER_TIMEOUT + SLACK
    assert health.status_code == 200


def burst(url: str, forwarded_for: list[str]) -> list[int]:
    with httpx.Client(base_url=url, timeout=30) as client:
        return [
            client.post("/v1/conversations", json={}, headers={"X-Forwarded-For": address}).status_code
            for address in forwarded_for
        ]


ROTATING = [f"203.0.113.{n}" for n in range(1, 7)]


def test_x_forwarded_for_from_an_untrusted_peer_does_not_escape_the_rate_limit(tactful_servers: ServerPool) -> None:
    server = tactful_servers.start("memory", "--rate-limit", "0.01", "--rate-burst", "3")

    statuses = burst(server.url, ROTATING)

    assert statuses == [201, 201, 201, 429, 429, 429]


def test_x_forwarded_for_from_a_trusted_proxy_names_the_client(tactful_servers: ServerPool) -> None:
    server = tactful_servers.start(
        "memory", "--rate-limit", "0.01", "--rate-burst", "1", "--trusted-proxy", "127.0.0.0/8"
    )

    each_its_own = burst(server.url, ROTATING)
    one_client_behind_two_proxies = burst(server.url, ["198.51.100.7, 127.0.0.2", "198.51.100.7, 127.0.0.3"])
    spoofed_then_appended = burst(server.url, ["198.51.100.9, 198.51.100.8", "198.51.100.10, 198.51.100.8"])

    assert each_its_own == [201] * len(ROTATING)
    assert one_client_behind_two_proxies == [201, 429]
    assert spoofed_then_appended == [201, 429]


def test_websockets_behind_a_trusted_proxy_are_counted_per_client(tactful_servers: ServerPool) -> None:
    server = tactful_servers.start("memory", "--max-websockets-per-client", "2", "--trusted-proxy", "127.0.0.1")
    chat = start(server.url)
    ann, bob = {"X-Forwarded-For": "198.51.100.1"}, {"X-Forwarded-For": "198.51.100.2"}

    with open_socket(server.url, chat, ann) as first, open_socket(server.url, chat, ann) as second:
        first.recv(timeout=10)
        second.recv(timeout=10)
        with open_socket(server.url, chat, ann) as third:
            code, _ = refused_with(third)
        with open_socket(server.url, chat, bob) as other:
            ready = other.recv(timeout=10)

    assert code == 1013
    assert '"ready"' in str(ready)


def test_a_proxy_named_other_than_by_address_is_refused_before_listening() -> None:
    from typer.testing import CliRunner

    from flow.cli.commands_serve import app

    result = CliRunner().invoke(app, ["serve", "--store", "memory", "--trusted-proxy", "proxy.internal"])

    assert result.exit_code == 2
    assert "'proxy.internal' is not an IP address or network" in result.output
