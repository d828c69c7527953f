"""Broken policy files get clear errors with YAML paths and exit code 2, never a traceback.

A table of hand-written bad policies goes through ``tactful validate`` as a user runs it: malformed
YAML, unknown keys, wrong types, unreachable states, templates with unknown variables and templates
that try to reach Python internals. Then hypothesis deletes, replaces and renames random keys of the
bundled policy: each mutant either loads and runs, or raises ``PolicyError``/``FlowDefinitionError``.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from flow import Engine, FlowDefinitionError, PolicyError, TactfulError, load_policy
from flow.cli import app
from flow.testing.clock import ScenarioClock

RETAIL_FILE = Path(__file__).parents[1] / "flow" / "policies" / "retail.yaml"
RETAIL: dict[str, Any] = yaml.safe_load(RETAIL_FILE.read_text(encoding="utf-8"))
LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1001", "days_since_purchase": 45}
PROBLEM_LINE = re.compile(r"^(?:\s+- )?(line \d+, column \d+|\(top level\)|state '\w+'|[^\s:][^:]*?): \S", re.MULTILINE)
"""Each problem ``validate`` lists starts with where it is: a YAML path, ``line N, column M`` or ``(top level)``."""

runner = CliRunner()

Change = Callable[[dict[str, Any]], None]


@dataclass(frozen=True)
class BadPolicy:
    """A broken policy: either YAML text, or a change to the bundled policy; and what the error must say."""

    name: str
    expected: str
    text: str | bytes | None = None
    change: Change | None = None

    def __str__(self) -> str:
        return self.name

    def write(self, folder: Path) -> Path:
        path = folder / "policy.yaml"
        if isinstance(self.text, bytes):
            path.write_bytes(self.text)
        elif self.text is not None:
            path.write_text(self.text, encoding="utf-8")
        else:
            assert self.change is not None
            data = copy.deepcopy(RETAIL)
            self.change(data)
            path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return path


def setting(path: str, value: Any) -> Change:
    """Set the value at a dotted path (``requests.refund.declines.0.reason``)."""

    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target.setdefault(part, {})
        target[int(last) if isinstance(target, list) else last] = value

    return change


def removing(*paths: str) -> Change:
    """Delete the keys at dotted paths."""

    def change(data: dict[str, Any]) -> None:
        for path in paths:
            *parents, last = path.split(".")
            target: Any = data
            for part in parents:
                target = target[int(part)] if isinstance(target, list) else target[part]
            del target[int(last) if isinstance(target, list) else last]

    return change


def apology(template: str) -> Change:
    return setting("templates", {"apologizing": {"apology": template}})


BILLION_LAUGHS = (
    "laughs:\n"
    + "  - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"  - &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 9))
    + RETAIL_FILE.read_text(encoding="utf-8").replace(
        'banned_phrases: ["no refunds", "non-refundable"]', "banned_phrases: *l8"
    )
)
"""Nine levels of aliases: 9**9 laughs if anything expanded them."""

CASES = [
    # Malformed YAML
    BadPolicy("unclosed bracket", r"line \d+, column \d+: not valid YAML", text="name: retail\nrequests: [\n"),
    BadPolicy("tab indentation", r"line \d+, column \d+: not valid YAML",
              text="name: retail\nrequests:\n\trefund: 1\n"),
    BadPolicy("undefined alias", r"line \d+, column \d+: not valid YAML", text="name: retail\nrequests: *nowhere\n"),
    BadPolicy("python object tag", r"not valid YAML", text="name: !!python/object/apply:os.system ['echo pwned']\n"),
    BadPolicy("binary file", r"cannot read the file", text=b"\x00\xff\xfe\x9c policy"),
    BadPolicy("empty file", r"\(top level\): expected a mapping", text=""),
    BadPolicy("a list", r"\(top level\): expected a mapping", text="- refund\n- cancel\n"),
    BadPolicy("a sentence", r"\(top level\): expected a mapping", text="refunds are not allowed\n"),
    BadPolicy("billion laughs", r"laughs\[4\]: repeated through YAML aliases", text=BILLION_LAUGHS),
    # Unknown keys
    BadPolicy("unknown top-level key", r"colour: unknown key", change=setting("colour", "blue")),
    BadPolicy("misspelt nested key", r"escalation\.max_insistance: unknown key",
              change=setting("escalation.max_insistance", 3)),
    BadPolicy("unknown key in a rule", r"requests\.refund\.declines\[0\]\.unless: unknown key",
              change=setting("requests.refund.declines.0.unless", "gold")),
    BadPolicy("unknown key with brackets", r"colour\[0\]: unknown key", change=setting("colour[0]", "blue")),
    BadPolicy("template key that looks like markup", r"templates\.apologizing\.\[/\]: unknown template key",
              change=setting("templates", {"apologizing": {"[/]": "Sorry."}})),
    BadPolicy("template key that looks like a style", r"templates\.apologizing\.\[bold\]x: unknown template key",
              change=setting("templates", {"apologizing": {"[bold]x": "Sorry."}})),
    # Wrong types and values
    BadPolicy("max_turns a word", r"max_turns: ", change=setting("max_turns", "many")),
    BadPolicy("max_turns too small", r"max_turns: input should be greater than or equal to 3",
              change=setting("max_turns", 1)),
    BadPolicy("requests a list", r"requests: ", change=setting("requests", ["refund"])),
    BadPolicy("anger threshold out of range", r"escalation\.anger_threshold: ",
              change=setting("escalation.anger_threshold", 2)),
    BadPolicy("bad fact pattern", r"facts\.order_id\.pattern: pattern is not a valid regular expression",
              change=setting("facts.order_id.pattern", "([A-Z")),
    BadPolicy("unknown time zone", r"timezone: unknown time zone", change=setting("timezone", "Mars/Olympus_Mons")),
    BadPolicy("hours backwards", r"escalation\.handoff\.hours: ",
              change=setting("escalation.handoff.hours", {"start": "18:00", "end": "09:00"})),
    BadPolicy("unknown intent", r"requests\.refund\.intents\[0\]: ",
              change=setting("requests.refund.intents", ["anything"])),
    BadPolicy("negative follow-up delay", r"follow_up\.delay_hours: ", change=setting("follow_up.delay_hours", -1)),
    BadPolicy("code in a condition", r"requests\.refund\.declines\[0\]\.when",
              change=setting("requests.refund.declines.0.when", {"fact": "days_since_purchase", "op": "eval",
                                                                   "value": "__import__('os').system('id')"})),
    BadPolicy("undeclared fact in a condition", r"requests\.refund\.declines\[0\]\.when: unknown fact 'age'",
              change=setting("requests.refund.declines.0.when", {"fact": "age", "op": "gt", "value": 3})),
    BadPolicy("missing required text", r"requests\.cancel\.approved: field required",
              change=removing("requests.cancel.approved")),
    # Unreachable states
    BadPolicy("no alternatives anywhere", r"state 'offering_alternatives' is unreachable",
              change=removing("requests.refund.alternatives", "requests.cancel.alternatives",
                              "requests.refund.exceptions", "requests.cancel.exceptions")),
    # Templates with unknown variables
    BadPolicy("unknown variable", r"templates\.apologizing\.apology: unknown variable nickname",
              change=apology("Sorry about this, {{ nickname }}.")),
    BadPolicy("unknown variable in a reason", r"requests\.refund\.declines\[0\]\.reason: unknown variable secret",
              change=setting("requests.refund.declines.0.reason", "We can't do that {{ secret }}.")),
    BadPolicy("unknown template key", r"templates\.apologizing\.sorry: unknown template key",
              change=setting("templates", {"apologizing": {"sorry": "Sorry."}})),
    BadPolicy("broken template syntax", r"templates\.apologizing\.apology: template does not render",
              change=apology("Sorry {{ customer_name ")),
    # Templates that try to reach Python internals
    BadPolicy("class walk", r"templates\.apologizing\.apology: ", change=apology("Sorry. {{ ''.__class__.__mro__ }}")),
    BadPolicy("subclasses loop", r"templates\.apologizing\.apology: ",
              change=apology("{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}Sorry.")),
    BadPolicy("attr filter", r"templates\.apologizing\.apology: ",
              change=apology("Sorry {{ request|attr('__class__') }}.")),
    BadPolicy("self", r"templates\.apologizing\.apology: ", change=apology("I'm sorry. {{ self }}")),
    BadPolicy("cycler globals", r"templates\.apologizing\.apology: ",
              change=apology("I'm sorry. {{ cycler.__init__.__globals__ }}")),
    BadPolicy("joiner object", r"templates\.apologizing\.apology: ", change=apology("I'm sorry. {{ joiner() }}")),
    BadPolicy("lipsum globals", r"templates\.apologizing\.apology: ",
              change=apology("I'm sorry. {{ lipsum.__globals__['os'] }}")),
    BadPolicy("lipsum text", r"templates\.apologizing\.apology: ", change=apology("I'm sorry. {{ lipsum(1) }}")),
    BadPolicy("namespace globals", r"templates\.apologizing\.apology: ",
              change=apology("I'm sorry. {{ namespace.__init__.__globals__ }}")),
    BadPolicy("namespace object", r"templates\.apologizing\.apology: ",
              change=apology("I'm sorry. {% set ns = namespace(x=1) %}{{ ns }}")),
    BadPolicy("include", r"templates\.apologizing\.apology: ",
              change=apology("I'm sorry. {% include '/etc/passwd' %}")),
    BadPolicy("import", r"templates\.apologizing\.apology: ", change=apology("{% import 'os' as os %}I'm sorry.")),
    BadPolicy("extends", r"templates\.apologizing\.apology: ", change=apology("{% extends 'base.html' %}")),
]  # fmt: skip


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", CASES, ids=str)
def test_validate_names_the_problem_and_exits_2_without_a_traceback(case: BadPolicy, tmp_path: Path) -> None:
    path = case.write(tmp_path)

    result = runner.invoke(app, ["validate", str(path)])

    assert isinstance(result.exception, SystemExit), f"validate raised {result.exception!r}"
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert re.search(case.expected, result.output), result.output
    assert PROBLEM_LINE.search(result.output), f"no problem names where it is:\n{result.output}"


INJECTIONS = [
    "{{ ''.__class__.__mro__ }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ self }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{% include 'base.html' %}",
    "{{ customer_name }}",
    "{{ unknown_thing }}",
    "{% if in_hours %}Thanks.{% endif %}",
    "{{",
    "Sorry.",
]
leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(INJECTIONS),
    st.sampled_from(["09:00", "25:99", "Europe/London", "gt", "in", "days", "order_id", "accept", "closed"]),
)
values = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=3),
    max_leaves=8,
)


def every_path(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every key and list item under ``node``."""
    children: list[tuple[Any, Any]] = []
    if isinstance(node, dict):
        children = list(node.items())
    elif isinstance(node, list):
        children = list(enumerate(node))
    paths = []
    for key, child in children:
        paths.append((*prefix, key))
        paths.extend(every_path(child, (*prefix, key)))
    return paths


