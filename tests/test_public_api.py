"""The public face of the package is ``tactful``: exactly what its ``__all__`` says, cheap to import."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import flow.errors
import tactful

ROOT = Path(__file__).parents[1]
HELPERS = {"annotations", "import_module", "TYPE_CHECKING", "Any"}


def test_the_module_defines_no_public_name_outside_all() -> None:
    public = {
        name
        for name, value in vars(tactful).items()
        if not name.startswith(("_", "@")) and not inspect.ismodule(value)  # submodules; pytest's rewriting
    } - HELPERS
    assert public - set(tactful.__all__) == set()


def test_every_exported_name_resolves_and_has_a_docstring() -> None:
    missing = [name for name in tactful.__all__ if name != "__version__" and not inspect.getdoc(getattr(tactful, name))]
    assert missing == []


def test_every_error_of_the_hierarchy_is_exported() -> None:
    errors = {
        name
        for name, value in vars(flow.errors).items()
        if isinstance(value, type) and issubclass(value, flow.errors.TactfulError)
    }
    assert errors - set(tactful.__all__) == set()


def test_every_name_the_docs_import_from_tactful_is_exported() -> None:
    imported: set[str] = set()
    for document in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]:
        for names in re.findall(r"from tactful import ([\w, ]+)", document.read_text(encoding="utf-8")):
            imported.update(name.strip() for name in names.split(","))
    assert {"Engine", "load_policy"} <= imported
    assert imported - set(tactful.__all__) == set()


def test_the_version_is_the_installed_distributions() -> None:
    from importlib.metadata import version

    assert tactful.__version__ == version("tactful")


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Engin'"):
        tactful.Engin  # type: ignore[attr-defined]  # noqa: B018


def test_the_old_package_name_still_resolves_the_same_objects() -> None:
    import flow

    assert flow.Engine is tactful.Engine
    assert flow.load_policy is tactful.load_policy
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        flow.Nope  # type: ignore[attr-defined]  # noqa: B018


def test_importing_the_package_loads_no_heavy_dependency() -> None:
    heavy = "('pydantic', 'jinja2', 'transitions', 'yaml', 'fastapi', 'matplotlib', 'redis', 'pytest_bdd')"
    probe = f"import sys, tactful; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_an_engine_turn_imports_no_server_plot_or_test_library() -> None:
    probe = (
        "import sys; from tactful import Engine, load_policy; "
        "engine = Engine(load_policy('retail')); "
        "engine.start(facts={'order_id': 'A-1001', 'days_since_purchase': 45}, message='I want a refund'); "
        "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette', 'redis', 'matplotlib', 'pytest_bdd', 'httpx') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_step_library_api_is_under_tactful_testing() -> None:
    import flow.testing
    import tactful.testing

    assert tactful.testing.__all__ == flow.testing.__all__
    assert tactful.testing.alias is flow.testing.alias
    assert tactful.testing.DEFAULT_MONITORS is flow.testing.DEFAULT_MONITORS
