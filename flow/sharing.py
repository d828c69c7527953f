"""What live conversation snapshots share instead of each holding a copy.

A server may hold many thousands of snapshots at once, and most of what one holds another holds too:
the same field names, fact names, request and alternative names, the hashes of the sentences every
conversation hears (the greeting, the reason, the apology). Here is how they come to hold one object
each, without changing a value:

- :func:`name` interns a name from a policy's closed vocabulary (facts, requests, alternatives,
  quick-reply payloads), as Python interns the names in its own code.
- :func:`text`, :func:`numbers` and :func:`names` share fact values, sentence hashes and tuples of
  names through caches of fixed size, as pydantic shares the strings it reads from JSON: each value
  has one slot, by its hash, which keeps the value last seen there. A value repeated across many
  conversations stays shared; one only a single conversation holds (an order number) is soon replaced,
  and nothing a customer typed is interned (interned strings may live as long as the process).
- :func:`field_dict` gives a snapshot a field dict whose keys live in one table that every snapshot
  shares, as CPython does for the attributes of plain objects: a third of the size of a dict of its own.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from typing import Any

SLOTS = 1 << 14
"""How many values each cache holds at most (well under a megabyte each when full)."""

LONGEST_TEXT = 32
"""Strings longer than this are not shared: they are rarely repeated."""

_MASK = SLOTS - 1
_texts: list[str | None] = [None] * SLOTS
_numbers: list[int | None] = [None] * SLOTS
_tuples: list[tuple[str, ...] | None] = [None] * SLOTS

name = sys.intern
"""``name(value)`` is ``value`` interned: a name from a policy's closed vocabulary."""


def text(value: str) -> str:
    """An equal string that other snapshots share, when the cache holds one; else ``value``, now cached."""
    if type(value) is not str or len(value) > LONGEST_TEXT:
        return value
    slot = hash(value) & _MASK
    cached = _texts[slot]
    if cached == value and cached is not None:
        return cached
    _texts[slot] = value
    return value


def numbers(values: list[int], start: int = 0) -> list[int]:
    """``values`` with each int from index ``start`` on replaced, in place, by an equal one other snapshots share
    (sentence hashes) when the cache holds one; the list keeps its size."""
    cache = _numbers
    for index in range(start, len(values)):
        value = values[index]
        if type(value) is not int:
            continue
        slot = value & _MASK
        cached = cache[slot]
        if cached == value and cached is not None:
            values[index] = cached
        else:
            cache[slot] = value
    return values


def names(values: tuple[str, ...]) -> tuple[str, ...]:
    """An equal tuple of interned names that other snapshots share, when the cache holds one."""
    if type(values) is not tuple or not values:
        return values
    slot = hash(values) & _MASK
    cached = _tuples[slot]
    if cached == values and cached is not None:
        return cached
    interned = _tuples[slot] = tuple(map(sys.intern, values))
    return interned


def key_table(keys: Iterable[str]) -> dict[str, Any]:
    """A dict of ``keys``, in that order, all ``None``, whose keys table its copies share.

    CPython gives the dict of a plain object a "split" table: the keys in one table kept by the class,
    the values in the dict. A copy of such a dict shares the table, and stays split while only the values
    of its keys change.
    """
    holder = type("Fields", (), {})()
    table: dict[str, Any] = holder.__dict__
    for key in keys:
        table[key] = None
    return table


def field_dict(values: Mapping[str, Any], table: dict[str, Any]) -> dict[str, Any]:
    """A dict equal to ``values`` that shares ``table``'s keys; ``values`` must have exactly its keys."""
    shared = table.copy()
    shared.update(values)
    return shared
