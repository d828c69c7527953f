"""``tactful scenarios``: write a Gherkin suite that takes every transition of a policy."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flow.cli.app import app
from flow.cli.options import POLICY_HELP
from flow.counting import counted

EXIT_INVALID = 2


@app.command("scenarios")
def scenarios(
    policy: Annotated[str, typer.Argument(help=POLICY_HELP)],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write the .feature files and test_generated.py to.")
    ],
) -> None:
    """Generate scenarios that together take every transition of POLICY, with the agent's exact replies.

    Each scenario is a shortest conversation that reaches one transition, found and checked by running
    the engine. Run the folder with pytest: it passes on this policy and fails when its flow or any
    reply changes. Regenerate after changing the policy on purpose.
    """
    from flow.cli.progress import phase_bars
    from flow.errors import TactfulError
    from flow.extras import require

    try:
        require("testing", what="tactful scenarios")
        from flow.testing.generate import generate

        with phase_bars() as progress:
            report = generate(policy, out, progress=progress)
    except (TactfulError, FileNotFoundError) as e:
        typer.echo(f"tactful scenarios: {e}", err=True)
        raise typer.Exit(EXIT_INVALID) from None
    features = [f for f in report.files if f.suffix == ".feature"]
    total = len(report.covered) + len(report.unreachable)
    typer.echo(
        f"{report.policy}: wrote {counted(report.scenarios, 'scenario')} in "
        f"{counted(len(features), 'feature file')} to {out}, taking {len(report.covered)} of "
        f"{counted(total, 'transition')}. Run them with: pytest {out}"
    )
    for label in report.unreachable:
        typer.echo(f"  no generated conversation takes {label}", err=True)
    for note in report.notes:
        typer.echo(f"  note: {note}", err=True)
