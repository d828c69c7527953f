"""Structured conditions over facts, counters and signals, as a policy writes them.

A condition is data, never code: ``{fact: days_since_purchase, op: gt, value: 30}``, combined with
``all``, ``any`` and ``not``. :func:`compile_condition` turns one into a plain predicate once, when
the engine is built.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator, model_validator

from flow.models import FactValue, Span

Op = Literal["eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "present", "missing"]
COUNTERS = (
    "turns",
    "insistence",
    "anger",
    "abuse_strikes",
    "alternatives_offered",
    "clarifications",
    "unclear",
    "unanswered",
)
SIGNALS = ("sentiment", "confidence", "abusive", "threat", "intent")
_SYMBOLS = {"==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge"}
_ORDERED = ("lt", "le", "gt", "ge")

Subject = Mapping[str, Any]
"""What a predicate reads: ``{"facts": {...}, "counters": {...}, "signals": {...}}``."""

Predicate = Callable[[Mapping[str, FactValue], Mapping[str, Any], Mapping[str, Any]], bool | None]
"""A compiled condition: ``predicate(facts, counters, signals)``: ``True``, ``False``, or ``None`` when a
fact known only roughly (a :class:`~flow.models.Span`, "last month") could make it either."""


class Compare(BaseModel):
    """Compare one fact, counter or signal with a value."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fact: str | None = None
    counter: str | None = None
    signal: str | None = None
    op: Op = "eq"
    value: Any = None

    @field_validator("op", mode="before")
    @classmethod
    def _symbols(cls, op: object) -> object:
        return _SYMBOLS.get(op, op) if isinstance(op, str) else op

    @model_validator(mode="after")
    def _one_subject(self) -> Compare:
        named = [n for n in ("fact", "counter", "signal") if getattr(self, n) is not None]
        if len(named) != 1:
            raise ValueError("name exactly one of fact, counter or signal")
        if self.counter is not None and self.counter not in COUNTERS:
            raise ValueError(f"unknown counter {self.counter!r}; use one of {', '.join(COUNTERS)}")
        if self.signal is not None and self.signal not in SIGNALS:
            raise ValueError(f"unknown signal {self.signal!r}; use one of {', '.join(SIGNALS)}")
        if self.op in _ORDERED and (isinstance(self.value, bool) or not isinstance(self.value, int | float)):
            raise ValueError(f"op {self.op} needs a number as value, not {self.value!r}")
        if self.op in ("in", "not_in") and not isinstance(self.value, list):
            raise ValueError(f"op {self.op} needs a list as value, not {self.value!r}")
        return self


class All(BaseModel):
    """True when every condition holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    all: list[Condition] = Field(min_length=1)


class AnyOf(BaseModel):
    """True when at least one condition holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    any: list[Condition] = Field(min_length=1)


class Not(BaseModel):
    """True when the condition does not hold."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    not_: Condition = Field(alias="not")


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("all", "any", "not"):
            if key in value:
                return f"<{key}>"
    elif isinstance(value, All):
        return "<all>"
    elif isinstance(value, AnyOf):
        return "<any>"
    elif isinstance(value, Not):
        return "<not>"
    return "<compare>"


Condition = Annotated[
    Annotated[Compare, Tag("<compare>")]
    | Annotated[All, Tag("<all>")]
    | Annotated[AnyOf, Tag("<any>")]
    | Annotated[Not, Tag("<not>")],
    Discriminator(_kind),
]
"""A condition as a policy writes it."""

All.model_rebuild()
AnyOf.model_rebuild()
Not.model_rebuild()


def _compare(op: str, found: Any, value: Any) -> bool | None:
    if op == "present":
        return found is not None
    if op == "missing":
        return found is None
    if found is None:
        return False
    if isinstance(found, Span):
        return _compare_span(op, found, value)
    if op == "eq":
        return bool(found == value)
    if op == "ne":
        return bool(found != value)
    if op == "in":
        return found in value
    if op == "not_in":
        return found not in value
    if isinstance(found, bool) or not isinstance(found, int | float):
        return False
    if op == "lt":
        return bool(found < value)
    if op == "le":
        return bool(found <= value)
    if op == "gt":
        return bool(found > value)
    return bool(found >= value)


def _compare_span(op: str, found: Span, value: Any) -> bool | None:
    """A comparison with a value known only to lie in a span: settled when the whole span agrees."""
    if found.high == found.low:
        return _compare(op, found.low, value)
    if op in ("eq", "in"):
        return False if op == "eq" and not _within(value, found) else None
    if op in ("ne", "not_in"):
        return True if op == "ne" and not _within(value, found) else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    low_holds = _compare(op, found.low, value)
    high_holds = _compare(op, found.high, value) if found.high is not None else op in ("gt", "ge")
    return low_holds if low_holds == high_holds else None


def _within(value: Any, span: Span) -> bool:
    return isinstance(value, int | float) and span.low <= value and (span.high is None or value <= span.high)


def _all(results: list[bool | None]) -> bool | None:
    return False if False in results else (None if None in results else True)


def _any(results: list[bool | None]) -> bool | None:
    return True if True in results else (None if None in results else False)


def compile_condition(condition: Condition) -> Predicate:
    """Turn a condition into a predicate over (facts, counters, signals), with three-valued logic for
    facts known only roughly: an unknown part of ``all`` or ``any`` leaves the whole unknown unless the
    rest settles it."""
    if isinstance(condition, All):
        parts = [compile_condition(c) for c in condition.all]
        return lambda f, c, s: _all([p(f, c, s) for p in parts])
    if isinstance(condition, AnyOf):
        parts = [compile_condition(c) for c in condition.any]
        return lambda f, c, s: _any([p(f, c, s) for p in parts])
    if isinstance(condition, Not):
        inner = compile_condition(condition.not_)

        def negated(f: Mapping[str, FactValue], c: Mapping[str, Any], s: Mapping[str, Any]) -> bool | None:
            result = inner(f, c, s)
            return None if result is None else not result

        return negated
    op, value = condition.op, condition.value
    if condition.fact is not None:
        name = condition.fact
        return lambda f, c, s: _compare(op, f.get(name), value)
    if condition.counter is not None:
        name = condition.counter
        return lambda f, c, s: _compare(op, c.get(name), value)
    name = condition.signal or ""
    return lambda f, c, s: _compare(op, s.get(name), value)


def facts_named(condition: Condition) -> set[str]:
    """Every fact a condition reads."""
    if isinstance(condition, All):
        return set().union(*(facts_named(c) for c in condition.all))
    if isinstance(condition, AnyOf):
        return set().union(*(facts_named(c) for c in condition.any))
    if isinstance(condition, Not):
        return facts_named(condition.not_)
    return {condition.fact} if condition.fact else set()
