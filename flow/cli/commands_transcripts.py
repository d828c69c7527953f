"""``tactful transcripts export``: every turn of the stored conversations, as JSON lines or CSV."""

from __future__ import annotations

import enum
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

import typer

from flow.cli.app import TactfulTyper, app
from flow.cli.options import parse_moment

EXIT_INVALID = 2

transcripts_app = TactfulTyper(help="Document conversations: export their transcripts.")
app.add_typer(transcripts_app, name="transcripts")


class ExportFormat(enum.StrEnum):
    """The file formats ``transcripts export`` writes."""

    jsonl = "jsonl"
    csv = "csv"


def parse_since(value: str | None) -> datetime | None:
    """The ``--since`` option: an ISO 8601 date or time; naive times are taken as UTC."""
    return parse_moment(value, option="--since", example="2026-11-01")


@transcripts_app.command("export")
def export(
    format: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format", help="jsonl (one object per turn) or csv; by default, from --out's suffix, else jsonl."
        ),
    ] = None,
    store: Annotated[
        str, typer.Option("--store", help="memory, sqlite:///PATH, redis://HOST:PORT/DB or postgresql://USER@HOST/DB.")
    ] = ("sqlite:///tactful.db"),
    since: Annotated[
        str | None, typer.Option("--since", help="Only conversations updated at or after this ISO time.")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write here instead of standard output.")] = None,
    policy: Annotated[
        list[str] | None,
        typer.Option("--policy", help="A policy YAML file for conversations not under a bundled policy; repeatable."),
    ] = None,
) -> None:
    """Export every turn — customer text (redacted as the policy says), agent text, states, signals,
    actions, time — with each conversation's outcome and rubric score."""
    import sys

    from flow.counting import counted
    from flow.errors import TactfulError
    from flow.loading import load_policy
    from flow.stores.existing import open_existing_store
    from flow.transcripts import PolicyBook
    from flow.transcripts import export as write

    chosen: Literal["jsonl", "csv"] = "csv" if (format or _format_of(out)) is ExportFormat.csv else "jsonl"
    moment = parse_since(since)
    try:
        book = PolicyBook(load_policy(source) for source in policy or [])
        with open_existing_store(store) as opened:
            if out is None:
                count = write(opened, sys.stdout, format=chosen, since=moment, policies=book)
            else:
                with out.open("w", encoding="utf-8", newline="") as handle:
                    count = write(opened, handle, format=chosen, since=moment, policies=book)
    except (TactfulError, OSError) as e:
        typer.echo(f"tactful transcripts export: {e}", err=True)
        raise typer.Exit(EXIT_INVALID) from None
    typer.echo(f"exported {counted(count, 'turn')}" + (f" to {out}" if out else ""), err=True)


def _format_of(out: Path | None) -> ExportFormat:
    """CSV for an ``--out`` file ending in ``.csv``; JSON lines otherwise."""
    return ExportFormat.csv if out is not None and out.suffix.lower() == ".csv" else ExportFormat.jsonl
