"""``tactful store upgrade``: bring a store's data to this release's layout before the servers start."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated
from urllib.parse import urlsplit

import typer

from flow.cli.app import TactfulTyper, app

if TYPE_CHECKING:
    from flow.stores.redis import RedisUpgrade

EXIT_INVALID = 2
EXIT_LEFT_BEHIND = 1

store_app = TactfulTyper(help="Look after a store's data.")
app.add_typer(store_app, name="store")


@store_app.command("upgrade")
def upgrade(
    url: Annotated[str, typer.Argument(help="The store: redis://HOST:PORT/DB, sqlite:///PATH or postgresql://…")],
    prefix: Annotated[
        str, typer.Option("--prefix", help="The Redis key prefix, when the store was given one from Python.")
    ] = "tactful:",
) -> None:
    """Move a store's data to this release's layout, and say what moved.

    Servers do the same when they open the store, one process at a time; running it first keeps a
    large move out of their start. On Redis it also moves what servers of the release before wrote
    after an earlier move. SQLite and PostgreSQL stores migrate their tables when opened.
    Exits 1 when something had to be left in the old layout, 2 when the store cannot be upgraded.
    """
    from flow.errors import TactfulError

    try:
        if urlsplit(url).scheme in ("redis", "rediss", "unix"):
            exit_code = _upgrade_redis(url, prefix)
        else:
            _open(url)
            exit_code = 0
    except TactfulError as e:
        typer.echo(f"tactful store upgrade: {e}", err=True)
        raise typer.Exit(EXIT_INVALID) from None
    raise typer.Exit(exit_code)


def _upgrade_redis(url: str, prefix: str) -> int:
    from flow.cli.progress import progress_bar
    from flow.extras import require

    require("redis", what="a redis:// store")
    from flow.stores.redis import LAYOUT, upgrade_redis

    where = f"Redis at {_shown(url)}, keys under {prefix!r}"
    with progress_bar("Moving conversations", None) as advance:
        done = 0

        def progress(report: RedisUpgrade) -> None:
            nonlocal done
            advance(report.conversations - done)
            done = report.conversations

        report = upgrade_redis(url, prefix=prefix, progress=progress)
    if not report.moved and report.complete:
        typer.echo(f"{where}: already in layout {LAYOUT}, nothing to move")
        return 0
    typer.echo(f"{where}: moved {_moved(report)} to layout {LAYOUT} in {report.seconds:.1f} s")
    for conversation_id in report.kept:
        typer.echo(f"left in the old layout, because the new one holds it too: conversation {conversation_id}")
    for kind, kept in report.directories_kept.items():
        if kept:
            typer.echo(f"left in {prefix}{_previous_hash(kind)}, because the new keys hold them too: {kept} entries")
    return 0 if report.complete else EXIT_LEFT_BEHIND


def _moved(report: RedisUpgrade) -> str:
    parts = [
        f"{_count(report.conversations, 'conversation')} ({_count(report.turns, 'turn')})",
        _count(report.follow_ups, "follow-up"),
        _count(report.directories.get("rasa_senders", 0), "Rasa sender"),
    ]
    last = _count(report.directories.get("socketio_sessions", 0), "socket.io session")
    return f"{', '.join(parts)} and {last}"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def _previous_hash(kind: str) -> str:
    from flow.stores._redis_previous import PREVIOUS_DIRECTORIES

    return PREVIOUS_DIRECTORIES[kind]


def _open(url: str) -> None:
    from flow.errors import StoreError
    from flow.stores import open_store
    from flow.stores.existing import sqlite_path

    if url in ("memory", "memory://"):
        typer.echo("the memory store keeps nothing between runs: nothing to upgrade")
        return
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        # Opening would create an empty file, which is never what an upgrade of existing data means.
        where = path if path.is_absolute() else f"{path} (in {Path.cwd()})"
        raise StoreError(f"no SQLite database at {where}; give the sqlite:///PATH of the file tactful serve writes")
    with open_store(url):
        pass
    typer.echo(f"{_shown(url)}: opened, and its tables migrated to this release's schema where needed")


def _shown(url: str) -> str:
    """The URL without its password or query."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port is not None:
        host += f":{parts.port}"
    if parts.scheme in ("redis", "rediss", "unix"):
        return f"{host}{parts.path}" if host else parts.path
    return parts._replace(netloc=host, query="").geturl()
