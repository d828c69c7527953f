"""``tactful serve``: the HTTP/WebSocket API, the Rasa REST channel, the widget and its demo page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flow.cli.app import app
from flow.cli.options import error_line


@app.command("serve")
def serve(
    policy: Annotated[
        Path | None,
        typer.Option("--policy", help="Policy YAML file to serve; the bundled retail policy by default."),
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    store: Annotated[
        str,
        typer.Option("--store", help="memory, sqlite:///PATH, redis://HOST:PORT/DB or postgresql://USER@HOST/DB."),
    ] = "sqlite:///tactful.db",
    cors_origin: Annotated[
        list[str] | None,
        typer.Option("--cors-origin", help="An origin allowed to call the API from a browser; repeatable."),
    ] = None,
    max_body_bytes: Annotated[
        int, typer.Option("--max-body-bytes", min=1, help="Largest request body accepted.")
    ] = 16_384,
    rate_limit: Annotated[
        float, typer.Option("--rate-limit", min=0.0, help="Requests per second per client; 0 turns it off.")
    ] = 5.0,
    rate_burst: Annotated[int, typer.Option("--rate-burst", min=1, help="Requests a client may make at once.")] = 20,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            envvar="TACTFUL_API_KEY",
            help="Server-to-server key: starting a conversation with it as bearer may pass any fact.",
        ),
    ] = None,
    metrics_key: Annotated[
        str | None,
        typer.Option("--metrics-key", envvar="TACTFUL_METRICS_KEY", help="Protect /metrics with this bearer key."),
    ] = None,
    facts_key: Annotated[
        str | None,
        typer.Option(
            "--facts-key",
            envvar="TACTFUL_FACTS_KEY",
            help="Verify facts tokens from pages: an HS256 secret, or a PEM file with the RS256 public key.",
        ),
    ] = None,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo/--no-demo",
            help="Sign the demo page's made-up customers so the demo works; anyone may use them, so not in production.",
        ),
    ] = False,
    agent_key: Annotated[
        list[str] | None,
        typer.Option(
            "--agent-key",
            help=(
                "A person who may take over conversations, as 'Display Name:KEY' (16+ characters); repeatable. "
                "Default: TACTFUL_AGENT_KEYS, comma-separated (keeps the keys out of the process list)."
            ),
        ),
    ] = None,
    pubsub: Annotated[
        str | None,
        typer.Option(
            "--pubsub", help="A Redis URL that several servers share live messages through (the store's, if Redis)."
        ),
    ] = None,
    desk_webhook: Annotated[
        str | None, typer.Option("--desk-webhook", help="POST handoff and hand-back events to this URL.")
    ] = None,
    desk_webhook_secret: Annotated[
        str | None,
        typer.Option(
            "--desk-webhook-secret", envvar="TACTFUL_DESK_WEBHOOK_SECRET", help="Sign desk webhook bodies with this."
        ),
    ] = None,
    threads: Annotated[
        int,
        typer.Option(
            "--threads",
            min=1,
            help="Worker threads for turns on SQLite or Redis (the event loop never waits on a store).",
        ),
    ] = 4,
    store_timeout: Annotated[
        float,
        typer.Option("--store-timeout", min=0.001, help="Seconds a store call may wait before the request gets 503."),
    ] = 5.0,
    max_websockets: Annotated[
        int,
        typer.Option("--max-websockets-per-client", min=1, help="WebSockets one client may hold open at once."),
    ] = 20,
    header_timeout: Annotated[
        float,
        typer.Option("--header-timeout", min=0.001, help="Seconds a client has to send a request's headers."),
    ] = 10.0,
    trusted_proxy: Annotated[
        list[str] | None,
        typer.Option(
            "--trusted-proxy",
            help="Address or network of a reverse proxy whose X-Forwarded-For names the client; repeatable.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help=(
                "Processes serving the port together, to use more cores (SQLite, Redis or PostgreSQL store); "
                "rate limits are shared out among them."
            ),
        ),
    ] = 1,
    access_log: Annotated[
        bool, typer.Option("--access-log/--no-access-log", help="Log every request uvicorn serves.")
    ] = True,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the demo page in a browser.")] = False,
) -> None:
    """Serve conversations to chat widgets over HTTP, WebSocket, socket.io and the Rasa REST channel."""
    import threading
    import webbrowser

    from flow.errors import TactfulError
    from flow.extras import require

    try:
        require("server", what="tactful serve")
    except TactfulError as e:
        typer.echo(f"tactful serve: {e}", err=True)
        raise typer.Exit(code=2) from e
    import uvicorn

    from flow.server.runtime import build_app, check_serving, serve_workers, uvicorn_options
    from flow.server.settings import ServerSettings, parse_agent_keys

    try:
        settings = ServerSettings(
            policy_file=policy,
            store_url=store,
            cors_origins=tuple(cors_origin or ()),
            max_body_bytes=max_body_bytes,
            rate_limit_per_second=rate_limit,
            rate_limit_burst=rate_burst,
            api_key=api_key,
            metrics_key=metrics_key,
            facts_key=facts_key,
            demo=demo,
            service_threads=threads,
            store_timeout_seconds=store_timeout,
            max_websockets_per_client=max_websockets,
            header_timeout_seconds=header_timeout,
            trusted_proxies=tuple(trusted_proxy or ()),
            agent_keys=parse_agent_keys(_agent_key_pairs(agent_key)),
            pubsub_url=pubsub,
            desk_webhook_url=desk_webhook,
            desk_webhook_secret=desk_webhook_secret,
            workers=workers,
        )
        application = build_app(settings) if workers == 1 else None
        if application is None:
            check_serving(settings)
    except (TactfulError, ValueError) as e:
        typer.echo(f"tactful serve: {error_line(e)}", err=True)
        raise typer.Exit(code=2) from e

    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{port}/"
    typer.echo(f"Demo page: {url}   API docs: {url}docs   Widget: {url}widget.js")
    if settings.agent_keys:
        typer.echo(f"Desk for people taking over: {url}agent")
    from flow.server.socketio_channel import socketio_available

    if not socketio_available():
        typer.echo("socket.io channel off: pip install 'tactful[socketio]' to serve rasa-webchat at /socket.io/")
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    if application is None:
        typer.echo(f"Serving with {workers} worker processes.")
        if settings.shared_pubsub_url is None:
            typer.echo(
                "Messages pushed live (a person who took over writing) reach the customers connected to the same "
                "worker; give --pubsub redis://HOST:PORT to reach every worker's customers."
            )
        serve_workers(settings, host=host, port=port, access_log=access_log)
        return
    uvicorn.run(
        application,
        host=host,
        port=port,
        log_level="info",
        access_log=access_log,
        **uvicorn_options(settings),
    )


def _agent_key_pairs(given: list[str] | None) -> list[str]:
    import os

    values = given if given is not None else [os.environ.get("TACTFUL_AGENT_KEYS", "")]
    return [pair for value in values for pair in value.split(",")]
