"""Counts in plain English: "1 conversation", "2,000 conversations"."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``noun`` for one, else ``many`` (``noun`` + "s" when not given)."""
    return noun if count == 1 else (many or noun + "s")


def counted(count: int, noun: str, many: str | None = None) -> str:
    """``count`` with thousands separators and the noun that agrees with it: ``"1 request"``, ``"3 requests"``."""
    return f"{count:,} {plural(count, noun, many)}"
