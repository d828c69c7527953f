"""Every piece of agent text as a compiled, sandboxed template, and the checks run on them at load.

Templates come from the state modules (defaults) and the policy (overrides and the company's own
words). They are compiled once, by a Jinja2 ``SandboxedEnvironment`` with ``StrictUndefined``;
customer-supplied values only ever reach them as data in the render context.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Mapping
from io import StringIO
from typing import Any

from jinja2 import Template, TemplateError, meta, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.lexer import newline_re
from jinja2.nodes import EvalContext, Impossible
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

from flow.policy import Policy
from flow.sandbox import PolicySandbox, forbidden_constructs
from flow.suggest import did_you_mean
from flow.tone import lint
from states import COMMON_TEMPLATES, SPECS

CONTEXT_VARIABLES = frozenset(
    {
        "company",
        "agent_name",
        "customer_name",
        "intent",
        "request",
        "requests",
        "question",
        "reason",
        "clearer_reason",
        "approval",
        "offered",
        "several",
        "chosen",
        "compensation",
        "compensation_reference",
        "follow_up_when",
        "follow_up_hours",
        "follow_up_text",
        "handoff_hours",
        "in_hours",
        "callback",
        "callback_when",
        "escalation_reason",
        "order_id",
    }
)
"""Variables every template may use, besides the policy's declared facts (``order_id`` is empty when undeclared)."""


def _environment() -> SandboxedEnvironment:
    return PolicySandbox()


def template_sources(policy: Policy) -> dict[str, list[str]]:
    """Every template of a policy, by a readable YAML-style path, with its variants."""
    sources: dict[str, list[str]] = {}
    for state, spec in SPECS.items():
        for key, variants in spec.templates.items():
            sources[f"templates.{state}.{key}"] = list(variants)
    for key, shared in COMMON_TEMPLATES.items():
        sources[f"templates.common.{key}"] = list(shared)
    for state_name, keys in policy.templates.items():
        for key, overrides in keys.items():
            sources[f"templates.{state_name}.{key}"] = overrides
    for name, request in policy.requests.items():
        sources[f"requests.{name}.approved"] = [request.approved]
        for i, rule in enumerate(request.declines):
            sources[f"requests.{name}.declines[{i}].reason"] = [rule.reason]
            if rule.clearer_reason:
                sources[f"requests.{name}.declines[{i}].clearer_reason"] = [rule.clearer_reason]
        for i, alternative in enumerate(request.alternatives):
            sources[f"requests.{name}.alternatives[{i}].text"] = [alternative.text]
    if policy.compensation is not None:
        sources["compensation.offer"] = [policy.compensation.offer]
    sources["follow_up.text"] = [policy.follow_up.text]
    return sources


class _Compiled:
    """One template variant, compiled on first use: a constant when it uses no variables, else Jinja."""

    __slots__ = ("constant", "env", "source", "template", "variables")

    def __init__(self, env: SandboxedEnvironment, source: str) -> None:
        self.env: SandboxedEnvironment | None = env
        self.source = source
        self.template: Template | None = None
        self.constant: str | None = None
        self.variables: frozenset[str] = frozenset()

    def compile(self) -> None:
        if self.env is None:
            return
        env = self.env
        self.variables = frozenset(meta.find_undeclared_variables(env.parse(self.source)))
        if self.variables:
            self.template = env.from_string(self.source)
        else:
            self.constant = env.from_string(self.source).render().strip()
        self.env = None

    def render(self, context: Mapping[str, Any]) -> str:
        self.compile()
        if self.template is None:
            return self.constant or ""
        # The sandbox has no globals, so a shared context skips Jinja's two copies of the variables;
        # templates never write to it.
        frame = self.template.new_context(context, shared=True)  # type: ignore[arg-type]
        return "".join(self.template.root_render_func(frame)).strip()


