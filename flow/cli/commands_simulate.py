"""``tactful simulate``: run simulated customers through a policy (or two, side by side) in-process."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from flow.cli.app import app
from flow.cli.options import POLICY_HELP
from flow.counting import counted

if TYPE_CHECKING:
    from flow.policy import Policy
    from flow.simulate import SimulationResult

EXIT_INVALID = 2


@app.command("simulate")
def simulate(
    policy: Annotated[str, typer.Argument(help=POLICY_HELP)],
    vs: Annotated[str | None, typer.Option("--vs", help="A second policy to run the same customers through.")] = None,
    count: Annotated[int, typer.Option("-n", "--count", min=1, help="How many conversations to simulate.")] = 10_000,
    n_alias: Annotated[int | None, typer.Option("--n", min=1, hidden=True)] = None,
    seed: Annotated[int, typer.Option("--seed", help="The same seed gives the same customers and results.")] = 1,
    mix: Annotated[
        str | None,
        typer.Option(
            "--mix",
            help="Persona weights, e.g. calm=3,insistent=2,angry=2,abusive=1,quick_to_accept=2,asking_why=1.",
        ),
    ] = None,
    compensation_value: Annotated[
        float, typer.Option("--compensation-value", min=0.0, help="What one goodwill offer costs.")
    ] = 10.0,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes to run the conversations in.")] = 1,
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the HTML report of the simulated conversations here.")
    ] = None,
) -> None:
    """Simulate customers (calm, insistent, angry, abusive, quick to accept, asking why) and compare outcomes."""
    import time

    from rich.console import Console

    from flow.cli.progress import progress_bar
    from flow.errors import TactfulError
    from flow.loading import load_policy
    from flow.simulate import DEFAULT_MIX, parse_mix, result_table
    from flow.simulate import simulate as run

    n = n_alias or count
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
    with progress_bar("Simulating", n * len(policies)) as advance:
        results = [
            run(
                p,
                n=n,
                seed=seed,
                mix=weights,
                compensation_value=compensation_value,
                workers=workers,
                keep=bool(report),
                progress=advance,
            )
            for p in policies
        ]
    elapsed = time.perf_counter() - started
    Console(width=100).print(result_table(*results))
    total = n * len(results)
    typer.echo(f"simulated {counted(total, 'conversation')} in {elapsed:.1f}s", err=True)
    if report is not None:
        for path, loaded, result in zip(_report_paths(report, policies), policies, results, strict=True):
            _write_report(path, loaded, result)
            typer.echo(f"wrote {path}", err=True)


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
