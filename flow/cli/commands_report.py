"""``tactful report``: one self-contained HTML page about how the stored conversations went."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flow.cli.app import app

EXIT_INVALID = 2


@app.command("report")
def report(
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")],
    store: Annotated[
        str, typer.Option("--store", help="memory, sqlite:///PATH, redis://HOST:PORT/DB or postgresql://USER@HOST/DB.")
    ] = ("sqlite:///tactful.db"),
    since: Annotated[
        str | None, typer.Option("--since", help="Only conversations updated at or after this ISO time.")
    ] = None,
    policy: Annotated[
        list[str] | None,
        typer.Option("--policy", help="A policy YAML file for conversations not under a bundled policy; repeatable."),
    ] = None,
    title: Annotated[str, typer.Option("--title", help="The page's heading.")] = "How our refusals went",
    idle_minutes: Annotated[
        float, typer.Option("--idle-minutes", min=1.0, help="An open conversation idle this long counts as abandoned.")
    ] = 30.0,
) -> None:
    """Write a report for a support lead: outcomes, the flow, sentiment, rubric scores, escalation phrasings."""
    from datetime import timedelta

    from flow.cli.commands_transcripts import parse_since
    from flow.counting import counted
    from flow.errors import TactfulError
    from flow.extras import require
    from flow.loading import load_policy
    from flow.stores.existing import open_existing_store
    from flow.transcripts import PolicyBook

    moment = parse_since(since)
    try:
        require("report", what="tactful report")
        from flow.report import write_report

        book = PolicyBook(load_policy(source) for source in policy or [])
        with open_existing_store(store) as opened:
            data = write_report(
                opened, out, since=moment, policies=book, title=title, idle_after=timedelta(minutes=idle_minutes)
            )
    except (TactfulError, OSError) as e:
        typer.echo(f"tactful report: {e}", err=True)
        raise typer.Exit(EXIT_INVALID) from None
    typer.echo(f"wrote {out}: {counted(data.conversations, 'conversation')}, mean rubric score {data.mean_score:.2f}")