class TemplateBook:
    """The compiled templates of one policy, looked up by path and chosen among variants."""

    def __init__(self, policy: Policy) -> None:
        env = _environment()
        self._templates: dict[str, tuple[_Compiled, ...]] = {
            path: tuple(_Compiled(env, source) for source in variants)
            for path, variants in template_sources(policy).items()
        }

    def has(self, path: str) -> bool:
        """Whether a template exists at ``path``."""
        return path in self._templates

    def render(self, path: str, context: Mapping[str, Any], *, seed: str = "") -> str:
        """Render the variant of ``path`` that ``seed`` picks (the same seed always picks the same one)."""
        return self._variant(path, seed).render(context)

    def variables(self, path: str, *, seed: str = "") -> frozenset[str]:
        """The variables the variant of ``path`` that ``seed`` picks reads."""
        variant = self._variant(path, seed)
        variant.compile()
        return variant.variables

    def _variant(self, path: str, seed: str) -> _Compiled:
        variants = self._templates[path]
        return variants[zlib.crc32(f"{seed}:{path}".encode()) % len(variants)] if len(variants) > 1 else variants[0]


_SAMPLE_FACTS: dict[str, Any] = {
    "text": "silver",
    "order_id": "A-1001",
    "days": 45,
    "number": 3,
    "yes_no": True,
    "email": "dana@example.com",
}
"""A plausible value of each fact kind, so a check can tell a fact that is known from one that is not."""


def sample_context(policy: Policy) -> dict[str, Any]:
    """Plausible values for every template variable, used to check templates at load time."""
    context: dict[str, Any] = {name: _SAMPLE_FACTS.get(spec.kind, "") for name, spec in policy.facts.items()}
    context.update(
        company=policy.company,
        agent_name=policy.agent_name,
        customer_name="Dana",
        intent="complaint",
        request="a refund",
        requests="a refund or a cancellation",
        question="Could you tell me your order number?",
        reason="Refunds are available for 30 days after purchase.",
        clearer_reason="We can only refund orders in the first 30 days.",
        approval="I've started your refund.",
        offered="store credit, or an exchange",
        several=True,
        chosen="store credit",
        compensation="a 15% discount on your next order",
        compensation_reference="GW-1A2B3C4D",
        follow_up_when="tomorrow",
        follow_up_hours=24,
        follow_up_text="Hi Dana, are you happy with how it was sorted out?",
        handoff_hours="09:00 to 18:00, Monday to Friday",
        in_hours=True,
        callback=True,
        callback_when="tomorrow at 09:00",
        escalation_reason="anger",
        order_id="A-1001",
        days_since_purchase=45,
    )
    return context


OPTIONAL_CONTEXT = frozenset({"customer_name", "order_id"})
"""Variables every policy may use that the host may not know (besides the policy's own facts)."""


def optional_variables(policy: Policy) -> frozenset[str]:
    """Facts a template may find unknown: declared or always available, and in no request's ``needs``."""
    needed = {fact for request in policy.requests.values() for fact in request.needs}
    return frozenset((OPTIONAL_CONTEXT | set(policy.facts)) - needed)


def check_templates(policy: Policy, *, readability: bool = False) -> list[str]:
    """Problems with a policy's templates: syntax, unknown keys or variables, the tone lint, and blanks.

    A template that uses an optional fact (see :func:`optional_variables`) is also rendered without
    it, and a blank it leaves next to punctuation ("Hi , it's Sam") is a problem. A source shared by
    several variants is checked once; see ``_TemplateCheck`` for how each is checked without
    compiling it when that gives the same answer.
    """
    problems: list[str] = []
    known = CONTEXT_VARIABLES | set(policy.facts)
    for state_name, keys in policy.templates.items():
        allowed = COMMON_TEMPLATES if state_name == "common" else SPECS[state_name].templates
        for key in keys:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                listed = ", ".join(sorted(allowed))
                problems.append(f"templates.{state_name}.{key}: unknown template key{hint}; known keys: {listed}")
    check = _TemplateCheck(policy, known=known, readability=readability)
    for path, variants in template_sources(policy).items():
        linted = not path.startswith("templates.common.button_")
        for i, source in enumerate(variants):
            where = f"{path}[{i}]" if len(variants) > 1 else path
            problems.extend(f"{where}: {problem}" for problem in check.problems(source, linted=linted))
    return problems


