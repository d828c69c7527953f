"""The sandbox every policy template runs in: no globals, no other templates, and a budget for each render.

Policy templates are written by support leads, not programmers, and may be copied from anywhere; the
sandbox makes sure a template can only format the values the engine hands it, and cannot hold more
memory or time than a sentence needs, whatever those values are. Jinja2's immutable sandbox keeps
templates away from Python's internals and from changing lists and dicts; on top of it every loop
iteration, call, written piece and growing step (widths, repetition, ``replace``, ``join``, ``~``,
``+``, ``%`` and ``str.format``) is counted or checked against :class:`~flow.budget.Limits` before
it runs (see :mod:`flow.budget`).
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from string import Formatter
from typing import Any

from jinja2 import StrictUndefined, Template, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEscapeFormatter, SandboxedFormatter
from markupsafe import Markup

from flow.budget import ACTIVE, Budget, Limits, current, largest_number, printed_size, printf_size
from flow.errors import TemplateLimitExceeded
from flow.sandbox_filters import guarded_filters, method_size

_LOADING = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)
_STR_METHODS = frozenset(
    """capitalize casefold center count endswith expandtabs find format format_map index isalnum isalpha
    isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust
    lower lstrip partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip
    split splitlines startswith strip swapcase title upper zfill striptags unescape""".split()
)
_METHODS: tuple[tuple[type | tuple[type, ...], frozenset[str]], ...] = (
    (str, _STR_METHODS),
    ((list, tuple), frozenset({"count", "index"})),
    (dict, frozenset({"get", "items", "keys", "values"})),
    (float, frozenset({"is_integer"})),
    ((int, bytes, bytearray, set, frozenset), frozenset()),
)
"""The methods a template may call on the builtin types; every other method of theirs is refused."""


SIMPLE_NODES = (
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
"""Nodes of templates that cannot grow past their text and the values they are given: text, names,
``if``, comparisons, ``and``/``or``/``not`` and ``~``. Constant folding gives exactly what rendering
gives for them, and none of them assigns a name."""


def is_simple(tree: nodes.Template) -> bool:
    """Whether a parsed template uses only :data:`SIMPLE_NODES`: it needs no counting while it renders."""
    return all(isinstance(node, SIMPLE_NODES) for node in tree.find_all(nodes.Node))


def _blank_none(value: Any) -> Any:
    return "" if value is None else value


class PolicySandbox(ImmutableSandboxedEnvironment):
    """A Jinja2 sandbox with no globals (no ``range``, ``lipsum``, ``cycler``, ``joiner``, ``namespace``),
    strict undefined variables, no changes to lists or dicts, and a :class:`Budget` for every render.

    Render with :meth:`render`, which starts the budget. A value that is not known yet renders as
    nothing rather than the word "None".
    """

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *, limits: Limits | None = None) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False, finalize=_blank_none)
        self.limits = limits or Limits()
        self.globals.clear()
        self.filters = guarded_filters(self.filters, self.budget)
        self.code_generator_class = BudgetedCodeGenerator

    def budget(self) -> Budget:
        """The budget of the render under way (a fresh one for a step taken outside :meth:`render`)."""
        return current(self.limits)

    def render(self, template: Template, context: Mapping[str, Any], *, simple: bool = False) -> str:
        """Render ``template`` with ``context`` under a fresh budget; raise :class:`TemplateLimitExceeded`
        when it goes past a limit. The context is read, never copied or written.

        ``simple`` says the template uses only :data:`SIMPLE_NODES` (see :func:`is_simple`): its code counts
        nothing, so it is rendered without a budget; its length is still checked.
        """
        token = None if simple else ACTIVE.set(Budget(self.limits))
        try:
            # Every piece a template yields has been counted as written, so joining them first is safe.
            # What template.new_context(context, shared=True) makes, without its two calls on the way; the
            # globals are only read for their names, and the sandbox has none.
            frame = self.context_class(self, context, template.name, template.blocks, globals=template.globals or None)  # type: ignore[arg-type]
            text = "".join(template.root_render_func(frame))
        except RecursionError as e:
            raise TemplateLimitExceeded("depth", "it nests too deeply to render; nest less") from e
        finally:
            if token is not None:
                ACTIVE.reset(token)
        limit = self.limits.output
        if len(text) > limit:
            raise TemplateLimitExceeded("output", f"it renders more than {limit:,} characters; shorten it")
        return text

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja's rules, and only the listed methods of the builtin types (no ``encode``, ``translate``...)."""
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if callable(value):
            for kinds, allowed in _METHODS:
                if isinstance(obj, kinds):
                    return attr in allowed
        return True

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        """Call a macro, method or function from a template, counted and with growing methods checked first."""
        budget = __self.budget()
        if isinstance(__obj, LoopContext) and args:
            args = (__self.count_loop(args[0]), *args[1:])
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            args = method_size(budget, owner, getattr(__obj, "__name__", ""), args, kwargs)
        budget.enter_call()
        try:
            result = super().call(__context, __obj, *args, **kwargs)
        finally:
            budget.leave_call()
        if isinstance(result, str):
            budget.build("a call", len(result))
        return result

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """``*``, ``**``, ``+`` and ``%``, each checked for what it would build before it is computed."""
        budget = self.budget()
        budget.check_time()
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, str | list | tuple) and isinstance(count, int):
                    unit = "characters" if isinstance(sequence, str) else "items"
                    budget.build("'*'", len(sequence) * max(count, 0), unit=unit)
            if isinstance(left, int) and isinstance(right, int):
                budget.number("'*'", left.bit_length() + right.bit_length())
        elif operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
            budget.number("'**'", max(left.bit_length(), 1) * right)
        elif operator == "+" and isinstance(left, str | list | tuple) and type(left) is type(right):
            budget.build("'+'", len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            budget.build("'%' formatting", printf_size(left, right, self.limits.text))
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` and ``format_map`` through a formatter that checks each field before formatting it."""
        if not isinstance(value, types.MethodType | types.BuiltinMethodType) or value.__name__ not in (
            "format",
            "format_map",
        ):
            return None
        owner = value.__self__
        if not isinstance(owner, str):
            return None
        mapped = value.__name__ == "format_map"
        text_type = type(owner)
        sandbox = self

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if mapped:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                kwargs = args[0]
                args = ()
            formatter: Formatter
            if isinstance(owner, Markup):
                formatter = _BudgetedEscapeFormatter(sandbox, escape=owner.escape)
            else:
                formatter = _BudgetedFormatter(sandbox)
            return text_type(formatter.vformat(owner, args, kwargs))

        return functools.update_wrapper(wrapper, value)

    def count_loop(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """``iterable``, counting each iteration against the budget (every ``{% for %}`` goes through here)."""
        budget = self.budget()
        for item in iterable:
            budget.iterate()
            yield item

    def concatenate(self, parts: tuple[Any, ...]) -> str:
        """``a ~ b ~ c``, checked for what it would build."""
        self.budget().build("'~'", sum(printed_size(part, self.limits.text) for part in parts))
        return "".join(map(str, parts))

    def printable(self, value: Any) -> Any:
        """A value about to be written out, checked for how long it prints and counted as written."""
        budget = ACTIVE.get() or Budget(self.limits)
        size = len(value) if type(value) is str else printed_size(value, self.limits.text)
        budget.written += size
        if size > budget.limits.text or budget.written > budget.limits.written:
            budget.build("writing a value", size)
        return value

    def constant(self, text: str) -> str:
        """Template text about to be written out, counted as written."""
        budget = ACTIVE.get() or Budget(self.limits)
        budget.written += len(text)
        if budget.written > budget.limits.written:
            budget.write(0)
        return text


class _FieldChecks:
    """Checks each ``str.format`` field's width and printed size, and the text built so far, before formatting."""

    _sandbox: PolicySandbox
    _built: int

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion in ("r", "a"):
            self._sandbox.budget().build("'format'", printed_size(value, self._sandbox.limits.text) * 4)
        return super().convert_field(value, conversion)  # type: ignore[misc]

    def format_field(self, value: Any, format_spec: str) -> Any:
        size = max(largest_number(format_spec), printed_size(value, self._sandbox.limits.text))
        self._built += size
        self._sandbox.budget().build("'format'", max(size, self._built))
        return super().format_field(value, format_spec)  # type: ignore[misc]


class _BudgetedFormatter(_FieldChecks, SandboxedFormatter):
    def __init__(self, sandbox: PolicySandbox) -> None:
        super().__init__(sandbox)
        self._sandbox = sandbox
        self._built = 0


class _BudgetedEscapeFormatter(_FieldChecks, SandboxedEscapeFormatter):
    def __init__(self, sandbox: PolicySandbox, *, escape: Callable[[Any], Markup]) -> None:
        super().__init__(sandbox, escape=escape)
        self._sandbox = sandbox
        self._built = 0


class BudgetedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with every loop, concatenation and written piece going through the sandbox."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loop_iterables: set[int] = set()
        self._counting = True

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        # A simple template is bounded by its text and its values (the render still checks its length),
        # so its pieces are written without counting, as fast as before the sandbox had budgets.
        self._counting = not is_simple(node)
        super().visit_Template(node, frame)

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        """Visit ``node``; the iterable of a ``{% for %}`` is wrapped so that each iteration is counted."""
        if id(node) not in self._loop_iterables:
            return super().visit(node, *args, **kwargs)
        self.write("environment.count_loop(")
        super().visit(node, *args, **kwargs)
        self.write(")")
        return None

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        self._loop_iterables.add(id(node.iter))
        super().visit_For(node, frame)

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if not self._counting:
            super().visit_Concat(node, frame)
            return
        self.write("environment.concatenate((")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write("))")

    def _output_const_repr(self, group: Iterable[Any]) -> str:
        text = super()._output_const_repr(group)
        return f"environment.constant({text})" if self._counting else text

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        super()._output_child_pre(node, frame, finalize)
        if self._counting:
            self.write("environment.printable(")

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if self._counting:
            self.write(")")
        super()._output_child_post(node, frame, finalize)


def forbidden_constructs(tree: nodes.Template) -> list[str]:
    """What a parsed policy template uses that the sandbox does not allow: other templates and ``self``."""
    found: list[str] = []
    for node in tree.find_all(_LOADING):
        found.append(f"'{type(node).__name__.lower()}' of another template")
    for name in tree.find_all(nodes.Name):
        if name.name == "self":
            found.append("'self' (the template itself)")
    return found
