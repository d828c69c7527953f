"""``tactful simulate``: run simulated customers through a policy (or two, side by side) in-process, and
show where the flow still fails."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from flow.cli.app import app
from flow.cli.options import POLICY_HELP
from flow.counting import counted

if TYPE_CHECKING:
    from rich.console import Console

    from flow.policy import Policy
    from flow.simulate import SimulationResult

EXIT_INVALID = 2


@app.command("simulate")
def simulate(
    policy: Annotated[str, typer.Argument(help=POLICY_HELP)],
    vs: Annotated[str | None, typer.Option("--vs", help="A second policy to run the same customers through.")] = None,
    count: Annotated[int, typer.Option("-n", "--count", min=1, help="How many conversations to simulate.")] = 1_000,
    n_alias: Annotated[int | None, typer.Option("--n", "--conversations", min=1, hidden=True)] = None,
    seed: Annotated[int, typer.Option("--seed", help="The same seed gives the same customers and results.")] = 1,
    mix: Annotated[
        str | None,
        typer.Option(
            "--mix",
            help="Persona weights, e.g. calm=4,insistent=2,angry=2,abusive=1,quick_to_accept=2,asking_why=1,"
            "curious=2,sarcastic=1,scatterbrained=1.",
        ),
    ] = None,
    compensation_value: Annotated[
        float, typer.Option("--compensation-value", min=0.0, help="What one goodwill offer costs.")
    ] = 10.0,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes to run the conversations in.")] = 1,
    examples: Annotated[
        int, typer.Option("--examples", min=0, help="Examples of each kind of failure to show (0 shows none).")
    ] = 3,
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the HTML report of the simulated conversations here.")
    ] = None,
) -> None:
    """Simulate customers writing as real ones do, through the real understanding step; compare outcomes
    and show where the flow still fails."""
    import time

    from rich.console import Console

    from flow.cli.progress import progress_bar
    from flow.errors import TactfulError
    from flow.loading import load_policy
    from flow.simulate import DEFAULT_MIX, parse_mix
    from flow.simulate import simulate as run

    conversations = n_alias or count
    try:
        if report is not None:
            from flow.extras import require

            require("report", what="tactful simulate --report")
        weights = parse_mix(mix) if mix else dict(DEFAULT_MIX)
        policies = [load_policy(policy)] + ([load_policy(vs)] if vs else [])
    except TactfulError as e:
        typer.echo(f"tactful simulate: {e}", err=True)
        raise typer.Exit(EXIT_INVALID) from None
    started = time.perf_counter()
    with progress_bar("Simulating", conversations * len(policies)) as advance:
        results = [
            run(
                loaded,
                conversations=conversations,
                seed=seed,
                mix=weights,
                compensation_value=compensation_value,
                workers=workers,
                keep=bool(report),
                progress=advance,
            )
            for loaded in policies
        ]
    elapsed = time.perf_counter() - started
    _show(Console(width=110), policies, results, examples)
    typer.echo(f"simulated {counted(conversations * len(results), 'conversation')} in {elapsed:.1f}s", err=True)
    if report is not None:
        for path, loaded, result in zip(_report_paths(report, policies), policies, results, strict=True):
            _write_report(path, loaded, result)
            typer.echo(f"wrote {path}", err=True)


def _show(console: Console, policies: list[Policy], results: list[SimulationResult], examples: int) -> None:
    """The table of results, how the customers' wording compares with the agent's, and where the flow failed."""
    from flow.simulate import failure_tables, phrasing_overlap, result_table

    console.print(result_table(*results))
    overlap = phrasing_overlap(policies[0])
    console.print(f"Customer wording: {overlap}.", highlight=False)
    echoing = ", ".join(f"{r.echoing_share:.1%} ({r.policy})" for r in results)
    console.print(f"Typed messages with at least one such 4-gram: {echoing}.", highlight=False)
    if examples:
        for result in results:
            for table in failure_tables(result, examples=examples):
                console.print(table)


def _report_paths(report: Path, policies: list[Policy]) -> list[Path]:
    """The report file for the first policy, and a sibling named after the second one."""
    paths = [report]
    if len(policies) > 1:
        paths.append(report.with_name(f"{report.stem}-{policies[1].name}{report.suffix}"))
    return paths


def _write_report(path: Path, policy: Policy, result: SimulationResult) -> None:
    from datetime import timedelta

    from flow.report import build_report
    from flow.transcripts import record

    records = (record(played.conversation, played.turns, policy) for played in result.played)
    last = max((played.conversation.updated_at for played in result.played), default=None)
    html, _ = build_report(
        records,
        now=last,
        title=f"Simulated conversations: {policy.name}",
        idle_after=timedelta(minutes=30),
        anger_threshold=policy.escalation.anger_threshold,
    )
    path.write_text(html, encoding="utf-8")