class _TemplateCheck:
    """What :func:`check_templates` finds wrong with one template source, remembered per source.

    Most templates are text, ``{{ name }}`` and ``{% if %}``: for those the variables are read off
    the parsed tree and the text is worked out from it with Jinja's own constant folding, which is
    what rendering them would give, without generating and compiling their code. Any other template
    is compiled and rendered as the engine would.
    """

    def __init__(self, policy: Policy, *, known: frozenset[str], readability: bool) -> None:
        self.env = _environment()
        self.known = known
        self.context = sample_context(policy)
        self.banned = tuple(policy.tone.banned_phrases)
        self.floor = policy.tone.min_reading_ease if readability else None
        self.optional = optional_variables(policy)
        self._found: dict[tuple[str, bool], list[str]] = {}

    def problems(self, source: str, *, linted: bool) -> list[str]:
        """Problems with ``source``; ``linted`` says whether its text must pass the tone lint."""
        key = (source, linted)
        if key not in self._found:
            self._found[key] = self._check(source, linted=linted)
        return self._found[key]

    def _check(self, source: str, *, linted: bool) -> list[str]:
        if not _SYNTAX.search(source):
            return self._lint(newline_re.sub("\n", source), linted=linted)
        try:
            tree = self.env.parse(source)
            forbidden = forbidden_constructs(tree)
            if forbidden:
                return [f"templates may not use {', '.join(forbidden)}"]
            text = None
            if _is_simple(tree):
                used = {name.name for name in tree.find_all(nodes.Name)}
                if used - self.known:
                    return [self._unknown(used - self.known)]
                text = _folded_text(tree, self.env, self.context)
            if text is None:
                # Parsed again: folding replaces the names of the tree it tried with their values.
                used, template = _compiled(self.env, self.env.parse(source))
                if used - self.known:
                    return [self._unknown(used - self.known)]
                text = template.render(self.context)
            blanks = self._blanks(source, text, used & self.optional)
        except (TemplateError, TypeError, ValueError, ArithmeticError) as e:
            return [f"template does not render: {e}"]
        return self._lint(text, linted=linted) + blanks

    def _unknown(self, names: set[str]) -> str:
        return "; ".join(f"unknown variable {name}{did_you_mean(name, self.known)}" for name in sorted(names))

    def _blanks(self, source: str, text: str, optional: set[str]) -> list[str]:
        """What the template reads like with each optional fact unknown, where that leaves a visible gap."""
        if not optional:
            return []
        template = self.env.from_string(source)
        before = _gaps(text.strip())
        problems = []
        for name in sorted(optional):
            without = template.render({**self.context, name: None}).strip()
            gaps = _gaps(without)
            new = next((gap for gap in gaps if gaps[gap] > before.get(gap, 0)), None)
            if new is not None:
                problems.append(
                    f"with {name} unknown it reads {_excerpt(without, new)!r}; "
                    f"put the words around it inside {{% if {name} %}}...{{% endif %}}"
                )
        return problems

    def _lint(self, text: str, *, linted: bool) -> list[str]:
        return lint(text.strip(), banned=self.banned, min_reading_ease=self.floor) if linted else []


GAP = re.compile(r"[ \t]+[,.;:!?)](?![\w.])|\(\s*\)|^[,.;:!?]|[,;:][ \t]*[,.;:!?]|\S[ \t]{2,}\S")
"""Signs of a value left out: a space before punctuation, empty brackets, doubled punctuation or spaces."""


def _gaps(text: str) -> dict[str, int]:
    """How often each kind of gap occurs in ``text``, by the characters that make it up (spaces squeezed)."""
    found: dict[str, int] = {}
    for match in GAP.finditer(text):
        key = re.sub(r"\w", "", " ".join(match.group(0).split(" ")))
        found[key] = found.get(key, 0) + 1
    return found


