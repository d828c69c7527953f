"""Every piece of agent text as a compiled, sandboxed template, and the checks run on them at load.

Templates come from the state modules (defaults) and the policy (overrides and the company's own
words). They are compiled once, by a Jinja2 ``SandboxedEnvironment`` with ``StrictUndefined``;
customer-supplied values only ever reach them as data in the render context.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Callable, Mapping
from io import StringIO
from typing import Any

from jinja2 import Template, TemplateError, meta, nodes
from jinja2.compiler import Frame
from jinja2.exceptions import SecurityError
from jinja2.lexer import newline_re
from jinja2.nodes import EvalContext, Impossible
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

from flow.errors import TemplateLimitExceeded
from flow.policy import Policy
from flow.sandbox import BudgetedCodeGenerator, PolicySandbox, forbidden_constructs, is_simple
from flow.suggest import did_you_mean
from flow.tone import lint
from flow.wording import agreeing
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
        "compensation_offered",
        "follow_up_when",
        "follow_up_hours",
        "follow_up_text",
        "handoff_hours",
        "in_hours",
        "callback",
        "offer_callback",
        "callback_when",
        "person",
        "escalation_reason",
        "first_message",
        "order_id",
        "complained",
        "continues",
        "said_already",
        "given",
        "narrowing",
        "arrived_only",
        "hint",
        "thanked",
        "exception",
        "exception_text",
        "rationale",
        "level",
        "unanswered",
        "announced",
        "other_address",
        "repeated",
        "pressed",
        "remark",
        "said_sorry",
        "bot_asked",
        "person_refused",
        "someone_else_bought",
        "told_only",
        "questioned",
        "acknowledged",
        "unoffered",
        "chosen_waiting",
        "wanted_waiting",
        "aside_answer",
        "beside_request",
        "also_possible",
        "only_refused",
        "reason_unsaid",
        "other_language",
        "other_language_person",
        "why_level",
        "choices",
        "details",
        "about",
        "summary",
        "status_text",
        "check",
        "resume",
        "affirmed",
        "question_inline",
        "asked_before",
        "not_known",
        "asked_back",
        "fact_hint",
        "offer_colleague",
        "colleague_declined",
        "apologized",
        "replaced",
        "noted_for",
        "done_for",
        "put_off",
        "trouble_told",
        "hard_times",
        "circumstance_told",
        "loss_told",
        "rules_told",
        "wished",
        "variant",
        "more_asked",
        "covered",
        "request_named",
        "request_assumed",
        "asked_for_all",
        "apology_asked",
        "turned_down",
        "order_put_right",
        "fact_put_right",
        "second_best",
        "chosen_named",
        "settled_before",
        "upset_before",
        "insisted",
        "asked_when",
        "call_moved",
        "files_complaint",
        "queued",
        "offered_anyway",
    }
)
"""Variables every template may use, besides the policy's declared facts (``order_id`` is empty when undeclared)."""


PLAIN_WORDS = {
    "reason": "This is not something our rules allow.",
    "approved": "Your request is approved.",
    "follow_up": "We're checking in about your recent request. Are you happy with how it was sorted out?",
    "other": "Thank you for your patience.",
}
"""What the engine says instead of a policy text that went past a sandbox limit and has no built-in words."""

_REFUSED = (TemplateLimitExceeded, SecurityError, ArithmeticError)
"""What rendering a template with a conversation's values raises when it asks for too much (text, loops,
calls, a number too large for a float) or for what the sandbox forbids."""
_LOG = logging.getLogger(__name__)


def _environment() -> PolicySandbox:
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
        for other, say in request.covers.items():
            sources[f"requests.{name}.covers.{other}"] = [say]
        for i, rule in enumerate(request.declines):
            sources[f"requests.{name}.declines[{i}].reason"] = [rule.reason]
            if rule.clearer_reason:
                sources[f"requests.{name}.declines[{i}].clearer_reason"] = [rule.clearer_reason]
            if rule.rationale:
                sources[f"requests.{name}.declines[{i}].rationale"] = [rule.rationale]
        for i, alternative in enumerate(request.alternatives):
            sources[f"requests.{name}.alternatives[{i}].text"] = [alternative.text]
        for i, exception in enumerate(request.exceptions):
            sources[f"requests.{name}.exceptions[{i}].say"] = [exception.say]
            if exception.clearer_reason:
                sources[f"requests.{name}.exceptions[{i}].clearer_reason"] = [exception.clearer_reason]
            if exception.rationale:
                sources[f"requests.{name}.exceptions[{i}].rationale"] = [exception.rationale]
            for j, alternative in enumerate(exception.alternatives):
                sources[f"requests.{name}.exceptions[{i}].alternatives[{j}].text"] = [alternative.text]
    if policy.compensation is not None:
        sources["compensation.offer"] = [policy.compensation.offer]
    sources["follow_up.text"] = [policy.follow_up.text]
    return sources


