"""The simulation result in rich tables: one column per policy (and the change when two are compared),
then where the flow still fails, with examples."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table

from flow.simulate.failures import FAILURES, FailureKind
from flow.simulate.result import SimulationResult
from flow.simulate.runner import ABANDONED
from flow.vocabulary import OUTCOMES

_OUTCOME_ORDER = (*OUTCOMES, ABANDONED)

Row = tuple[str, Callable[[SimulationResult], float], str]
"""A label, how to read the value from a result, and how to show it (``pct``, ``num``, ``money``, ``score``)."""


def _share_of(outcome: str) -> Callable[[SimulationResult], float]:
    return lambda result: result.outcomes[outcome] / result.n if result.n else 0.0


def _failures_of(kind: FailureKind) -> Callable[[SimulationResult], float]:
    return lambda result: float(result.failures[kind])


def _rows(results: list[SimulationResult]) -> list[Row]:
    seen = {o for r in results for o in r.outcomes}
    rows: list[Row] = [(f"outcome: {o.replace('_', ' ')}", _share_of(o), "pct") for o in _OUTCOME_ORDER if o in seen]
    rows += [
        ("escalation rate", lambda r: r.escalation_rate, "pct"),
        ("compensations issued", lambda r: float(r.compensations), "num"),
        ("compensation cost", lambda r: r.compensation_cost, "money"),
        ("rubric score (mean)", lambda r: r.mean_score, "score"),
        ("rubric full marks", lambda r: r.full_marks_share, "pct"),
        ("customer messages (mean)", lambda r: r.mean_messages, "float"),
        ("distinct customer texts", lambda r: float(r.distinct_texts), "num"),
        ("ended unresolved", lambda r: r.unresolved / r.n if r.n else 0.0, "pct"),
    ]
    rows += [(FAILURES[kind], _failures_of(kind), "num") for kind in FAILURES]
    return rows


def _show(value: float, kind: str, *, signed: bool = False) -> str:
    sign = "+" if signed and value > 0 else ""
    if kind == "pct":
        return f"{sign}{value * 100:.1f}%" if not signed else f"{sign}{value * 100:.1f} pts"
    if kind == "num":
        return f"{sign}{value:,.0f}"
    if kind == "money":
        return f"{sign}{value:,.2f}"
    if kind == "score":
        return f"{sign}{value:.3f}"
    return f"{sign}{value:.2f}"


def result_table(base: SimulationResult, other: SimulationResult | None = None) -> Table:
    """A table of ``base``, or of ``base`` and ``other`` side by side with the change from one to the other."""
    title = f"{base.n:,} simulated conversations, seed {base.seed}"
    table = Table(title=title, title_justify="left")
    table.add_column("metric")
    table.add_column(base.policy, justify="right")
    results = [base]
    if other is not None:
        table.add_column(other.policy if other.policy != base.policy else f"{other.policy} (vs)", justify="right")
        table.add_column("change", justify="right")
        results.append(other)
    for label, read, kind in _rows(results):
        cells = [_show(read(r), kind) for r in results]
        if other is not None:
            delta = read(other) - read(base)
            cells.append(_show(delta, kind, signed=True) if abs(delta) > 1e-12 else "—")
        table.add_row(label, *cells)
    return table


def failure_tables(result: SimulationResult, *, examples: int = 3) -> list[Table]:
    """For each kind of failure the run found, a table of its first ``examples``: what the customer
    wrote and meant, what the agent read, and what it replied."""
    tables = []
    for kind, label in FAILURES.items():
        found = result.failure_examples(kind)[:examples]
        if not found:
            continue
        count = result.failures[kind]
        table = Table(title=f"{label} ({result.policy}): {count:,}", title_justify="left", show_lines=True)
        for column in ("customer wrote", "meant", "agent read", "agent replied"):
            table.add_column(column, overflow="fold")
        for failure in found:
            table.add_row(failure.said, failure.meant, failure.read, failure.reply)
        tables.append(table)
    return tables
