"""The optional parts of tactful (its extras), and the check that names the one to install.

The engine installs light: a web server, Redis, plotting and the pytest plugin each come with an
extra. Code that needs one calls :func:`require` before importing it, so a missing extra is a
:class:`~flow.errors.MissingExtra` that says what to install rather than a bare import error.
"""

from __future__ import annotations

from importlib.util import find_spec

from flow.errors import MissingExtra

EXTRAS: dict[str, tuple[str, ...]] = {
    "server": ("fastapi", "uvicorn", "prometheus_client", "httpx", "orjson"),
    "redis": ("redis",),
    "postgres": ("psycopg", "psycopg_pool"),
    "socketio": ("socketio",),
    "report": ("matplotlib",),
    "testing": ("pytest_bdd",),
}
"""The modules each extra brings, by the name they are imported under."""


def missing(extra: str) -> str | None:
    """The first module of ``extra`` that is not installed, or ``None`` when the extra is there."""
    for module in EXTRAS[extra]:
        if find_spec(module) is None:
            return module
    return None


def require(extra: str, *, what: str) -> None:
    """Raise :class:`MissingExtra` naming ``extra`` when any of its modules is not installed."""
    module = missing(extra)
    if module is not None:
        raise MissingExtra(what, extra, module)
