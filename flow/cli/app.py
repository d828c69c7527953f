"""The typer application that every ``tactful`` command registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="tactful",
    help="Run, test and inspect polite refusal conversations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
