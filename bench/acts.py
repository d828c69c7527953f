"""The labelled message table (``bench/data/acts``) and how the understanding step scores on it.

Each message is read in its context, with the clock the table was labelled against; acts are compared
as multisets ("choose:store_credit", "not ask_human"), facts value by value. Printed by
``bench/understanding.py``; importable so the tests can hold the figures to their floors.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flow.loading import load_policy
from flow.models import Signals, Span
from flow.reading import PolicyReading
from flow.understanding import Understander

TABLE = Path(__file__).resolve().parent / "data" / "acts"
CLOCK = datetime(2026, 11, 24, 11, 30, tzinfo=UTC)
POLICY = "retail"
FACT_KINDS = ("order_id", "days_since_purchase", "condition", "circumstance", "dispatched")


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled message."""

    part: str
    text: str
    context: dict[str, Any]
    acts: tuple[str, ...]
    facts: dict[str, Any]
    irony: bool
    malformed: tuple[str, ...]
    source: str


def load_table(parts: Iterable[str] | None = None) -> list[Row]:
    """Every labelled message, part by part, in file order."""
    rows: list[Row] = []
    for path in sorted(TABLE.glob("part*.jsonl")):
        if parts is not None and path.stem not in parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            rows.append(
                Row(
                    path.stem,
                    item["text"],
                    item.get("context", {}),
                    tuple(item.get("acts", ())),
                    item.get("facts", {}),
                    bool(item.get("irony", False)),
                    tuple(item.get("malformed", ())),
                    item.get("source", ""),
                )
            )
    return rows


@dataclass(slots=True)
class Tally:
    """True positives, false positives and false negatives of one kind of thing."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def f1(self) -> float:
        """F1; 1.0 when there was nothing to find and nothing was found."""
        total = 2 * self.tp + self.fp + self.fn
        return 1.0 if total == 0 else 2 * self.tp / total


@dataclass(slots=True)
class Score:
    """How the understanding step did on the table."""

    acts: dict[str, Tally] = field(default_factory=dict)
    facts: dict[str, list[bool]] = field(default_factory=dict)
    irony: Tally = field(default_factory=Tally)
    misses: list[tuple[Row, list[str], dict[str, Any]]] = field(default_factory=list)

    @property
    def micro_f1(self) -> float:
        """Act-level micro-F1 over every act of every message."""
        total = Tally(
            sum(t.tp for t in self.acts.values()),
            sum(t.fp for t in self.acts.values()),
            sum(t.fn for t in self.acts.values()),
        )
        return total.f1

    def fact_accuracy(self, kind: str | None = None) -> float:
        """Share of messages where a fact was read right (of those where it was expected or read)."""
        marks = self.facts.get(kind, []) if kind else [m for ms in self.facts.values() for m in ms]
        return sum(marks) / len(marks) if marks else 1.0


def act_labels(signals: Signals, offered: list[str]) -> list[str]:
    """The acts of ``signals`` as table labels; with one thing on offer, "all" is that thing."""
    labels = []
    for act in signals.acts:
        label = str(act)
        if len(offered) == 1 and label.endswith(":all"):
            label = label.removesuffix("all") + offered[0]
        labels.append(label)
    return labels


def _kind(label: str) -> str:
    return label.split(":")[0]


def _fact_value(value: Any) -> Any:
    if isinstance(value, Span):
        return [value.low, value.high]
    return value


def score(rows: list[Row], understander: Understander | None = None) -> Score:
    """Read every row in its context and compare with its labels."""
    understander = understander or Understander()
    reading = PolicyReading(load_policy(POLICY))
    result = Score()
    for row in rows:
        ctx = row.context
        context = reading.context(
            state=ctx.get("state", "listening"),
            request=ctx.get("request"),
            offered=tuple(ctx.get("offered", ())),
            asked=ctx.get("asked"),
            question=ctx.get("question"),
            now=CLOCK,
        )
        signals = understander.understand(row.text, context)
        got = Counter(act_labels(signals, list(ctx.get("offered", ()))))
        want = Counter(row.acts)
        for label in set(got) | set(want):
            tally = result.acts.setdefault(_kind(label), Tally())
            hit = min(got[label], want[label])
            tally.tp += hit
            tally.fp += got[label] - hit
            tally.fn += want[label] - hit
        facts = {name: _fact_value(value) for name, value in signals.facts.items()}
        for kind in FACT_KINDS:
            if kind in row.facts or kind in facts:
                result.facts.setdefault(kind, []).append(row.facts.get(kind) == facts.get(kind))
        malformed = set(signals.malformed) == set(row.malformed)
        if row.malformed or signals.malformed:
            result.facts.setdefault("malformed", []).append(malformed)
        result.irony.tp += row.irony and signals.irony
        result.irony.fp += signals.irony and not row.irony
        result.irony.fn += row.irony and not signals.irony
        if got != want or any(row.facts.get(k) != facts.get(k) for k in FACT_KINDS) or not malformed:
            result.misses.append((row, sorted(got.elements()), facts))
    return result
