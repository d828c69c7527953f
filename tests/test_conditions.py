"""Policy conditions: structured data compiled into predicates, never evaluated as code."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from flow.conditions import Condition, compile_condition, facts_named

ADAPTER: TypeAdapter[Condition] = TypeAdapter(Condition)


def holds(condition: object, facts: dict[str, object] | None = None, counters: dict[str, int] | None = None) -> bool:
    return compile_condition(ADAPTER.validate_python(condition))(facts or {}, counters or {}, {})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("condition", "facts", "expected"),
    [
        ({"fact": "days", "op": "gt", "value": 30}, {"days": 45}, True),
        ({"fact": "days", "op": ">", "value": 30}, {"days": 30}, False),
        ({"fact": "days", "op": "<=", "value": 30}, {"days": 30}, True),
        ({"fact": "days", "op": "gt", "value": 30}, {}, False),
        ({"fact": "days", "op": "gt", "value": 30}, {"days": "45"}, False),
        ({"fact": "tier", "op": "in", "value": ["gold", "platinum"]}, {"tier": "gold"}, True),
        ({"fact": "tier", "op": "not_in", "value": ["gold"]}, {"tier": "silver"}, True),
        ({"fact": "tier", "op": "missing"}, {}, True),
        ({"fact": "tier", "op": "present"}, {"tier": "gold"}, True),
        ({"fact": "dispatched"}, {"dispatched": None}, False),
        ({"all": [{"fact": "a", "value": 1}, {"fact": "b", "value": 2}]}, {"a": 1, "b": 2}, True),
        ({"any": [{"fact": "a", "value": 1}, {"fact": "b", "value": 2}]}, {"a": 0, "b": 2}, True),
        ({"not": {"fact": "a", "value": 1}}, {"a": 1}, False),
    ],
)
def test_conditions_over_facts(condition: object, facts: dict[str, object], expected: bool) -> None:
    assert holds(condition, facts) is expected


def test_counters_are_readable() -> None:
    assert holds({"counter": "anger", "op": "ge", "value": 1}, counters={"anger": 1})


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ({"fact": "a", "counter": "anger", "value": 1}, "name exactly one of fact, counter or signal"),
        ({"counter": "patience", "value": 1}, "unknown counter 'patience'"),
        ({"fact": "a", "op": "in", "value": "gold"}, "op in needs a list"),
        ({"fact": "a", "op": "between", "value": 1}, "Input should be 'eq'"),
        ({"all": []}, "at least 1 item"),
    ],
)
def test_malformed_conditions_are_refused(condition: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ADAPTER.validate_python(condition)


def test_facts_named_lists_every_fact_read() -> None:
    condition = ADAPTER.validate_python({"any": [{"fact": "a", "value": 1}, {"not": {"fact": "b", "value": 2}}]})
    assert facts_named(condition) == {"a", "b"}