@st.composite
def mutants(draw: st.DrawFn) -> dict[str, Any]:
    """The bundled policy with one to three keys deleted, replaced or renamed."""
    data = copy.deepcopy(RETAIL)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = every_path(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        key = path[-1]
        operation = draw(
            st.sampled_from(["delete", "replace", "rename"] if isinstance(parent, dict) else ["delete", "replace"])
        )
        if operation == "delete":
            del parent[key]
        elif operation == "replace":
            parent[key] = draw(values)
        else:
            parent[draw(st.text(min_size=1, max_size=12))] = parent.pop(key)
    return data


@settings(max_examples=80)
@given(data=mutants())
def test_a_mutated_policy_loads_and_runs_or_raises_a_definition_error(data: dict[str, Any]) -> None:
    refused: PolicyError | FlowDefinitionError | None = None
    try:
        engine = Engine(load_policy(data), clock=ScenarioClock().now)
    except (PolicyError, FlowDefinitionError) as error:
        refused = error
    if refused is not None:
        assert refused.problems
        for problem in refused.problems:
            where, _, what = problem.partition(": ")
            assert (where and what.strip()) or problem.startswith("state "), problem
        return
    try:
        conversation, _ = engine.start(facts=LATE_REFUND, message="I want a refund")
        for message in ("why?", "no", "get me a manager"):
            if conversation.closed:
                break
            conversation, _ = engine.reply(conversation, message)
    except TactfulError:
        pass
