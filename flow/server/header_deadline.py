"""A deadline for receiving a request's headers, which uvicorn does not have.

uvicorn closes a kept-alive connection that stays idle, but a client that opens a connection and
sends nothing, or sends its headers a byte at a time, holds the connection for as long as it likes.
:func:`header_deadline_protocol` makes uvicorn's HTTP protocol class close such a connection (with
``408 Request Timeout``) when a request's headers have not all arrived within the deadline, counted
from the connection being opened or from the first byte of each later request on it.

``tactful serve`` uses it. With ``uvicorn`` on the command line, pass
``--http flow.server.header_deadline:HeaderDeadlineProtocol``; it reads the deadline from
``TACTFUL_HEADER_TIMEOUT_SECONDS`` (10 s when unset).
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.auto import AutoHTTPProtocol

REQUEST_TIMEOUT = b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


def header_deadline_protocol(
    seconds: float | None = None, *, base: type[asyncio.Protocol] = AutoHTTPProtocol
) -> type[asyncio.Protocol]:
    """uvicorn's HTTP protocol ``base`` with a deadline of ``seconds`` for each request's headers.

    ``None`` reads the deadline from the ``TACTFUL_*`` environment (``header_timeout_seconds``) on
    the first connection.
    """
    parent: Any = base

    class HeaderDeadline(parent):  # type: ignore[misc]  # uvicorn's protocols have no common typed base
        header_timeout: float | None = seconds
        _header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:
            super().connection_made(transport)
            self._watch_headers()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            self._watch_headers()

        def connection_lost(self, exc: Exception | None) -> None:
            self._stop_watching()
            super().connection_lost(exc)

        def _awaiting_headers(self) -> bool:
            transport: asyncio.Transport = self.transport
            if transport.is_closing() or transport.get_protocol() is not self:
                return False  # closed, or handed over to the WebSocket protocol
            # A request whose headers are complete has a response cycle that has not finished yet.
            return self.cycle is None or bool(self.cycle.response_complete)

        def _watch_headers(self) -> None:
            if not self._awaiting_headers():
                self._stop_watching()
            elif self._header_timer is None:
                self._header_timer = self.loop.call_later(_deadline(type(self)), self._headers_too_slow)

        def _stop_watching(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _headers_too_slow(self) -> None:
            self._header_timer = None
            if self._awaiting_headers():
                self.transport.write(REQUEST_TIMEOUT)
                self.transport.close()

    HeaderDeadline.__name__ = HeaderDeadline.__qualname__ = f"HeaderDeadline{base.__name__}"
    return HeaderDeadline


def _deadline(protocol: Any) -> float:
    if protocol.header_timeout is None:
        from flow.server.settings import ServerSettings

        protocol.header_timeout = ServerSettings.from_env().header_timeout_seconds
    timeout: float = protocol.header_timeout
    return timeout


HeaderDeadlineProtocol = header_deadline_protocol()
"""For ``uvicorn --http flow.server.header_deadline:HeaderDeadlineProtocol``: the deadline from the environment."""