_SEED_SEARCH = 64
"""How many seeds per variant are tried to find one that picks each variant."""


_REMEMBERED = 64
"""How many texts each simple template variant remembers, by the values it read, before it forgets them all."""
_PLAIN_VALUES = frozenset({str, int, bool, type(None)})
"""The types of value a remembered text may be keyed on: each renders the same whenever it compares equal."""


class _Compiled:
    """One template variant, compiled on first use: a constant when it uses no variables, else Jinja.

    A simple template (see :func:`~flow.sandbox.is_simple`) is a pure function of the values it reads, so
    its texts are remembered by those values (and their types, as ``True == 1``) when each is plain text,
    a number or nothing, and said again without rendering.
    """

    __slots__ = (
        "compiled",
        "constant",
        "names",
        "refused",
        "rendered",
        "sandbox",
        "simple",
        "source",
        "template",
        "variables",
    )

    def __init__(self, sandbox: PolicySandbox, source: str) -> None:
        self.sandbox = sandbox
        self.source = source
        self.compiled = False
        self.template: Template | None = None
        self.constant: str | None = None
        self.refused: Exception | None = None
        self.variables: frozenset[str] = frozenset()
        self.names: tuple[str, ...] = ()
        self.simple = False
        self.rendered: dict[tuple[Any, ...], str] = {}

    def compile(self) -> None:
        if self.compiled:
            return
        sandbox = self.sandbox
        tree = sandbox.parse(self.source)
        self.variables = frozenset(meta.find_undeclared_variables(tree))
        self.names = tuple(sorted(self.variables))
        self.simple = is_simple(tree)
        self.template = sandbox.from_string(self.source)
        if not self.variables:
            try:
                self.constant = agreeing(sandbox.render(self.template, {}).strip())
            except _REFUSED as error:
                self.refused = error
            self.template = None
        self.compiled = True

    def render(self, context: Mapping[str, Any]) -> str:
        if not self.compiled:
            self.compile()
        if self.refused is not None:
            raise self.refused
        if self.template is None:
            return self.constant or ""
        if not self.simple:
            return agreeing(self.sandbox.render(self.template, context).strip())
        try:
            values = tuple(map(context.__getitem__, self.names))
        except KeyError:
            return agreeing(self.sandbox.render(self.template, context, simple=True).strip())
        types = tuple(map(type, values))
        if not _PLAIN_VALUES.issuperset(types):
            return agreeing(self.sandbox.render(self.template, context, simple=True).strip())
        key = values + types
        text = self.rendered.get(key)
        if text is None:
            text = agreeing(self.sandbox.render(self.template, context, simple=True).strip())
            if len(self.rendered) >= _REMEMBERED:
                self.rendered.clear()
            self.rendered[key] = text
        return text