def _excerpt(text: str, gap: str) -> str:
    """The words around the first gap of kind ``gap`` in ``text``."""
    for match in GAP.finditer(text):
        if re.sub(r"\w", "", " ".join(match.group(0).split(" "))) == gap:
            start, end = max(match.start() - 30, 0), min(match.end() + 30, len(text))
            shown = text[start:end]
            if start:
                shown = "..." + shown.split(" ", 1)[-1]
            if end < len(text):
                shown = shown.rsplit(" ", 1)[0].rstrip() + "..."
            return shown
    return text[:60]


_SYNTAX = re.compile(r"\{[{%#]")
"""The start of a Jinja tag; a source without one is plain text that renders as written."""

_SIMPLE_NODES = (
    nodes.Template,
    nodes.Output,
    nodes.TemplateData,
    nodes.If,
    nodes.Name,
    nodes.Const,
    nodes.Compare,
    nodes.Operand,
    nodes.And,
    nodes.Or,
    nodes.Not,
    nodes.CondExpr,
    nodes.Concat,
)
"""Nodes whose constant folding gives exactly what rendering gives; none of them assigns a name."""


def _is_simple(tree: nodes.Template) -> bool:
    return all(isinstance(node, _SIMPLE_NODES) for node in tree.find_all(nodes.Node))


class _BindNames(NodeTransformer):
    """Replaces each name with its value from the context, so that expressions fold to constants."""

    def __init__(self, environment: SandboxedEnvironment, context: Mapping[str, Any]) -> None:
        self.environment = environment
        self.context = context

    def visit_Name(self, node: nodes.Name) -> nodes.Const:
        if node.name not in self.context:
            raise Impossible
        return nodes.Const(self.context[node.name], lineno=node.lineno, environment=self.environment)


def _folded_text(tree: nodes.Template, env: SandboxedEnvironment, context: Mapping[str, Any]) -> str | None:
    """What a simple template renders to with ``context``, or ``None`` when it cannot be folded."""
    bind = _BindNames(env, context)
    eval_context = EvalContext(env)
    finalize: Callable[[Any], Any] = env.finalize or (lambda value: value)
    parts: list[str] = []

    def value(expression: nodes.Node) -> Any:
        return bind.visit(expression).as_const(eval_context)

    def render(body: list[nodes.Node]) -> None:
        for node in body:
            if isinstance(node, nodes.Output):
                for child in node.nodes:
                    parts.append(child.data if isinstance(child, nodes.TemplateData) else str(finalize(value(child))))
            elif isinstance(node, nodes.If):
                branch = node.else_
                for test, taken in ((node.test, node.body), *((elif_.test, elif_.body) for elif_ in node.elif_)):
                    if value(test):
                        branch = taken
                        break
                render(branch)

    try:
        render(tree.body)
    except Impossible:
        return None
    return "".join(parts)


def _compiled(env: SandboxedEnvironment, tree: nodes.Template) -> tuple[set[str], Template]:
    """The names a template reads from its context, and the template compiled from ``tree``."""
    code_text = StringIO()
    generator = _TrackingCodeGenerator(env, code_text)
    generator.visit(tree)
    code = compile(code_text.getvalue(), "<template>", "exec")
    return generator.undeclared, env.template_class.from_code(env, code, env.make_globals(None))


class _TrackingCodeGenerator(CodeGenerator):
    """Jinja's code generator, also noting the names the template reads from its context.

    What ``jinja2.meta.find_undeclared_variables`` finds, in the same pass that writes the code, so
    a template is not run through the generator twice.
    """

    def __init__(self, environment: SandboxedEnvironment, stream: StringIO) -> None:
        super().__init__(environment, "<template>", None, stream, optimized=environment.optimized)
        self.undeclared: set[str] = set()

    def enter_frame(self, frame: Frame) -> None:
        super().enter_frame(frame)
        for action, param in frame.symbols.loads.values():
            if action == "resolve" and param not in self.environment.globals:
                self.undeclared.add(param)
