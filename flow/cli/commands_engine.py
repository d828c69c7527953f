"""``tactful chat``, ``tactful validate`` and ``tactful graph``: the engine from the terminal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from flow.cli.app import app
from flow.cli.options import POLICY_HELP, parse_facts, parse_moment

EXIT_INVALID = 2


@app.command()
def chat(
    policy: Annotated[str, typer.Option("--policy", "-p", help=POLICY_HELP)] = "retail",
    fact: Annotated[list[str] | None, typer.Option("--fact", "-f", help="A fact the host knows, key=value.")] = None,
    at: Annotated[str | None, typer.Option(help="Pretend it is this ISO time (e.g. out of hours).")] = None,
    show_signals: Annotated[
        bool, typer.Option("--signals/--no-signals", help="Show what was understood from each message.")
    ] = False,
) -> None:
    """Talk to the agent in the terminal. Type a number to click a quick reply; Ctrl-D ends."""
    from flow.cli.chat_repl import run_chat

    raise typer.Exit(run_chat(policy, parse_facts(fact or []), parse_moment(at), show_signals=show_signals))


@app.command()
def validate(
    policy: Annotated[str, typer.Argument(help=POLICY_HELP)],
) -> None:
    """Check a policy in one pass: schema, flow graph, templates, tone, readability and blanks left by
    unknown optional facts. Each problem is one line with its YAML path; exit 2 when there is any."""
    from flow.counting import counted
    from flow.errors import PolicyError
    from flow.loading import find_problems, read_policy_data
    from flow.templates import template_sources

    try:
        name, data = read_policy_data(policy)
    except PolicyError as e:
        problems, loaded = [f"{policy}: {problem}" for problem in e.problems], None
    else:
        loaded, problems = find_problems(data, readability=True, graph=True)
    if loaded is None:
        for problem in problems:
            typer.echo(problem, err=True)
        typer.echo(f"{policy}: {counted(len(problems), 'problem')}", err=True)
        raise typer.Exit(EXIT_INVALID)
    templates = sum(len(v) for v in template_sources(loaded).values())
    reach = "every state reachable" if loaded.compensation is not None else "every state reachable (no goodwill offer)"
    typer.echo(
        f"{policy}: valid — {counted(len(loaded.requests), 'request')}, {counted(templates, 'template')}, "
        f"{reach}, and every agent text passes the tone lint"
    )


@app.command()
def graph(
    policy: Annotated[str, typer.Argument(help=POLICY_HELP)] = "retail",
    format: Annotated[str, typer.Option("--format", help="mermaid, dot or svg.")] = "mermaid",
    out: Annotated[Path | None, typer.Option(help="Write here instead of standard output.")] = None,
) -> None:
    """Draw the flow of a policy: every state and transition."""
    from flow import diagram
    from flow.engine import Engine
    from flow.errors import TactfulError
    from flow.loading import load_policy

    renderers = {"mermaid": diagram.mermaid, "dot": diagram.dot, "svg": diagram.svg}
    if format not in renderers:
        raise typer.BadParameter(f"{format!r} is not one of {', '.join(renderers)}", param_hint="--format")
    try:
        text = renderers[format](Engine(load_policy(policy)).edges)
    except TactfulError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(EXIT_INVALID) from None
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {out}")
