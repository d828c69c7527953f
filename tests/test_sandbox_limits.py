"""Policy templates that would exhaust memory or time are refused, at load and while rendering.

Each attack is a template a policy could carry. At load, ``load_policy`` and ``tactful validate``
refuse it with the template's YAML path and the limit it went past, quickly. While rendering with a
conversation's values, the sandbox stops it the same way, and the engine says something else
instead of failing the turn (see ``tests/test_template_fallbacks.py``).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from jinja2.exceptions import SecurityError
from typer.testing import CliRunner

from flow import PolicyError, load_policy
from flow.cli import app
from flow.errors import TemplateLimitExceeded
from flow.sandbox import Limits, PolicySandbox

RETAIL: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parents[1] / "flow" / "policies" / "retail.yaml").read_text(encoding="utf-8")
)
PATH = r"templates\.apologizing\.apology"
runner = CliRunner()


@dataclass(frozen=True)
class Attack:
    """A template that grows without bound, and what the refusal must say."""

    name: str
    source: str
    expected: str

    def __str__(self) -> str:
        return self.name


WIDE = "10**12"
"""A width or count no template needs: a terabyte of text if anything built it."""

ATTACKS = [
    # Widths handed to filters and methods
    Attack("center filter", f"{{{{ request|center({WIDE}) }}}}", r"'center' would build 1,000,000,000,000 characters"),
    Attack("center method", f"{{{{ request.center({WIDE}) }}}}", r"'center' would build 1,000,000,000,000 characters"),
    Attack("ljust method", f"{{{{ request.ljust({WIDE}) }}}}", r"'ljust' would build 1,000,000,000,000 characters"),
    Attack("rjust method", f"{{{{ request.rjust({WIDE}) }}}}", r"'rjust' would build 1,000,000,000,000 characters"),
    Attack("zfill method", f"{{{{ request.zfill({WIDE}) }}}}", r"'zfill' would build 1,000,000,000,000 characters"),
    Attack("expandtabs", "{{ ('\t' * 100).expandtabs(10**10) }}", r"'expandtabs' would build"),
    Attack("indent filter", f"{{{{ 'a\nb'|indent({WIDE}) }}}}", r"'indent' would build"),
    Attack("batch filter", f"{{{{ [1]|batch({WIDE}, 0)|list }}}}", r"'batch' would build"),
    Attack("wordwrap string", "{{ ('x ' * 5000)|wordwrap(1, wrapstring='y' * 10000) }}", r"'wordwrap' would build"),
    # printf and str.format widths
    Attack("format filter", "{{ '%1000000000000s'|format(request) }}", r"'%' formatting would build"),
    Attack("percent operator", "{{ '%1000000000000s' % request }}", r"'%' formatting would build"),
    Attack("percent star width", f"{{{{ '%*s' % ({WIDE}, request) }}}}", r"'%' formatting would build"),
    Attack("percent repeated", "{{ ('%s' * 5000) % (('x' * 5000,) * 5000) }}", r"'%' formatting would build"),
    Attack("str.format width", "{{ '{:1000000000000}'.format(request) }}", r"'format' would build"),
    Attack("str.format nested width", f"{{{{ '{{:{{}}}}'.format(request, {WIDE}) }}}}", r"'format' would build"),
    Attack("str.format repeated", "{{ ('{0}' * 5000).format('x' * 5000) }}", r"'format' would build"),
    # Repetition and concatenation
    Attack("repeated text", f"{{{{ request * {WIDE} }}}}", r"'\*' would build 8,000,000,000,000 characters"),
    Attack(
        "replace filter chain",
        "{{ ('x' * 100)|replace('x', 'x' * 100)|replace('x', 'x' * 100) }}",
        r"'replace' would build 1,000,000 characters",
    ),
    Attack(
        "replace method chain",
        "{{ ('x' * 100).replace('x', 'x' * 100).replace('x', 'x' * 100) }}",
        r"'replace' would build 1,000,000 characters",
    ),
    Attack(
        "concatenation doubling",
        "{% set a = 'x' * 10000 %}{% set b = a ~ a ~ a %}{% set c = b ~ b ~ b %}I'm sorry.{{ c|length }}",
        r"'~' would build 30,000 characters",
    ),
    Attack(
        "plus doubling",
        "{% set a = 'x' * 10000 %}{% set b = a + a + a %}{% set c = b + b + b %}I'm sorry.{{ c|length }}",
        r"'\+' would build 30,000 characters",
    ),
    Attack("join filter", "{{ ('x' * 10000)|list|join('y' * 10000) }}", r"'join' would build"),
    Attack("join method", "{{ ('y' * 10000).join(['x' * 10000] * 10000) }}", r"'join' would build"),
    Attack("sum of lists", "{{ ([[1] * 100] * 10000)|sum(start=[]) }}", r"'sum' adds numbers only"),
    Attack(
        "huge numbers",
        "{% set a = 2**64 %}{% set b = a**64 %}{% set c = b**64 %}{% set d = c**64 %}I'm sorry.{{ d > 0 }}",
        r"'\*\*' would build a number of 4,160 bits",
    ),
    # Loops, recursion and calls
    Attack(
        "nested loops",
        "{% for a in 'x' * 10000 %}{% for b in 'x' * 10000 %}{% endfor %}{% endfor %}I'm sorry.",
        r"more than 1,000 loop iterations",
    ),
    Attack("recursive macro", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", r"nests calls deeper than 20"),
    Attack(
        "exponential macro",
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}I'm sorry.{{ f(15) }}",
        r"more than 1,000 calls",
    ),
    Attack("recursive loop", "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}", r"nests calls deeper than 20"),
    Attack(
        "list changed by the template",
        "{% set l = [1] %}{% for x in 'ab' %}{{ l.append(x) }}{% endfor %}I'm sorry.{{ l|length }}",
        r"'append' of 'list' object is unsafe",
    ),
    Attack("range", f"{{{{ range({WIDE})|length }}}}", r"unknown variable range"),
    # Everything a template writes
    Attack("long output", "I'm sorry.{% for i in 'x' * 900 %} {{ reason }}{% endfor %}", r"renders more than 20,000"),
    Attack(
        "text kept in a block",
        "{% set a %}{% for i in 'x' * 1000 %}{{ 'y' * 10000 }}{% endfor %}{% endset %}I'm sorry.",
        r"writes more than 200,000 characters",
    ),
]  # fmt: skip


def policy_with_apology(source: str) -> dict[str, Any]:
    data = copy.deepcopy(RETAIL)
    data["templates"] = {"apologizing": {"apology": source}}
    return data


@pytest.mark.timeout(20)
@pytest.mark.parametrize("attack", ATTACKS, ids=str)
def test_load_policy_refuses_the_template_with_its_path_and_limit(attack: Attack) -> None:
    with pytest.raises(PolicyError) as caught:
        load_policy(policy_with_apology(attack.source))

    assert any(re.match(f"{PATH}: .*{attack.expected}", p) for p in caught.value.problems), caught.value.problems


@pytest.mark.timeout(20)
@pytest.mark.parametrize("attack", ATTACKS[::4], ids=str)
def test_validate_refuses_the_template_and_exits_2(attack: Attack, tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(policy_with_apology(attack.source)), encoding="utf-8")

    result = runner.invoke(app, ["validate", str(path)])

    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert re.search(f"{PATH}: .*{attack.expected}", result.output.replace("\n", " ")), result.output


RENDER_ATTACKS = [a for a in ATTACKS if a.name not in {"range", "list changed by the template"}]


@pytest.mark.timeout(20)
@pytest.mark.parametrize("attack", RENDER_ATTACKS, ids=str)
def test_rendering_stops_at_the_limit_with_a_clear_error(attack: Attack) -> None:
    sandbox = PolicySandbox()
    template = sandbox.from_string(attack.source)
    context = {"request": "a refund", "reason": "Refunds are available for 30 days after purchase. " * 2}

    with pytest.raises(TemplateLimitExceeded, match=attack.expected):
        sandbox.render(template, context)


@pytest.mark.parametrize(
    ("source", "rendered"),
    [
        ("{{ request|center(20) }}", "      a refund      "),
        ("{{ '%-10s|' % request }}", "a refund  |"),
        ("{{ '{:>10}'.format(request) }}", "  a refund"),
        ("{{ request|replace('a ', 'one ') }}", "one refund"),
        ("{{ ['a', 'b']|join(', ') }}", "a, b"),
        ("{{ [1, 2, 3]|sum }}", "6"),
        ("{% for c in 'abc' %}{{ loop.index }}{{ c }}{% endfor %}", "1a2b3c"),
        ("{% macro greet(n) %}hi {{ n }}{% endmacro %}{{ greet(request) }}", "hi a refund"),
        ("{{ request ~ '!' }}", "a refund!"),
        ("{{ 2 ** 10 }}", "1024"),
    ],
)
def test_ordinary_templates_render_as_before(source: str, rendered: str) -> None:
    sandbox = PolicySandbox()

    assert sandbox.render(sandbox.from_string(source), {"request": "a refund"}) == rendered


def test_the_limits_are_counted_per_render_not_per_template() -> None:
    sandbox = PolicySandbox()
    template = sandbox.from_string("{% for c in 'x' * 600 %}{% endfor %}done")

    assert [sandbox.render(template, {}) for _ in range(3)] == ["done"] * 3


def test_a_render_that_takes_too_long_is_stopped() -> None:
    sandbox = PolicySandbox(limits=Limits(seconds=0.0))
    template = sandbox.from_string("{% for c in 'abc' %}{{ c }}{% endfor %}")

    with pytest.raises(TemplateLimitExceeded, match=r"takes longer than 0 s to render"):
        sandbox.render(template, {})


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ ('%(a)s' * 3000) % {'a': 'x' * 10} }}", r"'%' formatting would build"),
        ("{{ ('{:1000000}'|safe).format(request) }}", r"'format' would build 1,000,000 characters"),
        ("{{ '{a:1000000}'.format_map({'a': request}) }}", r"'format' would build 1,000,000 characters"),
        ("{{ '{!r}'.format([request] * 5000) }}", r"'format' would build"),
        ("{{ ['\x00' * 3000] }}", r"writing a value would build"),
        ("{{ {'a': [request] * 3000} }}", r"writing a value would build"),
        ("{{ ([request] * 3000)|string }}", r"'string' would build"),
        ("{{ [1]|slice(10**12)|list }}", r"'slice' would build"),
        ("{{ ([request] * 3000)|join(', ', attribute='x') }}", r"'join' would build"),
    ],
)
def test_more_ways_to_grow_are_stopped_while_rendering(source: str, expected: str) -> None:
    sandbox = PolicySandbox()

    with pytest.raises(TemplateLimitExceeded, match=expected):
        sandbox.render(sandbox.from_string(source), {"request": "a refund"})


@pytest.mark.parametrize(
    ("source", "rendered"),
    [
        ("{{ '%(a)s, %(a)s' % {'a': request} }}", "a refund, a refund"),
        ("{{ '{a:>9}'.format_map({'a': request}) }}", " a refund"),
        ("{{ ('<{}>'|safe).format(request) }}", "<a refund>"),
        ("{{ {'a': 1.5, 'b': none, 'c': true} }}", "{'a': 1.5, 'b': None, 'c': True}"),
        ("{{ [{'a': 'x'}, {'a': 'y'}]|join(',', attribute='a') }}", "x,y"),
        ("{{ [{'a': 1}, {'a': 2}]|sum(attribute='a') }}", "3"),
        ("{{ [1, 2, 3]|batch(2)|list }}", "[[1, 2], [3]]"),
        ("{{ 'a\tb'.expandtabs(4) ~ request.zfill(10) }}", "a   b00a refund"),
        ("{{ 'x'|indent(2, true) }}", "  x"),
        ("{{ 'a b c'|wordwrap(1) }}", "a\nb\nc"),
        ("{{ ', '.join(request.split()) }}", "a, refund"),
    ],
)
def test_the_checked_steps_still_work_within_the_limits(source: str, rendered: str) -> None:
    sandbox = PolicySandbox()

    assert sandbox.render(sandbox.from_string(source), {"request": "a refund"}) == rendered


def test_methods_that_leave_text_behind_are_refused() -> None:
    sandbox = PolicySandbox()

    with pytest.raises(SecurityError, match=r"'encode' of 'str' object is unsafe"):
        sandbox.render(sandbox.from_string("{{ request.encode() }}"), {"request": "a refund"})
