"""The sandbox every policy template runs in: no globals, no other templates, bounded arithmetic.

Policy templates are written by support leads, not programmers, and may be copied from anywhere; the
sandbox makes sure a template can only format the values the engine hands it.
"""

from __future__ import annotations

from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

MAX_REPEAT = 10_000
MAX_EXPONENT = 64
_LOADING = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


def _blank_none(value: Any) -> Any:
    return "" if value is None else value


class PolicySandbox(SandboxedEnvironment):
    """A Jinja2 sandbox with no globals (no ``range``, ``lipsum``, ``cycler``, ``joiner``, ``namespace``),
    strict undefined variables, and repetition and powers bounded so a template cannot exhaust memory.

    A value that is not known yet renders as nothing rather than the word "None".
    """

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False, finalize=_blank_none)
        self.globals.clear()

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuse ``'x' * 10**10`` and ``2 ** 10**6`` before they are computed."""
        if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"a power above {MAX_EXPONENT} is not allowed in a template")
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, str | list | tuple) and isinstance(count, int):
                    if len(sequence) * count > MAX_REPEAT:
                        raise SecurityError(f"repeating text past {MAX_REPEAT} characters is not allowed in a template")
        return super().call_binop(context, operator, left, right)


def forbidden_constructs(tree: nodes.Template) -> list[str]:
    """What a parsed policy template uses that the sandbox does not allow: other templates and ``self``."""
    found: list[str] = []
    for node in tree.find_all(_LOADING):
        found.append(f"'{type(node).__name__.lower()}' of another template")
    for name in tree.find_all(nodes.Name):
        if name.name == "self":
            found.append("'self' (the template itself)")
    return found
