"""Progress bars for long commands: shown on a terminal, silent when output goes to a file or a pipe."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

Advance = Callable[[int], None]
"""Called with how many more units are done."""


def _ignore(done: int) -> None:
    return None


@contextmanager
def progress_bar(description: str, total: int | None, *, console: Console | None = None) -> Iterator[Advance]:
    """A bar on standard error while the block runs, when standard error is a terminal; else a no-op.

    The bar is removed when the block ends, so what the command prints afterwards stands alone.
    """
    console = console or Console(stderr=True)
    if not console.is_terminal:
        yield _ignore
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(description, total=total)
        yield lambda done: progress.advance(task, done)


Report = Callable[[str, int, int], None]
"""Called with a phase's description, how much of it is done, and its total."""


def _ignore_phase(description: str, done: int, total: int) -> None:
    return None


@contextmanager
def phase_bars(*, console: Console | None = None) -> Iterator[Report]:
    """Like :func:`progress_bar`, with one bar for each phase the work reports."""
    console = console or Console(stderr=True)
    if not console.is_terminal:
        yield _ignore_phase
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        tasks: dict[str, TaskID] = {}

        def report(description: str, done: int, total: int) -> None:
            if description not in tasks:
                tasks[description] = progress.add_task(description, total=total)
            progress.update(tasks[description], completed=done, total=total)

        yield report
