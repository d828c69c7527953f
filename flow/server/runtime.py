"""Build a ready-to-serve app from settings: the policy, its engine, the store and the service."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from flow.server.settings import ServerSettings

DEFAULT_POLICY = "retail"
# Frames past this close the socket; frames under it but past max_body_bytes get an error frame.
WS_MAX_FRAME_BYTES = 65_536


def build_app(settings: ServerSettings) -> FastAPI:
    """Load the policy, open the store and return the app serving them; the store closes with the app."""
    from flow import Engine, load_policy
    from flow.server.app import create_app
    from flow.service import ConversationService
    from flow.stores import open_store

    policy = load_policy(settings.policy_file if settings.policy_file is not None else DEFAULT_POLICY)
    store = open_store(settings.store_url, timeout=settings.store_timeout_seconds)
    service = ConversationService({policy.name: Engine(policy)}, store)
    return create_app(service, settings=settings, on_shutdown=[store.close])


def app_from_env() -> FastAPI:
    """The app ``TACTFUL_*`` variables describe: ``uvicorn --factory flow.server.runtime:app_from_env``."""
    return build_app(ServerSettings.from_env())


def uvicorn_options(settings: ServerSettings) -> dict[str, Any]:
    """What uvicorn needs besides the app: the header deadline, the frame size, and no proxy guessing.

    uvicorn would trust ``X-Forwarded-For`` from its own loopback default; the app reads it itself,
    from the proxies named in ``trusted_proxies`` only.
    """
    from flow.server.header_deadline import header_deadline_protocol

    return {
        "http": header_deadline_protocol(settings.header_timeout_seconds),
        "proxy_headers": False,
        "ws_max_size": max(WS_MAX_FRAME_BYTES, 4 * settings.max_body_bytes),
    }
