"""Every piece of agent text as a compiled, sandboxed template, and the checks run on them at load.

Templates come from the state modules (defaults) and the policy (overrides and the company's own
words). They are compiled once, by a Jinja2 ``SandboxedEnvironment`` with ``StrictUndefined``;
customer-supplied values only ever reach them as data in the render context.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from typing import Any

from jinja2 import Template, TemplateError, meta
from jinja2.sandbox import SandboxedEnvironment

from flow.policy import Policy
from flow.sandbox import PolicySandbox, forbidden_constructs
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

    __slots__ = ("constant", "env", "source", "template")

    def __init__(self, env: SandboxedEnvironment, source: str) -> None:
        self.env: SandboxedEnvironment | None = env
        self.source = source
        self.template: Template | None = None
        self.constant: str | None = None

    def _compile(self, env: SandboxedEnvironment) -> None:
        if meta.find_undeclared_variables(env.parse(self.source)):
            self.template = env.from_string(self.source)
        else:
            self.constant = env.from_string(self.source).render().strip()
        self.env = None

    def render(self, context: Mapping[str, Any]) -> str:
        if self.env is not None:
            self._compile(self.env)
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
        variants = self._templates[path]
        index = zlib.crc32(f"{seed}:{path}".encode()) % len(variants) if len(variants) > 1 else 0
        return variants[index].render(context)


def sample_context(policy: Policy) -> dict[str, Any]:
    """Plausible values for every template variable, used to check templates at load time."""
    context: dict[str, Any] = dict.fromkeys(policy.facts, "")
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


def check_templates(policy: Policy, *, readability: bool = False) -> list[str]:
    """Problems with a policy's templates: syntax, unknown keys or variables, and the tone lint."""
    problems: list[str] = []
    known = CONTEXT_VARIABLES | set(policy.facts)
    for state_name, keys in policy.templates.items():
        allowed = COMMON_TEMPLATES if state_name == "common" else SPECS[state_name].templates
        for key in keys:
            if key not in allowed:
                problems.append(
                    f"templates.{state_name}.{key}: unknown template key; known keys: {', '.join(sorted(allowed))}"
                )
    env = _environment()
    context = sample_context(policy)
    banned = tuple(policy.tone.banned_phrases)
    floor = policy.tone.min_reading_ease if readability else None
    for path, variants in template_sources(policy).items():
        for i, source in enumerate(variants):
            where = f"{path}[{i}]" if len(variants) > 1 else path
            try:
                tree = env.parse(source)
                forbidden = forbidden_constructs(tree)
                if forbidden:
                    problems.append(f"{where}: templates may not use {', '.join(forbidden)}")
                    continue
                unknown = meta.find_undeclared_variables(tree) - known
                if unknown:
                    problems.append(f"{where}: unknown variable {', '.join(sorted(unknown))}")
                    continue
                text = env.from_string(source).render(context).strip()
            except (TemplateError, TypeError, ValueError, ArithmeticError) as e:
                problems.append(f"{where}: template does not render: {e}")
                continue
            if path.startswith("templates.common.button_"):
                continue
            problems.extend(f"{where}: {problem}" for problem in lint(text, banned=banned, min_reading_ease=floor))
    return problems
