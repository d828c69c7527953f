"""The engine behind :mod:`tactful`: policy loading, the flow graph, understanding, stores and channels.

Import the public names from ``tactful`` (``from tactful import Engine, load_policy``). The same
names still resolve here (``from flow import Engine``) for code written before the package was
called ``tactful``; ``flow`` is a generic name that other projects use too, so new code should not
depend on it.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    import tactful

    if name not in tactful.__all__:
        raise AttributeError(f"module 'flow' has no attribute {name!r}")
    value = getattr(tactful, name)
    globals()[name] = value
    return value
