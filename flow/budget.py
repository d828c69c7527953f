"""What one render of a policy template may spend, and the counting against it.

A template is rendered with a :class:`Budget` made from the sandbox's :class:`Limits`; every step
that could grow (a loop iteration, a call, text built by a filter, a method or an operator, text
written out) is checked or counted before it is taken, so a template is stopped before it holds
memory or time it should not. The sizes a step would build are worked out here from its arguments,
without building anything.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from flow.errors import TemplateLimitExceeded


@dataclass(frozen=True, slots=True)
class Limits:
    """The sandbox's limits for one render of one template (the defaults are documented in docs/guarantees.md)."""

    output: int = 20_000
    """Characters one template may render."""
    text: int = 20_000
    """Characters (or items) in any one text or list a step builds: widths, repetition, joins, replacements."""
    written: int = 200_000
    """Characters written in all while rendering: output, text kept in blocks and macros, text steps build."""
    iterations: int = 1_000
    """Loop iterations, all loops together."""
    calls: int = 1_000
    """Calls of macros, filters and methods."""
    depth: int = 20
    """Calls inside calls (a macro that calls itself)."""
    number_bits: int = 4_096
    """The size of any whole number a step builds."""
    seconds: float = 1.0
    """Time to render, a backstop behind the counts above."""


class Budget:
    """What one render has spent so far against its :class:`Limits`."""

    __slots__ = ("calls", "deadline", "depth", "iterations", "limits", "written")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.iterations = 0
        self.calls = 0
        self.depth = 0
        self.written = 0
        self.deadline = time.monotonic() + limits.seconds

    def iterate(self) -> None:
        """Count one loop iteration."""
        self.iterations += 1
        if self.iterations > self.limits.iterations:
            raise TemplateLimitExceeded(
                "iterations", f"it runs more than {self.limits.iterations:,} loop iterations; loop over fewer items"
            )
        self.check_time()

    def enter_call(self) -> None:
        """Count one call of a macro, filter or method, and one level of nesting until :meth:`leave_call`."""
        self.calls += 1
        self.depth += 1
        if self.calls > self.limits.calls:
            raise TemplateLimitExceeded(
                "calls", f"it makes more than {self.limits.calls:,} calls of macros, filters and methods; call fewer"
            )
        if self.depth > self.limits.depth:
            raise TemplateLimitExceeded(
                "depth",
                f"it nests calls deeper than {self.limits.depth} (a macro that calls itself?); call less deeply",
            )
        self.check_time()

    def leave_call(self) -> None:
        """The call counted by :meth:`enter_call` has returned."""
        self.depth -= 1

    def build(self, step: str, size: int, *, unit: str = "characters") -> None:
        """Allow a step to build a text or list of ``size``, and count it as written."""
        self.fits(step, size, unit=unit)
        self.write(size)

    def fits(self, step: str, size: int, *, unit: str = "characters") -> None:
        """Allow a text or list of ``size`` that a step built, without counting it again."""
        if size > self.limits.text:
            raise TemplateLimitExceeded(
                "text",
                f"{step} would build {size:,} {unit}; the longest text or list a step may build is "
                f"{self.limits.text:,}, so use a smaller width or count",
            )

    def write(self, size: int) -> None:
        """Count ``size`` characters written."""
        self.written += size
        if self.written > self.limits.written:
            raise TemplateLimitExceeded(
                "written",
                f"it writes more than {self.limits.written:,} characters in all while rendering; write or loop less",
            )

    def number(self, step: str, bits: int) -> None:
        """Allow a step to build a whole number of ``bits`` bits."""
        if bits > self.limits.number_bits:
            raise TemplateLimitExceeded(
                "number_bits",
                f"{step} would build a number of {bits:,} bits; numbers may have at most {self.limits.number_bits:,}",
            )

    def check_time(self) -> None:
        """Stop a render that has run past its time."""
        if time.monotonic() > self.deadline:
            raise TemplateLimitExceeded(
                "seconds", f"it takes longer than {self.limits.seconds:g} s to render; make it simpler"
            )


ACTIVE: ContextVar[Budget | None] = ContextVar("tactful_template_budget", default=None)
"""The budget of the render under way; renders on other threads or tasks have their own."""


def current(limits: Limits) -> Budget:
    """The budget of the render under way, or a fresh one for a step taken outside any render."""
    return ACTIVE.get() or Budget(limits)


def printed_size(value: Any, cap: int) -> int:
    """How many characters ``str(value)`` has, at most, counting no further than just past ``cap``.

    Worked out without printing, so a list that repeats one long text many times is measured, not built.
    """
    total = 0
    stack = [(value, False)]
    while stack and total <= cap:
        item, nested = stack.pop()
        if isinstance(item, str):
            # Inside a list or dict a text is printed with its repr: quotes, and escapes for what is not printable.
            total += len(item) if not nested else 2 + len(item) * (2 if item.isprintable() else 10)
        elif isinstance(item, bool) or item is None:
            total += 5
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 2
        elif isinstance(item, float):
            total += 24
        elif isinstance(item, list | tuple | set | frozenset):
            total += 2 + 2 * len(item)
            stack.extend((element, True) for element in item)
        elif isinstance(item, Mapping):
            total += 2 + 4 * len(item)
            stack.extend((element, True) for pair in item.items() for element in pair)
        else:
            total += 80
    return total


def largest_number(spec: str) -> int:
    """The largest number written in a format specification (widths and precisions), capped at 10**18."""
    runs = "".join(char if "0" <= char <= "9" else " " for char in spec).split()
    return max((int(run) if len(run) <= 18 else 10**18 for run in runs), default=0)


def printf_size(template: str, values: Any, cap: int) -> int:
    """How long ``template % values`` can be, from its conversions' widths and the values' printed sizes."""
    if isinstance(values, tuple):
        items = list(values)
    elif isinstance(values, Mapping):
        items = list(values.values())
    else:
        items = [values]
    longest = max((printed_size(item, cap) for item in items), default=0)
    conversions = widest = 0
    starred = False
    at = template.find("%")
    while at != -1:
        end = at + 1
        if template.startswith("(", end):
            end = template.find(")", end) + 1
            if end == 0:
                break
        start = end
        while end < len(template) and template[end] in "#0- +*.0123456789hlL":
            end += 1
        if end < len(template) and template[end] != "%":
            conversions += 1
            widest = max(widest, largest_number(template[start:end]))
            starred = starred or "*" in template[start:end]
        at = template.find("%", end + 1)
    if starred:
        widest = max([widest, *(abs(item) for item in items if isinstance(item, int))])
    return len(template) + conversions * max(widest, longest)


def replaced_size(text: str, old: str, new: str, count: int | None) -> int:
    """How long ``text.replace(old, new, count)`` is, without replacing."""
    found = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        found = min(found, count)
    return len(text) + found * (len(new) - len(old))
