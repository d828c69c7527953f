"""A socket.io client that talks the way rasa-webchat does, for the socket.io channel tests."""

from __future__ import annotations

import asyncio
from typing import Any

import socketio


class RasaWidget:
    """One widget: connects, asks for a session, sends ``user_uttered`` and collects what comes back."""

    def __init__(self, url: str, *, headers: dict[str, str] | None = None, transports: list[str] | None = None) -> None:
        self.url = url
        self.headers = headers or {}
        self.transports = transports or ["websocket"]
        self.client = socketio.AsyncClient(reconnection=False)
        self.session_id: str | None = None
        self.uttered: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.errors: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._confirmed: asyncio.Queue[Any] = asyncio.Queue()
        self.client.on("session_confirm", self._confirmed.put_nowait)
        self.client.on("bot_uttered", self.uttered.put_nowait)
        self.client.on("tactful_error", self.errors.put_nowait)

    async def open(self, session_id: str | None = None) -> str:
        """Connect and ask for ``session_id``; the id the server confirmed."""
        await self.client.connect(
            self.url, socketio_path="/socket.io/", transports=self.transports, headers=self.headers, wait_timeout=10
        )
        await self.client.emit("session_request", {"session_id": session_id})
        confirmed = await asyncio.wait_for(self._confirmed.get(), 10)
        self.session_id = confirmed["session_id"] if isinstance(confirmed, dict) else confirmed
        assert isinstance(self.session_id, str)
        return self.session_id

    async def say(self, message: str, custom_data: Any = None, *, expect: int = 1) -> list[dict[str, Any]]:
        """Send a message and collect ``expect`` bot messages, or until one carries quick replies."""
        await self.client.emit(
            "user_uttered", {"message": message, "session_id": self.session_id, "customData": custom_data}
        )
        return await self.hear(expect)

    async def hear(self, expect: int = 1, *, seconds: float = 10) -> list[dict[str, Any]]:
        """The next ``expect`` bot messages (fewer if one carries quick replies first)."""
        got: list[dict[str, Any]] = []
        while len(got) < expect:
            message = await asyncio.wait_for(self.uttered.get(), seconds)
            got.append(message)
            if "quick_replies" in message:
                break
        return got

    async def quiet(self, seconds: float = 0.5) -> bool:
        """Whether nothing arrives for ``seconds``."""
        try:
            await asyncio.wait_for(self.uttered.get(), seconds)
        except TimeoutError:
            return True
        return False

    async def close(self) -> None:
        """Disconnect."""
        await self.client.disconnect()