class TemplateBook:
    """The compiled templates of one policy, looked up by path and chosen among variants.

    A template that goes past a sandbox limit with a conversation's values (a long name repeated,
    say) does not fail the turn: the book logs a warning naming the template and the limit, and
    says the next variant of the same text, else the built-in words for that key when the policy
    replaced them, else a plain sentence (:data:`PLAIN_WORDS`, or an alternative's or the
    compensation's title). Values not worked out for the turn read as empty in what it says instead.
    """

    def __init__(self, policy: Policy) -> None:
        sandbox = _environment()
        sources = template_sources(policy)
        self._templates: dict[str, tuple[_Compiled, ...]] = {
            path: tuple(_Compiled(sandbox, source) for source in variants) for path, variants in sources.items()
        }
        self._built_in = {
            path: tuple(_Compiled(sandbox, source) for source in variants)
            for path, variants in _built_in_sources().items()
            if variants != sources[path]
        }
        self._plain = _plain_words(policy)

    def has(self, path: str) -> bool:
        """Whether a template exists at ``path``."""
        return path in self._templates

    def paths(self) -> list[str]:
        """The path of every template."""
        return list(self._templates)

    def mentions(self, path: str, name: str) -> bool:
        """Whether any variant of ``path``, or the built-in words said in its place, names the variable ``name``
        (reading or setting it). Told from the parsed sources, without compiling them."""
        word = re.compile(rf"\b{re.escape(name)}\b")
        for variant in (*self._templates[path], *self._built_in.get(path, ())):
            # Most sources lack the word altogether; only those that have it are parsed, to tell text from a name.
            if not word.search(variant.source):
                continue
            try:
                tree = variant.sandbox.parse(variant.source)
            except TemplateError:
                return True
            if any(node.name == name for node in tree.find_all(nodes.Name)):
                return True
        return False

    def exception_variables(self, policy: Policy) -> dict[tuple[str, int], frozenset[str]]:
        """For each request's exceptions, the variables its words read (the facts it needs to be said)."""
        return {
            (name, i): self.variables(f"requests.{name}.exceptions[{i}].say")
            for name, request in policy.requests.items()
            for i in range(len(request.exceptions))
        }

    def render(self, path: str, context: Mapping[str, Any], *, seed: str = "") -> str:
        """Render the variant of ``path`` that ``seed`` picks (the same seed always picks the same one)."""
        variants = self._templates[path]
        first = zlib.crc32(f"{seed}:{path}".encode()) % len(variants) if len(variants) > 1 else 0
        try:
            return variants[first].render(context)
        except _REFUSED as error:
            refusal = error
        others = [variants[(first + step) % len(variants)] for step in range(1, len(variants))]
        for kind, choices in (("another variant", others), ("the built-in words", self._built_in.get(path, ()))):
            for choice in choices:
                try:
                    text = choice.render(context)
                except _REFUSED:
                    continue
                _warn(path, refusal, kind)
                return text
        _warn(path, refusal, "a plain sentence")
        return self._plain.get(path, PLAIN_WORDS["other"])

    def variant_seeds(self, path: str, seed: str) -> list[str]:
        """One seed for each variant of ``path``: ``seed`` itself first, then seeds that pick the variants
        after its own, in turn, so a speaker looking for words not said yet tries every variant once."""
        count = len(self._templates[path])
        if count < 2:
            return [seed]
        first = self._index(path, seed, count)
        seeds = {first: seed}
        tried = 1
        while len(seeds) < count and tried < _SEED_SEARCH * count:
            candidate = f"{seed}/{tried}"
            seeds.setdefault(self._index(path, candidate, count), candidate)
            tried += 1
        return [seeds[index] for index in ((first + step) % count for step in range(count)) if index in seeds]

    def variables(self, path: str, *, seed: str = "") -> frozenset[str]:
        """The variables the variant of ``path`` that ``seed`` picks reads."""
        variants = self._templates[path]
        variant = variants[zlib.crc32(f"{seed}:{path}".encode()) % len(variants)] if len(variants) > 1 else variants[0]
        if not variant.compiled:
            variant.compile()
        return variant.variables

    def variant_index(self, path: str, seed: str) -> int:
        """Which variant of ``path`` (by its place in the list) ``seed`` picks."""
        return self._index(path, seed, len(self._templates[path]))

    def every_variable(self, path: str) -> frozenset[str]:
        """The variables any variant of ``path`` reads, the built-in words said in its place included."""
        found: set[str] = set()
        for variant in (*self._templates[path], *self._built_in.get(path, ())):
            variant.compile()
            found |= variant.variables
        return frozenset(found)

    @staticmethod
    def _index(path: str, seed: str, count: int) -> int:
        return zlib.crc32(f"{seed}:{path}".encode()) % count if count > 1 else 0


def _warn(path: str, refusal: Exception, instead: str) -> None:
    # The refusal names the limit and sizes, never the conversation's values.
    detail = refusal.detail if isinstance(refusal, TemplateLimitExceeded) else str(refusal)
    _LOG.warning("template %s went past a sandbox limit with this conversation's values: %s; said %s instead",
                 path, detail, instead)  # fmt: skip


def _built_in_sources() -> dict[str, list[str]]:
    sources = {
        f"templates.{state}.{key}": list(variants)
        for state, spec in SPECS.items()
        for key, variants in spec.templates.items()
    }
    sources.update({f"templates.common.{key}": list(shared) for key, shared in COMMON_TEMPLATES.items()})
    return sources


def _plain_words(policy: Policy) -> dict[str, str]:
    """The plain sentence said instead of each of a policy's own texts."""
    plain: dict[str, str] = {"follow_up.text": PLAIN_WORDS["follow_up"]}
    if policy.compensation is not None:
        plain["compensation.offer"] = policy.compensation.title.lower()
    for name, request in policy.requests.items():
        plain[f"requests.{name}.approved"] = PLAIN_WORDS["approved"]
        for i in range(len(request.declines)):
            plain[f"requests.{name}.declines[{i}].reason"] = PLAIN_WORDS["reason"]
            plain[f"requests.{name}.declines[{i}].clearer_reason"] = PLAIN_WORDS["reason"]
        for i, alternative in enumerate(request.alternatives):
            plain[f"requests.{name}.alternatives[{i}].text"] = alternative.title.lower()
    return plain


