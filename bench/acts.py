"""The labelled message table (``bench/data/acts``) and how the understanding step scores on it.

Each message is read in its context, with the clock the table was labelled against; acts are compared
as multisets ("choose:store_credit", "not ask_human"), facts value by value. Printed by
``bench/understanding.py`` (:func:`table_report`); importable so the tests can hold the figures to
their floors.
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
from flow.understanding.context import Context

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


def contexts(rows: Iterable[Row]) -> list[Context]:
    """The context each row was labelled in, as the engine would build it for the ``retail`` policy."""
    reading = PolicyReading(load_policy(POLICY))
    return [
        reading.context(
            state=row.context.get("state", "listening"),
            request=row.context.get("request"),
            offered=tuple(row.context.get("offered", ())),
            asked=row.context.get("asked"),
            question=row.context.get("question"),
            now=CLOCK,
        )
        for row in rows
    ]


@dataclass(slots=True)
class Tally:
    """True positives, false positives and false negatives of one kind of thing."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of what was found that was right; 1.0 when nothing was found."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of what was there that was found; 1.0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

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
    result = Score()
    for row, context in zip(rows, contexts(rows), strict=True):
        signals = understander.understand(row.text, context)
        got = Counter(act_labels(signals, list(row.context.get("offered", ()))))
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


def _rounded(value: float) -> float:
    return round(value, 4)


def score_json(result: Score, messages: int) -> dict[str, Any]:
    """The figures of one score: micro-F1, each act kind, each fact kind, irony."""
    return {
        "messages": messages,
        "act_micro_f1": _rounded(result.micro_f1),
        "fact_accuracy": _rounded(result.fact_accuracy()),
        "acts": {
            kind: {
                "precision": _rounded(t.precision),
                "recall": _rounded(t.recall),
                "f1": _rounded(t.f1),
                "expected": t.tp + t.fn,
                "found": t.tp + t.fp,
            }
            for kind, t in sorted(result.acts.items())
        },
        "facts": {
            kind: {"accuracy": _rounded(result.fact_accuracy(kind)), "messages": len(marks)}
            for kind, marks in sorted(result.facts.items())
        },
        "irony": {
            "precision": _rounded(result.irony.precision),
            "recall": _rounded(result.irony.recall),
            "f1": _rounded(result.irony.f1),
            "expected": result.irony.tp + result.irony.fn,
        },
    }


def table_report(understander: Understander) -> dict[str, Any]:
    """Score the whole table and each part, print the figures and every miss, and return them as JSON."""
    rows = load_table()
    whole = score(rows, understander)
    figures = score_json(whole, len(rows))
    parts = sorted({row.part for row in rows})
    figures["parts"] = {}
    for part in parts:
        some = [row for row in rows if row.part == part]
        found = score(some, understander)
        figures["parts"][part] = {
            "messages": len(some),
            "act_micro_f1": _rounded(found.micro_f1),
            "fact_accuracy": _rounded(found.fact_accuracy()),
            "irony_f1": _rounded(found.irony.f1),
        }
    figures["misses"] = [
        {
            "part": row.part,
            "text": row.text,
            "expected": list(row.acts),
            "found": got,
            "expected_facts": row.facts,
            "found_facts": facts,
        }
        for row, got, facts in whole.misses
    ]
    _print_table(figures)
    return figures


def _print_table(figures: dict[str, Any]) -> None:
    print(f"\nActs and facts on the labelled table ({figures['messages']} messages, read in their context)")
    print(f"  act-level micro-F1 {figures['act_micro_f1']:.4f}   fact accuracy {figures['fact_accuracy']:.4f}")
    for part, found in figures["parts"].items():
        note = "  (written before acts were read; never edited)" if part == "part1" else ""
        print(
            f"  {part}: {found['messages']:3d} messages  micro-F1 {found['act_micro_f1']:.4f}"
            f"  facts {found['fact_accuracy']:.4f}  irony F1 {found['irony_f1']:.3f}{note}"
        )
    print(f"\n  {'act':16} {'precision':>9} {'recall':>7} {'f1':>6} {'expected':>9} {'found':>6}")
    for kind, s in figures["acts"].items():
        print(f"  {kind:16} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} {s['expected']:9d} {s['found']:6d}")
    print(f"\n  {'fact':20} {'accuracy':>8} {'messages':>9}")
    for kind, s in figures["facts"].items():
        print(f"  {kind:20} {s['accuracy']:8.3f} {s['messages']:9d}")
    irony = figures["irony"]
    print(
        f"  irony: precision {irony['precision']:.3f} recall {irony['recall']:.3f} F1 {irony['f1']:.3f}"
        f" (n={irony['expected']})"
    )
    print(f"\n  misses ({len(figures['misses'])}):")
    for miss in figures["misses"]:
        print(f"    [{miss['part']}] {miss['text']!r}: expected {miss['expected']}, read {miss['found']}")
        if miss["expected_facts"] != miss["found_facts"]:
            print(f"      facts: expected {miss['expected_facts']}, read {miss['found_facts']}")
