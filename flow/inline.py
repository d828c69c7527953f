"""Keeping values from outside on one line when they are put into what the agent says.

Chat channels split the agent's text into messages at blank lines, and a person reads the handoff
summary line by line. A fact the customer or the host supplied (a name, an order number) is put
into that text as written, so a line break inside it would start a message or a line of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

V = TypeVar("V")


def inline(value: V) -> V:
    """``value`` with every run of whitespace, line breaks included, made one space; non-text values as they are.

    Python's whitespace covers every character ``str.splitlines`` breaks at (``\\n``, ``\\r``,
    ``\\v``, ``\\f``, ``\\x1c``-``\\x1e``, ``\\x85``, ``\\u2028``, ``\\u2029``).
    """
    if isinstance(value, str):
        return " ".join(value.split())  # type: ignore[return-value]
    return value


def inline_all(values: Mapping[str, V]) -> dict[str, V]:
    """Every value of ``values`` on one line."""
    return {name: inline(value) for name, value in values.items()}