_SAMPLE_FACTS: dict[str, Any] = {
    "text": "silver",
    "name": "Dana",
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
        reason="We can refund orders for 30 days after you buy them.",
        clearer_reason="We can only refund orders in the first 30 days.",
        approval="I've started your refund.",
        offered="store credit, or an exchange",
        several=True,
        chosen="store credit",
        compensation="a 15% discount on your next order",
        compensation_reference="GW-1A2B3C4D",
        compensation_offered=False,
        follow_up_when="tomorrow",
        follow_up_hours=24,
        follow_up_text="Hi Dana, are you happy with how it was sorted out?",
        handoff_hours="09:00 to 18:00, Monday to Friday",
        in_hours=True,
        callback=True,
        offer_callback=True,
        callback_when="tomorrow at 09:00",
        person="Alex",
        escalation_reason="anger",
        first_message=False,
        order_id="A-1001",
        days_since_purchase=45,
        continues=False,
        said_already=False,
        apologized=False,
        complained=True,
        replaced="store credit",
        noted_for="a refund",
        done_for="Order A-1002 is taken care of already: the refund is under way.",
        covered="Order A-1001 was cancelled before it left us, so there's nothing to refund.",
        put_off="a refund",
        queued="a refund",
        given=True,
        narrowing=False,
        arrived_only=False,
        hint="Order numbers look like A-1234.",
        thanked=True,
        exception=False,
        exception_text="A colleague can look at making an exception for you.",
        rationale="We can only resell items as new for a month.",
        level=1,
        unanswered=False,
        other_address=False,
        announced="question",
        repeated=False,
        pressed=False,
        remark=False,
        said_sorry=False,
        bot_asked=False,
        person_refused=False,
        someone_else_bought=False,
        told_only=False,
        questioned=True,
        acknowledged=False,
        unoffered="store credit",
        chosen_waiting="exchange",
        wanted_waiting="a refund",
        aside_answer="A refund reaches your card within 5 working days.",
        beside_request="refund",
        also_possible="a refund",
        only_refused=False,
        reason_unsaid=False,
        other_language=None,
        other_language_person=None,
        why_level=1,
        choices="store credit or an exchange",
        details="We send you a free returns label.",
        about="an exchange",
        summary="You can return most items within 30 days.",
        status_text="Refunds reach your card within 5 working days.",
        check=True,
        affirmed=False,
        question_inline="could you tell me your order number?",
        asked_before=False,
        not_known=False,
        asked_back=False,
        fact_hint="We email you a tracking link as soon as an order leaves our warehouse.",
        trouble_told=False,
        hard_times=False,
        circumstance_told=False,
        loss_told=False,
        rules_told=False,
        wished=None,
        variant="a large",
        more_asked=False,
        request_named=True,
        request_assumed=False,
        asked_for_all=False,
        apology_asked=False,
        turned_down=False,
        order_put_right=False,
        fact_put_right=False,
        second_best=False,
        chosen_named=False,
        settled_before=False,
        upset_before=False,
        insisted=False,
        asked_when=False,
        call_moved=False,
        files_complaint=False,
        offered_anyway=False,
        resume="Would that help?",
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
            if is_simple(tree):
                used = {name.name for name in tree.find_all(nodes.Name)}
                if used - self.known:
                    return [self._unknown(used - self.known)]
                text = _folded_text(tree, self.env, self.context)
            if text is None:
                # Parsed again: folding replaces the names of the tree it tried with their values.
                used, template = _compiled(self.env, self.env.parse(source))
                if used - self.known:
                    return [self._unknown(used - self.known)]
                text = self.env.render(template, self.context)
            blanks = self._blanks(source, text, used & self.optional)
        except TemplateLimitExceeded as e:
            return [str(e)]
        except RecursionError:
            return ["template nests too deeply to read; nest less"]
        except (TemplateError, TypeError, ValueError, ArithmeticError) as e:
            return [f"template does not render: {e}"]
        return self._lint(text, linted=linted) + blanks

    def _unknown(self, names: set[str]) -> str:
        return "; ".join(f"unknown variable {name}{did_you_mean(name, self.known)}" for name in sorted(names))

    def _blanks(self, source: str, text: str, optional: set[str]) -> list[str]:
        """What the template reads like with each optional fact unknown, where that leaves a visible gap."""
        if not optional:
            return []
        _, template = _compiled(self.env, self.env.parse(source))
        before = _gaps(text.strip())
        problems = []
        for name in sorted(optional):
            try:
                without = self.env.render(template, {**self.context, name: None}).strip()
            except (TemplateError, TypeError, ValueError, ArithmeticError):
                # Arithmetic on a fact that may be unknown is the engine's fallbacks' business, not a gap.
                continue
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


class _TrackingCodeGenerator(BudgetedCodeGenerator):
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
