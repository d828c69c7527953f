"""The ``pytest11`` entry point: loads tactful's step library when the ``testing`` extra is installed.

The entry point ships with the engine, so it must cost nothing where pytest-bdd is missing (an app
that embeds the engine and runs its own tests with plain pytest): then it registers nothing.
"""

from __future__ import annotations

from importlib.util import find_spec

pytest_plugins = ["flow.testing.plugin"] if find_spec("pytest_bdd") is not None else []
