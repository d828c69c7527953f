"""The filters and string methods a policy template may use, each checked for what it would build.

Every filter call is counted against the render's budget and its result measured. Filters that
turn their value into text first check how long that text would be; filters and ``str`` methods
that take a width or count, or can multiply what they are given (``center``, ``indent``,
``wordwrap``, ``format``, ``replace``, ``join``, ``batch``, ``slice``, ``sum``, ``ljust``,
``rjust``, ``zfill``, ``expandtabs``), work out the size of their result from their arguments
before they run. ``tojson`` is not available: it writes JSON for HTML pages, which chat text never needs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from flow.budget import Budget, printed_size, printf_size, replaced_size
from flow.errors import TemplateLimitExceeded

Check = Callable[[Budget, Any, tuple[Any, ...], dict[str, Any]], tuple[Any, ...]]
"""Checks a filter's value and arguments before it runs; returns the positional arguments to call it with."""

_REMOVED = frozenset({"tojson"})
_TEXT_FILTERS = frozenset(
    """capitalize center e escape forceescape format indent lower pprint replace safe string striptags title
    trim truncate upper urlencode urlize wordcount wordwrap xmlattr""".split()
)
"""Filters that turn their value into text before anything else."""


def guarded_filters(filters: Mapping[str, Callable[..., Any]], budget: Callable[[], Budget]) -> dict[str, Any]:
    """Jinja's filters, each wrapped to count its call, check its arguments and measure its result."""
    return {name: _guarded(name, filter_, budget) for name, filter_ in filters.items() if name not in _REMOVED}


def _guarded(name: str, filter_: Callable[..., Any], budget: Callable[[], Budget]) -> Callable[..., Any]:
    # A filter marked with pass_context / pass_eval_context / pass_environment takes that first.
    skip = 1 if getattr(filter_, "jinja_pass_arg", None) is not None else 0
    check = _CHECKS.get(name)
    step = f"'{name}'"

    @functools.wraps(filter_)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        spent = budget()
        if len(args) > skip:
            value = args[skip]
            if name in _TEXT_FILTERS and not isinstance(value, str):
                spent.fits(step, printed_size(value, spent.limits.text))
            if check is not None:
                args = (*args[:skip], *check(spent, value, args[skip + 1 :], kwargs))
        spent.enter_call()
        try:
            result = filter_(*args, **kwargs)
        finally:
            spent.leave_call()
        if isinstance(result, str | list | tuple | dict):
            spent.build(step, len(result), unit="characters" if isinstance(result, str) else "items")
        return result

    return guarded


def _argument(rest: tuple[Any, ...], kwargs: Mapping[str, Any], index: int, name: str, default: Any) -> Any:
    return rest[index] if len(rest) > index else kwargs.get(name, default)


def _center(spent: Budget, value: Any, rest: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    width = _argument(rest, kwargs, 0, "width", 80)
    if isinstance(width, int):
        spent.fits("'center'", max(width, len(str(value))))
    return (value, *rest)


def _indent(spent: Budget, value: Any, rest: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    width = _argument(rest, kwargs, 0, "width", 4)
    text = str(value)
    each = width if isinstance(width, int) else len(str(width))
    spent.fits("'indent'", len(text) + (text.count("\n") + 1) * max(each, 0))
    return (value, *rest)


def _wordwrap(spent: Budget, value: Any, rest: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    width = _argument(rest, kwargs, 0, "width", 79)
    wrap = _argument(rest, kwargs, 2, "wrapstring", None)
    text = str(value)
    if isinstance(width, int):
        lines = min(len(text) + 1, text.count(" ") + text.count("\n") + len(text) // max(width, 1) + 1)
        spent.fits("'wordwrap'", len(text) + lines * len(str(wrap) if wrap is not None else "\n"))
    return (value, *rest)


def _format(spent: Budget, value: Any, rest: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    spent.fits("'%' formatting", printf_size(str(value), kwargs or rest, spent.limits.text))
    return (value, *rest)


def _replace(spent: Budget, value: Any, rest: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    old, new = _argument(rest, kwargs, 0, "old", ""), _argument(rest, kwargs, 1, "new", "")
    count = _argument(rest, kwargs, 2, "count", None)
    spent.fits("'replace'", replaced_size(str(value), str(old), str(new), count if isinstance(count, int) else None))
    return (value, *rest)


def _join(spent: Budget, value: Any, rest: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    items = list(value)
    separator = str(_argument(rest, kwargs, 0, "d", ""))
    spent.fits("'join'", joined_size(items, separator, spent.limits.text))
    return (items, *rest)


def _counted(filter_name: str, argument: str) -> Check:
    """A check that a filter's first argument, the number of items it makes, is within the text limit."""

    def check(spent: Budget, value: Any, rest: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
        count = _argument(rest, kwargs, 0, argument, 0)
        if isinstance(count, int):
            spent.fits(f"'{filter_name}'", count, unit="items")
        return (value, *rest)

    return check


def _sum(spent: Budget, value: Any, rest: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    items = list(value)
    start = _argument(rest, kwargs, 1, "start", 0)
    plain = _argument(rest, kwargs, 0, "attribute", None) is None
    if not _is_number(start) or (plain and not all(_is_number(item) for item in items)):
        raise TemplateLimitExceeded(
            "text", "'sum' adds numbers only; adding up texts or lists could build without limit"
        )
    return (items, *rest)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float)


_CHECKS: dict[str, Check] = {
    "center": _center,
    "indent": _indent,
    "wordwrap": _wordwrap,
    "format": _format,
    "replace": _replace,
    "join": _join,
    "batch": _counted("batch", "linecount"),
    "slice": _counted("slice", "slices"),
    "sum": _sum,
}


def joined_size(items: list[Any], separator: str, cap: int) -> int:
    """How long ``separator.join`` of the items, printed, would be."""
    return len(separator) * max(len(items) - 1, 0) + sum(printed_size(item, cap) for item in items)


def method_size(
    spent: Budget, owner: str, name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> tuple[Any, ...]:
    """Check a ``str`` method that can build more than it is given, before it runs; return its arguments."""
    if name in ("center", "ljust", "rjust", "zfill"):
        width = _argument(args, kwargs, 0, "width", 0)
        if isinstance(width, int):
            spent.fits(f"'{name}'", max(width, len(owner)))
    elif name == "expandtabs":
        size = _argument(args, kwargs, 0, "tabsize", 8)
        if isinstance(size, int):
            spent.fits("'expandtabs'", len(owner) + owner.count("\t") * max(size, 0))
    elif name == "replace":
        old, new = _argument(args, kwargs, 0, "old", ""), _argument(args, kwargs, 1, "new", "")
        count = _argument(args, kwargs, 2, "count", -1)
        if isinstance(old, str) and isinstance(new, str) and isinstance(count, int):
            spent.fits("'replace'", replaced_size(owner, old, new, count))
    elif name == "join" and args:
        items = list(args[0])
        spent.fits("'join'", joined_size(items, owner, spent.limits.text))
        return (items, *args[1:])
    return args
