"""Turning a store client's own timeout and connection errors into :class:`~flow.errors.StoreUnavailable`.

Callers of a store then handle one error for "the store cannot answer now", whatever the store is,
and tell it apart from a bug (which keeps its own exception).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from flow.errors import StoreUnavailable

S = TypeVar("S", bound=type)

Diagnose = Callable[[Any, Exception], StoreUnavailable | None]
"""Given the store and a caught error: the outage it means, or ``None`` when it is no outage."""


def reports_outages(*errors: type[Exception], diagnose: Diagnose) -> Callable[[S], S]:
    """A class decorator: every public method of the store raises ``StoreUnavailable`` for an outage.

    ``errors`` are the client's exception types that may mean an outage; ``diagnose`` decides for
    each caught one, and the original error is raised again when it returns ``None``.
    """

    def decorate(cls: S) -> S:
        for name, member in list(vars(cls).items()):
            if not name.startswith("_") and inspect.isfunction(member):
                setattr(cls, name, _guarded(member, errors, diagnose))
        return cls

    return decorate


def _guarded(method: Callable[..., Any], errors: tuple[type[Exception], ...], diagnose: Diagnose) -> Any:
    if inspect.isgeneratorfunction(method):

        @functools.wraps(method)
        def iterate(store: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
            try:
                yield from method(store, *args, **kwargs)
            except errors as error:
                outage = diagnose(store, error)
                if outage is None:
                    raise
                raise outage from error

        return iterate

    @functools.wraps(method)
    def call(store: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(store, *args, **kwargs)
        except errors as error:
            outage = diagnose(store, error)
            if outage is None:
                raise
            raise outage from error

    return call
