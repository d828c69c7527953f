"""Serve conversations to chat widgets: the HTTP/WebSocket API, the Rasa REST channel and the widget."""

from __future__ import annotations

from flow.server.app import create_app
from flow.server.runtime import build_app
from flow.server.settings import ServerSettings

__all__ = ["ServerSettings", "build_app", "create_app"]
