"""The ``tactful`` command line: each command lives in its own module and imports heavy parts lazily."""

from __future__ import annotations

import sys

# Each module below registers its commands on ``app`` when imported.
from flow.cli import commands_engine as _commands_engine  # noqa: E402,F401
from flow.cli import commands_followups as _commands_followups  # noqa: E402,F401
from flow.cli import commands_report as _commands_report  # noqa: E402,F401
from flow.cli import commands_scenarios as _commands_scenarios  # noqa: E402,F401
from flow.cli import commands_serve as _commands_serve  # noqa: E402,F401
from flow.cli import commands_simulate as _commands_simulate  # noqa: E402,F401
from flow.cli import commands_store as _commands_store  # noqa: E402,F401
from flow.cli import commands_transcripts as _commands_transcripts  # noqa: E402,F401
from flow.cli import commands_understand as _commands_understand  # noqa: E402,F401
from flow.cli.app import app, main

__all__ = ["app", "main", "run"]


def run() -> None:
    """The console script's entry point: exit with what :func:`main` returns."""
    sys.exit(main())
