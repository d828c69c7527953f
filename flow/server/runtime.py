"""Build a ready-to-serve app from settings: the policy, its engine, the store and the service."""

from __future__ import annotations

import os
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


def check_serving(settings: ServerSettings) -> None:
    """Load the policy and open the store once, so that a mistake is reported before any worker starts.

    Opening the store also creates or migrates an SQLite file, once, before several processes share it.
    """
    from flow import load_policy
    from flow.errors import DefinitionError
    from flow.stores import open_store

    if settings.workers > 1 and settings.store_url.partition("?")[0] == "memory":
        raise DefinitionError(
            "the memory store lives inside one process, so several workers would each see different "
            "conversations; with --workers use sqlite:///PATH, redis://HOST:PORT/DB or postgresql://USER@HOST/DB"
        )
    load_policy(settings.policy_file if settings.policy_file is not None else DEFAULT_POLICY)
    open_store(settings.store_url, timeout=settings.store_timeout_seconds).close()


def serve_workers(settings: ServerSettings, *, host: str, port: int, access_log: bool) -> None:
    """Serve with ``settings.workers`` uvicorn worker processes sharing one socket.

    Each worker builds its app with :func:`app_from_env` from the ``TACTFUL_*`` variables set here;
    uvicorn's supervisor restarts a worker that dies and stops them all on Ctrl-C or SIGTERM.
    """
    import uvicorn

    for name, value in settings.as_env().items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    uvicorn.run(
        f"{__name__}:app_from_env",
        factory=True,
        workers=settings.workers,
        host=host,
        port=port,
        log_level="info",
        access_log=access_log,
        http="flow.server.header_deadline:HeaderDeadlineProtocol",
        proxy_headers=False,
        ws_max_size=max(WS_MAX_FRAME_BYTES, 4 * settings.max_body_bytes),
    )


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
